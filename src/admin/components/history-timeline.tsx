/**
 * When their link to us appeared, moved, disappeared: the partner's check
 * history as a timeline, newest first. "Unchanged" checks are folded into
 * a count so the changes stand out.
 */
import { __, _n, sprintf } from '@wordpress/i18n';
import type { PartnerHistoryEntry } from '../../core/report';
import { timelineItems } from '../timeline';
import { formatDateTime, historyEventLabel, placementLabel } from '../messages';
import { StatusBadge } from './status-badge';

export function HistoryTimeline( {
	history,
}: {
	history: PartnerHistoryEntry[];
} ) {
	const items = timelineItems( history );
	return (
		<section className="rlg-history" aria-labelledby="rlg-history-title">
			<h3 id="rlg-history-title">
				{ __( 'History', 'reciprocal-link-guard' ) }
			</h3>
			{ items.length === 0 ? (
				<p className="rlg-muted">
					{ __(
						'This partner has not been checked yet.',
						'reciprocal-link-guard'
					) }
				</p>
			) : (
				<ol className="rlg-timeline">
					{ items.map( ( { entry, unchangedAfter }, index ) => (
						<li
							key={ `${ entry.checkedAt }-${ index }` }
							className={ `rlg-timeline__item rlg-timeline__item--${ entry.event }` }
						>
							<time
								dateTime={ entry.checkedAt }
								className="rlg-timeline__date"
							>
								{ formatDateTime( entry.checkedAt ) }
							</time>
							<div className="rlg-timeline__body">
								<strong>
									{ historyEventLabel( entry.event ) }
								</strong>{ ' ' }
								<StatusBadge
									status={ entry.status }
									removal={ entry.removal }
								/>
								<div className="rlg-timeline__target">
									{ entry.target }
								</div>
								{ entry.links.length > 0 && (
									<ul className="rlg-timeline__links">
										{ entry.links.map(
											( link, linkIndex ) => (
												<li key={ linkIndex }>
													{ placementLabel(
														link.where ??
															link.placement
													) }
													: <q>{ link.text }</q>
													{ link.rel.length > 0 &&
														` (${ link.rel.join( ' ' ) })` }{ ' ' }
													<span className="rlg-muted">
														{ link.pageUrl }
													</span>
												</li>
											)
										) }
									</ul>
								) }
								{ ( entry.linkTotal ?? 0 ) >
									entry.links.length && (
									<div className="rlg-muted">
										{ sprintf(
											/* translators: 1: links listed, 2: all their links to us that check saw. */
											__(
												'Showing %1$s of %2$s.',
												'reciprocal-link-guard'
											),
											entry.links.length.toLocaleString(),
											(
												entry.linkTotal ?? 0
											).toLocaleString()
										) }
									</div>
								) }
								{ unchangedAfter > 0 && (
									<div className="rlg-muted">
										{ sprintf(
											/* translators: %d: number of later checks with the same result. */
											_n(
												'then %d check without change',
												'then %d checks without change',
												unchangedAfter,
												'reciprocal-link-guard'
											),
											unchangedAfter
										) }
									</div>
								) }
							</div>
						</li>
					) ) }
				</ol>
			) }
		</section>
	);
}
