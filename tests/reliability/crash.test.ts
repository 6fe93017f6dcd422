/**
 * Crash safety (issue 7, part 5): the shipped service (`node bin/rlg.js
 * serve`, the compiled build/node) is killed with SIGKILL in the middle of
 * a burst of checks, then started again on the same data dir.
 *
 * Asserted: the store opens cleanly (integrity_check ok, no dangling
 * references), every result a client received before the kill is a row,
 * no row is there twice, and the restarted service answers checks.
 * (Kill-and-resume of a scan: tests/service/scan-kill.test.ts.)
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';
import { ensureBuild, exited, peakRssOf, serve } from './child-service';
import { recordFigures } from './figures';
import { SITE_URL, dataDirWithSite, signedPost } from './service';

const CLIENTS = 50;
const HOSTS = 10;
const hostName = ( i: number ) => `p${ i }.crash.test`;

let web: PartnerWeb;
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll( async () => {
	ensureBuild();
	const page = html(
		'<main><p><a href="https://our.example/">garden furniture</a></p></main>'
	);
	const sites: Record< string, Record< string, string > > = {};
	for ( let i = 0; i < HOSTS; i++ ) {
		sites[ hostName( i ) ] = { '/': page, '*': page };
	}
	web = await startPartnerWeb( sites );
	dataDir = await dataDirWithSite();
}, 120_000 );

afterAll( async () => {
	for ( const child of children ) {
		if ( child.exitCode === null && child.signalCode === null ) {
			child.kill( 'SIGKILL' );
			await exited( child );
		}
	}
	await web?.close();
	fs.rmSync( dataDir, { recursive: true, force: true } );
} );

interface Received {
	target: string;
	checkedAt: string;
}

it( 'loses and duplicates no row when killed with SIGKILL mid-burst, and serves again after restart', async () => {
	const first = await serve( dataDir, web );
	children.push( first.child );
	const received: Received[] = [];
	let answered = 0;
	let cutByKill = 0;
	let refused = 0;
	let killed = false;

	const burst = Promise.all(
		Array.from( { length: CLIENTS }, async ( _, client ) => {
			for ( let n = 0; ! killed; n++ ) {
				const urls = [ 0, 1 ].map( ( k ) =>
					web.url(
						hostName( ( client + n + k ) % HOSTS ),
						`/c${ client }/n${ n }/k${ k }`
					)
				);
				try {
					const answer = await signedPost(
						first.url,
						'/v1/check',
						JSON.stringify( {
							site: SITE_URL,
							links: urls.map( ( url ) => ( { url } ) ),
						} )
					);
					if ( answer.status !== 200 ) {
						refused++;
						continue;
					}
					answered++;
					received.push( ...( answer.body.results as Received[] ) );
				} catch {
					cutByKill++; // the connection died with the process
				}
			}
		} )
	);

	// Kill once a good number of checks are stored and more are in flight.
	while ( answered < 150 ) {
		await new Promise( ( resolve ) => setTimeout( resolve, 10 ) );
	}
	const peakRss = peakRssOf( first.child.pid! );
	killed = true;
	first.child.kill( 'SIGKILL' );
	await exited( first.child );
	await burst;
	expect( first.child.signalCode ).toBe( 'SIGKILL' );
	expect( refused ).toBe( 0 );

	// The store as the killed process left it.
	const file = path.join( dataDir, 'rlg.sqlite' );
	const db = new BetterSqlite3( file );
	const integrity = db.pragma( 'integrity_check', { simple: true } );
	const dangling = db.pragma( 'foreign_key_check' ) as unknown[];
	const rows = db
		.prepare( 'SELECT target, checked_at AS checkedAt FROM checks' )
		.all() as Received[];
	const latestWithoutCheck = (
		db
			.prepare(
				'SELECT COUNT(*) AS n FROM latest_checks l LEFT JOIN checks c ON c.id = l.check_id WHERE c.id IS NULL'
			)
			.get() as { n: number }
	 ).n;
	db.close();

	const stored = new Map< string, number >();
	for ( const row of rows ) {
		const key = `${ row.target } ${ row.checkedAt }`;
		stored.set( key, ( stored.get( key ) ?? 0 ) + 1 );
	}
	const lost = received.filter(
		( result ) => ! stored.has( `${ result.target } ${ result.checkedAt }` )
	);
	const duplicated = [ ...stored ].filter( ( [ , n ] ) => n > 1 );

	// Started again on the same data dir, it answers, from the store too.
	const second = await serve( dataDir, web );
	children.push( second.child );
	const again = await signedPost(
		second.url,
		'/v1/check',
		JSON.stringify( {
			site: SITE_URL,
			links: [
				{ url: received[ 0 ].target },
				{ url: web.url( hostName( 0 ), '/after-restart' ) },
			],
		} )
	);
	second.child.kill( 'SIGTERM' );
	await exited( second.child );

	recordFigures( 'crash', {
		clients: CLIENTS,
		answeredBeforeKill: answered,
		resultsBeforeKill: received.length,
		requestsCutByKill: cutByKill,
		rowsStored: rows.length,
		rowsLost: lost.length,
		rowsDuplicated: duplicated.length,
		integrityCheck: integrity,
		servicePeakRssBytes: peakRss,
		restartedStatus: again.status,
	} );

	expect( integrity ).toBe( 'ok' );
	expect( dangling ).toEqual( [] );
	expect( latestWithoutCheck ).toBe( 0 );
	expect( received.length ).toBe( 2 * answered );
	expect( lost ).toEqual( [] );
	expect( duplicated ).toEqual( [] );
	expect( again.status ).toBe( 200 );
	expect(
		again.body.results.map(
			( r: { fromCache: boolean; status: string } ) => [
				r.fromCache,
				r.status,
			]
		)
	).toEqual( [
		[ true, 'links-back' ],
		[ false, 'links-back' ],
	] );
	expect( second.child.exitCode ).toBe( 0 );
} );
