/**
 * Benchmark 7: cluster scale-out (issue 17). The same batch of check jobs
 * on a fixture web whose hosts answer slowly (I/O-bound), run by 1, 2 and
 * 4 `rlg worker`s on one real PostgreSQL (a throwaway cluster, as the
 * tests start it). Pages/s per worker count, and the fixture server's own
 * log of how many requests each host, and each site, had in flight at
 * once: never more than the per-host limit nor a site's fair share (the
 * per-site limit), all workers together.
 *
 * The jobs come from several sites, as at an agency or host: a site's
 * share holds across the cluster (8 requests in flight, the fetcher's
 * default), so one site alone could never use four workers' worth of
 * connections, by design. Every page URL names its site (`?s=N`), which
 * is how the server counts a site's requests.
 *
 * The workers run in this process (each its own pool, fetcher, limiter and
 * queue client, sharing only the database, as processes would); the
 * partner pages are small and the hosts slow (2 s a page) and many, so
 * the work is waiting on hosts: each run reports the CPU time of this
 * process and of PostgreSQL as a share of the machine's cores, and how
 * many requests were in flight on average (the servers' log), so a run
 * that turned CPU-bound shows as such. Each job's 10 pages are on 10
 * different hosts (as an editor's post links to many partners); until
 * 2026-12-08 they were 10 pages of one or two hosts, so the per-host
 * limit (2) held a worker's four job parts to about 4 requests in flight.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import type { CheckRequest } from '../src/core/schemas';
import { createPgCheckJobs } from '../src/service/cluster/pg-check-jobs';
import { migrateCluster } from '../src/service/cluster/migrations';
import { openJobQueue } from '../src/service/cluster/queue';
import { startWorker } from '../src/service/cluster/worker';
import type { RunningWorker } from '../src/service/cluster/worker';
import { silentLogger } from '../src/service/logger';
import { connectStore } from '../src/service/store';
import { DEFAULT_FETCHER_OPTIONS } from '../src/service/fetch/fetch-page';
import { createPool } from '../src/service/store/pg-database';
import { startPostgres } from '../tests/helpers/postgres';

export interface ClusterScaleRow {
	workers: number;
	/** Job parts a worker runs at once (--checks; default 4). */
	checksPerWorker: number;
	/** The worker's fetcher total (RLG_FETCHES; default 16). */
	fetchesPerWorker: number;
	/** Requests in flight at the fixture hosts, averaged over the run. */
	meanInFlight: number;
	/** Most requests in flight at all hosts together. */
	maxInFlight: number;
	/** CPU seconds of this process (the workers, the fixture server). */
	benchCpuSeconds: number;
	/** CPU seconds of the PostgreSQL server and its backends. */
	postgresCpuSeconds: number;
	/** Both, over the run's wall time × the machine's cores. */
	cpuShare: number;
	/** Most requests one site had in flight at once (the servers' log). */
	maxInFlightPerSite: number;
	pages: number;
	seconds: number;
	pagesPerSec: number;
	/** Most requests one host had in flight at once (the servers' log). */
	maxInFlightPerHost: number;
	/** Pages that were not `links-back` (should be 0). */
	failed: number;
}

export interface ClusterScaleResult {
	hosts: number;
	pagesPerHost: number;
	delayMs: number;
	perHostLimit: number;
	sites: number;
	perSiteLimit: number;
	rows: ClusterScaleRow[];
	/** pages/s of 4 workers over 1 (target ≥ 3). */
	ratio4to1: number;
	ratio2to1: number;
	limitHeld: boolean;
	/** One worker allowed 4x the parts and fetches, over one worker (informational). */
	ratio1Fetches64to1: number;
	/** Job parts each worker runs at once, and its fetcher's global limit. */
	checksPerWorker: number;
	fetchesPerWorker: number;
	cores: number;
}

// More sites than 4 workers' parts at once, so a site's share (8) is not
// what caps the run (four workers × 16 fetches = 64 = 8 sites × 8).
const SITES = Array.from(
	{ length: 16 },
	( _, i ) => `https://our-bench-${ i }.example/`
);
const PER_HOST = 2;
const PER_SITE = DEFAULT_FETCHER_OPTIONS.perSiteConcurrency;
const CHECKS = 4;
const FETCHES = DEFAULT_FETCHER_OPTIONS.globalConcurrency;
const CLOCK_TICKS = 100;

/** utime + stime (+ waited-for children's) of a process, in seconds. */
function processCpuSeconds( pid: number, children: boolean ): number {
	try {
		const stat = fs.readFileSync( `/proc/${ pid }/stat`, 'utf8' );
		// Fields after the command name (which may hold spaces).
		const fields = stat.slice( stat.lastIndexOf( ')' ) + 2 ).split( ' ' );
		const ticks = [ 11, 12, ...( children ? [ 13, 14 ] : [] ) ]
			.map( ( i ) => Number( fields[ i ] ) )
			.reduce( ( a, b ) => a + b, 0 );
		return ticks / CLOCK_TICKS;
	} catch {
		return 0;
	}
}

/**
 * CPU seconds of the PostgreSQL server listening on `port`: the
 * postmaster (with its exited backends) and its live backends (Linux).
 */
function postgresCpuSeconds( port: number ): number {
	let postmaster = 0;
	const parents = new Map< number, number >();
	for ( const entry of fs.readdirSync( '/proc' ) ) {
		const pid = Number( entry );
		if ( ! Number.isInteger( pid ) ) {
			continue;
		}
		try {
			const cmdline = fs
				.readFileSync( `/proc/${ pid }/cmdline`, 'utf8' )
				.split( '\0' );
			const stat = fs.readFileSync( `/proc/${ pid }/stat`, 'utf8' );
			parents.set(
				pid,
				Number(
					stat.slice( stat.lastIndexOf( ')' ) + 2 ).split( ' ' )[ 1 ]
				)
			);
			const at = cmdline.indexOf( '-p' );
			if (
				cmdline[ 0 ].endsWith( '/postgres' ) &&
				at > 0 &&
				cmdline[ at + 1 ] === String( port )
			) {
				postmaster = pid;
			}
		} catch {
			// Gone meanwhile.
		}
	}
	if ( postmaster === 0 ) {
		return NaN;
	}
	let total = processCpuSeconds( postmaster, true );
	for ( const [ pid, parent ] of parents ) {
		if ( parent === postmaster ) {
			total += processCpuSeconds( pid, false );
		}
	}
	return total;
}

/** One server for every fixture host: slow pages, concurrency per Host logged. */
async function startSlowWeb( delayMs: number ) {
	const inFlight = new Map< string, number >();
	const siteInFlight = new Map< string, number >();
	let max = 0;
	let maxSite = 0;
	// Requests in flight at all hosts, and its integral over time.
	let total = 0;
	let maxTotal = 0;
	let area = 0;
	let since = Date.now();
	let changed = since;
	const countTotal = ( change: number ) => {
		const now = Date.now();
		area += total * ( now - changed );
		changed = now;
		total += change;
		maxTotal = Math.max( maxTotal, total );
	};
	const page = `<!doctype html><html><head><title>p</title></head><body><main><article><p>A partner page that links to ${ SITES.map(
		( site ) => `<a href="${ site }">our site</a>`
	).join( ', ' ) }.</p></article></main></body></html>`;
	const server = http.createServer( ( req, res ) => {
		const host = ( req.headers.host ?? '' ).split( ':' )[ 0 ];
		const now = ( inFlight.get( host ) ?? 0 ) + 1;
		inFlight.set( host, now );
		max = Math.max( max, now );
		countTotal( 1 );
		// robots.txt and homepages name no site; pages do (?s=N).
		const site = /[?&]s=(\d+)/.exec( req.url ?? '' )?.[ 1 ] ?? null;
		if ( site !== null ) {
			const count = ( siteInFlight.get( site ) ?? 0 ) + 1;
			siteInFlight.set( site, count );
			maxSite = Math.max( maxSite, count );
		}
		setTimeout( () => {
			inFlight.set( host, ( inFlight.get( host ) ?? 1 ) - 1 );
			countTotal( -1 );
			if ( site !== null ) {
				siteInFlight.set( site, ( siteInFlight.get( site ) ?? 1 ) - 1 );
			}
			if ( req.url === '/robots.txt' ) {
				res.writeHead( 404 ).end();
				return;
			}
			res.writeHead( 200, {
				'content-type': 'text/html; charset=utf-8',
			} );
			res.end( page );
		}, delayMs );
	} );
	await new Promise< void >( ( resolve ) =>
		server.listen( 0, '127.0.0.1', resolve )
	);
	const { port } = server.address() as AddressInfo;
	return {
		port,
		maxInFlight: () => max,
		maxSiteInFlight: () => maxSite,
		maxTotalInFlight: () => maxTotal,
		meanInFlight: () => {
			countTotal( 0 );
			return area / Math.max( 1, changed - since );
		},
		reset: () => {
			max = 0;
			maxSite = 0;
			maxTotal = total;
			area = 0;
			since = Date.now();
			changed = since;
		},
		close: () =>
			new Promise< void >( ( resolve ) =>
				server.close( () => resolve() )
			),
	};
}

export async function runClusterScale( options: {
	quick: boolean;
} ): Promise< ClusterScaleResult > {
	// Enough hosts that 64 requests in flight (4 workers) need no host
	// above its limit, slow enough that waiting, not CPU, sets the pace.
	const hosts = options.quick ? 48 : 96;
	const pagesPerHost = options.quick ? 4 : 8;
	const delayMs = options.quick ? 1000 : 2000;
	const cores =
		typeof os.availableParallelism === 'function'
			? os.availableParallelism()
			: os.cpus().length;
	const pg = await startPostgres();
	const web = await startSlowWeb( delayMs );
	const names = Array.from(
		{ length: hosts },
		( _, i ) => `slow-${ i }.test`
	);
	const resolve = names.map(
		( name ) => `${ name }:${ web.port }:127.0.0.1`
	);
	const previousThreads = process.env.RLG_ANALYSIS_THREADS;
	// Small pages: parsed in the main thread of each worker.
	process.env.RLG_ANALYSIS_THREADS = '0';
	const rows: ClusterScaleRow[] = [];
	try {
		// The last run: one worker allowed four workers' job parts and
		// fetches (--checks 16, RLG_FETCHES=64), what an operator can do
		// instead of starting more processes.
		for ( const [ count, checks, fetches ] of [
			[ 1, CHECKS, FETCHES ],
			[ 2, CHECKS, FETCHES ],
			[ 4, CHECKS, FETCHES ],
			[ 1, 4 * CHECKS, 4 * FETCHES ],
		] ) {
			// A fresh database per run: no stored result answers a page.
			const databaseUrl = await pg.createDatabase();
			const store = await connectStore( { dataDir: '', databaseUrl } );
			const sites = [];
			for ( const [ i, url ] of SITES.entries() ) {
				sites.push(
					await store.addSite( {
						url,
						siteKey: `our-bench-${ i }.example`,
						secret: 'bench',
					} )
				);
			}
			const pool = createPool( { url: databaseUrl, max: 4 } );
			await migrateCluster( pool );
			const queue = await openJobQueue( {
				databaseUrl,
				pool,
				supervise: false,
			} );
			// Every job queued at once (the per-site cap of 20 running jobs is for clients).
			const jobs = createPgCheckJobs( {
				pool,
				queue,
				maxRunningPerSite: Infinity,
			} );
			const workers: RunningWorker[] = [];
			try {
				for ( let i = 0; i < count; i++ ) {
					workers.push(
						await startWorker( {
							databaseUrl,
							settings: DEFAULT_SETTINGS,
							logger: silentLogger(),
							resolve,
							fetcher: {
								perHostConcurrency: PER_HOST,
								globalConcurrency: fetches,
							},
							checkConcurrency: checks,
						} )
					);
				}
				web.reset();
				// Jobs of 10 pages, each from 10 different hosts (page p of
				// every host, then page p + 1 of every host), the sites' jobs
				// taking turns.
				const urls = Array.from( { length: pagesPerHost }, ( _, p ) =>
					names.map(
						( name, h ) =>
							`http://${ name }:${ web.port }/p${ p }-${ h }`
					)
				).flat();
				const cpuBefore = process.cpuUsage();
				const pgBefore = postgresCpuSeconds( pg.port );
				const started = Date.now();
				const ids: Array< {
					id: string;
					site: ( typeof sites )[ number ];
				} > = [];
				for ( let at = 0, job = 0; at < urls.length; at += 10, job++ ) {
					const s = job % sites.length;
					const request: CheckRequest = {
						site: SITES[ s ],
						links: urls.slice( at, at + 10 ).map( ( url ) => ( {
							url: `${ url }?s=${ s }`,
							anchorText: 'p',
						} ) ),
						homepage: false,
					} as CheckRequest;
					ids.push( {
						id: ( await jobs.start( request, sites[ s ] ) ).id,
						site: sites[ s ],
					} );
				}
				let failed = 0;
				for ( const { id, site } of ids ) {
					for ( let after = 0; ; ) {
						if ( Date.now() - started > 600_000 ) {
							throw new Error(
								`${ count } workers: job ${ id } not finished after 10 minutes`
							);
						}
						const view = await jobs.poll( id, site, after, 5000 );
						failed += view.results.filter(
							( r ) => r.status !== 'links-back'
						).length;
						after = view.done;
						if ( view.finished ) {
							break;
						}
					}
				}
				const seconds = ( Date.now() - started ) / 1000;
				const cpu = process.cpuUsage( cpuBefore );
				const benchCpu = ( cpu.user + cpu.system ) / 1e6;
				const pgCpu = postgresCpuSeconds( pg.port ) - pgBefore;
				rows.push( {
					workers: count,
					checksPerWorker: checks,
					fetchesPerWorker: fetches,
					meanInFlight: Math.round( web.meanInFlight() * 10 ) / 10,
					maxInFlight: web.maxTotalInFlight(),
					benchCpuSeconds: Math.round( benchCpu * 10 ) / 10,
					postgresCpuSeconds: Math.round( pgCpu * 10 ) / 10,
					cpuShare:
						Math.round(
							( ( benchCpu + pgCpu ) / ( seconds * cores ) ) * 100
						) / 100,
					pages: urls.length,
					seconds: Math.round( seconds * 100 ) / 100,
					pagesPerSec:
						Math.round( ( urls.length / seconds ) * 10 ) / 10,
					maxInFlightPerHost: web.maxInFlight(),
					maxInFlightPerSite: web.maxSiteInFlight(),
					failed,
				} );
			} finally {
				for ( const worker of workers ) {
					await worker.close( 2000 );
				}
				await queue.close();
				await pool.end();
				await store.close();
			}
		}
	} finally {
		if ( previousThreads === undefined ) {
			delete process.env.RLG_ANALYSIS_THREADS;
		} else {
			process.env.RLG_ANALYSIS_THREADS = previousThreads;
		}
		await web.close();
		await pg.stop();
	}
	const rate = ( n: number ) =>
		rows.find( ( row ) => row.workers === n )!.pagesPerSec;
	return {
		hosts,
		pagesPerHost,
		delayMs,
		perHostLimit: PER_HOST,
		sites: SITES.length,
		perSiteLimit: PER_SITE,
		rows,
		ratio4to1: Math.round( ( rate( 4 ) / rate( 1 ) ) * 100 ) / 100,
		ratio2to1: Math.round( ( rate( 2 ) / rate( 1 ) ) * 100 ) / 100,
		limitHeld: rows.every(
			( row ) =>
				row.maxInFlightPerHost <= PER_HOST &&
				row.maxInFlightPerSite <= PER_SITE
		),
		checksPerWorker: CHECKS,
		fetchesPerWorker: FETCHES,
		cores,
		ratio1Fetches64to1:
			Math.round( ( rows[ 3 ].pagesPerSec / rate( 1 ) ) * 100 ) / 100,
	};
}
