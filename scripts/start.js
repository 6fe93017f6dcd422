#!/usr/bin/env node
'use strict';
/**
 * `npm start`: builds what is missing and starts the service in the
 * foreground. The WordPress demo environment plugs in here.
 */
const { spawnSync, spawn } = require( 'node:child_process' );
const fs = require( 'node:fs' );
const path = require( 'node:path' );

const root = path.join( __dirname, '..' );
if (
	! fs.existsSync( path.join( root, 'build', 'node', 'service', 'cli.js' ) )
) {
	console.log( 'Building (first run)…' );
	const built = spawnSync( 'npm', [ 'run', 'build' ], {
		cwd: root,
		stdio: 'inherit',
	} );
	if ( built.status !== 0 ) {
		process.exit( built.status ?? 1 );
	}
}
const child = spawn(
	process.execPath,
	[ path.join( root, 'bin', 'rlg.js' ), 'serve', ...process.argv.slice( 2 ) ],
	{ stdio: 'inherit' }
);
child.on( 'exit', ( code ) => process.exit( code ?? 0 ) );
