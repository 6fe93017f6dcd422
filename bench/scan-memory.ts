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
import { createFakeWordPress } from '../tests/helpers/fake-sites';
import { startPartnerWeb } from '../tests/helpers/partner-web';
import { startFixtureWeb } from './lib/fixture-web';
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
	exitCode: number | null;
	/** The scan's own summary line (posts read, partners checked). */
	summary: string;
}

export interface ScanMemoryResult {
	rows: ScanRow[];
	/** Larger site's peak RSS over the smaller's. */
	rssGrowth: number;
	flatWithin20Percent: boolean;
}

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

function runScanChild(
	args: string[],
	rssFile: string
): Promise< { code: number | null; stdout: string; stderr: string } > {
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
		let stdout = '';
		let stderr = '';
		child.stdout.on( 'data', ( chunk ) => ( stdout += chunk ) );
		child.stderr.on( 'data', ( chunk ) => ( stderr += chunk ) );
		child.on( 'error', reject );
		child.on( 'close', ( code ) => resolve( { code, stdout, stderr } ) );
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
	const wp = createFakeWordPress( { host: 'our.test' } );
	const targets = new Set< string >();
	for ( let id = 1; id <= posts; id++ ) {
		const content = postContent( id, web, hosts );
		for ( const match of content.matchAll( /href="([^"]+)"/g ) ) {
			targets.add( match[ 1 ] );
		}
		wp.add( { title: `${ paragraph( id, 5 ) } ${ id }`, content } );
	}
	const site = await startPartnerWeb( { 'our.test': { '*': wp.handler } } );
	wp.bind( site );
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-bench-scan-' ) );
	const rssFile = path.join( dir, 'rss.json' );
	try {
		const resolveArgs = [
			...site.resolveEntries,
			...web.resolveEntries,
		].flatMap( ( entry ) => [ '--resolve', entry ] );
		const before = web.served();
		const start = nowMs();
		const run = await runScanChild(
			[
				'scan',
				site.url( 'our.test' ),
				'--data-dir',
				path.join( dir, 'data' ),
				'--no-progress',
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
			distinctTargets: targets.size,
			seconds: round( seconds ),
			postsPerSec: round( posts / seconds ),
			partnerPagesPerSec: round( fetched / seconds ),
			partnerPagesFetched: fetched,
			peakRssMb: round( rss.maxRssKb / 1024 ),
			vmHwmMb: rss.vmHwmKb === null ? null : round( rss.vmHwmKb / 1024 ),
			exitCode: run.code,
			summary,
		};
	} finally {
		await site.close();
		await web.close();
		fs.rmSync( dir, { recursive: true, force: true } );
	}
}

export async function runScanMemory( options: {
	quick: boolean;
} ): Promise< ScanMemoryResult > {
	const sizes = options.quick ? [ 200, 2_000 ] : [ 1_000, 10_000 ];
	const hosts = options.quick ? 400 : 2_000;
	const rows: ScanRow[] = [];
	for ( const posts of sizes ) {
		rows.push( await scanOnce( posts, hosts ) );
	}
	const rssGrowth = round( rows[ 1 ].peakRssMb / rows[ 0 ].peakRssMb );
	return { rows, rssGrowth, flatWithin20Percent: rssGrowth <= 1.2 };
}
