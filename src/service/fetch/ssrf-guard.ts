/**
 * The SSRF guard: every connection the fetcher opens goes through
 * `createGuardedConnector`, which resolves the host name ONCE, refuses the
 * connection unless every resolved address is public (ip-ranges.ts), and
 * then connects the socket to exactly the address it checked. There is no
 * second lookup inside net.connect that DNS rebinding could race: the
 * socket is handed an IP literal, while TLS still verifies the certificate
 * against the original name (SNI / servername).
 *
 * The only bypass is the explicit `--resolve host:port:address` map.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { RlgError } from '../errors';
import { bareAddress, unsafeAddressReason } from './ip-ranges';
import { lookupResolveMap, urlPort, type ResolveMap } from './resolve-map';

export interface ResolvedAddress {
	readonly address: string;
	readonly family: number;
}

/**
 * Resolves a host name to all of its addresses. Injectable so tests can
 * play a DNS server that answers 127.0.0.1 (or changes its answer).
 */
export type LookupFunction = (
	hostname: string
) => Promise< readonly ResolvedAddress[] >;

export const systemLookup: LookupFunction = ( hostname ) =>
	dnsLookup( hostname, { all: true, verbatim: true } );

/** RlgError codes the guard throws. */
export const ERR_UNSAFE_ADDRESS = 'ERR_UNSAFE_ADDRESS';
export const ERR_UNSAFE_URL = 'ERR_UNSAFE_URL';
export const ERR_DNS = 'ERR_DNS';

export interface AddressResolverOptions {
	resolveMap: ResolveMap;
	lookup: LookupFunction;
	/** Upper bound on a DNS lookup, in ms. */
	timeoutMs: number;
}

export interface SafeAddress {
	readonly address: string;
	/** True when it came from the --resolve map (and skipped the guard). */
	readonly mapped: boolean;
}

export type AddressResolver = (
	hostname: string,
	port: number
) => Promise< SafeAddress >;

function withTimeout< T >(
	promise: Promise< T >,
	ms: number,
	onTimeout: () => Error
): Promise< T > {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise< never >( ( _resolve, reject ) => {
		timer = setTimeout( () => reject( onTimeout() ), ms );
	} );
	return Promise.race( [ promise, timeout ] ).finally( () =>
		clearTimeout( timer )
	);
}

/**
 * Returns the one address to connect to for `hostname:port`, or throws
 * RlgError ERR_UNSAFE_ADDRESS (refused) / ERR_DNS (does not resolve).
 *
 * A name with several addresses is refused if ANY of them is unsafe: a
 * public name that also answers 10.0.0.1 is either misconfigured or an
 * attack, and happy-eyeballs could pick either.
 */
export function createAddressResolver(
	options: AddressResolverOptions
): AddressResolver {
	return async ( hostname, port ) => {
		const host = bareAddress( hostname ).toLowerCase();
		const mapped = lookupResolveMap( options.resolveMap, host, port );
		if ( mapped !== undefined ) {
			return { address: mapped, mapped: true };
		}
		if ( isIP( host ) !== 0 ) {
			const reason = unsafeAddressReason( host );
			if ( reason ) {
				throw new RlgError( ERR_UNSAFE_ADDRESS, reason );
			}
			return { address: host, mapped: false };
		}
		let addresses: readonly ResolvedAddress[];
		try {
			addresses = await withTimeout(
				options.lookup( host ),
				options.timeoutMs,
				() =>
					new RlgError(
						'ERR_DNS_TIMEOUT',
						`DNS lookup of ${ host } took longer than ${ options.timeoutMs } ms`
					)
			);
		} catch ( error ) {
			if ( error instanceof RlgError ) {
				throw error;
			}
			const code = ( error as NodeJS.ErrnoException ).code ?? 'unknown';
			throw new RlgError(
				ERR_DNS,
				`${ host } does not resolve (${ code })`,
				{ cause: error }
			);
		}
		if ( addresses.length === 0 ) {
			throw new RlgError( ERR_DNS, `${ host } has no addresses` );
		}
		for ( const { address } of addresses ) {
			const reason = unsafeAddressReason( address );
			if ( reason ) {
				throw new RlgError(
					ERR_UNSAFE_ADDRESS,
					`${ host } resolves to ${ reason }`
				);
			}
		}
		return {
			address: bareAddress( addresses[ 0 ].address ),
			mapped: false,
		};
	};
}

/**
 * Checks what can be checked from the URL alone, before any connection:
 * scheme and IP-literal hosts (decimal, octal and hex IPv4 spellings are
 * already canonical dotted quads here: the WHATWG URL parser rewrites
 * http://2130706433/ and http://0x7f.1/ to 127.0.0.1).
 *
 * @throws RlgError ERR_UNSAFE_URL or ERR_UNSAFE_ADDRESS.
 */
export function assertUrlIsFetchable( url: URL, resolveMap: ResolveMap ): void {
	if ( url.protocol !== 'http:' && url.protocol !== 'https:' ) {
		throw new RlgError(
			ERR_UNSAFE_URL,
			`${ url.protocol } URLs are never fetched (only http and https)`
		);
	}
	const host = bareAddress( url.hostname );
	if ( isIP( host ) === 0 ) {
		return;
	}
	if ( lookupResolveMap( resolveMap, host, urlPort( url ) ) !== undefined ) {
		return;
	}
	const reason = unsafeAddressReason( host );
	if ( reason ) {
		throw new RlgError( ERR_UNSAFE_ADDRESS, reason );
	}
}

export interface GuardedConnectorOptions {
	resolve: AddressResolver;
	/** Connect timeout (TCP + TLS handshake), in ms. */
	timeoutMs: number;
	/** Extra TLS options (e.g. a test CA). */
	tls?: { ca?: string | Buffer | Array< string | Buffer > };
}

/**
 * An undici connector that resolves and validates before connecting, then
 * connects to the validated IP literal. net.connect() does not look up IP
 * literals, so nothing can swap the address in between.
 */
export function createGuardedConnector(
	options: GuardedConnectorOptions
): buildConnector.connector {
	const connect = buildConnector( {
		timeout: options.timeoutMs,
		...( options.tls ?? {} ),
	} );
	return ( connectOptions, callback ) => {
		const hostname = bareAddress( connectOptions.hostname );
		const port =
			Number( connectOptions.port ) ||
			( connectOptions.protocol === 'https:' ? 443 : 80 );
		options.resolve( hostname, port ).then(
			( { address } ) => {
				connect(
					{
						...connectOptions,
						hostname: address,
						// SNI and certificate checks use the name, never the IP.
						servername:
							connectOptions.servername ??
							( isIP( hostname ) === 0 ? hostname : undefined ),
					},
					callback
				);
			},
			( error: Error ) => callback( error, null )
		);
	};
}
