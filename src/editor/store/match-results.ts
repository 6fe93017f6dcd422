/**
 * Pairing of check results with the targets that were sent.
 */
import type { BacklinkResult } from '../../core';
import { urlKey } from '../../core/url';
import type { CheckTarget } from '../links/diff';

/**
 * Pair the results of one request with the targets sent. The service
 * answers with normalised targets, so pairing is by urlKey, not by order.
 */
export function matchResults(
	targets: readonly CheckTarget[],
	results: readonly BacklinkResult[]
): { done: Record< string, BacklinkResult >; missing: CheckTarget[] } {
	const byKey = new Map( results.map( ( r ) => [ urlKey( r.target ), r ] ) );
	const done: Record< string, BacklinkResult > = {};
	const missing: CheckTarget[] = [];
	for ( const target of targets ) {
		const result =
			byKey.get( target.key ) ?? byKey.get( urlKey( target.url ) );
		if ( result ) {
			done[ target.key ] = result;
		} else {
			missing.push( target );
		}
	}
	return { done, missing };
}
