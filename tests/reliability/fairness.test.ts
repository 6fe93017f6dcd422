/**
 * Fairness between sites (issue 16, item 3), as a load test against the
 * shipped service (`node bin/rlg.js serve` in its own process): a hostile
 * site keeps asking for 18 pages on hosts it controls, each sending its
 * body one byte every 5 s, while a benign site checks a fast page fresh
 * (fetched live) and from the store.
 *
 * The issue's target is a figure of this test: the benign site's fresh
 * checks under 2 s and its cached checks' p95 under 100 ms (before per-site
 * shares: 27 s, then 10 s each). Both are recorded for docs/reliability.md
 * with the same checks alone, never asserted: durations depend on the
 * machine and on what else runs (speed is measured, not asserted).
 *
 * Asserted, robust on any machine (orderings, not durations): every benign
 * check answered correctly while the hostile site held its trickling pages;
 * benign pages were requested while the hostile site held its full share,
 * and benign fresh checks were answered without waiting for any hostile page
 * to be let go (no trickling connection closed during them; with one shared
 * fetcher every benign page waited for such a slot). How the fetcher cuts
 * the trickling pages (`timeout` at the per-page deadline, `host-busy` when
 * never sent) is tests/service/fetch-fairness.test.ts.
 *
 * RLG_FAIRNESS_SECONDS (default 8) is how long the benign site keeps checking.
 */
import fs from 'node:fs';
import { signRequest } from '../../src/service/auth';
import { openStore, siteIdentity } from '../../src/service/store';
import { html, slowBody, startPartnerWeb } from '../helpers/partner-web';
import type {
	PartnerHandler,
	PartnerRoutes,
	PartnerWeb,
} from '../helpers/partner-web';
import { ensureBuild, exited, serve } from './child-service';
import type { Served } from './child-service';
import { recordFigures } from './figures';
import { SITE_URL, dataDirWithSite, signedPost } from './service';

const SECONDS = Number( process.env.RLG_FAIRNESS_SECONDS ) || 8;
const HOSTILE_URL = 'https://hostile.example/';
const HOSTILE_KEY = 'c'.repeat( 64 );
const TRICKLING = 18;
const trickler = ( i: number ) => `m${ i }.hostile.test`;

let web: PartnerWeb;
let dataDir: string;
let running: Served;
/** The hostile clients' loops; awaited after the service is stopped. */
let hostile: Promise< unknown > = Promise.resolve();

/** Trickling pages being sent now, and when each was let go (this clock). */
let held = 0;
const letGo: number[] = [];
/** Benign page requests: when they arrived and how many pages were held. */
const arrivals = new Map< string, { at: number; held: number } >();

const benignPage = html(
	'<main><p>See <a href="https://our.example/">our garden</a>.</p></main>'
);

function trickling(): PartnerHandler {
	// One byte every 5 s: never silent long enough for an idle timeout.
	const send = slowBody( 5_000 );
	return ( req, res, partners ) => {
		held++;
		res.on( 'close', () => {
			held--;
			letGo.push( performance.now() );
		} );
		return send( req, res, partners );
	};
}

beforeAll( async () => {
	const sites: Record< string, PartnerRoutes > = {
		'fast.test': {
			'/robots.txt': '',
			'*': ( req, res ) => {
				arrivals.set( req.url ?? '', { at: performance.now(), held } );
				res.writeHead( 200, {
					'content-type': 'text/html; charset=utf-8',
				} );
				res.end( benignPage );
			},
		},
	};
	for ( let i = 0; i < TRICKLING; i++ ) {
		sites[ trickler( i ) ] = { '/robots.txt': '', '*': trickling() };
	}
	ensureBuild();
	web = await startPartnerWeb( sites );
	dataDir = await dataDirWithSite();
	const store = openStore( { dataDir } );
	await store.addSite( {
		...siteIdentity( HOSTILE_URL )!,
		secret: HOSTILE_KEY,
	} );
	await store.close();
	running = await serve( dataDir, web );
}, 120_000 );

afterAll( async () => {
	if ( running && running.child.exitCode === null ) {
		running.child.kill( 'SIGKILL' );
		await exited( running.child );
	}
	// The hostile requests end with the service (their answers are not
	// waited for: each would take the pages' deadline several times over).
	await hostile;
	await web?.close();
	fs.rmSync( dataDir, { recursive: true, force: true } );
} );

function percentile( values: number[], p: number ): number {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	const index = Math.min(
		sorted.length - 1,
		Math.ceil( ( p / 100 ) * sorted.length ) - 1
	);
	return Math.round( sorted[ Math.max( 0, index ) ] * 10 ) / 10;
}

async function hostileCheck( base: string, round: number ): Promise< void > {
	const body = JSON.stringify( {
		site: HOSTILE_URL,
		fresh: true,
		links: Array.from( { length: TRICKLING }, ( _, i ) => ( {
			url: web.url( trickler( i ), `/page-${ round }` ),
		} ) ),
	} );
	const response = await fetch( `${ base }/v1/check`, {
		method: 'POST',
		headers: {
			...signRequest( {
				site: HOSTILE_URL,
				key: HOSTILE_KEY,
				method: 'POST',
				path: '/v1/check',
				body,
			} ),
			'content-type': 'application/json',
		},
		body,
	} );
	await response.arrayBuffer();
}

interface Fresh {
	path: string;
	start: number;
	end: number;
}

it( 'a site with 18 trickling hosts busy: another site’s fresh and cached checks go on without waiting for it (figures: fresh under 2 s, cached p95 under 100 ms)', async () => {
	const base = running.url;
	const benign = async ( path: string, fresh: boolean ) => {
		const start = performance.now();
		const answer = await signedPost(
			base,
			'/v1/check',
			JSON.stringify( {
				site: SITE_URL,
				fresh,
				links: [ { url: web.url( 'fast.test', path ) } ],
			} )
		);
		const end = performance.now();
		expect( answer.status ).toBe( 200 );
		expect( answer.body.results[ 0 ].status ).toBe( 'links-back' );
		expect( answer.body.results[ 0 ].fromCache ).toBe( ! fresh );
		return { path, start, end };
	};
	const ms = ( span: { start: number; end: number } ) =>
		span.end - span.start;
	// Alone first: the same checks without the hostile site.
	const aloneFresh: number[] = [];
	for ( let n = 0; n < 3; n++ ) {
		aloneFresh.push( ms( await benign( `/alone-${ n }`, true ) ) );
	}
	await benign( '/cached', true );
	const aloneCached: number[] = [];
	for ( let i = 0; i < 20; i++ ) {
		aloneCached.push( ms( await benign( '/cached', false ) ) );
	}

	// The hostile site keeps its 18 trickling pages asked for all along.
	let stop = false;
	let hostileRequests = 0;
	hostile = Promise.all(
		[ 0, 1 ].map( async () => {
			while ( ! stop ) {
				try {
					await hostileCheck( base, hostileRequests++ );
				} catch {
					// The service was stopped under it (afterAll).
				}
			}
		} )
	);
	// Let it take every slot it can.
	const heldBefore = await new Promise< number >( ( resolve ) =>
		setTimeout( () => resolve( held ), 1_500 )
	);

	const fresh: Fresh[] = [];
	const cached: number[] = [];
	const end = Date.now() + SECONDS * 1000;
	for ( let n = 0; Date.now() < end; n++ ) {
		fresh.push( await benign( `/new-${ n }`, true ) );
		for ( let i = 0; i < 10; i++ ) {
			cached.push( ms( await benign( '/cached', false ) ) );
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 200 ) );
	}
	stop = true;
	// The trickling pages really were being fetched meanwhile.
	const trickled = Array.from(
		{ length: TRICKLING },
		( _, i ) => web.site( trickler( i ) ).requests.length
	).reduce( ( a, b ) => a + b, 0 );
	// Fresh checks during which no hostile page was let go: the benign
	// page did not wait for a slot of theirs.
	const unblocked = fresh.filter(
		( check ) =>
			! letGo.some( ( at ) => at > check.start && at < check.end )
	).length;
	const heldAtArrival = fresh.map(
		( check ) => arrivals.get( check.path )?.held ?? -1
	);

	const freshMs = fresh.map( ms );
	const figures = {
		seconds: SECONDS,
		tricklingHosts: TRICKLING,
		hostileRequests,
		hostilePagesRequested: trickled,
		hostilePagesHeld: heldBefore,
		aloneFreshMs: { max: percentile( aloneFresh, 100 ) },
		aloneCachedMs: {
			p50: percentile( aloneCached, 50 ),
			p95: percentile( aloneCached, 95 ),
		},
		freshChecks: fresh.length,
		freshWithoutWaiting: unblocked,
		freshMs: {
			p50: percentile( freshMs, 50 ),
			max: percentile( freshMs, 100 ),
		},
		cachedChecks: cached.length,
		cachedMs: {
			p50: percentile( cached, 50 ),
			p95: percentile( cached, 95 ),
			max: percentile( cached, 100 ),
		},
		// The targets, as figures next to what was measured.
		targets: { freshMaxMs: 2000, cachedP95Ms: 100 },
	};
	recordFigures( 'fairness', figures );
	process.stdout.write(
		`fairness figures: ${ JSON.stringify( figures ) }\n`
	);

	expect( trickled ).toBeGreaterThanOrEqual( 8 );
	expect( fresh.length ).toBeGreaterThan( 0 );
	expect( cached.length ).toBe( 10 * fresh.length );
	// The hostile site held its whole share when the benign pages were
	// requested, and they were requested all the same...
	expect( Math.min( ...heldAtArrival ) ).toBeGreaterThanOrEqual( 8 );
	// ...without waiting for one of its pages to be let go.
	expect( unblocked ).toBeGreaterThanOrEqual( 1 );
}, 120_000 );
