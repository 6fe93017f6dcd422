/**
 * `npm run bench`: runs the five benchmarks of issue 6 one after another in
 * this process (scan memory in child processes), then writes
 * bench/results/latest.{md,json} and a dated copy. Numbers never fail the
 * run: targets are reported as met or not. Exit 1 only when a benchmark
 * could not run at all (its error is in the results too).
 *
 *   node build/bench/bench/run.js [--quick] [--only extraction,backlinks,editor,warm-path,scan,editor-browser,cluster] [--sizes 100,1000]
 *
 * `--sizes` picks the editor-in-Chromium post sizes (links per post), so one
 * size can be re-measured without the whole run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBacklinks } from './backlinks';
import { runClusterScale } from './cluster-scale';
import { runEditor } from './editor';
import { runEditorBrowser } from './editor-browser';
import { runExtraction } from './extraction';
import { repoRoot } from './lib/corpus';
import { renderMarkdown } from './report';
import type { BenchReport } from './report';
import { runScanMemory } from './scan-memory';
import { runWarmPath } from './warm-path';

const BENCHMARKS = {
	extraction: runExtraction,
	backlinks: runBacklinks,
	editor: async ( options: BenchOptions ) => runEditor( options ),
	'warm-path': runWarmPath,
	scan: runScanMemory,
	'editor-browser': runEditorBrowser,
	cluster: runClusterScale,
} as const;

type BenchName = keyof typeof BENCHMARKS;

interface BenchOptions {
	quick: boolean;
	sizes?: number[];
}

function parseSizes( argv: string[] ): number[] | undefined {
	const at = argv.indexOf( '--sizes' );
	if ( at === -1 ) {
		return undefined;
	}
	const raw = argv[ at + 1 ] ?? '';
	const sizes = raw.split( ',' ).filter( Boolean ).map( Number );
	if (
		! sizes.length ||
		sizes.some( ( n ) => ! Number.isInteger( n ) || n < 1 )
	) {
		throw new Error(
			`--sizes takes a comma-separated list of positive whole numbers of links (got '${ raw }')`
		);
	}
	return sizes;
}

function parseArgs( argv: string[] ): {
	quick: boolean;
	sizes?: number[];
	only: BenchName[];
} {
	const quick = argv.includes( '--quick' );
	const sizes = parseSizes( argv );
	const at = argv.indexOf( '--only' );
	const names = Object.keys( BENCHMARKS ) as BenchName[];
	if ( at === -1 ) {
		return { quick, sizes, only: names };
	}
	const only = ( argv[ at + 1 ] ?? '' ).split( ',' ).filter( Boolean );
	const unknown = only.filter( ( n ) => ! names.includes( n as BenchName ) );
	if ( unknown.length || ! only.length ) {
		throw new Error(
			`--only takes a comma-separated list of ${ names.join( ', ' ) }`
		);
	}
	return { quick, sizes, only: only as BenchName[] };
}

function machine(): BenchReport[ 'machine' ] {
	const cpus = os.cpus();
	return {
		cpuModel: cpus[ 0 ]?.model.trim() ?? 'unknown',
		cpus: cpus.length,
		memoryGb: Math.round( os.totalmem() / 1e8 ) / 10,
		os: `${ os.type() } ${ os.release() } ${ os.arch() }`,
		node: process.version,
	};
}

function loadAverage(): number[] {
	return os.loadavg().map( ( value ) => Math.round( value * 100 ) / 100 );
}

async function main(): Promise< number > {
	const { quick, sizes, only } = parseArgs( process.argv.slice( 2 ) );
	const report: BenchReport = {
		date: new Date().toISOString(),
		quick,
		machine: machine(),
		loadAverageBefore: loadAverage(),
		loadAverageAfter: [],
		results: {},
		errors: {},
		durationsSec: {},
	};
	let failed = false;
	for ( const name of only ) {
		process.stderr.write( `bench: ${ name }…\n` );
		// A full collection first (node --expose-gc, as npm run bench
		// starts it): no benchmark pays for the garbage of the one before
		// (the editor's one-frame target is sensitive to a major GC).
		( globalThis as { gc?: () => void } ).gc?.();
		const start = Date.now();
		try {
			// Each name's runner returns that name's result type.
			( report.results as Record< string, unknown > )[ name ] =
				await BENCHMARKS[ name ]( { quick, sizes } );
		} catch ( error ) {
			failed = true;
			report.errors[ name ] =
				error instanceof Error
					? ( error.stack ?? error.message )
					: String( error );
			process.stderr.write( `bench: ${ name } failed: ${ error }\n` );
		}
		report.durationsSec[ name ] =
			Math.round( ( Date.now() - start ) / 100 ) / 10;
	}
	report.loadAverageAfter = loadAverage();

	const dir = path.join( repoRoot(), 'bench', 'results' );
	fs.mkdirSync( dir, { recursive: true } );
	// Only a complete run replaces latest.* (the README quotes it).
	const partial = only.length < Object.keys( BENCHMARKS ).length;
	let base = quick ? 'latest-quick' : 'latest';
	if ( partial ) {
		base = `${ base }-partial`;
	}
	const stamp = report.date.slice( 0, 16 ).replace( ':', '-' );
	const markdown = renderMarkdown( report );
	const json = `${ JSON.stringify( report, null, '\t' ) }\n`;
	fs.writeFileSync( path.join( dir, `${ base }.md` ), markdown );
	fs.writeFileSync( path.join( dir, `${ base }.json` ), json );
	fs.writeFileSync(
		path.join(
			dir,
			`${ stamp }${ quick ? '-quick' : '' }${ partial ? '-partial' : '' }.json`
		),
		json
	);
	process.stdout.write( markdown );
	process.stderr.write(
		`bench: wrote ${ path.join( 'bench', 'results', `${ base }.md` ) } and .json\n`
	);
	return failed ? 1 : 0;
}

main().then(
	( code ) => {
		process.exitCode = code;
	},
	( error ) => {
		process.stderr.write( `bench: ${ error?.stack ?? error }\n` );
		process.exitCode = 1;
	}
);
