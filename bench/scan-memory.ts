/**
 * Benchmark 5: scan memory and throughput. `rlg scan` (the compiled CLI,
 * in a child process) over a fake WordPress REST site of N posts whose
 * links point at a pool of partner sites (2,000 host names served by a few
 * loopback servers), for two sizes of site. Peak RSS comes from the
 * child itself at exit (resourceUsage().maxRSS and /proc VmHWM); the scan
 * is flat when the larger site's peak stays within 20% of the smaller's.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFixtureWeb } from './lib/fixture-web';
import { startLazyWordPress } from './lib/lazy-wordpress';
import { sampleRss } from './lib/rss-sampler';
import type { FixtureWeb } from './lib/fixture-web';
import { nowMs, round } from './lib/stats';

export interface ScanRow {
	posts: number;
	partnerHosts: number;
	distinctTargets: number;
	seconds: number;
	postsPerSec: number;
	partnerPagesPerSec: number;
	partnerPagesFetched: number;
	peakRssMb: number;
	vmHwmMb: number | null;
	/** Highest sampled RSS while the scan was in each phase (250 ms samples). */
	peakRssByPhaseMb: Record< string, number >;
	/** REST listings the fake WordPress answered. */
	restListings: number;
	exitCode: number | null;
	/** The scan's own summary line (posts read, partners checked). */
	summary: string;
}

export interface ScanMemoryResult {
	rows: ScanRow[];
	/** Largest site's peak RSS over the smallest's. */
	rssGrowth: number;
	flatWithin20Percent: boolean;
	/** Issue 17: the largest scan's peak RSS at most this. */
	peakTargetMb: number;
	peakWithinTarget: boolean;
}

/** Issue 17: a 100,000-post scan peaks at no more than this. */
export const SCAN_PEAK_TARGET_MB = 250;

const WORDS =
	'garden compost seeds tomatoes pruning roses water shade mulch harvest beds herbs soil spring autumn'.split(
		' '
	);

function paragraph( seed: number, words: number ): string {
	const out: string[] = [];
	for ( let i = 0; i < words; i++ ) {
		out.push( WORDS[ ( seed * 13 + i * 7 ) % WORDS.length ] );
	}
	return out.join( ' ' );
}

/**
 * A post body of ~2.5 KB: paragraphs, a heading, a list, three partner
 * links. Consecutive posts link to consecutive partners, so both sizes of
 * site reach every partner: the two scans check the same 2,000 partners
 * and differ only in the number of posts.
 */
function postContent( id: number, web: FixtureWeb, hosts: number ): string {
	const links = [ 0, 1, 2 ].map( ( k ) => {
		const host = ( id * 3 + k ) % hosts;
		return `<a href="${ web.namedUrl( host, 0 ) }">${ paragraph(
			id + k,
			2
		) }</a>`;
	} );
	return [
		`<p>${ paragraph( id, 60 ) } ${ links[ 0 ] } ${ paragraph(
			id + 1,
			40
		) }.</p>`,
		`<h2>${ paragraph( id + 2, 4 ) }</h2>`,
		`<p>${ paragraph( id + 3, 80 ) } ${ links[ 1 ] }.</p>`,
		`<ul><li>${ paragraph( id + 4, 8 ) }</li><li>${ paragraph(
			id + 5,
			8
		) }</li></ul>`,
		`<p>${ paragraph( id + 6, 50 ) }. See also ${ links[ 2 ] }.</p>`,
	].join( '\n' );
}

/** Phase of the scan from its progress line on stderr (non-TTY form). */
function phaseOf( line: string ): string | null {
	const match = /(\d+)\/(\S+) posts read, (\d+)\/(\d+) partners checked/.exec(
		line
	);
	if ( ! match ) {
		return null;
	}
	const [ , , , checked, total ] = match;
	if ( total === '0' ) {
		return 'posts';
	}
	return checked === total ? 'report' : 'partners';
}

function runScanChild(
	args: string[],
	rssFile: string
): Promise< {
	code: number | null;
	stdout: string;
	stderr: string;
	byPhase: Record< string, number >;
	sampledPeakMb: number;
} > {
	return new Promise( ( resolve, reject ) => {
		const child = spawn(
			process.execPath,
			[
				'--require',
				path.join( __dirname, 'lib', 'rss-on-exit.js' ),
				path.join( __dirname, 'lib', 'rlg-cli.js' ),
				...args,
			],
			{
				env: { ...process.env, RLG_BENCH_RSS_FILE: rssFile },
				stdio: [ 'ignore', 'pipe', 'pipe' ],
			}
		);
		const sampler = child.pid ? sampleRss( child.pid ) : null;
		let stdout = '';
		let stderr = '';
		child.stdout.on( 'data', ( chunk ) => ( stdout += chunk ) );
		child.stderr.on( 'data', ( chunk ) => {
			stderr += chunk;
			for ( const line of String( chunk ).split( '\n' ) ) {
				const phase = phaseOf( line );
				if ( phase ) {
					sampler?.label( phase );
				}
			}
		} );
		child.on( 'error', reject );
		child.on( 'close', ( code ) => {
			const sampled = sampler?.stop();
			resolve( {
				code,
				stdout,
				stderr,
				byPhase: sampled?.byLabel ?? {},
				sampledPeakMb: sampled?.peakMb ?? NaN,
			} );
		} );
	} );
}

async function scanOnce( posts: number, hosts: number ): Promise< ScanRow > {
	const web = await startFixtureWeb( {
		hosts,
		pagesPerHost: 1,
		servers: 8,
		ourOrigin: 'http://our.test',
		linkBackEvery: 3,
		slowEvery: 50,
		slowMs: 200,
	} );
	const wp = await startLazyWordPress( {
		posts,
		host: 'our.test',
		content: ( id ) => postContent( id, web, hosts ),
		title: ( id ) => `${ paragraph( id, 5 ) } ${ id }`,
	} );
	// Every post links to 3 consecutive partners, so the distinct targets
	// are the first 3 x posts partners (all of them once posts ≥ hosts / 3).
	const distinctTargets = Math.min( hosts, posts * 3 );
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-bench-scan-' ) );
	const rssFile = path.join( dir, 'rss.json' );
	try {
		const resolveArgs = [ wp.resolveEntry, ...web.resolveEntries ].flatMap(
			( entry ) => [ '--resolve', entry ]
		);
		const before = web.served();
		const start = nowMs();
		const run = await runScanChild(
			[
				'scan',
				wp.url,
				'--data-dir',
				path.join( dir, 'data' ),
				...resolveArgs,
			],
			rssFile
		);
		const seconds = ( nowMs() - start ) / 1000;
		const fetched = web.served() - before;
		const rss = fs.existsSync( rssFile )
			? ( JSON.parse( fs.readFileSync( rssFile, 'utf8' ) ) as {
					maxRssKb: number;
					vmHwmKb: number | null;
				} )
			: { maxRssKb: NaN, vmHwmKb: null };
		// Exit 1 means "findings" (the fixture has reciprocal partners);
		// anything else is a failed scan and must show in the table.
		const summary =
			run.code === 0 || run.code === 1
				? run.stdout
						.split( '\n' )
						.filter( ( line ) =>
							/Partner domains|Linking back/.test( line )
						)
						.map( ( line ) => line.trim().replace( /\s+/g, ' ' ) )
						.join( '; ' )
				: `FAILED: ${ run.stderr.trim().split( '\n' ).slice( -3 ).join( ' | ' ) }`;
		return {
			posts,
			partnerHosts: hosts,
			distinctTargets,
			seconds: round( seconds ),
			postsPerSec: round( posts / seconds ),
			partnerPagesPerSec: round( fetched / seconds ),
			partnerPagesFetched: fetched,
			peakRssMb: round( rss.maxRssKb / 1024 ),
			vmHwmMb: rss.vmHwmKb === null ? null : round( rss.vmHwmKb / 1024 ),
			peakRssByPhaseMb: run.byPhase,
			restListings: wp.listings(),
			exitCode: run.code,
			summary,
		};
	} finally {
		await wp.close();
		await web.close();
		fs.rmSync( dir, { recursive: true, force: true } );
	}
}

/**
 * Sizes: 10,000 and 100,000 posts (quick: 1,000 and 10,000), or the post
 * counts given with `--sizes` (`--only scan --sizes 100000`).
 */
export async function runScanMemory( options: {
	quick: boolean;
	sizes?: number[];
} ): Promise< ScanMemoryResult > {
	const sizes =
		options.sizes ??
		( options.quick ? [ 1_000, 10_000 ] : [ 10_000, 100_000 ] );
	const hosts = options.quick ? 400 : 2_000;
	const rows: ScanRow[] = [];
	for ( const posts of sizes ) {
		process.stderr.write( `bench: scan of ${ posts } posts…\n` );
		rows.push( await scanOnce( posts, hosts ) );
	}
	const first = rows[ 0 ];
	const last = rows[ rows.length - 1 ];
	const rssGrowth = round( last.peakRssMb / first.peakRssMb );
	return {
		rows,
		rssGrowth,
		flatWithin20Percent: rssGrowth <= 1.2,
		peakTargetMb: SCAN_PEAK_TARGET_MB,
		peakWithinTarget: rows.every(
			( row ) => row.peakRssMb <= SCAN_PEAK_TARGET_MB
		),
	};
}
