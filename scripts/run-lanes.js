#!/usr/bin/env node
/**
 * Runs npm scripts in parallel lanes, each lane's scripts one after the
 * other, for the steps of `npm test` that do not depend on each other:
 *
 *     node scripts/run-lanes.js build "typecheck lint"
 *
 * runs `npm run build` while `npm run typecheck && npm run lint` run beside
 * it. Each of these is one busy core (webpack, tsc, eslint), so on the
 * 2-core CI machine two lanes take about as long as the longer lane instead
 * of the sum. A lane's output is printed in one block when the lane ends
 * (never interleaved with the other's); the exit code is the first failing
 * lane's, 0 when all passed. A lane stops at its first failing script.
 */
'use strict';
const { spawn } = require( 'node:child_process' );

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Runs one lane's scripts in order.
 *
 * @param {string[]} scripts npm script names
 * @return {Promise<{ code: number, output: string, seconds: number }>} the
 *         first non-zero exit code (or 0), everything the scripts printed,
 *         and how long the lane took
 */
async function runLane( scripts ) {
	const started = Date.now();
	let output = '';
	for ( const script of scripts ) {
		const code = await new Promise( ( resolve ) => {
			const child = spawn( NPM, [ 'run', script ], {
				stdio: [ 'ignore', 'pipe', 'pipe' ],
			} );
			child.stdout.on( 'data', ( chunk ) => ( output += chunk ) );
			child.stderr.on( 'data', ( chunk ) => ( output += chunk ) );
			child.on( 'error', ( error ) => {
				output += `run-lanes: could not start npm run ${ script }: ${ error.message }\n`;
				resolve( 1 );
			} );
			child.on( 'close', ( exitCode, signal ) =>
				resolve( exitCode ?? ( signal ? 1 : 0 ) )
			);
		} );
		if ( code !== 0 ) {
			return {
				code,
				output: `${ output }run-lanes: npm run ${ script } failed (exit ${ code })\n`,
				seconds: ( Date.now() - started ) / 1000,
			};
		}
	}
	return { code: 0, output, seconds: ( Date.now() - started ) / 1000 };
}

async function main( lanes ) {
	if ( lanes.length === 0 || lanes.some( ( lane ) => lane.length === 0 ) ) {
		process.stderr.write(
			'usage: node scripts/run-lanes.js "script [script…]" ["script …" …]\n'
		);
		process.exitCode = 2;
		return;
	}
	let exitCode = 0;
	await Promise.all(
		lanes.map( async ( scripts ) => {
			const lane = await runLane( scripts );
			// Printed as each lane ends: a failure shows without waiting
			// for the other lane.
			process.stdout.write(
				`\n── ${ scripts.join( ' → ' ) } (${ lane.seconds.toFixed(
					1
				) } s) ──\n${ lane.output }`
			);
			if ( lane.code !== 0 && exitCode === 0 ) {
				exitCode = lane.code;
			}
		} )
	);
	process.exitCode = exitCode;
}

main(
	process.argv
		.slice( 2 )
		.map( ( lane ) => lane.split( /\s+/ ).filter( Boolean ) )
);
