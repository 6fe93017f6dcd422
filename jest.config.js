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
	testTimeout: 30000,
	// Figures of the reliability suites -> docs/reliability.md (issue 7).
	globalSetup: '<rootDir>/tests/reliability/global-setup.js',
	globalTeardown: '<rootDir>/tests/reliability/global-teardown.js',
};
