/**
 * The report's headline numbers and its findings by rule and severity, each
 * rule with the threshold it was measured against.
 */
import { __, sprintf } from '@wordpress/i18n';
import { SEVERITIES, type FindingCode } from '../../core/findings';
import { findingsByRule } from '../summary-rows';
import type { ReportSummary } from '../../core/report';
import {
	FINDING_THRESHOLDS,
	findingTitle,
	formatPercent,
	severityLabel,
	thresholdLabel,
} from '../messages';

interface Props {
	summary: ReportSummary;
	/** Filters the table on a rule when its name is clicked. */
	onFilterFinding: ( code: FindingCode ) => void;
}

function Card( {
	label,
	value,
	detail,
}: {
	label: string;
	value: string;
	detail?: string;
} ) {
	return (
		<div className="rlg-card">
			<div className="rlg-card__value">{ value }</div>
			<div className="rlg-card__label">{ label }</div>
			{ detail && <div className="rlg-card__detail">{ detail }</div> }
		</div>
	);
}

export function Summary( { summary, onFilterFinding }: Props ) {
	const rules = findingsByRule( summary.findings );
	const share = summary.thresholds.maxReciprocalShare;
	const limit = summary.thresholds.maxReciprocalPartners;
	return (
		<section className="rlg-summary" aria-labelledby="rlg-summary-title">
			<h2 id="rlg-summary-title" className="screen-reader-text">
				{ __( 'Summary', 'reciprocal-link-guard' ) }
			</h2>
			<div className="rlg-cards">
				<Card
					label={ __( 'Partner domains', 'reciprocal-link-guard' ) }
					value={ String( summary.partnerDomains ) }
					detail={ __(
						'domains our posts link to',
						'reciprocal-link-guard'
					) }
				/>
				<Card
					label={ __( 'Link back', 'reciprocal-link-guard' ) }
					value={ String( summary.linkingBack ) }
					detail={
						typeof limit === 'number'
							? sprintf(
									/* translators: %d: the configured limit of reciprocal partners. */
									__( 'limit %d', 'reciprocal-link-guard' ),
									limit
								)
							: undefined
					}
				/>
				<Card
					label={ __( 'Reciprocal share', 'reciprocal-link-guard' ) }
					value={ formatPercent( summary.reciprocalShare ) }
					detail={
						typeof share === 'number'
							? sprintf(
									/* translators: %s: the configured maximum share, e.g. 25%. */
									__( 'limit %s', 'reciprocal-link-guard' ),
									formatPercent( share )
								)
							: undefined
					}
				/>
				<Card
					label={ __(
						'New partners, 30 days',
						'reciprocal-link-guard'
					) }
					value={ String( summary.newPartners30 ) }
					detail={ sprintf(
						/* translators: %d: new reciprocal partners in the last 90 days. */
						__( '%d in 90 days', 'reciprocal-link-guard' ),
						summary.newPartners90
					) }
				/>
			</div>
			<table className="widefat striped rlg-findings-summary">
				<caption>
					{ __(
						'Findings by rule and severity',
						'reciprocal-link-guard'
					) }
				</caption>
				<thead>
					<tr>
						<th scope="col">
							{ __( 'Rule', 'reciprocal-link-guard' ) }
						</th>
						{ [ ...SEVERITIES ].reverse().map( ( severity ) => (
							<th scope="col" key={ severity } className="num">
								{ severityLabel( severity ) }
							</th>
						) ) }
						<th scope="col">
							{ __( 'Threshold', 'reciprocal-link-guard' ) }
						</th>
					</tr>
				</thead>
				<tbody>
					{ rules.length === 0 && (
						<tr>
							<td colSpan={ 5 }>
								{ __(
									'No findings.',
									'reciprocal-link-guard'
								) }
							</td>
						</tr>
					) }
					{ rules.map( ( row ) => (
						<tr key={ row.code }>
							<th scope="row">
								<button
									type="button"
									className="button-link"
									onClick={ () =>
										onFilterFinding( row.code )
									}
									aria-label={ sprintf(
										/* translators: %s: a rule's name. */
										__(
											'Show partners with “%s”',
											'reciprocal-link-guard'
										),
										findingTitle( row.code )
									) }
								>
									{ findingTitle( row.code ) }
								</button>
							</th>
							{ [ ...SEVERITIES ].reverse().map( ( severity ) => (
								<td
									key={ severity }
									className={ `num rlg-count rlg-count--${ severity }${
										row.counts[ severity ] ? '' : ' is-zero'
									}` }
								>
									{ row.counts[ severity ] }
								</td>
							) ) }
							<td className="rlg-threshold">
								{ ( FINDING_THRESHOLDS[ row.code ] ?? [] )
									.filter(
										( name ) => name in summary.thresholds
									)
									.map( ( name ) =>
										thresholdLabel(
											name,
											summary.thresholds[ name ]
										)
									)
									.join( ', ' ) || '—' }
							</td>
						</tr>
					) ) }
				</tbody>
			</table>
		</section>
	);
}
