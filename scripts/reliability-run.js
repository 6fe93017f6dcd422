#!/usr/bin/env node
'use strict';
/**
 * `npm run test:reliability`: every suite behind docs/reliability.md, into
 * one figures directory: the WordPress end-to-end ones first (the
 * publishing lock through each path, the check budget), then the service
 * ones, whose jest global teardown writes the document from all the
 * figures (scripts/reliability-report.js). Exits non-zero when either run
 * failed. Extra arguments go to both jest runs (e.g. --silent).
 */
const { spawnSync } = require( 'node:child_process' );
const fs = require( 'node:fs' );
const os = require( 'node:os' );
const path = require( 'node:path' );

const ROOT = path.join( __dirname, '..' );
const JEST = path.join( ROOT, 'node_modules', '.bin', 'jest' );

/** The service-side suites (the default jest config). */
const UNIT = [
	'tests/reliability',
	'tests/core/fuzz.test.ts',
	'tests/service/fetch-hostile.test.ts',
	'tests/service/bounded-results.test.ts',
	'tests/service/analysis-bounded.test.ts',
	'tests/service/server-limits.test.ts',
	'tests/service/render-websocket.test.ts',
	'tests/service/store-corruption.test.ts',
];

/** The WordPress suites (jest.e2e.config.js). */
const E2E = [
	'tests/e2e/publish-lock.e2e.ts',
	'tests/e2e/check-budget.e2e.ts',
];

const extra = process.argv.slice( 2 );
const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-figures-' ) );
const env = { ...process.env, RLG_RELIABILITY_DIR: dir };
const run = ( args ) =>
	spawnSync( JEST, [ ...args, ...extra ], {
		cwd: ROOT,
		env,
		stdio: 'inherit',
	} ).status ?? 1;
let status = 1;
try {
	// Both run whatever the first did: the document needs all figures.
	const e2e = run( [ '-c', 'jest.e2e.config.js', ...E2E ] );
	const unit = run( UNIT );
	status = e2e || unit;
} finally {
	fs.rmSync( dir, { recursive: true, force: true } );
}
process.exit( status );
