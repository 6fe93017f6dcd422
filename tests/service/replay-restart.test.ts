/**
 * Nonces of signed requests are remembered in the store (table
 * `seen_nonces`, migration 4), not only in memory: a request captured
 * before the service restarted is still a replay after it. Restart = the
 * app and the store closed and opened again on the same data directory.
 */
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { buildApp } from '../../src/service/api/app';
import { signRequest } from '../../src/service/auth';
import { createCheckService } from '../../src/service/check-service';
import { openStore, siteIdentity } from '../../src/service/store';
import type { SqliteStore } from '../../src/service/store';
import { SITE_KEY, SITE_URL, fakeChecker, send, tempDataDir } from './harness';

interface Running {
	app: FastifyInstance;
	store: SqliteStore;
	close: () => Promise< void >;
}

async function startOn( dataDir: string ): Promise< Running > {
	const store = openStore( { dataDir } );
	const app = await buildApp( {
		store,
		checkService: createCheckService( {
			store,
			checker: fakeChecker(),
			settings: DEFAULT_SETTINGS,
		} ),
		settings: DEFAULT_SETTINGS,
	} );
	await app.listen( { host: '127.0.0.1', port: 0 } );
	return {
		app,
		store,
		async close() {
			await app.close();
			await store.close();
		},
	};
}

/** The same signed GET /v1/stats, byte for byte, as a captured request. */
const captured = signRequest( {
	site: SITE_URL,
	key: SITE_KEY,
	method: 'GET',
	path: '/v1/stats',
	nonce: 'c0ffee'.repeat( 6 ),
} );

const stats = ( running: Running, headers = captured ) =>
	send( running.app, { method: 'GET', url: '/v1/stats', headers } );

describe( 'replayed requests across a restart', () => {
	let dataDir: string;
	const open: Running[] = [];

	beforeEach( async () => {
		dataDir = tempDataDir();
		const store = openStore( { dataDir } );
		await store.addSite( {
			...siteIdentity( SITE_URL )!,
			secret: SITE_KEY,
		} );
		await store.close();
	} );
	afterEach( async () => {
		for ( const running of open.splice( 0 ) ) {
			await running.close();
		}
		fs.rmSync( dataDir, { recursive: true, force: true } );
	} );

	async function start(): Promise< Running > {
		const running = await startOn( dataDir );
		open.push( running );
		return running;
	}

	it( 'refuses a request captured before the restart when it is sent again after it', async () => {
		const before = await start();
		expect( ( await stats( before ) ).statusCode ).toBe( 200 );
		await open.pop()!.close();

		const after = await start();
		const replay = await stats( after );
		expect( replay.statusCode ).toBe( 401 );
		expect( replay.json().code ).toBe( 'ERR_AUTH_REPLAY' );
		// A fresh request of the same site is served as before.
		const fresh = signRequest( {
			site: SITE_URL,
			key: SITE_KEY,
			method: 'GET',
			path: '/v1/stats',
		} );
		expect( ( await stats( after, fresh ) ).statusCode ).toBe( 200 );
	} );

	it( 'refuses on a second service sharing the data directory a nonce the first one accepted', async () => {
		const first = await start();
		const second = await start();
		expect( ( await stats( first ) ).statusCode ).toBe( 200 );
		expect( ( await stats( second ) ).json().code ).toBe(
			'ERR_AUTH_REPLAY'
		);
	} );

	it( 'does not use up a nonce with a request that failed authentication', async () => {
		const running = await start();
		const forged = { ...captured, 'X-RLG-Signature': '0'.repeat( 64 ) };
		expect( ( await stats( running, forged ) ).json().code ).toBe(
			'ERR_AUTH_SIGNATURE'
		);
		expect( running.store.nonceCount() ).toBe( 0 );
		expect( ( await stats( running ) ).statusCode ).toBe( 200 );
		expect( running.store.nonceCount() ).toBe( 1 );
	} );
} );

describe( 'store: seen nonces', () => {
	let dataDir: string;
	let store: SqliteStore;
	const T0 = Date.parse( '2026-11-25T12:00:00Z' );
	const WINDOW = 300_000;

	beforeEach( () => {
		dataDir = tempDataDir();
		store = openStore( { dataDir } );
	} );
	afterEach( async () => {
		await store.close();
		fs.rmSync( dataDir, { recursive: true, force: true } );
	} );

	it( 'accepts a nonce once while it is live and again once it expired', async () => {
		expect( await store.rememberNonce( '1:aa', T0 + WINDOW, T0 ) ).toBe(
			true
		);
		expect(
			await store.rememberNonce( '1:aa', T0 + WINDOW, T0 + WINDOW )
		).toBe( false );
		// Another site's identical nonce is another key.
		expect( await store.rememberNonce( '2:aa', T0 + WINDOW, T0 ) ).toBe(
			true
		);
		expect(
			await store.rememberNonce(
				'1:aa',
				T0 + 3 * WINDOW,
				T0 + WINDOW + 1
			)
		).toBe( true );
	} );

	it( 'deletes expired nonces instead of keeping every nonce forever', async () => {
		for ( let i = 0; i < 5; i++ ) {
			await store.rememberNonce( `1:${ i }`, T0 + WINDOW, T0 );
		}
		expect( store.nonceCount() ).toBe( 5 );
		const later = T0 + 2 * WINDOW;
		await store.rememberNonce( '1:new', later + WINDOW, later );
		expect( store.nonceCount() ).toBe( 1 );
	} );

	it( 'refuses to record a nonce once the store is closed', async () => {
		await store.close();
		await expect(
			store.rememberNonce( '1:aa', T0 + WINDOW, T0 )
		).rejects.toMatchObject( { code: 'ERR_STORE_CLOSED' } );
	} );
} );
