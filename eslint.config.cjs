/**
 * ESLint flat config: the @wordpress/scripts defaults, plus what a strict
 * TypeScript code base needs. Types document parameters, so the JSDoc
 * @param/@return requirements would only duplicate them.
 */
const wpPlugin = require( '@wordpress/eslint-plugin' );

module.exports = [
	{
		ignores: [
			'**/build/**',
			'**/node_modules/**',
			'**/vendor/**',
			'bench/results/**',
			'tests/e2e/artifacts/**',
			'.wp/**',
		],
	},
	...wpPlugin.configs.recommended,
	...wpPlugin.configs[ 'test-unit' ].map( ( c ) => ( {
		...c,
		files: [ 'tests/**/*.{js,ts,tsx}' ],
	} ) ),
	{
		rules: {
			'jsdoc/require-param': 'off',
			'jsdoc/require-param-type': 'off',
			'jsdoc/require-returns-type': 'off',
			'jsdoc/check-param-names': 'off',
			'jsdoc/require-returns': 'off',
			'no-console': 'off',
			'@wordpress/no-unsafe-wp-apis': 'off',
		},
	},
	{
		files: [
			'src/service/**',
			'src/core/**',
			'scripts/**',
			'bench/**',
			'tests/**',
			'bin/**',
		],
		rules: {
			// Node code: imports resolve through TypeScript, not webpack.
			'import/no-extraneous-dependencies': 'off',
			'import/no-unresolved': 'off',
		},
	},
];
