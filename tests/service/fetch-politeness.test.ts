/**
 * Politeness: concurrency per host and in total, and robots.txt error
 * handling as Google documents it.
 */
import type { ServerResponse } from 'node:http';
import {
	createFetcher,
	parseRetryAfter,
	type FetchOutcome,
} from '../../src/service/fetch';
import {
	html,
	redirect,
	slowBody,
	startPartnerWeb,
	type PartnerHandler,
} from '../helpers/partner-web';

const statusOf = ( outcome: FetchOutcome ) =>
	outcome.kind === 'failed' ? outcome.status : outcome.kind;

/** A page that answers after `ms`, counting how many requests overlap. */
function gauge( ms: number ) {
	const state = { inFlight: 0, peak: 0, total: 0 };
	const handler: PartnerHandler = ( _req, res: ServerResponse ) => {
		state.inFlight++;
		state.total++;
		state.peak = Math.max( state.peak, state.inFlight );
		setTimeout( () => {
			state.inFlight--;
			res.writeHead( 200, { 'content-type': 'text/html' } );
			res.end( html( 'ok' ) );
		}, ms );
	};
	return { state, handler };
}

describe( 'concurrency limits', () => {
	it( 'sends at most 2 requests at once to one host', async () => {
		const { state, handler } = gauge( 50 );
		const web = await startPartnerWeb( { 'busy.test': { '*': handler } } );
		const fetcher = createFetcher( {
			resolveMap: web.resolveMap,
			globalConcurrency: 10,
		} );
		try {
			const outcomes = await Promise.all(
				Array.from( { length: 8 }, ( _, i ) =>
					fetcher.fetchPage( web.url( 'busy.test', `/p${ i }` ) )
				)
			);
			expect( outcomes.map( statusOf ) ).toEqual(
				Array( 8 ).fill( 'ok' )
			);
			expect( state.peak ).toBe( 2 );
		} finally {
			await fetcher.close();
			await web.close();
		}
	} );

	it( 'keeps to the global limit across hosts', async () => {
		const a = gauge( 30 );
		const b = gauge( 30 );
		let peak = 0;
		const both =
			( g: ReturnType< typeof gauge > ): PartnerHandler =>
			( req, res, w ) => {
				const result = g.handler( req, res, w );
				peak = Math.max( peak, a.state.inFlight + b.state.inFlight );
				return result;
			};
		const web = await startPartnerWeb( {
			'a.test': { '*': both( a ) },
			'b.test': { '*': both( b ) },
		} );
		const fetcher = createFetcher( {
			resolveMap: web.resolveMap,
			globalConcurrency: 3,
		} );
		try {
			await Promise.all(
				[ 'a.test', 'b.test' ].flatMap( ( host ) =>
					Array.from( { length: 5 }, ( _, i ) =>
						fetcher.fetchPage( web.url( host, `/p${ i }` ) )
					)
				)
			);
			expect( peak ).toBe( 3 );
			expect( a.state.total + b.state.total ).toBe(
				10 + 2 /* robots.txt */
			);
		} finally {
			await fetcher.close();
			await web.close();
		}
	} );
} );

describe( 'robots.txt errors (Google’s documented handling)', () => {
	it.each( [
		[ 404, 'ok' ],
		[ 410, 'ok' ],
		[ 401, 'ok' ],
		[ 403, 'ok' ],
		[ 429, 'blocked-by-robots' ],
		[ 500, 'blocked-by-robots' ],
		[ 503, 'blocked-by-robots' ],
	] )( 'robots.txt answering %i means %s', async ( status, expected ) => {
		const web = await startPartnerWeb( {
			'r.test': {
				'/robots.txt': { status, body: 'x' },
				'/': html( 'page' ),
			},
		} );
		const fetcher = createFetcher( {
			resolveMap: web.resolveMap,
			retryBaseDelayMs: 1,
		} );
		try {
			expect(
				statusOf( await fetcher.fetchPage( web.url( 'r.test' ) ) )
			).toBe( expected );
		} finally {
			await fetcher.close();
			await web.close();
		}
	} );

	it( 'follows a robots.txt redirect and obeys the file it lands on', async () => {
		const web = await startPartnerWeb( {
			'r.test': {
				'/robots.txt': redirect( '/real-robots.txt', 301 ),
				'/real-robots.txt': {
					headers: { 'content-type': 'text/plain' },
					body: 'User-agent: ReciprocalLinkGuard\nDisallow: /',
				},
				'/': html( 'page' ),
			},
		} );
		const fetcher = createFetcher( { resolveMap: web.resolveMap } );
		try {
			expect(
				statusOf( await fetcher.fetchPage( web.url( 'r.test' ) ) )
			).toBe( 'blocked-by-robots' );
			expect( web.site( 'r.test' ).hits( '/' ) ).toBe( 0 );
		} finally {
			await fetcher.close();
			await web.close();
		}
	} );

	it.each( [
		[ 'javascript:alert(1)' ],
		[ 'http://127.0.0.1/robots.txt' ],
		[ 'http://evil.example/robots.txt' ],
		[ 'http://[::1' ],
	] )(
		'treats a robots.txt redirect to %s as no robots.txt, without refusing the page',
		async ( location ) => {
			const web = await startPartnerWeb( {
				'r.test': {
					'/robots.txt': redirect( location ),
					'/': html( 'page' ),
				},
			} );
			const fetcher = createFetcher( {
				resolveMap: web.resolveMap,
				lookup: async () => [ { address: '10.0.0.1', family: 4 } ],
			} );
			try {
				expect(
					statusOf( await fetcher.fetchPage( web.url( 'r.test' ) ) )
				).toBe( 'ok' );
			} finally {
				await fetcher.close();
				await web.close();
			}
		}
	);

	it( 'reports a robots.txt that never answers as a timeout, not as a robots block', async () => {
		const web = await startPartnerWeb( {
			'r.test': { '/robots.txt': slowBody( 1000 ), '/': html( 'page' ) },
		} );
		const fetcher = createFetcher( {
			resolveMap: web.resolveMap,
			robotsTimeoutMs: 500,
		} );
		try {
			expect(
				statusOf( await fetcher.fetchPage( web.url( 'r.test' ) ) )
			).toBe( 'timeout' );
		} finally {
			await fetcher.close();
			await web.close();
		}
	} );

	it( 'only reads the first 500 KiB of robots.txt', async () => {
		const web = await startPartnerWeb( {
			'r.test': {
				'/robots.txt': {
					headers: { 'content-type': 'text/plain' },
					body: `${ '#'.repeat( 600 * 1024 ) }\nUser-agent: *\nDisallow: /`,
				},
				'/': html( 'page' ),
			},
		} );
		const fetcher = createFetcher( { resolveMap: web.resolveMap } );
		try {
			// The Disallow lies beyond the limit, so it is never seen.
			expect(
				statusOf( await fetcher.fetchPage( web.url( 'r.test' ) ) )
			).toBe( 'ok' );
		} finally {
			await fetcher.close();
			await web.close();
		}
	} );
} );

describe( 'parseRetryAfter', () => {
	it( 'reads delta-seconds and HTTP dates', () => {
		const now = Date.parse( 'Wed, 25 Nov 2026 10:00:00 GMT' );
		expect( parseRetryAfter( '120', now ) ).toBe( 120_000 );
		expect( parseRetryAfter( 'Wed, 25 Nov 2026 10:00:30 GMT', now ) ).toBe(
			30_000
		);
		expect( parseRetryAfter( 'Wed, 25 Nov 2026 09:00:00 GMT', now ) ).toBe(
			0
		);
		expect( parseRetryAfter( 'soon', now ) ).toBeNull();
		expect( parseRetryAfter( null, now ) ).toBeNull();
	} );
} );
