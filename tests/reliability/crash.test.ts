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
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';
import { recordFigures } from './figures';
import { SITE_URL, dataDirWithSite, signedPost } from './service';

const ROOT = path.join( __dirname, '..', '..' );
const CLI = path.join( ROOT, 'build', 'node', 'service', 'cli.js' );
const CLIENTS = 50;
const HOSTS = 10;
const hostName = ( i: number ) => `p${ i }.crash.test`;

/** Newest modification time of the TypeScript the build compiles. */
function newestSource( dir: string ): number {
	let newest = 0;
	for ( const entry of fs.readdirSync( dir, { withFileTypes: true } ) ) {
		const file = path.join( dir, entry.name );
		if ( entry.isDirectory() ) {
			newest = Math.max( newest, newestSource( file ) );
		} else if ( entry.name.endsWith( '.ts' ) ) {
			newest = Math.max( newest, fs.statSync( file ).mtimeMs );
		}
	}
	return newest;
}

function ensureBuild(): void {
	const sources = Math.max(
		newestSource( path.join( ROOT, 'src', 'core' ) ),
		newestSource( path.join( ROOT, 'src', 'service' ) )
	);
	if ( fs.existsSync( CLI ) && fs.statSync( CLI ).mtimeMs >= sources ) {
		return;
	}
	execFileSync( 'npm', [ 'run', '--silent', 'build:node' ], {
		cwd: ROOT,
		stdio: 'ignore',
	} );
}

interface Served {
	child: ChildProcess;
	url: string;
}

/** `rlg serve` on a free port; resolves once it logs where it listens. */
function serve( dataDir: string, web: PartnerWeb ): Promise< Served > {
	const child = spawn(
		process.execPath,
		[
			path.join( ROOT, 'bin', 'rlg.js' ),
			'serve',
			'--port',
			'0',
			'--data-dir',
			dataDir,
			...web.resolveArgs,
		],
		{
			stdio: [ 'ignore', 'pipe', 'pipe' ],
			env: { ...process.env, RLG_LOG_LEVEL: 'info' },
		}
	);
	return new Promise( ( resolve, reject ) => {
		let buffered = '';
		let stderr = '';
		const timer = setTimeout( () => {
			child.kill( 'SIGKILL' );
			reject( new Error( `rlg serve did not start: ${ stderr }` ) );
		}, 20_000 );
		child.stderr?.on( 'data', ( chunk ) => ( stderr += chunk ) );
		child.stdout?.on( 'data', ( chunk: Buffer ) => {
			buffered += chunk.toString();
			const match =
				/"url":"(http:\/\/127\.0\.0\.1:\d+)"[^\n]*"msg":"listening"/.exec(
					buffered
				);
			if ( match ) {
				clearTimeout( timer );
				buffered = '';
				// Keep draining the request log so the pipe never blocks.
				child.stdout?.removeAllListeners( 'data' );
				child.stdout?.resume();
				resolve( { child, url: match[ 1 ] } );
			} else if ( buffered.length > 100_000 ) {
				buffered = buffered.slice( -10_000 );
			}
		} );
		child.on( 'exit', ( code ) => {
			clearTimeout( timer );
			reject( new Error( `rlg serve exited ${ code }: ${ stderr }` ) );
		} );
	} );
}

/** Peak resident set of a live process (Linux), in bytes. */
function peakRssOf( pid: number ): number | null {
	try {
		const status = fs.readFileSync( `/proc/${ pid }/status`, 'utf8' );
		const kb = /VmHWM:\s+(\d+) kB/.exec( status );
		return kb ? Number( kb[ 1 ] ) * 1024 : null;
	} catch {
		return null;
	}
}

function exited( child: ChildProcess ): Promise< void > {
	return child.exitCode !== null || child.signalCode !== null
		? Promise.resolve()
		: new Promise( ( resolve ) => child.once( 'exit', () => resolve() ) );
}

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
