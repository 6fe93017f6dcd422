/**
 * The `--resolve host:port:address` map, as curl has it: the one and only
 * way to send a named host to an address the SSRF guard would refuse (tests
 * and demos map partner-a.test:8081 to 127.0.0.1). An entry applies to that
 * exact host AND port; a redirect to the same host on another port is
 * resolved and guarded as usual.
 */
import { isIP } from 'node:net';
import { RlgError } from '../errors';
import { bareAddress } from './ip-ranges';

/** "host:port" (host lower-cased, IDNs in punycode) → IP address. */
export type ResolveMap = ReadonlyMap< string, string >;

export const EMPTY_RESOLVE_MAP: ResolveMap = new Map();

/** Canonical host as the WHATWG URL parser spells it (lower case, punycode). */
function canonicalHost( host: string ): string | null {
	try {
		const { hostname } = new URL( `http://${ host }/` );
		return hostname === '' ? null : hostname;
	} catch {
		return null;
	}
}

export function resolveKey( hostname: string, port: number ): string {
	return `${ bareAddress( hostname ).toLowerCase() }:${ port }`;
}

function invalid( entry: string, why: string ): RlgError {
	return new RlgError(
		'ERR_INVALID_RESOLVE',
		`Invalid --resolve entry "${ entry }": ${ why } (expected host:port:address, e.g. partner-a.test:8081:127.0.0.1)`
	);
}

/**
 * Parses curl-style entries. The address may be IPv4 or IPv6 (bare or in
 * brackets); the host may not be an IP literal (mapping an address to
 * another address would be a guard bypass with no naming purpose).
 *
 * @throws RlgError ERR_INVALID_RESOLVE naming the bad entry.
 */
export function parseResolveMap( entries: readonly string[] ): ResolveMap {
	const map = new Map< string, string >();
	for ( const entry of entries ) {
		const first = entry.indexOf( ':' );
		const second = first === -1 ? -1 : entry.indexOf( ':', first + 1 );
		if ( first <= 0 || second === -1 ) {
			throw invalid( entry, 'missing parts' );
		}
		const rawHost = entry.slice( 0, first );
		const rawPort = entry.slice( first + 1, second );
		const address = bareAddress( entry.slice( second + 1 ) );
		const host = canonicalHost( rawHost );
		if ( ! host || host.includes( ':' ) || host.startsWith( '[' ) ) {
			throw invalid( entry, `"${ rawHost }" is not a host name` );
		}
		if ( isIP( host ) !== 0 ) {
			throw invalid( entry, 'the host must be a name, not an address' );
		}
		const port = Number( rawPort );
		if ( ! /^\d{1,5}$/.test( rawPort ) || port < 1 || port > 65535 ) {
			throw invalid( entry, `"${ rawPort }" is not a port` );
		}
		if ( isIP( address ) === 0 ) {
			throw invalid( entry, `"${ address }" is not an IP address` );
		}
		map.set( resolveKey( host, port ), address );
	}
	return map;
}

/** The mapped address for a host and port, if the map names them. */
export function lookupResolveMap(
	map: ResolveMap,
	hostname: string,
	port: number
): string | undefined {
	return map.get( resolveKey( hostname, port ) );
}

/** Effective port of a URL (default 80/443 when the URL omits it). */
export function urlPort( url: URL ): number {
	if ( url.port !== '' ) {
		return Number( url.port );
	}
	return url.protocol === 'https:' ? 443 : 80;
}
