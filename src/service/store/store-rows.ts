/**
 * Rows of the main tables (sites, checks, site settings) ↔ records, shared
 * by the SQLite and the PostgreSQL stores so both answer exactly alike (as
 * scan-rows.ts and backlink-rows.ts are for the scan and backlink stores).
 * Booleans are booleans on PostgreSQL and 0/1 on SQLite; both are read.
 */
import { BacklinkResultSchema } from '../../core/schemas';
import type { BacklinkStatus } from '../../core/schemas';
import { SettingsSchema } from '../../core/settings';
import type { Settings } from '../../core/settings';
import { boundResult } from '../../core/their-links';
import type { SiteRecord, StoredCheck, StoredSiteSettings } from './types';

export interface SiteRow {
	id: number;
	url: string;
	site_key: string;
	secret: string | null;
	alternate_urls: string;
	allow_rendered: boolean | number;
	created_at: string;
}

export interface CheckRow {
	id: number;
	site_id: number;
	target_key: string;
	domain: string | null;
	status: string;
	with_homepage: boolean | number;
	etag: string | null;
	last_modified: string | null;
	html_hash: string | null;
	checked_at: string;
	checked_at_ms: number;
	result: string;
}

function truthy( value: boolean | number ): boolean {
	return value === true || value === 1;
}

export function toSite( row: SiteRow ): SiteRecord {
	return {
		id: row.id,
		url: row.url,
		siteKey: row.site_key,
		secret: row.secret,
		alternateUrls: JSON.parse( row.alternate_urls ) as string[],
		allowRendered: truthy( row.allow_rendered ),
		createdAt: row.created_at,
	};
}

export function toCheck( row: CheckRow ): StoredCheck {
	return {
		id: row.id,
		siteId: row.site_id,
		targetKey: row.target_key,
		domain: row.domain,
		withHomepage: truthy( row.with_homepage ),
		status: row.status as BacklinkStatus,
		checkedAt: row.checked_at,
		checkedAtMs: row.checked_at_ms,
		// Parsed through the schema so a row written by an older version
		// comes back in the current shape (defaults filled) or fails loudly.
		// Rows written before results were bounded may hold every link
		// (`rlg migrate` copies them to PostgreSQL as they are).
		result: boundResult(
			BacklinkResultSchema.parse( JSON.parse( row.result ) )
		),
		validators: { etag: row.etag, lastModified: row.last_modified },
		htmlHash: row.html_hash,
	};
}

/** The columns `toCheck` reads, of `checks` aliased `c`. */
export const CHECK_COLUMNS = `c.id, c.site_id, c.target_key, c.domain, c.status, c.with_homepage,
	c.etag, c.last_modified, c.html_hash, c.checked_at, c.checked_at_ms, c.result`;

/**
 * A `site_settings` row. Through the schema so what an older version
 * stored comes back valid or fails loudly; zod fills defaults even in a
 * partial schema, so only the fields that were stored are kept: the
 * others must fall through to the service's settings.
 */
export function toStoredSettings( row: {
	settings: string;
	updated_at: string;
} ): StoredSiteSettings {
	const raw = JSON.parse( row.settings ) as Record< string, unknown >;
	const parsed = SettingsSchema.partial().parse( raw ) as Record<
		string,
		unknown
	>;
	return {
		settings: Object.fromEntries(
			Object.keys( raw )
				.filter( ( key ) => key in SettingsSchema.shape )
				.map( ( key ) => [ key, parsed[ key ] ] )
		) as Partial< Settings >,
		updatedAt: row.updated_at,
	};
}
