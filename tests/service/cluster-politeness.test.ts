/**
 * Politeness across the whole cluster: three workers (each its own pool,
 * fetcher, per-host limiter and queue client, sharing only the database,
 * as processes on three machines would) check one big batch of pages on
 * two partner hosts. The partner servers log how many requests they had
 * in flight at once: never more than the per-host limit, though each
 * worker alone would send that many. A host that answers 429 with
 * Retry-After gets no request from any worker until that time has passed.
 * A partner's robots.txt is fetched once for all workers (the shared cache
 * in PostgreSQL), and a site's fair share of requests in flight (the
 * per-site limit) holds for all workers together too.
 * And a scan started through the API node is recorded there and run by a
 * worker from the queue.
 */
import type { Pool } from 'pg';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { signRequest } from '../../src/service/auth';
import { startService } from '../../src/service/api/server';
import type { RunningService } from '../../src/service/api/server';
import { startWorker } from '../../src/service/cluster/worker';
import type { RunningWorker } from '../../src/service/cluster/worker';
import { silentLogger } from '../../src/service/logger';
import { createPgRobotsStore } from '../../src/service/cluster/robots-store';
import { createFetcher } from '../../src/service/fetch';
import type { FetchFailure } from '../../src/service/fetch/fetch-page';
import { createPool } from '../../src/service/store/pg-database';
import { bindFakeWordPress, createFakeWordPress } from '../helpers/fake-sites';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerHandler, PartnerWeb } from '../helpers/partner-web';
import { startPostgres } from '../helpers/postgres';
import type { TestPostgres } from '../helpers/postgres';
import { runCli } from './cli-harness';

jest.setTimeout( 120_000 );

const SITE = 'https://our.example/';
const PAGE = html(
	'<main><article><p>See <a href="https://our.example/">our site</a>.</p></article></main>'
);
const PER_HOST = 2;
/** Each worker alone would send a site this many; the cluster too. */
const PER_SITE = 4;
/** Hosts only the fair-share test uses: their total is that site's. */
const SHARE_HOSTS = [ 1, 2, 3, 4, 5, 6 ].map( ( n ) => `share-${ n }.test` );

/** Per host: requests in flight now, the most ever, and when each arrived. */
interface HostLog {
	inFlight: number;
	max: number;
	arrivals: Array< { path: string; at: number } >;
}

describe( 'per-host limits across cluster workers', () => {
	let pg: TestPostgres;
	let databaseUrl: string;
	let pool: Pool;
	let web: PartnerWeb;
	let key: string;
	let blogUrl: string;
	let blogKey: string;
	let api: RunningService;
	const workers: RunningWorker[] = [];
	const logs = new Map< string, HostLog >();

	let robotsFetches = 0;
	/** Requests in flight at all the share hosts together, and the most. */
	const share = { inFlight: 0, max: 0 };

	/** Answers after `ms`, logging the host's concurrency. */
	function logged( host: string, ms: number ): PartnerHandler {
		const log: HostLog = { inFlight: 0, max: 0, arrivals: [] };
		logs.set( host, log );
		const shared = SHARE_HOSTS.includes( host );
		return async ( req, res ) => {
			log.arrivals.push( { path: req.url ?? '', at: Date.now() } );
			log.inFlight++;
			log.max = Math.max( log.max, log.inFlight );
			if ( shared ) {
				share.inFlight++;
				share.max = Math.max( share.max, share.inFlight );
			}
			await new Promise( ( resolve ) => setTimeout( resolve, ms ) );
			log.inFlight--;
			if ( shared ) {
				share.inFlight--;
			}
			res.writeHead( 200, {
				'content-type': 'text/html; charset=utf-8',
			} );
			res.end( PAGE );
		};
	}

	beforeAll( async () => {
		// Partner pages parsed in this thread: analysis threads would
		// transpile the sources again under jest (seconds each).
		process.env.RLG_ANALYSIS_THREADS = '0';
		pg = await startPostgres();
		databaseUrl = await pg.createDatabase();
		pool = createPool( { url: databaseUrl, max: 2 } );
		let throttled = false;
		// A blog whose scan is queued by the API node and run by a worker.
		const blog = createFakeWordPress( { host: 'blog.test' } );
		for ( let i = 1; i <= 3; i++ ) {
			blog.add( {
				title: `Post ${ i }`,
				content: `<p>Read <a href="http://one.test/scan-${ i }">one</a>.</p>`,
			} );
		}
		const paused = logged( 'paused.test', 10 );
		web = await startPartnerWeb( {
			'blog.test': { '*': blog.handler },
			'one.test': { '*': logged( 'one.test', 150 ) },
			'two.test': { '*': logged( 'two.test', 150 ) },
			...Object.fromEntries(
				SHARE_HOSTS.map( ( host ) => [
					host,
					{ '*': logged( host, 150 ) },
				] )
			),
			'robots.test': {
				'/robots.txt': ( _req, res ) => {
					robotsFetches++;
					// Slow enough that every process asks while it is fetched.
					setTimeout( () => {
						res.writeHead( 200, { 'content-type': 'text/plain' } );
						res.end( 'User-agent: *\nDisallow: /private\n' );
					}, 200 );
				},
				'*': PAGE,
			},
			'paused.test': {
				'/robots.txt': { status: 404 },
				'*': ( req, res, partners ) => {
					if ( ! throttled && req.url === '/first' ) {
						// The first page asks everyone to wait 2 s.
						throttled = true;
						logs.get( 'paused.test' )!.arrivals.push( {
							path: '/first',
							at: Date.now(),
						} );
						res.writeHead( 429, { 'retry-after': '2' } );
						res.end( 'slow down' );
						return;
					}
					return paused( req, res, partners );
				},
			},
		} );
		bindFakeWordPress( blog, web );
		blogUrl = web.url( 'blog.test', '/' );
		blogKey = JSON.parse(
			(
				await runCli( [
					'sites',
					'add',
					blogUrl,
					'--database',
					databaseUrl,
					'--json',
				] )
			).stdout
		).key;
		key = JSON.parse(
			(
				await runCli( [
					'sites',
					'add',
					SITE,
					'--database',
					databaseUrl,
					'--json',
				] )
			).stdout
		).key;
		api = await startService( {
			dataDir: '',
			databaseUrl,
			host: '127.0.0.1',
			port: 0,
			settings: DEFAULT_SETTINGS,
			logger: silentLogger(),
			resolve: web.resolveEntries,
		} );
		for ( let i = 0; i < 3; i++ ) {
			workers.push(
				await startWorker( {
					databaseUrl,
					settings: DEFAULT_SETTINGS,
					logger: silentLogger(),
					resolve: web.resolveEntries,
					fetcher: {
						perHostConcurrency: PER_HOST,
						perSiteConcurrency: PER_SITE,
					},
					checkConcurrency: 4,
					// One of them with its health endpoint, as systemd runs it.
					healthPort: i === 0 ? 0 : undefined,
				} )
			);
		}
	}, 120_000 );

	afterAll( async () => {
		delete process.env.RLG_ANALYSIS_THREADS;
		for ( const worker of workers ) {
			await worker.close( 1000 );
		}
		await api?.close();
		await pool?.end();
		await web?.close();
		await pg?.stop();
	} );

	async function call(
		method: string,
		pathname: string,
		body = '',
		as = { site: SITE, key }
	) {
		const headers = signRequest( {
			...as,
			method,
			path: pathname,
			body,
		} );
		const response = await fetch( `${ api.url }${ pathname }`, {
			method,
			headers: body
				? { ...headers, 'content-type': 'application/json' }
				: headers,
			body: body || undefined,
		} );
		return { status: response.status, json: await response.json() };
	}

	async function runJobs( batches: string[][] ): Promise< any[] > {
		const ids: string[] = [];
		for ( const urls of batches ) {
			const started = await call(
				'POST',
				'/v1/check-jobs',
				JSON.stringify( {
					site: SITE,
					links: urls.map( ( url ) => ( {
						url,
						anchorText: 'Partner',
					} ) ),
				} )
			);
			expect( started.status ).toBe( 202 );
			ids.push( started.json.id );
		}
		const results: any[] = [];
		for ( const id of ids ) {
			let after = 0;
			for ( const deadline = Date.now() + 60_000; ; ) {
				const { json } = await call(
					'GET',
					`/v1/check-jobs/${ id }?after=${ after }&wait=2000`
				);
				results.push( ...json.results );
				after = json.done;
				if ( json.finished ) {
					break;
				}
				if ( Date.now() > deadline ) {
					throw new Error( `job ${ id } not finished` );
				}
			}
		}
		return results;
	}

	it( 'never has more than the per-host limit in flight at one host, all workers together', async () => {
		// 4 jobs of 3 pages per host, queued at once for 3 workers.
		const batches = Array.from( { length: 4 }, ( _, job ) =>
			[ 'one.test', 'two.test' ].flatMap( ( host ) =>
				[ 0, 1, 2 ].map( ( page ) =>
					web.url( host, `/p${ job }-${ page }` )
				)
			)
		);
		const results = await runJobs( batches );
		expect( results ).toHaveLength( 24 );
		expect(
			results.filter( ( result ) => result.status !== 'links-back' )
		).toEqual( [] );
		for ( const host of [ 'one.test', 'two.test' ] ) {
			const log = logs.get( host )!;
			// 12 pages, the homepage and robots.txt.
			expect( log.arrivals.length ).toBeGreaterThanOrEqual( 13 );
			expect( log.max ).toBeLessThanOrEqual( PER_HOST );
			// The limit was reached: the workers did run side by side.
			expect( log.max ).toBe( PER_HOST );
			// One robots.txt for the whole cluster (each worker has its own
			// cache in memory; the database's is shared).
			expect(
				log.arrivals.filter( ( a ) => a.path === '/robots.txt' )
			).toHaveLength( 1 );
		}
		// Several workers took part.
		const { rows } = await pool.query(
			'SELECT COUNT( DISTINCT holder )::int AS n FROM host_leases'
		);
		expect( rows[ 0 ].n ).toBe( 0 ); // every slot given back
	} );

	it( "holds a site's fair share across all workers together", async () => {
		// 3 jobs of 12 pages over 6 hosts: each worker alone would have
		// PER_SITE requests in flight for the site, 3 x PER_SITE together.
		const batches = Array.from( { length: 3 }, ( _, job ) =>
			Array.from( { length: 12 }, ( __, page ) =>
				web.url(
					SHARE_HOSTS[ page % SHARE_HOSTS.length ],
					`/j${ job }-${ page }`
				)
			)
		);
		const results = await runJobs( batches );
		expect( results ).toHaveLength( 36 );
		expect(
			results.filter( ( result ) => result.status !== 'links-back' )
		).toEqual( [] );
		expect( share.max ).toBeLessThanOrEqual( PER_SITE );
		// The share was used: the workers did run side by side.
		expect( share.max ).toBe( PER_SITE );
		const { rows } = await pool.query(
			"SELECT COUNT(*)::int AS n FROM host_leases WHERE host LIKE 'site %'"
		);
		expect( rows[ 0 ].n ).toBe( 0 ); // every share given back
	} );

	it( "fetches a partner's robots.txt once for all processes, and all obey it", async () => {
		// Three processes' fetchers (each its own cache in memory) asking
		// at the same moment: one fetches, the others wait for its answer.
		const fetchers = [ 0, 1, 2 ].map( () =>
			createFetcher( {
				resolveMap: web.resolveMap,
				robotsStore: createPgRobotsStore( pool ),
			} )
		);
		try {
			const outcomes = await Promise.all(
				fetchers.flatMap( ( fetcher, n ) => [
					fetcher.fetchPage( web.url( 'robots.test', `/a${ n }` ) ),
					fetcher.fetchPage( web.url( 'robots.test', '/private' ) ),
				] )
			);
			expect( outcomes.map( ( outcome ) => outcome.kind ) ).toEqual( [
				'ok',
				'failed',
				'ok',
				'failed',
				'ok',
				'failed',
			] );
			expect(
				outcomes
					.filter( ( outcome ) => outcome.kind === 'failed' )
					.map( ( outcome ) => ( outcome as FetchFailure ).status )
			).toEqual( [
				'blocked-by-robots',
				'blocked-by-robots',
				'blocked-by-robots',
			] );
			expect( robotsFetches ).toBe( 1 );
			const stored = await pool.query(
				"SELECT status, body FROM robots_txt WHERE origin LIKE 'http://robots.test:%'"
			);
			expect( stored.rows ).toEqual( [
				{ status: 200, body: 'User-agent: *\nDisallow: /private\n' },
			] );
		} finally {
			await Promise.all( fetchers.map( ( fetcher ) => fetcher.close() ) );
		}
	} );

	it( 'answers its health endpoint while it works', async () => {
		expect( workers[ 1 ].healthUrl ).toBeNull();
		const response = await fetch( `${ workers[ 0 ].healthUrl }/health` );
		expect( response.status ).toBe( 200 );
		expect( await response.json() ).toMatchObject( {
			ok: true,
			database: 'ok',
			running: { checks: 0, scans: 0 },
			stopping: false,
		} );
	} );

	it( 'keeps every worker away from a host that answered Retry-After until it has passed', async () => {
		const pages = [
			'/first',
			...[ 1, 2, 3, 4, 5 ].map( ( n ) => `/p${ n }` ),
		];
		// One page per job, so different workers take them.
		const results = await runJobs(
			pages.map( ( page ) => [ web.url( 'paused.test', page ) ] )
		);
		expect( results ).toHaveLength( 6 );
		const log = logs.get( 'paused.test' )!;
		const refusal = log.arrivals.find( ( a ) => a.path === '/first' )!;
		// A request another worker had sent before the pause was written
		// may still arrive just after the refusal; none after that.
		const during = log.arrivals.filter(
			( a ) => a.at > refusal.at + 300 && a.at < refusal.at + 1900
		);
		expect( during ).toEqual( [] );
		expect(
			results.every( ( result ) => result.status === 'links-back' )
		).toBe( true );
	} );

	it( 'runs a scan started through an API node on a worker', async () => {
		const as = { site: blogUrl, key: blogKey };
		const started = await call( 'POST', '/v1/scan', '{}', as );
		expect( started.status ).toBe( 202 );
		let status = started.json;
		for ( const deadline = Date.now() + 60_000; ; ) {
			if ( status.state === 'done' || status.state === 'failed' ) {
				break;
			}
			if ( Date.now() > deadline ) {
				throw new Error(
					`scan not done: ${ JSON.stringify( status ) }`
				);
			}
			await new Promise( ( resolve ) => setTimeout( resolve, 200 ) );
			status = ( await call( 'GET', '/v1/scan/status', '', as ) ).json;
		}
		expect( status ).toMatchObject( {
			id: started.json.id,
			state: 'done',
			postsRead: 3,
			// One partner page per post, each checked once.
			partnersChecked: 3,
		} );
		const scans = await pool.query(
			'SELECT COUNT(*)::int AS n FROM scans'
		);
		expect( scans.rows[ 0 ].n ).toBe( 1 );
	} );
} );
