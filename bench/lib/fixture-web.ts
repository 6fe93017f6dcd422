/**
 * A local partner web sized for benchmarks: thousands of named partner
 * hosts (partner-N.test) served by a few HTTP servers on distinct loopback
 * addresses (127.0.0.2, 127.0.0.3, …, falling back to 127.0.0.1), routed
 * by path so every page has two equivalent URLs:
 *
 *   named:  http://partner-7.test:PORT/p/7/1.html   (our service, via --resolve)
 *   direct: http://127.0.0.3:PORT/p/7/1.html        (peers without a resolve map)
 *
 * tests/helpers/partner-web.ts starts one server per site and logs every
 * request, which is right for tests and too heavy for 2,000 sites.
 *
 * Pages are corpus pages composed to realistic sizes (15–120 KB); every
 * `linkBackEvery`-th host links back to our site in its content, and every
 * `slowEvery`-th host waits `slowMs` before answering.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { composePage, loadCorpus } from './corpus';

export interface FixtureWebOptions {
	hosts: number;
	pagesPerHost: number;
	servers: number;
	/** Origin partner pages link back to, e.g. "http://our.test:8080". */
	ourOrigin: string;
	linkBackEvery: number;
	slowEvery: number;
	slowMs: number;
	/** Page sizes cycled through, in bytes. */
	sizes?: number[];
}

export interface FixtureWeb {
	hostName: ( host: number ) => string;
	namedUrl: ( host: number, page: number ) => string;
	directUrl: ( host: number, page: number ) => string;
	/** `partner-N.test:port:address` for every host. */
	resolveEntries: string[];
	linksBack: ( host: number ) => boolean;
	/** Page requests answered (robots.txt excluded). */
	served: () => number;
	bytesServed: () => number;
	close: () => Promise< void >;
}

const DEFAULT_SIZES = [ 15_000, 30_000, 60_000, 120_000, 45_000 ];

function listen( server: http.Server, address: string ): Promise< void > {
	return new Promise( ( resolve, reject ) => {
		server.once( 'error', reject );
		server.listen( 0, address, () => {
			server.off( 'error', reject );
			resolve();
		} );
	} );
}

export async function startFixtureWeb(
	options: FixtureWebOptions
): Promise< FixtureWeb > {
	const corpus = loadCorpus();
	const sizes = options.sizes ?? DEFAULT_SIZES;
	// Bytes, encoded once: the partner servers stand in for other machines,
	// so their CPU (here on the benchmark's own cores) should stay small and
	// the same for every tool, as a static file server's would.
	const cache = new Map< string, Buffer >();
	let served = 0;
	let bytes = 0;

	const linksBack = ( host: number ) => host % options.linkBackEvery === 0;

	function pageHtml( host: number, page: number ): Buffer {
		const template = ( host * 7 + page ) % corpus.length;
		const size = sizes[ ( host + page ) % sizes.length ];
		const back = linksBack( host );
		const key = `${ template }:${ size }:${ back }`;
		let html = cache.get( key );
		if ( html === undefined ) {
			const composed = composePage( corpus, size, template ).html;
			const link = back
				? `<p>We recommend <a href="${ options.ourOrigin }/">a fine garden blog</a> for more on this.</p>`
				: '<p>Thanks for reading.</p>';
			html = Buffer.from(
				composed.replace( /<\/main>/, `${ link }</main>` )
			);
			cache.set( key, html );
		}
		return html;
	}

	const onRequest = (
		req: http.IncomingMessage,
		res: http.ServerResponse
	) => {
		const path = ( req.url ?? '/' ).split( '?' )[ 0 ];
		if ( path === '/robots.txt' ) {
			res.writeHead( 200, { 'content-type': 'text/plain' } );
			res.end( 'User-agent: *\nAllow: /\n' );
			return;
		}
		let match = /^\/p\/(\d+)\/(\d+)\.html$/.exec( path );
		if ( ! match && path === '/' ) {
			// A named host's homepage: its first page.
			const name = /^partner-(\d+)\.test/.exec( req.headers.host ?? '' );
			match = name
				? /^\/p\/(\d+)\/(\d+)\.html$/.exec( `/p/${ name[ 1 ] }/0.html` )
				: null;
		}
		if ( ! match ) {
			res.writeHead( 404, { 'content-type': 'text/html' } );
			res.end(
				'<!doctype html><title>Not found</title><p>Not found</p>'
			);
			return;
		}
		const host = Number( match[ 1 ] );
		const body = pageHtml( host, Number( match[ 2 ] ) );
		const answer = () => {
			served++;
			bytes += body.length;
			res.writeHead( 200, {
				'content-type': 'text/html; charset=utf-8',
				'content-length': body.length,
			} );
			res.end( body );
		};
		if ( options.slowEvery > 0 && host % options.slowEvery === 1 ) {
			setTimeout( answer, options.slowMs );
		} else {
			answer();
		}
	};

	const servers: Array< {
		server: http.Server;
		address: string;
		port: number;
		sockets: Set< Socket >;
	} > = [];
	for ( let i = 0; i < options.servers; i++ ) {
		const server = http.createServer( onRequest );
		server.keepAliveTimeout = 30_000;
		const sockets = new Set< Socket >();
		server.on( 'connection', ( socket ) => {
			sockets.add( socket );
			socket.on( 'close', () => sockets.delete( socket ) );
		} );
		let address = `127.0.0.${ 2 + i }`;
		try {
			await listen( server, address );
		} catch {
			address = '127.0.0.1';
			await listen( server, address );
		}
		const { port } = server.address() as AddressInfo;
		servers.push( { server, address, port, sockets } );
	}

	const serverOf = ( host: number ) => servers[ host % servers.length ];
	const hostName = ( host: number ) => `partner-${ host }.test`;
	return {
		hostName,
		namedUrl: ( host, page ) =>
			`http://${ hostName( host ) }:${ serverOf( host ).port }/p/${ host }/${ page }.html`,
		directUrl: ( host, page ) => {
			const s = serverOf( host );
			return `http://${ s.address }:${ s.port }/p/${ host }/${ page }.html`;
		},
		resolveEntries: Array.from( { length: options.hosts }, ( _, host ) => {
			const s = serverOf( host );
			return `${ hostName( host ) }:${ s.port }:${ s.address }`;
		} ),
		linksBack,
		served: () => served,
		bytesServed: () => bytes,
		async close() {
			await Promise.all(
				servers.map(
					( { server, sockets } ) =>
						new Promise< void >( ( resolve ) => {
							for ( const socket of sockets ) {
								socket.destroy();
							}
							server.close( () => resolve() );
						} )
				)
			);
		},
	};
}
