/**
 * Rows of the scan tables ↔ records, shared by the SQLite and the
 * PostgreSQL scan stores so both answer exactly alike (as backlink-rows.ts
 * is for the backlink stores).
 */
import type { Finding, ReportQuery, ScanSource, ScanState } from '../../core';
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
