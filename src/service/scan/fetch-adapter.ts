/**
 * ScanHttp on top of the service's fetcher (src/service/fetch).
 *
 * Pages (a sitemap's URLs) go through `fetcher.fetchPage` itself: robots,
 * charset, size cap, politeness, all as for a backlink check. The fetcher
 * only accepts HTML, so JSON and XML documents (REST listings, sitemaps) go
 * through a dispatcher built from the SAME pieces and the SAME options
 * (guarded connector and address resolver with the fetcher's --resolve map
 * and DNS lookup, its timeouts, its User-Agent, its capped and decompressed
 * body reader), with every redirect hop checked again. No request of a scan
 * bypasses the SSRF guard.
 */
import type { Readable } from 'node:stream';
import { request } from 'undici';
import type { Agent } from 'undici';
import { RlgError } from '../errors';
import { createDispatcher } from '../fetch/agent';
import { ACCEPT_ENCODING, readCapped } from '../fetch/body';
import type { Fetcher } from '../fetch';
import {
	assertUrlIsFetchable,
	createAddressResolver,
} from '../fetch/ssrf-guard';
import type { HttpDocument, HttpPage, HttpPageFailure, ScanHttp } from './http';

const REDIRECTS = new Set( [ 301, 302, 303, 307, 308 ] );
/** Requests to the scanned site at once (its REST API and sitemaps). */
const DOCUMENT_CONCURRENCY = 2;

function headerOf(
	headers: Record< string, string | string[] | undefined >,
	name: string
): string | null {
	const value = headers[ name.toLowerCase() ];
	if ( value === undefined ) {
		return null;
	}
	return Array.isArray( value ) ? value.join( ', ' ) : value;
}

export interface FetcherScanHttp extends ScanHttp {
	/**
	 * Closes the document dispatcher, aborting requests in flight (the
	 * fetcher is the caller's to close).
	 */
	close: () => Promise< void >;
}

export function createScanHttp( fetcher: Fetcher ): FetcherScanHttp {
	const options = fetcher.options;
	const dispatcher: Agent = createDispatcher( {
		resolve: createAddressResolver( {
			resolveMap: options.resolveMap,
			lookup: options.lookup,
			timeoutMs: options.connectTimeoutMs,
		} ),
		connectTimeoutMs: options.connectTimeoutMs,
		headersTimeoutMs: options.headersTimeoutMs,
		bodyTimeoutMs: options.bodyTimeoutMs,
		connectionsPerOrigin: DOCUMENT_CONCURRENCY,
		tls: options.tls,
	} );

	async function get(
		url: string,
		init: { headers?: Record< string, string >; maxBytes?: number } = {}
	): Promise< HttpDocument > {
		let current = new URL( url );
		for ( let hop = 0; hop <= options.maxRedirects; hop++ ) {
			assertUrlIsFetchable( current, options.resolveMap );
			const signal = AbortSignal.timeout( options.checkTimeoutMs );
			let response;
			try {
				response = await request( current.href, {
					dispatcher,
					method: 'GET',
					headers: {
						'user-agent': options.userAgent,
						'accept-encoding': ACCEPT_ENCODING,
						...init.headers,
					},
					signal,
					headersTimeout: options.headersTimeoutMs,
					bodyTimeout: options.bodyTimeoutMs,
				} );
			} catch ( error ) {
				if ( error instanceof RlgError ) {
					throw error;
				}
				throw new RlgError(
					'ERR_SCAN_FETCH',
					`${ current.href }: ${ ( error as Error ).message }`,
					{ cause: error }
				);
			}
			const location = headerOf( response.headers, 'location' );
			if ( REDIRECTS.has( response.statusCode ) && location ) {
				await response.body
					.dump( { limit: 64 * 1024 } )
					.catch( () => undefined );
				const next = new URL( location, current );
				// Credentials (an application password) never follow a redirect
				// to another origin.
				if (
					next.origin !== current.origin &&
					init.headers?.authorization
				) {
					const { authorization, ...rest } = init.headers;
					void authorization;
					init = { ...init, headers: rest };
				}
				current = next;
				continue;
			}
			const body = await readCapped(
				response.body as unknown as Readable,
				{
					contentEncoding: headerOf(
						response.headers,
						'content-encoding'
					),
					maxBytes: init.maxBytes ?? options.maxBytes,
					onCap: 'error',
					signal,
				}
			);
			const headers = response.headers;
			return {
				status: response.statusCode,
				url: current.href,
				header: ( name ) => headerOf( headers, name ),
				body: body.bytes,
			};
		}
		throw new RlgError(
			'ERR_SCAN_FETCH',
			`${ url }: more than ${ options.maxRedirects } redirects`
		);
	}

	async function page( url: string ): Promise< HttpPage | HttpPageFailure > {
		const outcome = await fetcher.fetchPage( url );
		if ( outcome.kind === 'ok' ) {
			return { url: outcome.finalUrl, html: outcome.html };
		}
		if ( outcome.kind === 'not-modified' ) {
			// Never asked conditionally, so a 304 is the server's mistake.
			return { url, status: 'http-error', detail: 'unexpected 304' };
		}
		return { url, status: outcome.status, detail: outcome.detail };
	}

	return {
		get,
		page,
		async close() {
			await dispatcher.destroy();
		},
	};
}
