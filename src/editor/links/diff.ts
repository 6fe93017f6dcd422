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

/**
 * Most characters of URLs and anchor texts in one request. The service
 * reads bodies of up to 1 MB; a thousand long URLs with long anchors
 * (2,048 + 1,000 characters each at most) would not fit, so such a post
 * goes over in more requests.
 */
export const MAX_REQUEST_CHARS = 400_000;

/**
 * Split `targets` into requests of at most `size` targets and at most
 * `maxChars` characters of URL and anchor text (a target longer than that
 * alone is a request of its own).
 */
export function requestBatches(
	targets: readonly CheckTarget[],
	size: number,
	maxChars = MAX_REQUEST_CHARS
): CheckTarget[][] {
	if ( size < 1 ) {
		throw new RangeError( 'request size must be at least 1' );
	}
	const batches: CheckTarget[][] = [];
	let batch: CheckTarget[] = [];
	let chars = 0;
	for ( const target of targets ) {
		const cost = target.url.length + target.anchorText.length;
		if (
			batch.length > 0 &&
			( batch.length >= size || chars + cost > maxChars )
		) {
			batches.push( batch );
			batch = [];
			chars = 0;
		}
		batch.push( target );
		chars += cost;
	}
	if ( batch.length ) {
		batches.push( batch );
	}
	return batches;
}
