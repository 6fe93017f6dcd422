/**
 * The scan store's report side on a real SQLite file: partner rows
 * filtered, sorted, searched and paged in SQL; the CSV export; the
 * relationship log; and the link graph's replace/drop semantics.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PartnerRow, ReportQuery } from '../../src/core/report';
import { ReportQuerySchema } from '../../src/core/report';
import type { ExtractedLink } from '../../src/core/schemas';
import { openStore } from '../../src/service/store';
import type { SiteRecord, SqliteStore } from '../../src/service/store';
import { openScanStore } from '../../src/service/store/sqlite-scan-store';
import type { SqliteScanStore } from '../../src/service/store/sqlite-scan-store';
import type { ScannedPost } from '../../src/service/store/scan-types';
import { csvField, reportCsv } from '../../src/service/report/export';

let dataDir: string;
let store: SqliteStore;
let scanStore: SqliteScanStore;
let site: SiteRecord;

function row( domain: string, patch: Partial< PartnerRow > = {} ): PartnerRow {
	return {
		domain,
		ourPosts: 1,
		ourLinks: 1,
		status: 'no-link',
		theirLinks: [],
		relevance: null,
		firstSeen: '2026-01-01T00:00:00.000Z',
		lastChecked: '2026-01-02T00:00:00.000Z',
		findings: [],
		...patch,
	};
}

function theirLink(
	placement: 'content' | 'footer' | 'sidebar',
	text = 'Our site'
) {
	return {
		pageUrl: 'http://x.test/',
		href: 'https://our.test/',
		text,
		anchorClass: 'branded' as const,
		rel: [],
		placement,
		hidden: null,
		foundOn: 'target-page' as const,
		toHomepage: true,
	};
}

function query( input: Partial< ReportQuery > = {} ): ReportQuery {
	return ReportQuerySchema.parse( input );
}

function link( href: string ): ExtractedLink {
	return {
		href,
		text: 'anchor',
		rel: [],
		placement: 'content',
		hidden: null,
		isImage: false,
		block: 0,
		heading: null,
		inList: false,
		position: 0.5,
	};
}

function post( key: string, targets: string[] ): ScannedPost {
	return {
		sourceKey: key,
		url: `https://our.test/${ key }/`,
		title: key,
		modifiedGmt: null,
		textSample: 'text',
		links: targets.map( ( href ) => ( {
			targetKey:
				new URL( href ).host +
				new URL( href ).pathname.replace( /\/$/, '' ),
			domain: new URL( href ).hostname,
			link: link( href ),
		} ) ),
	};
}

beforeEach( async () => {
	dataDir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-report-' ) );
	store = openStore( { dataDir } );
	site = await store.ensureSite( {
		url: 'https://our.test/',
		siteKey: 'our.test',
	} );
	scanStore = openScanStore( { file: store.file } );
} );

afterEach( async () => {
	await scanStore.close();
	await store.close();
	fs.rmSync( dataDir, { recursive: true, force: true } );
} );

describe( 'partner rows', () => {
	beforeEach( async () => {
		await scanStore.replacePartners(
			site.id,
			[
				{
					row: row( 'alpha.test', {
						status: 'links-back',
						ourLinks: 5,
						relevance: 0.4,
						theirLinks: [ theirLink( 'footer' ) ],
						findings: [
							{
								code: 'boilerplate-backlink',
								severity: 'warning',
								params: {},
							},
						],
					} ),
					reciprocalSince: '2026-01-01T00:00:00.000Z',
					theirPlacements: [ 'footer' ],
				},
				{
					row: row( 'beta.test', {
						status: 'links-back',
						ourLinks: 2,
						relevance: 0.9,
						theirLinks: [ theirLink( 'content' ) ],
						findings: [
							{
								code: 'exact-match-anchor-both',
								severity: 'critical',
								params: {},
							},
						],
					} ),
					reciprocalSince: new Date().toISOString(),
					theirPlacements: [ 'content' ],
				},
				{
					row: row( 'gamma.test', { ourLinks: 9 } ),
					reciprocalSince: null,
					theirPlacements: [],
				},
				{
					row: row( 'delta-shop.test', {
						status: 'timeout',
						ourLinks: 1,
						lastChecked: null,
					} ),
					reciprocalSince: null,
					theirPlacements: [],
				},
			],
			[
				{
					domain: 'gamma.test',
					kind: 'stopped-linking',
					since: '2026-01-03T00:00:00.000Z',
					params: { target: 'http://gamma.test/' },
				},
			]
		);
	} );

	it( 'filters by status, finding and placement of their link', async () => {
		const domains = async ( q: Partial< ReportQuery > ) =>
			( await scanStore.queryPartners( site.id, query( q ) ) ).rows.map(
				( r ) => r.domain
			);
		expect( await domains( { status: 'links-back' } ) ).toEqual( [
			'alpha.test',
			'beta.test',
		] );
		expect(
			await domains( { finding: 'exact-match-anchor-both' } )
		).toEqual( [ 'beta.test' ] );
		expect( await domains( { placement: 'footer' } ) ).toEqual( [
			'alpha.test',
		] );
		expect(
			await domains( { status: 'links-back', placement: 'content' } )
		).toEqual( [ 'beta.test' ] );
	} );

	it( 'searches domains, treating % and _ literally', async () => {
		const search = async ( text: string ) =>
			(
				await scanStore.queryPartners(
					site.id,
					query( { search: text } )
				)
			).rows.map( ( r ) => r.domain );
		expect( await search( 'SHOP' ) ).toEqual( [ 'delta-shop.test' ] );
		expect( await search( '%' ) ).toEqual( [] );
		expect( await search( '_' ) ).toEqual( [] );
	} );

	it( 'sorts on the server, nulls last in both directions, findings by severity weight', async () => {
		const order = async ( q: Partial< ReportQuery > ) =>
			( await scanStore.queryPartners( site.id, query( q ) ) ).rows.map(
				( r ) => r.domain
			);
		expect( await order( { orderBy: 'ourLinks', order: 'desc' } ) ).toEqual(
			[ 'gamma.test', 'alpha.test', 'beta.test', 'delta-shop.test' ]
		);
		expect( await order( { orderBy: 'relevance', order: 'asc' } ) ).toEqual(
			[ 'alpha.test', 'beta.test', 'delta-shop.test', 'gamma.test' ]
		);
		expect(
			await order( { orderBy: 'relevance', order: 'desc' } )
		).toEqual( [
			'beta.test',
			'alpha.test',
			'delta-shop.test',
			'gamma.test',
		] );
		expect(
			( await order( { orderBy: 'findings', order: 'desc' } ) ).slice(
				0,
				2
			)
		).toEqual( [ 'beta.test', 'alpha.test' ] );
	} );

	it( 'pages without overlap and reports the filtered total', async () => {
		const first = await scanStore.queryPartners(
			site.id,
			query( { perPage: 3, page: 1 } )
		);
		const second = await scanStore.queryPartners(
			site.id,
			query( { perPage: 3, page: 2 } )
		);
		expect( first.total ).toBe( 4 );
		expect( first.rows.map( ( r ) => r.domain ) ).toEqual( [
			'alpha.test',
			'beta.test',
			'delta-shop.test',
		] );
		expect( second.rows.map( ( r ) => r.domain ) ).toEqual( [
			'gamma.test',
		] );
		const filtered = await scanStore.queryPartners(
			site.id,
			query( { status: 'links-back', perPage: 1 } )
		);
		expect( filtered.total ).toBe( 2 );
		expect( filtered.rows ).toHaveLength( 1 );
	} );

	it( 'counts partners, those linking back and the new ones', async () => {
		const day = 86_400_000;
		const counts = await scanStore.partnerCounts(
			site.id,
			new Date( Date.now() - 30 * day ).toISOString(),
			new Date( Date.now() - 90 * day ).toISOString()
		);
		expect( counts ).toEqual( {
			partnerDomains: 4,
			linkingBack: 2,
			newPartners30: 1,
			newPartners90: 1,
		} );
		expect( await scanStore.listAlerts( site.id ) ).toEqual( [
			expect.objectContaining( {
				domain: 'gamma.test',
				kind: 'stopped-linking',
			} ),
		] );
	} );

	it( 'exports the table as CSV with the relationship log, oldest note first', async () => {
		await scanStore.addLogEntry( site.id, {
			domain: 'alpha.test',
			author: 'ann',
			note: 'Agreed, mutual mention',
		} );
		await scanStore.addLogEntry( site.id, {
			domain: 'ALPHA.test',
			author: 'bob',
			note: 'They moved us, "footer"',
		} );
		const lines: string[] = [];
		for await ( const line of reportCsv( scanStore, site ) ) {
			lines.push( line );
		}
		expect( lines[ 0 ] ).toBe(
			'domain,status,our_posts,our_links,their_links,their_placements,their_anchors,their_rel,relevance,first_seen,last_checked,findings,log\r\n'
		);
		expect( lines ).toHaveLength( 5 );
		const alpha = lines[ 1 ];
		expect(
			alpha.startsWith(
				'alpha.test,links-back,1,5,1,footer,Our site,,0.4,'
			)
		).toBe( true );
		expect( alpha ).toContain( ',boilerplate-backlink,' );
		expect( alpha ).toMatch(
			/ann: Agreed, mutual mention \| .*bob: They moved us, ""footer""/
		);
		expect( lines[ 3 ] ).toContain( 'delta-shop.test,timeout,' );
	} );

	it( 'keeps the log per partner, newest first', async () => {
		await scanStore.addLogEntry( site.id, {
			domain: 'beta.test',
			author: 'ann',
			note: 'first',
		} );
		await scanStore.addLogEntry( site.id, {
			domain: 'beta.test',
			author: 'ann',
			note: 'second',
		} );
		await scanStore.addLogEntry( site.id, {
			domain: 'alpha.test',
			author: 'ann',
			note: 'other',
		} );
		expect(
			( await scanStore.listLog( site.id, 'beta.test' ) ).map(
				( e ) => e.note
			)
		).toEqual( [ 'second', 'first' ] );
	} );
} );

describe( 'CSV fields', () => {
	it( 'quotes separators and neutralises spreadsheet formulas', () => {
		expect( csvField( 'a,b' ) ).toBe( '"a,b"' );
		expect( csvField( 'say "hi"' ) ).toBe( '"say ""hi"""' );
		expect( csvField( '=HYPERLINK("x")' ) ).toBe( '"\'=HYPERLINK(""x"")"' );
		expect( csvField( '@cmd' ) ).toBe( "'@cmd" );
		expect( csvField( -1 ) ).toBe( '-1' );
		expect( csvField( null ) ).toBe( '' );
	} );
} );

describe( 'link graph', () => {
	it( 'replaces the links of a re-read post and drops posts a scan did not see', async () => {
		const first = await scanStore.createScan( {
			siteId: site.id,
			site: site.url,
			source: 'wp-rest',
			sitemapUrl: null,
			full: true,
			modifiedAfter: null,
			ownerPid: process.pid,
		} );
		await scanStore.savePosts(
			first.id,
			[
				post( 'a', [ 'http://one.test/', 'http://two.test/' ] ),
				post( 'b', [ 'http://two.test/x' ] ),
			],
			[],
			{ postsRead: 2 }
		);
		// The same page again (a resumed scan re-reading it): no duplicates.
		await scanStore.savePosts(
			first.id,
			[
				post( 'a', [ 'http://one.test/', 'http://two.test/' ] ),
				post( 'b', [ 'http://two.test/x' ] ),
			],
			[],
			{ postsRead: 2 }
		);
		expect( await scanStore.countTargets( site.id ) ).toBe( 3 );
		const second = await scanStore.createScan( {
			siteId: site.id,
			site: site.url,
			source: 'wp-rest',
			sitemapUrl: null,
			full: false,
			modifiedAfter: first.startedAt,
			ownerPid: process.pid,
		} );
		await scanStore.savePosts(
			second.id,
			[ post( 'a', [ 'http://three.test/' ] ) ],
			[],
			{ postsRead: 1 }
		);
		expect( await scanStore.dropUnseenPosts( second.id, '', {} ) ).toBe(
			1
		);
		const targets = await scanStore.listTargets( site.id, '', 10 );
		expect( targets.map( ( t ) => t.targetKey ) ).toEqual( [
			'three.test',
		] );
		expect( ( await scanStore.getScan( second.id ) )?.postsRemoved ).toBe(
			1
		);
		expect(
			( await scanStore.listPartnerDomains( site.id, '', 10 ) ).map(
				( d ) => d.domain
			)
		).toEqual( [ 'three.test' ] );
	} );

	it( 'stores the cursor in the same transaction as the page it follows', async () => {
		const scan = await scanStore.createScan( {
			siteId: site.id,
			site: site.url,
			source: 'wp-rest',
			sitemapUrl: null,
			full: true,
			modifiedAfter: null,
			ownerPid: process.pid,
		} );
		await scanStore.savePosts( scan.id, [ post( 'a', [] ) ], [], {
			cursor: { type: 'posts', page: 2 },
			postsRead: 1,
			postsTotal: 10,
		} );
		// A post with a link to a target whose domain is not a string fails the insert.
		const broken = post( 'b', [ 'http://one.test/' ] );
		( broken.links[ 0 ] as { domain: unknown } ).domain = null;
		await expect(
			scanStore.savePosts( scan.id, [ post( 'c', [] ), broken ], [], {
				cursor: { type: 'posts', page: 3 },
				postsRead: 3,
			} )
		).rejects.toMatchObject( {
			code: 'SQLITE_CONSTRAINT_NOTNULL',
		} );
		const stored = await scanStore.getScan( scan.id );
		expect( stored?.cursor ).toEqual( { type: 'posts', page: 2 } );
		expect( stored?.postsRead ).toBe( 1 );
		expect(
			await scanStore.knownPosts( site.id, [ 'a', 'b', 'c' ] )
		).toEqual( new Set( [ 'a' ] ) );
	} );
} );
