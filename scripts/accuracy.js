'use strict';
/**
 * `npm run accuracy`: builds the CLI (the placement scorer runs `rlg
 * links` of this checkout) and the report (scripts/accuracy/report.ts,
 * with the pair set and scenario suite it reads from tests/), then writes
 * docs/accuracy.md. See report.ts for what it measures.
 */
const { execFileSync } = require( 'node:child_process' );
const fs = require( 'node:fs' );
const path = require( 'node:path' );

const ROOT = path.resolve( __dirname, '..' );
const OUT = path.join( ROOT, 'build', 'accuracy' );

function run( command, args ) {
	execFileSync( command, args, { cwd: ROOT, stdio: 'inherit' } );
}

run( 'npm', [ 'run', '--silent', 'build:node' ] );
run( 'npx', [ 'tsc', '-p', 'scripts/accuracy/tsconfig.json' ] );
// The scenarios start the demo's partner sites: plain CommonJS scripts,
// which the compiled suite requires next to itself.
for ( const file of [
	'scripts/demo/partners.js',
	'scripts/demo/seed.js',
	'scripts/wp/lib.js',
	'scripts/wp/core-languages.js',
] ) {
	fs.mkdirSync( path.dirname( path.join( OUT, file ) ), { recursive: true } );
	fs.copyFileSync( path.join( ROOT, file ), path.join( OUT, file ) );
}

const { main } = require(
	path.join( OUT, 'scripts', 'accuracy', 'report.js' )
);
main( ROOT ).then(
	( code ) => {
		process.exitCode = code;
	},
	( error ) => {
		console.error( error );
		process.exitCode = 2;
	}
);
