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
