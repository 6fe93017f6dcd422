/**
 * The server store: the `Store` interface on PostgreSQL, for a service
 * that runs as several processes on several machines (API nodes behind a
 * load balancer, workers). Everything a process would otherwise keep to
 * itself lives here, so any node answers any request the same: sites and
 * keys, results, settings, and the replay nonces.
 *
 * Commits are durable (the server's synchronous_commit) before a call
 * returns, as on SQLite with synchronous=FULL, except for nonces: see
 * `rememberNonce`.
 */
import type { BacklinkStore } from './backlink-types';
import { PgBacklinkStore } from './pg-backlink-store';
import type { Pool, PoolClient } from 'pg';
import type { Settings } from '../../core/settings';
import { RlgError } from '../errors';
import { CHECK_COLUMNS, toCheck, toSite, toStoredSettings } from './store-rows';
import type { CheckRow, SiteRow } from './store-rows';
import { createPool, inTransaction, one, redactUrl } from './pg-database';
import type { PartnerPage } from '../../core/graph/schemas';
import {
	MAX_PARTNER_PAGES_PER_SITE,
	partnerPageRows,
	toPartnerPage,
} from './partner-pages';
import { migratePg } from './pg-migrations';
import {
	graphVersionToken,
	IMPORTS_VERSION_SQL,
	type ImportsVersionRow,
	type PagesVersionRow,
} from './graph-version';
import { PgScanStore } from './pg-scan-store';
import type { ScanStore } from './scan-types';
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

/** Expired nonces are deleted at most this often (per process). */
const NONCE_PRUNE_INTERVAL_MS = 60_000;

export interface PgStoreOptions {
	/** `postgres://user:password@host:port/database` */
	url: string;
	/** Connections of this process at most (default 10). */
	poolSize?: number;
}

/** A Store on a PostgreSQL database. Open with `PgStore.open( … )`. */
export class PgStore implements Store {
	readonly url: string;
	readonly pool: Pool;
	/** Nonce writes skip the wait for the WAL flush (see rememberNonce). */
	private readonly noncePool: Pool;
	private closed = false;
	private nextNoncePruneMs = 0;
	private readonly scanStores = new Set< PgScanStore >();

	private constructor( options: PgStoreOptions ) {
		this.url = options.url;
		this.pool = createPool( { url: options.url, max: options.poolSize } );
		this.noncePool = createPool( {
			url: options.url,
			max: 2,
			settings: { synchronous_commit: 'off' },
		} );
	}

	/**
	 * Connect and bring the schema up to date (both tracks: the scan store
	 * shares this database). ERR_STORE_OPEN names the URL (without its
	 * password) when the server cannot be reached or refuses us.
	 */
	static async open( options: PgStoreOptions ): Promise< PgStore > {
		const store = new PgStore( options );
		try {
			await migratePg( store.pool );
		} catch ( error ) {
			await store.close();
			if ( error instanceof RlgError ) {
				throw error;
			}
			throw new RlgError(
				'ERR_STORE_OPEN',
				`cannot open the database ${ redactUrl( options.url ) }: ${
					( error as Error ).message
				}`,
				{ cause: error }
			);
		}
		return store;
	}

	/** The core schema version the database is at (diagnostics, tests). */
	async schemaVersion(): Promise< number > {
		return (
			(
				await one< { version: number | null } >(
					this.pool,
					'SELECT MAX( version ) AS version FROM schema_migrations'
				)
			)?.version ?? 0
		);
	}

	/** The imported backlinks on this store's pool. */
	openBacklinkStore(): BacklinkStore {
		return new PgBacklinkStore( this.pool );
	}

	openScanStore(): ScanStore {
		const scanStore = new PgScanStore( this.pool, () =>
			this.scanStores.delete( scanStore )
		);
		this.scanStores.add( scanStore );
		return scanStore;
	}

	async addSite( site: NewSite ): Promise< SiteRecord > {
		return inTransaction( this.pool, async ( client ) => {
			const existing = await one< SiteRow >(
				client,
				'SELECT * FROM sites WHERE site_key = $1 FOR UPDATE',
				[ site.siteKey ]
			);
			if ( existing && existing.secret !== null ) {
				throw new RlgError(
					'ERR_SITE_EXISTS',
					`the site ${ existing.url } is already registered`
				);
			}
			const alternates = JSON.stringify( site.alternateUrls ?? [] );
			const allowRendered = site.allowRendered === true;
			const row = existing
				? await one< SiteRow >(
						client,
						`UPDATE sites SET url = $1, secret = $2, alternate_urls = $3, allow_rendered = $4
						WHERE id = $5 RETURNING *`,
						[
							site.url,
							site.secret,
							alternates,
							allowRendered,
							existing.id,
						]
					)
				: // ON CONFLICT: another node registering the same site at
					// the same moment makes this one fail as a duplicate.
					await one< SiteRow >(
						client,
						`INSERT INTO sites ( url, site_key, secret, alternate_urls, allow_rendered, created_at )
						VALUES ( $1, $2, $3, $4, $5, $6 ) ON CONFLICT ( site_key ) DO NOTHING RETURNING *`,
						[
							site.url,
							site.siteKey,
							site.secret,
							alternates,
							allowRendered,
							new Date().toISOString(),
						]
					);
			if ( ! row ) {
				throw new RlgError(
					'ERR_SITE_EXISTS',
					`the site ${ site.url } is already registered`
				);
			}
			return toSite( row );
		} );
	}

	async ensureSite( site: SiteIdentity ): Promise< SiteRecord > {
		await this.pool.query(
			`INSERT INTO sites ( url, site_key, secret, created_at )
			VALUES ( $1, $2, NULL, $3 ) ON CONFLICT ( site_key ) DO NOTHING`,
			[ site.url, site.siteKey, new Date().toISOString() ]
		);
		return toSite(
			( await one< SiteRow >(
				this.pool,
				'SELECT * FROM sites WHERE site_key = $1',
				[ site.siteKey ]
			) )!
		);
	}

	async findSite( siteKey: string ): Promise< SiteRecord | null > {
		const row = await one< SiteRow >(
			this.pool,
			'SELECT * FROM sites WHERE site_key = $1',
			[ siteKey ]
		);
		return row ? toSite( row ) : null;
	}

	async listSites(): Promise< SiteRecord[] > {
		const { rows } = await this.pool.query< SiteRow >(
			'SELECT * FROM sites ORDER BY id'
		);
		return rows.map( toSite );
	}

	async setAlternateUrls(
		siteKey: string,
		urls: string[]
	): Promise< SiteRecord | null > {
		const row = await one< SiteRow >(
			this.pool,
			'UPDATE sites SET alternate_urls = $1 WHERE site_key = $2 RETURNING *',
			[ JSON.stringify( urls ), siteKey ]
		);
		return row ? toSite( row ) : null;
	}

	async setAllowRendered(
		siteKey: string,
		allowed: boolean
	): Promise< SiteRecord | null > {
		const row = await one< SiteRow >(
			this.pool,
			'UPDATE sites SET allow_rendered = $1 WHERE site_key = $2 RETURNING *',
			[ allowed, siteKey ]
		);
		return row ? toSite( row ) : null;
	}

	/**
	 * One upsert, atomic across every node: a new nonce, or one whose record
	 * expired, is (re)recorded and answers true; a live one answers false.
	 * Two nodes given the same nonce at once: the unique key lets one win.
	 *
	 * On connections with synchronous_commit=off, the counterpart of the
	 * SQLite store's synchronous=NORMAL: the commit is visible to every node
	 * at once and survives a crash of this process, only a crash of the
	 * database server within a fraction of a second can drop the last
	 * nonces; a signed request does not wait for a WAL flush.
	 */
	async rememberNonce(
		nonceKey: string,
		expiresAtMs: number,
		nowMs: number
	): Promise< boolean > {
		if ( this.closed ) {
			throw new RlgError( 'ERR_STORE_CLOSED', 'the store is closed' );
		}
		if ( nowMs >= this.nextNoncePruneMs ) {
			this.nextNoncePruneMs = nowMs + NONCE_PRUNE_INTERVAL_MS;
			await this.noncePool.query(
				'DELETE FROM seen_nonces WHERE expires_at_ms < $1',
				[ nowMs ]
			);
		}
		const info = await this.noncePool.query(
			`INSERT INTO seen_nonces ( nonce_key, expires_at_ms ) VALUES ( $1, $2 )
			ON CONFLICT ( nonce_key ) DO UPDATE SET expires_at_ms = excluded.expires_at_ms
			WHERE seen_nonces.expires_at_ms < $3`,
			[ nonceKey, expiresAtMs, nowMs ]
		);
		return ( info.rowCount ?? 0 ) > 0;
	}

	/** Nonces on record, expired or not (tests, diagnostics). */
	async nonceCount(): Promise< number > {
		return ( await one< { n: number } >(
			this.pool,
			'SELECT COUNT( * ) AS n FROM seen_nonces'
		) )!.n;
	}

	async removeSite( siteKey: string ): Promise< boolean > {
		const info = await this.pool.query(
			'DELETE FROM sites WHERE site_key = $1',
			[ siteKey ]
		);
		return ( info.rowCount ?? 0 ) > 0;
	}

	async getSiteSettings(
		siteId: number
	): Promise< StoredSiteSettings | null > {
		const row = await one< { settings: string; updated_at: string } >(
			this.pool,
			'SELECT settings, updated_at FROM site_settings WHERE site_id = $1',
			[ siteId ]
		);
		return row ? toStoredSettings( row ) : null;
	}

	async setSiteSettings(
		siteId: number,
		settings: Partial< Settings >
	): Promise< StoredSiteSettings > {
		const updatedAt = new Date().toISOString();
		await this.pool.query(
			`INSERT INTO site_settings ( site_id, settings, updated_at ) VALUES ( $1, $2, $3 )
			ON CONFLICT ( site_id ) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
			[ siteId, JSON.stringify( settings ), updatedAt ]
		);
		return { settings, updatedAt };
	}

	async ping(): Promise< void > {
		// The same cheap read as SqliteStore.ping: the sites table and the
		// newest end of the checks table.
		await this.pool.query(
			'SELECT ( SELECT COUNT( * ) FROM sites ) AS sites, ( SELECT id FROM checks ORDER BY id DESC LIMIT 1 ) AS newest'
		);
	}

	async countSitesWithKeys(): Promise< number > {
		return ( await one< { n: number } >(
			this.pool,
			'SELECT COUNT( * ) AS n FROM sites WHERE secret IS NOT NULL'
		) )!.n;
	}

	async recordChecks(
		siteId: number,
		checks: CheckRecordInput[]
	): Promise< void > {
		if ( checks.length === 0 ) {
			return;
		}
		const rows = checks.map( ( check ) => {
			const { result } = check;
			const checkedAtMs = Date.parse( result.checkedAt );
			if ( Number.isNaN( checkedAtMs ) ) {
				throw new RlgError(
					'ERR_STORE_INVALID',
					`checkedAt "${ result.checkedAt }" of ${ result.target } is not a date`
				);
			}
			// `fromCache` describes a response, not an observation.
			const stored = { ...result, fromCache: false };
			return [
				siteId,
				result.target,
				check.targetKey,
				check.domain,
				result.status,
				result.httpStatus,
				result.page?.finalUrl ?? null,
				result.links.length,
				check.withHomepage,
				result.validators?.page?.etag ?? null,
				result.validators?.page?.lastModified ?? null,
				result.page?.contentHash ?? null,
				result.checkedAt,
				checkedAtMs,
				JSON.stringify( stored ),
			];
		} );
		await inTransaction( this.pool, async ( client ) => {
			for ( const row of rows ) {
				await this.insertCheck( client, row );
			}
		} );
	}

	private async insertCheck(
		client: PoolClient,
		row: unknown[]
	): Promise< void > {
		const { id } = ( await one< { id: number } >(
			client,
			`INSERT INTO checks (
				site_id, target, target_key, domain, status, http_status, final_url,
				links_to_us, with_homepage, etag, last_modified, html_hash,
				checked_at, checked_at_ms, result
			) VALUES ( $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15 )
			RETURNING id`,
			row
		) )!;
		await client.query(
			`INSERT INTO latest_checks ( site_id, target_key, check_id ) VALUES ( $1, $2, $3 )
			ON CONFLICT ( site_id, target_key ) DO UPDATE SET check_id = excluded.check_id`,
			[ row[ 0 ], row[ 2 ], id ]
		);
	}

	async latestChecks(
		siteId: number,
		targetKeys: string[]
	): Promise< Map< string, StoredCheck > > {
		const found = new Map< string, StoredCheck >();
		if ( targetKeys.length === 0 ) {
			return found;
		}
		const { rows } = await this.pool.query< CheckRow >(
			`SELECT ${ CHECK_COLUMNS }
			FROM latest_checks l JOIN checks c ON c.id = l.check_id
			WHERE l.site_id = $1 AND l.target_key = ANY( $2::text[] )`,
			[ siteId, [ ...new Set( targetKeys ) ] ]
		);
		const byKey = new Map( rows.map( ( row ) => [ row.target_key, row ] ) );
		// In the order asked for, as the SQLite store answers.
		for ( const key of new Set( targetKeys ) ) {
			const row = byKey.get( key );
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
		const where = [ 'c.site_id = $1' ];
		const params: Array< string | number > = [ siteId ];
		if ( query.targetKey !== undefined ) {
			params.push( query.targetKey );
			where.push( `c.target_key = $${ params.length }` );
		}
		if ( query.domain !== undefined ) {
			params.push( query.domain );
			where.push( `c.domain = $${ params.length }` );
		}
		params.push( query.limit ?? 100 );
		const { rows } = await this.pool.query< CheckRow >(
			`SELECT ${ CHECK_COLUMNS } FROM checks c WHERE ${ where.join(
				' AND '
			) } ORDER BY c.checked_at_ms DESC, c.id DESC LIMIT $${ params.length }`,
			params
		);
		return rows.map( toCheck );
	}

	async siteStats( siteId: number, since: Date ): Promise< StoredSiteStats > {
		// The same definitions as the SQLite store (see there).
		const reciprocal = `SELECT DISTINCT c.domain FROM checks c
			WHERE c.site_id = $1 AND c.status = 'links-back' AND c.domain IS NOT NULL
				AND c.id = (
					SELECT c2.id FROM checks c2
					WHERE c2.site_id = c.site_id AND c2.target_key = c.target_key
						AND NOT ${ transientSql( 'c2' ) }
					ORDER BY c2.checked_at_ms DESC, c2.id DESC LIMIT 1
				)`;
		const row = ( await one< {
			outbound: number;
			partners: number;
			fresh: number;
		} >(
			this.pool,
			`SELECT
				( SELECT COUNT( DISTINCT domain ) FROM checks
					WHERE site_id = $1 AND domain IS NOT NULL ) AS outbound,
				( SELECT COUNT( * ) FROM ( ${ reciprocal } ) AS r ) AS partners,
				( SELECT COUNT( * ) FROM (
					SELECT c.domain FROM checks c
					WHERE c.site_id = $1 AND c.status = 'links-back'
						AND c.domain IN ( ${ reciprocal } )
					GROUP BY c.domain
					HAVING MIN( c.checked_at_ms ) >= $2
				) AS f ) AS fresh`,
			[ siteId, since.getTime() ]
		) )!;
		return {
			outboundDomains: row.outbound,
			reciprocalPartners: row.partners,
			newReciprocalPartners: row.fresh,
		};
	}

	async recordPartnerPages(
		siteId: number,
		pages: PartnerPage[]
	): Promise< void > {
		// The same rows, bound and ordering as the SQLite store (see there).
		const rows = partnerPageRows( pages );
		if ( rows.length === 0 ) {
			return;
		}
		await inTransaction( this.pool, async ( client ) => {
			// One statement for the batch (a scan reads thousands of pages).
			await client.query(
				`INSERT INTO partner_pages ( site_id, page_key, domain, read_at_ms, page )
				SELECT $1, k, d, r, p
				FROM unnest( $2::text[], $3::text[], $4::bigint[], $5::text[] ) AS u( k, d, r, p )
				ON CONFLICT ( site_id, page_key ) DO UPDATE SET
					domain = EXCLUDED.domain, read_at_ms = EXCLUDED.read_at_ms, page = EXCLUDED.page
				WHERE EXCLUDED.read_at_ms >= partner_pages.read_at_ms`,
				[
					siteId,
					rows.map( ( row ) => row.pageKey ),
					rows.map( ( row ) => row.domain ),
					rows.map( ( row ) => row.readAtMs ),
					rows.map( ( row ) => row.json ),
				]
			);
			await client.query(
				`DELETE FROM partner_pages WHERE site_id = $1 AND page_key IN (
					SELECT page_key FROM partner_pages WHERE site_id = $1
					ORDER BY read_at_ms DESC, page_key OFFSET $2
				)`,
				[ siteId, MAX_PARTNER_PAGES_PER_SITE ]
			);
		} );
	}

	async partnerPages( siteId: number ): Promise< PartnerPage[] > {
		const result = await this.pool.query< { page: string } >(
			`SELECT page FROM partner_pages WHERE site_id = $1
			ORDER BY read_at_ms DESC, page_key`,
			[ siteId ]
		);
		return result.rows.map( ( row ) => toPartnerPage( row.page ) );
	}

	async graphVersion( siteId: number ): Promise< string > {
		const pages = await one< PagesVersionRow >(
			this.pool,
			`SELECT COUNT( * ) AS n, MAX( read_at_ms ) AS newest, SUM( read_at_ms ) AS total
			FROM partner_pages WHERE site_id = $1`,
			[ siteId ]
		);
		// The backlink tables are made when a backlink store first runs its
		// migrations on this database; before that there are no imports.
		if ( ! this.backlinkTables ) {
			this.backlinkTables =
				(
					await one< { present: boolean } >(
						this.pool,
						"SELECT to_regclass( 'backlink_imports' ) IS NOT NULL AS present"
					)
				)?.present === true;
		}
		const imports = this.backlinkTables
			? await one< ImportsVersionRow >( this.pool, IMPORTS_VERSION_SQL, [
					siteId,
				] )
			: undefined;
		return graphVersionToken( pages ?? undefined, imports ?? undefined );
	}

	/** The backlink tables were seen (they are never dropped again). */
	private backlinkTables = false;

	async close(): Promise< void > {
		if ( ! this.closed ) {
			this.closed = true;
			for ( const scanStore of [ ...this.scanStores ] ) {
				await scanStore.close();
			}
			await this.noncePool.end();
			await this.pool.end();
		}
	}
}
