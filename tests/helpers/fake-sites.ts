/**
 * Our own site, as the scan sees it, for tests: a fake WordPress (REST API
 * for posts and pages with the paging, `_fields`, `status`,
 * `modified_after`, `orderby=id` and Basic-auth behaviour of the real one,
 * `?rest_route=` when pretty permalinks are off, and each post as a themed
 * HTML page), and a sitemap-only site (index → nested index → plain and
 * gzipped sitemaps). Both are handlers for tests/helpers/partner-web.ts, so
 * they live in the same `--resolve` web as the partner sites.
 *
 *     const wp = createFakeWordPress( { host: 'our.test' } );
 *     wp.add( { title: 'Hello', content: '<p><a href="http://partner-a.test/">A</a></p>' } );
 *     const web = await startPartnerWeb( { 'our.test': { '*': wp.handler }, … } );
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import type { PartnerHandler, PartnerRoutes, PartnerWeb } from './partner-web';

export type FakeStatus = 'publish' | 'draft' | 'private';

export interface FakePost {
	id: number;
	type: 'posts' | 'pages';
	slug: string;
	title: string;
	/** The post body (what `content.rendered` returns). */
	content: string;
	status: FakeStatus;
	modified: Date;
}

export interface FakeWordPressOptions {
	/** Host name the site is served under (for permalinks). */
	host: string;
	/** Pretty permalinks: `/wp-json/` works. Otherwise only `?rest_route=`. */
	pretty?: boolean;
	/** The application password that unlocks drafts and private posts. */
	auth?: { user: string; password: string };
	/** Sidebar HTML on every rendered page (a blogroll, say). */
	sidebar?: string;
}

export interface RestRequestInfo {
	type: 'posts' | 'pages';
	page: number;
	fields: string;
	modifiedAfter: string | null;
}

export interface FakeWordPress {
	readonly posts: Map< number, FakePost >;
	/** Adds a post (id assigned), modified now unless given. */
	add: (
		post: Partial< FakePost > & { title: string; content: string }
	) => FakePost;
	/** Changes a post and bumps its modification time. */
	edit: ( id: number, patch: Partial< FakePost > ) => FakePost;
	remove: ( id: number ) => void;
	/** The partner-web handler serving the whole site (route it as '*'). */
	handler: PartnerHandler;
	/**
	 * Awaited before every REST listing is answered: tests delay or hang
	 * responses from some page on; throwing answers HTTP 500.
	 */
	gate: ( info: RestRequestInfo ) => Promise< void > | void;
	/** Every REST listing served, in order. */
	readonly restRequests: RestRequestInfo[];
	/** Serve under the port the web gave the site; fill in the web's ports. */
	bind: ( web: PartnerWeb ) => void;
	permalink: ( post: FakePost ) => string;
}

function send(
	res: ServerResponse,
	status: number,
	headers: Record< string, string >,
	body: string | Buffer
): void {
	res.writeHead( status, {
		...headers,
		'content-length': String( Buffer.byteLength( body ) ),
	} );
	res.end( body );
}

function escape( text: string ): string {
	return text.replace(
		/[&<>"]/g,
		( c ) =>
			( { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' } )[
				c
			] as string
	);
}

/**
 * Test content links to sites by name (`http://partner-a.test/`); the sites
 * of a web listen on random ports, so links are served with each site's
 * port filled in (`http://partner-a.test:40123/`).
 */
export function withPorts( web: PartnerWeb | null, html: string ): string {
	if ( ! web ) {
		return html;
	}
	return web.resolveEntries.reduce( ( text, entry ) => {
		const [ name, port ] = entry.split( ':' );
		return text.split( `//${ name }/` ).join( `//${ name }:${ port }/` );
	}, html );
}

/** A themed page: header nav, the article, a sidebar and a footer. */
export function themedPage(
	title: string,
	content: string,
	sidebar = ''
): string {
	return [
		'<!doctype html><html lang="en"><head><meta charset="utf-8">',
		`<title>${ escape( title ) }</title></head><body>`,
		'<header class="site-header"><nav class="main-navigation"><a href="/">Home</a> <a href="/about/">About</a></nav></header>',
		`<main id="main"><article class="post"><h1 class="entry-title">${ escape(
			title
		) }</h1><div class="entry-content">${ content }</div></article></main>`,
		`<aside id="secondary" class="widget-area">${ sidebar }</aside>`,
		'<footer class="site-footer"><p>© Our site. Proudly powered by WordPress.</p></footer>',
		'</body></html>',
	].join( '\n' );
}

export function createFakeWordPress(
	options: FakeWordPressOptions
): FakeWordPress {
	const posts = new Map< number, FakePost >();
	const restRequests: RestRequestInfo[] = [];
	let nextId = 1;
	let port = 80;
	let boundWeb: PartnerWeb | null = null;
	const pretty = options.pretty ?? true;

	const permalink = ( post: FakePost ) =>
		`http://${ options.host }:${ port }/${ post.slug }/`;

	function authorised( req: IncomingMessage ): boolean {
		if ( ! options.auth ) {
			return false;
		}
		const expected =
			'Basic ' +
			Buffer.from(
				`${ options.auth.user }:${ options.auth.password }`
			).toString( 'base64' );
		return req.headers.authorization === expected;
	}

	function restError( res: ServerResponse, status: number, code: string ) {
		send(
			res,
			status,
			{ 'content-type': 'application/json; charset=UTF-8' },
			JSON.stringify( { code, message: code, data: { status } } )
		);
	}

	function project( post: FakePost, fields: string[] ) {
		const full: Record< string, unknown > = {
			id: post.id,
			link: permalink( post ),
			modified_gmt: post.modified.toISOString().slice( 0, 19 ),
			title: { rendered: escape( post.title ) },
			content: {
				rendered: withPorts( boundWeb, post.content ),
				protected: false,
			},
			status: post.status,
		};
		return fields.length === 0
			? full
			: Object.fromEntries(
					fields
						.filter( ( field ) => field in full )
						.map( ( field ) => [ field, full[ field ] ] )
				);
	}

	async function listing(
		req: IncomingMessage,
		res: ServerResponse,
		type: 'posts' | 'pages',
		query: URLSearchParams
	) {
		// WordPress checks an application password before anything else.
		if ( req.headers.authorization && ! authorised( req ) ) {
			return restError( res, 401, 'incorrect_password' );
		}
		const perPage = Number( query.get( 'per_page' ) ?? '10' );
		if ( ! Number.isInteger( perPage ) || perPage < 1 || perPage > 100 ) {
			return restError( res, 400, 'rest_invalid_param' );
		}
		const statuses = ( query.get( 'status' ) ?? 'publish' ).split( ',' );
		if (
			statuses.some( ( status ) => status !== 'publish' ) &&
			! authorised( req )
		) {
			return restError( res, 400, 'rest_invalid_param' );
		}
		const modifiedAfter = query.get( 'modified_after' );
		const page = Number( query.get( 'page' ) ?? '1' );
		const info: RestRequestInfo = {
			type,
			page,
			fields: query.get( '_fields' ) ?? '',
			modifiedAfter,
		};
		restRequests.push( info );
		try {
			await api.gate( info );
		} catch {
			// A gate that throws plays a broken server (WordPress's own 500 page).
			send(
				res,
				500,
				{ 'content-type': 'text/html; charset=UTF-8' },
				'<h1>Error establishing a database connection</h1>'
			);
			return;
		}
		const after = modifiedAfter ? Date.parse( modifiedAfter ) : null;
		const matching = [ ...posts.values() ]
			.filter(
				( post ) =>
					post.type === type &&
					statuses.includes( post.status ) &&
					( after === null || post.modified.getTime() > after )
			)
			.sort( ( a, b ) =>
				query.get( 'orderby' ) === 'id' &&
				query.get( 'order' ) === 'asc'
					? a.id - b.id
					: b.modified.getTime() - a.modified.getTime()
			);
		const totalPages = Math.ceil( matching.length / perPage );
		if ( page > Math.max( totalPages, 1 ) ) {
			return restError( res, 400, 'rest_post_invalid_page_number' );
		}
		const fields = ( query.get( '_fields' ) ?? '' )
			.split( ',' )
			.filter( Boolean );
		const body = matching
			.slice( ( page - 1 ) * perPage, page * perPage )
			.map( ( post ) => project( post, fields ) );
		send(
			res,
			200,
			{
				'content-type': 'application/json; charset=UTF-8',
				'x-wp-total': String( matching.length ),
				'x-wp-totalpages': String( totalPages ),
			},
			JSON.stringify( body )
		);
	}

	const api: FakeWordPress = {
		posts,
		restRequests,
		gate: () => undefined,
		permalink,
		bind( web ) {
			boundWeb = web;
			port = web.site( options.host ).port;
		},
		add( post ) {
			const id = post.id ?? nextId++;
			nextId = Math.max( nextId, id + 1 );
			const full: FakePost = {
				id,
				type: 'posts',
				slug: `post-${ id }`,
				status: 'publish',
				modified: new Date(),
				...post,
			};
			posts.set( id, full );
			return full;
		},
		edit( id, patch ) {
			const post = posts.get( id );
			if ( ! post ) {
				throw new Error( `fake-wordpress: no post ${ id }` );
			}
			const next = { ...post, modified: new Date(), ...patch };
			posts.set( id, next );
			return next;
		},
		remove( id ) {
			posts.delete( id );
		},
		async handler( req, res ) {
			const url = new URL( req.url ?? '/', `http://${ options.host }` );
			let route: string | null = null;
			if ( url.pathname.startsWith( '/wp-json/' ) ) {
				if ( ! pretty ) {
					// No rewrite rules: WordPress's own 404 page.
					send(
						res,
						404,
						{ 'content-type': 'text/html; charset=UTF-8' },
						themedPage( 'Page not found', '<p>Nothing here.</p>' )
					);
					return;
				}
				route = url.pathname.slice( '/wp-json'.length );
			} else if (
				url.pathname === '/' &&
				url.searchParams.has( 'rest_route' )
			) {
				route = url.searchParams.get( 'rest_route' );
			}
			if ( route !== null ) {
				const match = /^\/wp\/v2\/(posts|pages)\/?$/.exec( route );
				if ( ! match ) {
					return restError( res, 404, 'rest_no_route' );
				}
				return listing(
					req,
					res,
					match[ 1 ] as 'posts' | 'pages',
					url.searchParams
				);
			}
			const post = [ ...posts.values() ].find(
				( candidate ) =>
					candidate.status === 'publish' &&
					url.pathname === `/${ candidate.slug }/`
			);
			if ( post ) {
				send(
					res,
					200,
					{ 'content-type': 'text/html; charset=UTF-8' },
					withPorts(
						boundWeb,
						themedPage( post.title, post.content, options.sidebar )
					)
				);
				return;
			}
			send(
				res,
				404,
				{ 'content-type': 'text/html; charset=UTF-8' },
				themedPage( 'Page not found', '<p>Nothing here.</p>' )
			);
		},
	};
	return api;
}

/** Connects a fake WordPress to the port its web gave it (for permalinks). */
export function bindFakeWordPress( wp: FakeWordPress, web: PartnerWeb ): void {
	wp.bind( web );
}

export interface SitemapPage {
	path: string;
	title: string;
	/** The page body; a function when it links to other sites of the web (ports). */
	content: string | ( ( web: PartnerWeb ) => string );
	lastmod?: string;
}

export interface FakeSitemapSite {
	/** Routes for partner-web (sitemaps and pages). */
	routes: PartnerRoutes;
	pages: Map< string, SitemapPage >;
	/** Re-generates the sitemaps and pages after `pages` changed. */
	update: ( web: PartnerWeb ) => void;
}

function urlset( urls: Array< { loc: string; lastmod?: string } > ): string {
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
		...urls.map(
			( url ) =>
				`<url><loc>${ escape( url.loc ) }</loc>${
					url.lastmod ? `<lastmod>${ url.lastmod }</lastmod>` : ''
				}</url>`
		),
		'</urlset>',
	].join( '\n' );
}

function sitemapIndex( locs: string[] ): string {
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
		...locs.map(
			( loc ) => `<sitemap><loc>${ escape( loc ) }</loc></sitemap>`
		),
		'</sitemapindex>',
	].join( '\n' );
}

/**
 * A site known only by its sitemap: /sitemap.xml is an index of a gzipped
 * sitemap (/sitemap-posts.xml.gz, the first half of the pages) and of a
 * nested index (/sitemap-more.xml → /sitemap-more-1.xml, the rest).
 */
export function createFakeSitemapSite(
	host: string,
	pages: SitemapPage[],
	sidebar: string | ( ( web: PartnerWeb ) => string ) = ''
): FakeSitemapSite {
	const map = new Map( pages.map( ( page ) => [ page.path, page ] ) );
	const routes: PartnerRoutes = {};
	const site: FakeSitemapSite = {
		routes,
		pages: map,
		update( web ) {
			const origin = web.site( host ).origin;
			const all = [ ...map.values() ];
			const half = Math.ceil( all.length / 2 );
			const entry = ( page: SitemapPage ) => ( {
				loc: `${ origin }${ page.path }`,
				lastmod: page.lastmod,
			} );
			web.route( host, '/sitemap.xml', {
				headers: { 'content-type': 'application/xml' },
				body: sitemapIndex( [
					`${ origin }/sitemap-posts.xml.gz`,
					`${ origin }/sitemap-more.xml`,
				] ),
			} );
			web.route( host, '/sitemap-posts.xml.gz', {
				headers: { 'content-type': 'application/x-gzip' },
				body: zlib.gzipSync(
					urlset( all.slice( 0, half ).map( entry ) )
				),
			} );
			web.route( host, '/sitemap-more.xml', {
				headers: { 'content-type': 'application/xml' },
				body: sitemapIndex( [ `${ origin }/sitemap-more-1.xml` ] ),
			} );
			web.route( host, '/sitemap-more-1.xml', {
				headers: { 'content-type': 'text/xml' },
				body: urlset( all.slice( half ).map( entry ) ),
			} );
			for ( const page of all ) {
				web.route(
					host,
					page.path,
					withPorts(
						web,
						themedPage(
							page.title,
							typeof page.content === 'function'
								? page.content( web )
								: page.content,
							typeof sidebar === 'function'
								? sidebar( web )
								: sidebar
						)
					)
				);
			}
		},
	};
	return site;
}
