/**
 * `wp rlg status|scan|report|check` in a real WordPress, against the real
 * service and partner sites. WP-CLI itself cannot be installed on these
 * machines (see tests/e2e/README.md), so the commands run under the
 * stand-in harness/wp-cli.php, which loads WordPress with WP_CLI defined
 * and dispatches as WP-CLI does. Each run is a separate PHP process, its
 * stdout, stderr and exit code read as a terminal user would.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PARTNER_KEYWORD } from './harness/partners';
import { cliHasCommand } from './harness/processes';
import { startLiveSite, type LiveSite } from './harness/live-site';

const canRun = cliHasCommand( 'serve' ) && cliHasCommand( 'sites' );

/** Tab-separated table (WP-CLI's piped table) → rows of named cells. */
function table( stdout: string ): Array< Record< string, string > > {
	const [ header, ...lines ] = stdout.trim().split( '\n' );
	const names = header.split( '\t' );
	return lines.map( ( line ) => {
		const cells = line.split( '\t' );
		return Object.fromEntries(
			names.map( ( name, index ) => [ name, cells[ index ] ?? '' ] )
		);
	} );
}

( canRun ? describe : describe.skip )( 'wp rlg (WP-CLI commands)', () => {
	let site: LiveSite;

	beforeAll( async () => {
		site = await startLiveSite( 'wp-cli' );
		site.publish(
			'Starting a compost heap',
			`<!-- wp:paragraph --><p>Turn the heap. ${ site.link(
				'natural.test',
				'/guide',
				'Natural Growers explain it well'
			) }.</p><!-- /wp:paragraph -->`
		);
		site.publish(
			'Where we buy supplies',
			`<!-- wp:paragraph --><p>Tools from ${ site.link(
				'footer-swap.test',
				'/',
				PARTNER_KEYWORD
			) } and seeds from ${ site.link(
				'no-backlink.test',
				'/',
				'the seed catalogue'
			) }.</p><!-- /wp:paragraph -->`
		);
	}, 90000 );

	afterAll( async () => {
		await site?.stop();
	} );

	it( 'status: the service answers and accepts the site, never scanned yet', async () => {
		const run = await site.wpCli( [ 'rlg', 'status' ] );
		expect( run.stderr ).toBe( '' );
		expect( run.status ).toBe( 0 );
		const rows = table( run.stdout );
		expect( rows.map( ( row ) => row.field ) ).toEqual( [
			'Site',
			'Service',
			'Plugin',
			'Last scan',
		] );
		expect( rows[ 0 ].value ).toBe( `${ site.siteUrl }/` );
		expect( rows[ 1 ].value ).toMatch(
			new RegExp(
				`^${ site.service.url } \\(version \\d+\\.\\d+\\.\\d+\\), accepts this site$`
			)
		);
		expect( rows[ 3 ].value ).toBe( 'never scanned' );
	} );

	it( 'report before any scan says so instead of printing an empty table', async () => {
		const run = await site.wpCli( [ 'rlg', 'report' ] );
		expect( run.status ).toBe( 0 );
		expect( run.stdout.trim() ).toBe(
			'No partners yet: the site was never scanned ("wp rlg scan --wait").'
		);
	} );

	it( 'scan --wait reads the posts, checks every partner and reports success', async () => {
		const run = await site.wpCli( [ 'rlg', 'scan', '--wait' ] );
		expect( run.stderr ).toBe( '' );
		expect( run.status ).toBe( 0 );
		expect( run.stdout ).toMatch( /^Scan \d+ started\.\n/ );
		expect( run.stdout ).toMatch(
			/Success: Scan \d+ done: \d+ posts read, 3 partner links checked \(/
		);
	} );

	it( 'report --format=table lists the partners with status, placement and findings', async () => {
		const run = await site.wpCli( [ 'rlg', 'report', '--format=table' ] );
		expect( run.status ).toBe( 0 );
		const rows = table( run.stdout );
		expect(
			rows.map( ( row ) => [ row.domain, row.status, row.where ] )
		).toEqual( [
			[ 'footer-swap.test', 'links-back', 'footer' ],
			[ 'natural.test', 'links-back', 'content' ],
			[ 'no-backlink.test', 'no-link', '-' ],
		] );
		expect( rows[ 0 ].findings ).toContain( 'boilerplate-backlink' );
		expect( rows[ 1 ].findings ).not.toContain( 'boilerplate-backlink' );
	} );

	it( "report --format=csv prints the service's CSV export, --format=json its report", async () => {
		const csv = await site.wpCli( [ 'rlg', 'report', '--format=csv' ] );
		expect( csv.status ).toBe( 0 );
		const lines = csv.stdout.trim().split( /\r?\n/ );
		expect( lines[ 0 ] ).toMatch( /^domain,/ );
		expect( lines ).toHaveLength( 4 );
		expect( csv.stdout ).toContain( 'footer-swap.test' );

		const json = await site.wpCli( [
			'rlg',
			'report',
			'--format=json',
			'--status=no-link',
		] );
		expect( json.status ).toBe( 0 );
		const report = JSON.parse( json.stdout ) as {
			site: string;
			partners: { rows: Array< { domain: string } >; total: number };
			summary: { partnerDomains: number };
		};
		expect( report.site ).toBe( `${ site.siteUrl }/` );
		expect( report.partners.rows.map( ( row ) => row.domain ) ).toEqual( [
			'no-backlink.test',
		] );
		expect( report.summary.partnerDomains ).toBe( 3 );
		// Every row in one document: the first page's cursor is left out.
		expect( report.partners ).not.toHaveProperty( 'nextCursor' );
	} );

	it( 'report walks the partner list a page at a time by cursor: the same table and document at one partner per page', async () => {
		const before = {
			table: ( await site.wpCli( [ 'rlg', 'report' ] ) ).stdout,
			json: ( await site.wpCli( [ 'rlg', 'report', '--format=json' ] ) )
				.stdout,
		};
		const pageSize = path.join(
			site.siteDir,
			'wp-content',
			'mu-plugins',
			'rlg-report-page-size.php'
		);
		fs.writeFileSync(
			pageSize,
			"<?php add_filter( 'rlg_cli_report_page_size', static function () { return 1; } );\n"
		);
		try {
			const paged = await site.wpCli( [ 'rlg', 'report' ] );
			const json = await site.wpCli( [
				'rlg',
				'report',
				'--format=json',
			] );
			expect( paged.status ).toBe( 0 );
			expect( json.status ).toBe( 0 );
			expect( paged.stdout ).toBe( before.table );
			// Byte for byte but the time it was made: the rows written one by
			// one make the document that encoding it whole made (three
			// partners, three pages).
			const undated = ( text: string ) =>
				text.replace( /"generatedAt": "[^"]+"/, '"generatedAt": ""' );
			expect( undated( json.stdout ) ).toBe( undated( before.json ) );
			const report = JSON.parse( json.stdout ) as {
				partners: { rows: unknown[]; total: number; perPage: number };
			};
			expect( report.partners.rows ).toHaveLength( 3 );
			expect( report.partners ).toMatchObject( { total: 3, perPage: 3 } );
		} finally {
			fs.rmSync( pageSize );
		}
	} );

	it( 'check <url> says whether a page links back and where', async () => {
		const url = site.web.url( 'natural.test', '/guide' );
		const run = await site.wpCli( [ 'rlg', 'check', url, '--fresh' ] );
		expect( run.stderr ).toBe( '' );
		expect( run.status ).toBe( 0 );
		const rows = table( run.stdout );
		expect( rows ).toHaveLength( 1 );
		expect( rows[ 0 ] ).toMatchObject( {
			target: url,
			status: 'links-back',
			links: '1',
			where: 'content',
			anchor: 'the local garden blog',
			rel: 'follow',
		} );
	} );

	it( 'refuses bad input with one "Error:" line and exit code 1', async () => {
		const format = await site.wpCli( [ 'rlg', 'report', '--format=xml' ] );
		expect( format.status ).toBe( 1 );
		expect( format.stdout ).toBe( '' );
		expect( format.stderr ).toBe(
			'Error: Invalid --format "xml": use one of table, csv, json.\n'
		);

		const url = await site.wpCli( [ 'rlg', 'check', 'partner.example' ] );
		expect( url.status ).toBe( 1 );
		expect( url.stderr ).toBe(
			'Error: "partner.example" is not an http(s) URL.\n'
		);
	} );

	it( 'says which service did not answer when it is down', async () => {
		site.php(
			`$c = get_option( 'rlg_settings' ); $c['serviceUrl'] = 'http://127.0.0.1:9'; update_option( 'rlg_settings', $c );`
		);
		try {
			const run = await site.wpCli( [ 'rlg', 'status' ] );
			expect( run.status ).toBe( 1 );
			expect( run.stderr ).toBe(
				'Error: The link check service at http://127.0.0.1:9 did not answer.\n'
			);
		} finally {
			site.php(
				`$c = get_option( 'rlg_settings' ); $c['serviceUrl'] = '${ site.service.url }'; update_option( 'rlg_settings', $c );`
			);
		}
	} );
} );
