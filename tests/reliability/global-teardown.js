/**
 * Jest global teardown: docs/reliability.md from the figures of this run,
 * when it included every reliability suite (see scripts/reliability-report.js).
 * A partial run leaves the document alone and says so.
 */
'use strict';
const fs = require( 'node:fs' );
const path = require( 'node:path' );
const {
	SUITES,
	writeReliabilityReport,
} = require( '../../scripts/reliability-report' );

module.exports = async function reliabilityTeardown() {
	const dir = process.env.RLG_RELIABILITY_DIR;
	if ( ! dir ) {
		return;
	}
	// The jest parent process counts too (it holds every suite's results).
	const ownPeak = process.resourceUsage().maxRSS * 1024;
	const missing = writeReliabilityReport( dir, undefined, ownPeak );
	if ( missing.length === 0 ) {
		process.stdout.write(
			`\nreliability: wrote ${ path.join( 'docs', 'reliability.md' ) }\n`
		);
	} else if ( missing.length < Object.keys( SUITES ).length ) {
		process.stdout.write(
			`\nreliability: docs/reliability.md not regenerated (no figures from ${ missing.join(
				', '
			) })\n`
		);
	}
	if ( process.env.RLG_RELIABILITY_DIR_OWNED ) {
		fs.rmSync( dir, { recursive: true, force: true } );
	}
};
