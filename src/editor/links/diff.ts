/**
 * Decides which link targets to send to the check service. The editor
 * re-analyses the post as the author types; only targets it has never
 * asked about in this editing session go out, once each, however many
 * times they appear in the post.
 */
import type { CheckEntry, EditorLink } from '../types';

export interface CheckTarget {
	key: string;
	url: string;
	anchorText: string;
}

/**
 * Targets of `links` that need a check: external, and neither checked,
 * being checked, nor failed already (a failed target is only retried on an
 * explicit request, so a down service is not hammered on every keystroke).
 */
export function planChecks(
	links: readonly EditorLink[],
	checks: Readonly< Record< string, CheckEntry > >
): CheckTarget[] {
	const planned = new Map< string, CheckTarget >();
	for ( const link of links ) {
		if (
			! link.external ||
			planned.has( link.key ) ||
			checks[ link.key ]
		) {
			continue;
		}
		planned.set( link.key, {
			key: link.key,
			url: link.link.href,
			anchorText: link.link.text,
		} );
	}
	return [ ...planned.values() ];
}

/** Split `items` into batches of at most `size` (the service's per-request cap). */
export function chunk< T >( items: readonly T[], size: number ): T[][] {
	if ( size < 1 ) {
		throw new RangeError( 'chunk size must be at least 1' );
	}
	const batches: T[][] = [];
	for ( let index = 0; index < items.length; index += size ) {
		batches.push( items.slice( index, index + size ) );
	}
	return batches;
}
