/**
 * The store contract: every method of `Store` and `ScanStore`, the same
 * cases run unchanged against the embedded SQLite store and the PostgreSQL
 * store (a real server started for this suite, a fresh database per case),
 * both opened through `connectStore` as the commands open them.
 * Backend-specific behaviour (file modes, WAL, migration mechanics) is
 * tested beside each implementation (store.test.ts, store-pg.test.ts).
 */
import type { PartnerRow, ReportQuery } from '../../src/core/report';
import { ReportQuerySchema } from '../../src/core/report';
import type { BacklinkResult, BacklinkStatus } from '../../src/core/schemas';
import { extractedLink } from '../helpers/extracted-link';
import {
	MAX_OUTBOUND_DOMAINS,
	MAX_PARTNER_PAGES_PER_SITE,
	type PartnerPage,
} from '../../src/core/graph/schemas';
import { connectStore } from '../../src/service/store';
import type { SiteRecord, Store, StoreLocation } from '../../src/service/store';
import type {
	ScanStore,
	ScannedPost,
} from '../../src/service/store/scan-types';
import { reportCsv } from '../../src/service/report/export';
import { sortValue } from '../../src/service/store/scan-rows';
import type { PartnerCursor } from '../../src/service/store/scan-rows';
import { storeBackends } from '../helpers/store-backends';
import type { ImportedBacklink } from '../../src/core/backlink-import';
import type {
	BacklinkStore,
	NewBacklinkImport,
} from '../../src/service/store/backlink-types';

function result(
	target: string,
	status: BacklinkStatus,
	checkedAt: string
): BacklinkResult {
	return {
		target,
		status,
		httpStatus: 200,
		detail: null,
		checkedAt,
		fromCache: false,
		page: null,
		links:
			status === 'links-back'
				? [
						{
							href: 'https://our.example/',
							text: 'Our site',
							rel: [],
							placement: 'content',
							hidden: null,
							isImage: false,
							block: 0,
							heading: null,
							inList: false,
							position: 0.5,
							pageUrl: target,
							foundOn: 'target-page',
							anchorClass: 'branded',
							toHomepage: true,
						},
					]
				: [],
	};
}

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

function post( key: string, targets: string[] ): ScannedPost {
	return {
		sourceKey: key,
		url: `https://our.test/${ key }/`,
		title: key,
		modifiedGmt: null,
		textSample: `text of ${ key }`,
		links: targets.map( ( href ) => ( {
			targetKey:
				new URL( href ).host +
				new URL( href ).pathname.replace( /\/$/, '' ),
			domain: new URL( href ).hostname,
			link: extractedLink( href, `to ${ new URL( href ).hostname }` ),
		} ) ),
	};
}

describe.each( storeBackends() )( 'store contract: $name', ( backend ) => {
	let location: StoreLocation;
	let store: Store;
	let scanStore: ScanStore;

	beforeAll( () => backend.setup(), 90_000 );
	afterAll( () => backend.teardown() );

	beforeEach( async () => {
		location = await backend.location();
		store = await connectStore( location );
		scanStore = store.openScanStore();
	} );

	afterEach( async () => {
		await scanStore.close();
		await store.close();
	} );

	async function reopen(): Promise< void > {
		await scanStore.close();
		await store.close();
		store = await connectStore( location );
		scanStore = store.openScanStore();
	}

	async function addSite( url = 'https://our.example/' ) {
		return store.addSite( {
			url,
			siteKey: new URL( url ).host,
			secret: 'k'.repeat( 64 ),
		} );
	}

	async function newScan( site: SiteRecord, full = true ) {
		return scanStore.createScan( {
			siteId: site.id,
			site: site.url,
			source: 'wp-rest',
			sitemapUrl: null,
			full,
			modifiedAfter: null,
			ownerPid: 4242,
		} );
	}

	describe( 'sites', () => {
		it( 'registers a site once, finds and lists it', async () => {
			const site = await addSite();
			expect( site ).toMatchObject( {
				url: 'https://our.example/',
				siteKey: 'our.example',
				secret: 'k'.repeat( 64 ),
				alternateUrls: [],
				allowRendered: false,
			} );
			expect( Date.parse( site.createdAt ) ).not.toBeNaN();
			await expect( addSite() ).rejects.toMatchObject( {
				code: 'ERR_SITE_EXISTS',
			} );
			expect( await store.findSite( 'our.example' ) ).toEqual( site );
			expect( await store.findSite( 'other.example' ) ).toBeNull();
			const other = await addSite( 'https://other.example/' );
			expect( ( await store.listSites() ).map( ( s ) => s.id ) ).toEqual(
				[ site.id, other.id ]
			);
			expect( await store.countSitesWithKeys() ).toBe( 2 );
		} );

		it( 'gives a key to a site known from CLI checks, keeping its id', async () => {
			const known = await store.ensureSite( {
				url: 'http://our.example/',
				siteKey: 'our.example',
			} );
			expect( known.secret ).toBeNull();
			expect( await store.countSitesWithKeys() ).toBe( 0 );
			expect( ( await store.ensureSite( known ) ).id ).toBe( known.id );
			const registered = await store.addSite( {
				url: 'https://our.example/',
				siteKey: 'our.example',
				secret: 's',
				alternateUrls: [ 'https://old.example/' ],
				allowRendered: true,
			} );
			expect( registered ).toMatchObject( {
				id: known.id,
				url: 'https://our.example/',
				secret: 's',
				alternateUrls: [ 'https://old.example/' ],
				allowRendered: true,
			} );
		} );

		it( 'replaces alternate URLs and the rendered permission; null for an unknown site', async () => {
			await addSite();
			expect(
				(
					await store.setAlternateUrls( 'our.example', [
						'https://a.example/',
						'https://b.example/',
					] )
				)?.alternateUrls
			).toEqual( [ 'https://a.example/', 'https://b.example/' ] );
			expect(
				( await store.setAllowRendered( 'our.example', true ) )
					?.allowRendered
			).toBe( true );
			expect(
				( await store.findSite( 'our.example' ) )?.allowRendered
			).toBe( true );
			expect(
				await store.setAlternateUrls( 'nobody.example', [] )
			).toBeNull();
			expect(
				await store.setAllowRendered( 'nobody.example', true )
			).toBeNull();
		} );

		it( 'removes a site with its results, settings and scans', async () => {
			const site = await addSite();
			await store.recordChecks( site.id, [
				{
					targetKey: 'a.example',
					domain: 'a.example',
					withHomepage: true,
					result: result(
						'https://a.example/',
						'no-link',
						'2026-01-01T00:00:00Z'
					),
				},
			] );
			await store.setSiteSettings( site.id, { keywords: [ 'x' ] } );
			const scan = await newScan( site );
			await scanStore.savePosts(
				scan.id,
				[ post( 'a', [ 'http://one.test/' ] ) ],
				[],
				{}
			);
			expect( await store.removeSite( 'our.example' ) ).toBe( true );
			expect( await store.removeSite( 'our.example' ) ).toBe( false );
			expect( await store.listSites() ).toEqual( [] );
			expect( await store.checkHistory( site.id ) ).toEqual( [] );
			expect( await store.getSiteSettings( site.id ) ).toBeNull();
			expect( await scanStore.getScan( scan.id ) ).toBeNull();
			expect( await scanStore.countTargets( site.id ) ).toBe( 0 );
		} );
	} );

	describe( 'settings and nonces', () => {
		it( 'replaces the stored settings fields on each save and returns only those', async () => {
			const site = await addSite();
			expect( await store.getSiteSettings( site.id ) ).toBeNull();
			await store.setSiteSettings( site.id, {
				keywords: [ 'garden' ],
				checkTtlHours: 2,
			} );
			await store.setSiteSettings( site.id, { minRelevance: 0.2 } );
			const stored = await store.getSiteSettings( site.id );
			expect( stored?.settings ).toEqual( { minRelevance: 0.2 } );
			expect( Date.parse( stored!.updatedAt ) ).not.toBeNaN();
		} );

		it( 'accepts a nonce once while it is live and again once it expired', async () => {
			const T0 = Date.parse( '2026-11-25T12:00:00Z' );
			const WINDOW = 300_000;
			expect( await store.rememberNonce( '1:aa', T0 + WINDOW, T0 ) ).toBe(
				true
			);
			expect(
				await store.rememberNonce( '1:aa', T0 + WINDOW, T0 + WINDOW )
			).toBe( false );
			expect( await store.rememberNonce( '2:aa', T0 + WINDOW, T0 ) ).toBe(
				true
			);
			expect(
				await store.rememberNonce(
					'1:aa',
					T0 + 3 * WINDOW,
					T0 + WINDOW + 1
				)
			).toBe( true );
			// Kept by the database: a reopened store still refuses it.
			await reopen();
			expect(
				await store.rememberNonce(
					'1:aa',
					T0 + 3 * WINDOW,
					T0 + WINDOW + 2
				)
			).toBe( false );
		} );

		it( 'refuses to record a nonce once closed', async () => {
			await scanStore.close();
			await store.close();
			await expect(
				store.rememberNonce( '1:aa', Date.now() + 1000, Date.now() )
			).rejects.toMatchObject( { code: 'ERR_STORE_CLOSED' } );
			// afterEach closes again: closing twice is harmless.
		} );
	} );

	describe( 'checks', () => {
		it( 'keeps every result as history and serves the newest as latest', async () => {
			const site = await addSite();
			const target = 'https://partner.example/post';
			await store.recordChecks( site.id, [
				{
					targetKey: 'partner.example/post',
					domain: 'partner.example',
					withHomepage: true,
					result: {
						...result(
							target,
							'links-back',
							'2026-01-01T00:00:00.000Z'
						),
						fromCache: true,
						validators: {
							page: { etag: '"v1"', lastModified: 'Mon' },
							homepage: null,
						},
					},
				},
			] );
			await store.recordChecks( site.id, [
				{
					targetKey: 'partner.example/post',
					domain: 'partner.example',
					withHomepage: false,
					result: result(
						target,
						'no-link',
						'2026-01-03T00:00:00.000Z'
					),
				},
			] );
			const latest = await store.latestChecks( site.id, [
				'unknown.example',
				'partner.example/post',
				'partner.example/post',
			] );
			expect( [ ...latest.keys() ] ).toEqual( [
				'partner.example/post',
			] );
			expect( latest.get( 'partner.example/post' ) ).toMatchObject( {
				siteId: site.id,
				status: 'no-link',
				withHomepage: false,
				domain: 'partner.example',
				checkedAt: '2026-01-03T00:00:00.000Z',
				checkedAtMs: Date.parse( '2026-01-03T00:00:00.000Z' ),
			} );
			const history = await store.checkHistory( site.id, {
				domain: 'partner.example',
			} );
			expect( history.map( ( h ) => h.status ) ).toEqual( [
				'no-link',
				'links-back',
			] );
			expect( history[ 1 ] ).toMatchObject( {
				withHomepage: true,
				validators: { etag: '"v1"', lastModified: 'Mon' },
			} );
			// fromCache describes a response, never a stored observation.
			expect( history[ 1 ].result.fromCache ).toBe( false );
			expect( history[ 1 ].result.links[ 0 ].text ).toBe( 'Our site' );
			expect(
				await store.checkHistory( site.id, {
					targetKey: 'partner.example/post',
					limit: 1,
				} )
			).toHaveLength( 1 );
			expect(
				await store.checkHistory( site.id, { domain: 'x.example' } )
			).toEqual( [] );
		} );

		it( 'refuses a result whose checkedAt is not a date, storing none of the batch', async () => {
			const site = await addSite();
			await expect(
				store.recordChecks( site.id, [
					{
						targetKey: 'a.example',
						domain: 'a.example',
						withHomepage: true,
						result: result(
							'https://a.example/',
							'no-link',
							'2026-01-01T00:00:00Z'
						),
					},
					{
						targetKey: 'b.example',
						domain: 'b.example',
						withHomepage: true,
						result: result(
							'https://b.example/',
							'no-link',
							'yesterday'
						),
					},
				] )
			).rejects.toMatchObject( { code: 'ERR_STORE_INVALID' } );
			expect( await store.checkHistory( site.id ) ).toEqual( [] );
		} );

		it( 'survives a reopen with nothing lost', async () => {
			const site = await addSite();
			await store.recordChecks( site.id, [
				{
					targetKey: 'a.example',
					domain: 'a.example',
					withHomepage: false,
					result: result(
						'https://a.example/',
						'links-back',
						'2026-02-01T00:00:00.000Z'
					),
				},
			] );
			await reopen();
			const latest = await store.latestChecks( site.id, [ 'a.example' ] );
			expect( latest.get( 'a.example' )?.result.status ).toBe(
				'links-back'
			);
		} );

		it( 'counts outbound domains, current reciprocal partners and new ones', async () => {
			const site = await addSite();
			const record = (
				key: string,
				domain: string,
				status: BacklinkStatus,
				at: string
			) =>
				store.recordChecks( site.id, [
					{
						targetKey: key,
						domain,
						withHomepage: true,
						result: result( `https://${ key }`, status, at ),
					},
				] );
			await record(
				'old.example/a',
				'old.example',
				'links-back',
				'2025-01-01T00:00:00Z'
			);
			await record(
				'old.example/a',
				'old.example',
				'links-back',
				'2026-03-01T00:00:00Z'
			);
			await record(
				'new.example/a',
				'new.example',
				'links-back',
				'2026-02-25T00:00:00Z'
			);
			await record(
				'new.example/b',
				'new.example',
				'links-back',
				'2026-02-26T00:00:00Z'
			);
			await record(
				'gone.example/a',
				'gone.example',
				'links-back',
				'2026-02-20T00:00:00Z'
			);
			await record(
				'gone.example/a',
				'gone.example',
				'no-link',
				'2026-02-28T00:00:00Z'
			);
			await record(
				'walled.example/a',
				'walled.example',
				'links-back',
				'2025-06-01T00:00:00Z'
			);
			await record(
				'walled.example/a',
				'walled.example',
				'timeout',
				'2026-02-27T00:00:00Z'
			);
			await record(
				'walled.example/a',
				'walled.example',
				'blocked-by-bot-protection',
				'2026-02-28T00:00:00Z'
			);
			await record(
				'plain.example/',
				'plain.example',
				'no-link',
				'2026-02-28T00:00:00Z'
			);
			expect(
				await store.siteStats(
					site.id,
					new Date( '2026-02-01T00:00:00Z' )
				)
			).toEqual( {
				outboundDomains: 5,
				reciprocalPartners: 3,
				newReciprocalPartners: 1,
			} );
		} );
	} );

	describe( 'partner graph', () => {
		function page(
			pageUrl: string,
			readAt: string,
			outbound: string[] = [ 'c.example' ]
		): PartnerPage {
			return {
				pageUrl,
				domain: new URL( pageUrl ).hostname,
				foundOn: 'target-page',
				target: pageUrl,
				readAt,
				linksToUs: 1,
				outbound: outbound.map( ( domain, i ) => ( {
					domain,
					links: i + 1,
					sample: `https://${ domain }/`,
				} ) ),
				outboundTotal: outbound.length,
			};
		}

		it( 'keeps each page once, newest read first, per site', async () => {
			const site = await addSite();
			const other = await addSite( 'https://other.example/' );
			await store.recordPartnerPages( site.id, [
				page( 'https://b.example/post', '2026-01-01T00:00:00.000Z' ),
				page( 'https://d.example/', '2026-01-02T00:00:00.000Z' ),
			] );
			// A newer read of the same page (another spelling of its URL)
			// replaces it; an older one does not.
			await store.recordPartnerPages( site.id, [
				page(
					'http://www.b.example/post/',
					'2026-01-03T00:00:00.000Z',
					[ 'e.example' ]
				),
			] );
			await store.recordPartnerPages( site.id, [
				page( 'https://b.example/post', '2026-01-01T12:00:00.000Z', [
					'stale.example',
				] ),
			] );
			await store.recordPartnerPages( other.id, [
				page( 'https://x.example/', '2026-01-01T00:00:00.000Z' ),
			] );
			await reopen();
			const pages = await store.partnerPages( site.id );
			expect(
				pages.map( ( p ) => [ p.pageUrl, p.outbound[ 0 ].domain ] )
			).toEqual( [
				[ 'http://www.b.example/post/', 'e.example' ],
				[ 'https://d.example/', 'c.example' ],
			] );
			expect( pages[ 1 ] ).toEqual(
				page( 'https://d.example/', '2026-01-02T00:00:00.000Z' )
			);
			expect( await store.partnerPages( other.id ) ).toHaveLength( 1 );
			await store.removeSite( 'our.example' );
			expect( await store.partnerPages( site.id ) ).toEqual( [] );
		} );

		it( 'refuses a page that breaks the bounds, naming the field', async () => {
			const site = await addSite();
			const big = page(
				'https://b.example/',
				'2026-01-01T00:00:00.000Z',
				Array.from(
					{ length: MAX_OUTBOUND_DOMAINS + 1 },
					( _, i ) => `d${ i }.example`
				)
			);
			await expect(
				store.recordPartnerPages( site.id, [ big ] )
			).rejects.toMatchObject( {
				code: 'ERR_STORE_INVALID',
				message: expect.stringContaining( 'outbound' ),
			} );
			await expect(
				store.recordPartnerPages( site.id, [
					page( 'https://b.example/', 'yesterday' ),
				] )
			).rejects.toMatchObject( {
				code: 'ERR_STORE_INVALID',
				message: expect.stringContaining( 'readAt' ),
			} );
			expect( await store.partnerPages( site.id ) ).toEqual( [] );
		} );

		it( 'moves the graph version when pages are recorded, before any backlink table exists', async () => {
			const site = await addSite();
			const other = await addSite( 'https://other.example/' );
			const empty = await store.graphVersion( site.id );
			expect( await store.graphVersion( site.id ) ).toBe( empty );
			await store.recordPartnerPages( site.id, [
				page( 'https://b.example/', '2026-01-01T00:00:00.000Z' ),
			] );
			const one = await store.graphVersion( site.id );
			expect( one ).not.toBe( empty );
			// A newer read of the same page; an older one changes nothing.
			await store.recordPartnerPages( site.id, [
				page( 'https://b.example/', '2026-01-02T00:00:00.000Z' ),
			] );
			const reread = await store.graphVersion( site.id );
			expect( reread ).not.toBe( one );
			await store.recordPartnerPages( site.id, [
				page( 'https://b.example/', '2026-01-01T12:00:00.000Z' ),
			] );
			expect( await store.graphVersion( site.id ) ).toBe( reread );
			// Another site's pages are not this site's graph.
			await store.recordPartnerPages( other.id, [
				page( 'https://x.example/', '2026-01-03T00:00:00.000Z' ),
			] );
			expect( await store.graphVersion( site.id ) ).toBe( reread );
		} );

		it( `keeps the ${ MAX_PARTNER_PAGES_PER_SITE } most recently read pages of a site`, async () => {
			const site = await addSite();
			const base = Date.parse( '2026-01-01T00:00:00.000Z' );
			const pages = Array.from(
				{ length: MAX_PARTNER_PAGES_PER_SITE + 5 },
				( _, i ) =>
					page(
						`https://p${ i }.example/`,
						new Date( base + i * 1000 ).toISOString(),
						[]
					)
			);
			await store.recordPartnerPages( site.id, pages );
			const kept = await store.partnerPages( site.id );
			expect( kept ).toHaveLength( MAX_PARTNER_PAGES_PER_SITE );
			expect( kept[ 0 ].pageUrl ).toBe(
				`https://p${ MAX_PARTNER_PAGES_PER_SITE + 4 }.example/`
			);
			const urls = new Set( kept.map( ( p ) => p.pageUrl ) );
			expect( urls.has( 'https://p4.example/' ) ).toBe( false );
			expect( urls.has( 'https://p5.example/' ) ).toBe( true );
		} );
	} );

	describe( 'scans', () => {
		it( 'creates, claims, moves and finishes a scan', async () => {
			const site = await addSite();
			expect( await scanStore.latestScan( site.id ) ).toBeNull();
			const scan = await newScan( site, false );
			expect( scan ).toMatchObject( {
				siteId: site.id,
				site: site.url,
				source: 'wp-rest',
				sitemapUrl: null,
				full: false,
				state: 'running',
				phase: 'posts',
				cursor: {},
				postsRead: 0,
				postsTotal: null,
				ownerPid: 4242,
				finishedAt: null,
			} );
			expect( ( await scanStore.unfinishedScan( site.id ) )?.id ).toBe(
				scan.id
			);
			await scanStore.saveProgress( scan.id, {
				phase: 'partners',
				cursor: { after: 'b.test', done: false, n: 3 },
				partnersChecked: 4,
				partnersTotal: 9,
			} );
			const interrupted = await scanStore.setScanState(
				scan.id,
				'interrupted',
				'stopped'
			);
			expect( interrupted ).toMatchObject( {
				state: 'interrupted',
				error: 'stopped',
				phase: 'partners',
				cursor: { after: 'b.test', done: false, n: 3 },
				partnersChecked: 4,
				partnersTotal: 9,
				finishedAt: null,
			} );
			const claimed = await scanStore.claimScan( scan.id, 777 );
			expect( claimed ).toMatchObject( {
				state: 'running',
				ownerPid: 777,
				error: null,
			} );
			expect( claimed.heartbeatMs ).toBeGreaterThan( 0 );
			expect( await scanStore.lastCompletedScan( site.id ) ).toBeNull();
			const done = await scanStore.setScanState( scan.id, 'done' );
			expect( done.state ).toBe( 'done' );
			expect( Date.parse( done.finishedAt! ) ).not.toBeNaN();
			expect( await scanStore.unfinishedScan( site.id ) ).toBeNull();
			expect(
				( await scanStore.lastCompletedScan( site.id, 'wp-rest' ) )?.id
			).toBe( scan.id );
			expect(
				await scanStore.lastCompletedScan( site.id, 'sitemap' )
			).toBeNull();
			const next = await newScan( site );
			expect( ( await scanStore.latestScan( site.id ) )?.id ).toBe(
				next.id
			);
			expect( ( await scanStore.getScan( scan.id ) )?.state ).toBe(
				'done'
			);
		} );

		it( 'refuses every write of an attempt once a newer one claimed the scan, writing nothing of it', async () => {
			const site = await addSite();
			const scan = await newScan( site );
			expect( scan.attempt ).toBe( 1 );
			await scanStore.savePosts(
				scan.id,
				[ post( 'a', [ 'http://one.test/' ] ) ],
				[],
				{ cursor: { page: 1 }, postsRead: 1 },
				1
			);
			// The job's worker hangs; its successor claims the scan.
			const taken = await scanStore.claimScan( scan.id, 777 );
			expect( taken.attempt ).toBe( 2 );
			await scanStore.saveProgress(
				scan.id,
				{ cursor: { page: 5 }, postsRead: 50 },
				2
			);
			const stale = [
				() =>
					scanStore.savePosts(
						scan.id,
						[ post( 'z', [ 'http://stale.test/' ] ) ],
						[ 'a' ],
						{ cursor: { page: 2 }, postsRead: 2 },
						1
					),
				() =>
					scanStore.saveProgress(
						scan.id,
						{ cursor: { page: 2 }, postsRead: 2 },
						1
					),
				() =>
					scanStore.markSeen(
						scan.id,
						[ 'a' ],
						{ cursor: { page: 2 } },
						1
					),
				() =>
					scanStore.dropUnseenPosts(
						scan.id,
						'',
						{ phase: 'partners' },
						1
					),
				() => scanStore.setScanState( scan.id, 'failed', 'x', 1 ),
				() => scanStore.setScanState( scan.id, 'done', null, 1 ),
			];
			for ( const write of stale ) {
				await expect( write() ).rejects.toMatchObject( {
					code: 'ERR_SCAN_TAKEN_OVER',
					message: expect.stringContaining( `scan ${ scan.id }` ),
				} );
			}
			// Nothing of the refused batches: the successor's progress, the
			// first attempt's post, no post 'z', nothing dropped.
			expect( await scanStore.getScan( scan.id ) ).toMatchObject( {
				state: 'running',
				phase: 'posts',
				cursor: { page: 5 },
				postsRead: 50,
				ownerPid: 777,
				attempt: 2,
			} );
			expect(
				( await scanStore.listPosts( site.id, 0, 10 ) ).map(
					( p ) => p.url
				)
			).toEqual( [ 'https://our.test/a/' ] );
			// The owner's own writes go through.
			await scanStore.markSeen( scan.id, [ 'a' ], {}, 2 );
			expect(
				( await scanStore.setScanState( scan.id, 'done', null, 2 ) )
					.state
			).toBe( 'done' );
			await expect(
				scanStore.saveProgress( 999, {}, 1 )
			).rejects.toMatchObject( { code: 'ERR_SCAN_UNKNOWN' } );
		} );

		it( 'names an unknown scan', async () => {
			expect( await scanStore.getScan( 999 ) ).toBeNull();
			for ( const attempt of [
				() => scanStore.claimScan( 999, 1 ),
				() => scanStore.setScanState( 999, 'done' ),
				() => scanStore.savePosts( 999, [], [], {} ),
				() => scanStore.markSeen( 999, [], {} ),
				() => scanStore.dropUnseenPosts( 999, '', {} ),
			] ) {
				await expect( attempt() ).rejects.toMatchObject( {
					code: 'ERR_SCAN_UNKNOWN',
				} );
			}
		} );
	} );

	describe( 'link graph', () => {
		it( 'replaces the links of a re-read post and drops posts a scan did not see', async () => {
			const site = await addSite();
			const first = await newScan( site );
			const page = [
				post( 'a', [ 'http://one.test/', 'http://two.test/' ] ),
				post( 'b', [ 'http://two.test/x' ] ),
			];
			await scanStore.savePosts( first.id, page, [], { postsRead: 2 } );
			// The same page again (a resumed scan re-reading it): no duplicates.
			await scanStore.savePosts( first.id, page, [], { postsRead: 2 } );
			expect( await scanStore.countTargets( site.id ) ).toBe( 3 );
			const second = await newScan( site, false );
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
			expect( targets ).toEqual( [
				{
					targetKey: 'three.test',
					href: 'http://three.test/',
					domain: 'three.test',
					anchorText: 'to three.test',
				},
			] );
			expect(
				( await scanStore.getScan( second.id ) )?.postsRemoved
			).toBe( 1 );
		} );

		it( 'marks unchanged posts seen, drops only under the prefix, and knows the stored keys', async () => {
			const site = await addSite();
			const first = await newScan( site );
			await scanStore.savePosts(
				first.id,
				[
					post( 'wp:post:1', [ 'http://one.test/' ] ),
					post( 'wp:post:2', [] ),
					post( 'wp:page:1', [] ),
				],
				[],
				{}
			);
			const second = await newScan( site, false );
			await scanStore.savePosts( second.id, [], [ 'wp:post:1' ], {} );
			await scanStore.markSeen( second.id, [ 'wp:page:1' ], {
				postsRead: 7,
				cursor: { type: 'ids' },
			} );
			expect( await scanStore.getScan( second.id ) ).toMatchObject( {
				postsRead: 7,
				cursor: { type: 'ids' },
			} );
			// wp:post:2 was not seen; wp:page:* is outside the prefix.
			expect(
				await scanStore.dropUnseenPosts( second.id, 'wp:post:', {} )
			).toBe( 1 );
			expect(
				await scanStore.knownPosts( site.id, [
					'wp:post:1',
					'wp:post:2',
					'wp:page:1',
					'nope',
				] )
			).toEqual( new Set( [ 'wp:post:1', 'wp:page:1' ] ) );
			expect( await scanStore.knownPosts( site.id, [] ) ).toEqual(
				new Set()
			);
		} );

		it( 'lists targets, posts and partner domains in key order, page by page', async () => {
			const site = await addSite();
			const scan = await newScan( site );
			await scanStore.savePosts(
				scan.id,
				[
					post( 'p1', [ 'http://b.test/1', 'http://a.test/' ] ),
					post( 'p2', [ 'http://b.test/2', 'http://b.test/1' ] ),
					post( 'p3', [] ),
				],
				[],
				{}
			);
			expect(
				( await scanStore.listTargets( site.id, '', 2 ) ).map(
					( t ) => t.targetKey
				)
			).toEqual( [ 'a.test', 'b.test/1' ] );
			expect(
				( await scanStore.listTargets( site.id, 'b.test/1', 2 ) ).map(
					( t ) => t.targetKey
				)
			).toEqual( [ 'b.test/2' ] );
			const posts = await scanStore.listPosts( site.id, 0, 2 );
			expect( posts.map( ( p ) => p.title ) ).toEqual( [ 'p1', 'p2' ] );
			expect( posts[ 0 ] ).toMatchObject( {
				url: 'https://our.test/p1/',
				textSample: 'text of p1',
			} );
			expect( posts[ 0 ].links ).toEqual( [
				{
					targetKey: 'b.test/1',
					domain: 'b.test',
					link: extractedLink( 'http://b.test/1', 'to b.test' ),
				},
				{
					targetKey: 'a.test',
					domain: 'a.test',
					link: extractedLink( 'http://a.test/', 'to a.test' ),
				},
			] );
			const rest = await scanStore.listPosts( site.id, posts[ 1 ].id, 5 );
			expect( rest.map( ( p ) => [ p.title, p.links ] ) ).toEqual( [
				[ 'p3', [] ],
			] );
			const domains = await scanStore.listPartnerDomains(
				site.id,
				'',
				10
			);
			expect(
				domains.map( ( d ) => ( {
					...d,
					targetKeys: [ ...d.targetKeys ].sort(),
				} ) )
			).toEqual( [
				{
					domain: 'a.test',
					targetKeys: [ 'a.test' ],
					ourPosts: 1,
					ourLinks: 1,
				},
				{
					domain: 'b.test',
					targetKeys: [ 'b.test/1', 'b.test/2' ],
					ourPosts: 2,
					ourLinks: 3,
				},
			] );
			expect(
				await scanStore.listPartnerDomains( site.id, 'a.test', 10 )
			).toHaveLength( 1 );
			expect(
				await scanStore.linksToDomain( site.id, 'b.test' )
			).toEqual( [
				{
					postUrl: 'https://our.test/p1/',
					postTitle: 'p1',
					postText: 'text of p1',
					link: extractedLink( 'http://b.test/1', 'to b.test' ),
				},
				{
					postUrl: 'https://our.test/p2/',
					postTitle: 'p2',
					postText: 'text of p2',
					link: extractedLink( 'http://b.test/2', 'to b.test' ),
				},
				{
					postUrl: 'https://our.test/p2/',
					postTitle: 'p2',
					postText: 'text of p2',
					link: extractedLink( 'http://b.test/1', 'to b.test' ),
				},
			] );
			// The links of the first post only (p2 links there twice).
			expect(
				(
					await scanStore.linksToDomain( site.id, 'b.test', {
						posts: 1,
					} )
				).map( ( found ) => found.link.href )
			).toEqual( [ 'http://b.test/1' ] );
			expect(
				(
					await scanStore.linksToDomain( site.id, 'b.test', {
						posts: 2,
					} )
				).map( ( found ) => found.link.href )
			).toEqual( [
				'http://b.test/1',
				'http://b.test/2',
				'http://b.test/1',
			] );
			// The same links a page at a time, each page after the last
			// position of the one before (the partner detail's pages).
			const all = await scanStore.linksToDomain( site.id, 'b.test' );
			for ( const limit of [ 1, 2 ] ) {
				const paged = [];
				let after = null;
				for ( let round = 0; round < 10; round++ ) {
					const page = await scanStore.linksToDomainAfter(
						site.id,
						'b.test',
						after,
						limit
					);
					expect( page.length ).toBeLessThanOrEqual( limit );
					if ( page.length === 0 ) {
						break;
					}
					paged.push( ...page );
					after = page[ page.length - 1 ];
				}
				expect(
					paged.map( ( { postUrl, postTitle, link: l } ) => ( {
						postUrl,
						postTitle,
						link: l,
					} ) )
				).toEqual(
					all.map( ( { postUrl, postTitle, link: l } ) => ( {
						postUrl,
						postTitle,
						link: l,
					} ) )
				);
				expect( paged.map( ( found ) => found.seq ) ).toEqual( [
					0, 0, 1,
				] );
			}
			expect(
				await scanStore.linksToDomainAfter( site.id, 'x.test', null, 5 )
			).toEqual( [] );
		} );

		it( 'keeps the first time a partner was seen across re-reads', async () => {
			const site = await addSite();
			const scan = await newScan( site );
			await scanStore.savePosts(
				scan.id,
				[ post( 'a', [ 'http://one.test/' ] ) ],
				[],
				{}
			);
			const seen = await scanStore.partnerFirstSeen(
				site.id,
				[ 'one.test', 'new.test' ],
				'2099-01-01T00:00:00.000Z'
			);
			expect( seen.get( 'new.test' ) ).toBe( '2099-01-01T00:00:00.000Z' );
			const first = seen.get( 'one.test' )!;
			expect( first < '2099' ).toBe( true );
			await scanStore.savePosts(
				scan.id,
				[ post( 'a', [ 'http://one.test/' ] ) ],
				[],
				{}
			);
			expect(
				(
					await scanStore.partnerFirstSeen(
						site.id,
						[ 'one.test' ],
						'2099-01-01T00:00:00.000Z'
					)
				).get( 'one.test' )
			).toBe( first );
		} );

		it( 'stores the cursor in the same transaction as the page it follows', async () => {
			const site = await addSite();
			const scan = await newScan( site );
			await scanStore.savePosts( scan.id, [ post( 'a', [] ) ], [], {
				cursor: { type: 'posts', page: 2 },
				postsRead: 1,
				postsTotal: 10,
			} );
			// A link whose domain is not a string fails the insert.
			const broken = post( 'b', [ 'http://one.test/' ] );
			( broken.links[ 0 ] as { domain: unknown } ).domain = null;
			await expect(
				scanStore.savePosts( scan.id, [ post( 'c', [] ), broken ], [], {
					cursor: { type: 'posts', page: 3 },
					postsRead: 3,
				} )
				// Not toThrow(): better-sqlite3's errors come from outside the
				// test's realm, so they are not `instanceof Error` in a worker.
			).rejects.toMatchObject( {
				message: expect.stringMatching( /not[- ]null/i ),
			} );
			const stored = await scanStore.getScan( scan.id );
			expect( stored?.cursor ).toEqual( { type: 'posts', page: 2 } );
			expect( stored?.postsRead ).toBe( 1 );
			expect(
				await scanStore.knownPosts( site.id, [ 'a', 'b', 'c' ] )
			).toEqual( new Set( [ 'a' ] ) );
		} );
	} );

	describe( 'findings', () => {
		it( 'replaces post and site findings and counts them by code and severity', async () => {
			const site = await addSite();
			const scan = await newScan( site );
			await scanStore.savePosts(
				scan.id,
				[
					post( 'a', [ 'http://one.test/' ] ),
					post( 'b', [ 'http://two.test/' ] ),
				],
				[],
				{}
			);
			const [ a, b ] = await scanStore.listPosts( site.id, 0, 10 );
			const warning = {
				code: 'boilerplate-backlink' as const,
				severity: 'warning' as const,
				params: { n: 1 },
			};
			const critical = {
				code: 'exact-match-anchor-both' as const,
				severity: 'critical' as const,
				params: {},
			};
			await scanStore.replacePostFindings(
				site.id,
				new Map( [
					[
						a.id,
						[
							{ domain: 'one.test', finding: warning },
							{ domain: 'one.test', finding: critical },
						],
					],
					[ b.id, [ { domain: 'two.test', finding: warning } ] ],
				] )
			);
			// Replacing a's findings leaves b's alone.
			await scanStore.replacePostFindings(
				site.id,
				new Map( [
					[ a.id, [ { domain: 'one.test', finding: critical } ] ],
				] )
			);
			expect(
				await scanStore.postFindingsOfDomain( site.id, 'one.test' )
			).toEqual( [ critical ] );
			expect(
				await scanStore.postFindingsOfDomain( site.id, 'two.test' )
			).toEqual( [ warning ] );
			await scanStore.replaceSiteFindings( site.id, [
				warning,
				warning,
			] );
			await scanStore.replaceSiteFindings( site.id, [ warning ] );
			expect( await scanStore.findingCounts( site.id ) ).toEqual( [
				{ code: 'boilerplate-backlink', severity: 'warning', count: 2 },
				{
					code: 'exact-match-anchor-both',
					severity: 'critical',
					count: 1,
				},
			] );
			await scanStore.replaceSiteFindings( site.id, [] );
			expect( await scanStore.findingCounts( site.id ) ).toHaveLength(
				2
			);
			// Many posts with the same finding about a domain: the first of
			// each kind, in post order.
			const later = { ...warning, params: { n: 2 } };
			await scanStore.replacePostFindings(
				site.id,
				new Map( [
					[
						a.id,
						[
							{ domain: 'two.test', finding: critical },
							{ domain: 'two.test', finding: warning },
						],
					],
					[
						b.id,
						[
							{ domain: 'two.test', finding: later },
							{ domain: 'two.test', finding: critical },
						],
					],
				] )
			);
			expect(
				await scanStore.postFindingsOfDomain( site.id, 'two.test' )
			).toEqual( [ critical, warning ] );
		} );
	} );

	describe( 'partner rows', () => {
		let site: SiteRecord;

		beforeEach( async () => {
			site = await store.ensureSite( {
				url: 'https://our.test/',
				siteKey: 'our.test',
			} );
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

		const domains = async ( q: Partial< ReportQuery > ) =>
			( await scanStore.queryPartners( site.id, query( q ) ) ).rows.map(
				( r ) => r.domain
			);

		it( 'filters by status, finding and placement of their link', async () => {
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

		it( 'searches domains ignoring case, treating % and _ literally', async () => {
			expect( await domains( { search: 'SHOP' } ) ).toEqual( [
				'delta-shop.test',
			] );
			expect( await domains( { search: '%' } ) ).toEqual( [] );
			expect( await domains( { search: '_' } ) ).toEqual( [] );
		} );

		it( 'sorts on the server, nulls last in both directions, findings by severity weight', async () => {
			expect(
				await domains( { orderBy: 'ourLinks', order: 'desc' } )
			).toEqual( [
				'gamma.test',
				'alpha.test',
				'beta.test',
				'delta-shop.test',
			] );
			expect(
				await domains( { orderBy: 'relevance', order: 'asc' } )
			).toEqual( [
				'alpha.test',
				'beta.test',
				'delta-shop.test',
				'gamma.test',
			] );
			expect(
				await domains( { orderBy: 'relevance', order: 'desc' } )
			).toEqual( [
				'beta.test',
				'alpha.test',
				'delta-shop.test',
				'gamma.test',
			] );
			expect(
				await domains( { orderBy: 'lastChecked', order: 'desc' } )
			).toEqual( [
				'alpha.test',
				'beta.test',
				'gamma.test',
				'delta-shop.test',
			] );
			expect(
				(
					await domains( { orderBy: 'findings', order: 'desc' } )
				).slice( 0, 2 )
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

		it( 'pages by keyset in every order and filter exactly as the offset pages list them', async () => {
			for ( const orderBy of ReportQuerySchema.shape.orderBy.removeDefault()
				.options ) {
				for ( const order of [ 'asc', 'desc' ] as const ) {
					for ( const filter of [
						{},
						{ status: 'links-back' as const },
						{ search: 'a' },
					] ) {
						const listed = query( {
							...filter,
							orderBy,
							order,
							perPage: 200,
						} );
						const expected = (
							await scanStore.queryPartners( site.id, listed )
						).rows.map( ( r ) => r.domain );
						for ( const limit of [ 1, 3 ] ) {
							const seen: string[] = [];
							let after: PartnerCursor | null = null;
							for ( let round = 0; round < 10; round++ ) {
								const page: PartnerRow[] =
									await scanStore.partnersAfter(
										site.id,
										listed,
										after,
										limit
									);
								expect( page.length ).toBeLessThanOrEqual(
									limit
								);
								if ( page.length === 0 ) {
									break;
								}
								seen.push( ...page.map( ( r ) => r.domain ) );
								const last = page[ page.length - 1 ];
								after = {
									value: sortValue( last, orderBy ),
									domain: last.domain,
								};
							}
							expect( {
								orderBy,
								order,
								filter,
								limit,
								seen,
							} ).toEqual( {
								orderBy,
								order,
								filter,
								limit,
								seen: expected,
							} );
						}
					}
				}
			}
		} );

		it( 'gets one partner, streams them all in domain order, and replaces them whole', async () => {
			expect(
				( await scanStore.getPartner( site.id, 'beta.test' ) )
					?.relevance
			).toBe( 0.9 );
			expect(
				await scanStore.getPartner( site.id, 'nope.test' )
			).toBeNull();
			const all: string[] = [];
			for await ( const partner of scanStore.allPartners( site.id ) ) {
				all.push( partner.domain );
			}
			expect( all ).toEqual( [
				'alpha.test',
				'beta.test',
				'delta-shop.test',
				'gamma.test',
			] );
			await scanStore.replacePartners(
				site.id,
				[
					{
						row: row( 'omega.test' ),
						reciprocalSince: null,
						theirPlacements: [],
					},
				],
				[]
			);
			expect( await domains( {} ) ).toEqual( [ 'omega.test' ] );
			expect( await domains( { placement: 'footer' } ) ).toEqual( [] );
			expect( await scanStore.listAlerts( site.id ) ).toEqual( [] );
		} );

		it( 'counts partners, those linking back and the new ones', async () => {
			const day = 86_400_000;
			expect(
				await scanStore.partnerCounts(
					site.id,
					new Date( Date.now() - 30 * day ).toISOString(),
					new Date( Date.now() - 90 * day ).toISOString()
				)
			).toEqual( {
				partnerDomains: 4,
				linkingBack: 2,
				newPartners30: 1,
				newPartners90: 1,
			} );
			expect( await scanStore.listAlerts( site.id ) ).toEqual( [
				{
					domain: 'gamma.test',
					kind: 'stopped-linking',
					since: '2026-01-03T00:00:00.000Z',
					params: { target: 'http://gamma.test/' },
				},
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
			expect( lines[ 1 ] ).toContain( ',boilerplate-backlink,' );
			expect( lines[ 3 ] ).toContain( 'delta-shop.test,timeout,' );
			expect(
				lines[ 1 ].startsWith(
					'alpha.test,links-back,1,5,1,footer,Our site,,0.4,'
				)
			).toBe( true );
			expect( lines[ 1 ] ).toMatch(
				/ann: Agreed, mutual mention \| .*bob: They moved us, ""footer""/
			);
		} );

		it( 'keeps the log per partner and for the site, newest first', async () => {
			const first = await scanStore.addLogEntry( site.id, {
				domain: 'Beta.test',
				author: 'ann',
				note: 'first',
			} );
			expect( first ).toMatchObject( {
				domain: 'beta.test',
				author: 'ann',
				note: 'first',
			} );
			expect( typeof first.id ).toBe( 'number' );
			expect( Date.parse( first.createdAt ) ).not.toBeNaN();
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
			expect(
				( await scanStore.listLog( site.id ) ).map( ( e ) => e.note )
			).toEqual( [ 'other', 'second', 'first' ] );
		} );
	} );

	describe( 'imported backlinks', () => {
		let backlinks: BacklinkStore;

		beforeEach( () => {
			backlinks = store.openBacklinkStore();
		} );

		afterEach( () => backlinks.close() );

		function imported(
			owner: string,
			format: NewBacklinkImport[ 'format' ],
			links: Array<
				Partial< ImportedBacklink > & { sourceDomain: string }
			>
		): NewBacklinkImport {
			return {
				owner,
				format,
				variant:
					format === 'gsc'
						? 'gsc-latest-links'
						: `${ format }-backlinks`,
				label: `${ format } export`,
				fileName: `${ format }.csv`,
				encoding: 'utf-8',
				rowsRead: links.length + 1,
				domains: new Set( links.map( ( l ) => l.sourceDomain ) ).size,
				skippedTotal: 1,
				skippedByReason: { duplicate: 1 },
				skipped: [ { line: 9, reason: 'duplicate', detail: 'again' } ],
				backlinks: links.map( ( l, index ) => ( {
					line: index + 2,
					sourceUrl: `https://${ l.sourceDomain }/p${ index }`,
					targetUrl: null,
					anchor: null,
					nofollow: null,
					ugc: null,
					sponsored: null,
					firstSeen: null,
					lastSeen: null,
					linkingPages: null,
					...l,
				} ) ),
			};
		}

		it( 'moves the graph version when an import is stored, replaced or removed', async () => {
			const site = await addSite();
			const before = await store.graphVersion( site.id );
			await backlinks.replaceImport(
				site.id,
				imported( '', 'gsc', [ { sourceDomain: 'b.test' } ] )
			);
			const one = await store.graphVersion( site.id );
			expect( one ).not.toBe( before );
			expect( await store.graphVersion( site.id ) ).toBe( one );
			// The same owner and format again: the old rows go (on SQLite
			// the new row may even get the old id).
			await backlinks.replaceImport(
				site.id,
				imported( '', 'gsc', [
					{ sourceDomain: 'b.test' },
					{ sourceDomain: 'c.test' },
				] )
			);
			const replaced = await store.graphVersion( site.id );
			expect( replaced ).not.toBe( one );
			const [ current ] = await backlinks.listImports( site.id );
			expect( await backlinks.removeImport( site.id, current.id ) ).toBe(
				true
			);
			expect( await store.graphVersion( site.id ) ).not.toBe( replaced );
		} );

		it( 'stores an import and sums its links per linking site and owner', async () => {
			const site = await addSite();
			const record = await backlinks.replaceImport(
				site.id,
				imported( '', 'ahrefs', [
					{
						sourceDomain: 'b.test',
						anchor: 'tuin',
						nofollow: true,
						lastSeen: '2026-01-02',
					},
					{
						sourceDomain: 'b.test',
						sponsored: true,
						lastSeen: '2026-03-04',
					},
					{ sourceDomain: 'a.test', nofollow: false },
				] )
			);
			expect( record ).toMatchObject( {
				siteId: site.id,
				owner: '',
				format: 'ahrefs',
				backlinks: 3,
				rowsRead: 4,
				skippedByReason: { duplicate: 1 },
				skipped: [ { line: 9, reason: 'duplicate', detail: 'again' } ],
			} );
			await backlinks.replaceImport(
				site.id,
				imported( '', 'gsc', [
					{
						sourceDomain: 'b.test',
						sourceUrl: null,
						linkingPages: 7,
					},
				] )
			);
			await backlinks.replaceImport(
				site.id,
				imported( 'rival.test', 'semrush', [
					{ sourceDomain: 'b.test' },
				] )
			);
			expect(
				await backlinks.referringDomains( site.id, { owner: '' } )
			).toEqual( [
				{
					owner: '',
					domain: 'a.test',
					links: 1,
					samplePage: 'https://a.test/p2',
					sampleAnchor: null,
					allQualified: false,
					formats: [ 'ahrefs' ],
					lastSeen: null,
				},
				{
					owner: '',
					domain: 'b.test',
					links: 3,
					samplePage: 'https://b.test/p0',
					sampleAnchor: 'tuin',
					allQualified: false,
					formats: [ 'ahrefs', 'gsc' ],
					lastSeen: '2026-03-04',
				},
			] );
			const all = await backlinks.referringDomains( site.id );
			expect( all.map( ( r ) => `${ r.owner }|${ r.domain }` ) ).toEqual(
				[ '|a.test', '|b.test', 'rival.test|b.test' ]
			);
			expect(
				( await backlinks.listImports( site.id ) ).map(
					( r ) => `${ r.owner }|${ r.format }`
				)
			).toEqual( [ '|ahrefs', '|gsc', 'rival.test|semrush' ] );
		} );

		it( 'says a site is linked only qualified when every link from it is nofollow, ugc or sponsored', async () => {
			const site = await addSite();
			await backlinks.replaceImport(
				site.id,
				imported( '', 'semrush', [
					{ sourceDomain: 'q.test', nofollow: true },
					{ sourceDomain: 'q.test', ugc: true, nofollow: false },
				] )
			);
			expect(
				( await backlinks.referringDomains( site.id ) )[ 0 ]
					.allQualified
			).toBe( true );
		} );

		it( 'replaces the import of the same owner and format whole, and survives a reopen', async () => {
			const site = await addSite();
			await backlinks.replaceImport(
				site.id,
				imported( '', 'semrush', [ { sourceDomain: 'old.test' } ] )
			);
			const second = await backlinks.replaceImport(
				site.id,
				imported( '', 'semrush', [ { sourceDomain: 'new.test' } ] )
			);
			expect( second.rowsRead ).toBe( 2 );
			await backlinks.close();
			await reopen();
			backlinks = store.openBacklinkStore();
			expect(
				( await backlinks.referringDomains( site.id ) ).map(
					( r ) => r.domain
				)
			).toEqual( [ 'new.test' ] );
			expect( await backlinks.listImports( site.id ) ).toHaveLength( 1 );
		} );

		it( 'removes one import of its own site only, and all of them with the site', async () => {
			const site = await addSite();
			const other = await addSite( 'https://other.example/' );
			const ours = await backlinks.replaceImport(
				site.id,
				imported( '', 'gsc', [ { sourceDomain: 'x.test' } ] )
			);
			await backlinks.replaceImport(
				other.id,
				imported( '', 'gsc', [ { sourceDomain: 'y.test' } ] )
			);
			expect( await backlinks.removeImport( other.id, ours.id ) ).toBe(
				false
			);
			expect( await backlinks.removeImport( site.id, ours.id ) ).toBe(
				true
			);
			expect( await backlinks.referringDomains( site.id ) ).toEqual( [] );
			expect( await store.removeSite( 'other.example' ) ).toBe( true );
			expect( await backlinks.listImports( other.id ) ).toEqual( [] );
			expect( await backlinks.referringDomains( other.id ) ).toEqual(
				[]
			);
		} );

		it( 'refuses an eleventh competitor, storing nothing of it', async () => {
			const site = await addSite();
			for ( let index = 0; index < 10; index++ ) {
				await backlinks.replaceImport(
					site.id,
					imported( `rival${ index }.test`, 'gsc', [
						{ sourceDomain: 'z.test' },
					] )
				);
			}
			// Another export of a competitor already kept is fine.
			await backlinks.replaceImport(
				site.id,
				imported( 'rival3.test', 'ahrefs', [
					{ sourceDomain: 'z.test' },
				] )
			);
			await expect(
				backlinks.replaceImport(
					site.id,
					imported( 'rival10.test', 'gsc', [
						{ sourceDomain: 'z.test' },
					] )
				)
			).rejects.toMatchObject( { code: 'ERR_TOO_MANY_COMPETITORS' } );
			expect( await backlinks.listImports( site.id ) ).toHaveLength( 11 );
		} );
	} );
} );
