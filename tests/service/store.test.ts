import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
	MIGRATIONS,
	SCHEMA_VERSION,
	migrate,
	openStore,
	DATABASE_FILE,
} from '../../src/service/store';
import type { SqliteStore } from '../../src/service/store';
import {
	partnerAfter,
	partnerFilter,
	partnerOrder,
} from '../../src/service/store/scan-rows';

// What every store does is the store contract (store-contract.test.ts, run
// against SQLite and PostgreSQL); here what only the SQLite store has.
describe( 'SQLite store', () => {
	let dataDir: string;
	let store: SqliteStore;

	beforeEach( () => {
		dataDir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-store-' ) );
		store = openStore( { dataDir } );
	} );

	afterEach( async () => {
		await store.close();
		fs.rmSync( dataDir, { recursive: true, force: true } );
	} );

	async function addSite() {
		return store.addSite( {
			url: 'https://our.example/',
			siteKey: 'our.example',
			secret: 'k'.repeat( 64 ),
		} );
	}

	it( 'reads a page of the exports (domain order, by keyset) as a range of the primary key, not a sort of every partner', async () => {
		// The scan tables exist once the scan store opened them.
		await store.openScanStore().close();
		const db = new BetterSqlite3( path.join( dataDir, DATABASE_FILE ) );
		try {
			for ( const order of [ 'asc', 'desc' ] as const ) {
				const query = {
					search: '',
					orderBy: 'domain' as const,
					order,
				};
				const params: Array< string | number | null > = [];
				const param = ( value: string | number | null ) => {
					params.push( value );
					return '?';
				};
				const sql = `SELECT row FROM scan_partners p WHERE ${ partnerFilter(
					1,
					query,
					param,
					'LIKE'
				) } AND ${ partnerAfter(
					query,
					{ value: 'b.test', domain: 'b.test' },
					param
				) } ORDER BY ${ partnerOrder( query ) } LIMIT 200`;
				const plan = (
					db
						.prepare( `EXPLAIN QUERY PLAN ${ sql }` )
						.all( ...params ) as Array< { detail: string } >
				 ).map( ( step ) => step.detail );
				expect( plan.join( '; ' ) ).toMatch(
					/SEARCH p USING PRIMARY KEY \(site_id=\? AND domain[<>]\?\)/
				);
				expect( plan.join( '; ' ) ).not.toContain( 'TEMP B-TREE' );
			}
		} finally {
			db.close();
		}
	} );

	it( 'creates the schema at the latest version, in WAL mode, private to the user', () => {
		expect( store.schemaVersion() ).toBe( SCHEMA_VERSION );
		const db = new BetterSqlite3( path.join( dataDir, DATABASE_FILE ) );
		expect( db.pragma( 'journal_mode', { simple: true } ) ).toBe( 'wal' );
		const versions = db
			.prepare( 'SELECT version FROM schema_migrations ORDER BY version' )
			.all();
		db.close();
		expect( versions ).toEqual(
			MIGRATIONS.map( ( m ) => ( { version: m.version } ) )
		);
		const mode = fs.statSync( path.join( dataDir, DATABASE_FILE ) ).mode;
		// Group and others have no access bits.
		expect( ( mode % 0o1000 ).toString( 8 ) ).toBe( '600' );
	} );

	it( 'runs migrations once: reopening or migrating again applies nothing', async () => {
		await addSite();
		await store.close();
		store = openStore( { dataDir } );
		expect( await store.countSitesWithKeys() ).toBe( 1 );
		const db = new BetterSqlite3( path.join( dataDir, DATABASE_FILE ) );
		expect( migrate( db ) ).toEqual( [] );
		db.close();
	} );

	it( 'applies only the migrations a database is missing, in order', () => {
		const db = new BetterSqlite3( ':memory:' );
		const first = [
			{ version: 1, name: 'one', sql: 'CREATE TABLE a ( x )' },
		];
		expect( migrate( db, first ) ).toEqual( [ 1 ] );
		const second = [
			...first,
			{ version: 2, name: 'two', sql: 'CREATE TABLE b ( y )' },
		];
		expect( migrate( db, second ) ).toEqual( [ 2 ] );
		expect( () => migrate( db, first ) ).toThrow(
			expect.objectContaining( { code: 'ERR_STORE_TOO_NEW' } )
		);
		db.close();
	} );

	it( 'rolls back a failing migration so the next open can retry it', () => {
		const db = new BetterSqlite3( ':memory:' );
		const broken = [
			{
				version: 1,
				name: 'half',
				sql: 'CREATE TABLE a ( x ); CREATE TABLE a ( x );',
			},
		];
		expect( () => migrate( db, broken ) ).toThrow();
		const tables = db
			.prepare( "SELECT name FROM sqlite_master WHERE name = 'a'" )
			.all();
		expect( tables ).toEqual( [] );
		db.close();
	} );
} );
