/**
 * A partner's history and alerts, derived from the stored checks (every
 * check is kept): when their link to us appeared, moved to another part of
 * the page, or disappeared. Pure functions over `StoredCheck`s.
 *
 * A failed check (timeout, bot wall, 5xx …) says nothing about the link:
 * it is shown as `check-failed` and never counts as a disappearance.
 */
import type { Alert, PartnerHistoryEntry, TheirLink } from '../../core/report';
import type { Backlink } from '../../core/schemas';
import {
	isBoilerplatePlacement,
	keepLinks,
	linkCountsOf,
	placementCounts,
	totalLinks,
	whereOf,
	type TheirWhere,
} from '../../core/their-links';
import type { StoredCheck } from '../store/types';

/** Checks of a partner's history read for its detail, alerts and "since". */
export const HISTORY_LIMIT = 500;
/** Links shown per history entry (its total is given beside them). */
export const HISTORY_LINKS = 10;

export function toTheirLink( link: Backlink ): TheirLink {
	return {
		pageUrl: link.pageUrl,
		href: link.href,
		text: link.text,
		anchorClass: link.anchorClass,
		rel: link.rel,
		placement: link.placement,
		where: whereOf( link ),
		hidden: link.hidden,
		foundOn: link.foundOn,
		toHomepage: link.toHomepage,
		...( link.seenBy ? { seenBy: link.seenBy } : {} ),
		...( link.viaRedirect !== undefined
			? { viaRedirect: link.viaRedirect }
			: {} ),
	};
}

function informative( check: StoredCheck ): boolean {
	return check.status === 'links-back' || check.status === 'no-link';
}

/** Where all of a check's links sit (counts of all links, not only those kept). */
function placementsOf( check: StoredCheck ): string {
	return placementCounts( linkCountsOf( check.result ) )
		.map( ( entry ) => entry.where )
		.sort()
		.join( ',' );
}

/**
 * History entries of one or more targets, oldest first, each with what
 * changed since the previous informative check of the same target.
 */
export function historyOf( checks: StoredCheck[] ): PartnerHistoryEntry[] {
	const ordered = [ ...checks ].sort(
		( a, b ) => a.checkedAtMs - b.checkedAtMs || a.id - b.id
	);
	const previous = new Map< string, StoredCheck >();
	return ordered.map( ( check ) => {
		let event: PartnerHistoryEntry[ 'event' ];
		const before = previous.get( check.targetKey );
		if ( ! informative( check ) ) {
			event = 'check-failed';
		} else {
			if ( ! before ) {
				event = 'first-check';
			} else if ( before.status !== check.status ) {
				event =
					check.status === 'links-back' ? 'appeared' : 'disappeared';
			} else if (
				check.status === 'links-back' &&
				placementsOf( before ) !== placementsOf( check )
			) {
				event = 'moved';
			} else {
				event = 'unchanged';
			}
			previous.set( check.targetKey, check );
		}
		return {
			checkedAt: check.checkedAt,
			target: check.result.target,
			status: check.status,
			event,
			links: keepLinks( check.result.links, HISTORY_LINKS ).map(
				toTheirLink
			),
			linkTotal: totalLinks( check.result ),
			...( check.result.removal
				? { removal: check.result.removal }
				: {} ),
			evidence: {
				finalUrl: check.result.page?.finalUrl ?? null,
				httpStatus: check.result.httpStatus,
				htmlHash:
					check.htmlHash ?? check.result.page?.contentHash ?? null,
				detail: check.result.detail,
			},
		};
	} );
}

/** Their visible links by where they sit (all links, not only those kept). */
function visibleWheres( check: StoredCheck ): TheirWhere[] {
	return placementCounts(
		linkCountsOf( check.result ).filter( ( count ) => ! count.hidden )
	).map( ( entry ) => entry.where );
}

function isBoilerplateWhere( where: TheirWhere ): boolean {
	return where === 'partner-section' || isBoilerplatePlacement( where );
}

/** Where their links sit when every visible one is boilerplate, else null. */
function onlyBoilerplate( check: StoredCheck ): TheirWhere | null {
	const wheres = visibleWheres( check );
	return wheres.length > 0 && wheres.every( isBoilerplateWhere )
		? wheres[ 0 ]
		: null;
}

function hasEditorialLink( check: StoredCheck ): boolean {
	return visibleWheres( check ).some(
		( where ) => ! isBoilerplateWhere( where )
	);
}

/**
 * A link is reported as removed only once it was missing on this many
 * consecutive checks (failed checks in between neither count nor reset)…
 */
export const REMOVAL_CONFIRM_CHECKS = 2;
/** …spread over at least this many hours: one bad night raises no alert. */
export const REMOVAL_CONFIRM_HOURS = 24;

export interface AlertOptions {
	confirmChecks?: number;
	confirmHours?: number;
}

/**
 * Alerts of one partner domain from the history of its targets:
 * `stopped-linking` when no target links back any more but one did (the
 * removal confirmed by `confirmChecks` misses over `confirmHours`), and
 * `moved-to-boilerplate` when a target's link moved from the content into
 * a footer, sidebar or navigation.
 */
export function alertsOf(
	domain: string,
	checks: StoredCheck[],
	options: AlertOptions = {}
): Alert[] {
	const confirmChecks = options.confirmChecks ?? REMOVAL_CONFIRM_CHECKS;
	const confirmMs =
		( options.confirmHours ?? REMOVAL_CONFIRM_HOURS ) * 3_600_000;
	const byTarget = new Map< string, StoredCheck[] >();
	for ( const check of [ ...checks ].sort(
		( a, b ) => a.checkedAtMs - b.checkedAtMs || a.id - b.id
	) ) {
		if ( informative( check ) ) {
			const list = byTarget.get( check.targetKey ) ?? [];
			list.push( check );
			byTarget.set( check.targetKey, list );
		}
	}
	const latest = [ ...byTarget.values() ].map(
		( list ) => list[ list.length - 1 ]
	);
	const alerts: Alert[] = [];

	if ( ! latest.some( ( check ) => check.status === 'links-back' ) ) {
		// The most recent disappearance among targets that used to link back.
		let stopped: {
			since: StoredCheck;
			lastSeen: StoredCheck;
			misses: number;
			confirmedBy: StoredCheck;
		} | null = null;
		for ( const list of byTarget.values() ) {
			let lastSeen: StoredCheck | null = null;
			let since: StoredCheck | null = null;
			let misses = 0;
			// The check that confirmed the removal: the alert is news from then
			// on (the e-mail digest asks for alerts confirmed since its last run).
			let confirmedBy: StoredCheck | null = null;
			for ( const check of list ) {
				if ( check.status === 'links-back' ) {
					lastSeen = check;
					since = null;
					misses = 0;
					confirmedBy = null;
				} else if ( lastSeen ) {
					since ??= check;
					misses++;
					if (
						! confirmedBy &&
						misses >= confirmChecks &&
						check.checkedAtMs - since.checkedAtMs >= confirmMs
					) {
						confirmedBy = check;
					}
				}
			}
			if (
				lastSeen &&
				since &&
				confirmedBy &&
				( ! stopped || since.checkedAtMs > stopped.since.checkedAtMs )
			) {
				stopped = { since, lastSeen, misses, confirmedBy };
			}
		}
		if ( stopped ) {
			alerts.push( {
				domain,
				kind: 'stopped-linking',
				since: stopped.since.checkedAt,
				params: {
					target: stopped.since.result.target,
					lastSeen: stopped.lastSeen.checkedAt,
					status: stopped.since.status,
					missingChecks: stopped.misses,
					confirmedAt: stopped.confirmedBy.checkedAt,
				},
			} );
		}
	}

	for ( const list of byTarget.values() ) {
		const last = list[ list.length - 1 ];
		const placement = onlyBoilerplate( last );
		if ( last.status !== 'links-back' || ! placement ) {
			continue;
		}
		// Walk back over the boilerplate-only checks to the move.
		let index = list.length - 1;
		while (
			index > 0 &&
			list[ index - 1 ].status === 'links-back' &&
			onlyBoilerplate( list[ index - 1 ] )
		) {
			index--;
		}
		const before = list[ index - 1 ];
		if (
			before &&
			before.status === 'links-back' &&
			hasEditorialLink( before )
		) {
			alerts.push( {
				domain,
				kind: 'moved-to-boilerplate',
				since: list[ index ].checkedAt,
				params: { target: last.result.target, placement },
			} );
		}
	}
	return alerts;
}

/** When the domain first linked back (null: never, as far as the history goes). */
export function reciprocalSince( checks: StoredCheck[] ): string | null {
	let first: StoredCheck | null = null;
	for ( const check of checks ) {
		if (
			check.status === 'links-back' &&
			( ! first || check.checkedAtMs < first.checkedAtMs )
		) {
			first = check;
		}
	}
	return first?.checkedAt ?? null;
}

/**
 * When we first knew of a partner: the earliest of the scan's first
 * sighting of our link to it and any stored check of its pages. A partner
 * checked from the editor (or `rlg check`) before the first scan was known
 * before that scan; taking the scan's time alone made `first_seen` later
 * than `last_checked` whenever the scan reused such a check.
 */
export function firstSeenOf(
	scanFirstSeen: string,
	checks: Array< Pick< StoredCheck, 'checkedAt' | 'checkedAtMs' > >
): string {
	let earliest = scanFirstSeen;
	let earliestMs = Date.parse( scanFirstSeen );
	for ( const check of checks ) {
		if ( check.checkedAtMs < earliestMs ) {
			earliest = check.checkedAt;
			earliestMs = check.checkedAtMs;
		}
	}
	return earliest;
}
