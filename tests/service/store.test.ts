import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BacklinkResult, BacklinkStatus } from '../../src/core/schemas';
import {
	MIGRATIONS,
	SCHEMA_VERSION,
	migrate,
	openStore,
	DATABASE_FILE,
} from '../../src/service/store';
import type { SqliteStore } from '../../src/service/store';

function result(
	target: string,
	status: BacklinkStatus,
	checkedAt: string
): BacklinkResult {
	return {
		target,
		status,
		httpStatus: 200,
		detail: null,
		checkedAt,
		fromCache: false,
		page: null,
		links:
			status === 'links-back'
				? [
						{
							href: 'https://our.example/',
							text: 'Our site',
							rel: [],
							placement: 'content',
							hidden: null,
							isImage: false,
							block: 0,
							heading: null,
							inList: false,
							position: 0.5,
							pageUrl: target,
							foundOn: 'target-page',
							anchorClass: 'branded',
							toHomepage: true,
						},
					]
				: [],
	};
}

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

	it( 'refuses a second registration of the same site', async () => {
		await addSite();
		await expect( addSite() ).rejects.toMatchObject( {
			code: 'ERR_SITE_EXISTS',
		} );
	} );

	it( 'gives a key to a site known from CLI checks, keeping its history', async () => {
		const known = await store.ensureSite( {
			url: 'http://our.example/',
			siteKey: 'our.example',
		} );
		expect( known.secret ).toBeNull();
		expect( await store.countSitesWithKeys() ).toBe( 0 );
		expect( ( await store.ensureSite( known ) ).id ).toBe( known.id );
		const registered = await addSite();
		expect( registered ).toMatchObject( {
			id: known.id,
			url: 'https://our.example/',
			secret: 'k'.repeat( 64 ),
		} );
		expect( await store.countSitesWithKeys() ).toBe( 1 );
	} );

	it( 'keeps every result as history and serves the newest as latest', async () => {
		const site = await addSite();
		const target = 'https://partner.example/post';
		await store.recordChecks( site.id, [
			{
				targetKey: 'partner.example/post',
				domain: 'partner.example',
				withHomepage: true,
				result: {
					...result(
						target,
						'links-back',
						'2026-01-01T00:00:00.000Z'
					),
					validators: {
						page: { etag: '"v1"', lastModified: null },
						homepage: null,
					},
				},
			},
		] );
		await store.recordChecks( site.id, [
			{
				targetKey: 'partner.example/post',
				domain: 'partner.example',
				withHomepage: true,
				result: result( target, 'no-link', '2026-01-03T00:00:00.000Z' ),
			},
		] );
		const latest = await store.latestChecks( site.id, [
			'partner.example/post',
			'unknown.example',
		] );
		expect( [ ...latest.keys() ] ).toEqual( [ 'partner.example/post' ] );
		expect( latest.get( 'partner.example/post' ) ).toMatchObject( {
			status: 'no-link',
			checkedAtMs: Date.parse( '2026-01-03T00:00:00.000Z' ),
		} );

		// The partner that linked back and stopped is visible in history.
		const history = await store.checkHistory( site.id, {
			domain: 'partner.example',
		} );
		expect( history.map( ( h ) => h.status ) ).toEqual( [
			'no-link',
			'links-back',
		] );
		expect( history[ 1 ].validators.etag ).toBe( '"v1"' );
		expect( history[ 1 ].result.links[ 0 ].text ).toBe( 'Our site' );
	} );

	it( 'survives a reopen with nothing lost', async () => {
		const site = await addSite();
		await store.recordChecks( site.id, [
			{
				targetKey: 'a.example',
				domain: 'a.example',
				withHomepage: false,
				result: result(
					'https://a.example/',
					'links-back',
					'2026-02-01T00:00:00.000Z'
				),
			},
		] );
		await store.close();
		store = openStore( { dataDir } );
		const latest = await store.latestChecks( site.id, [ 'a.example' ] );
		expect( latest.get( 'a.example' )?.result.status ).toBe( 'links-back' );
	} );

	it( 'counts outbound domains, current reciprocal partners and new ones', async () => {
		const site = await addSite();
		const record = (
			key: string,
			domain: string,
			status: BacklinkStatus,
			at: string
		) =>
			store.recordChecks( site.id, [
				{
					targetKey: key,
					domain,
					withHomepage: true,
					result: result( `https://${ key }`, status, at ),
				},
			] );
		// Old partner, still linking back.
		await record(
			'old.example/a',
			'old.example',
			'links-back',
			'2025-01-01T00:00:00Z'
		);
		await record(
			'old.example/a',
			'old.example',
			'links-back',
			'2026-03-01T00:00:00Z'
		);
		// New partner (two pages of it link back: counted once).
		await record(
			'new.example/a',
			'new.example',
			'links-back',
			'2026-02-25T00:00:00Z'
		);
		await record(
			'new.example/b',
			'new.example',
			'links-back',
			'2026-02-26T00:00:00Z'
		);
		// Linked back once, stopped.
		await record(
			'gone.example/a',
			'gone.example',
			'links-back',
			'2026-02-20T00:00:00Z'
		);
		await record(
			'gone.example/a',
			'gone.example',
			'no-link',
			'2026-02-28T00:00:00Z'
		);
		// Linked back; since then only a timeout and a bot wall: still a partner.
		await record(
			'walled.example/a',
			'walled.example',
			'links-back',
			'2025-06-01T00:00:00Z'
		);
		await record(
			'walled.example/a',
			'walled.example',
			'timeout',
			'2026-02-27T00:00:00Z'
		);
		await record(
			'walled.example/a',
			'walled.example',
			'blocked-by-bot-protection',
			'2026-02-28T00:00:00Z'
		);
		// Never linked back.
		await record(
			'plain.example/',
			'plain.example',
			'no-link',
			'2026-02-28T00:00:00Z'
		);

		expect(
			await store.siteStats( site.id, new Date( '2026-02-01T00:00:00Z' ) )
		).toEqual( {
			outboundDomains: 5,
			reciprocalPartners: 3,
			newReciprocalPartners: 1,
		} );
	} );

	it( 'removes a site together with its results', async () => {
		const site = await addSite();
		await store.recordChecks( site.id, [
			{
				targetKey: 'a.example',
				domain: 'a.example',
				withHomepage: true,
				result: result(
					'https://a.example/',
					'no-link',
					'2026-01-01T00:00:00Z'
				),
			},
		] );
		expect( await store.removeSite( 'our.example' ) ).toBe( true );
		expect( await store.removeSite( 'our.example' ) ).toBe( false );
		expect( await store.listSites() ).toEqual( [] );
		expect( await store.checkHistory( site.id ) ).toEqual( [] );
	} );
} );
