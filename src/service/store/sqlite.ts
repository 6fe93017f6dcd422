/**
 * The embedded store: one SQLite file in the data directory, through
 * better-sqlite3. WAL journal with synchronous=FULL: a committed check is on
 * disk before the call returns, so a restart, or a kill -9, loses nothing.
 */
import type { BacklinkStore } from './backlink-types';
import { SqliteBacklinkStore } from './sqlite-backlink-store';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database, Statement } from 'better-sqlite3';
import {
	fitResult,
	MAX_STORED_RESULT_BYTES,
	totalLinks,
} from '../../core/their-links';
import type { Settings } from '../../core/settings';
import { RlgError } from '../errors';
import { CHECK_COLUMNS, toCheck, toSite, toStoredSettings } from './store-rows';
import type { CheckRow, SiteRow } from './store-rows';
import type { PartnerPage } from '../../core/graph/schemas';
import { migrate } from './migrations';
import {
	graphVersionToken,
	IMPORTS_VERSION_SQL,
	type ImportsVersionRow,
	type PagesVersionRow,
} from './graph-version';
import {
	MAX_PARTNER_PAGES_PER_SITE,
	partnerPageRows,
	toPartnerPage,
} from './partner-pages';
import type { ScanStore } from './scan-types';
import { SqliteScanStore } from './sqlite-scan-store';
import { createYielder } from '../yield-budget';
import { transientSql } from './transient';
import type {
	CheckRecordInput,
	HistoryQuery,
	NewSite,
	SiteIdentity,
	SiteRecord,
	Store,
	StoredCheck,
	StoredSiteSettings,
	StoredSiteStats,
} from './types';

/** File name of the database inside the data directory. */
export const DATABASE_FILE = 'rlg.sqlite';

export interface SqliteStoreOptions {
	/** Path of the database file, or ':memory:'. */
	file: string;
	/** Refuse a damaged file (`PRAGMA quick_check`) before using it. */
	verify?: boolean;
}

/**
 * Open the SQLite file with the settings every connection to it needs: WAL
 * and synchronous=FULL so a kill -9 loses nothing committed, foreign keys on.
 */
export function openDatabase(
	file: string,
	options: { fileMustExist?: boolean } = {}
): Database {
	let db: Database;
	try {
		db = new BetterSqlite3( file, options );
	} catch ( error ) {
		throw new RlgError(
			'ERR_STORE_OPEN',
			`cannot open the database ${ file }: ${
				( error as Error ).message
			}`
		);
	}
	db.pragma( 'journal_mode = WAL' );
	db.pragma( 'synchronous = FULL' );
	db.pragma( 'foreign_keys = ON' );
	// Two processes (a running `rlg serve` and an `rlg check`) may share
	// the file; wait for the other's write instead of failing.
	db.pragma( 'busy_timeout = 5000' );
	// SQLite's own page cache, per connection: better-sqlite3 builds it
	// with 16 MB, and a process opens up to four connections (store,
	// nonces, scans, backlinks), which on a 100,000-post site's database
	// (~500 MB) filled to 64 MB of resident memory (issue 17). The file's
	// pages stay in the operating system's cache either way; 4 MiB holds
	// the B-trees' upper levels that every lookup passes through.
	db.pragma( 'cache_size = -4096' );
	return db;
}

/** Expired nonces are deleted at most this often. */
const NONCE_PRUNE_INTERVAL_MS = 60_000;

/** A Store on one SQLite database. Prefer `openStore( { dataDir } )`. */
export class SqliteStore implements Store {
	readonly file: string;
	private readonly db: Database;
	private closed = false;
	/** Opened on the first signed request (`rememberNonce`). */
	private nonceDb: Database | undefined;
	private nonceInsert: Statement | undefined;
	private noncePrune: Statement | undefined;
	private nextNoncePruneMs = 0;

	constructor( options: SqliteStoreOptions ) {
		this.file = options.file;
		this.db = openDatabase( options.file );
		try {
			if ( options.verify ) {
				assertDatabaseSound( this.db, options.file );
			}
			migrate( this.db );
		} catch ( error ) {
			this.db.close();
			throw error;
		}
	}

	/** The schema version the database is at (for diagnostics and tests). */
	schemaVersion(): number {
		const row = this.db
			.prepare(
				'SELECT MAX( version ) AS version FROM schema_migrations'
			)
			.get() as { version: number | null };
		return row.version ?? 0;
	}

	/** The imported backlinks on their own connection to this file. */
	openBacklinkStore(): BacklinkStore {
		return new SqliteBacklinkStore( { file: this.file } );
	}

	/** The scan store on its own connection to this database file. */
	openScanStore(): ScanStore {
		return new SqliteScanStore( { file: this.file } );
	}

	async addSite( site: NewSite ): Promise< SiteRecord > {
		return this.db.transaction( () => {
			const existing = this.db
				.prepare( 'SELECT * FROM sites WHERE site_key = ?' )
				.get( site.siteKey ) as SiteRow | undefined;
			if ( existing && existing.secret !== null ) {
				throw new RlgError(
					'ERR_SITE_EXISTS',
					`the site ${ existing.url } is already registered`
				);
			}
			const alternates = JSON.stringify( site.alternateUrls ?? [] );
			const allowRendered = site.allowRendered === true ? 1 : 0;
			const row = existing
				? this.db
						.prepare(
							`UPDATE sites SET url = ?, secret = ?, alternate_urls = ?, allow_rendered = ?
							WHERE id = ? RETURNING *`
						)
						.get(
							site.url,
							site.secret,
							alternates,
							allowRendered,
							existing.id
						)
				: this.db
						.prepare(
							`INSERT INTO sites ( url, site_key, secret, alternate_urls, allow_rendered, created_at )
							VALUES ( ?, ?, ?, ?, ?, ? ) RETURNING *`
						)
						.get(
							site.url,
							site.siteKey,
							site.secret,
							alternates,
							allowRendered,
							new Date().toISOString()
						);
			return toSite( row as SiteRow );
		} )();
	}

	async ensureSite( site: SiteIdentity ): Promise< SiteRecord > {
		this.db
			.prepare(
				`INSERT INTO sites ( url, site_key, secret, created_at )
				VALUES ( ?, ?, NULL, ? ) ON CONFLICT ( site_key ) DO NOTHING`
			)
			.run( site.url, site.siteKey, new Date().toISOString() );
		return toSite(
			this.db
				.prepare( 'SELECT * FROM sites WHERE site_key = ?' )
				.get( site.siteKey ) as SiteRow
		);
	}

	async findSite( siteKey: string ): Promise< SiteRecord | null > {
		const row = this.db
			.prepare( 'SELECT * FROM sites WHERE site_key = ?' )
			.get( siteKey ) as SiteRow | undefined;
		return row ? toSite( row ) : null;
	}

	async listSites(): Promise< SiteRecord[] > {
		const rows = this.db
			.prepare( 'SELECT * FROM sites ORDER BY id' )
			.all() as SiteRow[];
		return rows.map( toSite );
	}

	async setAlternateUrls(
		siteKey: string,
		urls: string[]
	): Promise< SiteRecord | null > {
		const row = this.db
			.prepare(
				'UPDATE sites SET alternate_urls = ? WHERE site_key = ? RETURNING *'
			)
			.get( JSON.stringify( urls ), siteKey ) as SiteRow | undefined;
		return row ? toSite( row ) : null;
	}

	async setAllowRendered(
		siteKey: string,
		allowed: boolean
	): Promise< SiteRecord | null > {
		const row = this.db
			.prepare(
				'UPDATE sites SET allow_rendered = ? WHERE site_key = ? RETURNING *'
			)
			.get( allowed ? 1 : 0, siteKey ) as SiteRow | undefined;
		return row ? toSite( row ) : null;
	}

	/**
	 * One upsert: a new nonce, or one whose record expired, is (re)recorded
	 * and answers true; a live one changes nothing and answers false.
	 *
	 * On its own connection with synchronous=NORMAL: in WAL mode a commit
	 * then survives a crash or kill -9 of the process (the WAL is written
	 * before the call returns) but skips the fsync that FULL pays on every
	 * signed request (measured here: p50 0.4 ms, p95 5 ms, p99 34 ms with
	 * FULL against 0.015 / 0.08 / 0.26 ms). Only a power loss or an OS crash
	 * can drop the last nonces, and the next FULL commit of a check result
	 * syncs them anyway.
	 */
	async rememberNonce(
		nonceKey: string,
		expiresAtMs: number,
		nowMs: number
	): Promise< boolean > {
		if ( this.closed ) {
			throw new RlgError( 'ERR_STORE_CLOSED', 'the store is closed' );
		}
		if ( ! this.nonceInsert || ! this.noncePrune ) {
			// A second connection to ':memory:' would be another database.
			this.nonceDb =
				this.file === ':memory:' ? this.db : openDatabase( this.file );
			if ( this.nonceDb !== this.db ) {
				this.nonceDb.pragma( 'synchronous = NORMAL' );
			}
			this.nonceInsert = this.nonceDb.prepare(
				`INSERT INTO seen_nonces ( nonce_key, expires_at_ms ) VALUES ( ?, ? )
				ON CONFLICT ( nonce_key ) DO UPDATE SET expires_at_ms = excluded.expires_at_ms
				WHERE seen_nonces.expires_at_ms < ?`
			);
			this.noncePrune = this.nonceDb.prepare(
				'DELETE FROM seen_nonces WHERE expires_at_ms < ?'
			);
		}
		if ( nowMs >= this.nextNoncePruneMs ) {
			this.nextNoncePruneMs = nowMs + NONCE_PRUNE_INTERVAL_MS;
			this.noncePrune.run( nowMs );
		}
		return this.nonceInsert.run( nonceKey, expiresAtMs, nowMs ).changes > 0;
	}

	/** Nonces on record, expired or not (tests, diagnostics). */
	nonceCount(): number {
		return (
			this.db
				.prepare( 'SELECT COUNT( * ) AS n FROM seen_nonces' )
				.get() as { n: number }
		 ).n;
	}

	async removeSite( siteKey: string ): Promise< boolean > {
		const info = this.db
			.prepare( 'DELETE FROM sites WHERE site_key = ?' )
			.run( siteKey );
		return info.changes > 0;
	}

	async getSiteSettings(
		siteId: number
	): Promise< StoredSiteSettings | null > {
		const row = this.db
			.prepare(
				'SELECT settings, updated_at FROM site_settings WHERE site_id = ?'
			)
			.get( siteId ) as
			{ settings: string; updated_at: string } | undefined;
		return row ? toStoredSettings( row ) : null;
	}

	async setSiteSettings(
		siteId: number,
		settings: Partial< Settings >
	): Promise< StoredSiteSettings > {
		const updatedAt = new Date().toISOString();
		this.db
			.prepare(
				`INSERT INTO site_settings ( site_id, settings, updated_at ) VALUES ( ?, ?, ? )
				ON CONFLICT ( site_id ) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`
			)
			.run( siteId, JSON.stringify( settings ), updatedAt );
		return { settings, updatedAt };
	}

	async ping(): Promise< void > {
		// The sites table and the newest end of the checks table: a few
		// pages, enough to notice a database that cannot be read.
		this.db
			.prepare(
				'SELECT ( SELECT COUNT( * ) FROM sites ) AS sites, ( SELECT id FROM checks ORDER BY id DESC LIMIT 1 ) AS newest'
			)
			.get();
	}

	async countSitesWithKeys(): Promise< number > {
		return (
			this.db
				.prepare(
					'SELECT COUNT( * ) AS n FROM sites WHERE secret IS NOT NULL'
				)
				.get() as {
				n: number;
			}
		 ).n;
	}

	async recordChecks(
		siteId: number,
		checks: CheckRecordInput[]
	): Promise< void > {
		const insert = this.db.prepare( `INSERT INTO checks (
			site_id, target, target_key, domain, status, http_status, final_url,
			links_to_us, with_homepage, etag, last_modified, html_hash,
			checked_at, checked_at_ms, result
		) VALUES ( ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? )` );
		const setLatest = this.db
			.prepare( `INSERT INTO latest_checks ( site_id, target_key, check_id )
			VALUES ( ?, ?, ? )
			ON CONFLICT ( site_id, target_key ) DO UPDATE SET check_id = excluded.check_id` );
		this.db.transaction( () => {
			for ( const check of checks ) {
				const { result } = check;
				const checkedAtMs = Date.parse( result.checkedAt );
				if ( Number.isNaN( checkedAtMs ) ) {
					throw new RlgError(
						'ERR_STORE_INVALID',
						`checkedAt "${ result.checkedAt }" of ${ result.target } is not a date`
					);
				}
				// `fromCache` describes a response, not an observation. A
				// row is bounded whatever the partner page held (issue 16).
				const stored = fitResult(
					{ ...result, fromCache: false },
					MAX_STORED_RESULT_BYTES
				);
				const info = insert.run(
					siteId,
					result.target,
					check.targetKey,
					check.domain,
					result.status,
					result.httpStatus,
					result.page?.finalUrl ?? null,
					totalLinks( result ),
					check.withHomepage ? 1 : 0,
					result.validators?.page?.etag ?? null,
					result.validators?.page?.lastModified ?? null,
					result.page?.contentHash ?? null,
					result.checkedAt,
					checkedAtMs,
					JSON.stringify( stored )
				);
				setLatest.run( siteId, check.targetKey, info.lastInsertRowid );
			}
		} )();
	}

	async latestChecks(
		siteId: number,
		targetKeys: string[]
	): Promise< Map< string, StoredCheck > > {
		const found = new Map< string, StoredCheck >();
		const select = this.db.prepare( `SELECT ${ CHECK_COLUMNS }
			FROM latest_checks l JOIN checks c ON c.id = l.check_id
			WHERE l.site_id = ? AND l.target_key = ?` );
		// Rows are read and parsed one at a time, letting other requests
		// (and /v1/health) in between: large results take a while each.
		const yielder = createYielder();
		for ( const key of new Set( targetKeys ) ) {
			await yielder.pause();
			const row = select.get( siteId, key ) as CheckRow | undefined;
			if ( row ) {
				found.set( key, toCheck( row ) );
			}
		}
		return found;
	}

	async checkHistory(
		siteId: number,
		query: HistoryQuery = {}
	): Promise< StoredCheck[] > {
		const where = [ 'c.site_id = ?' ];
		const params: Array< string | number > = [ siteId ];
		if ( query.targetKey !== undefined ) {
			where.push( 'c.target_key = ?' );
			params.push( query.targetKey );
		}
		if ( query.domain !== undefined ) {
			where.push( 'c.domain = ?' );
			params.push( query.domain );
		}
		params.push( query.limit ?? 100 );
		const rows = this.db
			.prepare(
				`SELECT ${ CHECK_COLUMNS } FROM checks c WHERE ${ where.join(
					' AND '
				) } ORDER BY c.checked_at_ms DESC, c.id DESC LIMIT ?`
			)
			.all( ...params ) as CheckRow[];
		return rows.map( toCheck );
	}

	async siteStats( siteId: number, since: Date ): Promise< StoredSiteStats > {
		const outbound = this.db
			.prepare(
				`SELECT COUNT( DISTINCT domain ) AS n FROM checks
				WHERE site_id = ? AND domain IS NOT NULL`
			)
			.get( siteId ) as { n: number };
		// A domain is a reciprocal partner while the newest conclusive check
		// of any of its targets found a link back: one that stopped drops out
		// here (and stays in the history); a timeout or a bot wall since the
		// last real answer changes nothing.
		const reciprocal = `SELECT DISTINCT c.domain FROM checks c
			WHERE c.site_id = ? AND c.status = 'links-back' AND c.domain IS NOT NULL
				AND c.id = (
					SELECT c2.id FROM checks c2
					WHERE c2.site_id = c.site_id AND c2.target_key = c.target_key
						AND NOT ${ transientSql( 'c2' ) }
					ORDER BY c2.checked_at_ms DESC, c2.id DESC LIMIT 1
				)`;
		const partners = this.db
			.prepare( `SELECT COUNT( * ) AS n FROM ( ${ reciprocal } )` )
			.get( siteId ) as { n: number };
		const fresh = this.db
			.prepare(
				`SELECT COUNT( * ) AS n FROM (
					SELECT c.domain FROM checks c
					WHERE c.site_id = ? AND c.status = 'links-back'
						AND c.domain IN ( ${ reciprocal } )
					GROUP BY c.domain
					HAVING MIN( c.checked_at_ms ) >= ?
				)`
			)
			.get( siteId, siteId, since.getTime() ) as { n: number };
		return {
			outboundDomains: outbound.n,
			reciprocalPartners: partners.n,
			newReciprocalPartners: fresh.n,
		};
	}

	async recordPartnerPages(
		siteId: number,
		pages: PartnerPage[]
	): Promise< void > {
		const rows = partnerPageRows( pages );
		if ( rows.length === 0 ) {
			return;
		}
		const upsert = this.db.prepare(
			`INSERT INTO partner_pages ( site_id, page_key, domain, read_at_ms, page )
			VALUES ( ?, ?, ?, ?, ? )
			ON CONFLICT ( site_id, page_key ) DO UPDATE SET
				domain = excluded.domain, read_at_ms = excluded.read_at_ms, page = excluded.page
			WHERE excluded.read_at_ms >= partner_pages.read_at_ms`
		);
		// Bounded per site: past the limit the least recently read go.
		const prune = this.db.prepare(
			`DELETE FROM partner_pages WHERE site_id = ? AND page_key IN (
				SELECT page_key FROM partner_pages WHERE site_id = ?
				ORDER BY read_at_ms DESC, page_key LIMIT -1 OFFSET ?
			)`
		);
		this.db.transaction( () => {
			for ( const row of rows ) {
				upsert.run(
					siteId,
					row.pageKey,
					row.domain,
					row.readAtMs,
					row.json
				);
			}
			prune.run( siteId, siteId, MAX_PARTNER_PAGES_PER_SITE );
		} )();
	}

	async partnerPages( siteId: number ): Promise< PartnerPage[] > {
		const rows = this.db
			.prepare(
				`SELECT page FROM partner_pages WHERE site_id = ?
				ORDER BY read_at_ms DESC, page_key`
			)
			.all( siteId ) as Array< { page: string } >;
		return rows.map( ( row ) => toPartnerPage( row.page ) );
	}

	async graphVersion( siteId: number ): Promise< string > {
		// The pages: a newer read raises its read_at_ms, a new page or a
		// pruned one changes the count or the sum, so count, newest and sum
		// of read times move with every write that changes the graph.
		const pages = this.db
			.prepare(
				`SELECT COUNT( * ) AS n, MAX( read_at_ms ) AS newest, SUM( read_at_ms ) AS total
				FROM partner_pages WHERE site_id = ?`
			)
			.get( siteId ) as PagesVersionRow;
		// The imports live in the backlink tables, made when a backlink
		// store first opens this file; before that there are none.
		this.importsVersion ??= this.backlinkTablesExist()
			? this.db.prepare( IMPORTS_VERSION_SQL.replace( '$1', '?' ) )
			: undefined;
		const imports = this.importsVersion?.get( siteId ) as
			ImportsVersionRow | undefined;
		return graphVersionToken( pages, imports );
	}

	private importsVersion: Statement | undefined;

	private backlinkTablesExist(): boolean {
		return (
			this.db
				.prepare(
					"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'backlink_imports'"
				)
				.get() !== undefined
		);
	}

	async close(): Promise< void > {
		if ( ! this.closed ) {
			this.closed = true;
			if ( this.nonceDb && this.nonceDb !== this.db ) {
				this.nonceDb.close();
			}
			this.db.close();
		}
	}
}

export interface OpenStoreOptions {
	/** Directory holding the database; created (mode 0700) when missing. */
	dataDir: string;
	/**
	 * Run `PRAGMA quick_check` first and refuse a damaged database
	 * (`rlg serve` does: better not to start than to answer 500s).
	 */
	verify?: boolean;
}

/** SQLite's ways of saying the file is not a sound database. */
const DAMAGE_CODES = new Set( [ 'SQLITE_CORRUPT', 'SQLITE_NOTADB' ] );

/** ERR_STORE_CORRUPT: which file, what is wrong, and how to restore it. */
function damagedDatabase( file: string, problem: string ): RlgError {
	return new RlgError(
		'ERR_STORE_CORRUPT',
		`the database ${ file } is damaged (${ problem }); refusing to start, as every request would fail. ` +
			`To restore it from a backup: stop every rlg process using ${ path.dirname(
				file
			) }, move ${ file } and any ${ path.basename(
				file
			) }-wal and ${ path.basename(
				file
			) }-shm beside it out of the way, copy your backup to ${ file }, and start again. ` +
			`Without a backup, "sqlite3 ${ file } .recover | sqlite3 recovered.sqlite" saves what can still be read (move it into place as ${ DATABASE_FILE }), ` +
			'or start from an empty data directory and register the sites again (rlg sites add).'
	);
}

/**
 * `PRAGMA quick_check` over the open database: throws ERR_STORE_CORRUPT
 * naming the file and the first problems when it is not "ok".
 */
export function assertDatabaseSound( db: Database, file: string ): void {
	let problems: string[];
	try {
		problems = (
			db.pragma( 'quick_check( 5 )' ) as Array< { quick_check: string } >
		 ).map( ( row ) => row.quick_check );
	} catch ( error ) {
		throw damagedDatabase( file, ( error as Error ).message );
	}
	if ( problems.length !== 1 || problems[ 0 ] !== 'ok' ) {
		throw damagedDatabase(
			file,
			`PRAGMA quick_check: ${ problems.join( '; ' ) }`
		);
	}
}

/**
 * Open (creating and migrating when needed) the store in a data directory.
 * The directory holds the sites' keys, so it is created private to the user.
 */
export function openStore( options: OpenStoreOptions ): SqliteStore {
	try {
		fs.mkdirSync( options.dataDir, { recursive: true, mode: 0o700 } );
	} catch ( error ) {
		throw new RlgError(
			'ERR_DATA_DIR',
			`cannot create the data directory ${ options.dataDir }: ${
				( error as Error ).message
			}`
		);
	}
	const file = path.join( options.dataDir, DATABASE_FILE );
	let store: SqliteStore;
	try {
		store = new SqliteStore( { file, verify: options.verify } );
	} catch ( error ) {
		const code = ( error as { code?: string } ).code;
		if ( code && DAMAGE_CODES.has( code ) ) {
			// Too damaged even to read the schema.
			throw damagedDatabase( file, ( error as Error ).message );
		}
		throw error;
	}
	try {
		fs.chmodSync( file, 0o600 );
	} catch {
		// Not fatal: e.g. a file owned by another user that we may still read.
	}
	return store;
}
