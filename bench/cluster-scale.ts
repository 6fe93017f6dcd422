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
 * partner pages are small, so the work is waiting on slow hosts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
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
}

const SITES = Array.from(
	{ length: 8 },
	( _, i ) => `https://our-bench-${ i }.example/`
);
const PER_HOST = 2;
const PER_SITE = DEFAULT_FETCHER_OPTIONS.perSiteConcurrency;

/** One server for every fixture host: slow pages, concurrency per Host logged. */
async function startSlowWeb( delayMs: number ) {
	const inFlight = new Map< string, number >();
	const siteInFlight = new Map< string, number >();
	let max = 0;
	let maxSite = 0;
	const page = `<!doctype html><html><head><title>p</title></head><body><main><article><p>A partner page that links to ${ SITES.map(
		( site ) => `<a href="${ site }">our site</a>`
	).join( ', ' ) }.</p></article></main></body></html>`;
	const server = http.createServer( ( req, res ) => {
		const host = ( req.headers.host ?? '' ).split( ':' )[ 0 ];
		const now = ( inFlight.get( host ) ?? 0 ) + 1;
		inFlight.set( host, now );
		max = Math.max( max, now );
		// robots.txt and homepages name no site; pages do (?s=N).
		const site = /[?&]s=(\d+)/.exec( req.url ?? '' )?.[ 1 ] ?? null;
		if ( site !== null ) {
			const count = ( siteInFlight.get( site ) ?? 0 ) + 1;
			siteInFlight.set( site, count );
			maxSite = Math.max( maxSite, count );
		}
		setTimeout( () => {
			inFlight.set( host, ( inFlight.get( host ) ?? 1 ) - 1 );
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
		reset: () => {
			max = 0;
			maxSite = 0;
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
	const hosts = options.quick ? 16 : 32;
	const pagesPerHost = options.quick ? 8 : 12;
	const delayMs = 300;
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
		for ( const count of [ 1, 2, 4 ] ) {
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
							fetcher: { perHostConcurrency: PER_HOST },
							checkConcurrency: 4,
						} )
					);
				}
				web.reset();
				// Jobs of 10 pages, each from 10 different hosts, the sites'
				// jobs taking turns.
				const urls = names.flatMap( ( name, h ) =>
					Array.from(
						{ length: pagesPerHost },
						( _, p ) =>
							`http://${ name }:${ web.port }/p${ p }-${ h }`
					)
				);
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
						if ( Date.now() - started > 300_000 ) {
							throw new Error(
								`${ count } workers: job ${ id } not finished after 5 minutes`
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
				rows.push( {
					workers: count,
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
	};
}
