/**
 * Rows of the scan tables ↔ records, shared by the SQLite and the
 * PostgreSQL scan stores so both answer exactly alike (as backlink-rows.ts
 * is for the backlink stores).
 */
import type {
	Finding,
	PartnerRow,
	ReportQuery,
	ScanSource,
	ScanState,
} from '../../core';
import { RlgError } from '../errors';
import type { ScanPhase, ScanRecord } from './scan-types';

/** A `scans` row as either database returns it. */
export interface ScanRow {
	id: number;
	site_id: number;
	site_url: string;
	source: string;
	sitemap_url: string | null;
	/** PostgreSQL: boolean; SQLite: 0 or 1. */
	full: boolean | number;
	modified_after: string | null;
	state: string;
	phase: string;
	cursor: string;
	started_at: string;
	finished_at: string | null;
	posts_read: number;
	posts_total: number | null;
	posts_removed: number;
	partners_checked: number;
	partners_total: number;
	error: string | null;
	owner_pid: number | null;
	heartbeat_ms: number | null;
	attempt: number;
}

export function toScan( row: ScanRow ): ScanRecord {
	return {
		id: row.id,
		siteId: row.site_id,
		site: row.site_url,
		source: row.source as ScanSource,
		sitemapUrl: row.sitemap_url,
		full: row.full === true || row.full === 1,
		modifiedAfter: row.modified_after,
		state: row.state as ScanState,
		phase: row.phase as ScanPhase,
		cursor: JSON.parse( row.cursor ),
		startedAt: row.started_at,
		finishedAt: row.finished_at,
		postsRead: row.posts_read,
		postsTotal: row.posts_total,
		postsRemoved: row.posts_removed,
		partnersChecked: row.partners_checked,
		partnersTotal: row.partners_total,
		error: row.error,
		ownerPid: row.owner_pid,
		heartbeatMs: row.heartbeat_ms,
		attempt: Number( row.attempt ),
	};
}

/** `scan_partners` column of each report sort order. */
export const SORT_COLUMNS: Record< ReportQuery[ 'orderBy' ], string > = {
	domain: 'domain',
	ourLinks: 'our_links',
	status: 'status',
	relevance: 'relevance',
	firstSeen: 'first_seen',
	lastChecked: 'last_checked',
	findings: 'finding_weight',
};

/** Weight of a partner's findings for sorting: criticals first, then warnings. */
export function findingWeight( findings: Finding[] ): number {
	const weights = { critical: 10000, warning: 100, info: 1 };
	return findings.reduce(
		( sum, finding ) => sum + weights[ finding.severity ],
		0
	);
}

export function unknownScan( id: number ): RlgError {
	return new RlgError( 'ERR_SCAN_UNKNOWN', `no scan with id ${ id }` );
}

/**
 * A fenced write of `attempt` found the scan claimed again since (a newer
 * attempt owns it): the write is refused and the caller stops its work.
 */
export function scanTakenOver( id: number, attempt: number ): RlgError {
	return new RlgError(
		'ERR_SCAN_TAKEN_OVER',
		`scan ${ id } was taken over by another process (this one ran attempt ${ attempt }); its writes are refused`
	);
}

/** `text` for a LIKE pattern with `\` as the escape character. */
export function escapeLike( text: string ): string {
	return text.replace( /[\\%_]/g, ( c ) => '\\' + c );
}

/** Filters and order of a partner list: a ReportQuery without its page. */
export type PartnerListQuery = Pick<
	ReportQuery,
	'search' | 'status' | 'finding' | 'placement' | 'orderBy' | 'order'
>;

/**
 * Where a keyset page of a partner list ends: the last row's value in the
 * sort column (null sorts last) and its domain (the tie-breaker).
 */
export interface PartnerCursor {
	value: string | number | null;
	domain: string;
}

/** Where a page of our links to a partner ends (their order is post, position). */
export interface LinkCursor {
	postId: number;
	seq: number;
}

/** A row's value in the `scan_partners` column its list is sorted on. */
export function sortValue(
	row: PartnerRow,
	orderBy: ReportQuery[ 'orderBy' ]
): string | number | null {
	switch ( orderBy ) {
		case 'domain':
			return row.domain;
		case 'ourLinks':
			return row.ourLinks;
		case 'status':
			return row.status;
		case 'relevance':
			return row.relevance;
		case 'firstSeen':
			return row.firstSeen;
		case 'lastChecked':
			return row.lastChecked;
		case 'findings':
			return findingWeight( row.findings );
	}
}

/**
 * The WHERE clause of a partner list over `scan_partners p` (site, search,
 * status, finding and placement facets), the same on both databases;
 * `param` binds a value and returns its placeholder (`?` or `$n`). `like`
 * is the operator that ignores ASCII case: SQLite's LIKE, PostgreSQL's
 * ILIKE.
 */
export function partnerFilter(
	siteId: number,
	query: PartnerListQuery,
	param: ( value: string | number | null ) => string,
	like: 'LIKE' | 'ILIKE'
): string {
	const where = [ `p.site_id = ${ param( siteId ) }` ];
	if ( query.search.trim() !== '' ) {
		where.push(
			`p.domain ${ like } ${ param(
				`%${ escapeLike( query.search.trim().toLowerCase() ) }%`
			) } ESCAPE '\\'`
		);
	}
	if ( query.status ) {
		where.push( `p.status = ${ param( query.status ) }` );
	}
	for ( const [ kind, value ] of [
		[ 'finding', query.finding ],
		[ 'placement', query.placement ],
	] as const ) {
		if ( value ) {
			where.push(
				`EXISTS ( SELECT 1 FROM scan_partner_facets f WHERE f.site_id = p.site_id
				AND f.kind = ${ param( kind ) } AND f.value = ${ param(
					value
				) } AND f.domain = p.domain )`
			);
		}
	}
	return where.join( ' AND ' );
}

/**
 * ORDER BY of a partner list: NULLs (never checked, no relevance) last in
 * both directions, the domain breaking ties, so the order is total and
 * pages (offset or keyset) never overlap or skip a row.
 */
export function partnerOrder( query: PartnerListQuery ): string {
	const column = SORT_COLUMNS[ query.orderBy ];
	const direction = query.order === 'desc' ? 'DESC' : 'ASC';
	if ( query.orderBy === 'domain' ) {
		// Never NULL and unique per site: the primary key's own order, so a
		// page (the exports' order) is a range of the index, not a sort of
		// every partner of the site.
		return `p.domain ${ direction }`;
	}
	return `( p.${ column } IS NULL ), p.${ column } ${ direction }, p.domain ASC`;
}

/** The condition "comes after `cursor`" in `partnerOrder( query )`. */
export function partnerAfter(
	query: PartnerListQuery,
	cursor: PartnerCursor,
	param: ( value: string | number | null ) => string
): string {
	if ( query.orderBy === 'domain' ) {
		return `p.domain ${ query.order === 'desc' ? '<' : '>' } ${ param(
			cursor.domain
		) }`;
	}
	const column = `p.${ SORT_COLUMNS[ query.orderBy ] }`;
	if ( cursor.value === null ) {
		return `( ${ column } IS NULL AND p.domain > ${ param(
			cursor.domain
		) } )`;
	}
	const beyond = query.order === 'desc' ? '<' : '>';
	return `( ${ column } IS NULL OR ${ column } ${ beyond } ${ param(
		cursor.value
	) } OR ( ${ column } = ${ param( cursor.value ) } AND p.domain > ${ param(
		cursor.domain
	) } ) )`;
}
