/**
 * End-to-end tests: a real WordPress (Debian PHP + SQLite), the plugin, the
 * link check service and headless Debian Chromium, started once by global
 * setup. One spec at a time: they share the WordPress and the browser.
 */
module.exports = {
	testEnvironment: 'node',
	roots: [ '<rootDir>/tests/e2e' ],
	testMatch: [ '<rootDir>/tests/e2e/**/*.e2e.ts' ],
	transform: {
		'^.+\\.tsx?$': [
			'ts-jest',
			{ tsconfig: 'tsconfig.json', diagnostics: false },
		],
	},
	globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
	globalTeardown: '<rootDir>/tests/e2e/global-teardown.ts',
	maxWorkers: 1,
	testTimeout: 120000,
	slowTestThreshold: 30,
};
