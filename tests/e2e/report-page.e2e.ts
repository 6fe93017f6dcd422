/**
 * The report page's behaviour in a real WordPress and browser: summary and
 * alerts, server-side filters/search/sort/pagination, a partner's detail
 * with a log note saved and shown at once, "Scan now" with live progress,
 * the CSV download, keyboard use, and the page when the service is down.
 * The plugin's report routes are answered in the browser by
 * report-fake-service.ts (exact, controllable data); report-live.e2e.ts
 * covers the real service behind them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openSession, screenshot, type Session } from './harness/browser';
import { ROOT } from './harness/state';
import { setPluginOptions, wpPhp } from './harness/wordpress';
import { installFakeService, type FakeService } from './report-fake-service';

const REPORT = '/wp-admin/tools.php?page=reciprocal-link-guard-report';

/** Screenshots for the docs, besides the harness's artifacts. */
/** Waits (bounded) for a condition on the Node side of the test. */
async function until( condition: () => boolean, timeoutMs = 10000 ) {
	const deadline = Date.now() + timeoutMs;
	while ( ! condition() ) {
		if ( Date.now() > deadline ) {
			throw new Error( 'Condition not met in time.' );
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
	}
}

function tableDomains( page: Page ): Promise< string[] > {
	return page.locator( '.rlg-partners tbody .rlg-domain' ).allTextContents();
}

describe( 'the report page (Tools → Reciprocal links)', () => {
	let session: Session;
	let page: Page;
	let service: FakeService;

	beforeAll( async () => {
		session = await openSession( 'admin' );
		page = session.page;
		service = await installFakeService( page, {
			site: session.state.wpUrl,
		} );
		await page.goto( REPORT );
		await page.locator( '.rlg-partners tbody tr' ).first().waitFor();
	} );

	afterAll( async () => {
		await session?.close();
	} );

	it( 'shows alerts first, then the summary with thresholds, then the partner table', async () => {
		const alerts = page.locator( '.rlg-alerts' );
		await expect( alerts.textContent() ).resolves.toContain(
			'oude-partner.nl used to link back to this site and no longer does.'
		);
		await expect( alerts.textContent() ).resolves.toContain(
			'moestuinwinkel.nl moved its link to this site; it is now in the footer.'
		);
		const cards = await page.locator( '.rlg-card' ).allTextContents();
		expect( cards[ 0 ] ).toContain( '12' );
		expect( cards[ 0 ] ).toContain( 'Partner domains' );
		expect( cards[ 1 ] ).toContain( '7Link back' );
		expect( cards[ 2 ] ).toContain( '58%' );
		expect( cards[ 2 ] ).toContain( 'limit 25%' );
		const offTopic = page.locator( '.rlg-findings-summary tr', {
			hasText: 'Off-topic partner',
		} );
		await expect( offTopic.textContent() ).resolves.toContain(
			'relevance below 8%'
		);
		expect( await tableDomains( page ) ).toHaveLength( 12 );
		expect( service.reportRequests[ 0 ].toString() ).toBe( '' );
		await screenshot( page, 'report', { docs: true } );
		expect( session.errors ).toEqual( [] );
	} );

	it( 'filters, searches and sorts on the server and keeps the state in the address', async () => {
		await page.getByLabel( 'Status' ).selectOption( 'links-back' );
		await page.waitForFunction(
			() =>
				document.querySelectorAll( '.rlg-partners tbody tr' ).length ===
				7
		);
		expect(
			service.reportRequests[ service.reportRequests.length - 1 ].get(
				'status'
			)
		).toBe( 'links-back' );
		expect( page.url() ).toContain( 'status=links-back' );

		await page
			.getByLabel( 'Their link placed in' )
			.selectOption( 'footer' );
		await page.waitForFunction(
			() =>
				document.querySelectorAll( '.rlg-partners tbody tr' ).length ===
				2
		);
		expect( ( await tableDomains( page ) ).sort() ).toEqual( [
			'moestuinwinkel.nl',
			'vijveraanleg.nl',
		] );

		await page
			.getByRole( 'searchbox', { name: 'Search partners' } )
			.fill( 'vijver' );
		await page.waitForFunction(
			() =>
				document.querySelectorAll( '.rlg-partners tbody tr' ).length ===
				1
		);
		const last =
			service.reportRequests[ service.reportRequests.length - 1 ];
		expect( last.get( 'search' ) ).toBe( 'vijver' );
		expect( last.get( 'placement' ) ).toBe( 'footer' );

		// Clear everything through the empty state's own control.
		await page
			.getByRole( 'searchbox', { name: 'Search partners' } )
			.fill( 'nothing-matches' );
		await page.getByRole( 'button', { name: 'Clear the filters' } ).click();
		await page.waitForFunction(
			() =>
				document.querySelectorAll( '.rlg-partners tbody tr' ).length ===
				12
		);

		// Sort by findings: worst first on the first click.
		await page.getByRole( 'button', { name: /^Findings/ } ).click();
		await page.waitForFunction(
			() =>
				document.querySelector( '.rlg-partners tbody .rlg-domain' )
					?.textContent === 'casino-bonus.example'
		);
		expect(
			await page
				.locator( 'th.column-findings' )
				.getAttribute( 'aria-sort' )
		).toBe( 'descending' );
		expect( page.url() ).toMatch( /orderBy=findings/ );
		expect( session.errors ).toEqual( [] );
	} );

	it( 'pages through the table on the server', async () => {
		await page.getByLabel( 'Per page' ).selectOption( '10' );
		await page.waitForFunction(
			() =>
				document.querySelectorAll( '.rlg-partners tbody tr' ).length ===
				10
		);
		await expect(
			page.locator( '.rlg-pagination' ).textContent()
		).resolves.toContain( 'Page 1 of 2' );
		await page.getByRole( 'button', { name: 'Next page' } ).click();
		await page.waitForFunction(
			() =>
				document.querySelectorAll( '.rlg-partners tbody tr' ).length ===
				2
		);
		const last =
			service.reportRequests[ service.reportRequests.length - 1 ];
		expect( last.get( 'page' ) ).toBe( '2' );
		expect( last.get( 'perPage' ) ).toBe( '10' );
		expect( page.url() ).toContain( 'paged=2' );
		await page.getByLabel( 'Per page' ).selectOption( '25' );
		await page.waitForFunction(
			() =>
				document.querySelectorAll( '.rlg-partners tbody tr' ).length ===
				12
		);
	} );

	it( 'sorts from the keyboard', async () => {
		const header = page.getByRole( 'button', { name: /^Partner/ } );
		await header.focus();
		await page.keyboard.press( 'Enter' );
		await page.waitForFunction(
			() =>
				document.querySelector( '.rlg-partners tbody .rlg-domain' )
					?.textContent === 'bijenvereniging.nl'
		);
		expect(
			await page.locator( 'th.column-domain' ).getAttribute( 'aria-sort' )
		).toBe( 'ascending' );
		expect( page.url() ).not.toContain( 'orderBy' );
	} );

	it( 'opens a partner with links both ways, history and the log; a saved note shows at once', async () => {
		await page
			.getByRole( 'button', {
				name: 'Open the details of moestuinwinkel.nl',
			} )
			.click();
		const detail = page.locator( '.rlg-detail' );
		await detail.locator( '.rlg-links-table' ).first().waitFor();
		expect(
			await page.locator( 'h2#rlg-detail-title' ).textContent()
		).toContain( 'moestuinwinkel.nl' );
		// Focus moved to the detail's heading for keyboard and screen-reader users.
		expect(
			await page.evaluate(
				() => document.body.ownerDocument.activeElement?.id
			)
		).toBe( 'rlg-detail-title' );
		expect( page.url() ).toContain( 'partner=moestuinwinkel.nl' );
		await expect( detail.textContent() ).resolves.toContain(
			'Our links to moestuinwinkel.nl'
		);
		await expect( detail.textContent() ).resolves.toContain(
			'Rozen snoeien'
		);
		await expect( detail.textContent() ).resolves.toContain(
			'Links from moestuinwinkel.nl to us'
		);
		const timeline = await page
			.locator( '.rlg-timeline__item strong' )
			.allTextContents();
		expect( timeline ).toEqual( [
			'Their link moved',
			'Their link appeared',
			'First checked',
		] );

		const note =
			'Agreed with Petra (owner) on 3 Nov: they sell our seed guide, we link to their shop from the April post.';
		await page.getByLabel( 'Add a note' ).fill( note );
		await page.getByRole( 'button', { name: 'Save note' } ).click();
		await page
			.locator( '.rlg-log__entry', { hasText: 'Agreed with Petra' } )
			.waitFor();
		expect( service.logPosts ).toEqual( [
			{ domain: 'moestuinwinkel.nl', note },
		] );
		expect( await page.getByLabel( 'Add a note' ).inputValue() ).toBe( '' );
		await expect(
			page.locator( '.rlg-log__status' ).textContent()
		).resolves.toBe( 'Note saved.' );
		await screenshot( page, 'report-partner', { docs: true } );

		await page.getByRole( 'button', { name: '← All partners' } ).click();
		await page.locator( '.rlg-partners' ).waitFor();
		expect(
			await page.evaluate( () =>
				document.body.ownerDocument.activeElement?.getAttribute(
					'data-domain'
				)
			)
		).toBe( 'moestuinwinkel.nl' );
		expect( page.url() ).not.toContain( 'partner=' );
		expect( session.errors ).toEqual( [] );
	} );

	it( 'opens a partner from an alert and from a bookmarked address', async () => {
		await page
			.getByRole( 'button', { name: 'Review oude-partner.nl' } )
			.click();
		await page.locator( '.rlg-timeline__item--disappeared' ).waitFor();
		await page.goBack();
		await page.locator( '.rlg-partners' ).waitFor();

		await page.goto( `${ REPORT }&partner=rozenkwekerij.nl` );
		await page.locator( '.rlg-log__entry' ).first().waitFor();
		await expect(
			page.locator( '.rlg-log__entry' ).first().textContent()
		).resolves.toContain( 'Long-time supplier' );
		await page.goto( REPORT );
		await page.locator( '.rlg-partners tbody tr' ).first().waitFor();
	} );

	it( 'shows our links to a partner a page at a time, the next on "Show more links"', async () => {
		await page.goto( `${ REPORT }&partner=wikipedia.org` );
		const ours = page.locator(
			'section[aria-labelledby="rlg-ours-title"] tbody tr'
		);
		await ours.first().waitFor();
		expect( await ours.count() ).toBe( 5 );
		await expect(
			page.locator( '.rlg-our-links__more' ).textContent()
		).resolves.toContain( 'Showing 5 of 8 links.' );
		await page.getByRole( 'button', { name: 'Show more links' } ).click();
		await until( () =>
			service.partnerRequests.some(
				( params ) => params.get( 'linksAfter' ) === '5'
			)
		);
		await page
			.locator( 'section[aria-labelledby="rlg-ours-title"] tbody tr' )
			.nth( 7 )
			.waitFor();
		expect( await ours.count() ).toBe( 8 );
		expect( await page.locator( '.rlg-our-links__more' ).count() ).toBe(
			0
		);
		expect( session.errors ).toEqual( [] );
		await page.goto( REPORT );
		await page.locator( '.rlg-partners tbody tr' ).first().waitFor();
	} );

	it( 'runs a scan with a live progress bar and reloads the report when it is done', async () => {
		const before = service.reportRequests.length;
		await page.getByRole( 'button', { name: 'Scan now' } ).click();
		const bar = page.getByRole( 'progressbar', { name: 'Scan progress' } );
		await bar.waitFor();
		await page.waitForFunction(
			() => {
				const value = document
					.querySelector( '[role="progressbar"]' )
					?.getAttribute( 'aria-valuenow' );
				return (
					value !== null &&
					value !== undefined &&
					Number( value ) > 0 &&
					Number( value ) < 100
				);
			},
			null,
			{ timeout: 20000 }
		);
		await screenshot( page, 'report-scanning', { docs: true } );
		// An ordinary scan is incremental.
		expect( service.scanStarts ).toEqual( [ { full: false } ] );
		await page.locator( '.rlg-scan-last' ).waitFor( { timeout: 20000 } );
		await expect(
			page.locator( '.rlg-scan-last' ).textContent()
		).resolves.toContain( 'Finished' );
		expect( service.scanPolls ).toBeGreaterThanOrEqual( 4 );
		// The finished scan reloads the report (its request reached the service).
		await until( () => service.reportRequests.length > before );
		expect( session.errors ).toEqual( [] );
	} );

	it( 'says why a scan failed', async () => {
		service.setScanFailure(
			'http://127.0.0.1/wp-json/wp/v2/posts answered HTTP 401: application password required'
		);
		try {
			await page.getByLabel( 'Read every post again' ).check();
			await page.getByRole( 'button', { name: 'Scan now' } ).click();
			const failed = page.locator( '.rlg-scan-last--failed' );
			await failed.waitFor( { timeout: 20000 } );
			await expect( failed.textContent() ).resolves.toContain(
				'failed: http://127.0.0.1/wp-json/wp/v2/posts answered HTTP 401'
			);
			expect(
				service.scanStarts[ service.scanStarts.length - 1 ]
			).toEqual( { full: true } );
			// The button is back, for another try.
			expect(
				await page
					.getByRole( 'button', { name: 'Scan now' } )
					.isEnabled()
			).toBe( true );
		} finally {
			service.setScanFailure( null );
		}
		expect( session.errors ).toEqual( [] );
	} );

	it( 'downloads the filtered table as CSV', async () => {
		await page.getByLabel( 'Status' ).selectOption( 'no-link' );
		await page.waitForFunction(
			() =>
				document.querySelectorAll( '.rlg-partners tbody tr' ).length ===
				3
		);
		const [ download ] = await Promise.all( [
			page.waitForEvent( 'download' ),
			page.getByRole( 'button', { name: 'Export CSV' } ).click(),
		] );
		expect( download.suggestedFilename() ).toMatch(
			/^rlg-partners-no-link-\d{4}-\d{2}-\d{2}\.csv$/
		);
		// The browser runs as a server: the file is copied over rather than read in place.
		const file = path.join( session.state.tmpDir, 'report-export.csv' );
		await download.saveAs( file );
		const lines = fs.readFileSync( file, 'utf8' ).trim().split( '\n' );
		expect( lines[ 0 ] ).toBe(
			'domain,status,ourLinks,theirPlacements,relevance,findings'
		);
		expect(
			lines
				.slice( 1 )
				.map( ( line ) => line.split( ',' )[ 0 ] )
				.sort()
		).toEqual( [ 'oude-partner.nl', 'vogelhuisjes.be', 'wikipedia.org' ] );
		const sent = service.exports[ service.exports.length - 1 ];
		expect( sent.get( 'status' ) ).toBe( 'no-link' );
		expect( sent.has( 'page' ) ).toBe( false );
		expect( session.errors ).toEqual( [] );
	} );

	it( 'fits a narrow screen without sideways scrolling', async () => {
		await page.setViewportSize( { width: 760, height: 1000 } );
		try {
			await page.goto( REPORT );
			await page.locator( '.rlg-partners tbody tr' ).first().waitFor();
			const overflow = await page.evaluate(
				() =>
					document.documentElement.scrollWidth -
					document.documentElement.clientWidth
			);
			expect( overflow ).toBeLessThanOrEqual( 0 );
			await screenshot( page, 'report-narrow', { docs: true } );
		} finally {
			await page.setViewportSize( { width: 1400, height: 1000 } );
		}
	} );

	it( 'still renders and says why when the service is unreachable', async () => {
		service.setDown( true );
		await page.goto( REPORT );
		const notice = page.locator( '.rlg-service-notice' );
		await notice.waitFor();
		await expect( notice.textContent() ).resolves.toContain(
			'The link check service is not reachable'
		);
		await expect( notice.textContent() ).resolves.toContain(
			'http://127.0.0.1:9'
		);
		expect(
			await notice
				.getByRole( 'link', { name: 'Open the service settings' } )
				.getAttribute( 'href' )
		).toContain( 'options-general.php?page=reciprocal-link-guard' );
		expect(
			await page.getByRole( 'button', { name: 'Scan now' } ).isDisabled()
		).toBe( true );
		await screenshot( page, 'report-unavailable', { docs: true } );

		service.setDown( false );
		await notice.getByRole( 'button', { name: 'Try again' } ).click();
		await page.locator( '.rlg-partners tbody tr' ).first().waitFor();
		expect( await page.locator( '.rlg-service-notice' ).count() ).toBe( 0 );
		// A 502 from the (fake) service is logged by the browser as a failed resource; nothing else.
		expect(
			session.errors.filter( ( e ) => ! e.includes( 'status of 502' ) )
		).toEqual( [] );
		session.errors.length = 0;
	} );

	it( 'has a dashboard widget that says why when there is no report', async () => {
		// Rendered by PHP from the service itself (not the browser routes):
		// point the plugin at a port where nothing listens.
		const original = wpPhp(
			`$o = get_option( 'rlg_settings', array() ); echo isset( $o['serviceUrl'] ) ? $o['serviceUrl'] : '';`
		);
		setPluginOptions( { serviceUrl: 'http://127.0.0.1:9' } );
		wpPhp( `delete_transient( 'rlg_dashboard_report' );` );
		try {
			await page.goto( '/wp-admin/index.php' );
			const widget = page.locator( '#rlg_dashboard_widget' );
			await widget.waitFor();
			await expect( widget.textContent() ).resolves.toContain(
				'The link check service could not be reached'
			);
			expect(
				await widget
					.getByRole( 'link', { name: 'Open the report' } )
					.getAttribute( 'href' )
			).toContain( 'tools.php?page=reciprocal-link-guard-report' );
			expect(
				await widget
					.getByRole( 'link', { name: 'Service settings' } )
					.getAttribute( 'href' )
			).toContain( 'options-general.php?page=reciprocal-link-guard' );
		} finally {
			setPluginOptions( { serviceUrl: original } );
			wpPhp( `delete_transient( 'rlg_dashboard_report' );` );
		}
		expect( session.errors ).toEqual( [] );
	} );

	it( 'lists the alerts in the dashboard widget, each linking to its partner', async () => {
		// The widget keeps the service's last answer in a transient; put a
		// report with alerts there, as the report route would have.
		const report = {
			summary: {
				partnerDomains: 12,
				linkingBack: 7,
				reciprocalShare: 7 / 12,
				newPartners30: 5,
				newPartners90: 6,
				findings: [
					{
						code: 'off-topic-partner',
						severity: 'critical',
						count: 2,
					},
					{
						code: 'boilerplate-backlink',
						severity: 'warning',
						count: 3,
					},
				],
				thresholds: {},
			},
			alerts: [
				{
					domain: 'oude-partner.nl',
					kind: 'stopped-linking',
					since: '2026-11-19T10:00:00.000Z',
					params: {},
				},
				{
					domain: 'moestuinwinkel.nl',
					kind: 'moved-to-boilerplate',
					since: '2026-11-23T10:00:00.000Z',
					params: { placement: 'footer' },
				},
			],
		};
		const encoded = Buffer.from( JSON.stringify( report ) ).toString(
			'base64'
		);
		wpPhp(
			`set_transient( 'rlg_dashboard_report', array( 'report' => json_decode( base64_decode( '${ encoded }' ), true ) ), 300 );`
		);
		await page.goto( '/wp-admin/index.php' );
		const widget = page.locator( '#rlg_dashboard_widget' );
		await widget.waitFor();
		const alerts = await widget.locator( '.rlg-widget__alerts li a' ).all();
		expect( alerts ).toHaveLength( 2 );
		await expect( alerts[ 0 ].textContent() ).resolves.toBe(
			'oude-partner.nl used to link back to this site and no longer does.'
		);
		await expect( alerts[ 1 ].textContent() ).resolves.toBe(
			'moestuinwinkel.nl moved its link to this site; it is now in the footer.'
		);
		expect( await alerts[ 1 ].getAttribute( 'href' ) ).toContain(
			'page=reciprocal-link-guard-report&partner=moestuinwinkel.nl'
		);
		const counts = await widget
			.locator( '.rlg-widget__counts li' )
			.allTextContents();
		// Most severe first (issue 18): the problems lead the counts.
		expect( counts ).toEqual( [
			'2 critical findings',
			'3 warnings',
			'12 partner domains',
			'7 link back',
			'58% reciprocal',
			'5 new in 30 days',
		] );
		await widget.screenshot( {
			path: path.join(
				ROOT,
				'docs',
				'screenshots',
				'dashboard-widget-alerts.png'
			),
		} );
		// The link opens the report on that partner.
		await alerts[ 1 ].click();
		await page
			.locator( 'h2#rlg-detail-title', { hasText: 'moestuinwinkel.nl' } )
			.waitFor();
		wpPhp( `delete_transient( 'rlg_dashboard_report' );` );
		expect( session.errors ).toEqual( [] );
	} );
} );
