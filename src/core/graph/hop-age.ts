/**
 * How old an imported hop of a ring is (issue 19): a backlink export says
 * when it last saw each link (`lastSeen`, yyyy-mm-dd), and a link last seen
 * long ago may be gone, so a ring resting on it is weaker evidence than one
 * seen lately. Decided here once, when the graph is analysed, and carried
 * on the hop (`GraphHop.stale`), so every surface (editor, report, CLI)
 * says the same.
 */

/** An imported link not seen for longer than this is stale. */
export const STALE_HOP_MONTHS = 12;

/**
 * Whether a link last seen on `lastSeen` (yyyy-mm-dd, or a full ISO time)
 * is stale at `now`: more than STALE_HOP_MONTHS calendar months before.
 * Unknown or unreadable dates are not stale (nothing says they are old).
 */
export function isStaleLastSeen(
	lastSeen: string | null | undefined,
	now: Date
): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec( lastSeen ?? '' );
	if ( ! match ) {
		return false;
	}
	const seen = Date.UTC(
		Number( match[ 1 ] ),
		Number( match[ 2 ] ) - 1,
		Number( match[ 3 ] )
	);
	const limit = Date.UTC(
		now.getUTCFullYear(),
		now.getUTCMonth() - STALE_HOP_MONTHS,
		now.getUTCDate()
	);
	return seen < limit;
}
