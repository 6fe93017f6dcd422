/**
 * POST /v1/backlinks/import and GET /v1/report/backlinks over real HTTP,
 * signed: what was read and skipped, file errors, competitors, the size
 * bound, and the lists the report shows next to the scan's partners.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { BacklinksReportSchema } from '../../src/core/backlink-import';
import type { PartnerRow } from '../../src/core/report';
import { EMPTY_RESOLVE_MAP } from '../../src/service/fetch/resolve-map';
import { MAX_HTTP_IMPORT_BYTES } from '../../src/service/api/routes-backlinks';
import { send, signedSend, startLiveHarness } from './harness';
import type { LiveHarness } from './harness';

const KEY = 'c'.repeat( 64 );
const SITE = 'https://www.moestuinier.test/';
const FIXTURES = path.join( __dirname, '../fixtures/backlink-exports' );

function content( name: string ): string {
	return fs.readFileSync( path.join( FIXTURES, name ) ).toString( 'base64' );
}

function partner( domain: string, status: PartnerRow[ 'status' ] ): PartnerRow {
	return {
		domain,
		ourPosts: 2,
		ourLinks: 3,
		status,
		theirLinks: [],
		relevance: null,
		firstSeen: '2026-01-01T00:00:00.000Z',
		lastChecked: '2026-01-02T00:00:00.000Z',
		findings: [],
	};
}

describe( 'backlink import API', () => {
	let live: LiveHarness;

	const signed = ( method: 'GET' | 'POST', url: string, body?: unknown ) =>
		signedSend( live.app, { method, url, body, site: SITE, key: KEY } );

	beforeAll( async () => {
		live = await startLiveHarness( {
			siteUrl: SITE,
			secret: KEY,
			settings: DEFAULT_SETTINGS,
			resolveMap: EMPTY_RESOLVE_MAP,
		} );
		const site = await live.store.findSite( 'moestuinier.test' );
		// What a scan found: we link to these sites.
		await live.runtime.scanStore.replacePartners(
			site!.id,
			[
				partner( 'tuinhulp.test', 'links-back' ),
				partner( 'zaadwinkel.test', 'no-link' ),
				partner( 'tuincentrum.test', 'no-link' ),
			].map( ( row ) => ( {
				row,
				reciprocalSince: null,
				theirPlacements: [],
			} ) ),
			[]
		);
	} );

	afterAll( () => live.close() );

	it( 'refuses an unsigned import', async () => {
		const reply = await send( live.app, {
			method: 'POST',
			url: '/v1/backlinks/import',
			headers: { 'content-type': 'application/json' },
			payload: '{}',
		} );
		expect( reply.statusCode ).toBe( 401 );
	} );

	it( 'imports an export and says what was read and what was skipped, line by line', async () => {
		const reply = await signed( 'POST', '/v1/backlinks/import', {
			fileName: 'semrush-bad-rows.csv',
			content: content( 'semrush-bad-rows.csv' ),
		} );
		expect( reply.statusCode ).toBe( 201 );
		expect( reply.json().import ).toMatchObject( {
			owner: '',
			format: 'semrush',
			fileName: 'semrush-bad-rows.csv',
			rowsRead: 9,
			backlinks: 2,
			skippedTotal: 7,
			skippedByReason: { 'target-elsewhere': 1, duplicate: 1 },
		} );
		expect( reply.json().import.skipped[ 0 ] ).toEqual( {
			line: 3,
			reason: 'wrong-column-count',
			detail: '3 cells, the header has 19',
		} );
	} );

	it( 'answers 422 naming what is wrong with a file it cannot read, storing nothing', async () => {
		const reply = await signed( 'POST', '/v1/backlinks/import', {
			fileName: 'keywords.csv',
			content: Buffer.from( 'Keyword,Position\nzaden,3\n' ).toString(
				'base64'
			),
		} );
		expect( reply.statusCode ).toBe( 422 );
		expect( reply.json() ).toMatchObject( {
			code: 'ERR_IMPORT_FILE',
			field: 'content',
		} );
		expect( reply.json().message ).toMatch(
			/^keywords\.csv: the first line names none of the columns/
		);
		const formatted = await signed( 'POST', '/v1/backlinks/import', {
			fileName: 'x.csv',
			format: 'ahrefs',
			content: content( 'gsc-latest-links.csv' ),
		} );
		expect( formatted.statusCode ).toBe( 422 );
	} );

	it( 'validates the request and the competitor', async () => {
		const missing = await signed( 'POST', '/v1/backlinks/import', {
			fileName: 'x.csv',
		} );
		expect( missing.statusCode ).toBe( 400 );
		expect( missing.json() ).toMatchObject( {
			code: 'ERR_VALIDATION',
			field: 'content',
		} );
		const ourselves = await signed( 'POST', '/v1/backlinks/import', {
			fileName: 'x.csv',
			competitor: 'moestuinier.test',
			content: content( 'gsc-latest-links.csv' ),
		} );
		expect( ourselves.statusCode ).toBe( 400 );
		expect( ourselves.json().message ).toMatch( /is this site itself/ );
	} );

	it( 'refuses a file over the HTTP bound with 413', async () => {
		const reply = await signed( 'POST', '/v1/backlinks/import', {
			fileName: 'big.csv',
			content: Buffer.alloc( MAX_HTTP_IMPORT_BYTES + 3, 0x41 ).toString(
				'base64'
			),
		} );
		expect( reply.statusCode ).toBe( 413 );
	} );

	it( 'shows reciprocity from both directions and Link Intersect in the report', async () => {
		expect(
			(
				await signed( 'POST', '/v1/backlinks/import', {
					fileName: 'ahrefs.csv',
					content: content( 'ahrefs-backlinks-utf16.csv' ),
				} )
			).statusCode
		).toBe( 201 );
		const rival = Buffer.from(
			[
				'Source url,Target url,Anchor',
				'https://zaadwinkel.test/partners,https://rival.test/,Rival',
				'https://gidsen.test/tuin,https://rival.test/,Rival',
			].join( '\n' )
		).toString( 'base64' );
		const competitor = await signed( 'POST', '/v1/backlinks/import', {
			fileName: 'rival.csv',
			competitor: 'https://www.rival.test/',
			content: rival,
		} );
		expect( competitor.statusCode ).toBe( 201 );
		expect( competitor.json().import ).toMatchObject( {
			owner: 'rival.test',
			backlinks: 2,
		} );

		const reply = await signed( 'GET', '/v1/report/backlinks' );
		expect( reply.statusCode ).toBe( 200 );
		const report = BacklinksReportSchema.parse( reply.json() );
		expect(
			report.imports.map( ( i ) => `${ i.owner }|${ i.format }` )
		).toEqual( [ '|ahrefs', '|semrush', 'rival.test|semrush' ] );
		expect(
			report.overview.bothWays.rows.map( ( r ) => [ r.domain, r.status ] )
		).toEqual( [
			[ 'tuinhulp.test', 'links-back' ],
			// Their link is in the export; the partner check did not find it.
			[ 'zaadwinkel.test', 'no-link' ],
		] );
		expect( report.overview.competitors ).toEqual( [ 'rival.test' ] );
		expect( report.overview.shared.rows ).toEqual( [
			{
				domain: 'zaadwinkel.test',
				competitors: [ 'rival.test' ],
				linksToUs: true,
				weLinkToThem: true,
				status: 'no-link',
			},
		] );
		expect( report.overview.gap.rows.map( ( r ) => r.domain ) ).toEqual( [
			'gidsen.test',
		] );
		expect( report.overview.graph.nodes.map( ( n ) => n.id ) ).toEqual( [
			'moestuinier.test',
			'tuinhulp.test',
			'zaadwinkel.test',
		] );
	} );

	it( 'finds who links to us through a partner from the partner graph, and draws the ring the imported edge closes', async () => {
		const site = await live.store.findSite( 'moestuinier.test' );
		// A page of tuincentrum.test (we link to it; it does not link back)
		// links to derde.test; derde.test links to us, says an import.
		await live.store.recordPartnerPages( site!.id, [
			{
				pageUrl: 'https://tuincentrum.test/links',
				domain: 'tuincentrum.test',
				foundOn: 'target-page',
				target: 'https://tuincentrum.test/links',
				readAt: '2026-12-01T00:00:00.000Z',
				linksToUs: 0,
				outbound: [
					{
						domain: 'derde.test',
						links: 1,
						sample: 'https://derde.test/',
					},
				],
				outboundTotal: 1,
			},
		] );
		const gsc = Buffer.from(
			'Linking page,Last crawled\nhttps://derde.test/tuin,2026-11-30\n'
		).toString( 'base64' );
		expect(
			(
				await signed( 'POST', '/v1/backlinks/import', {
					fileName: 'gsc.csv',
					content: gsc,
				} )
			).statusCode
		).toBe( 201 );
		const report = BacklinksReportSchema.parse(
			( await signed( 'GET', '/v1/report/backlinks' ) ).json()
		);
		expect( report.overview.throughPartner.rows ).toEqual( [
			{
				domain: 'derde.test',
				samplePage: 'https://derde.test/tuin',
				partner: 'tuincentrum.test',
				partnerPage: 'https://tuincentrum.test/links',
				partnerStatus: 'no-link',
			},
		] );
		expect( report.overview.graph.edges ).toEqual(
			expect.arrayContaining( [
				{ from: 'tuincentrum.test', to: 'derde.test', source: 'ring' },
				{ from: 'derde.test', to: 'moestuinier.test', source: 'ring' },
			] )
		);
	} );
} );
