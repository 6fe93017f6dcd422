/**
 * Runs the TypeScript CLI in a child process for tests that must really
 * kill it (SIGKILL):
 *
 *     node tests/helpers/ts-child.js scan https://our.site --data-dir …
 *
 * The sources load through tests/service/ts-register.js (transpiled on
 * require, no type check: jest's tsc step has it), whose disk cache every
 * child process of the test run shares, whichever way it was started.
 *
 * Test-only: the shipped CLI (bin/rlg.js) runs the compiled build/node.
 */
'use strict';
const path = require( 'node:path' );

require( path.join( __dirname, '..', 'service', 'ts-register.js' ) );
require( path.join( __dirname, '..', '..', 'src', 'service', 'cli.ts' ) ).main(
	process.argv.slice( 2 )
);
