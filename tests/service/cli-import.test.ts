/**
 * `rlg import` and `rlg backlinks` as a user runs them (separate
 * processes: real argv, exit codes, stdout and stderr): what was read and
 * skipped, a file that cannot be read, a competitor export, and the
 * reciprocity and Link Intersect lists next to the scan's partners.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PartnerRow } from '../../src/core/report';
import { openStore } from '../../src/service/store';
import { runCli } from './cli-harness';
import { runRlg } from './cli-process';

const SITE = 'https://www.moestuinier.test/';
const FIXTURES = path.join( __dirname, '../fixtures/backlink-exports' );

function partner( domain: string, status: PartnerRow[ 'status' ] ) {
	return {
		row: {
			domain,
			ourPosts: 1,
			ourLinks: 2,
			status,
			theirLinks: [],
			relevance: null,
			firstSeen: '2026-01-01T00:00:00.000Z',
			lastChecked: '2026-01-02T00:00:00.000Z',
			findings: [],
		},
		reciprocalSince: null,
		theirPlacements: [],
	};
}

describe( 'rlg import and rlg backlinks', () => {
	let dataDir: string;

	beforeAll( () => {
		dataDir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-import-' ) );
	} );

	afterAll( () => fs.rmSync( dataDir, { recursive: true, force: true } ) );

	it( 'imports an export, listing each skipped row with its line and reason', async () => {
		const run = await runRlg( [
			'import',
			path.join( FIXTURES, 'semrush-bad-rows.csv' ),
			'--site',
			SITE,
			'--data-dir',
			dataDir,
		] );
		expect( run.stderr ).toBe( '' );
		expect( run.code ).toBe( 0 );
		expect( run.stdout ).toContain(
			'semrush-bad-rows.csv: Semrush backlinks export, utf-8'
		);
		expect( run.stdout ).toContain(
			'9 rows read, 2 backlinks from 2 sites kept, 7 skipped'
		);
		expect( run.stdout ).toContain(
			'line 3: too few cells: 3 cells, the header has 19'
		);
		expect( run.stdout ).toContain(
			'line 8: not a date: "gisteren" is not a date'
		);
	} );

	it( 'exits 2 naming what is wrong with a file it cannot read', async () => {
		const file = path.join( dataDir, 'keywords.csv' );
		fs.writeFileSync( file, 'Keyword,Position\nzaden,3\n' );
		const run = await runRlg( [
			'import',
			file,
			'--site',
			SITE,
			'--format',
			'gsc',
			'--data-dir',
			dataDir,
		] );
		expect( run.code ).toBe( 2 );
		expect( run.stderr ).toContain(
			'keywords.csv: the first line names none of the columns of a known export'
		);
		expect( run.stderr ).toContain( '"Linking page"' );
		const wrong = await runCli( [
			'import',
			file,
			'--site',
			SITE,
			'--format',
			'excel',
			'--data-dir',
			dataDir,
		] );
		expect( wrong.exitCode ).toBe( 2 );
		expect( wrong.stderr ).toMatch(
			/Allowed choices are auto, gsc, ahrefs, semrush/
		);
	} );

	it( 'lists both ways and Link Intersect next to the scan, exiting 1 when a relationship was found', async () => {
		const store = openStore( { dataDir } );
		const site = await store.findSite( 'moestuinier.test' );
		const scanStore = store.openScanStore();
		await scanStore.replacePartners(
			site!.id,
			[
				partner( 'tuinhulp.test', 'links-back' ),
				partner( 'zaadwinkel.test', 'no-link' ),
			],
			[]
		);
		await scanStore.close();
		await store.close();
		const rival = path.join( dataDir, 'rival.csv' );
		fs.writeFileSync(
			rival,
			'Source url,Target url,Anchor\nhttps://zaadwinkel.test/p,https://rival.test/,x\nhttps://gids.test/t,https://rival.test/,y\n'
		);
		const competitor = await runCli( [
			'import',
			rival,
			'--site',
			SITE,
			'--competitor',
			'rival.test',
			'--data-dir',
			dataDir,
		] );
		expect( competitor.exitCode ).toBe( 0 );
		expect( competitor.stdout ).toContain(
			'rival.csv: Semrush backlinks export (competitor rival.test)'
		);

		const run = await runRlg( [
			'backlinks',
			'--site',
			SITE,
			'--data-dir',
			dataDir,
		] );
		expect( run.stderr ).toBe( '' );
		expect( run.code ).toBe( 1 );
		expect( run.stdout ).toContain(
			'Both ways: 2 sites link to us and our posts link to them'
		);
		expect( run.stdout ).toContain(
			'  zaadwinkel.test: 1 links to us, 2 of ours in 1 posts; check: no-link; e.g. https://www.zaadwinkel.test/'
		);
		expect( run.stdout ).toContain( 'Link Intersect with rival.test:' );
		expect( run.stdout ).toContain(
			'    zaadwinkel.test (rival.test): we link to them'
		);
		expect( run.stdout ).toContain(
			'  Only competitors: 1 sites link to the competitor but not to us'
		);
	} );
} );
