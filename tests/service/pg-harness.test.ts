/**
 * The test harness's PostgreSQL (tests/helpers/postgres.ts): a real server
 * from Debian's package, started on a free port in a throwaway cluster,
 * with a database per caller, and gone after stop().
 */
import fs from 'node:fs';
import { Client } from 'pg';
import { startPostgres } from '../helpers/postgres';
import type { TestPostgres } from '../helpers/postgres';

describe( 'test PostgreSQL', () => {
	let server: TestPostgres;

	beforeAll( async () => {
		server = await startPostgres();
	}, 90_000 );

	afterAll( async () => {
		await server?.stop();
	} );

	it( 'gives each caller its own empty database on a real server', async () => {
		const first = await server.createDatabase();
		const second = await server.createDatabase();
		expect( first ).not.toBe( second );
		const client = new Client( { connectionString: first } );
		await client.connect();
		try {
			const { rows } = await client.query(
				"SELECT current_setting( 'server_version_num' )::int AS version, current_database() AS db"
			);
			expect( rows[ 0 ].version ).toBeGreaterThanOrEqual( 120000 );
			expect( first.endsWith( `/${ rows[ 0 ].db }` ) ).toBe( true );
			await client.query( 'CREATE TABLE t ( x int )' );
		} finally {
			await client.end();
		}
		const other = new Client( { connectionString: second } );
		await other.connect();
		try {
			const { rows } = await other.query(
				"SELECT COUNT( * )::int AS n FROM pg_tables WHERE tablename = 't'"
			);
			expect( rows[ 0 ].n ).toBe( 0 );
		} finally {
			await other.end();
		}
	} );

	it( 'stops the server and deletes its cluster', async () => {
		const extra = await startPostgres();
		const url = await extra.createDatabase();
		const { rows } = await queryOnce( url, 'SHOW data_directory' );
		const dataDir = rows[ 0 ].data_directory as string;
		expect( fs.existsSync( dataDir ) ).toBe( true );
		await extra.stop();
		expect( fs.existsSync( dataDir ) ).toBe( false );
		await expect( queryOnce( url, 'SELECT 1' ) ).rejects.toThrow(
			/ECONNREFUSED/
		);
	}, 90_000 );
} );

async function queryOnce( url: string, sql: string ) {
	const client = new Client( { connectionString: url } );
	await client.connect();
	try {
		return await client.query( sql );
	} finally {
		await client.end();
	}
}
