#!/usr/bin/env node
'use strict';
// The CLI runs the compiled JavaScript in build/node, never a TypeScript loader.
const path = require( 'node:path' );
const fs = require( 'node:fs' );
const entry = path.join(
	__dirname,
	'..',
	'build',
	'node',
	'service',
	'cli.js'
);
if ( ! fs.existsSync( entry ) ) {
	process.stderr.write(
		'rlg: build/node is missing; run `npm run build` first.\n'
	);
	process.exit( 2 );
}
// The heap bounds first: V8 grows the young generation while the CLI's
// modules load, and only a bound set before that keeps it small
// (src/service/heap.ts). A bad setting is reported by main().
try {
	require(
		path.join( __dirname, '..', 'build', 'node', 'service', 'heap.js' )
	).boundHeapGrowth();
} catch {
	// main() applies it again and explains the error.
}
require( entry ).main( process.argv.slice( 2 ) );
