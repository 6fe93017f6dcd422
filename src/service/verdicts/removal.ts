/**
 * The grace period of a removal (issue 9): a partner whose link is missing
 * on one check has not necessarily removed it — the page may have been
 * rebuilt for a minute, a cache may have served an old copy. A link counts
 * as removed only after it was missing on `confirmChecks` consecutive
 * conclusive checks spread over at least `confirmHours`; until then the
 * result says "missing since …, confirming". Failed checks (bot wall, rate
 * limit, timeout, 5xx) say nothing about the link: they neither count as a
 * miss nor reset the count.
 */
import type { BacklinkResult } from '../../core/schemas';

export type Removal = NonNullable< BacklinkResult[ 'removal' ] >;

export interface RemovalPolicy {
	/** Consecutive conclusive misses needed (Settings.removalConfirmChecks). */
	confirmChecks: number;
	/** Hours between the first miss and the latest (Settings.removalConfirmHours). */
	confirmHours: number;
}

/** One earlier check of the same target, as the history holds it. */
export interface RemovalCheck {
	status: BacklinkResult[ 'status' ];
	checkedAt: string;
}

function conclusive( check: RemovalCheck ): boolean {
	return check.status === 'links-back' || check.status === 'no-link';
}

/**
 * The removal state after `checks` (any order; each with an ISO
 * `checkedAt`), or undefined when the link is there, was never seen, or
 * nothing conclusive is known.
 */
export function removalState(
	checks: readonly RemovalCheck[],
	policy: RemovalPolicy
): Removal | undefined {
	const ordered = checks
		.filter( conclusive )
		.map( ( check ) => ( { check, at: Date.parse( check.checkedAt ) } ) )
		.sort( ( a, b ) => a.at - b.at );
	let lastSeen: { check: RemovalCheck; at: number } | null = null;
	let since: { check: RemovalCheck; at: number } | null = null;
	let misses = 0;
	let latest = 0;
	for ( const entry of ordered ) {
		latest = entry.at;
		if ( entry.check.status === 'links-back' ) {
			lastSeen = entry;
			since = null;
			misses = 0;
		} else if ( lastSeen ) {
			since ??= entry;
			misses++;
		}
	}
	if ( ! lastSeen || ! since ) {
		return undefined;
	}
	const confirmed =
		misses >= policy.confirmChecks &&
		latest - since.at >= policy.confirmHours * 3_600_000;
	return {
		state: confirmed ? 'confirmed' : 'confirming',
		missingSince: since.check.checkedAt,
		lastSeen: lastSeen.check.checkedAt,
		misses,
	};
}
