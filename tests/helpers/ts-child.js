/**
 * Runs the TypeScript CLI in a child process for tests that must really
 * kill it (SIGKILL): each .ts file is transpiled on require with the
 * project's TypeScript, no type check (jest already has it), CommonJS out.
 *
 *     node tests/helpers/ts-child.js scan https://our.site --data-dir …
 *
 * Test-only: the shipped CLI (bin/rlg.js) runs the compiled build/node.
 */
'use strict';
const crypto = require( 'node:crypto' );
const fs = require( 'node:fs' );
const os = require( 'node:os' );
const path = require( 'node:path' );

// Transpiled files are cached by path, size and mtime: a test spawns the
// CLI several times and should pay for the transpilation once.
const CACHE = path.join( os.tmpdir(), 'rlg-ts-child-cache' );
fs.mkdirSync( CACHE, { recursive: true } );
let ts;

function transpile( filename ) {
	const stat = fs.statSync( filename );
	const key = crypto
		.createHash( 'sha1' )
		.update( `${ filename }|${ stat.size }|${ stat.mtimeMs }` )
		.digest( 'hex' );
	const cached = path.join( CACHE, `${ key }.js` );
	if ( fs.existsSync( cached ) ) {
		return fs.readFileSync( cached, 'utf8' );
	}
	ts ??= require( 'typescript' );
	const { outputText } = ts.transpileModule(
		fs.readFileSync( filename, 'utf8' ),
		{
			fileName: filename,
			compilerOptions: {
				module: ts.ModuleKind.CommonJS,
				target: ts.ScriptTarget.ES2022,
				esModuleInterop: true,
				jsx: ts.JsxEmit.ReactJSX,
			},
		}
	);
	// Written under a unique name, then renamed: parallel children never
	// read a half-written file.
	const temporary = `${ cached }.${ process.pid }`;
	fs.writeFileSync( temporary, outputText );
	fs.renameSync( temporary, cached );
	return outputText;
}

require.extensions[ '.ts' ] = ( module, filename ) => {
	module._compile( transpile( filename ), filename );
};

require( path.join( __dirname, '..', '..', 'src', 'service', 'cli.ts' ) ).main(
	process.argv.slice( 2 )
);
