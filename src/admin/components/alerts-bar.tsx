/**
 * Partners that stopped linking back or moved their link into a footer or
 * sidebar: the first thing on the page, each with a way into its detail.
 */
import { Button } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { Alert } from '../../core/report';
import { alertSentence, formatDate } from '../messages';

interface Props {
	alerts: Alert[];
	onOpenPartner: ( domain: string ) => void;
}

export function AlertsBar( { alerts, onOpenPartner }: Props ) {
	if ( ! alerts.length ) {
		return null;
	}
	return (
		<section className="rlg-alerts" aria-labelledby="rlg-alerts-title">
			<div className="notice notice-warning inline">
				<h2 id="rlg-alerts-title" className="rlg-alerts__title">
					{ sprintf(
						/* translators: %d: number of alerts. */
						_n(
							'%d partner changed its link to this site',
							'%d partners changed their links to this site',
							alerts.length,
							'reciprocal-link-guard'
						),
						alerts.length
					) }
				</h2>
				<ul className="rlg-alerts__list">
					{ alerts.map( ( alert ) => (
						<li
							key={ `${ alert.domain }:${ alert.kind }` }
							className={ `rlg-alert rlg-alert--${ alert.kind }` }
						>
							<span>{ alertSentence( alert ) }</span>{ ' ' }
							<span className="rlg-alert__since">
								{ sprintf(
									/* translators: %s: a date. */
									__( 'Since %s.', 'reciprocal-link-guard' ),
									formatDate( alert.since )
								) }
							</span>{ ' ' }
							<Button
								variant="link"
								onClick={ () => onOpenPartner( alert.domain ) }
							>
								{ sprintf(
									/* translators: %s: the partner's domain. */
									__( 'Review %s', 'reciprocal-link-guard' ),
									alert.domain
								) }
							</Button>
						</li>
					) ) }
				</ul>
			</div>
		</section>
	);
}
