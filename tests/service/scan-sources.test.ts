/**
 * The scan's sources against local sites: a fake WordPress REST API and a
 * sitemap-only site, both reached through the service's fetcher (the
 * `--resolve` map, never the network).
 */
import { createFetcher } from '../../src/service/fetch';
import type { Fetcher } from '../../src/service/fetch';
import { createScanHttp } from '../../src/service/scan/fetch-adapter';
import type { FetcherScanHttp } from '../../src/service/scan/fetch-adapter';
import {
	createSitemapSource,
	parseSitemap,
	sitemapKey,
} from '../../src/service/scan/sources/sitemap';
import { createWpRestSource } from '../../src/service/scan/sources/wp-rest';
import type {
	PostBatch,
	PostSource,
} from '../../src/service/scan/sources/types';
import { createSiteMatcher } from '../../src/core/url';
import { startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';
import {
	bindFakeWordPress,
	createFakeSitemapSite,
	createFakeWordPress,
} from '../helpers/fake-sites';
import type { FakeWordPress } from '../helpers/fake-sites';

async function collect( iterable: AsyncIterable< PostBatch > ) {
	const batches: PostBatch[] = [];
	for await ( const batch of iterable ) {
		batches.push( batch );
	}
	return batches;
}

describe( 'WordPress REST source', () => {
	let web: PartnerWeb;
	let wp: FakeWordPress;
	let plain: FakeWordPress;
	let fetcher: Fetcher;
	let http: FetcherScanHttp;

	beforeAll( async () => {
		wp = createFakeWordPress( {
			host: 'our.test',
			auth: { user: 'editor', password: 'abcd efgh' },
		} );
		plain = createFakeWordPress( { host: 'plain.test', pretty: false } );
		for ( let i = 1; i <= 5; i++ ) {
			wp.add( {
				title: `Post & ${ i }`,
				content: `<p>Post ${ i } <a href="http://partner-${ i }.test/">p${ i }</a></p>`,
			} );
		}
		wp.add( { title: 'About', content: '<p>About us</p>', type: 'pages' } );
		wp.add( { title: 'Secret', content: '<p>draft</p>', status: 'draft' } );
		plain.add( { title: 'Plain', content: '<p>plain</p>' } );
		web = await startPartnerWeb( {
			'our.test': { '*': wp.handler },
			'plain.test': { '*': plain.handler },
		} );
		bindFakeWordPress( wp, web );
		bindFakeWordPress( plain, web );
		fetcher = createFetcher( { resolveMap: web.resolveMap } );
		http = createScanHttp( fetcher );
	} );

	afterAll( async () => {
		await http.close();
		await fetcher.close();
		await web.close();
	} );

	it( 'reads every published post and page, a REST page at a time, with the cursor after each', async () => {
		const source = createWpRestSource( {
			site: web.url( 'our.test' ),
			http,
			perPage: 2,
		} );
		const batches = await collect( source.readPosts( {}, null ) );
		const keys = batches.flatMap( ( b ) =>
			b.posts.map( ( p ) => p.sourceKey )
		);
		expect( keys ).toEqual( [
			'wp:posts:1',
			'wp:posts:2',
			'wp:posts:3',
			'wp:posts:4',
			'wp:posts:5',
			'wp:pages:6',
		] );
		expect( batches.map( ( b ) => b.cursor ) ).toEqual( [
			{ type: 'posts', page: 2, postsTotal: 6 },
			{ type: 'posts', page: 3, postsTotal: 6 },
			{ type: 'pages', page: 1, postsTotal: 6 },
			{ type: null, page: 1, postsTotal: 6 },
		] );
		const first = batches[ 0 ].posts[ 0 ];
		expect( first ).toMatchObject( {
			title: 'Post & 1',
			url: `${ web.url( 'our.test' ) }post-1/`,
			fragment: true,
		} );
		expect( first.html ).toContain( 'http://partner-1.test/' );
		// Only the fields the scan needs were asked for.
		expect(
			wp.restRequests.some(
				( r ) =>
					r.fields === 'id,link,modified_gmt,title,content,status'
			)
		).toBe( true );
	} );

	it( 'continues from a stored cursor without re-reading earlier pages', async () => {
		const source = createWpRestSource( {
			site: web.url( 'our.test' ),
			http,
			perPage: 2,
		} );
		const before = wp.restRequests.length;
		const batches = await collect(
			source.readPosts( { type: 'posts', page: 3, postsTotal: 6 }, null )
		);
		expect(
			batches.flatMap( ( b ) => b.posts.map( ( p ) => p.sourceKey ) )
		).toEqual( [ 'wp:posts:5', 'wp:pages:6' ] );
		const asked = wp.restRequests
			.slice( before )
			.map( ( r ) => `${ r.type }:${ r.page }` );
		expect( asked ).toEqual( [ 'posts:3', 'pages:1' ] );
	} );

	it( 'asks only for posts modified since the last scan (with a time-zone margin)', async () => {
		const source = createWpRestSource( {
			site: web.url( 'our.test' ),
			http,
		} );
		const since = new Date( Date.now() - 60_000 ).toISOString();
		await collect( source.readPosts( {}, since ) );
		const last = wp.restRequests[ wp.restRequests.length - 1 ];
		expect( last.modifiedAfter ).not.toBeNull();
		expect( Date.parse( last.modifiedAfter! ) ).toBeLessThan(
			Date.parse( since ) - 24 * 3_600_000
		);
	} );

	it( 'lists ids only (_fields=id) to find deleted posts', async () => {
		const source = createWpRestSource( {
			site: web.url( 'our.test' ),
			http,
		} );
		const keys: string[] = [];
		for await ( const batch of source.listKeys( {} ) ) {
			keys.push( ...batch.keys );
		}
		expect( keys ).toEqual( [
			'wp:posts:1',
			'wp:posts:2',
			'wp:posts:3',
			'wp:posts:4',
			'wp:posts:5',
			'wp:pages:6',
		] );
		expect( wp.restRequests[ wp.restRequests.length - 1 ].fields ).toBe(
			'id'
		);
	} );

	it( 'includes drafts with an application password', async () => {
		const source = createWpRestSource( {
			site: web.url( 'our.test' ),
			http,
			auth: { user: 'editor', password: 'abcd efgh' },
		} );
		const batches = await collect( source.readPosts( {}, null ) );
		expect(
			batches.flatMap( ( b ) => b.posts.map( ( p ) => p.title ) )
		).toContain( 'Secret' );
	} );

	it( 'refuses with ERR_SCAN_AUTH when the application password is wrong', async () => {
		const source = createWpRestSource( {
			site: web.url( 'our.test' ),
			http,
			auth: { user: 'editor', password: 'wrong' },
		} );
		await expect(
			collect( source.readPosts( {}, null ) )
		).rejects.toMatchObject( {
			code: 'ERR_SCAN_AUTH',
		} );
	} );

	it( 'falls back to ?rest_route= when /wp-json/ is a 404', async () => {
		const source = createWpRestSource( {
			site: web.url( 'plain.test' ),
			http,
		} );
		const batches = await collect( source.readPosts( {}, null ) );
		expect(
			batches.flatMap( ( b ) => b.posts.map( ( p ) => p.title ) )
		).toEqual( [ 'Plain' ] );
		expect(
			web
				.site( 'plain.test' )
				.requests.some( ( r ) =>
					r.path.startsWith( '/?rest_route=%2Fwp%2Fv2%2Fposts' )
				)
		).toBe( true );
	} );
} );

describe( 'sitemap source', () => {
	let web: PartnerWeb;
	let fetcher: Fetcher;
	let http: FetcherScanHttp;
	const site = createFakeSitemapSite(
		'maps.test',
		[ 1, 2, 3, 4, 5 ].map( ( i ) => ( {
			path: `/page-${ i }.html`,
			title: `Page ${ i }`,
			content: `<p>Page ${ i } <a href="http://partner-${ i }.test/">p</a></p>`,
			lastmod: '2026-01-01',
		} ) )
	);

	beforeAll( async () => {
		web = await startPartnerWeb( { 'maps.test': site.routes } );
		site.update( web );
		fetcher = createFetcher( { resolveMap: web.resolveMap } );
		http = createScanHttp( fetcher );
	} );

	afterAll( async () => {
		await http.close();
		await fetcher.close();
		await web.close();
	} );

	function source( known: Set< string > = new Set() ): PostSource {
		return createSitemapSource( {
			site: web.url( 'maps.test' ),
			http,
			siteMatcher: createSiteMatcher( [ web.url( 'maps.test' ) ] ),
			knownPosts: async ( keys ) =>
				new Set( keys.filter( ( k ) => known.has( k ) ) ),
			batchSize: 2,
		} );
	}

	it( 'parses sitemap indexes and url sets with htmlparser2 (entities, namespaces)', () => {
		expect(
			parseSitemap(
				'<?xml version="1.0"?><s:urlset xmlns:s="x"><s:url><s:loc> https://a.test/?a=1&amp;b=2 </s:loc><s:lastmod>2026-02-03</s:lastmod></s:url></s:urlset>'
			)
		).toEqual( {
			kind: 'urlset',
			entries: [
				{ loc: 'https://a.test/?a=1&b=2', lastmod: '2026-02-03' },
			],
		} );
		expect( () => parseSitemap( '<html><body>hi</body></html>' ) ).toThrow(
			/neither a <urlset> nor a <sitemapindex>/
		);
	} );

	it( 'walks index → gzip sitemap and index → nested index → sitemap, reading every page', async () => {
		const batches = await collect( source().readPosts( {}, null ) );
		const urls = batches.flatMap( ( b ) => b.posts.map( ( p ) => p.url ) );
		expect( urls ).toEqual(
			[ 1, 2, 3, 4, 5 ].map( ( i ) =>
				web.url( 'maps.test', `/page-${ i }.html` )
			)
		);
		expect(
			batches.every( ( b ) =>
				b.posts.every(
					( p ) => ! p.fragment && p.html.includes( '<aside' )
				)
			)
		).toBe( true );
		expect( batches[ batches.length - 1 ].postsTotal ).toBe( 5 );
	} );

	it( 'resumes inside a sitemap from its cursor', async () => {
		const batches = await collect(
			source().readPosts( { leaf: 1, offset: 1 }, null )
		);
		expect(
			batches.flatMap( ( b ) => b.posts.map( ( p ) => p.url ) )
		).toEqual( [ web.url( 'maps.test', '/page-5.html' ) ] );
	} );

	it( 'keeps stored pages whose lastmod is older than the last scan without fetching them', async () => {
		const known = new Set(
			[ 1, 2, 3, 4, 5 ].map( ( i ) =>
				sitemapKey( web.url( 'maps.test', `/page-${ i }.html` ) )
			)
		);
		const hitsBefore = web.site( 'maps.test' ).hits( '/page-1.html' );
		const batches = await collect(
			source( known ).readPosts( {}, '2026-06-01T00:00:00Z' )
		);
		expect( batches.flatMap( ( b ) => b.posts ) ).toHaveLength( 0 );
		expect( batches.flatMap( ( b ) => b.unchanged ) ).toHaveLength( 5 );
		expect( web.site( 'maps.test' ).hits( '/page-1.html' ) ).toBe(
			hitsBefore
		);
	} );
} );

describe( 'sitemap source without a sitemap at the usual places', () => {
	it( "finds the sitemap named by robots.txt's Sitemap: line", async () => {
		const web = await startPartnerWeb( {
			'robots-map.test': {
				'/robots.txt': ( req, res ) => {
					res.writeHead( 200, { 'content-type': 'text/plain' } );
					res.end(
						`User-agent: *\nAllow: /\n\nSitemap: http://${ req.headers.host }/feeds/map.xml\n`
					);
				},
				'/feeds/map.xml': ( req, res ) => {
					res.writeHead( 200, { 'content-type': 'application/xml' } );
					res.end(
						`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://${ req.headers.host }/only.html</loc></url></urlset>`
					);
				},
				'/only.html':
					'<!doctype html><html><head><title>Only</title></head><body><main><p>Only page</p></main></body></html>',
			},
		} );
		const fetcher = createFetcher( { resolveMap: web.resolveMap } );
		const http = createScanHttp( fetcher );
		try {
			const batches = await collect(
				createSitemapSource( {
					site: web.url( 'robots-map.test' ),
					http,
					siteMatcher: createSiteMatcher( [
						web.url( 'robots-map.test' ),
					] ),
					knownPosts: async () => new Set(),
				} ).readPosts( {}, null )
			);
			expect(
				batches.flatMap( ( b ) => b.posts.map( ( p ) => p.url ) )
			).toEqual( [ web.url( 'robots-map.test', '/only.html' ) ] );
		} finally {
			await http.close();
			await fetcher.close();
			await web.close();
		}
	} );
} );
