/**
 * Outcomes that say more about the moment than about the partner (a
 * timeout, a bot wall, a 5xx): they are kept in the history, re-checked
 * sooner than the TTL, and never taken as "the partner stopped linking".
 */
import type { BacklinkResult, BacklinkStatus } from '../../core/schemas';

export const TRANSIENT_STATUSES: readonly BacklinkStatus[] = [
	'timeout',
	'host-busy',
	'unreachable',
	'rate-limited',
	'blocked-by-bot-protection',
];

export function isTransient(
	result: Pick< BacklinkResult, 'status' | 'httpStatus' >
): boolean {
	return (
		TRANSIENT_STATUSES.includes( result.status ) ||
		( result.status === 'http-error' && ( result.httpStatus ?? 0 ) >= 500 )
	);
}

/** The same test in SQL over a `checks` row aliased `alias`. */
export function transientSql( alias: string ): string {
	const list = TRANSIENT_STATUSES.map( ( status ) => `'${ status }'` ).join(
		', '
	);
	return `( ${ alias }.status IN ( ${ list } ) OR ( ${ alias }.status = 'http-error' AND COALESCE( ${ alias }.http_status, 0 ) >= 500 ) )`;
}
