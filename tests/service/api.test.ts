import { signRequest } from '../../src/service/auth';
import {
	SITE_KEY,
	SITE_URL,
	fakeChecker,
	send,
	signedSend,
	startHarness,
} from './harness';
import type { Harness } from './harness';

describe( 'POST /v1/check', () => {
	let harness: Harness;
	let checker: ReturnType< typeof fakeChecker >;
	beforeEach( async () => {
		checker = fakeChecker();
		harness = await startHarness( { checker } );
	} );
	afterEach( () => harness.close() );

	const check = ( body: unknown ) =>
		signedSend( harness.app, { method: 'POST', url: '/v1/check', body } );

	it( 'checks each distinct target once and answers in request order', async () => {
		const response = await check( {
			site: SITE_URL,
			links: [
				{ url: 'https://other.example/a', anchorText: 'A' },
				{ url: 'https://partner.example/b', anchorText: 'B' },
				{ url: 'https://www.other.example/a/', anchorText: 'A again' },
				{ url: 'https://partner.example/b#section', anchorText: 'B' },
			],
		} );
		expect( response.statusCode ).toBe( 200 );
		const { site, results } = response.json();
		expect( site ).toBe( SITE_URL );
		expect( results.map( ( r: any ) => r.status ) ).toEqual( [
			'no-link',
			'links-back',
			'no-link',
			'links-back',
		] );
		expect( checker.calls ).toEqual( [
			'https://other.example/a',
			'https://partner.example/b',
		] );
	} );

	it( 'serves results younger than the TTL from the store unless fresh is asked', async () => {
		const body = {
			site: SITE_URL,
			links: [ { url: 'https://partner.example/b' } ],
		};
		expect( ( await check( body ) ).json().results[ 0 ].fromCache ).toBe(
			false
		);
		const again = ( await check( body ) ).json().results[ 0 ];
		expect( again ).toMatchObject( {
			status: 'links-back',
			fromCache: true,
		} );
		expect( checker.calls ).toHaveLength( 1 );

		const fresh = await check( { ...body, fresh: true } );
		expect( fresh.json().results[ 0 ].fromCache ).toBe( false );
		expect( checker.calls ).toHaveLength( 2 );
	} );

	it( 'does not serve a check made without the homepage to a request that wants it', async () => {
		const links = [ { url: 'https://partner.example/b' } ];
		await check( { site: SITE_URL, links, homepage: false } );
		const withHomepage = await check( { site: SITE_URL, links } );
		expect( withHomepage.json().results[ 0 ].fromCache ).toBe( false );
		const without = await check( {
			site: SITE_URL,
			links,
			homepage: false,
		} );
		expect( without.json().results[ 0 ].fromCache ).toBe( true );
		expect( checker.calls ).toHaveLength( 2 );
	} );

	it( 'classifies stored anchors again with the keywords of the new request', async () => {
		const links = [ { url: 'https://partner.example/b' } ];
		await check( { site: SITE_URL, links } );
		const cached = await check( {
			site: SITE_URL,
			links,
			keywords: [ 'garden furniture' ],
		} );
		expect( cached.json().results[ 0 ] ).toMatchObject( {
			fromCache: true,
			links: [ { text: 'garden furniture', anchorClass: 'exact-match' } ],
		} );
	} );

	it( 'leaves stored homepage links out of an answer that did not ask for the homepage', async () => {
		const links = [ { url: 'https://partner-home.example/post' } ];
		const full = await check( { site: SITE_URL, links } );
		expect( full.json().results[ 0 ].status ).toBe( 'links-back' );
		const pageOnly = await check( {
			site: SITE_URL,
			links,
			homepage: false,
		} );
		expect( pageOnly.json().results[ 0 ] ).toMatchObject( {
			fromCache: true,
			status: 'no-link',
			links: [],
		} );
		expect( checker.calls ).toHaveLength( 1 );
	} );

	it( 'answers a 400 naming the field of invalid input', async () => {
		const response = await check( {
			site: SITE_URL,
			links: [
				{ url: 'https://a.example/' },
				{ url: 'ftp://b.example/' },
			],
		} );
		expect( response.statusCode ).toBe( 400 );
		expect( response.json() ).toEqual( {
			code: 'ERR_VALIDATION',
			message: expect.stringContaining( 'http(s)' ),
			field: 'links.1.url',
		} );
	} );

	it( 'names a missing top-level field', async () => {
		const response = await check( { site: SITE_URL } );
		expect( response.statusCode ).toBe( 400 );
		expect( response.json().field ).toBe( 'links' );
	} );

	it( 'refuses 10,000 links in one request with a 400 on links', async () => {
		const links = Array.from( { length: 10_000 }, ( _, i ) => ( {
			url: `https://p${ i }.example/`,
		} ) );
		const response = await check( { site: SITE_URL, links } );
		expect( response.statusCode ).toBe( 400 );
		expect( response.json() ).toMatchObject( {
			code: 'ERR_VALIDATION',
			field: 'links',
			message: expect.stringContaining( 'at most 100' ),
		} );
		expect( checker.calls ).toEqual( [] );
	} );

	it( 'refuses a body over the limit with a 413', async () => {
		const response = await check( {
			site: SITE_URL,
			links: [
				{
					url: 'https://a.example/',
					anchorText: 'x'.repeat( 1100 * 1024 ),
				},
			],
		} );
		expect( response.statusCode ).toBe( 413 );
		expect( response.json().code ).toBe( 'ERR_BODY_TOO_LARGE' );
	} );

	it( 'answers invalid JSON with a 400', async () => {
		const response = await check( '{"site": ' );
		expect( response.statusCode ).toBe( 400 );
		expect( response.json().code ).toBe( 'ERR_INVALID_JSON' );
	} );

	it( 'refuses a body that is not JSON with a 415', async () => {
		const response = await send( harness.app, {
			method: 'POST',
			url: '/v1/check',
			headers: {
				...signRequest( {
					site: SITE_URL,
					key: SITE_KEY,
					method: 'POST',
					path: '/v1/check',
					body: 'hello',
				} ),
				'content-type': 'text/plain',
			},
			payload: 'hello',
		} );
		expect( response.statusCode ).toBe( 415 );
		expect( response.json().code ).toBe( 'ERR_UNSUPPORTED_MEDIA_TYPE' );
	} );

	it( 'refuses to check for another site than the one that signed', async () => {
		const response = await check( {
			site: 'https://someone-else.example/',
			links: [ { url: 'https://a.example/' } ],
		} );
		expect( response.statusCode ).toBe( 403 );
		expect( response.json() ).toMatchObject( {
			code: 'ERR_SITE_MISMATCH',
			field: 'site',
		} );
	} );
} );

describe( 'GET /v1/stats and unknown routes', () => {
	let harness: Harness;
	beforeEach( async () => {
		harness = await startHarness();
	} );
	afterEach( () => harness.close() );

	it( 'counts the outbound and reciprocal domains of the signing site', async () => {
		await signedSend( harness.app, {
			method: 'POST',
			url: '/v1/check',
			body: {
				site: SITE_URL,
				links: [
					{ url: 'https://partner.example/a' },
					{ url: 'https://blog.partner.example/b' },
					{ url: 'https://partner-two.example/' },
					{ url: 'https://other.example/' },
					// Our own pages are not partners.
					{ url: 'https://www.our.example/about' },
				],
			},
		} );
		const response = await signedSend( harness.app, {
			method: 'GET',
			url: '/v1/stats',
		} );
		expect( response.statusCode ).toBe( 200 );
		expect( response.json() ).toEqual( {
			outboundDomains: 3,
			reciprocalPartners: 2,
			newReciprocalPartners: 2,
		} );
	} );

	it( 'answers an unknown route with a JSON 404', async () => {
		const response = await send( harness.app, {
			method: 'GET',
			url: '/v2/nothing?x=1',
		} );
		expect( response.statusCode ).toBe( 404 );
		expect( response.json() ).toEqual( {
			code: 'ERR_NOT_FOUND',
			message: 'no such endpoint: GET /v2/nothing',
		} );
	} );
} );
