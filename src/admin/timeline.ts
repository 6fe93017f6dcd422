/**
 * A partner's check history as timeline items. Pure.
 */
import type { PartnerHistoryEntry } from '../core/report';

export interface TimelineItem {
	entry: PartnerHistoryEntry;
	/** Unchanged checks that followed this one, before the next change. */
	unchangedAfter: number;
}

/** Newest first; runs of `unchanged` entries collapse into the change before them. */
export function timelineItems(
	history: PartnerHistoryEntry[]
): TimelineItem[] {
	const sorted = [ ...history ].sort( ( a, b ) =>
		a.checkedAt.localeCompare( b.checkedAt )
	);
	const items: TimelineItem[] = [];
	for ( const entry of sorted ) {
		const last = items[ items.length - 1 ];
		if ( entry.event === 'unchanged' && last ) {
			last.unchangedAfter++;
		} else {
			items.push( { entry, unchangedAfter: 0 } );
		}
	}
	return items.reverse();
}
