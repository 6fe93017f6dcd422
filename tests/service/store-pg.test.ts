/**
 * What only the PostgreSQL store has: its migrations under an advisory
 * lock (several processes starting at once migrate once), a shared nonce
 * table (two nodes given the same nonce at once accept it once), errors
 * that name the database without its password, and the commands' --database
 * flag. The rest of its behaviour is the store contract
 * (store-contract.test.ts), shared with SQLite.
 */
import { Client } from 'pg';
import {
	PG_MIGRATIONS,
	PG_SCAN_MIGRATIONS,
	migratePg,
} from '../../src/service/store/pg-migrations';
import { createPool } from '../../src/service/store/pg-database';
import { connectStore } from '../../src/service/store';
import { PgStore } from '../../src/service/store/pg-store';
import { LINKS_TO_DOMAIN_AFTER_SQL } from '../../src/service/store/pg-scan-store';
import { resolveDatabaseUrl } from '../../src/service/config';
import { startPostgres } from '../helpers/postgres';
import type { TestPostgres } from '../helpers/postgres';
import { runCli } from './cli-harness';

let server: TestPostgres;

beforeAll( async () => {
	server = await startPostgres();
}, 90_000 );

afterAll( async () => {
	await server?.stop();
} );

async function rows( url: string, sql: string ) {
	const client = new Client( { connectionString: url } );
	await client.connect();
	try {
		return ( await client.query( sql ) ).rows;
	} finally {
		await client.end();
	}
}

describe( 'PostgreSQL migrations', () => {
	it( 'creates both tracks at their latest version, once, even when four processes open at once', async () => {
		const url = await server.createDatabase();
		const stores = await Promise.all(
			[ 1, 2, 3, 4 ].map( () => PgStore.open( { url } ) )
		);
		try {
			expect( await stores[ 0 ].schemaVersion() ).toBe(
				PG_MIGRATIONS.length
			);
			expect(
				await rows(
					url,
					'SELECT version FROM schema_migrations ORDER BY version'
				)
			).toEqual(
				PG_MIGRATIONS.map( ( m ) => ( { version: m.version } ) )
			);
			expect(
				await rows( url, 'SELECT version FROM scan_schema_migrations' )
			).toEqual(
				PG_SCAN_MIGRATIONS.map( ( m ) => ( { version: m.version } ) )
			);
			const pool = createPool( { url } );
			try {
				expect( await migratePg( pool ) ).toEqual( {
					core: [],
					scan: [],
				} );
			} finally {
				await pool.end();
			}
		} finally {
			await Promise.all( stores.map( ( store ) => store.close() ) );
		}
	} );

	it( 'applies only what is missing, rolls back a failing migration, refuses a newer database', async () => {
		const url = await server.createDatabase();
		const pool = createPool( { url } );
		try {
			const one = [
				{ version: 1, name: 'one', sql: 'CREATE TABLE a ( x int )' },
			];
			expect( ( await migratePg( pool, one, [] ) ).core ).toEqual( [
				1,
			] );
			const broken = [
				...one,
				{
					version: 2,
					name: 'half',
					sql: 'CREATE TABLE b ( y int ); CREATE TABLE b ( y int );',
				},
			];
			await expect( migratePg( pool, broken, [] ) ).rejects.toThrow(
				/already exists/
			);
			expect(
				await rows(
					url,
					"SELECT 1 FROM pg_tables WHERE tablename = 'b'"
				)
			).toEqual( [] );
			const fixed = [
				...one,
				{ version: 2, name: 'two', sql: 'CREATE TABLE b ( y int )' },
			];
			expect( ( await migratePg( pool, fixed, [] ) ).core ).toEqual( [
				2,
			] );
			await expect( migratePg( pool, one, [] ) ).rejects.toMatchObject( {
				code: 'ERR_STORE_TOO_NEW',
			} );
		} finally {
			await pool.end();
		}
	} );
} );

describe( 'PostgreSQL query plans', () => {
	it( "reads a page of a partner's links in post order from an index, without sorting all of them", async () => {
		const url = await server.createDatabase();
		const store = await PgStore.open( { url } );
		await store.close();
		const client = new Client( { connectionString: url } );
		await client.connect();
		try {
			// An empty table would be scanned whole whatever the indexes;
			// with scans and sorts priced out the plan shows whether an
			// index can give the rows in the page's order. Without one the
			// Sort stays, as a sort of all the partner's links would.
			await client.query( 'SET enable_seqscan = off' );
			await client.query( 'SET enable_sort = off' );
			const plan = (
				await client.query( `EXPLAIN ${ LINKS_TO_DOMAIN_AFTER_SQL }`, [
					1,
					'partner.test',
					41,
					2,
					100,
				] )
			).rows
				.map( ( row: Record< string, string > ) => row[ 'QUERY PLAN' ] )
				.join( '\n' );
			expect( plan ).toContain( 'scan_links_by_domain_post' );
			// The cursor bounds the index range, not a filter on its rows.
			expect( plan ).toMatch( /Index Cond: .*ROW\(post_id, seq\) > ROW/ );
			expect( plan ).not.toMatch( /\bSort\b/ );
		} finally {
			await client.end();
		}
	} );
} );

describe( 'PostgreSQL store shared by several processes', () => {
	it( 'accepts a nonce given to two stores at the same moment exactly once', async () => {
		const url = await server.createDatabase();
		const a = await PgStore.open( { url } );
		const b = await PgStore.open( { url } );
		try {
			const now = Date.now();
			for ( let i = 0; i < 20; i++ ) {
				const answers = await Promise.all( [
					a.rememberNonce( `1:${ i }`, now + 300_000, now ),
					b.rememberNonce( `1:${ i }`, now + 300_000, now ),
				] );
				expect( answers.filter( Boolean ) ).toHaveLength( 1 );
			}
			expect( await a.nonceCount() ).toBe( 20 );
		} finally {
			await a.close();
			await b.close();
		}
	} );

	it( 'sees what another store wrote at once', async () => {
		const url = await server.createDatabase();
		const a = await PgStore.open( { url } );
		const b = await PgStore.open( { url } );
		try {
			const site = await a.addSite( {
				url: 'https://our.example/',
				siteKey: 'our.example',
				secret: 'k',
			} );
			expect( ( await b.findSite( 'our.example' ) )?.id ).toBe( site.id );
			await expect(
				b.addSite( {
					url: 'https://our.example/',
					siteKey: 'our.example',
					secret: 'k2',
				} )
			).rejects.toMatchObject( { code: 'ERR_SITE_EXISTS' } );
		} finally {
			await a.close();
			await b.close();
		}
	} );
} );

describe( 'choosing the database', () => {
	it( 'names an unreachable database without its password', async () => {
		const error = await connectStore( {
			dataDir: '/nonexistent',
			databaseUrl: `postgres://rlg:hunter2@127.0.0.1:${ server.port }/no_such_db`,
		} ).catch( ( e: unknown ) => e );
		expect( error ).toMatchObject( { code: 'ERR_STORE_OPEN' } );
		expect( ( error as Error ).message ).toContain( 'no_such_db' );
		expect( ( error as Error ).message ).not.toContain( 'hunter2' );
	} );

	it( 'takes --database over RLG_DATABASE_URL and refuses what is not a postgres URL', () => {
		expect( resolveDatabaseUrl( undefined, {} ) ).toBeNull();
		expect(
			resolveDatabaseUrl( undefined, {
				RLG_DATABASE_URL: 'postgres://h/db',
			} )
		).toBe( 'postgres://h/db' );
		expect(
			resolveDatabaseUrl( 'postgresql://x/y', {
				RLG_DATABASE_URL: 'postgres://h/db',
			} )
		).toBe( 'postgresql://x/y' );
		expect( () => resolveDatabaseUrl( 'mysql://x/y', {} ) ).toThrow(
			expect.objectContaining( {
				code: 'ERR_CONFIG',
				message: expect.stringContaining( '--database' ),
			} )
		);
	} );

	it( 'rlg sites keeps the sites in the database given with --database', async () => {
		const url = await server.createDatabase();
		const added = await runCli( [
			'sites',
			'add',
			'https://our.example',
			'--database',
			url,
			'--json',
		] );
		expect( added.exitCode ).toBe( 0 );
		expect( JSON.parse( added.stdout ) ).toMatchObject( {
			site: 'https://our.example/',
			database: url,
		} );
		expect(
			await rows(
				url,
				'SELECT url, secret IS NOT NULL AS keyed FROM sites'
			)
		).toEqual( [ { url: 'https://our.example/', keyed: true } ] );
		const listed = await runCli( [
			'sites',
			'list',
			'--json',
			'--database',
			url,
		] );
		expect( JSON.parse( listed.stdout ) ).toEqual( [
			expect.objectContaining( { site: 'https://our.example/' } ),
		] );
	} );
} );
