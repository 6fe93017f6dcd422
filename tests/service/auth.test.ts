import crypto from 'node:crypto';
import {
	canonicalRequest,
	computeSignature,
	signRequest,
	ReplayCache,
} from '../../src/service/auth';
import { SITE_KEY, SITE_URL, send, signedSend, startHarness } from './harness';
import type { Harness } from './harness';

const CHECK = {
	site: SITE_URL,
	links: [ { url: 'https://partner.example/post', anchorText: 'Partner' } ],
};

describe( 'request signing', () => {
	it( 'signs method, path with query, timestamp, nonce and the body hash', () => {
		const body = '{"a":1}';
		const canonical = canonicalRequest( {
			method: 'post',
			path: '/v1/check?x=1',
			timestamp: 1700000000,
			nonce: '0123456789abcdef',
			body,
		} );
		expect( canonical ).toBe(
			[
				'POST',
				'/v1/check?x=1',
				'1700000000',
				'0123456789abcdef',
				crypto.createHash( 'sha256' ).update( body ).digest( 'hex' ),
			].join( '\n' )
		);
		// Same as PHP's hash_hmac( 'sha256', $canonical, $key ).
		expect(
			computeSignature( 'key', {
				method: 'POST',
				path: '/v1/check?x=1',
				timestamp: 1700000000,
				nonce: '0123456789abcdef',
				body,
			} )
		).toBe(
			crypto
				.createHmac( 'sha256', 'key' )
				.update( canonical )
				.digest( 'hex' )
		);
	} );

	it( 'creates a fresh nonce for every request', () => {
		const sign = () =>
			signRequest( {
				site: SITE_URL,
				key: 'k',
				method: 'GET',
				path: '/',
			} )[ 'X-RLG-Nonce' ];
		expect( sign() ).not.toBe( sign() );
		expect( sign() ).toMatch( /^[0-9a-f]{32}$/ );
	} );
} );

describe( 'replay cache', () => {
	it( 'refuses a nonce until it expires, then forgets it', () => {
		const cache = new ReplayCache();
		expect( cache.remember( 'n', 1_000, 0 ) ).toBe( true );
		expect( cache.remember( 'n', 1_000, 500 ) ).toBe( false );
		expect( cache.remember( 'n', 30_000, 20_000 ) ).toBe( true );
	} );

	it( 'refuses new nonces when full rather than forgetting live ones', () => {
		const cache = new ReplayCache( { maxEntries: 2 } );
		expect( cache.remember( 'a', 1_000, 0 ) ).toBe( true );
		expect( cache.remember( 'b', 1_000, 0 ) ).toBe( true );
		expect( cache.remember( 'c', 1_000, 0 ) ).toBe( false );
		expect( cache.remember( 'a', 1_000, 0 ) ).toBe( false );
	} );
} );

describe( 'API authentication', () => {
	let harness: Harness;
	beforeEach( async () => {
		harness = await startHarness();
	} );
	afterEach( () => harness.close() );

	it( 'accepts a correctly signed request', async () => {
		const response = await signedSend( harness.app, {
			method: 'POST',
			url: '/v1/check',
			body: CHECK,
		} );
		expect( response.statusCode ).toBe( 200 );
		expect( response.json().results[ 0 ].status ).toBe( 'links-back' );
	} );

	it( 'accepts the site header in another spelling of the registered URL', async () => {
		const response = await signedSend( harness.app, {
			method: 'GET',
			url: '/v1/stats',
			site: 'http://www.our.example',
		} );
		expect( response.statusCode ).toBe( 200 );
	} );

	it( 'refuses a request without signature headers (ERR_AUTH_MISSING)', async () => {
		const response = await send( harness.app, {
			method: 'POST',
			url: '/v1/check',
			headers: { 'content-type': 'application/json' },
			payload: JSON.stringify( CHECK ),
		} );
		expect( response.statusCode ).toBe( 401 );
		expect( response.json() ).toEqual( {
			code: 'ERR_AUTH_MISSING',
			message: expect.stringContaining( 'X-RLG-Signature' ),
		} );
	} );

	it( 'refuses an unregistered site exactly as a wrong signature (no oracle of which sites exist)', async () => {
		const unknown = await signedSend( harness.app, {
			method: 'POST',
			url: '/v1/check',
			body: CHECK,
			site: 'https://stranger.example/',
		} );
		const wrongKey = await signedSend( harness.app, {
			method: 'POST',
			url: '/v1/check',
			body: CHECK,
			key: SITE_KEY.replace( /^a/, 'b' ),
		} );
		expect( unknown.statusCode ).toBe( 401 );
		expect( wrongKey.statusCode ).toBe( 401 );
		expect( unknown.json() ).toEqual( wrongKey.json() );
		expect( unknown.json().code ).toBe( 'ERR_AUTH_SIGNATURE' );
		expect( JSON.stringify( unknown.json() ) ).not.toMatch(
			/stranger|registered/
		);
	} );

	it( 'refuses a signature made with the wrong key (ERR_AUTH_SIGNATURE)', async () => {
		const response = await signedSend( harness.app, {
			method: 'POST',
			url: '/v1/check',
			body: CHECK,
			key: SITE_KEY.replace( /^a/, 'b' ),
		} );
		expect( response.statusCode ).toBe( 401 );
		expect( response.json().code ).toBe( 'ERR_AUTH_SIGNATURE' );
	} );

	it( 'refuses a body that differs from the signed one (ERR_AUTH_SIGNATURE)', async () => {
		const headers = signRequest( {
			site: SITE_URL,
			key: SITE_KEY,
			method: 'POST',
			path: '/v1/check',
			body: JSON.stringify( CHECK ),
		} );
		const response = await send( harness.app, {
			method: 'POST',
			url: '/v1/check',
			headers: { ...headers, 'content-type': 'application/json' },
			payload: JSON.stringify( { ...CHECK, fresh: true } ),
		} );
		expect( response.statusCode ).toBe( 401 );
		expect( response.json().code ).toBe( 'ERR_AUTH_SIGNATURE' );
	} );

	it( 'refuses a signature over another path or query (ERR_AUTH_SIGNATURE)', async () => {
		const headers = signRequest( {
			site: SITE_URL,
			key: SITE_KEY,
			method: 'GET',
			path: '/v1/stats',
		} );
		const response = await send( harness.app, {
			method: 'GET',
			url: '/v1/stats?x=1',
			headers,
		} );
		expect( response.json().code ).toBe( 'ERR_AUTH_SIGNATURE' );
	} );

	it( 'refuses a request signed more than five minutes ago (ERR_AUTH_EXPIRED)', async () => {
		const response = await signedSend( harness.app, {
			method: 'POST',
			url: '/v1/check',
			body: CHECK,
			timestamp: Math.floor( Date.now() / 1000 ) - 301,
		} );
		expect( response.statusCode ).toBe( 401 );
		expect( response.json().code ).toBe( 'ERR_AUTH_EXPIRED' );
	} );

	it( 'refuses a request dated more than five minutes ahead (ERR_AUTH_EXPIRED)', async () => {
		const response = await signedSend( harness.app, {
			method: 'GET',
			url: '/v1/stats',
			timestamp: Math.floor( Date.now() / 1000 ) + 301,
		} );
		expect( response.json().code ).toBe( 'ERR_AUTH_EXPIRED' );
	} );

	it( 'refuses the same signed request sent twice (ERR_AUTH_REPLAY)', async () => {
		const body = JSON.stringify( CHECK );
		const headers = {
			...signRequest( {
				site: SITE_URL,
				key: SITE_KEY,
				method: 'POST',
				path: '/v1/check',
				body,
			} ),
			'content-type': 'application/json',
		};
		const sendOnce = () =>
			send( harness.app, {
				method: 'POST',
				url: '/v1/check',
				headers,
				payload: body,
			} );
		expect( ( await sendOnce() ).statusCode ).toBe( 200 );
		const replay = await sendOnce();
		expect( replay.statusCode ).toBe( 401 );
		expect( replay.json().code ).toBe( 'ERR_AUTH_REPLAY' );
	} );

	it( 'does not let a forged request use up a nonce', async () => {
		const nonce = 'f'.repeat( 32 );
		const forged = await signedSend( harness.app, {
			method: 'GET',
			url: '/v1/stats',
			key: 'forged',
			nonce,
		} );
		expect( forged.json().code ).toBe( 'ERR_AUTH_SIGNATURE' );
		const genuine = await signedSend( harness.app, {
			method: 'GET',
			url: '/v1/stats',
			nonce,
		} );
		expect( genuine.statusCode ).toBe( 200 );
	} );

	it( 'lets the health check through without a signature', async () => {
		const response = await send( harness.app, {
			method: 'GET',
			url: '/v1/health',
		} );
		expect( response.statusCode ).toBe( 200 );
		expect( response.json() ).toEqual( {
			ok: true,
			version: expect.stringMatching( /^\d+\.\d+\.\d+/ ),
			uptime: expect.any( Number ),
			// It read the database (issue 16, item 6).
			store: 'ok',
		} );
	} );
} );
