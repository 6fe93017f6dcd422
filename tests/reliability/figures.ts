/**
 * Figures for docs/reliability.md. Each reliability suite records what it
 * measured (requests held, faults survived, inputs tried, rows lost, peak
 * RSS) as one JSON file in $RLG_RELIABILITY_DIR; the jest global teardown
 * (tests/reliability/global-teardown.js) turns the files into the document.
 * Without the variable (a single suite run by hand) nothing is written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Peak resident set size of this process so far, in bytes. */
export function peakRssBytes(): number {
	// maxRSS is in kilobytes and covers the whole life of the jest worker.
	return Math.max(
		process.resourceUsage().maxRSS * 1024,
		process.memoryUsage().rss
	);
}

export function recordFigures( name: string, figures: object ): void {
	const dir = process.env.RLG_RELIABILITY_DIR;
	if ( ! dir ) {
		return;
	}
	mkdirSync( dir, { recursive: true } );
	writeFileSync(
		join( dir, `${ name }.json` ),
		JSON.stringify( { ...figures, peakRssBytes: peakRssBytes() }, null, 2 )
	);
}
