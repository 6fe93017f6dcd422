/**
 * Rendered checks start Chromium on the service machine, so a site may ask
 * for one only when the operator allowed it (`rlg sites add|set
 * --allow-rendered`, column `sites.allow_rendered`, migration 3).
 */
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { TargetCheckContext } from '../../src/service/check-service';
import {
	DATABASE_FILE,
	MIGRATIONS,
	SCHEMA_VERSION,
	migrate,
	openStore,
	siteIdentity,
} from '../../src/service/store';
import {
	SITE_URL,
	fakeChecker,
	signedSend,
	startHarness,
	tempDataDir,
} from './harness';
import type { Harness } from './harness';

describe( 'POST /v1/check with rendered: true', () => {
	let harness: Harness;
	let contexts: TargetCheckContext[];

	beforeEach( async () => {
		contexts = [];
		const checker = fakeChecker();
		harness = await startHarness( {
			checker: {
				checkTarget: ( target, ctx ) => {
					contexts.push( ctx );
					return checker.checkTarget( target, ctx );
				},
			},
		} );
	} );
	afterEach( async () => harness.close() );

	const check = ( extra: Record< string, unknown > ) =>
		signedSend( harness.app, {
			method: 'POST',
			url: '/v1/check',
			body: {
				site: SITE_URL,
				links: [ { url: 'https://partner-a.example/post' } ],
				...extra,
			},
		} );

	it( 'refuses a site the operator did not allow with 403 ERR_RENDER_NOT_ALLOWED, checking nothing', async () => {
		expect( harness.site.allowRendered ).toBe( false );
		const reply = await check( { rendered: true } );
		expect( reply.statusCode ).toBe( 403 );
		expect( reply.json() ).toMatchObject( {
			code: 'ERR_RENDER_NOT_ALLOWED',
			field: 'rendered',
		} );
		// Tells the site's admin what the operator has to run.
		expect( reply.json().message ).toContain(
			`rlg sites set ${ SITE_URL } --allow-rendered`
		);
		expect( contexts ).toEqual( [] );
	} );

	it( 'still answers the same site without rendered, or with rendered: false', async () => {
		expect( ( await check( {} ) ).statusCode ).toBe( 200 );
		const plain = await check( { rendered: false, fresh: true } );
		expect( plain.statusCode ).toBe( 200 );
		expect( contexts.map( ( ctx ) => ctx.rendered === true ) ).toEqual( [
			false,
			false,
		] );
	} );

	it( 'renders for a site once the operator allowed it, and refuses again once withdrawn', async () => {
		await harness.store.setAllowRendered( harness.site.siteKey, true );
		const reply = await check( { rendered: true } );
		expect( reply.statusCode ).toBe( 200 );
		expect( contexts ).toHaveLength( 1 );
		expect( contexts[ 0 ].rendered ).toBe( true );

		// Read on every request: no restart needed either way.
		await harness.store.setAllowRendered( harness.site.siteKey, false );
		const again = await check( { rendered: true, fresh: true } );
		expect( again.statusCode ).toBe( 403 );
		expect( contexts ).toHaveLength( 1 );
	} );
} );

describe( 'store: the rendered permission', () => {
	const dirs: string[] = [];
	afterAll( () => {
		for ( const dir of dirs ) {
			fs.rmSync( dir, { recursive: true, force: true } );
		}
	} );

	it( 'leaves the sites of an upgraded version-2 database without it (the hole closes on upgrade)', async () => {
		const dir = tempDataDir();
		dirs.push( dir );
		const db = new BetterSqlite3( path.join( dir, DATABASE_FILE ) );
		expect( migrate( db, MIGRATIONS.slice( 0, 2 ) ) ).toEqual( [ 1, 2 ] );
		db.prepare(
			`INSERT INTO sites ( url, site_key, secret, created_at ) VALUES ( 'https://our.example/', 'our.example', 'k', '2026-01-01' )`
		).run();
		db.close();

		const store = openStore( { dataDir: dir } );
		try {
			expect( store.schemaVersion() ).toBe( SCHEMA_VERSION );
			const site = await store.findSite( 'our.example' );
			expect( site ).toMatchObject( {
				secret: 'k',
				allowRendered: false,
			} );
		} finally {
			await store.close();
		}
	} );

	it( 'keeps a grant across a restart, also for a site first known from rlg check', async () => {
		const dir = tempDataDir();
		dirs.push( dir );
		const first = openStore( { dataDir: dir } );
		// Known without a key from `rlg check`, then registered with a grant.
		await first.ensureSite( siteIdentity( 'https://our.example' )! );
		const added = await first.addSite( {
			...siteIdentity( 'https://our.example' )!,
			secret: 'k',
			allowRendered: true,
		} );
		expect( added.allowRendered ).toBe( true );
		expect(
			await first.setAllowRendered( 'nobody.example', true )
		).toBeNull();
		await first.close();

		const second = openStore( { dataDir: dir } );
		try {
			expect(
				( await second.findSite( 'our.example' ) )?.allowRendered
			).toBe( true );
			expect(
				( await second.setAllowRendered( 'our.example', false ) )
					?.allowRendered
			).toBe( false );
		} finally {
			await second.close();
		}
	} );
} );
