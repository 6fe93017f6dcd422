/**
 * Check jobs (issue 20): accepted at once, results as they become known,
 * polls that wait a bounded time, jobs private to their site.
 */
import {
	MAX_LINKS_PER_JOB_REQUEST,
	type BacklinkResult,
} from '../../src/core/schemas';
import type { TargetChecker } from '../../src/service/check-service';
import { siteIdentity } from '../../src/service/store/site-identity';
import { SITE_URL, fakeChecker, signedSend, startHarness } from './harness';
import type { Harness } from './harness';

/** A checker whose answers for hosts starting with "slow" wait for release(). */
function gatedChecker(): TargetChecker & {
	calls: string[];
	release: () => void;
} {
	const inner = fakeChecker();
	let open: () => void = () => undefined;
	const gate = new Promise< void >( ( resolve ) => {
		open = resolve;
	} );
	return {
		calls: inner.calls,
		release: () => open(),
		async checkTarget( target, ctx ): Promise< BacklinkResult > {
			if ( new URL( target ).hostname.startsWith( 'slow' ) ) {
				await gate;
			}
			return inner.checkTarget( target, ctx );
		},
	};
}

describe( 'check jobs', () => {
	let harness: Harness;
	let checker: ReturnType< typeof gatedChecker >;
	beforeEach( async () => {
		checker = gatedChecker();
		harness = await startHarness( { checker } );
	} );
	afterEach( async () => {
		checker.release();
		await harness.close();
	} );

	const start = ( links: Array< { url: string } > ) =>
		signedSend( harness.app, {
			method: 'POST',
			url: '/v1/check-jobs',
			body: { site: SITE_URL, links },
		} );
	const poll = ( id: string, after: number, wait = 0 ) =>
		signedSend( harness.app, {
			method: 'GET',
			url: `/v1/check-jobs/${ id }?after=${ after }&wait=${ wait }`,
		} );

	it( 'accepts at once while a target is slow, and hands out results as they come', async () => {
		const started = await start( [
			{ url: 'https://partner.example/a' },
			{ url: 'https://slow.example/b' },
			{ url: 'https://other.example/c' },
		] );
		expect( started.statusCode ).toBe( 202 );
		const job = started.json();
		expect( job ).toMatchObject( { total: 3, finished: false } );

		// The two fast targets come in; the slow one is still running.
		let seen: BacklinkResult[] = [];
		let cursor = 0;
		while ( seen.length < 2 ) {
			const answer = ( await poll( job.id, cursor, 1000 ) ).json();
			seen = [ ...seen, ...answer.results ];
			cursor = answer.done;
			expect( answer.finished ).toBe( false );
		}
		expect( seen.map( ( r ) => r.target ).sort() ).toEqual( [
			'https://other.example/c',
			'https://partner.example/a',
		] );

		checker.release();
		const last = ( await poll( job.id, cursor, 5000 ) ).json();
		expect( last.results.map( ( r: BacklinkResult ) => r.target ) ).toEqual(
			[ 'https://slow.example/b' ]
		);
		const final = ( await poll( job.id, last.done ) ).json();
		expect( final ).toMatchObject( {
			finished: true,
			total: 3,
			done: 3,
			results: [],
		} );
	} );

	it( 'takes more links in one request than a check does, and answers their stored results in one answer', async () => {
		// 250: over /v1/check's 100 (kept small: each is checked once).
		const links = Array.from( { length: 250 }, ( _, i ) => ( {
			url: `https://p${ i % 50 }.example/page-${ i }`,
		} ) );
		const first = ( await start( links ) ).json();
		expect( first.total ).toBe( 250 );
		let cursor = first.done;
		for ( let finished = first.finished; ! finished; ) {
			const answer = ( await poll( first.id, cursor, 2000 ) ).json();
			cursor = answer.done;
			finished = answer.finished;
		}
		expect( cursor ).toBe( 250 );
		expect( checker.calls ).toHaveLength( 250 );

		// Opened again: every result from the store, in the one answer.
		const again = await start( links );
		expect( again.statusCode ).toBe( 202 );
		expect( again.json() ).toMatchObject( {
			total: 250,
			done: 250,
			finished: true,
		} );
		expect( again.json().results ).toHaveLength( 250 );
		expect( checker.calls ).toHaveLength( 250 );

		const tooMany = await start(
			Array.from(
				{ length: MAX_LINKS_PER_JOB_REQUEST + 1 },
				( _, i ) => ( {
					url: `https://p.example/${ i }`,
				} )
			)
		);
		expect( tooMany.statusCode ).toBe( 400 );
		expect( tooMany.json() ).toMatchObject( {
			field: 'links',
			message: expect.stringContaining(
				`at most ${ MAX_LINKS_PER_JOB_REQUEST } links`
			),
		} );
	} );

	it( 'answers a poll after `wait` ms with no new result, not later', async () => {
		const job = (
			await start( [ { url: 'https://slow.example/x' } ] )
		).json();
		const before = Date.now();
		const answer = await poll( job.id, 0, 300 );
		const waited = Date.now() - before;
		expect( answer.json() ).toMatchObject( {
			finished: false,
			results: [],
		} );
		// Behaviour, not a benchmark: it waited, and it did not wait forever.
		expect( waited ).toBeGreaterThanOrEqual( 250 );
		expect( waited ).toBeLessThan( 5000 );
	} );

	it( 'serves stored results at once and does not check a target twice when links are appended', async () => {
		await signedSend( harness.app, {
			method: 'POST',
			url: '/v1/check',
			body: {
				site: SITE_URL,
				links: [ { url: 'https://partner.example/a' } ],
			},
		} );
		const job = (
			await start( [ { url: 'https://partner.example/a' } ] )
		).json();
		expect( job ).toMatchObject( { finished: true, done: 1 } );
		expect( job.results[ 0 ] ).toMatchObject( { fromCache: true } );

		const appended = await signedSend( harness.app, {
			method: 'POST',
			url: `/v1/check-jobs/${ job.id }/links`,
			body: {
				site: SITE_URL,
				links: [
					{ url: 'https://partner.example/a#again' },
					{ url: 'https://other.example/new' },
				],
			},
		} );
		expect( appended.statusCode ).toBe( 200 );
		expect( appended.json().total ).toBe( 2 );
		const done = ( await poll( job.id, 1, 2000 ) ).json();
		expect( done.results.map( ( r: BacklinkResult ) => r.target ) ).toEqual(
			[ 'https://other.example/new' ]
		);
		expect( checker.calls ).toEqual( [
			'https://partner.example/a',
			'https://other.example/new',
		] );
	} );

	it( 'answers an append with the results from its `after` cursor on (a big post is not sent its results again)', async () => {
		await signedSend( harness.app, {
			method: 'POST',
			url: '/v1/check',
			body: {
				site: SITE_URL,
				links: [
					{ url: 'https://partner.example/a' },
					{ url: 'https://partner.example/b' },
				],
			},
		} );
		const job = (
			await start( [ { url: 'https://partner.example/a' } ] )
		).json();
		expect( job.done ).toBe( 1 );
		const append = ( after: string ) =>
			signedSend( harness.app, {
				method: 'POST',
				url: `/v1/check-jobs/${ job.id }/links${ after }`,
				body: {
					site: SITE_URL,
					links: [ { url: 'https://partner.example/b' } ],
				},
			} );
		const fromCursor = ( await append( '?after=1' ) ).json();
		expect( fromCursor.done ).toBe( 2 );
		expect(
			fromCursor.results.map( ( r: BacklinkResult ) => r.target )
		).toEqual( [ 'https://partner.example/b' ] );
		// Without a cursor: everything, as before.
		const whole = ( await append( '' ) ).json();
		expect( whole.results ).toHaveLength( 2 );
		const bad = await append( '?after=-1' );
		expect( bad.statusCode ).toBe( 400 );
		expect( bad.json().message ).toMatch( /after/ );
	} );

	it( 'keeps a job private to the site that started it, with the same 404 as an unknown id', async () => {
		const job = (
			await start( [ { url: 'https://slow.example/x' } ] )
		).json();
		const other = await harness.store.addSite( {
			...siteIdentity( 'https://other.example/' )!,
			secret: 'b'.repeat( 64 ),
		} );
		const asOther = await signedSend( harness.app, {
			method: 'GET',
			url: `/v1/check-jobs/${ job.id }`,
			site: other.url,
			key: 'b'.repeat( 64 ),
		} );
		const unknown = await poll( 'f'.repeat( 32 ), 0 );
		expect( asOther.statusCode ).toBe( 404 );
		expect( unknown.statusCode ).toBe( 404 );
		expect( asOther.json() ).toEqual( unknown.json() );
		expect( unknown.json().code ).toBe( 'ERR_JOB_UNKNOWN' );
	} );

	it( 'refuses a bad cursor and an invalid link with 400s naming the field', async () => {
		const job = (
			await start( [ { url: 'https://slow.example/x' } ] )
		).json();
		const badAfter = await poll( job.id, -1 as number );
		expect( badAfter.statusCode ).toBe( 400 );
		expect( badAfter.json().field ).toBe( 'after' );
		const badLink = await start( [ { url: 'ftp://x.example/' } ] );
		expect( badLink.statusCode ).toBe( 400 );
		expect( badLink.json().field ).toBe( 'links.0.url' );
	} );
} );
