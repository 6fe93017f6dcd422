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
require( entry ).main( process.argv.slice( 2 ) );
