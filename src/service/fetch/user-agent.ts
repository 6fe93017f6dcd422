/**
 * Who we say we are. A descriptive User-Agent with a URL lets a partner's
 * admin find out what is fetching their pages and write a robots.txt group
 * for us (by the product token).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The robots.txt product token. */
export const USER_AGENT_TOKEN = 'ReciprocalLinkGuard';
export const PROJECT_URL = 'https://github.com/reciprocal-link-guard';

/** Our package version, found by walking up from this file (src/ or build/node/). */
function packageVersion(): string {
	let dir = __dirname;
	for ( let depth = 0; depth < 6; depth++ ) {
		try {
			const manifest = JSON.parse(
				readFileSync( join( dir, 'package.json' ), 'utf8' )
			) as { name?: string; version?: string };
			if (
				manifest.name === 'reciprocal-link-guard' &&
				manifest.version
			) {
				return manifest.version;
			}
		} catch {
			// No package.json at this level: keep walking up.
		}
		dir = dirname( dir );
	}
	return '0.0.0';
}

export const VERSION = packageVersion();

export const DEFAULT_USER_AGENT = `${ USER_AGENT_TOKEN }/${ VERSION } (+${ PROJECT_URL }; link checker)`;
