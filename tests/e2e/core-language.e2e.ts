/**
 * Dutch for WordPress itself, as the demo gets it: Debian's wordpress-l10n
 * core files (nl_NL.mo) installed into wp-content/languages by
 * prepareSite( { coreLanguages: true } ) (scripts/wp/core-languages.js;
 * the package file is fetched with `apt-get download` when it is not
 * installed). Then Settings → General offers "Nederlands" as Site Language,
 * and choosing it the normal way turns WordPress and the plugin Dutch.
 */
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import * as wp from '../../scripts/wp/lib';
import { login, screenshot } from './harness/browser';
import { readState } from './harness/state';

describe( 'Dutch core language in the local WordPress', () => {
	let siteUrl: string;
	let serverPid = 0;
	let browser: Browser;
	let page: Page;
	const notes: string[] = [];
	const errors: string[] = [];

	beforeAll( async () => {
		const state = readState();
		const port = await wp.freePort();
		siteUrl = `http://localhost:${ port }`;
		const siteDir = path.join( state.tmpDir, 'core-language-wordpress' );
		wp.prepareSite( {
			siteDir,
			url: siteUrl,
			coreLanguages: true,
			log: ( line: string ) => notes.push( line ),
		} );
		const server = await wp.startServer( {
			siteDir,
			port,
			url: siteUrl,
			logFile: path.join( state.tmpDir, 'core-language-php.log' ),
		} );
		serverPid = server.pid;
		browser = await chromium.connect( state.browserWsEndpoint );
		const context = await browser.newContext( {
			baseURL: siteUrl,
			viewport: { width: 1280, height: 900 },
			locale: 'en-US',
		} );
		await context.route(
			( url ) => ! [ '127.0.0.1', 'localhost' ].includes( url.hostname ),
			( route ) => route.abort( 'internetdisconnected' )
		);
		page = await context.newPage();
		page.on( 'pageerror', ( error ) => errors.push( error.message ) );
		await login( page, { ...state, wpUrl: siteUrl }, 'admin' );
	}, 120000 );

	afterAll( async () => {
		await browser?.close();
		if ( serverPid ) {
			wp.stopProcessGroup( serverPid );
		}
	} );

	it( 'installs nl_NL.mo and says so', () => {
		expect( notes.join( '\n' ) ).toContain(
			"Dutch for WordPress itself (nl_NL.mo from Debian's wordpress-l10n)"
		);
	} );

	it( 'Settings → General offers Nederlands, and choosing it turns WordPress and the plugin Dutch', async () => {
		await page.goto( '/wp-admin/options-general.php' );
		const language = page.locator( '#WPLANG' );
		await expect(
			language.locator( 'option[value="nl_NL"]' ).textContent()
		).resolves.toBe( 'Nederlands' );
		await language.selectOption( 'nl_NL' );
		await page.locator( '#submit' ).click();
		await page.waitForLoadState( 'load' );
		await expect( page.locator( '#WPLANG' ).inputValue() ).resolves.toBe(
			'nl_NL'
		);
		await expect(
			page.locator( 'h1' ).first().textContent()
		).resolves.toBe( 'Instellingen | Algemeen' );
		await screenshot( page, 'core-language-general-nl_NL', {
			fullPage: false,
		} );
		await page.goto(
			'/wp-admin/options-general.php?page=reciprocal-link-guard'
		);
		await expect(
			page.getByRole( 'heading', { name: 'E-mailoverzicht' } ).count()
		).resolves.toBe( 1 );
		expect( errors ).toEqual( [] );
	} );
} );
