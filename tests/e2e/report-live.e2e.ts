/**
 * The report page on real data: a WordPress whose published posts link to
 * the four local partner sites (tests/e2e/harness/partners.ts), scanned by
 * the real service from the page's "Scan now", then filtered, opened, noted
 * and exported, and summed up in the dashboard widget.
 *
 * The service scans the site over its REST API, through the SSRF guard, so
 * the site must have a host name the `--resolve` map can send to loopback:
 * this spec runs its own WordPress at http://localhost:PORT and its own
 * service (the shared e2e WordPress is addressed by IP, which the guard
 * refuses by design).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type Page,
} from 'playwright-core';
import * as wp from '../../scripts/wp/lib';
import { startPartnerWeb, type PartnerWeb } from '../helpers/partner-web';
import { login, screenshot } from './harness/browser';
import { PARTNER_KEYWORD, partnerRoutes } from './harness/partners';
import {
	cliHasCommand,
	registerSite,
	startService,
	stopGroup,
	type StartedService,
} from './harness/processes';
import { readState, ROOT, type E2eState } from './harness/state';

const REPORT = '/wp-admin/tools.php?page=reciprocal-link-guard-report';
const canRun = cliHasCommand( 'serve' ) && cliHasCommand( 'sites' );

function php( siteDir: string, url: string, code: string ): string {
	return wp.wpEval( siteDir, code, { url } );
}

function publish(
	siteDir: string,
	url: string,
	title: string,
	content: string
): number {
	const json = Buffer.from( JSON.stringify( { title, content } ) ).toString(
		'base64'
	);
	return Number(
		php(
			siteDir,
			url,
			`$f = json_decode( base64_decode( '${ json }' ), true );
			echo wp_insert_post( array( 'post_author' => 1, 'post_status' => 'publish', 'post_title' => $f['title'], 'post_content' => $f['content'] ) );`
		).trim()
	);
}

( canRun ? describe : describe.skip )( 'the report page on a real scan', () => {
	let state: E2eState;
	let siteUrl: string;
	let siteDir: string;
	let wpPid = 0;
	let web: PartnerWeb;
	let service: StartedService | null = null;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	const errors: string[] = [];

	beforeAll( async () => {
		state = readState();
		const port = await wp.freePort();
		siteUrl = `http://localhost:${ port }`;
		siteDir = path.join( state.tmpDir, 'report-live-wordpress' );
		wp.prepareSite( { siteDir, url: siteUrl } );
		const server = await wp.startServer( {
			siteDir,
			port,
			url: siteUrl,
			logFile: path.join( state.tmpDir, 'report-live-php.log' ),
		} );
		wpPid = server.pid;

		web = await startPartnerWeb( partnerRoutes( siteUrl ) );
		const servicePort = await wp.freePort();
		const dataDir = path.join( state.tmpDir, 'report-live-service' );
		service = await startService( {
			port: servicePort,
			dataDir,
			logFile: path.join( state.tmpDir, 'report-live-service.log' ),
			resolve: [ ...web.resolveEntries, `localhost:${ port }:127.0.0.1` ],
		} );
		const siteKey = registerSite( `${ siteUrl }/`, dataDir );
		const options = Buffer.from(
			JSON.stringify( { serviceUrl: service.url, siteKey } )
		).toString( 'base64' );
		php(
			siteDir,
			siteUrl,
			`$v = json_decode( base64_decode( '${ options }' ), true );
				$c = get_option( 'rlg_settings', array() );
				update_option( 'rlg_settings', array_merge( is_array( $c ) ? $c : array(), $v, array( 'keywords' => array( '${ PARTNER_KEYWORD }' ) ) ) );`
		);

		const link = ( name: string, pathname: string, anchor: string ) =>
			`<a href="${ web.url( name, pathname ) }">${ anchor }</a>`;
		publish(
			siteDir,
			siteUrl,
			'Starting a compost heap',
			`<!-- wp:paragraph --><p>Turn the heap every two weeks. ${ link(
				'natural.test',
				'/guide',
				'Natural Growers explain it well'
			) }.</p><!-- /wp:paragraph -->`
		);
		publish(
			siteDir,
			siteUrl,
			'Where we buy supplies',
			`<!-- wp:paragraph --><p>Our tools come from ${ link(
				'footer-swap.test',
				'/',
				PARTNER_KEYWORD
			) } and seeds from ${ link(
				'no-backlink.test',
				'/',
				'the seed catalogue'
			) }.</p><!-- /wp:paragraph -->`
		);
		publish(
			siteDir,
			siteUrl,
			'Friends of the blog',
			`<!-- wp:paragraph --><p>Say hello to ${ link(
				'off-topic.test',
				'/',
				'our friends'
			) }.</p><!-- /wp:paragraph -->`
		);

		browser = await chromium.connect( state.browserWsEndpoint );
		context = await browser.newContext( {
			baseURL: siteUrl,
			viewport: { width: 1400, height: 1000 },
			locale: 'en-US',
		} );
		await context.route(
			( url ) => ! [ '127.0.0.1', 'localhost' ].includes( url.hostname ),
			( route ) => route.abort( 'internetdisconnected' )
		);
		page = await context.newPage();
		page.on( 'pageerror', ( error ) => errors.push( error.message ) );
		page.on( 'console', ( message ) => {
			if (
				message.type() === 'error' &&
				! message.text().includes( 'ERR_INTERNET_DISCONNECTED' )
			) {
				errors.push( message.text() );
			}
		} );
		await login( page, { ...state, wpUrl: siteUrl }, 'admin' );
	}, 90000 );

	afterAll( async () => {
		await context?.close();
		await browser?.close();
		if ( service ) {
			stopGroup( service.pid );
		}
		await web?.close();
		if ( wpPid ) {
			wp.stopProcessGroup( wpPid );
		}
	} );

	it( 'starts empty, scans from "Scan now" and shows every partner with its status', async () => {
		await page.goto( REPORT );
		await page
			.getByText( 'No partners yet. Run a scan' )
			.waitFor( { timeout: 20000 } );
		await page.getByRole( 'button', { name: 'Scan now' } ).click();
		await page.locator( '.rlg-scan-last' ).waitFor( { timeout: 90000 } );
		await expect(
			page.locator( '.rlg-scan-last' ).textContent()
		).resolves.toContain( 'Finished' );
		await page.waitForFunction(
			() =>
				document.querySelectorAll( '.rlg-partners tbody .rlg-domain' )
					.length === 4,
			null,
			{ timeout: 20000 }
		);
		const rows = await page.evaluate( () =>
			Array.from(
				document.querySelectorAll( '.rlg-partners tbody tr' ),
				( row ) => [
					row.querySelector( '.rlg-domain' )?.textContent,
					row.querySelector( '.rlg-badge' )?.textContent,
				]
			)
		);
		expect( rows ).toEqual( [
			[ 'footer-swap.test', 'links back' ],
			[ 'natural.test', 'links back' ],
			[ 'no-backlink.test', 'no link to us' ],
			[ 'off-topic.test', 'links back' ],
		] );
		const cards = await page.locator( '.rlg-card' ).allTextContents();
		expect( cards[ 0 ] ).toMatch( /^4Partner domains/ );
		expect( cards[ 1 ] ).toMatch( /^3Link back/ );
		await screenshot( page, 'report-live', { docs: true } );
		expect( errors ).toEqual( [] );
	} );

	it( 'filters the real table by placement of their link', async () => {
		await page
			.getByLabel( 'Their link placed in' )
			.selectOption( 'footer' );
		await page.waitForFunction(
			() =>
				Array.from(
					document.querySelectorAll(
						'.rlg-partners tbody .rlg-domain'
					),
					( el ) => el.textContent
				).join( ',' ) === 'footer-swap.test'
		);
		expect( page.url() ).toContain( 'placement=footer' );
		await page.getByLabel( 'Status' ).selectOption( 'no-link' );
		await page.waitForFunction(
			() =>
				Array.from(
					document.querySelectorAll(
						'.rlg-partners tbody .rlg-domain, .rlg-partners tbody .no-items'
					),
					( el ) => el.textContent
				).join( ',' ) ===
				'No partner matches these filters. Clear the filters'
		);
		await page.getByRole( 'button', { name: 'Clear the filters' } ).click();
		await page.waitForFunction(
			() =>
				document.querySelectorAll( '.rlg-partners tbody .rlg-domain' )
					.length === 4
		);
		expect( page.url() ).not.toContain( 'placement=' );
		expect( errors ).toEqual( [] );
	} );

	it( 'opens a partner, saves a note through the service and still has it after a reload', async () => {
		await page
			.getByRole( 'button', {
				name: 'Open the details of footer-swap.test',
			} )
			.click();
		await page.locator( '.rlg-links-table' ).first().waitFor();
		const detail = page.locator( '.rlg-detail' );
		await expect( detail.textContent() ).resolves.toContain(
			'Where we buy supplies'
		);
		await expect( detail.textContent() ).resolves.toContain(
			PARTNER_KEYWORD
		);
		const note =
			'Swapped footer links with the shop in 2024; asked them to move it into a review.';
		await page.getByLabel( 'Add a note' ).fill( note );
		await page.getByRole( 'button', { name: 'Save note' } ).click();
		await page
			.locator( '.rlg-log__entry', { hasText: 'Swapped footer links' } )
			.waitFor();
		await page.reload();
		const entry = page.locator( '.rlg-log__entry', {
			hasText: 'Swapped footer links',
		} );
		await entry.waitFor( { timeout: 20000 } );
		// The author is the logged-in user, set by WordPress, not the browser.
		await expect(
			entry.locator( '.rlg-log__meta strong' ).textContent()
		).resolves.toBe( 'admin' );
		await screenshot( page, 'report-live-partner', { docs: true } );
		expect( errors ).toEqual( [] );
	} );

	it( '"Check again" fetches one partner again and shows its new detail', async () => {
		const detailUrl = ( url: string ) =>
			url.includes( 'partners/footer-swap.test' );
		const opened = page.waitForResponse(
			( r ) => detailUrl( r.url() ) && r.request().method() === 'GET'
		);
		await page.goto( `${ REPORT }&partner=footer-swap.test` );
		const before = ( await ( await opened ).json() ) as {
			partner: { lastChecked: string };
		};
		const button = page.getByRole( 'button', { name: 'Check again' } );
		await button.waitFor();
		const checked = page.waitForResponse(
			( r ) =>
				detailUrl( r.url() ) &&
				r.url().includes( '/check' ) &&
				r.request().method() === 'POST'
		);
		await button.click();
		const response = await checked;
		expect( response.status() ).toBe( 200 );
		const after = ( await response.json() ) as {
			partner: { lastChecked: string; status: string };
		};
		// Fetched now, not served from the stored result of the scan.
		expect( Date.parse( after.partner.lastChecked ) ).toBeGreaterThan(
			Date.parse( before.partner.lastChecked )
		);
		expect( after.partner.status ).toBe( 'links-back' );
		await page
			.getByRole( 'button', { name: 'Check again' } )
			.and( page.locator( ':not([aria-disabled="true"])' ) )
			.waitFor();
		await screenshot( page, 'report-partner-check-again' );
		expect( errors ).toEqual( [] );
	} );

	it( "writes dates in the site's date format, not the browser's", async () => {
		php(
			siteDir,
			siteUrl,
			`update_option( 'date_format', 'd/m/Y' ); update_option( 'time_format', 'H:i' );`
		);
		await page.goto( `${ REPORT }&partner=footer-swap.test` );
		const firstSeen = page
			.locator( '.rlg-facts div', { hasText: 'First seen' } )
			.locator( 'dd' );
		await firstSeen.waitFor();
		const today = new Date();
		const pad = ( n: number ) => String( n ).padStart( 2, '0' );
		// The site's timezone is UTC (WordPress's default).
		expect( await firstSeen.textContent() ).toBe(
			`${ pad( today.getUTCDate() ) }/${ pad(
				today.getUTCMonth() + 1
			) }/${ today.getUTCFullYear() }`
		);
		php(
			siteDir,
			siteUrl,
			`update_option( 'date_format', 'F j, Y' ); update_option( 'time_format', 'g:i a' );`
		);
		expect( errors ).toEqual( [] );
	} );

	it( 'downloads the CSV from the service', async () => {
		await page.goto( REPORT );
		await page.locator( '.rlg-partners tbody tr' ).first().waitFor();
		const [ download ] = await Promise.all( [
			page.waitForEvent( 'download' ),
			page.getByRole( 'button', { name: 'Export CSV' } ).click(),
		] );
		const file = path.join( state.tmpDir, 'report-live.csv' );
		await download.saveAs( file );
		const csv = fs.readFileSync( file, 'utf8' );
		for ( const domain of [
			'footer-swap.test',
			'natural.test',
			'no-backlink.test',
			'off-topic.test',
		] ) {
			expect( csv ).toContain( domain );
		}
		expect( csv ).toContain( 'Swapped footer links' );
		expect( errors ).toEqual( [] );
	} );

	it( 'sums the report up in the dashboard widget', async () => {
		await page.goto( '/wp-admin/index.php' );
		const widget = page.locator( '#rlg_dashboard_widget' );
		await widget.waitFor();
		const counts = await widget
			.locator( '.rlg-widget__counts li' )
			.allTextContents();
		// Most severe first: the critical findings lead, above the
		// all-clear about alerts, which is not green beside them.
		expect( counts[ 0 ] ).toMatch( /^[1-9]\d*\s+critical findings/ );
		expect( counts[ 2 ] ).toMatch( /^4\s+partner domains/ );
		expect( counts[ 3 ] ).toMatch( /^3\s+link back/ );
		const lines = await widget
			.locator( '.rlg-widget > p' )
			.evaluateAll( ( nodes ) =>
				nodes.map( ( node ) => node.className )
			);
		expect( lines.slice( 0, 2 ) ).toEqual( [
			'rlg-widget__critical',
			'rlg-widget__quiet',
		] );
		expect(
			await widget.locator( '.rlg-widget__critical' ).textContent()
		).toMatch( /^\d+ critical findings on links to partners/ );
		expect(
			await widget
				.getByRole( 'link', { name: 'View the report' } )
				.getAttribute( 'href' )
		).toContain( 'tools.php?page=reciprocal-link-guard-report' );
		await widget.screenshot( {
			path: path.join(
				ROOT,
				'docs',
				'screenshots',
				'dashboard-widget.png'
			),
		} );
		expect( errors ).toEqual( [] );
	} );
} );
