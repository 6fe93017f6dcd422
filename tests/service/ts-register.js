/**
 * Lets a child `node` process run the TypeScript sources (for tests that
 * must signal or kill a real process): `node -r ./tests/service/ts-register.js …`.
 * Each .ts file is transpiled on require, without type checking; the output
 * is cached on disk by content hash, so only the first child pays for it.
 */
const crypto = require( 'node:crypto' );
const fs = require( 'node:fs' );
const os = require( 'node:os' );
const path = require( 'node:path' );

const CACHE = path.join( os.tmpdir(), 'rlg-ts-register-cache' );
let ts;

function transpile( source, filename ) {
	const hash = crypto
		.createHash( 'sha256' )
		.update( filename )
		.update( '\0' )
		.update( source )
		.digest( 'hex' );
	const cached = path.join( CACHE, `${ hash }.js` );
	try {
		return fs.readFileSync( cached, 'utf8' );
	} catch {
		// Not cached yet.
	}
	ts ??= require( 'typescript' );
	const { outputText } = ts.transpileModule( source, {
		fileName: filename,
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2022,
			esModuleInterop: true,
		},
	} );
	fs.mkdirSync( CACHE, { recursive: true } );
	// Write then rename: parallel children never read half a file.
	const temporary = `${ cached }.${ process.pid }.tmp`;
	fs.writeFileSync( temporary, outputText );
	fs.renameSync( temporary, cached );
	return outputText;
}

require.extensions[ '.ts' ] = ( module, filename ) => {
	module._compile(
		transpile( fs.readFileSync( filename, 'utf8' ), filename ),
		filename
	);
};
