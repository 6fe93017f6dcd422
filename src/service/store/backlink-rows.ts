/**
 * Rows of the backlink tables ↔ records, shared by the SQLite and the
 * PostgreSQL backlink stores so both answer exactly alike.
 */
import type { BacklinkExportFormat } from '../../core/backlink-import';
import { RlgError } from '../errors';
import type {
	BacklinkImportRecord,
	NewBacklinkImport,
	ReferringDomain,
} from './backlink-types';
import { MAX_COMPETITORS_PER_SITE } from './backlink-types';

export interface ImportRow {
	id: number | string;
	site_id: number | string;
	owner: string;
	format: string;
	variant: string;
	label: string;
	file_name: string;
	encoding: string;
	imported_at: string;
	rows_read: number;
	backlinks: number;
	domains: number;
	skipped_total: number;
	skipped: string;
}

export interface ReferringRow {
	owner: string;
	domain: string;
	links: number | string;
	sample_page: string | null;
	sample_anchor: string | null;
	qualified: number | string | boolean | null;
	formats: string;
	last_seen: string | null;
}

/** Longest file name kept. */
const MAX_FILE_NAME = 200;

export function toImportRecord( row: ImportRow ): BacklinkImportRecord {
	const skipped = JSON.parse( row.skipped ) as Pick<
		BacklinkImportRecord,
		'skipped' | 'skippedByReason'
	>;
	return {
		id: Number( row.id ),
		siteId: Number( row.site_id ),
		owner: row.owner,
		format: row.format as BacklinkImportRecord[ 'format' ],
		variant: row.variant as BacklinkImportRecord[ 'variant' ],
		label: row.label,
		fileName: row.file_name,
		encoding: row.encoding as BacklinkImportRecord[ 'encoding' ],
		importedAt: row.imported_at,
		rowsRead: row.rows_read,
		backlinks: row.backlinks,
		domains: row.domains,
		skippedTotal: row.skipped_total,
		skippedByReason: skipped.skippedByReason,
		skipped: skipped.skipped,
	};
}

export function toReferringDomain( row: ReferringRow ): ReferringDomain {
	return {
		owner: row.owner,
		domain: row.domain,
		links: Number( row.links ),
		samplePage: row.sample_page,
		sampleAnchor: row.sample_anchor,
		allQualified: row.qualified === true || Number( row.qualified ) === 1,
		formats: [ ...new Set( row.formats.split( ',' ) ) ]
			.filter( Boolean )
			.sort() as BacklinkExportFormat[],
		lastSeen: row.last_seen,
	};
}

/** The values of a `backlink_imports` row, in column order. */
export function importValues(
	siteId: number,
	input: NewBacklinkImport,
	importedAt: string
): unknown[] {
	return [
		siteId,
		input.owner,
		input.format,
		input.variant,
		input.label,
		input.fileName.slice( 0, MAX_FILE_NAME ),
		input.encoding,
		importedAt,
		input.rowsRead,
		input.backlinks.length,
		input.domains,
		input.skippedTotal,
		JSON.stringify( {
			skippedByReason: input.skippedByReason,
			skipped: input.skipped,
		} ),
	];
}

export const IMPORT_COLUMNS =
	'site_id, owner, format, variant, label, file_name, encoding, imported_at, rows_read, backlinks, domains, skipped_total, skipped';

export const BACKLINK_COLUMNS =
	'import_id, line, site_id, owner, source_domain, source_url, target_url, anchor, nofollow, ugc, sponsored, first_seen, last_seen, linking_pages';

/** Refuses an owner that would be one competitor too many. */
export function assertCompetitorRoom(
	owner: string,
	competitors: string[]
): void {
	if (
		owner !== '' &&
		! competitors.includes( owner ) &&
		competitors.length >= MAX_COMPETITORS_PER_SITE
	) {
		throw new RlgError(
			'ERR_TOO_MANY_COMPETITORS',
			`at most ${ MAX_COMPETITORS_PER_SITE } competitors are kept per site (${ competitors.join(
				', '
			) }); remove one before importing ${ owner }`
		);
	}
}
