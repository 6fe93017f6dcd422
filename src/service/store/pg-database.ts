/**
 * Connections to a PostgreSQL database (node-postgres), shared by the
 * PostgreSQL store and scan store: one pool per process, numbers as numbers,
 * a transaction helper, and the numbered migrations of each track run under
 * an advisory lock, so several processes starting at once (API nodes,
 * workers) migrate the database exactly once.
 */
import pg from 'pg';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { RlgError } from '../errors';
import type { Migration, MigrationTrack } from './migrations';

export { isPostgresUrl, redactUrl } from './database-url';

/**
 * BIGINT and COUNT( * ) come back as JavaScript numbers: every integer this
 * service stores (ids, epoch milliseconds, counts) is far below 2^53.
 */
const types = {
	getTypeParser( oid: number, format?: 'text' | 'binary' ) {
		if ( oid === pg.types.builtins.INT8 ) {
			return ( value: string ) => Number( value );
		}
		return pg.types.getTypeParser( oid, format );
	},
} as unknown as pg.CustomTypesConfig;

export interface PgPoolOptions {
	url: string;
	/** Connections of this pool at most (default 10). */
	max?: number;
	/** Session settings sent at connect (`-c name=value` options). */
	settings?: Record< string, string >;
}

/** A pool on the database, with this service's type parsing. */
export function createPool( options: PgPoolOptions ): Pool {
	const settings = Object.entries( options.settings ?? {} )
		.map( ( [ name, value ] ) => `-c ${ name }=${ value }` )
		.join( ' ' );
	const pool = new pg.Pool( {
		connectionString: options.url,
		max: options.max ?? 10,
		types,
		application_name: 'rlg',
		...( settings ? { options: settings } : {} ),
	} );
	// An idle connection the server dropped (restart, failover) must not
	// crash the process: the pool replaces it on the next query.
	pool.on( 'error', () => undefined );
	return pool;
}

/** Run `work` in one transaction on one connection; rolled back if it throws. */
export async function inTransaction< T >(
	pool: Pool,
	work: ( client: PoolClient ) => Promise< T >
): Promise< T > {
	const client = await pool.connect();
	try {
		await client.query( 'BEGIN' );
		const result = await work( client );
		await client.query( 'COMMIT' );
		return result;
	} catch ( error ) {
		await client.query( 'ROLLBACK' ).catch( () => undefined );
		throw error;
	} finally {
		client.release();
	}
}

/** The first row of a query, or undefined. */
export async function one< T extends QueryResultRow >(
	db: Pool | PoolClient,
	sql: string,
	params: unknown[] = []
): Promise< T | undefined > {
	return ( await db.query< T >( sql, params ) ).rows[ 0 ];
}

/** Key of the advisory lock every migration run of this service takes. */
const MIGRATION_LOCK = 0x726c67; // "rlg"

/**
 * Run `work` while holding the advisory lock every schema change of this
 * service takes (migrations of each track, the job queue's queues), so
 * processes starting at once take turns instead of deadlocking on DDL.
 *
 * @param pool Where to take a connection for the lock.
 * @param work The schema change, given the locked connection.
 * @return What `work` returns.
 */
export async function withMigrationLock< T >(
	pool: Pool,
	work: ( client: PoolClient ) => Promise< T >
): Promise< T > {
	const client = await pool.connect();
	try {
		await client.query( 'SELECT pg_advisory_lock( $1 )', [
			MIGRATION_LOCK,
		] );
		return await work( client );
	} finally {
		await client
			.query( 'SELECT pg_advisory_unlock( $1 )', [ MIGRATION_LOCK ] )
			.catch( () => undefined );
		client.release();
	}
}

/**
 * Apply the migrations of one track that the database has not seen, each in
 * its own transaction, and record them. Idempotent, and safe when several
 * processes start at once: they take turns on an advisory lock, and the
 * later ones find nothing left to do. Returns the versions it applied.
 */
export async function runPgMigrations(
	pool: Pool,
	migrations: readonly Migration[],
	track: MigrationTrack
): Promise< number[] > {
	migrations.forEach( ( migration, index ) => {
		if ( migration.version !== index + 1 ) {
			throw new Error(
				`migration "${ migration.name }" has version ${
					migration.version
				}, expected ${ index + 1 }`
			);
		}
	} );
	return withMigrationLock( pool, async ( client ) => {
		await client.query( `CREATE TABLE IF NOT EXISTS ${ track.table } (
			version INTEGER PRIMARY KEY,
			name TEXT NOT NULL,
			applied_at TEXT NOT NULL
		)` );
		const current =
			(
				await one< { version: number | null } >(
					client,
					`SELECT MAX( version ) AS version FROM ${ track.table }`
				)
			)?.version ?? 0;
		if ( current > migrations.length ) {
			throw new RlgError(
				'ERR_STORE_TOO_NEW',
				`${ track.label } is at schema version ${ current }, but this rlg only knows up to ${ migrations.length }: upgrade rlg`
			);
		}
		const applied: number[] = [];
		for ( const migration of migrations.slice( current ) ) {
			await client.query( 'BEGIN' );
			try {
				await client.query( migration.sql );
				await client.query(
					`INSERT INTO ${ track.table } ( version, name, applied_at ) VALUES ( $1, $2, $3 )`,
					[
						migration.version,
						migration.name,
						new Date().toISOString(),
					]
				);
				await client.query( 'COMMIT' );
			} catch ( error ) {
				await client.query( 'ROLLBACK' );
				throw error;
			}
			applied.push( migration.version );
		}
		return applied;
	} );
}
