/**
 * Backlink detection against local partner sites: every status, where the
 * link sits, the homepage pass, batch dedupe, conditional re-checks and
 * indexability.
 */
import {
	BacklinkResultSchema,
	type BacklinkResult,
} from '../../src/core/schemas';
import {
	createBacklinkChecker,
	type BacklinkChecker,
	type CheckContext,
} from '../../src/service/backlinks';
import { createFetcher, type Fetcher } from '../../src/service/fetch';
import {
	html,
	redirect,
	slowBody,
	startPartnerWeb,
	tooManyRequests,
	type PartnerHandler,
	type PartnerWeb,
} from '../helpers/partner-web';

const GOOD = 'good.test';
const FOOTER = 'footer.test';
const NONE = 'none.test';
const BAD = 'bad.test';
const IDX = 'idx.test';

const OURS = 'https://www.our.site/';

const ctx: CheckContext = {
	siteUrls: [ OURS ],
	keywords: [ 'garden furniture' ],
	brandTerms: [ 'Our Site' ],
	homepage: true,
};

const article = ( body: string, title = 'Partner article' ) =>
	html(
		`<header><nav><a href="/">Home</a></nav></header><main><h1>${ title }</h1><article>${ body }</article></main><footer><a href="/about">About</a></footer>`,
		{ title, lang: 'en' }
	);

let web: PartnerWeb;
let fetcher: Fetcher;
let checker: BacklinkChecker;

function valid( result: BacklinkResult ): BacklinkResult {
	return BacklinkResultSchema.parse( result );
}

beforeAll( async () => {
	web = await startPartnerWeb( {
		[ GOOD ]: {
			'/': article( '<p>Welcome</p>', 'Good home' ),
			'/post': article(
				'<p>We like <a href="https://our.site/blog/chairs" rel="nofollow sponsored">garden furniture</a> and <a href="http://www.our.site/">Our Site</a>.</p><p>Elsewhere: <a href="https://example.org/">example</a>.</p>',
				'Garden tips'
			),
			'/hidden': article(
				'<p>Text <a href="https://our.site/" style="display:none">hidden</a></p>'
			),
			'/versioned': ( req, res ) => {
				if ( req.headers[ 'if-none-match' ] === '"v7"' ) {
					res.writeHead( 304, { etag: '"v7"' } );
					res.end();
					return;
				}
				res.writeHead( 200, {
					'content-type': 'text/html',
					etag: '"v7"',
				} );
				res.end(
					article(
						'<p><a href="https://our.site/x">Our Site</a></p>',
						'Versioned'
					)
				);
			},
		},
		[ FOOTER ]: {
			'/': html(
				'<main><p>Blog home</p></main><footer><ul><li><a href="https://our.site/">Our Site</a></li></ul></footer>'
			),
			'/a': article( '<p>no link here</p>' ),
			'/b': article( '<p>nor here</p>' ),
			'/c': article( '<p>nor here either</p>' ),
		},
		[ NONE ]: {
			'/': article( '<p>nothing</p>' ),
			'/post': article(
				'<p>Just <a href="https://example.org/">other</a> links.</p>'
			),
		},
		[ BAD ]: {
			'/robots.txt': 'User-agent: *\nDisallow: /private',
			'/': article( '<p>bad home</p>' ),
			'/private': article( '<a href="https://our.site/">x</a>' ),
			'/to-loopback': redirect(
				( w ) => `http://127.0.0.1:${ w.site( BAD ).port }/`
			),
			'/to-metadata': redirect(
				'http://169.254.169.254/latest/meta-data/'
			),
			'/slow': slowBody( 300 ),
			'/gone': { status: 404, body: 'nope' },
			'/pdf': {
				headers: { 'content-type': 'application/pdf' },
				body: '%PDF',
			},
			'/big': html( `<p>${ 'x'.repeat( 300 * 1024 ) }</p>` ),
			'/forbidden': { status: 403, body: 'bots go away' },
			'/busy': tooManyRequests( 3600 ),
		},
		[ IDX ]: {
			'/robots.txt':
				'User-agent: Googlebot\nDisallow: /hidden-from-google',
			'/': html( '<p>home</p>' ),
			'/noindex-meta': html(
				'<meta name="robots" content="noindex, follow"><a href="https://our.site/">Our Site</a>'
			),
			'/noindex-header': {
				headers: {
					'content-type': 'text/html',
					'x-robots-tag': 'googlebot: noindex',
				},
				body: html( '<a href="https://our.site/">Our Site</a>' ),
			},
			'/canonical': html( '<a href="https://our.site/">Our Site</a>', {
				head: '<link rel="canonical" href="/elsewhere">',
			} ),
			'/hidden-from-google': html(
				'<a href="https://our.site/">Our Site</a>'
			),
			'/indexable': html( '<a href="https://our.site/">Our Site</a>', {
				head: '<link rel="canonical" href="/indexable">',
			} ),
		},
	} );
	fetcher = createFetcher( {
		resolveMap: web.resolveMap,
		maxBytes: 256 * 1024,
	} );
	checker = createBacklinkChecker( { fetcher } );
} );

afterAll( async () => {
	await fetcher.close();
	await web.close();
} );

describe( 'links-back', () => {
	it( 'reports each link to any URL of our site with where and how it links', async () => {
		const result = valid(
			await checker.checkTarget( web.url( GOOD, '/post' ), ctx )
		);
		expect( result.status ).toBe( 'links-back' );
		expect( result.httpStatus ).toBe( 200 );
		expect( result.fromCache ).toBe( false );
		const onPage = result.links.filter(
			( link ) => link.foundOn === 'target-page'
		);
		expect( onPage ).toHaveLength( 2 );
		expect( onPage[ 0 ] ).toMatchObject( {
			href: 'https://our.site/blog/chairs',
			text: 'garden furniture',
			rel: [ 'nofollow', 'sponsored' ],
			placement: 'content',
			hidden: null,
			anchorClass: 'exact-match',
			toHomepage: false,
			pageUrl: web.url( GOOD, '/post' ),
		} );
		expect( onPage[ 1 ] ).toMatchObject( {
			text: 'Our Site',
			anchorClass: 'branded',
			toHomepage: true,
		} );
		// Their own and third-party links are not ours.
		expect(
			result.links.some( ( link ) => link.href.includes( 'example.org' ) )
		).toBe( false );
		expect( result.page ).toMatchObject( {
			url: web.url( GOOD, '/post' ),
			finalUrl: web.url( GOOD, '/post' ),
			httpStatus: 200,
			title: 'Garden tips',
			h1: 'Garden tips',
			lang: 'en',
			notIndexable: null,
		} );
		expect( result.page?.textSample ).toContain( 'We like' );
	} );

	it( 'marks a hidden link with its reason', async () => {
		const result = await checker.checkTarget(
			web.url( GOOD, '/hidden' ),
			ctx
		);
		expect( result.status ).toBe( 'links-back' );
		expect( result.links[ 0 ].hidden ).toBe( 'display-none' );
	} );

	it( 'finds a site-wide footer link on the partner homepage', async () => {
		const result = valid(
			await checker.checkTarget( web.url( FOOTER, '/a' ), ctx )
		);
		expect( result.status ).toBe( 'links-back' );
		expect( result.links ).toHaveLength( 1 );
		expect( result.links[ 0 ] ).toMatchObject( {
			foundOn: 'homepage',
			placement: 'footer',
			inList: true,
			pageUrl: web.url( FOOTER, '/' ),
			toHomepage: true,
		} );
		// The page facts are the target page's, not the homepage's.
		expect( result.page?.finalUrl ).toBe( web.url( FOOTER, '/a' ) );
	} );

	it( 'skips the homepage when told to', async () => {
		const result = await checker.checkTarget( web.url( FOOTER, '/b' ), {
			...ctx,
			homepage: false,
		} );
		expect( result.status ).toBe( 'no-link' );
	} );

	it( 'fetches a homepage once per batch', async () => {
		const before = web.site( FOOTER ).hits( '/' );
		const results = await checker.checkTargets(
			[
				web.url( FOOTER, '/a' ),
				web.url( FOOTER, '/b' ),
				web.url( FOOTER, '/c' ),
			],
			ctx
		);
		expect( results.map( ( r ) => r.status ) ).toEqual( [
			'links-back',
			'links-back',
			'links-back',
		] );
		expect( web.site( FOOTER ).hits( '/' ) - before ).toBe( 1 );
	} );

	it( 'does not fetch the homepage twice when it is the target', async () => {
		const before = web.site( FOOTER ).hits( '/' );
		const result = await checker.checkTarget( web.url( FOOTER, '/' ), ctx );
		expect( result.links.map( ( l ) => l.foundOn ) ).toEqual( [
			'target-page',
		] );
		expect( web.site( FOOTER ).hits( '/' ) - before ).toBe( 1 );
	} );
} );

describe( 'other statuses', () => {
	it( 'reports no-link', async () => {
		const result = valid(
			await checker.checkTarget( web.url( NONE, '/post' ), ctx )
		);
		expect( result ).toMatchObject( {
			status: 'no-link',
			httpStatus: 200,
			detail: null,
			links: [],
		} );
		expect( result.page?.title ).toBe( 'Partner article' );
	} );

	it.each( [
		[ '/private', 'blocked-by-robots', null ],
		[ '/to-loopback', 'refused-unsafe-address', null ],
		[ '/to-metadata', 'refused-unsafe-address', null ],
		[ '/gone', 'http-error', 404 ],
		[ '/pdf', 'not-html', 200 ],
		[ '/big', 'too-large', 200 ],
		[ '/forbidden', 'blocked-by-bot-protection', 403 ],
		[ '/busy', 'rate-limited', 429 ],
	] )( '%s → %s', async ( path, status, httpStatus ) => {
		const result = valid(
			await checker.checkTarget( web.url( BAD, path ), ctx )
		);
		expect( result.status ).toBe( status );
		expect( result.links ).toEqual( [] );
		expect( result.page ).toBeNull();
		expect( result.detail ).toEqual( expect.any( String ) );
		expect( result.httpStatus ).toBe( httpStatus );
	} );

	it( 'reports timeout within the check deadline', async () => {
		const result = valid(
			await checker.checkTarget( web.url( BAD, '/slow' ), {
				...ctx,
				deadline: Date.now() + 1_000,
			} )
		);
		expect( result.status ).toBe( 'timeout' );
	} );

	it( 'reports unreachable for a host that refuses connections', async () => {
		const closed = createFetcher( {
			resolveMap: new Map( [ [ 'closed.test:1', '127.0.0.1' ] ] ),
		} );
		try {
			const result = valid(
				await createBacklinkChecker( { fetcher: closed } ).checkTarget(
					'http://closed.test:1/post',
					ctx
				)
			);
			expect( result.status ).toBe( 'unreachable' );
			expect( result.detail ).toMatch( /ECONNREFUSED/ );
		} finally {
			await closed.close();
		}
	} );

	it.each( [ 'not a url', 'ftp://bad.test/file', 'javascript:alert(1)' ] )(
		'reports invalid-url for %j',
		async ( target ) => {
			const result = valid( await checker.checkTarget( target, ctx ) );
			expect( result.status ).toBe( 'invalid-url' );
		}
	);
} );

describe( 'conditional re-checks', () => {
	it( 'keeps the previous links and facts when the page answers 304', async () => {
		const first = valid(
			await checker.checkTarget( web.url( GOOD, '/versioned' ), {
				...ctx,
				homepage: false,
			} )
		);
		expect( first.status ).toBe( 'links-back' );
		expect( first.validators?.page ).toEqual( {
			etag: '"v7"',
			lastModified: null,
		} );

		const again = valid(
			await checker.checkTarget( web.url( GOOD, '/versioned' ), {
				...ctx,
				homepage: false,
				previous: first,
			} )
		);
		const lastRequest = web
			.site( GOOD )
			.requests.filter( ( r ) => r.path === '/versioned' )
			.pop()!;
		expect( lastRequest.headers[ 'if-none-match' ] ).toBe( '"v7"' );
		expect( again.status ).toBe( 'links-back' );
		expect( again.detail ).toMatch( /not modified/ );
		expect( again.links ).toEqual( first.links );
		expect( again.page ).toEqual( first.page );
		expect( again.validators?.page ).toEqual( {
			etag: '"v7"',
			lastModified: null,
		} );
	} );
} );

describe( 'indexability of the partner page', () => {
	it.each( [
		[ '/noindex-meta', 'noindex-meta' ],
		[ '/noindex-header', 'noindex-header' ],
		[ '/canonical', 'canonical-elsewhere' ],
		[ '/hidden-from-google', 'robots-disallowed' ],
		[ '/indexable', null ],
	] )( '%s → %s, and the link is still reported', async ( path, reason ) => {
		const result = valid(
			await checker.checkTarget( web.url( IDX, path ), {
				...ctx,
				homepage: false,
			} )
		);
		expect( result.status ).toBe( 'links-back' );
		expect( result.page?.notIndexable ).toBe( reason );
	} );
} );

describe( 'checkTargets on a large batch', () => {
	it( 'works on at most batchConcurrency targets at once and answers in input order', async () => {
		const gauge = { inFlight: 0, peak: 0 };
		const slowPage =
			( body: string ): PartnerHandler =>
			( _req, res ) => {
				gauge.inFlight++;
				gauge.peak = Math.max( gauge.peak, gauge.inFlight );
				setTimeout( () => {
					gauge.inFlight--;
					res.writeHead( 200, { 'content-type': 'text/html' } );
					res.end( body );
				}, 20 );
			};
		const names = Array.from(
			{ length: 8 },
			( _, i ) => `batch-${ i }.test`
		);
		const batchWeb = await startPartnerWeb(
			Object.fromEntries(
				names.map( ( name, i ) => [
					name,
					{
						'/page': slowPage(
							article(
								i % 2 === 0
									? `<p>See <a href="${ OURS }">our site</a>.</p>`
									: '<p>No link here.</p>'
							)
						),
					},
				] )
			)
		);
		const batchFetcher = createFetcher( {
			resolveMap: batchWeb.resolveMap,
		} );
		try {
			const results = await createBacklinkChecker( {
				fetcher: batchFetcher,
				batchConcurrency: 3,
			} ).checkTargets(
				names.map( ( name ) => batchWeb.url( name, '/page' ) ),
				{ ...ctx, homepage: false }
			);
			expect( results.map( ( r ) => [ r.target, r.status ] ) ).toEqual(
				names.map( ( name, i ) => [
					batchWeb.url( name, '/page' ),
					i % 2 === 0 ? 'links-back' : 'no-link',
				] )
			);
			// The fetcher alone would allow 16 at once.
			expect( gauge.peak ).toBe( 3 );
		} finally {
			await batchFetcher.close();
			await batchWeb.close();
		}
	} );
} );
