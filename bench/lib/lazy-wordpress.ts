/**
 * A fake WordPress REST site of any size for benchmarks: posts are made
 * from their id when a page of the listing is asked for, never stored, so
 * a 100,000-post site costs the benchmark's process nothing while the scan
 * under test reads it (tests/helpers/fake-sites.ts keeps every post in a
 * Map, which is right for tests that edit posts and too heavy here).
 *
 * It answers what `src/service/scan/sources/wp-rest.ts` asks, the way
 * WordPress does: `/wp-json/wp/v2/posts` and `/pages` with `per_page`
 * (1–100), `page` (past the last: 400 `rest_post_invalid_page_number`),
 * `_fields`, `orderby=id&order=asc`, `modified_after` (every post was
 * modified at the server's start), and the `X-WP-Total` / `X-WP-TotalPages`
 * headers. The site has posts only, no pages.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface LazyWordPressOptions {
	posts: number;
	/** Host name the site is served under, e.g. "our.test". */
	host: string;
	/** The post body (`content.rendered`) of post `id` (1-based). */
	content: ( id: number ) => string;
	/** The post's title. */
	title: ( id: number ) => string;
}

export interface LazyWordPress {
	/** "http://host:port/" */
	url: string;
	/** `host:port:127.0.0.1` for `--resolve`. */
	resolveEntry: string;
	/** REST listings answered so far. */
	listings: () => number;
	close: () => Promise< void >;
}

function json(
	res: http.ServerResponse,
	status: number,
	body: unknown,
	headers: Record< string, string > = {}
): void {
	const text = JSON.stringify( body );
	res.writeHead( status, {
		'content-type': 'application/json; charset=UTF-8',
		'content-length': Buffer.byteLength( text ),
		...headers,
	} );
	res.end( text );
}

export async function startLazyWordPress(
	options: LazyWordPressOptions
): Promise< LazyWordPress > {
	const modified = new Date( Date.now() - 60_000 );
	const modifiedGmt = modified.toISOString().slice( 0, 19 );
	let port = 0;
	let listings = 0;

	function post( id: number, fields: string[] ): Record< string, unknown > {
		const full: Record< string, unknown > = {
			id,
			link: `http://${ options.host }:${ port }/post-${ id }/`,
			modified_gmt: modifiedGmt,
			title: { rendered: options.title( id ) },
			content: { rendered: options.content( id ), protected: false },
			status: 'publish',
		};
		if ( ! fields.length ) {
			return full;
		}
		const out: Record< string, unknown > = {};
		for ( const field of fields ) {
			if ( field in full ) {
				out[ field ] = full[ field ];
			}
		}
		return out;
	}

	function listing(
		res: http.ServerResponse,
		type: string,
		query: URLSearchParams
	) {
		listings++;
		const perPage = Number( query.get( 'per_page' ) ?? '10' );
		if ( ! Number.isInteger( perPage ) || perPage < 1 || perPage > 100 ) {
			json( res, 400, { code: 'rest_invalid_param' } );
			return;
		}
		const page = Number( query.get( 'page' ) ?? '1' );
		if ( ! Number.isInteger( page ) || page < 1 ) {
			json( res, 400, { code: 'rest_invalid_param' } );
			return;
		}
		const after = query.get( 'modified_after' );
		const total =
			type === 'posts' &&
			( after === null || Date.parse( after ) < modified.getTime() )
				? options.posts
				: 0;
		const totalPages = Math.ceil( total / perPage );
		if ( page > Math.max( totalPages, 1 ) ) {
			json( res, 400, { code: 'rest_post_invalid_page_number' } );
			return;
		}
		const fields = ( query.get( '_fields' ) ?? '' )
			.split( ',' )
			.filter( Boolean );
		const first = ( page - 1 ) * perPage + 1;
		const last = Math.min( total, page * perPage );
		const body: unknown[] = [];
		for ( let id = first; id <= last; id++ ) {
			body.push( post( id, fields ) );
		}
		json( res, 200, body, {
			'x-wp-total': String( total ),
			'x-wp-totalpages': String( totalPages ),
		} );
	}

	const server = http.createServer( ( req, res ) => {
		const url = new URL( req.url ?? '/', `http://${ options.host }` );
		const match = /^\/wp-json\/wp\/v2\/(posts|pages)\/?$/.exec(
			url.pathname
		);
		if ( match ) {
			listing( res, match[ 1 ], url.searchParams );
			return;
		}
		res.writeHead( 404, { 'content-type': 'text/html' } );
		res.end( '<!doctype html><title>Not found</title>' );
	} );
	server.keepAliveTimeout = 30_000;
	const sockets = new Set< Socket >();
	server.on( 'connection', ( socket ) => {
		sockets.add( socket );
		socket.on( 'close', () => sockets.delete( socket ) );
	} );
	await new Promise< void >( ( resolve, reject ) => {
		server.once( 'error', reject );
		server.listen( 0, '127.0.0.1', () => resolve() );
	} );
	port = ( server.address() as AddressInfo ).port;
	return {
		url: `http://${ options.host }:${ port }/`,
		resolveEntry: `${ options.host }:${ port }:127.0.0.1`,
		listings: () => listings,
		close: () =>
			new Promise< void >( ( resolve ) => {
				for ( const socket of sockets ) {
					socket.destroy();
				}
				server.close( () => resolve() );
			} ),
	};
}
