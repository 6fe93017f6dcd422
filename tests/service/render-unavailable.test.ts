/**
 * `--render` from the installed package: playwright-core is a development
 * dependency, so an installed rlg may lack it. The rendered check then
 * fails with a sentence saying how to add it, not a stack trace.
 */
import { isRlgError } from '../../src/service/errors';
import {
	loadPlaywright,
	PLAYWRIGHT_MISSING,
} from '../../src/service/verdicts/render';

describe( 'rendered checks without playwright-core', () => {
	it( 'says how to install it when the module is missing', async () => {
		const missing = Object.assign(
			new Error( "Cannot find module 'playwright-core'" ),
			{ code: 'MODULE_NOT_FOUND' }
		);
		const error = await loadPlaywright( () =>
			Promise.reject( missing )
		).catch( ( thrown: unknown ) => thrown );
		expect( isRlgError( error, 'ERR_RENDER_UNAVAILABLE' ) ).toBe( true );
		expect( ( error as Error ).message ).toBe( PLAYWRIGHT_MISSING );
		expect( PLAYWRIGHT_MISSING ).toContain(
			'npm install -g playwright-core'
		);
	} );

	it( 'passes other failures on as they are', async () => {
		const other = new Error( 'broken install' );
		await expect(
			loadPlaywright( () => Promise.reject( other ) )
		).rejects.toBe( other );
	} );

	it( 'loads the real module where it is installed (this repository)', async () => {
		const playwright = await loadPlaywright();
		expect( typeof playwright.chromium.launchPersistentContext ).toBe(
			'function'
		);
	} );
} );
