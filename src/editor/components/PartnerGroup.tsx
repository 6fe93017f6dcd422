/* @jsxRuntime classic */
/* @jsx createElement */
/**
 * All links of the post to one partner domain, as a collapsible panel
 * whose title says at a glance whether the partner links back.
 */
import { PanelBody } from '@wordpress/components';
import { createElement } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { Finding } from '../../core';
import type { FixAction } from '../analysis/fixes';
import { findingsForKey, type PartnerGroup as Group } from '../links/status';
import type { EditorLink, LinkStatus } from '../types';
import { LinkRow } from './LinkRow';

export interface PartnerGroupProps {
	group: Group;
	statusOf: ( link: EditorLink ) => LinkStatus;
	findings: readonly Finding[];
	keyOf: ( url: string ) => string;
	onShow: ( link: EditorLink ) => void;
	onAction: ( link: EditorLink, action: FixAction ) => void;
}

function summary( group: Group, statuses: LinkStatus[] ): string {
	if ( statuses.some( ( s ) => s.kind === 'links-back' ) ) {
		return __( 'links back', 'reciprocal-link-guard' );
	}
	if (
		statuses.some( ( s ) => s.kind === 'checking' || s.kind === 'waiting' )
	) {
		return __( 'checking', 'reciprocal-link-guard' );
	}
	if ( statuses.every( ( s ) => s.kind === 'no-link' ) ) {
		return __( 'no link back', 'reciprocal-link-guard' );
	}
	if ( statuses.every( ( s ) => s.kind === 'could-not-check' ) ) {
		return __( 'could not check', 'reciprocal-link-guard' );
	}
	return sprintf(
		/* translators: %d: number of links. */
		_n(
			'%d link',
			'%d links',
			group.links.length,
			'reciprocal-link-guard'
		),
		group.links.length
	);
}

export function PartnerGroup( {
	group,
	statusOf,
	findings,
	keyOf,
	onShow,
	onAction,
}: PartnerGroupProps ) {
	const statuses = group.links.map( statusOf );
	const problems = group.findings.filter( ( f ) => f.severity !== 'info' );
	const title = problems.length
		? sprintf(
				/* translators: 1: domain, 2: status summary, 3: number of problems. */
				_n(
					'%1$s — %2$s, %3$d problem',
					'%1$s — %2$s, %3$d problems',
					problems.length,
					'reciprocal-link-guard'
				),
				group.domain,
				summary( group, statuses ),
				problems.length
			)
		: sprintf(
				/* translators: 1: domain, 2: status summary. */
				__( '%1$s — %2$s', 'reciprocal-link-guard' ),
				group.domain,
				summary( group, statuses )
			);
	const seen = new Set< string >();
	return (
		<PanelBody
			title={ title }
			initialOpen
			className={ `rlg-partner${
				problems.length ? ' rlg-partner--problems' : ''
			}` }
		>
			<ul className="rlg-partner__links">
				{ group.links.map( ( link, index ) => {
					// A target's findings are shown once, on its first link.
					const first = ! seen.has( link.key );
					seen.add( link.key );
					return (
						<LinkRow
							key={ link.id }
							link={ link }
							status={ statuses[ index ] }
							findings={
								first
									? findingsForKey(
											findings,
											link.key,
											keyOf
										)
									: []
							}
							onShow={ onShow }
							onAction={ onAction }
						/>
					);
				} ) }
			</ul>
		</PanelBody>
	);
}
