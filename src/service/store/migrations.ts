/**
 * Numbered schema migrations. The database records which ones ran in
 * `schema_migrations`; opening a store applies the missing ones in order,
 * each in its own transaction, so a crash mid-migration leaves the previous
 * version intact and the next open simply tries again.
 *
 * To change the schema, APPEND a migration with the next version number;
 * never edit one that has shipped (databases out there already ran it).
 */
import type { Database } from 'better-sqlite3';
import { RlgError } from '../errors';

export interface Migration {
	version: number;
	name: string;
	sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
	{
		version: 1,
		name: 'sites-and-check-history',
		sql: `
			CREATE TABLE sites (
				id INTEGER PRIMARY KEY,
				url TEXT NOT NULL,
				site_key TEXT NOT NULL UNIQUE,
				-- NULL: known from \`rlg check\` only; cannot sign requests.
				secret TEXT,
				alternate_urls TEXT NOT NULL DEFAULT '[]',
				created_at TEXT NOT NULL
			);

			-- Every check ever made (the history and its evidence). A row is
			-- never updated: a new check is a new row.
			CREATE TABLE checks (
				id INTEGER PRIMARY KEY,
				site_id INTEGER NOT NULL REFERENCES sites( id ) ON DELETE CASCADE,
				target TEXT NOT NULL,
				target_key TEXT NOT NULL,
				domain TEXT,
				status TEXT NOT NULL,
				http_status INTEGER,
				final_url TEXT,
				links_to_us INTEGER NOT NULL,
				with_homepage INTEGER NOT NULL,
				etag TEXT,
				last_modified TEXT,
				html_hash TEXT,
				checked_at TEXT NOT NULL,
				checked_at_ms INTEGER NOT NULL,
				result TEXT NOT NULL
			);
			CREATE INDEX checks_by_target ON checks( site_id, target_key, checked_at_ms );
			CREATE INDEX checks_by_domain ON checks( site_id, domain, checked_at_ms );

			-- The newest check per (site, target): what the TTL looks at.
			CREATE TABLE latest_checks (
				site_id INTEGER NOT NULL REFERENCES sites( id ) ON DELETE CASCADE,
				target_key TEXT NOT NULL,
				check_id INTEGER NOT NULL REFERENCES checks( id ) ON DELETE CASCADE,
				PRIMARY KEY ( site_id, target_key )
			) WITHOUT ROWID;
		`,
	},
	{
		version: 2,
		name: 'site-settings',
		sql: `
			-- The settings a site's admin saved in WordPress (PUT
			-- /v1/site/settings): only the fields they set, as JSON, laid over
			-- the service's own settings when that site is checked or scanned.
			CREATE TABLE site_settings (
				site_id INTEGER PRIMARY KEY REFERENCES sites( id ) ON DELETE CASCADE,
				settings TEXT NOT NULL,
				updated_at TEXT NOT NULL
			);
		`,
	},
	{
		version: 3,
		name: 'site-allow-rendered',
		sql: `
			-- Whether the site may ask for rendered checks (CheckRequest
			-- .rendered), which start Chromium on the service machine: the
			-- operator grants it (rlg sites add|set --allow-rendered). Off for
			-- the sites already registered too: no client that shipped before
			-- this version asks for rendered checks over HTTP (the plugin and
			-- the scans never do; "rlg check --render" runs in-process and
			-- needs no permission), so nothing that worked stops working, and
			-- an upgrade closes the hole instead of keeping it open.
			ALTER TABLE sites ADD COLUMN allow_rendered INTEGER NOT NULL DEFAULT 0;
		`,
	},
	{
		version: 4,
		name: 'seen-nonces',
		sql: `
			-- Nonces of authentic signed requests while their timestamp is
			-- within the window (auth/verify.ts): kept on disk so a request
			-- captured before a restart cannot be replayed after it. Expired
			-- rows are pruned (SqliteStore.rememberNonce).
			CREATE TABLE seen_nonces (
				nonce_key TEXT PRIMARY KEY,
				expires_at_ms INTEGER NOT NULL
			) WITHOUT ROWID;
			CREATE INDEX seen_nonces_by_expiry ON seen_nonces( expires_at_ms );
		`,
	},
	{
		version: 5,
		name: 'partner-pages',
		sql: `
			-- The partner graph (issue 19): per partner page read for the
			-- site, the domains it links to (at most 200, with the true
			-- total) and its links to us, as PartnerPage JSON. One row per
			-- page, replaced by a newer read; the newest 2,000 pages per site
			-- are kept (SqliteStore.recordPartnerPages).
			CREATE TABLE partner_pages (
				site_id INTEGER NOT NULL REFERENCES sites( id ) ON DELETE CASCADE,
				page_key TEXT NOT NULL,
				domain TEXT NOT NULL,
				read_at_ms INTEGER NOT NULL,
				page TEXT NOT NULL,
				PRIMARY KEY ( site_id, page_key )
			) WITHOUT ROWID;
			CREATE INDEX partner_pages_by_age ON partner_pages( site_id, read_at_ms );
		`,
	},
];

/** Highest schema version this build knows. */
export const SCHEMA_VERSION = MIGRATIONS[ MIGRATIONS.length - 1 ].version;

/** Where a track of migrations records itself, and how errors name it. */
export interface MigrationTrack {
	/** Table that records the applied versions of this track. */
	table: string;
	/** What the track's schema is called in errors ("the database"). */
	label: string;
}

/**
 * Apply the migrations of one track that `db` has not seen, each in its own
 * transaction, and record them. Idempotent: running it on a current
 * database changes nothing. Returns the versions it applied.
 */
export function runMigrations(
	db: Database,
	migrations: readonly Migration[],
	track: MigrationTrack
): number[] {
	migrations.forEach( ( migration, index ) => {
		if ( migration.version !== index + 1 ) {
			// A programming error, not a user's: versions must be 1, 2, 3, …
			throw new Error(
				`migration "${ migration.name }" has version ${
					migration.version
				}, expected ${ index + 1 }`
			);
		}
	} );
	db.exec( `CREATE TABLE IF NOT EXISTS ${ track.table } (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)` );
	const current =
		(
			db
				.prepare(
					`SELECT MAX( version ) AS version FROM ${ track.table }`
				)
				.get() as { version: number | null }
		 ).version ?? 0;
	const known = migrations.length;
	if ( current > known ) {
		throw new RlgError(
			'ERR_STORE_TOO_NEW',
			`${ track.label } is at schema version ${ current }, but this rlg only knows up to ${ known }: upgrade rlg`
		);
	}
	const applied: number[] = [];
	const record = db.prepare(
		`INSERT INTO ${ track.table } ( version, name, applied_at ) VALUES ( ?, ?, ? )`
	);
	for ( const migration of migrations.slice( current ) ) {
		db.transaction( () => {
			db.exec( migration.sql );
			record.run(
				migration.version,
				migration.name,
				new Date().toISOString()
			);
		} )();
		applied.push( migration.version );
	}
	return applied;
}

/** Bring the core tables of `db` up to date; returns the versions applied. */
export function migrate(
	db: Database,
	migrations: readonly Migration[] = MIGRATIONS
): number[] {
	return runMigrations( db, migrations, {
		table: 'schema_migrations',
		label: 'the database',
	} );
}
