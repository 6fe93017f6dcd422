/**
 * Schema of the scan and report tables. A separate, numbered track
 * (`scan_schema_migrations`), applied after the main one in
 * migrations.ts, so the two can grow independently without fighting over
 * version numbers: the scan tables only depend on `sites` from version 1
 * of the main track.
 *
 * To change the schema, APPEND a migration with the next version number;
 * never edit one that has shipped.
 */
import type { Database } from 'better-sqlite3';
import { runMigrations, type Migration } from './migrations';

export const SCAN_MIGRATIONS: readonly Migration[] = [
	{
		version: 1,
		name: 'scans-link-graph-partners-log',
		sql: `
			CREATE TABLE scans (
				id INTEGER PRIMARY KEY,
				site_id INTEGER NOT NULL REFERENCES sites( id ) ON DELETE CASCADE,
				site_url TEXT NOT NULL,
				source TEXT NOT NULL,
				sitemap_url TEXT,
				full INTEGER NOT NULL,
				modified_after TEXT,
				state TEXT NOT NULL,
				phase TEXT NOT NULL,
				cursor TEXT NOT NULL DEFAULT '{}',
				started_at TEXT NOT NULL,
				finished_at TEXT,
				posts_read INTEGER NOT NULL DEFAULT 0,
				posts_total INTEGER,
				posts_removed INTEGER NOT NULL DEFAULT 0,
				partners_checked INTEGER NOT NULL DEFAULT 0,
				partners_total INTEGER NOT NULL DEFAULT 0,
				error TEXT,
				-- The process running the scan and when it last wrote progress:
				-- a scan whose process is gone is resumed, not run twice.
				owner_pid INTEGER,
				heartbeat_ms INTEGER
			);
			CREATE INDEX scans_by_site ON scans( site_id, id );

			-- The posts of the site as last read. seen_scan_id is the last scan
			-- that saw the post on the site: what it did not see was deleted.
			CREATE TABLE scan_posts (
				id INTEGER PRIMARY KEY,
				site_id INTEGER NOT NULL REFERENCES sites( id ) ON DELETE CASCADE,
				source_key TEXT NOT NULL,
				url TEXT NOT NULL,
				title TEXT NOT NULL,
				modified_gmt TEXT,
				text_sample TEXT NOT NULL,
				first_seen TEXT NOT NULL,
				updated_at TEXT NOT NULL,
				seen_scan_id INTEGER NOT NULL,
				UNIQUE ( site_id, source_key )
			);

			-- The link graph: one row per outbound (external) link of a post.
			CREATE TABLE scan_links (
				post_id INTEGER NOT NULL REFERENCES scan_posts( id ) ON DELETE CASCADE,
				seq INTEGER NOT NULL,
				site_id INTEGER NOT NULL,
				target_key TEXT NOT NULL,
				domain TEXT NOT NULL,
				href TEXT NOT NULL,
				text TEXT NOT NULL,
				link TEXT NOT NULL,
				PRIMARY KEY ( post_id, seq )
			) WITHOUT ROWID;
			CREATE INDEX scan_links_by_target ON scan_links( site_id, target_key );
			CREATE INDEX scan_links_by_domain ON scan_links( site_id, domain );

			CREATE TABLE scan_post_findings (
				post_id INTEGER NOT NULL REFERENCES scan_posts( id ) ON DELETE CASCADE,
				seq INTEGER NOT NULL,
				site_id INTEGER NOT NULL,
				domain TEXT,
				code TEXT NOT NULL,
				severity TEXT NOT NULL,
				finding TEXT NOT NULL,
				PRIMARY KEY ( post_id, seq )
			) WITHOUT ROWID;
			CREATE INDEX scan_post_findings_by_domain ON scan_post_findings( site_id, domain );

			CREATE TABLE scan_site_findings (
				site_id INTEGER NOT NULL REFERENCES sites( id ) ON DELETE CASCADE,
				seq INTEGER NOT NULL,
				code TEXT NOT NULL,
				severity TEXT NOT NULL,
				finding TEXT NOT NULL,
				PRIMARY KEY ( site_id, seq )
			) WITHOUT ROWID;

			-- When our first link to a partner was seen: survives rebuilds of
			-- the partner rows and the partner dropping out of the graph.
			CREATE TABLE scan_partner_first_seen (
				site_id INTEGER NOT NULL REFERENCES sites( id ) ON DELETE CASCADE,
				domain TEXT NOT NULL,
				first_seen TEXT NOT NULL,
				PRIMARY KEY ( site_id, domain )
			) WITHOUT ROWID;

			-- The report's partner rows, rebuilt after each scan; the columns
			-- exist so filters, sorting and paging run in SQL.
			CREATE TABLE scan_partners (
				site_id INTEGER NOT NULL REFERENCES sites( id ) ON DELETE CASCADE,
				domain TEXT NOT NULL,
				status TEXT,
				our_links INTEGER NOT NULL,
				relevance REAL,
				first_seen TEXT NOT NULL,
				last_checked TEXT,
				finding_weight INTEGER NOT NULL,
				reciprocal_since TEXT,
				row TEXT NOT NULL,
				PRIMARY KEY ( site_id, domain )
			) WITHOUT ROWID;

			CREATE TABLE scan_partner_facets (
				site_id INTEGER NOT NULL,
				domain TEXT NOT NULL,
				kind TEXT NOT NULL,
				value TEXT NOT NULL,
				PRIMARY KEY ( site_id, kind, value, domain )
			) WITHOUT ROWID;

			CREATE TABLE scan_alerts (
				site_id INTEGER NOT NULL REFERENCES sites( id ) ON DELETE CASCADE,
				seq INTEGER NOT NULL,
				domain TEXT NOT NULL,
				alert TEXT NOT NULL,
				PRIMARY KEY ( site_id, seq )
			) WITHOUT ROWID;

			-- Why we link to a partner and what was agreed. Never rebuilt.
			CREATE TABLE partner_log (
				id INTEGER PRIMARY KEY,
				site_id INTEGER NOT NULL REFERENCES sites( id ) ON DELETE CASCADE,
				domain TEXT NOT NULL,
				author TEXT NOT NULL,
				created_at TEXT NOT NULL,
				note TEXT NOT NULL
			);
			CREATE INDEX partner_log_by_domain ON partner_log( site_id, domain, id );
		`,
	},
	{
		version: 2,
		name: 'scan-attempt-fence',
		// Which taking-over of the scan may write its progress: every claim
		// moves it on, and a write carrying an older attempt is refused, so a
		// worker that wakes after its job expired cannot race its successor.
		sql: `ALTER TABLE scans ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1;`,
	},
];

/** Bring the scan tables of `db` up to date; returns the versions applied. */
export function migrateScan(
	db: Database,
	migrations: readonly Migration[] = SCAN_MIGRATIONS
): number[] {
	return runMigrations( db, migrations, {
		table: 'scan_schema_migrations',
		label: 'the scan schema',
	} );
}
