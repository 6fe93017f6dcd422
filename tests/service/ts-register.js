/**
 * Lets a child `node` process run the TypeScript sources (for tests that
 * must kill a real process): `node -r ./tests/service/ts-register.js …`.
 * Each .ts file is transpiled on require, without type checking.
 */
const fs = require( 'node:fs' );
const ts = require( 'typescript' );

require.extensions[ '.ts' ] = ( module, filename ) => {
	const { outputText } = ts.transpileModule(
		fs.readFileSync( filename, 'utf8' ),
		{
			fileName: filename,
			compilerOptions: {
				module: ts.ModuleKind.CommonJS,
				target: ts.ScriptTarget.ES2022,
				esModuleInterop: true,
			},
		}
	);
	module._compile( outputText, filename );
};
