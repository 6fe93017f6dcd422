/**
 * Whole-site scans against local sites with known answers: a fake
 * WordPress (REST API) and a sitemap-only site linking to partner sites
 * that link back from their content, footer or sidebar, or not at all.
 * Covers the report built from it, an incremental re-scan after editing and
 * deleting posts, and a scan killed mid-way that resumes without lost or
 * duplicated rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { ReportQuerySchema } from '../../src/core/report';
import { buildReport, partnerDetail } from '../../src/service/report/report';
import type { ScanOptions } from '../../src/service/scan/scanner';
import { createScanRuntime } from '../../src/service/scan/runtime';
import type { ScanRuntime } from '../../src/service/scan/runtime';
import { openStore } from '../../src/service/store';
import type { SiteRecord, SqliteStore } from '../../src/service/store';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerHandler, PartnerWeb } from '../helpers/partner-web';
import {
	bindFakeWordPress,
	createFakeSitemapSite,
	createFakeWordPress,
} from '../helpers/fake-sites';
import type { FakeWordPress } from '../helpers/fake-sites';

/** A partner page whose link to our site sits where `where` says. */
function partnerPage(
	where: 'content' | 'footer' | 'sidebar' | 'none',
	ourHost = 'our.test'
): PartnerHandler {
	return ( _req, res, web ) => {
		const us = `<a href="${ web.url( ourHost ) }">Our garden blog</a>`;
		const body = [
			'<header><nav><a href="/">Home</a></nav></header>',
			`<main><article><h1>Gardening tools and roses</h1><p>We test garden tools, spades and rakes for rose gardens every season. ${
				where === 'content' ? `Read more at ${ us } about pruning.` : ''
			}</p></article></main>`,
			`<aside class="widget-area"><h2>Blogroll</h2><ul><li>${
				where === 'sidebar'
					? us
					: '<a href="https://elsewhere.example/">Elsewhere</a>'
			}</li></ul></aside>`,
			`<footer class="site-footer"><p>© Partner. ${ where === 'footer' ? `Friends: ${ us }` : '' }</p></footer>`,
		].join( '\n' );
		res.writeHead( 200, { 'content-type': 'text/html; charset=utf-8' } );
		res.end( html( body, { title: 'Garden tools' } ) );
	};
}

function partnerSites( ourHost: string ) {
	return {
		'partner-a.test': { '/': partnerPage( 'content', ourHost ) },
		'partner-b.test': {
			'/article': partnerPage( 'none', ourHost ),
			'/': partnerPage( 'footer', ourHost ),
		},
		'partner-c.test': { '/': partnerPage( 'none', ourHost ) },
		'partner-d.test': { '/': partnerPage( 'sidebar', ourHost ) },
		'partner-e.test': { '/': partnerPage( 'content', ourHost ) },
	};
}

interface Service extends ScanRuntime {
	dataDir: string;
	store: SqliteStore;
	site: SiteRecord;
	settings: typeof DEFAULT_SETTINGS;
	/** Like a process exiting: the databases close first, so nothing more is written. */
	close: () => Promise< void >;
}

async function startService(
	web: PartnerWeb,
	siteUrl: string,
	dataDir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-scan-' ) )
): Promise< Service > {
	const store = openStore( { dataDir } );
	const runtime = createScanRuntime( {
		store,
		settings: DEFAULT_SETTINGS,
		fetcher: { resolveMap: web.resolveMap },
		scanner: { restPerPage: 2, sitemapBatch: 2, partnerBatch: 2 },
	} );
	const site = await store.ensureSite( {
		url: siteUrl,
		siteKey: new URL( siteUrl ).host,
	} );
	return {
		...runtime,
		dataDir,
		store,
		site,
		settings: DEFAULT_SETTINGS,
		async close() {
			await store.close();
			await runtime.close();
		},
	};
}

/** Row counts of the link graph, read straight from the database file. */
function graphCounts( service: Service ) {
	const db = new BetterSqlite3( service.store.file, { readonly: true } );
	try {
		const count = ( sql: string ) =>
			( db.prepare( sql ).get() as { n: number } ).n;
		return {
			posts: count( 'SELECT COUNT( * ) AS n FROM scan_posts' ),
			links: count( 'SELECT COUNT( * ) AS n FROM scan_links' ),
			targets: count(
				'SELECT COUNT( DISTINCT target_key ) AS n FROM scan_links'
			),
			partners: count( 'SELECT COUNT( * ) AS n FROM scan_partners' ),
			graph: (
				db
					.prepare(
						`SELECT p.source_key AS post, l.seq, l.href FROM scan_links l
						JOIN scan_posts p ON p.id = l.post_id ORDER BY p.source_key, l.seq`
					)
					.all() as Array< {
					post: string;
					seq: number;
					href: string;
				} >
			 ).map(
				( row ) =>
					`${ row.post }#${ row.seq } ${ row.href.replace( /:\d+\//, '/' ) }`
			),
		};
	} finally {
		db.close();
	}
}

function populate( wp: FakeWordPress ) {
	wp.add( {
		title: 'Garden tools we love',
		content:
			'<p>The best <a href="http://partner-a.test/">garden tools</a> and a <a href="http://partner-b.test/article">review of rakes</a>.</p>',
	} );
	wp.add( {
		title: 'Pruning roses',
		content:
			'<p>Pruning roses in spring, see <a href="http://partner-c.test/">rose care</a>. Our <a href="/about/">about page</a>.</p>',
	} );
	wp.add( { title: 'Mulch', content: '<p>Mulch keeps roses happy.</p>' } );
	wp.add( {
		title: 'Links',
		type: 'pages',
		content:
			'<h2>Friends</h2><ul><li><a href="http://partner-a.test/">Partner A</a></li><li><a href="http://partner-d.test/">Partner D</a></li></ul>',
	} );
}

describe( 'scanning a WordPress site over its REST API', () => {
	let web: PartnerWeb;
	let wp: FakeWordPress;
	let service: Service;
	const query = ReportQuerySchema.parse( {} );

	beforeAll( async () => {
		wp = createFakeWordPress( { host: 'our.test' } );
		populate( wp );
		web = await startPartnerWeb( {
			'our.test': { '*': wp.handler },
			...partnerSites( 'our.test' ),
		} );
		bindFakeWordPress( wp, web );
		service = await startService( web, web.url( 'our.test' ) );
	} );

	afterAll( async () => {
		await service.close();
		await web.close();
		fs.rmSync( service.dataDir, { recursive: true, force: true } );
	} );

	it( 'stores the link graph, checks every partner and reports who links back and where', async () => {
		const progress: number[] = [];
		const scan = await service.scanner.scan( {
			site: service.site,
			onProgress: ( s ) => progress.push( s.postsRead ),
		} );
		expect( scan ).toMatchObject( {
			state: 'done',
			phase: 'done',
			postsRead: 4,
			postsTotal: 4,
			partnersChecked: 4,
			partnersTotal: 4,
		} );
		expect( progress.length ).toBeGreaterThan( 2 );
		const counts = graphCounts( service );
		// Internal links (/about/) are not part of the graph.
		expect( counts ).toMatchObject( {
			posts: 4,
			links: 5,
			targets: 4,
			partners: 4,
		} );

		const report = await buildReport( service, service.site, query );
		expect( report.summary ).toMatchObject( {
			partnerDomains: 4,
			linkingBack: 3,
			reciprocalShare: 0.75,
			newPartners30: 3,
			newPartners90: 3,
		} );
		const rows = Object.fromEntries(
			report.partners.rows.map( ( row ) => [ row.domain, row ] )
		);
		expect( rows[ 'partner-a.test' ] ).toMatchObject( {
			status: 'links-back',
			ourPosts: 2,
			ourLinks: 2,
		} );
		expect(
			rows[ 'partner-a.test' ].theirLinks.map( ( l ) => l.placement )
		).toContain( 'content' );
		expect( rows[ 'partner-b.test' ].status ).toBe( 'links-back' );
		expect( rows[ 'partner-b.test' ].theirLinks ).toEqual( [
			expect.objectContaining( {
				placement: 'footer',
				foundOn: 'homepage',
			} ),
		] );
		expect( rows[ 'partner-c.test' ].status ).toBe( 'no-link' );
		expect(
			rows[ 'partner-d.test' ].theirLinks.map( ( l ) => l.placement )
		).toEqual( [ 'sidebar' ] );
		expect(
			report.summary.findings.find(
				( f ) => f.code === 'reciprocal-link'
			)?.count
		).toBeGreaterThanOrEqual( 3 );
		expect( report.summary.thresholds.maxReciprocalPartners ).toBe(
			DEFAULT_SETTINGS.maxReciprocalPartners
		);

		const footer = await buildReport(
			service,
			service.site,
			ReportQuerySchema.parse( { placement: 'footer' } )
		);
		expect( footer.partners.rows.map( ( r ) => r.domain ) ).toEqual( [
			'partner-b.test',
		] );

		const detail = await partnerDetail(
			service,
			service.site,
			'partner-a.test'
		);
		expect( detail.ourLinks.map( ( l ) => l.text ).sort() ).toEqual( [
			'Partner A',
			'garden tools',
		] );
		expect( detail.history.map( ( h ) => h.event ) ).toEqual( [
			'first-check',
		] );
		// Evidence of what the check saw (final URL, status, hash of the HTML).
		expect( detail.history[ 0 ].evidence ).toEqual( {
			finalUrl: web.url( 'partner-a.test', '/' ),
			httpStatus: 200,
			htmlHash: expect.stringMatching( /^[0-9a-f]{64}$/ ),
			detail: null,
		} );
	} );

	it( 'reuses partner results younger than the TTL on a re-scan', async () => {
		const before = web.site( 'partner-a.test' ).hits( '/' );
		const scan = await service.scanner.scan( { site: service.site } );
		expect( scan.state ).toBe( 'done' );
		expect( web.site( 'partner-a.test' ).hits( '/' ) ).toBe( before );
	} );

	it( 'reads only changed posts on a re-scan, replaces their links and drops deleted posts', async () => {
		const earlier = new Date( Date.now() - 5 * 86_400_000 );
		for ( const post of wp.posts.values() ) {
			wp.posts.set( post.id, { ...post, modified: earlier } );
		}
		wp.edit( 2, {
			content:
				'<p>Pruning roses, now with <a href="http://partner-e.test/">better advice</a>.</p>',
		} );
		wp.remove( 1 );
		const requestsBefore = wp.restRequests.length;
		const scan = await service.scanner.scan( { site: service.site } );
		expect( scan ).toMatchObject( {
			state: 'done',
			postsRead: 1,
			postsRemoved: 1,
			full: false,
		} );
		const asked = wp.restRequests.slice( requestsBefore );
		expect(
			asked
				.filter( ( r ) => r.fields.includes( 'content' ) )
				.every( ( r ) => r.modifiedAfter !== null )
		).toBe( true );
		expect( asked.some( ( r ) => r.fields === 'id' ) ).toBe( true );

		const counts = graphCounts( service );
		expect( counts ).toMatchObject( { posts: 3, links: 3, partners: 3 } );
		const report = await buildReport( service, service.site, query );
		expect( report.partners.rows.map( ( r ) => r.domain ) ).toEqual( [
			'partner-a.test',
			'partner-d.test',
			'partner-e.test',
		] );

		// A clean full scan of the same site gives the same graph.
		const clean = await startService( web, web.url( 'our.test' ) );
		try {
			await clean.scanner.scan( { site: clean.site, full: true } );
			expect( graphCounts( clean ) ).toEqual( counts );
		} finally {
			await clean.close();
			fs.rmSync( clean.dataDir, { recursive: true, force: true } );
		}
	} );
} );

describe( 'scanning a site from its sitemap', () => {
	let web: PartnerWeb;
	let service: Service;
	const site = createFakeSitemapSite(
		'maps.test',
		[
			{
				path: '/tools.html',
				title: 'Tools',
				content:
					'<p>Good <a href="http://partner-a.test/">garden tools</a>.</p>',
				lastmod: '2026-01-01',
			},
			{
				path: '/roses.html',
				title: 'Roses',
				content:
					'<p><a href="http://partner-c.test/">Roses</a> need care.</p>',
				lastmod: '2026-01-01',
			},
			{
				path: '/mulch.html',
				title: 'Mulch',
				content: '<p>Mulch.</p>',
				lastmod: '2026-01-01',
			},
		],
		'<h2>Blogroll</h2><ul><li><a href="http://partner-d.test/">Partner D</a></li></ul>'
	);

	beforeAll( async () => {
		web = await startPartnerWeb( {
			'maps.test': site.routes,
			...partnerSites( 'maps.test' ),
		} );
		site.update( web );
		service = await startService( web, web.url( 'maps.test' ) );
	} );

	afterAll( async () => {
		await service.close();
		await web.close();
		fs.rmSync( service.dataDir, { recursive: true, force: true } );
	} );

	it( 'reads every page of the sitemaps as a whole page, with the placement of each link', async () => {
		const scan = await service.scanner.scan( {
			site: service.site,
			source: 'sitemap',
		} );
		expect( scan ).toMatchObject( {
			state: 'done',
			postsRead: 3,
			postsTotal: 3,
		} );
		const detail = await partnerDetail(
			service,
			service.site,
			'partner-d.test'
		);
		// The blogroll is in our sidebar on every page.
		expect( detail.ourLinks ).toHaveLength( 3 );
		expect(
			detail.ourLinks.every( ( l ) => l.placement === 'sidebar' )
		).toBe( true );
		const tools = await partnerDetail(
			service,
			service.site,
			'partner-a.test'
		);
		expect( tools.ourLinks ).toEqual( [
			expect.objectContaining( {
				text: 'garden tools',
				placement: 'content',
				postTitle: 'Tools',
			} ),
		] );
		const report = await buildReport(
			service,
			service.site,
			ReportQuerySchema.parse( {} )
		);
		expect( report.summary ).toMatchObject( {
			partnerDomains: 3,
			linkingBack: 2,
		} );
	} );

	it( 'drops pages that left the sitemap and re-reads only pages with a newer lastmod', async () => {
		site.pages.delete( '/roses.html' );
		site.pages.set( '/mulch.html', {
			path: '/mulch.html',
			title: 'Mulch',
			content:
				'<p>Mulch from <a href="http://partner-e.test/">partner E</a>.</p>',
			lastmod: new Date( Date.now() + 60_000 ).toISOString(),
		} );
		site.update( web );
		const toolsHits = web.site( 'maps.test' ).hits( '/tools.html' );
		const scan = await service.scanner.scan( {
			site: service.site,
			source: 'sitemap',
		} );
		expect( scan ).toMatchObject( { state: 'done', postsRemoved: 1 } );
		expect( web.site( 'maps.test' ).hits( '/tools.html' ) ).toBe(
			toolsHits
		);
		const report = await buildReport(
			service,
			service.site,
			ReportQuerySchema.parse( {} )
		);
		expect( report.partners.rows.map( ( r ) => r.domain ) ).toEqual( [
			'partner-a.test',
			'partner-d.test',
			'partner-e.test',
		] );
	} );
} );

describe( 'a scan killed mid-way', () => {
	let web: PartnerWeb;
	let wp: FakeWordPress;

	beforeAll( async () => {
		wp = createFakeWordPress( { host: 'big.test' } );
		for ( let i = 1; i <= 9; i++ ) {
			const partner = `partner-${ 'abcde'[ i % 5 ] }.test`;
			wp.add( {
				title: `Post ${ i }`,
				content: `<p>Post ${ i } links to <a href="http://${ partner }/">${ partner }</a> and <a href="http://${ partner }/p${ i }">page ${ i }</a>.</p>`,
			} );
		}
		web = await startPartnerWeb( {
			'big.test': { '*': wp.handler },
			...partnerSites( 'big.test' ),
		} );
		bindFakeWordPress( wp, web );
	} );

	afterAll( async () => {
		await web.close();
	} );

	it( 'resumes where it stopped after a restart, with the same rows as a clean scan', async () => {
		const dataDir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-kill-' ) );
		// From the third page of posts on, the site stops answering.
		let hang = true;
		wp.gate = ( info ) =>
			hang &&
			info.type === 'posts' &&
			info.page >= 3 &&
			info.fields.includes( 'content' )
				? new Promise( () => undefined )
				: undefined;
		const first = await startService( web, web.url( 'big.test' ), dataDir );
		const options: ScanOptions = { site: first.site };
		const running = first.scanner.scan( options );
		running.catch( () => undefined );
		// Wait until the two answered pages are stored.
		for ( let i = 0; i < 200; i++ ) {
			const scan = await first.scanStore.latestScan( first.site.id );
			if ( scan?.postsRead === 4 ) {
				break;
			}
			await new Promise( ( resolve ) => setTimeout( resolve, 25 ) );
		}
		const stopped = await first.scanStore.latestScan( first.site.id );
		expect( stopped ).toMatchObject( {
			state: 'running',
			postsRead: 4,
			cursor: { type: 'posts', page: 3 },
		} );
		// "Kill": the process goes away without another write.
		await first.close();

		hang = false;
		const requestsBefore = wp.restRequests.length;
		const second = await startService(
			web,
			web.url( 'big.test' ),
			dataDir
		);
		try {
			const scan = await second.scanner.scan( { site: second.site } );
			expect( scan ).toMatchObject( {
				id: stopped!.id,
				state: 'done',
				postsRead: 9,
			} );
			const pages = wp.restRequests
				.slice( requestsBefore )
				.filter(
					( r ) =>
						r.type === 'posts' && r.fields.includes( 'content' )
				)
				.map( ( r ) => r.page );
			expect( pages ).toEqual( [ 3, 4, 5 ] );

			const clean = await startService( web, web.url( 'big.test' ) );
			try {
				await clean.scanner.scan( { site: clean.site } );
				expect( graphCounts( second ) ).toEqual( graphCounts( clean ) );
				expect( graphCounts( second ) ).toMatchObject( {
					posts: 9,
					links: 18,
				} );
			} finally {
				await clean.close();
				fs.rmSync( clean.dataDir, { recursive: true, force: true } );
			}
		} finally {
			await second.close();
			fs.rmSync( dataDir, { recursive: true, force: true } );
		}
	} );

	it( 'continues a scan that failed from where it failed when asked again', async () => {
		const service = await startService( web, web.url( 'big.test' ) );
		try {
			let broken = true;
			wp.gate = ( info ) => {
				if (
					broken &&
					info.type === 'posts' &&
					info.page === 4 &&
					info.fields.includes( 'content' )
				) {
					throw new Error( 'the database went away' );
				}
			};
			await expect(
				service.scanner.scan( { site: service.site } )
			).rejects.toMatchObject( {
				code: 'ERR_SCAN_SOURCE',
			} );
			const failed = await service.scanStore.latestScan(
				service.site.id
			);
			expect( failed ).toMatchObject( {
				state: 'failed',
				postsRead: 6,
				cursor: { type: 'posts', page: 4 },
			} );
			expect( failed?.error ).toMatch(
				/not a WordPress REST listing \(HTTP 500\)/
			);

			broken = false;
			const before = wp.restRequests.length;
			const scan = await service.scanner.scan( { site: service.site } );
			expect( scan ).toMatchObject( {
				id: failed!.id,
				state: 'done',
				postsRead: 9,
				error: null,
			} );
			expect(
				wp.restRequests
					.slice( before )
					.filter(
						( r ) =>
							r.type === 'posts' && r.fields.includes( 'content' )
					)
					.map( ( r ) => r.page )
			).toEqual( [ 4, 5 ] );
		} finally {
			wp.gate = () => undefined;
			await service.close();
			fs.rmSync( service.dataDir, { recursive: true, force: true } );
		}
	} );
} );
