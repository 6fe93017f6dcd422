/**
 * Settings → Reciprocal Link Guard through the browser: values are
 * validated field by field with notices that name the field, good values
 * are stored with their types, the wp-config.php key is read-only, and only
 * administrators get in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openSession, screenshot, type Session } from './harness/browser';
import { NEVER_CRITICAL_CODES } from '../../src/core/findings';
import { readState } from './harness/state';
import {
	pluginOptions,
	replacePluginOptions,
	setPluginOptions,
	wpJson,
} from './harness/wordpress';

const PAGE = '/wp-admin/options-general.php?page=reciprocal-link-guard';

function storedOptions(): Record< string, unknown > | null {
	return pluginOptions();
}

describe( 'the settings page', () => {
	const state = readState();
	let admin: Session;
	let original: Record< string, unknown > | null;

	beforeAll( async () => {
		admin = await openSession( 'admin' );
		original = storedOptions();
		// Other specs share this WordPress: start from the connection only.
		replacePluginOptions(
			state.service
				? {
						serviceUrl: state.service.url,
						siteKey: state.service.siteKey,
					}
				: null
		);
	} );

	afterAll( async () => {
		replacePluginOptions( original );
		await admin?.close();
	} );

	it( 'keeps a bad value, says which field, and saves the others', async () => {
		const { page } = admin;
		await page.goto( PAGE );
		await page.fill(
			'#rlg-keywords',
			'organic gardening tips\ncompost\n\ncompost'
		);
		await page.fill( '#rlg-minRelevance', '2' );
		await page.fill( '#rlg-velocityWindowDays', '14.5' );
		await page.fill(
			'#rlg-alternateUrls',
			'https://www.example.test\nnot a url'
		);
		await page.click( '#submit' );
		await page.waitForURL( /settings-updated=true/ );

		const notices = await page
			.locator( '.notice-error, .error' )
			.allTextContents();
		const text = notices.join( '\n' );
		expect( text ).toContain(
			'Minimum relevance: enter a number from 0 to 1'
		);
		expect( text ).toContain(
			'Exchange window (days): enter a whole number from 1 to 365'
		);
		expect( text ).toContain(
			'Alternate site URLs: "not a url" is not an http:// or https:// address'
		);
		expect( text ).not.toContain( 'Settings saved.' );
		await screenshot( page, 'settings-validation' );

		const stored = storedOptions() || {};
		expect( stored.keywords ).toEqual( [
			'organic gardening tips',
			'compost',
		] );
		expect( stored.minRelevance ).toBe( 0.08 );
		expect( stored.velocityWindowDays ).toBe( 30 );
		expect( stored.alternateUrls ).toEqual( [
			'https://www.example.test/',
		] );
		expect( admin.errors ).toEqual( [] );
	} );

	it( 'stores good values with their types and the blocking choices', async () => {
		const { page } = admin;
		await page.goto( PAGE );
		await page.fill( '#rlg-minRelevance', '0.15' );
		await page.fill( '#rlg-maxReciprocalPartners', '7' );
		await page.check( '#rlg-blockPublishing' );
		await page.check( 'input[value="homepage-swap"]' );
		await page.check( 'input[value="hidden-link-ours"]' );
		await page.click( '#submit' );
		await page.waitForURL( /settings-updated=true/ );
		expect(
			await page
				.locator( '#setting-error-settings_updated' )
				.textContent()
		).toContain( 'Settings saved.' );
		expect( storedOptions() ).toMatchObject( {
			minRelevance: 0.15,
			maxReciprocalPartners: 7,
			blockPublishing: true,
			blockingCodes: [ 'homepage-swap', 'hidden-link-ours' ],
		} );

		// Unchecking everything turns blocking off again.
		await page.uncheck( '#rlg-blockPublishing' );
		await page.uncheck( 'input[value="homepage-swap"]' );
		await page.uncheck( 'input[value="hidden-link-ours"]' );
		await page.click( '#submit' );
		await page.waitForURL( /settings-updated=true/ );
		expect( storedOptions() ).toMatchObject( {
			blockPublishing: false,
			blockingCodes: [],
		} );
	} );

	it( 'offers only findings that can be critical as blocking, and says why the others are greyed out', async () => {
		const { page } = admin;
		await page.goto( PAGE );
		for ( const code of NEVER_CRITICAL_CODES ) {
			const box = page.locator( `input[value="${ code }"]` );
			expect( await box.isDisabled() ).toBe( true );
			expect( await box.getAttribute( 'name' ) ).toBeNull();
		}
		expect(
			await page
				.locator( 'input[value="exact-match-anchor-both"]' )
				.isDisabled()
		).toBe( false );
		expect(
			await page.locator( '#rlg-never-critical-note' ).textContent()
		).toContain( 'Never critical, so they never block' );
		await page
			.locator( '#rlg-never-critical-note' )
			.scrollIntoViewIfNeeded();
		await page
			.locator( '#rlg-never-critical-note' )
			.locator( '..' )
			.screenshot( {
				path: path.join(
					readState().artifactsDir,
					'settings-blocking-codes.png'
				),
			} );
		// A stored never-critical code (an older version offered them) is dropped on save.
		setPluginOptions( {
			blockingCodes: [ 'generic-anchor', 'homepage-swap' ],
		} );
		await page.goto( PAGE );
		await page.click( '#submit' );
		await page.waitForURL( /settings-updated=true/ );
		expect( storedOptions()?.blockingCodes ).toEqual( [ 'homepage-swap' ] );
		setPluginOptions( { blockingCodes: [] } );
		expect( admin.errors ).toEqual( [] );
	} );

	it( 'keeps the saved key when the key field is left empty, and never shows it', async () => {
		const { page } = admin;
		setPluginOptions( { siteKey: 'a'.repeat( 64 ) } );
		await page.goto( PAGE );
		expect( await page.locator( '#rlg-siteKey' ).inputValue() ).toBe( '' );
		expect( await page.content() ).not.toContain( 'a'.repeat( 64 ) );
		await page.click( '#submit' );
		await page.waitForURL( /settings-updated=true/ );
		expect( storedOptions()?.siteKey ).toBe( 'a'.repeat( 64 ) );
	} );

	it( 'shows a key from wp-config.php as read-only and uses it', async () => {
		const muPlugin = path.join(
			state.siteDir,
			'wp-content',
			'mu-plugins',
			'rlg-e2e-key.php'
		);
		fs.writeFileSync(
			muPlugin,
			`<?php define( 'RLG_SITE_KEY', '${ 'c'.repeat( 64 ) }' );\n`
		);
		try {
			const { page } = admin;
			await page.goto( PAGE );
			const field = page.locator( '#rlg-siteKey' );
			expect( await field.inputValue() ).toBe( 'set in wp-config.php' );
			expect( await field.getAttribute( 'readonly' ) ).not.toBeNull();
			// Not part of the form: saving cannot overwrite the constant or store it.
			expect( await field.getAttribute( 'name' ) ).toBeNull();
			expect(
				wpJson(
					`echo wp_json_encode( ReciprocalLinkGuard\\Options::site_key() );`
				)
			).toBe( 'c'.repeat( 64 ) );
			await screenshot( page, 'settings-key-from-wp-config' );
		} finally {
			fs.rmSync( muPlugin, { force: true } );
		}
	} );

	it( 'says whether the service answers', async () => {
		const { page } = admin;
		setPluginOptions( { serviceUrl: '', siteKey: '' } );
		await page.goto( PAGE );
		expect(
			await page.locator( '.rlg-settings .notice-warning' ).textContent()
		).toContain( 'Not connected' );
		if ( ! state.service ) {
			throw new Error(
				`No link check service: ${ state.serviceProblem }`
			);
		}
		setPluginOptions( {
			serviceUrl: state.service.url,
			siteKey: state.service.siteKey,
		} );
		await page.goto( PAGE );
		expect(
			await page.locator( '.rlg-settings .notice-success' ).textContent()
		).toContain(
			`Connected to the link check service at ${ state.service.url }.`
		);
		await screenshot( page, 'settings', { fullPage: false, docs: true } );
	} );

	it.each( [ 'editor', 'subscriber' ] )(
		'is closed to the %s role',
		async ( role ) => {
			const session = await openSession( role );
			try {
				const response = await session.page.goto( PAGE );
				expect( response?.status() ).toBe( 403 );
				expect( await session.page.content() ).toContain(
					'Sorry, you are not allowed to access this page.'
				);
			} finally {
				await session.close();
			}
		}
	);
} );
