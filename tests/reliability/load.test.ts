/**
 * Load (issue 7, part 4): a bounded burst of signed check requests from
 * 200 concurrent clients against the real service (`node bin/rlg.js serve`,
 * i.e. startService on loopback, in its own process as in production; live
 * fetches of local partner sites). Half the targets were
 * checked before the burst (served from the store), the rest are new.
 *
 * Asserted: every request answered 200 with one result per link, every
 * result correct, and every result the clients received is a row of the
 * store, once: nothing lost, nothing duplicated. Latencies are measured and
 * reported (docs/reliability.md), never asserted.
 *
 * RLG_LOAD_SECONDS (default 8) and RLG_LOAD_CLIENTS (default 200) scale it.
 * The one site's share of the fetcher is set to the whole fetcher
 * (RLG_SITE_FETCHES=16, RLG_SITE_FETCH_RATE=0 unless set): the burst stands
 * for many sites; fairness between sites is fairness.test.ts.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';
import fs from 'node:fs';
import { ensureBuild, exited, peakRssOf, serve } from './child-service';
import type { Served } from './child-service';
import { recordFigures } from './figures';
import { SITE_URL, dataDirWithSite, signedPost } from './service';

const SECONDS = Number( process.env.RLG_LOAD_SECONDS ) || 8;
const CLIENTS = Number( process.env.RLG_LOAD_CLIENTS ) || 200;
const HOSTS = 20;
/** The test's serve options (production defaults stay as they are). */
const LOAD_LIMITS = {
	RLG_SITE_FETCHES: process.env.RLG_SITE_FETCHES ?? '16',
	RLG_SITE_FETCH_RATE: process.env.RLG_SITE_FETCH_RATE ?? '0',
};
const hostName = ( i: number ) => `p${ i }.load.test`;
const page = html(
	'<main><p>We like <a href="https://our.example/">garden furniture</a>.</p></main>'
);

let web: PartnerWeb;
let dataDir: string;
let running: Served;

beforeAll( async () => {
	const sites: Record< string, Record< string, string > > = {};
	for ( let i = 0; i < HOSTS; i++ ) {
		sites[ hostName( i ) ] = { '/': page, '*': page };
	}
	ensureBuild();
	web = await startPartnerWeb( sites );
	dataDir = await dataDirWithSite();
	// One site stands for the many a production service has: its share of
	// the fetcher (8 in flight, 50 a second: fairness.test.ts) is lifted to
	// the whole fetcher here, or the burst would measure one site's queue.
	running = await serve( dataDir, web, LOAD_LIMITS );
}, 120_000 );

afterAll( async () => {
	if ( running && running.child.exitCode === null ) {
		running.child.kill( 'SIGKILL' );
		await exited( running.child );
	}
	await web?.close();
	fs.rmSync( dataDir, { recursive: true, force: true } );
} );

function percentile( sorted: number[], p: number ): number {
	if ( sorted.length === 0 ) {
		return 0;
	}
	const index = Math.min(
		sorted.length - 1,
		Math.ceil( ( p / 100 ) * sorted.length ) - 1
	);
	return Math.round( sorted[ Math.max( 0, index ) ] * 10 ) / 10;
}

interface Received {
	target: string;
	checkedAt: string;
	fromCache: boolean;
	status: string;
}

it(
	`${ CLIENTS } concurrent clients for ${ SECONDS } s: every request answered, every result stored once`,
	async () => {
		const base = running.url;
		const cachedTargets = Array.from( { length: 2 * HOSTS }, ( _, i ) =>
			web.url( hostName( i % HOSTS ), `/cached/${ i }` )
		);
		const received: Received[] = [];
		const failures: string[] = [];
		const latencies: number[] = [];
		let inFlight = 0;
		let peakInFlight = 0;
		let fresh = 0;

		async function check( urls: string[] ): Promise< void > {
			const body = JSON.stringify( {
				site: SITE_URL,
				links: urls.map( ( url ) => ( { url, anchorText: 'x' } ) ),
			} );
			inFlight++;
			peakInFlight = Math.max( peakInFlight, inFlight );
			const started = performance.now();
			try {
				const answer = await signedPost( base, '/v1/check', body );
				latencies.push( performance.now() - started );
				const results = answer.body?.results;
				if (
					answer.status !== 200 ||
					! Array.isArray( results ) ||
					results.length !== urls.length
				) {
					failures.push(
						`${ answer.status } ${ JSON.stringify( answer.body ).slice( 0, 200 ) }`
					);
					return;
				}
				for ( const result of results as Received[] ) {
					received.push( result );
					if ( result.status !== 'links-back' ) {
						failures.push(
							`${ result.target }: ${ result.status }`
						);
					}
				}
			} catch ( error ) {
				failures.push( String( error ) );
			} finally {
				inFlight--;
			}
		}

		// Warm the store: these targets are served from it during the burst.
		await check( cachedTargets );
		expect( failures ).toEqual( [] );

		const end = Date.now() + SECONDS * 1000;
		await Promise.all(
			Array.from( { length: CLIENTS }, async ( _, client ) => {
				for ( let n = 0; Date.now() < end; n++ ) {
					const pick = () =>
						cachedTargets[
							Math.floor( Math.random() * cachedTargets.length )
						];
					const urls = [ pick(), pick() ];
					if ( n % 2 === 0 ) {
						fresh++;
						urls.push(
							web.url(
								hostName( ( client + n ) % HOSTS ),
								`/new/${ client }/${ n }`
							)
						);
					}
					await check( urls );
				}
			} )
		);
		const requests = latencies.length + failures.length;

		// Stopped gracefully, then the store is read as it was left.
		const servicePeakRss = peakRssOf( running.child.pid! );
		running.child.kill( 'SIGTERM' );
		await exited( running.child );
		const db = new BetterSqlite3( path.join( dataDir, 'rlg.sqlite' ), {
			readonly: true,
		} );
		const rows = db
			.prepare( 'SELECT target, checked_at AS checkedAt FROM checks' )
			.all() as Array< { target: string; checkedAt: string } >;
		db.close();
		const stored = new Map< string, number >();
		for ( const row of rows ) {
			const key = `${ row.target } ${ row.checkedAt }`;
			stored.set( key, ( stored.get( key ) ?? 0 ) + 1 );
		}
		const seen = new Set(
			received.map(
				( result ) => `${ result.target } ${ result.checkedAt }`
			)
		);
		const lost = [ ...seen ].filter( ( key ) => ! stored.has( key ) );
		const duplicated = [ ...stored ].filter( ( [ , n ] ) => n > 1 );
		const sorted = [ ...latencies ].sort( ( a, b ) => a - b );

		recordFigures( 'load', {
			seconds: SECONDS,
			clients: CLIENTS,
			peakInFlight,
			requests,
			answered: latencies.length,
			errors: failures.length,
			results: received.length,
			freshTargets: fresh,
			fromCache: received.filter( ( result ) => result.fromCache ).length,
			rowsStored: rows.length,
			rowsLost: lost.length,
			rowsDuplicated: duplicated.length,
			latencyMs: {
				p50: percentile( sorted, 50 ),
				p95: percentile( sorted, 95 ),
				p99: percentile( sorted, 99 ),
				max: percentile( sorted, 100 ),
			},
			requestsPerSecond: Math.round( requests / SECONDS ),
			siteFetches: Number( LOAD_LIMITS.RLG_SITE_FETCHES ),
			siteFetchRate: Number( LOAD_LIMITS.RLG_SITE_FETCH_RATE ),
			servicePeakRssBytes: servicePeakRss,
		} );

		expect( failures.slice( 0, 5 ) ).toEqual( [] );
		expect( running.child.exitCode ).toBe( 0 );
		expect( peakInFlight ).toBe( CLIENTS );
		expect( lost ).toEqual( [] );
		expect( duplicated ).toEqual( [] );
		// Every row is a result some client received (none stored for nobody).
		expect( rows.length ).toBe( seen.size );
		// Both paths were exercised: the store and live fetches.
		expect( received.some( ( result ) => result.fromCache ) ).toBe( true );
		expect( fresh ).toBeGreaterThan( 0 );
	},
	( SECONDS + 60 ) * 1000
);
