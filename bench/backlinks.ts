/**
 * Benchmark 2: backlink checking throughput over a local partner web.
 * The same page list, fetched and read three ways, interleaved per round:
 * - rlg: the service's backlink checker as `rlg serve` wires it (robots.txt,
 *   SSRF guard, politeness limits, decoding, analyzeHtml in the default
 *   number of worker threads, matching our site), named hosts via the
 *   resolve map;
 * - linkinator 6: the same pages as non-recursive roots (GET + its own link
 *   parse), every discovered link skipped, direct 127.0.0.x URLs;
 * - raw undici: GET each page, discard the body: the limit for any checker
 *   with our politeness, so it has the same shape as ours (the same named
 *   hosts through a lookup, 2 connections per host), minus robots.txt.
 * All three run at the same global concurrency (the fetcher's default).
 */
import { Agent, request } from 'undici';
import type { LookupFunction } from 'node:net';
import {
	createPageAnalyzer,
	defaultAnalysisNiceness,
} from '../src/service/analysis';
import { createBacklinkChecker } from '../src/service/backlinks';
import {
	createFetcher,
	DEFAULT_FETCHER_OPTIONS,
	parseResolveMap,
	type Fetcher,
} from '../src/service/fetch';
import { importEsm } from './lib/esm';
import { startFixtureWeb } from './lib/fixture-web';
import { mapConcurrent } from '../src/service/map-concurrent';
import { nowMs, round } from './lib/stats';

export interface BacklinksToolRow {
	tool: string;
	pages: number;
	seconds: number;
	/** Each timed round, in run order (shows how steady the figure is). */
	roundSeconds: number[];
	pagesPerSec: number;
	/** Pages the tool reported as fetched fine (sanity). */
	ok: number;
}

export interface BacklinksResult {
	hosts: number;
	pagesPerHost: number;
	slowHosts: number;
	slowMs: number;
	concurrency: number;
	perHostConcurrency: number;
	/** Worker threads analysing pages on our side. */
	analysisThreads: number;
	/** Steps nicer than the main thread those workers run (Linux). */
	analysisNiceness: number;
	rounds: number;
	meanPageBytes: number;
	rows: BacklinksToolRow[];
	/** Links-back verdicts that match the fixture's truth (rlg only). */
	verdictsCorrect: number;
	verdictsTotal: number;
	ratioVsLinkinator: number;
	shareOfRawFetch: number;
}

interface LinkinatorModule {
	LinkChecker: new () => {
		check: ( options: {
			path: string[];
			recurse: boolean;
			concurrency: number;
			timeout: number;
			linksToSkip: ( link: string ) => Promise< boolean >;
		} ) => Promise< {
			links: Array< { url: string; status?: number; state: string } >;
		} >;
	};
}

const OUR_ORIGIN = 'https://our-garden.example';

export async function runBacklinks( options: {
	quick: boolean;
} ): Promise< BacklinksResult > {
	const hosts = options.quick ? 100 : 300;
	const pagesPerHost = 2;
	const slowEvery = 20;
	const slowMs = 250;
	const rounds = options.quick ? 1 : 3;
	const concurrency = DEFAULT_FETCHER_OPTIONS.globalConcurrency;
	const web = await startFixtureWeb( {
		hosts,
		pagesPerHost,
		servers: 4,
		ourOrigin: OUR_ORIGIN,
		linkBackEvery: 3,
		slowEvery,
		slowMs,
	} );
	const { LinkChecker } = await importEsm< LinkinatorModule >( 'linkinator' );
	const pairs: Array< [ number, number ] > = [];
	for ( let page = 0; page < pagesPerHost; page++ ) {
		for ( let host = 0; host < hosts; host++ ) {
			pairs.push( [ host, page ] );
		}
	}
	const named = pairs.map( ( [ h, p ] ) => web.namedUrl( h, p ) );
	const direct = pairs.map( ( [ h, p ] ) => web.directUrl( h, p ) );
	const directSet = new Set( direct );
	// The raw fetch reaches the named hosts as our fetcher does, through a
	// lookup, not the resolve map (undici alone has none).
	const addressOf = new Map(
		web.resolveEntries.map( ( entry ) => {
			const [ name, , address ] = entry.split( ':' );
			return [ name, address ];
		} )
	);
	const lookup = ( ( hostname, opts, callback ) => {
		const address = addressOf.get( hostname ) ?? '127.0.0.1';
		if ( opts.all ) {
			callback( null, [ { address, family: 4 } ] );
		} else {
			callback( null, address, 4 );
		}
	} ) as LookupFunction;
	const analyzer = createPageAnalyzer();

	let verdictsCorrect = 0;
	const checkWith = async ( fetcher: Fetcher, count: number ) => {
		const checker = createBacklinkChecker( { fetcher, analyzer } );
		const results = await checker.checkTargets( named.slice( 0, count ), {
			siteUrls: [ `${ OUR_ORIGIN }/` ],
			keywords: [ 'garden blog' ],
			brandTerms: [],
			homepage: false,
		} );
		verdictsCorrect = results.filter( ( result, i ) => {
			const expected = web.linksBack( pairs[ i ][ 0 ] )
				? 'links-back'
				: 'no-link';
			return result.status === expected;
		} ).length;
		return results.filter(
			( r ) => r.status === 'links-back' || r.status === 'no-link'
		).length;
	};
	const newFetcher = () =>
		createFetcher( { resolveMap: parseResolveMap( web.resolveEntries ) } );
	// A service that checked these hosts moments ago: robots.txt cached,
	// connections still open. Shown for information; the targets are
	// judged on the cold run (a daily re-check finds neither).
	const warmFetcher = newFetcher();
	const tools: Array< [ string, ( count: number ) => Promise< number > ] > = [
		[
			'rlg backlink checker',
			async ( count ) => {
				// Cold, as a re-check a day later: robots.txt fetched again,
				// new connections.
				const fetcher = newFetcher();
				try {
					return await checkWith( fetcher, count );
				} finally {
					await fetcher.close();
				}
			},
		],
		[
			'linkinator 6 (non-recursive)',
			async ( count ) => {
				const result = await new LinkChecker().check( {
					path: direct.slice( 0, count ),
					recurse: false,
					concurrency,
					timeout: 30_000,
					linksToSkip: async ( link ) => ! directSet.has( link ),
				} );
				return result.links.filter(
					( link ) => link.state === 'OK' && directSet.has( link.url )
				).length;
			},
		],
		[
			'undici GET, body discarded',
			async ( count ) => {
				const agent = new Agent( {
					connections: DEFAULT_FETCHER_OPTIONS.perHostConcurrency,
					connect: { lookup },
				} );
				try {
					const statuses = await mapConcurrent(
						named.slice( 0, count ),
						concurrency,
						async ( url ) => {
							const response = await request( url, {
								dispatcher: agent,
							} );
							await response.body.dump( { limit: Infinity } );
							return response.statusCode;
						}
					);
					return statuses.filter( ( s ) => s === 200 ).length;
				} finally {
					await agent.close();
				}
			},
		],
		[
			'rlg, warm (robots.txt cached, connections open; info only)',
			( count ) => checkWith( warmFetcher, count ),
		],
	];

	const totals = tools.map( () => ( {
		ms: 0,
		ok: 0,
		rounds: [] as number[],
	} ) );
	try {
		// Warm-up: one untimed full round of each tool (JIT, lazy imports).
		// A full round, not a few pages: every analysis worker compiles its
		// own copy of the code, as a long-running `rlg serve` has long done.
		for ( const [ , run ] of tools ) {
			await run( named.length );
		}
		// Rounds interleave the tools, so a busy spell on a shared machine
		// is spread over all of them.
		for ( let pass = 0; pass < rounds; pass++ ) {
			for ( const [ i, [ , run ] ] of tools.entries() ) {
				const start = nowMs();
				const ok = await run( named.length );
				const ms = nowMs() - start;
				totals[ i ].ms += ms;
				totals[ i ].rounds.push( round( ms / 1000 ) );
				totals[ i ].ok = ok;
			}
		}
	} finally {
		await warmFetcher.close();
		await analyzer.close();
		await web.close();
	}

	const pagesPerRun = named.length;
	const rows = tools.map( ( [ tool ], i ) => {
		const seconds = totals[ i ].ms / 1000;
		return {
			tool,
			pages: pagesPerRun * rounds,
			seconds: round( seconds ),
			roundSeconds: totals[ i ].rounds,
			pagesPerSec: round( ( pagesPerRun * rounds ) / seconds ),
			ok: totals[ i ].ok,
		};
	} );
	return {
		hosts,
		pagesPerHost,
		slowHosts: Math.ceil( hosts / slowEvery ),
		slowMs,
		concurrency,
		perHostConcurrency: DEFAULT_FETCHER_OPTIONS.perHostConcurrency,
		analysisThreads: analyzer.threads,
		analysisNiceness:
			process.platform === 'linux' ? defaultAnalysisNiceness() : 0,
		rounds,
		meanPageBytes: Math.round(
			web.bytesServed() / Math.max( 1, web.served() )
		),
		rows,
		verdictsCorrect,
		verdictsTotal: named.length,
		ratioVsLinkinator: round(
			rows[ 0 ].pagesPerSec / rows[ 1 ].pagesPerSec
		),
		shareOfRawFetch: round( rows[ 0 ].pagesPerSec / rows[ 2 ].pagesPerSec ),
	};
}
