/**
 * `rlg scan` through the real command line: summary, --json, --csv and
 * --html files, progress lines when stderr is not a terminal, exit codes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';
import {
	bindFakeWordPress,
	createFakeSitemapSite,
	createFakeWordPress,
} from '../helpers/fake-sites';
import { runCli } from './cli-harness';

describe( 'rlg scan', () => {
	let web: PartnerWeb;
	let dir: string;

	beforeAll( async () => {
		const wp = createFakeWordPress( { host: 'cli.test' } );
		wp.add( {
			title: 'Spades',
			content:
				'<p>The <a href="http://partner-a.test/">spade shop</a> and <a href="http://partner-c.test/">a rake shop</a>.</p>',
		} );
		const maps = createFakeSitemapSite( 'maps.test', [
			{
				path: '/a.html',
				title: 'A',
				content:
					'<p>See <a href="http://partner-a.test/">=SUM(1)</a>.</p>',
			},
		] );
		web = await startPartnerWeb( {
			'cli.test': { '*': wp.handler },
			'maps.test': maps.routes,
			'partner-a.test': {
				'/': ( _req, res, w ) => {
					res.writeHead( 200, { 'content-type': 'text/html' } );
					res.end(
						html(
							`<main><article><p>We like <a href="${ w.url(
								'cli.test'
							) }">the CLI test blog</a> and <a href="${ w.url(
								'maps.test'
							) }">maps</a>.</p></article></main>`
						)
					);
				},
			},
			'partner-c.test': { '/': html( '<p>Nothing.</p>' ) },
		} );
		bindFakeWordPress( wp, web );
		maps.update( web );
		dir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-scan-cli-' ) );
	} );

	afterAll( async () => {
		await web.close();
		fs.rmSync( dir, { recursive: true, force: true } );
	} );

	it( 'scans, prints a summary, writes CSV and a self-contained HTML report', async () => {
		const csv = path.join( dir, 'partners.csv' );
		const htmlFile = path.join( dir, 'report.html' );
		const run = await runCli( [
			'scan',
			web.url( 'cli.test' ),
			'--data-dir',
			path.join( dir, 'data' ),
			...web.resolveArgs,
			'--csv',
			csv,
			'--html',
			htmlFile,
		] );
		expect( run.stderr ).toMatch(
			/scan \d+ done: 1\/1 posts read, 2\/2 partners checked/
		);
		expect( run.stdout ).toContain(
			`Reciprocal link report for ${ web.url( 'cli.test' ) }`
		);
		expect( run.stdout ).toMatch( /Partner domains: +2/ );
		expect( run.stdout ).toMatch( /Linking back: +1 \(50%\)/ );
		expect( run.stdout ).toContain( 'partner-a.test (content)' );
		// No settings file: the summary says what exact-match means then.
		expect( run.stdout ).toContain(
			'Anchors: no keywords are set for this site, so anchors count as exact-match only against the title and H1 of the page they point to'
		);
		const serious = /\n {2}(warning|critical) /.test( run.stdout );
		expect( run.exitCode ).toBe( serious ? 1 : 0 );

		const lines = fs.readFileSync( csv, 'utf8' ).trim().split( '\r\n' );
		expect( lines ).toHaveLength( 3 );
		expect( lines[ 1 ] ).toMatch(
			/^partner-a\.test,links-back,1,1,1,content,/
		);
		expect( lines[ 2 ] ).toMatch( /^partner-c\.test,no-link,/ );

		const page = fs.readFileSync( htmlFile, 'utf8' );
		expect( page ).toMatch( /^<!DOCTYPE html>/ );
		expect( page ).toContain( 'partner-a.test' );
		// Self-contained: no scripts, no external stylesheets or images.
		expect( page ).not.toMatch( /<script|<link |src=/i );
		// Written for people: plurals, statuses and finding titles in words,
		// relevance as a percentage, local times with their zone, no ISO.
		expect( page ).toContain( '<td>1 link in 1 post</td>' );
		expect( page ).not.toContain( 'post(s)' );
		expect( page ).toContain( '>links back</td>' );
		expect( page ).not.toMatch( /\d{4}-\d\d-\d\dT\d\d:/ );
		expect( page ).toMatch( /<td>(\d{1,3}%|–)<\/td>/ );
		expect( page ).not.toMatch( /<td>0\.\d+<\/td>/ );
		expect( page ).toMatch(
			/generated \d{1,2} \w{3} \d{4}, \d\d:\d\d [A-Z]{2,5}/
		);
		for ( const code of page.matchAll( /title="([a-z-]+)">([^<]+)</g ) ) {
			// Each finding shows its title, with the code only as a tooltip.
			expect( code[ 2 ] ).not.toBe( code[ 1 ] );
		}
	} );

	it( 'never writes a first_seen later than last_checked when the partner was checked before the scan', async () => {
		const data = path.join( dir, 'checked-first' );
		const check = await runCli( [
			'check',
			web.url( 'partner-a.test' ),
			'--site',
			web.url( 'cli.test' ),
			'--data-dir',
			data,
			...web.resolveArgs,
		] );
		expect( check.stdout ).toContain( 'links-back' );
		// The scan reuses that stored check (younger than the TTL).
		await new Promise( ( resolve ) => setTimeout( resolve, 20 ) );
		const csv = path.join( dir, 'checked-first.csv' );
		await runCli( [
			'scan',
			web.url( 'cli.test' ),
			'--data-dir',
			data,
			...web.resolveArgs,
			'--csv',
			csv,
		] );
		const [ head, ...rows ] = fs
			.readFileSync( csv, 'utf8' )
			.trim()
			.split( '\r\n' )
			.map( ( line ) => line.split( ',' ) );
		const row = rows.find( ( cells ) => cells[ 0 ] === 'partner-a.test' )!;
		const firstSeen = row[ head.indexOf( 'first_seen' ) ];
		const lastChecked = row[ head.indexOf( 'last_checked' ) ];
		expect( Date.parse( firstSeen ) ).toBeLessThanOrEqual(
			Date.parse( lastChecked )
		);
	} );

	it( 'prints the whole report as JSON', async () => {
		const run = await runCli( [
			'scan',
			web.url( 'cli.test' ),
			'--data-dir',
			path.join( dir, 'data' ),
			...web.resolveArgs,
			'--json',
			'--no-progress',
		] );
		expect( run.stderr ).toBe( '' );
		const report = JSON.parse( run.stdout );
		expect( report.partners.total ).toBe( 2 );
		expect( report.lastScan ).toMatchObject( {
			state: 'done',
			source: 'wp-rest',
		} );
		expect( report.log ).toEqual( [] );
	} );

	it( 'scans a site from its sitemap with --sitemap', async () => {
		const csv = path.join( dir, 'maps.csv' );
		const settings = path.join( dir, 'settings.json' );
		fs.writeFileSync(
			settings,
			JSON.stringify( {
				keywords: [ 'garden tips' ],
				brandTerms: [ 'Our Garden' ],
			} )
		);
		const run = await runCli( [
			'scan',
			web.url( 'maps.test' ),
			'--sitemap',
			'--settings',
			settings,
			'--data-dir',
			path.join( dir, 'data' ),
			...web.resolveArgs,
			'--csv',
			csv,
			'--no-progress',
		] );
		expect( run.stdout ).toMatch( /Linking back: +1 \(100%\)/ );
		expect( run.stdout ).toContain(
			'Anchors judged with the keywords "garden tips" and the brand terms "Our Garden"'
		);
		expect( run.exitCode ).toBeLessThan( 2 );
		expect( fs.readFileSync( csv, 'utf8' ) ).toContain(
			'partner-a.test,links-back'
		);
	} );

	it( 'fails with exit code 2 and a sentence when the site has no REST API', async () => {
		const run = await runCli( [
			'scan',
			web.url( 'partner-c.test' ),
			'--data-dir',
			path.join( dir, 'data' ),
			...web.resolveArgs,
			'--no-progress',
		] );
		expect( run.exitCode ).toBe( 2 );
		expect( run.stderr ).toMatch(
			/is not a WordPress REST listing \(HTTP 404\)/
		);
	} );
} );
