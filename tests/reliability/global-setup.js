/**
 * Jest global setup: a fresh directory for the figures the reliability
 * suites record (RLG_RELIABILITY_DIR, inherited by the test workers), unless
 * the caller chose one.
 */
'use strict';
const fs = require( 'node:fs' );
const os = require( 'node:os' );
const path = require( 'node:path' );

module.exports = async function reliabilitySetup() {
	if ( process.env.RLG_RELIABILITY_DIR ) {
		return;
	}
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-figures-' ) );
	process.env.RLG_RELIABILITY_DIR = dir;
	process.env.RLG_RELIABILITY_DIR_OWNED = '1';
};
