#!/usr/bin/env node
'use strict';
/**
 * `node scripts/graph-view-timing/run.js [partners…] [--runs 7]`: how long
 * the report's graph view holds the browser's main thread on its first
 * draw (issue 19). Bundles the graph view alone (entry.js, production
 * build by wp-scripts with the WordPress packages included) into a temp
 * dir, then draws it in headless Chromium (/usr/bin/chromium, or
 * RLG_CHROMIUM) for reports of 50 and 500 partners by default, each in a
 * fresh page, and prints per size the median and largest of: the longest
 * task (PerformanceObserver 'longtask', from the render until 200 ms after
 * the nodes are drawn) and the time until the nodes are drawn.
 * Nothing is asserted: other work on the machine moves the figures.
 */
const fs = require( 'node:fs' );
const os = require( 'node:os' );
const path = require( 'node:path' );
const { spawnSync } = require( 'node:child_process' );
const { parseArgs } = require( 'node:util' );

const ROOT = path.join( __dirname, '..', '..' );

function median( values ) {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	return sorted[ Math.floor( sorted.length / 2 ) ];
}

async function main() {
	const { values, positionals } = parseArgs( {
		allowPositionals: true,
		options: { runs: { type: 'string', default: '7' } },
	} );
	const sizes = positionals.length ? positionals.map( Number ) : [ 50, 500 ];
	const runs = Number( values.runs );
	const out = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-graph-view-' ) );
	try {
		const build = spawnSync(
			'npx',
			[
				'wp-scripts',
				'build',
				`graph=./${ path.relative( ROOT, path.join( __dirname, 'entry.js' ) ) }`,
				`--output-path=${ out }`,
				'--webpack-no-externals',
			],
			{ cwd: ROOT, stdio: [ 'ignore', 'ignore', 'inherit' ] }
		);
		if ( build.status !== 0 ) {
			throw new Error( `wp-scripts build failed (${ build.status })` );
		}
		const script = fs.readFileSync( path.join( out, 'graph.js' ), 'utf8' );
		const { chromium } = require( 'playwright-core' );
		const browser = await chromium.launch( {
			executablePath: process.env.RLG_CHROMIUM || '/usr/bin/chromium',
			args: [ '--no-sandbox' ],
		} );
		try {
			for ( const partners of sizes ) {
				const rows = [];
				for ( let run = 0; run < runs; run++ ) {
					const page = await browser.newPage();
					await page.setContent( '<!doctype html><body></body>' );
					await page.addScriptTag( { content: script } );
					const shape = await page.evaluate(
						( n ) => window.prepare( n ),
						partners
					);
					rows.push( {
						...shape,
						...( await page.evaluate( async () => {
							// The build of the input is its own task.
							await new Promise( ( r ) => setTimeout( r, 100 ) );
							const tasks = [];
							const observer = new PerformanceObserver(
								( list ) => {
									for ( const entry of list.getEntries() ) {
										tasks.push( entry.duration );
									}
								}
							);
							observer.observe( { type: 'longtask' } );
							const drawnMs = await window.drawGraph();
							await new Promise( ( r ) => setTimeout( r, 200 ) );
							observer.disconnect();
							return {
								drawnMs,
								longestMs: Math.max( 0, ...tasks ),
							};
						} ) ),
					} );
					await page.close();
				}
				const figure = ( key ) =>
					`${ Math.round( median( rows.map( ( r ) => r[ key ] ) ) ) } ms (max ${ Math.round(
						Math.max( ...rows.map( ( r ) => r[ key ] ) )
					) })`;
				process.stdout.write(
					`${ partners } partners (${ rows[ 0 ].nodes } sites, ${
						rows[ 0 ].edges
					} links drawn), ${ runs } runs: longest task ${ figure(
						'longestMs'
					) }, drawn after ${ figure( 'drawnMs' ) }\n`
				);
			}
		} finally {
			await browser.close();
		}
	} finally {
		fs.rmSync( out, { recursive: true, force: true } );
	}
	process.stdout.write(
		`load average ${ os
			.loadavg()
			.map( ( l ) => l.toFixed( 1 ) )
			.join( ' ' ) } on ${ os.cpus().length } cores\n`
	);
}

main().catch( ( error ) => {
	process.stderr.write( `${ error.stack || error }\n` );
	process.exitCode = 1;
} );
