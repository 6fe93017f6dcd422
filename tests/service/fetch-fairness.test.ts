/**
 * Sharing the fetcher between sites (issue 16, item 3), against real local
 * servers: a page whose body trickles in gives its slot back at the
 * per-page deadline; a page that waited for a slot until its check's
 * deadline is `host-busy` (never requested), not a timeout of the
 * partner's; a site's trickling pages leave another site's fetch free to
 * go at once.
 */
import { createFetcher, type FetchOutcome } from '../../src/service/fetch';
import { withFetchSite } from '../../src/service/fetch/site-context';
import { html, slowBody, startPartnerWeb } from '../helpers/partner-web';

const statusOf = ( outcome: FetchOutcome ) =>
	outcome.kind === 'failed' ? outcome.status : outcome.kind;

describe( 'the per-page deadline', () => {
	it( 'cuts off a body that trickles in (1 byte at a time, never silent long enough for the idle timeout) and frees its slot', async () => {
		const web = await startPartnerWeb( {
			'trickle.test': { '/slow': slowBody( 100 ), '/fast': html( 'ok' ) },
		} );
		const fetcher = createFetcher( {
			resolveMap: web.resolveMap,
			perHostConcurrency: 1,
			pageTimeoutMs: 800,
			bodyTimeoutMs: 5_000,
			checkTimeoutMs: 10_000,
		} );
		try {
			const started = Date.now();
			const [ slow, fast ] = await Promise.all( [
				fetcher.fetchPage( web.url( 'trickle.test', '/slow' ) ),
				fetcher.fetchPage( web.url( 'trickle.test', '/fast' ) ),
			] );
			expect( statusOf( slow ) ).toBe( 'timeout' );
			expect( slow.kind === 'failed' && slow.detail ).toMatch(
				/did not send the whole page within 0\.8 s/
			);
			// The fast page waited for the one slot of its host, then went.
			expect( statusOf( fast ) ).toBe( 'ok' );
			expect( Date.now() - started ).toBeLessThan( 3_000 );
		} finally {
			await fetcher.close();
			await web.close();
		}
	} );
} );

describe( 'a page that never got a slot', () => {
	it( 'is host-busy, not timeout, and was never requested', async () => {
		const web = await startPartnerWeb( {
			'busy.test': { '/slow': slowBody( 100 ), '/queued': html( 'ok' ) },
		} );
		const fetcher = createFetcher( {
			resolveMap: web.resolveMap,
			perHostConcurrency: 1,
			pageTimeoutMs: 5_000,
		} );
		try {
			// robots.txt first, so the slow page holds the host's only slot.
			await fetcher.fetchPage( web.url( 'busy.test', '/queued' ) );
			const slow = fetcher.fetchPage( web.url( 'busy.test', '/slow' ), {
				deadline: Date.now() + 1_500,
			} );
			await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
			const queued = await fetcher.fetchPage(
				web.url( 'busy.test', '/queued' ),
				{ deadline: Date.now() + 600 }
			);
			expect( statusOf( queued ) ).toBe( 'host-busy' );
			expect( queued.kind === 'failed' && queued.detail ).toMatch(
				/^not checked: busy\.test:\d+ was busy with other pages/
			);
			// Requested once (the warm-up), never by the queued check.
			expect( web.site( 'busy.test' ).hits( '/queued' ) ).toBe( 1 );
			expect( statusOf( await slow ) ).toBe( 'timeout' );
		} finally {
			await fetcher.close();
			await web.close();
		}
	} );
} );

describe( 'shares between sites', () => {
	it( 'a site with 18 trickling pages in flight leaves another site a slot at once', async () => {
		const hostile: Record< string, Record< string, any > > = {};
		for ( let i = 0; i < 18; i++ ) {
			hostile[ `m${ i }.test` ] = {
				'/robots.txt': 'User-agent: *\nAllow: /',
				'/': slowBody( 5_000 ),
			};
		}
		const web = await startPartnerWeb( {
			...hostile,
			'a.test': { '/robots.txt': '', '/': html( 'ok' ) },
		} );
		const fetcher = createFetcher( {
			resolveMap: web.resolveMap,
			pageTimeoutMs: 4_000,
		} );
		try {
			const slow = Object.keys( hostile ).map( ( name ) =>
				withFetchSite( 'site:m', () =>
					fetcher.fetchPage( web.url( name, '/' ) )
				)
			);
			const mRequested = () =>
				Object.keys( hostile ).filter(
					( name ) => web.site( name ).hits( '/' ) > 0
				).length;
			// Let m's pages take every slot they may (robots.txt first).
			for ( let i = 0; i < 60 && mRequested() < 8; i++ ) {
				await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
			}
			await new Promise( ( resolve ) => setTimeout( resolve, 300 ) );
			const started = Date.now();
			const benign = await withFetchSite( 'site:a', () =>
				fetcher.fetchPage( web.url( 'a.test', '/' ) )
			);
			const ms = Date.now() - started;
			expect( statusOf( benign ) ).toBe( 'ok' );
			expect( ms ).toBeLessThan( 1_000 );
			// m never had more than its share in flight.
			expect( mRequested() ).toBe( 8 );
			expect( ( await Promise.all( slow ) ).map( statusOf ) ).toEqual(
				Array( 18 ).fill( 'timeout' )
			);
		} finally {
			await fetcher.close();
			await web.close();
		}
	}, 30_000 );
} );
