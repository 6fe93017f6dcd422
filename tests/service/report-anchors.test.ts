/**
 * Anchor classes in the scan report. A stored check carries the anchor
 * classes of whoever asked for it last (an editor adds the post's focus
 * keyphrase; the site's keywords change later), so the report classifies
 * their anchors again with the keywords it judges ours with. Before, a
 * stale "exact-match" on their side next to a fresh judgement of ours gave
 * "exact-match anchor (theirs)" on the demo's kasplanten partner where the
 * editor, with the same keywords, says "exact-match anchors both ways".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ReportQuerySchema } from '../../src/core/report';
import { evaluatePost } from '../../src/core/rules';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Settings } from '../../src/core/settings';
import { fullReport, reportHtml } from '../../src/service/report/export';
import { buildReport } from '../../src/service/report/report';
import { createScanRuntime } from '../../src/service/scan/runtime';
import type { ScanRuntime } from '../../src/service/scan/runtime';
import { openStore } from '../../src/service/store';
import type { SiteRecord, SqliteStore } from '../../src/service/store';
import { bindFakeWordPress, createFakeWordPress } from '../helpers/fake-sites';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';

const OUR_ANCHOR = 'kasplanten kopen';
const THEIR_ANCHOR = 'biologisch tuinieren';

describe( 'exact-match anchors in the scan report', () => {
	let web: PartnerWeb;
	let dataDir: string;
	let store: SqliteStore;
	let runtime: ScanRuntime;
	let site: SiteRecord;
	const query = ReportQuerySchema.parse( {} );

	beforeAll( async () => {
		const wp = createFakeWordPress( { host: 'our.test' } );
		wp.add( {
			title: 'Zaden kiezen voor het voorjaar',
			content: `<p>Voorzaaien doen we in de kas. Wie geen zin heeft om zelf te zaaien kan <a href="http://kas.test/tomaten/">${ OUR_ANCHOR }</a>.</p>`,
		} );
		web = await startPartnerWeb( {
			'our.test': { '*': wp.handler },
			'kas.test': {
				'/tomaten/': ( _req, res, w ) => {
					res.writeHead( 200, {
						'content-type': 'text/html; charset=utf-8',
					} );
					res.end(
						html(
							`<main><h1>Tomaten voorzaaien</h1><p>Zaai tomaten in maart in de kas. Meer over <a href="${ w.url(
								'our.test'
							) }">${ THEIR_ANCHOR }</a>.</p></main>`,
							{ title: 'Tomaten voorzaaien' }
						)
					);
				},
			},
		} );
		bindFakeWordPress( wp, web );
		dataDir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-anchors-' ) );
		store = openStore( { dataDir } );
		runtime = createScanRuntime( {
			store,
			settings: DEFAULT_SETTINGS,
			fetcher: { resolveMap: web.resolveMap },
		} );
		site = await store.ensureSite( {
			url: web.url( 'our.test' ),
			siteKey: 'our.test',
		} );
	} );

	afterAll( async () => {
		await store.close();
		await runtime.close();
		await web.close();
		fs.rmSync( dataDir, { recursive: true, force: true } );
	} );

	async function kasplantenRow() {
		const report = await buildReport(
			{ store, scanStore: runtime.scanStore, settings: DEFAULT_SETTINGS },
			site,
			query
		);
		const row = report.partners.rows.find(
			( r ) => r.domain === 'kas.test'
		);
		if ( ! row ) {
			throw new Error( 'kas.test is not in the report' );
		}
		return row;
	}

	const exactCodes = ( codes: string[] ) =>
		codes.filter( ( code ) => code.startsWith( 'exact-match-anchor' ) );

	it( 'classifies their anchor with the site keywords it judges ours with, not those a stored check was made with', async () => {
		// An editor checked the target with its post's focus keyphrase,
		// which the scan cannot know: the stored class says exact-match.
		const answer = await runtime.checkService.check(
			{
				site: site.url,
				links: [
					{
						url: web.url( 'kas.test', '/tomaten/' ),
						anchorText: OUR_ANCHOR,
					},
				],
				homepage: true,
				fresh: false,
				keywords: [ THEIR_ANCHOR ],
			},
			site
		);
		expect( answer.results[ 0 ].links[ 0 ].anchorClass ).toBe(
			'exact-match'
		);

		// The site has no keywords: neither anchor is exact-match for it.
		const scan = await runtime.scanner.scan( { site } );
		expect( scan.state ).toBe( 'done' );
		const row = await kasplantenRow();
		expect( row.status ).toBe( 'links-back' );
		expect( row.theirLinks.map( ( l ) => l.anchorClass ) ).toEqual( [
			'other',
		] );
		expect( exactCodes( row.findings.map( ( f ) => f.code ) ) ).toEqual(
			[]
		);
	} );

	it( 'reports both ways, as the editor does, once the site keywords match both anchors', async () => {
		const keywords = [ THEIR_ANCHOR, OUR_ANCHOR ];
		await store.setSiteSettings( site.id, { keywords } );
		const scan = await runtime.scanner.scan( { site } );
		expect( scan.state ).toBe( 'done' );
		const row = await kasplantenRow();
		expect( row.theirLinks.map( ( l ) => l.anchorClass ) ).toEqual( [
			'exact-match',
		] );
		const reported = exactCodes( row.findings.map( ( f ) => f.code ) );
		expect( reported ).toEqual( [ 'exact-match-anchor-both' ] );

		// The exported report names the site's keywords it used, although
		// it was given the service's settings (as the CLI does).
		const full = await fullReport(
			{ store, scanStore: runtime.scanStore, settings: DEFAULT_SETTINGS },
			site
		);
		expect( full.anchors.keywords ).toEqual( keywords );
		expect( reportHtml( full ) ).toContain(
			`Anchors judged with the keywords “${ THEIR_ANCHOR }”, “${ OUR_ANCHOR }”`
		);

		// What the editor computes for the same post with the same keywords
		// and no focus keyphrase: the check answer through the core rules.
		const settings: Settings = { ...DEFAULT_SETTINGS, keywords };
		const answer = await runtime.checkService.check(
			{
				site: site.url,
				links: [
					{
						url: web.url( 'kas.test', '/tomaten/' ),
						anchorText: OUR_ANCHOR,
					},
				],
				homepage: true,
				fresh: false,
				keywords: [],
			},
			site
		);
		const editor = evaluatePost(
			{
				siteUrls: [ site.url ],
				postText: 'Zaden kiezen voor het voorjaar',
				links: [
					{
						href: web.url( 'kas.test', '/tomaten/' ),
						text: OUR_ANCHOR,
						rel: [],
						placement: 'content',
						hidden: null,
						isImage: false,
						block: 0,
						heading: null,
						inList: false,
						position: 0.5,
					},
				],
				backlinks: Object.fromEntries(
					answer.results.map( ( r ) => [ r.target, r ] )
				),
			},
			settings
		);
		expect( exactCodes( editor.map( ( f ) => f.code ) ) ).toEqual(
			reported
		);
	} );
} );
