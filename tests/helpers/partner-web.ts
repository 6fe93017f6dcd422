/**
 * A pretend web of partner sites for tests: one real HTTP server per named
 * site on 127.0.0.1 (random port), scripted responses per path, a request
 * log, and the `--resolve` entries that send the names to those servers.
 *
 *     const web = await startPartnerWeb( {
 *         'partner-a.test': {
 *             '/': html( '<a href="https://our.site/">Our site</a>' ),
 *             '/old': redirect( '/' ),
 *             '/robots.txt': 'User-agent: *\nDisallow: /private',
 *         },
 *         'partner-b.test': { '/': sequence( tooManyRequests( 1 ), html( 'ok' ) ) },
 *     } );
 *     const fetcher = createFetcher( { resolveMap: web.resolveMap } );
 *     await fetcher.fetchPage( web.url( 'partner-a.test', '/old' ) );
 *     // CLI / service: [ 'check', …, ...web.resolveArgs ]
 *     afterAll( () => web.close() );
 *
 * A response is a string (200 HTML, UTF-8; "/robots.txt" is served as
 * text/plain), a `{ status, headers, body }` spec, or a handler
 * `( req, res, web ) => void` for anything hostile. Unknown paths are 404.
 * Routes can be changed at any time with `web.route( name, path, response )`.
 * HTTPS partners: `startPartnerWeb( sites, { https: { 'tls.test':
 * makeSelfSignedCert( [ 'tls.test' ] ) } } )` and give the fetcher the cert
 * as `tls: { ca }`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import zlib from 'node:zlib';
import {
	parseResolveMap,
	type ResolveMap,
} from '../../src/service/fetch/resolve-map';

export interface ResponseSpec {
	status?: number;
	headers?: Record< string, string | number | string[] >;
	body?: string | Buffer;
	/** Wait this long before answering (headers included). */
	delayMs?: number;
}

export type PartnerHandler = (
	req: IncomingMessage,
	res: ServerResponse,
	web: PartnerWeb
) => void | Promise< void >;

export type PartnerResponse = string | ResponseSpec | PartnerHandler;

/** Path (with query, e.g. "/a?b=1", or "*" as a fallback) → response. */
export type PartnerRoutes = Record< string, PartnerResponse >;

export interface RecordedRequest {
	readonly site: string;
	readonly method: string;
	readonly path: string;
	readonly headers: IncomingMessage[ 'headers' ];
}

export interface PartnerSite {
	readonly name: string;
	readonly port: number;
	/** "http://name:port" */
	readonly origin: string;
	url: ( path?: string ) => string;
	readonly requests: RecordedRequest[];
	/** Requests for one path (query included). */
	hits: ( path: string ) => number;
}

export interface PartnerWeb {
	site: ( name: string ) => PartnerSite;
	/** "http://name:port/path" for a named site. */
	url: ( name: string, path?: string ) => string;
	/** Replaces (or adds) one route of a site. */
	route: ( name: string, path: string, response: PartnerResponse ) => void;
	/** "name:port:127.0.0.1" for each site (curl --resolve syntax). */
	readonly resolveEntries: string[];
	/** [ '--resolve', entry, … ] for the CLI. */
	readonly resolveArgs: string[];
	readonly resolveMap: ResolveMap;
	/** Every request to every site, in arrival order. */
	readonly requests: RecordedRequest[];
	close: () => Promise< void >;
}

const HTML_UTF8 = 'text/html; charset=utf-8';

/** A minimal full HTML document around `body`. */
export function html(
	body: string,
	options: { title?: string; lang?: string; head?: string } = {}
): string {
	return [
		'<!doctype html>',
		`<html${ options.lang ? ` lang="${ options.lang }"` : '' }>`,
		`<head><meta charset="utf-8"><title>${ options.title ?? 'Partner page' }</title>${ options.head ?? '' }</head>`,
		`<body>${ body }</body>`,
		'</html>',
	].join( '\n' );
}

/** A redirect; `location` may be computed from the web (other sites' ports). */
export function redirect(
	location: string | ( ( web: PartnerWeb ) => string ),
	status = 302
): PartnerHandler {
	return ( _req, res, web ) => {
		res.writeHead( status, {
			location:
				typeof location === 'function' ? location( web ) : location,
			'content-type': 'text/html',
		} );
		res.end( 'moved' );
	};
}

/** Answers each request with the next response; the last one repeats. */
export function sequence( ...responses: PartnerResponse[] ): PartnerHandler {
	let index = 0;
	return ( req, res, web ) => {
		const response = responses[ Math.min( index, responses.length - 1 ) ];
		index++;
		return respond( response, req, res, web );
	};
}

/** 429 with Retry-After (seconds; omit the header with null). */
export function tooManyRequests(
	retryAfterSeconds: number | null,
	status = 429
): ResponseSpec {
	return {
		status,
		headers:
			retryAfterSeconds === null
				? {}
				: { 'retry-after': String( retryAfterSeconds ) },
		body: 'slow down',
	};
}

/** A compressed HTML response. */
export function compressed(
	body: string | Buffer,
	encoding: 'gzip' | 'br' | 'deflate' | 'deflate-raw',
	headers: ResponseSpec[ 'headers' ] = {}
): ResponseSpec {
	const input = Buffer.from( body );
	const encoded = {
		gzip: () => zlib.gzipSync( input ),
		br: () => zlib.brotliCompressSync( input ),
		deflate: () => zlib.deflateSync( input ),
		'deflate-raw': () => zlib.deflateRawSync( input ),
	}[ encoding ]();
	return {
		headers: {
			'content-type': HTML_UTF8,
			'content-encoding':
				encoding === 'deflate-raw' ? 'deflate' : encoding,
			...headers,
		},
		body: encoded,
	};
}

/**
 * A decompression bomb: `decodedBytes` of spaces after an HTML prefix,
 * compressed in 1 MiB steps so building it never holds the decoded size.
 */
export async function makeBomb(
	encoding: 'gzip' | 'br',
	decodedBytes: number
): Promise< Buffer > {
	const stream =
		encoding === 'gzip'
			? zlib.createGzip( { level: 9 } )
			: zlib.createBrotliCompress();
	const chunks: Buffer[] = [];
	stream.on( 'data', ( chunk: Buffer ) => chunks.push( chunk ) );
	const done = new Promise< void >( ( resolve, reject ) => {
		stream.on( 'end', resolve );
		stream.on( 'error', reject );
	} );
	stream.write( '<!doctype html><html><body>' );
	const step = Buffer.alloc( 1024 * 1024, 0x20 );
	for ( let written = 0; written < decodedBytes; written += step.length ) {
		if ( ! stream.write( step ) ) {
			await new Promise( ( resolve ) => stream.once( 'drain', resolve ) );
		}
	}
	stream.end();
	await done;
	return Buffer.concat( chunks );
}

/** Sends the head, then `chunk` every `intervalMs` until the client leaves. */
export function slowBody(
	intervalMs: number,
	chunk = ' ',
	headers: ResponseSpec[ 'headers' ] = { 'content-type': HTML_UTF8 }
): PartnerHandler {
	return ( _req, res ) => {
		res.writeHead( 200, headers );
		res.write( '<!doctype html><html><body>' );
		const timer = setInterval( () => res.write( chunk ), intervalMs );
		res.on( 'close', () => clearInterval( timer ) );
	};
}

/** Writes the raw status line and headers one byte every `intervalMs` (slowloris). */
export function slowHeaders( intervalMs: number ): PartnerHandler {
	return ( req ) => {
		const socket = req.socket;
		const raw = `HTTP/1.1 200 OK\r\ncontent-type: ${ HTML_UTF8 }\r\ncontent-length: 2\r\n\r\nok`;
		let index = 0;
		const timer = setInterval( () => {
			if ( socket.destroyed || index >= raw.length ) {
				clearInterval( timer );
				return;
			}
			socket.write( raw[ index++ ] );
		}, intervalMs );
		socket.on( 'close', () => clearInterval( timer ) );
	};
}

/** An endless HTML body, written as fast as the client reads it. */
export function endlessBody(): PartnerHandler {
	return ( _req, res ) => {
		res.writeHead( 200, { 'content-type': HTML_UTF8 } );
		const block = Buffer.alloc( 64 * 1024, 0x20 );
		const pump = () => {
			while ( ! res.destroyed && res.write( block ) ) {
				// keep writing until the socket pushes back
			}
		};
		res.on( 'drain', pump );
		pump();
	};
}

/** Sends the head and part of the body, then resets the connection. */
export function resetMidBody(
	partial = '<!doctype html><html><body>'
): PartnerHandler {
	return ( req, res ) => {
		res.writeHead( 200, {
			'content-type': HTML_UTF8,
			'content-length': '1000',
		} );
		res.write( partial, () => req.socket.resetAndDestroy() );
	};
}

async function respond(
	response: PartnerResponse,
	req: IncomingMessage,
	res: ServerResponse,
	web: PartnerWeb
): Promise< void > {
	if ( typeof response === 'function' ) {
		await response( req, res, web );
		return;
	}
	const spec: ResponseSpec =
		typeof response === 'string'
			? {
					body: response,
					headers: {
						'content-type':
							req.url === '/robots.txt'
								? 'text/plain'
								: HTML_UTF8,
					},
				}
			: response;
	if ( spec.delayMs ) {
		await new Promise( ( resolve ) => setTimeout( resolve, spec.delayMs ) );
	}
	const body = spec.body ?? '';
	const headers = { 'content-type': HTML_UTF8, ...( spec.headers ?? {} ) };
	if (
		! Object.keys( headers ).some(
			( name ) => name.toLowerCase() === 'content-length'
		)
	) {
		( headers as Record< string, string | number > )[ 'content-length' ] =
			Buffer.byteLength( body );
	}
	res.writeHead( spec.status ?? 200, headers );
	res.end( body );
}

export interface TlsCredentials {
	key: string;
	cert: string;
}

/**
 * A self-signed certificate for `names` (made with the openssl CLI), to
 * serve a partner over HTTPS; give `cert` to the fetcher as its `tls.ca`.
 */
export function makeSelfSignedCert( names: string[] ): TlsCredentials {
	const dir = mkdtempSync( join( tmpdir(), 'partner-web-tls-' ) );
	try {
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'ec',
				'-pkeyopt',
				'ec_paramgen_curve:prime256v1',
				'-nodes',
				'-days',
				'2',
				'-subj',
				`/CN=${ names[ 0 ] }`,
				'-addext',
				`subjectAltName=${ names.map( ( name ) => `DNS:${ name }` ).join( ',' ) }`,
				'-keyout',
				join( dir, 'key.pem' ),
				'-out',
				join( dir, 'cert.pem' ),
			],
			{ stdio: 'ignore' }
		);
		return {
			key: readFileSync( join( dir, 'key.pem' ), 'utf8' ),
			cert: readFileSync( join( dir, 'cert.pem' ), 'utf8' ),
		};
	} finally {
		rmSync( dir, { recursive: true, force: true } );
	}
}

export interface PartnerWebOptions {
	/** Sites served over HTTPS with these credentials (origin https://name:port). */
	https?: Record< string, TlsCredentials >;
}

/** Starts one server per named site. Close it in afterAll. */
export async function startPartnerWeb(
	sites: Record< string, PartnerRoutes >,
	options: PartnerWebOptions = {}
): Promise< PartnerWeb > {
	const routes = new Map< string, Map< string, PartnerResponse > >();
	const servers = new Map<
		string,
		{ server: http.Server; sockets: Set< Socket >; site: PartnerSite }
	>();
	const requests: RecordedRequest[] = [];
	const entries: string[] = [];

	// eslint-disable-next-line prefer-const -- assigned once every server listens
	let web: PartnerWeb;

	for ( const [ name, siteRoutes ] of Object.entries( sites ) ) {
		routes.set( name, new Map( Object.entries( siteRoutes ) ) );
		const siteRequests: RecordedRequest[] = [];
		const sockets = new Set< Socket >();
		const tls = options.https?.[ name ];
		const onRequest = ( req: IncomingMessage, res: ServerResponse ) => {
			const path = req.url ?? '/';
			const record = {
				site: name,
				method: req.method ?? 'GET',
				path,
				headers: req.headers,
			};
			siteRequests.push( record );
			requests.push( record );
			const table = routes.get( name )!;
			const response = table.get( path ) ?? table.get( '*' );
			if ( response === undefined ) {
				res.writeHead( 404, { 'content-type': HTML_UTF8 } );
				res.end( html( 'Not found', { title: 'Not found' } ) );
				return;
			}
			respond( response, req, res, web ).catch( () => res.destroy() );
		};
		const server = tls
			? https.createServer( tls, onRequest )
			: http.createServer( onRequest );
		server.on( 'connection', ( socket ) => {
			sockets.add( socket );
			socket.on( 'close', () => sockets.delete( socket ) );
		} );
		await new Promise< void >( ( resolve ) =>
			server.listen( 0, '127.0.0.1', resolve )
		);
		const { port } = server.address() as AddressInfo;
		const origin = `${ tls ? 'https' : 'http' }://${ name }:${ port }`;
		const site: PartnerSite = {
			name,
			port,
			origin,
			url: ( path = '/' ) => `${ origin }${ path }`,
			requests: siteRequests,
			hits: ( path ) =>
				siteRequests.filter( ( request ) => request.path === path )
					.length,
		};
		servers.set( name, { server, sockets, site } );
		entries.push( `${ name }:${ port }:127.0.0.1` );
	}

	const siteNamed = ( name: string ): PartnerSite => {
		const entry = servers.get( name );
		if ( ! entry ) {
			throw new Error( `partner-web: no site named ${ name }` );
		}
		return entry.site;
	};

	web = {
		site: siteNamed,
		url: ( name, path = '/' ) => siteNamed( name ).url( path ),
		route( name, path, response ) {
			siteNamed( name );
			routes.get( name )!.set( path, response );
		},
		resolveEntries: entries,
		resolveArgs: entries.flatMap( ( entry ) => [ '--resolve', entry ] ),
		resolveMap: parseResolveMap( entries ),
		requests,
		async close() {
			await Promise.all(
				[ ...servers.values() ].map(
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
	return web;
}
