/**
 * Loads an ESM-only package (parse5 8, linkinator 6) from compiled CommonJS.
 * tsc would turn a plain `import()` into `require()`, which cannot load
 * ESM on Node 20, so the import expression is built at run time.
 */
// A real dynamic import, see above.
const dynamicImport = new Function(
	'specifier',
	'return import( specifier )'
) as < T >( specifier: string ) => Promise< T >;

export function importEsm< T >( specifier: string ): Promise< T > {
	return dynamicImport< T >( specifier );
}
