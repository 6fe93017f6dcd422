/**
 * `rlg migrate`: copy a data directory's SQLite database (every table of
 * both schema tracks, ids kept) into an empty PostgreSQL database, in one
 * transaction, then compare the row count of every table on both sides.
 * A failure at any point leaves the PostgreSQL database as it was.
 *
 * The SQLite file is brought to the schema this build knows first (as any
 * open does), so an old data directory can be moved as it is. The copy
 * knows the tables of SQLite core schema 5, scan schema 2 and backlink
 * import schema 1 (= PostgreSQL core version 2, scan version 2, backlink
 * version 1): a migration added to any track must add its columns here
 * too; the version check below and tests/service/migrate-cli.test.ts make
 * that impossible to forget.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { RlgError } from '../errors';
import { SCHEMA_VERSION } from './migrations';
import { SCAN_MIGRATIONS, migrateScan } from './migrations-scan';
import {
	BACKLINK_MIGRATIONS,
	BACKLINK_TRACK,
	PG_BACKLINK_MIGRATIONS,
	migrateBacklinks,
} from './migrations-backlinks';
import { inTransaction, one, runPgMigrations } from './pg-database';
import { PgStore } from './pg-store';
import { DATABASE_FILE, openDatabase, openStore } from './sqlite';

/** Tables in foreign-key order, with the columns that are flags (0/1 → boolean). */
const TABLES: ReadonlyArray< { name: string; flags?: string[] } > = [
	{ name: 'sites', flags: [ 'allow_rendered' ] },
	{ name: 'checks', flags: [ 'with_homepage' ] },
	{ name: 'latest_checks' },
	{ name: 'site_settings' },
	{ name: 'seen_nonces' },
	{ name: 'partner_pages' },
	{ name: 'scans', flags: [ 'full' ] },
	{ name: 'scan_posts' },
	{ name: 'scan_links' },
	{ name: 'scan_post_findings' },
	{ name: 'scan_site_findings' },
	{ name: 'scan_partner_first_seen' },
	{ name: 'scan_partners' },
	{ name: 'scan_partner_facets' },
	{ name: 'scan_alerts' },
	{ name: 'partner_log' },
	// Imported backlink exports (issue 19): what the person imported,
	// with what was skipped, and the rows themselves. The rel flags are
	// null when an export did not say.
	{ name: 'backlink_imports' },
	{
		name: 'imported_backlinks',
		flags: [ 'nofollow', 'ugc', 'sponsored' ],
	},
];

/** Tables whose `id` is an identity: its sequence moves past the copied ids. */
const IDENTITY_TABLES = [
	'sites',
	'checks',
	'scans',
	'scan_posts',
	'partner_log',
	'backlink_imports',
];

/** Schema versions of the SQLite side this copy was written for. */
const KNOWN_CORE_VERSION = 5;
const KNOWN_SCAN_VERSION = 2;
const KNOWN_BACKLINK_VERSION = 1;

/** Rows per INSERT statement (PostgreSQL takes at most 65,535 parameters). */
const BATCH_ROWS = 500;

export interface TableCount {
	table: string;
	sqlite: number;
	postgres: number;
}

export interface CopyOptions {
	dataDir: string;
	databaseUrl: string;
	/** Called after each table is copied (progress). */
	onTable?: ( table: string, rows: number ) => void;
}

function count( db: Database, table: string ): number {
	return (
		db.prepare( `SELECT COUNT( * ) AS n FROM ${ table }` ).get() as {
			n: number;
		}
	 ).n;
}

/**
 * Copy the data directory's database into the (empty) PostgreSQL database
 * and return the row count of every table on both sides. Throws
 * ERR_MIGRATE_* (nothing written) when the source is missing, the target
 * already holds sites, or the counts differ (stop `rlg serve` first).
 */
export async function copySqliteToPostgres(
	options: CopyOptions
): Promise< TableCount[] > {
	const file = path.join( options.dataDir, DATABASE_FILE );
	if ( ! fs.existsSync( file ) ) {
		throw new RlgError(
			'ERR_MIGRATE_SOURCE',
			`no database to copy: ${ file } does not exist`
		);
	}
	if (
		SCHEMA_VERSION !== KNOWN_CORE_VERSION ||
		SCAN_MIGRATIONS.length !== KNOWN_SCAN_VERSION ||
		BACKLINK_MIGRATIONS.length !== KNOWN_BACKLINK_VERSION
	) {
		// A programming error: a migration was added without teaching the copy.
		throw new Error(
			`rlg migrate copies SQLite schema ${ KNOWN_CORE_VERSION }/${ KNOWN_SCAN_VERSION }/${ KNOWN_BACKLINK_VERSION }, this build has ${ SCHEMA_VERSION }/${ SCAN_MIGRATIONS.length }/${ BACKLINK_MIGRATIONS.length }`
		);
	}
	// Every track up to date on the source (as `rlg serve` would do).
	await openStore( { dataDir: options.dataDir } ).close();
	const source = openDatabase( file, { fileMustExist: true } );
	migrateScan( source );
	migrateBacklinks( source );
	const target = await PgStore.open( { url: options.databaseUrl } );
	try {
		// The backlink track is created on first use on PostgreSQL (its
		// store migrates lazily): here, before the copy needs its tables.
		await runPgMigrations(
			target.pool,
			PG_BACKLINK_MIGRATIONS,
			BACKLINK_TRACK
		);
		const existing = ( await one< { n: number } >(
			target.pool,
			'SELECT COUNT( * ) AS n FROM sites'
		) )!.n;
		if ( existing > 0 ) {
			throw new RlgError(
				'ERR_MIGRATE_TARGET',
				`the PostgreSQL database already holds ${ existing } site(s): rlg migrate copies into an empty database only`
			);
		}
		// Counted inside the transaction: a mismatch (something wrote to the
		// SQLite file during the copy) rolls everything back.
		return await inTransaction( target.pool, async ( client ) => {
			for ( const { name, flags = [] } of TABLES ) {
				const columns = (
					source
						.prepare( `PRAGMA table_info( ${ name } )` )
						.all() as Array< {
						name: string;
					} >
				 ).map( ( column ) => column.name );
				const quoted = columns
					.map( ( column ) => `"${ column }"` )
					.join( ', ' );
				let batch: unknown[][] = [];
				let copied = 0;
				const flush = async () => {
					if ( batch.length === 0 ) {
						return;
					}
					const params: unknown[] = [];
					const values = batch.map(
						( row ) =>
							`( ${ row
								.map( ( value ) => {
									params.push( value );
									return `$${ params.length }`;
								} )
								.join( ', ' ) } )`
					);
					await client.query(
						`INSERT INTO ${ name } ( ${ quoted } ) VALUES ${ values.join( ', ' ) }`,
						params
					);
					copied += batch.length;
					batch = [];
				};
				const select = source
					.prepare( `SELECT ${ quoted } FROM ${ name }` )
					.raw( true );
				// One batch in memory at a time: a large history streams through.
				for ( const row of select.iterate() as Iterable< unknown[] > ) {
					batch.push(
						row.map( ( value, index ) =>
							// null stays null (unknown), not false.
							flags.includes( columns[ index ] ) && value !== null
								? value === 1
								: value
						)
					);
					if ( batch.length >= BATCH_ROWS ) {
						await flush();
					}
				}
				await flush();
				options.onTable?.( name, copied );
			}
			for ( const table of IDENTITY_TABLES ) {
				await client.query(
					`SELECT setval( pg_get_serial_sequence( '${ table }', 'id' ),
						COALESCE( MAX( id ), 1 ), MAX( id ) IS NOT NULL ) FROM ${ table }`
				);
			}
			const counts: TableCount[] = [];
			for ( const { name } of TABLES ) {
				counts.push( {
					table: name,
					sqlite: count( source, name ),
					postgres: ( await one< { n: number } >(
						client,
						`SELECT COUNT( * ) AS n FROM ${ name }`
					) )!.n,
				} );
			}
			const wrong = counts.filter( ( c ) => c.sqlite !== c.postgres );
			if ( wrong.length > 0 ) {
				throw new RlgError(
					'ERR_MIGRATE_COUNTS',
					`row counts differ after the copy: ${ wrong
						.map(
							( c ) =>
								`${ c.table } ${ c.sqlite } vs ${ c.postgres }`
						)
						.join( ', ' ) }`
				);
			}
			return counts;
		} );
	} finally {
		source.close();
		await target.close();
	}
}
