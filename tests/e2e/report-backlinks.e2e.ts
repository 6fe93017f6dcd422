/**
 * The report's "Backlinks from both directions" section in a real
 * WordPress and browser: the import form sends the file (base64) with its
 * format and competitor, the answer's skipped rows are listed with their
 * lines, the lists show, and the graph view is usable from the keyboard
 * with a list alternative. The plugin's routes are answered in the browser
 * by report-fake-service.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openSession, screenshot, type Session } from './harness/browser';
import { installFakeService, type FakeService } from './report-fake-service';

const REPORT = '/wp-admin/tools.php?page=reciprocal-link-guard-report';

describe( 'backlinks from both directions in the report', () => {
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
		await page.locator( '.rlg-backlinks h3' ).first().waitFor();
	} );

	afterAll( async () => {
		await session?.close();
	} );

	it( 'imports a file and lists what was skipped, line by line', async () => {
		const file = path.join( os.tmpdir(), 'rlg-e2e-semrush.csv' );
		fs.writeFileSync(
			file,
			'Source url,Target url\nhttps://a.nl/,https://b.nl/\n'
		);
		await page.setInputFiles( '#rlg-import-file', file );
		await page
			.getByLabel( 'Competitor (leave empty for our own backlinks)' )
			.fill( '' );
		await page.getByRole( 'button', { name: 'Import backlinks' } ).click();
		const result = page.locator( '.rlg-import-result' );
		await result.waitFor();
		await expect( result.textContent() ).resolves.toContain(
			'rlg-e2e-semrush.csv (Semrush backlinks export): 9 rows read, 2 backlinks from 2 sites kept, 2 skipped.'
		);
		const rows = await result.locator( 'tbody tr' ).allTextContents();
		expect( rows ).toEqual( [
			'3too few cells3 cells, the header has 19',
			'8not a date"gisteren" is not a date',
		] );
		expect( service.backlinkImports ).toHaveLength( 1 );
		expect( service.backlinkImports[ 0 ] ).toMatchObject( {
			fileName: 'rlg-e2e-semrush.csv',
			format: 'auto',
			competitor: null,
		} );
		expect(
			Buffer.from(
				String( service.backlinkImports[ 0 ].content ),
				'base64'
			).toString()
		).toContain( 'Source url,Target url' );
		fs.rmSync( file, { force: true } );
	} );

	it( 'lists both ways, through a partner and Link Intersect', async () => {
		const section = page.locator( '.rlg-backlinks' );
		await expect( section.textContent() ).resolves.toContain(
			'2 sites link to us and our posts link to them'
		);
		await expect(
			section.locator( '.rlg-through-partner' ).textContent()
		).resolves.toContain( 'us → kasplanten.nl → linkruil.nl → us' );
		await expect( section.textContent() ).resolves.toContain(
			'Sites linking to competitors but not to us: 1'
		);
	} );

	it( 'draws the graph with focusable nodes and a list alternative', async () => {
		// Laid out in slices after the section renders (graph-layout.ts).
		await page.locator( '.rlg-graph[data-layout="done"]' ).waitFor();
		const nodes = page.locator( '.rlg-graph__node' );
		await expect( nodes.count() ).resolves.toBe( 7 );
		await page
			.locator( '.rlg-graph__node[data-node="kasplanten.nl"]' )
			.focus();
		await expect(
			page.locator( '.rlg-graph__caption' ).textContent()
		).resolves.toBe(
			'kasplanten.nl: partner, links to us through a partner. moestuinier.test links to kasplanten.nl (our posts); kasplanten.nl links to linkruil.nl (partner page)'
		);
		await page.keyboard.press( 'Tab' );
		await expect(
			page.locator( ':focus' ).getAttribute( 'data-node' )
		).resolves.toBe( 'linkruil.nl' );
		await expect(
			page.locator( '.rlg-graph__edge.is-active' ).count()
		).resolves.toBe( 2 );
		// The arrow keys follow the links: from kasplanten.nl only to the
		// sites it links with (moestuinier.test, linkruil.nl), in the
		// arrow's direction (graph-keys.ts), none of them nowhere.
		const reached = new Set< string | null >();
		for ( const key of [
			'ArrowUp',
			'ArrowDown',
			'ArrowLeft',
			'ArrowRight',
		] ) {
			await page
				.locator( '.rlg-graph__node[data-node="kasplanten.nl"]' )
				.focus();
			await page.keyboard.press( key );
			reached.add(
				await page.locator( ':focus' ).getAttribute( 'data-node' )
			);
		}
		expect( reached.has( 'linkruil.nl' ) ).toBe( true );
		expect( reached.has( 'moestuinier.test' ) ).toBe( true );
		expect(
			[ ...reached ].every( ( id ) =>
				[ 'kasplanten.nl', 'linkruil.nl', 'moestuinier.test' ].includes(
					id ?? ''
				)
			)
		).toBe( true );
		await expect(
			page.locator( '.rlg-graph__caption' ).textContent()
		).resolves.toMatch(
			/^(kasplanten\.nl|linkruil\.nl|moestuinier\.test): /
		);
		const list = await page
			.locator( '#rlg-graph-list li' )
			.allTextContents();
		expect( list ).toHaveLength( 7 );
		expect( list[ 5 ] ).toContain( 'bloemen.nl: partner, part of a ring.' );
		await page.locator( '.rlg-graph' ).scrollIntoViewIfNeeded();
		await screenshot( page, 'report-backlinks', { docs: true } );
		expect( session.errors ).toEqual( [] );
	} );
} );
