/**
 * The fetcher against real local servers posing as partner sites: statuses,
 * redirects, robots.txt, retries, conditional requests, size caps, timeouts.
 */
/* eslint jest/expect-expect: [ "error", { "assertFunctionNames": [ "expect", "expectFailure", "expectOk" ] } ] */
import {
	createFetcher,
	type Fetcher,
	type FetchOutcome,
} from '../../src/service/fetch';
import { DEFAULT_USER_AGENT } from '../../src/service/fetch/user-agent';
import {
	compressed,
	endlessBody,
	html,
	makeBomb,
	makeSelfSignedCert,
	redirect,
	resetMidBody,
	sequence,
	slowBody,
	slowHeaders,
	startPartnerWeb,
	tooManyRequests,
	type PartnerWeb,
} from '../helpers/partner-web';

const A = 'partner-a.test';
const B = 'partner-b.test';
const CAP = 64 * 1024;

let web: PartnerWeb;
let fetcher: Fetcher;

function expectFailure( outcome: FetchOutcome, status: string ) {
	expect( outcome.kind === 'failed' ? outcome.status : outcome.kind ).toBe(
		status
	);
	return outcome as Extract< FetchOutcome, { kind: 'failed' } >;
}

function expectOk( outcome: FetchOutcome ) {
	if ( outcome.kind !== 'ok' ) {
		throw new Error( `expected ok, got ${ JSON.stringify( outcome ) }` );
	}
	return outcome;
}

beforeAll( async () => {
	const hops = ( n: number ) =>
		Object.fromEntries(
			Array.from( { length: n }, ( _, i ) => [
				`/hop${ i }`,
				redirect( `/hop${ i + 1 }`, 301 ),
			] )
		);
	web = await startPartnerWeb( {
		[ A ]: {
			'/': html( 'home <a href="https://our.site/">us</a>' ),
			'/robots.txt':
				'User-agent: *\nDisallow: /private\n\nUser-agent: Googlebot\nDisallow: /no-google',
			'/private': html( 'secret' ),
			'/no-google': html( 'for us, not for Google' ),
			'/relative': redirect( '/' ),
			'/absolute': redirect( ( w ) => w.url( B, '/landing' ), 301 ),
			'/loop-a': redirect( '/loop-b' ),
			'/loop-b': redirect( '/loop-a' ),
			...hops( 6 ),
			'/hop6': html( 'end of chain' ),
			'/no-location': { status: 302, body: 'x' },
			'/gone': { status: 410, body: 'gone' },
			'/error': { status: 500, body: 'oops' },
			'/forbidden': { status: 403, body: 'no bots' },
			'/challenge': {
				status: 503,
				headers: { 'cf-mitigated': 'challenge' },
				body: '<html>Just a moment...</html>',
			},
			'/pdf': {
				headers: { 'content-type': 'application/pdf' },
				body: '%PDF-1.4',
			},
			'/no-type': {
				headers: { 'content-type': '' },
				body: 'plain words, no markup',
			},
			'/binary': {
				headers: { 'content-type': 'text/html' },
				body: Buffer.from( [ 0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d ] ),
			},
			'/gzip': compressed( html( 'zipped page' ), 'gzip' ),
			'/br': compressed( html( 'brotli page' ), 'br' ),
			'/deflate': compressed( html( 'deflate page' ), 'deflate' ),
			'/deflate-raw': compressed(
				html( 'raw deflate page' ),
				'deflate-raw'
			),
			'/zstd': { headers: { 'content-encoding': 'zstd' }, body: 'xx' },
			'/big': html( 'x'.repeat( CAP + 10 ) ),
			'/huge-length': ( _req, res ) => {
				res.writeHead( 200, {
					'content-type': 'text/html',
					'content-length': String( 5 * 1024 ** 3 ),
				} );
				res.write( '<html>' );
			},
			'/endless': endlessBody(),
			'/slow-body': slowBody( 200 ),
			'/slow-headers': slowHeaders( 1000 ),
			'/reset': resetMidBody(),
			'/etag': ( req, res ) => {
				if ( req.headers[ 'if-none-match' ] === '"v1"' ) {
					res.writeHead( 304, { etag: '"v1"' } );
					res.end();
					return;
				}
				res.writeHead( 200, {
					'content-type': 'text/html',
					etag: '"v1"',
					'last-modified': 'Tue, 24 Nov 2026 10:00:00 GMT',
				} );
				res.end( html( 'versioned' ) );
			},
			'/to-file': redirect( 'file:///etc/passwd' ),
			'/to-js': redirect( 'javascript:alert(1)' ),
			'/to-data': redirect(
				'data:text/html,<a href="https://our.site/">x</a>'
			),
			'/noindex': {
				headers: {
					'content-type': 'text/html',
					'x-robots-tag': 'noindex',
				},
				body: html( 'n' ),
			},
		},
		[ B ]: {
			'/landing': html( 'landed on b' ),
			'/robots.txt': { status: 503, body: 'down' },
		},
	} );
	fetcher = createFetcher( {
		resolveMap: web.resolveMap,
		maxBytes: CAP,
		retryBaseDelayMs: 10,
		checkTimeoutMs: 10_000,
	} );
} );

afterAll( async () => {
	await fetcher.close();
	await web.close();
} );

describe( 'fetchPage', () => {
	it( 'fetches a mapped partner page, sending our User-Agent and the real Host', async () => {
		const page = expectOk( await fetcher.fetchPage( web.url( A, '/' ) ) );
		expect( page.httpStatus ).toBe( 200 );
		expect( page.html ).toContain( 'https://our.site/' );
		expect( page.charset ).toBe( 'utf-8' );
		expect( page.contentHash ).toMatch( /^[0-9a-f]{64}$/ );
		const request = web.site( A ).requests.find( ( r ) => r.path === '/' )!;
		expect( request.headers[ 'user-agent' ] ).toBe( DEFAULT_USER_AGENT );
		expect( request.headers.host ).toBe( `${ A }:${ web.site( A ).port }` );
		expect( DEFAULT_USER_AGENT ).toMatch(
			/^ReciprocalLinkGuard\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/reciprocal-link-guard; link checker\)$/
		);
	} );

	it( 'follows a relative redirect and reports the final URL', async () => {
		const page = expectOk(
			await fetcher.fetchPage( web.url( A, '/relative' ) )
		);
		expect( page.finalUrl ).toBe( web.url( A, '/' ) );
		expect( page.redirects ).toEqual( [ web.url( A, '/' ) ] );
	} );

	it( 'follows an absolute redirect to another mapped host', async () => {
		// partner-b's robots.txt answers 503, so Google's rule (5xx = disallow) applies there.
		const outcome = await fetcher.fetchPage( web.url( A, '/absolute' ) );
		const failure = expectFailure( outcome, 'blocked-by-robots' );
		expect( failure.finalUrl ).toBe( web.url( B, '/landing' ) );
		expect( failure.detail ).toMatch( /503/ );
	} );

	it( 'follows 5 redirects but not 6', async () => {
		expectOk( await fetcher.fetchPage( web.url( A, '/hop1' ) ) );
		const failure = expectFailure(
			await fetcher.fetchPage( web.url( A, '/hop0' ) ),
			'http-error'
		);
		expect( failure.httpStatus ).toBe( 301 );
		expect( failure.detail ).toMatch( /more than 5 redirects/ );
	} );

	it( 'stops a redirect loop', async () => {
		const failure = expectFailure(
			await fetcher.fetchPage( web.url( A, '/loop-a' ) ),
			'http-error'
		);
		expect( failure.detail ).toMatch( /redirect loop/ );
	} );

	it( 'reports a redirect without Location as an http-error', async () => {
		const failure = expectFailure(
			await fetcher.fetchPage( web.url( A, '/no-location' ) ),
			'http-error'
		);
		expect( failure.httpStatus ).toBe( 302 );
	} );

	it.each( [ '/to-file', '/to-js', '/to-data' ] )(
		'refuses a redirect to a non-http URL (%s)',
		async ( path ) => {
			const failure = expectFailure(
				await fetcher.fetchPage( web.url( A, path ) ),
				'refused-unsafe-address'
			);
			expect( failure.detail ).toMatch( /only http and https/ );
		}
	);

	it( 'honours robots.txt for our product token', async () => {
		const failure = expectFailure(
			await fetcher.fetchPage( web.url( A, '/private' ) ),
			'blocked-by-robots'
		);
		expect( failure.detail ).toMatch( /disallows \/private/ );
		expect( web.site( A ).hits( '/private' ) ).toBe( 0 );
	} );

	it( 'tells whether Googlebot may crawl the page, and fetches robots.txt once per origin', async () => {
		const page = expectOk(
			await fetcher.fetchPage( web.url( A, '/no-google' ) )
		);
		expect( page.googlebotAllowed ).toBe( false );
		expect(
			expectOk( await fetcher.fetchPage( web.url( A, '/' ) ) )
				.googlebotAllowed
		).toBe( true );
		expect( web.site( A ).hits( '/robots.txt' ) ).toBe( 1 );
	} );

	it( 'passes X-Robots-Tag through', async () => {
		expect(
			expectOk( await fetcher.fetchPage( web.url( A, '/noindex' ) ) )
				.xRobotsTag
		).toBe( 'noindex' );
	} );

	it.each( [
		[ '/gone', 'http-error', 410 ],
		[ '/error', 'http-error', 500 ],
		[ '/forbidden', 'blocked-by-bot-protection', 403 ],
		[ '/challenge', 'blocked-by-bot-protection', 503 ],
		[ '/missing', 'http-error', 404 ],
	] )( 'maps %s to %s', async ( path, status, httpStatus ) => {
		const failure = expectFailure(
			await fetcher.fetchPage( web.url( A, path ) ),
			status
		);
		expect( failure.httpStatus ).toBe( httpStatus );
	} );

	it.each( [
		[ '/pdf', /application\/pdf/ ],
		[ '/no-type', /does not look like HTML/ ],
		[ '/binary', /binary content/ ],
	] )( 'refuses non-HTML %s as not-html', async ( path, detail ) => {
		expect(
			expectFailure(
				await fetcher.fetchPage( web.url( A, path ) ),
				'not-html'
			).detail
		).toMatch( detail );
	} );

	it.each( [ '/gzip', '/br', '/deflate', '/deflate-raw' ] )(
		'decompresses %s',
		async ( path ) => {
			const page = expectOk(
				await fetcher.fetchPage( web.url( A, path ) )
			);
			expect( page.html ).toMatch( /(zipped|brotli|deflate) page/ );
		}
	);

	it( 'reports an unsupported Content-Encoding as unreachable', async () => {
		const failure = expectFailure(
			await fetcher.fetchPage( web.url( A, '/zstd' ) ),
			'unreachable'
		);
		expect( failure.detail ).toMatch( /zstd/ );
	} );

	it( 'stops a plain body at the cap', async () => {
		expectFailure(
			await fetcher.fetchPage( web.url( A, '/big' ) ),
			'too-large'
		);
	} );

	it( 'refuses a 5 GB Content-Length without reading it', async () => {
		const failure = expectFailure(
			await fetcher.fetchPage( web.url( A, '/huge-length' ) ),
			'too-large'
		);
		expect( failure.detail ).toMatch( /Content-Length/ );
	} );

	it( 'stops an endless body at the cap', async () => {
		expectFailure(
			await fetcher.fetchPage( web.url( A, '/endless' ) ),
			'too-large'
		);
	} );

	it.each( [ 'gzip', 'br' ] as const )(
		'stops a %s bomb at the cap, counted after decompression',
		async ( encoding ) => {
			const bomb = await makeBomb( encoding, 32 * 1024 * 1024 );
			expect( bomb.length ).toBeLessThan( CAP );
			web.route( A, `/bomb-${ encoding }`, {
				headers: {
					'content-type': 'text/html',
					'content-encoding': encoding,
				},
				body: bomb,
			} );
			const failure = expectFailure(
				await fetcher.fetchPage( web.url( A, `/bomb-${ encoding }` ) ),
				'too-large'
			);
			expect( failure.detail ).toMatch( /once decompressed/ );
		}
	);

	it( 'ends a slow body at the check deadline', async () => {
		const failure = expectFailure(
			await fetcher.fetchPage( web.url( A, '/slow-body' ), {
				deadline: Date.now() + 1_500,
			} ),
			'timeout'
		);
		expect( failure.detail ).toMatch( /deadline/ );
	} );

	it( 'ends slowloris headers at the check deadline', async () => {
		expectFailure(
			await fetcher.fetchPage( web.url( A, '/slow-headers' ), {
				deadline: Date.now() + 1_500,
			} ),
			'timeout'
		);
	} );

	it( 'reports a connection reset mid-body as unreachable', async () => {
		expectFailure(
			await fetcher.fetchPage( web.url( A, '/reset' ) ),
			'unreachable'
		);
	} );

	it( 'retries once when the connection is reset before any response, then reports unreachable', async () => {
		web.route( A, '/reset-early', ( req ) => {
			req.socket.resetAndDestroy();
		} );
		expectFailure(
			await fetcher.fetchPage( web.url( A, '/reset-early' ) ),
			'unreachable'
		);
		expect( web.site( A ).hits( '/reset-early' ) ).toBe( 2 );
	} );

	it( 'does not retry a reset after the headers', async () => {
		const before = web.site( A ).hits( '/reset' );
		expectFailure(
			await fetcher.fetchPage( web.url( A, '/reset' ) ),
			'unreachable'
		);
		expect( web.site( A ).hits( '/reset' ) - before ).toBe( 1 );
	} );

	it( 'reports a refused connection as unreachable', async () => {
		const closed = createFetcher( {
			resolveMap: new Map( [ [ 'gone.test:1', '127.0.0.1' ] ] ),
		} );
		try {
			const failure = expectFailure(
				await closed.fetchPage( 'http://gone.test:1/' ),
				'unreachable'
			);
			expect( failure.detail ).toMatch( /ECONNREFUSED/ );
		} finally {
			await closed.close();
		}
	} );

	it.each( [ 'not a url', 'ftp://partner-a.test/', 'mailto:x@y.z' ] )(
		'refuses %s as invalid-url',
		async ( url ) => {
			expectFailure( await fetcher.fetchPage( url ), 'invalid-url' );
		}
	);

	it( 'treats a 304 to an unconditional request as an http-error', async () => {
		web.route( A, '/always-304', { status: 304 } );
		const failure = expectFailure(
			await fetcher.fetchPage( web.url( A, '/always-304' ) ),
			'http-error'
		);
		expect( failure.httpStatus ).toBe( 304 );
	} );

	it( 'sends conditional headers and reports 304 as not-modified', async () => {
		const first = expectOk(
			await fetcher.fetchPage( web.url( A, '/etag' ) )
		);
		expect( first.etag ).toBe( '"v1"' );
		const again = await fetcher.fetchPage( web.url( A, '/etag' ), {
			etag: first.etag,
			lastModified: first.lastModified,
		} );
		expect( again.kind ).toBe( 'not-modified' );
		const last = web
			.site( A )
			.requests.filter( ( r ) => r.path === '/etag' )
			.pop()!;
		expect( last.headers[ 'if-none-match' ] ).toBe( '"v1"' );
		expect( last.headers[ 'if-modified-since' ] ).toBe(
			'Tue, 24 Nov 2026 10:00:00 GMT'
		);
	} );
} );

describe( 'Retry-After', () => {
	it( 'waits out a 429 with Retry-After and then succeeds', async () => {
		web.route(
			A,
			'/busy',
			sequence( tooManyRequests( 1 ), html( 'finally' ) )
		);
		const page = expectOk(
			await fetcher.fetchPage( web.url( A, '/busy' ) )
		);
		expect( page.html ).toContain( 'finally' );
		expect( web.site( A ).hits( '/busy' ) ).toBe( 2 );
	} );

	it( 'retries a 503 with backoff and gives up as http-error when it stays down', async () => {
		web.route( A, '/down', tooManyRequests( null, 503 ) );
		const failure = expectFailure(
			await fetcher.fetchPage( web.url( A, '/down' ) ),
			'http-error'
		);
		expect( failure.httpStatus ).toBe( 503 );
		expect( web.site( A ).hits( '/down' ) ).toBe( 3 );
	} );

	it( 'gives up at once as rate-limited when Retry-After is beyond the allowed wait', async () => {
		web.route( A, '/later', tooManyRequests( 3600 ) );
		const failure = expectFailure(
			await fetcher.fetchPage( web.url( A, '/later' ) ),
			'rate-limited'
		);
		expect( failure.httpStatus ).toBe( 429 );
		expect( web.site( A ).hits( '/later' ) ).toBe( 1 );
	} );

	it( 'reports a persistent 429 storm as rate-limited after bounded retries', async () => {
		web.route( A, '/storm', tooManyRequests( 0 ) );
		expectFailure(
			await fetcher.fetchPage( web.url( A, '/storm' ) ),
			'rate-limited'
		);
		expect( web.site( A ).hits( '/storm' ) ).toBe( 3 );
	} );
} );

describe( 'HTTPS partners', () => {
	const T = 'secure.test';
	let tlsWeb: PartnerWeb;
	let cert: string;

	beforeAll( async () => {
		const credentials = makeSelfSignedCert( [ T ] );
		cert = credentials.cert;
		tlsWeb = await startPartnerWeb(
			{ [ T ]: { '/': html( 'over TLS' ) } },
			{ https: { [ T ]: credentials } }
		);
	} );

	afterAll( () => tlsWeb.close() );

	it( 'connects to the mapped address and verifies the certificate against the name', async () => {
		const trusting = createFetcher( {
			resolveMap: tlsWeb.resolveMap,
			tls: { ca: cert },
		} );
		try {
			const page = expectOk(
				await trusting.fetchPage( tlsWeb.url( T ) )
			);
			expect( page.finalUrl ).toBe(
				`https://${ T }:${ tlsWeb.site( T ).port }/`
			);
			expect( page.html ).toContain( 'over TLS' );
		} finally {
			await trusting.close();
		}
	} );

	it( 'refuses a certificate it cannot verify as unreachable', async () => {
		const strict = createFetcher( { resolveMap: tlsWeb.resolveMap } );
		try {
			const failure = expectFailure(
				await strict.fetchPage( tlsWeb.url( T ) ),
				'unreachable'
			);
			expect( failure.detail ).toMatch( /certificate/i );
		} finally {
			await strict.close();
		}
	} );

	it( 'refuses a certificate for another name as unreachable', async () => {
		const other = 'other.test';
		const credentials = makeSelfSignedCert( [ other ] );
		const wrong = await startPartnerWeb(
			{ [ T ]: { '/': html( 'x' ) } },
			{ https: { [ T ]: credentials } }
		);
		const trusting = createFetcher( {
			resolveMap: wrong.resolveMap,
			tls: { ca: credentials.cert },
		} );
		try {
			const failure = expectFailure(
				await trusting.fetchPage( wrong.url( T ) ),
				'unreachable'
			);
			expect( failure.detail ).toMatch(
				/altnames|does not match|ERR_TLS_CERT_ALTNAME_INVALID/i
			);
		} finally {
			await trusting.close();
			await wrong.close();
		}
	} );
} );
