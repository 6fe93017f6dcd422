/**
 * Stops everything global setup started (WordPress's php -S group, the
 * service's group, Chromium) and removes the temporary directory unless
 * RLG_E2E_KEEP is set (to look at the site and logs after a failure).
 */
import fs from 'node:fs';

export default async function globalTeardown(): Promise< void > {
	const globals = globalThis as Record< string, unknown >;
	const browser = globals.__RLG_E2E_BROWSER__ as
		{ close: () => Promise< void > } | undefined;
	if ( browser ) {
		await browser.close();
		globals.__RLG_E2E_BROWSER__ = undefined;
	}
	const cleanup =
		( globals.__RLG_E2E_CLEANUP__ as Array< () => void > ) ?? [];
	for ( const stop of cleanup.reverse() ) {
		stop();
	}
	globals.__RLG_E2E_CLEANUP__ = [];
	const tmpDir = globals.__RLG_E2E_TMP__ as string | undefined;
	if ( tmpDir && ! process.env.RLG_E2E_KEEP ) {
		fs.rmSync( tmpDir, { recursive: true, force: true } );
	} else if ( tmpDir ) {
		process.stdout.write( `e2e: kept ${ tmpDir } (RLG_E2E_KEEP)\n` );
	}
}
