/**
 * Where does a link to one of our aliases (a short domain, an old domain)
 * lead? Follows the redirects hop by hop through the guarded dispatcher
 * (SSRF guard, --resolve map, the fetcher's timeouts) and stops as soon as
 * a hop lands on our main site: our own site is never fetched (it may well
 * be a loopback WordPress the guard rightly refuses).
 */
import { request, type Agent } from 'undici';
import type { SiteMatcher } from '../../core/url';
import { createDispatcher } from '../fetch/agent';
import type { Fetcher } from '../fetch';
import {
	assertUrlIsFetchable,
	createAddressResolver,
} from '../fetch/ssrf-guard';

const REDIRECTS = new Set( [ 301, 302, 303, 307, 308 ] );

export interface RedirectResolver {
	/** True when `href` redirects (within maxRedirects) to our main site. */
	redirectsToUs: ( href: string, main: SiteMatcher ) => Promise< boolean >;
	close: () => Promise< void >;
}

export function createRedirectResolver( fetcher: Fetcher ): RedirectResolver {
	const options = fetcher.options;
	let dispatcher: Agent | null = null;
	const agent = () =>
		( dispatcher ??= createDispatcher( {
			resolve: createAddressResolver( {
				resolveMap: options.resolveMap,
				lookup: options.lookup,
				timeoutMs: options.connectTimeoutMs,
			} ),
			connectTimeoutMs: options.connectTimeoutMs,
			headersTimeoutMs: options.headersTimeoutMs,
			bodyTimeoutMs: options.bodyTimeoutMs,
			connectionsPerOrigin: 1,
			tls: options.tls,
		} ) );

	return {
		async redirectsToUs( href, main ) {
			let current = new URL( href );
			for ( let hop = 0; hop < options.maxRedirects; hop++ ) {
				try {
					assertUrlIsFetchable( current, options.resolveMap );
					const response = await request( current.href, {
						dispatcher: agent(),
						method: 'GET',
						headers: { 'user-agent': options.userAgent },
						signal: AbortSignal.timeout( options.checkTimeoutMs ),
					} );
					await response.body
						.dump( { limit: 16 * 1024 } )
						.catch( () => undefined );
					const location = response.headers.location;
					if (
						! REDIRECTS.has( response.statusCode ) ||
						typeof location !== 'string'
					) {
						return false;
					}
					current = new URL( location, current );
				} catch {
					// Refused by the guard, unreachable: no redirect seen.
					return false;
				}
				if ( main.isOurs( current.href ) ) {
					return true;
				}
			}
			return false;
		},
		async close() {
			await dispatcher?.destroy();
			dispatcher = null;
		},
	};
}
