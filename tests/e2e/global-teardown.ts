/**
 * Stops everything global setup started (Chromium, the partner sites, the
 * service's process group, WordPress's php -S group) and removes the
 * temporary directory unless RLG_E2E_KEEP is set (to look at the site and
 * the logs after a failure).
 */
import fs from 'node:fs';

type Stop = () => void | Promise< void >;

export default async function globalTeardown(): Promise< void > {
	const globals = globalThis as Record< string, unknown >;
	const cleanup = ( globals.__RLG_E2E_CLEANUP__ as Stop[] ) ?? [];
	// Reverse start order.
	for ( const stop of cleanup.reverse() ) {
		try {
			await stop();
		} catch ( error ) {
			process.stdout.write(
				`e2e: a teardown step failed: ${ ( error as Error ).message }\n`
			);
		}
	}
	globals.__RLG_E2E_CLEANUP__ = [];
	const tmpDir = globals.__RLG_E2E_TMP__ as string | undefined;
	if ( tmpDir && ! process.env.RLG_E2E_KEEP ) {
		fs.rmSync( tmpDir, { recursive: true, force: true } );
	} else if ( tmpDir ) {
		process.stdout.write( `e2e: kept ${ tmpDir } (RLG_E2E_KEEP)\n` );
	}
}
