/** Unit and integration tests run against the TypeScript sources through ts-jest. */
module.exports = {
	testEnvironment: 'node',
	roots: [ '<rootDir>/tests' ],
	testMatch: [ '**/*.test.ts' ],
	testPathIgnorePatterns: [ '/node_modules/', '/tests/e2e/' ],
	transform: {
		'^.+\\.tsx?$': [
			'ts-jest',
			{ tsconfig: 'tsconfig.json', diagnostics: false },
		],
	},
	// d3-force (the report's graph layout) and its d3 dependencies ship as
	// ES modules; their UMD builds load in Jest's CommonJS runtime.
	moduleNameMapper: {
		'^d3-(force|quadtree|dispatch|timer)$':
			'<rootDir>/node_modules/d3-$1/dist/d3-$1.js',
	},
	testTimeout: 30000,
	// Figures of the reliability suites -> docs/reliability.md (issue 7).
	globalSetup: '<rootDir>/tests/reliability/global-setup.js',
	globalTeardown: '<rootDir>/tests/reliability/global-teardown.js',
};
