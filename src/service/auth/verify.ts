/**
 * Server side of the signing protocol: who is calling, and is this request
 * really theirs, recent, and new?
 */
import type { SiteRecord } from '../store/types';
import { ReplayCache } from './replay-cache';
import type { NonceRegistry } from './replay-cache';
import {
	HEADER_NONCE,
	HEADER_SIGNATURE,
	HEADER_SITE,
	HEADER_TIMESTAMP,
	MAX_CLOCK_SKEW_SECONDS,
	computeSignature,
	signaturesEqual,
} from './signing';

export const AUTH_ERROR_CODES = [
	'ERR_AUTH_MISSING',
	// An unknown site is refused as ERR_AUTH_SIGNATURE (no oracle).
	'ERR_AUTH_SIGNATURE',
	'ERR_AUTH_EXPIRED',
	'ERR_AUTH_REPLAY',
] as const;
export type AuthErrorCode = ( typeof AUTH_ERROR_CODES )[ number ];

/**
 * A refused request: always answered with HTTP 401 and this code.
 * `detail` is for the service's log only, never for the client.
 */
export class AuthError extends Error {
	readonly code: AuthErrorCode;
	readonly statusCode = 401;
	readonly detail: string | undefined;

	constructor( code: AuthErrorCode, message: string, detail?: string ) {
		super( message );
		this.name = 'AuthError';
		this.code = code;
		this.detail = detail;
	}
}

/**
 * What a client hears whether the site is unknown or the signature wrong:
 * telling the two apart would let anyone list the registered sites.
 */
const SIGNATURE_MESSAGE =
	'the signature does not match: check the site URL and key, and that method, path, timestamp, nonce and body are signed as sent';

/** Signs unknown sites' requests with this, so both refusals cost the same. */
const DUMMY_SECRET = 'f'.repeat( 64 );

export interface IncomingSignedRequest {
	method: string;
	/** Path with query string as on the request line. */
	path: string;
	headers: Record< string, string | string[] | undefined >;
	body: Buffer | string;
}

export interface RequestVerifierOptions {
	/** Find the registered site named by the X-RLG-Site header. */
	findSite: ( siteHeader: string ) => Promise< SiteRecord | null >;
	/**
	 * Where nonces are remembered. Default: in memory (`ReplayCache`),
	 * forgotten on restart; the service passes its store's, on disk.
	 */
	replayCache?: NonceRegistry;
	windowSeconds?: number;
	now?: () => number;
}

export type RequestVerifier = (
	request: IncomingSignedRequest
) => Promise< SiteRecord >;

function header(
	headers: IncomingSignedRequest[ 'headers' ],
	name: string
): string | undefined {
	const value = headers[ name ];
	return Array.isArray( value ) ? value[ 0 ] : value;
}

interface SignedHeaders {
	siteHeader: string;
	timestamp: string;
	nonce: string;
	signature: string;
	seconds: number;
}

/**
 * The checks that need neither the body nor the site's key: every header
 * there and well formed, the timestamp within the window. Run before the
 * body is read (a request that fails them is refused without waiting for
 * its body) and again by the verifier.
 */
export function checkSignedHeaders(
	headers: IncomingSignedRequest[ 'headers' ],
	nowMs: number,
	windowSeconds = MAX_CLOCK_SKEW_SECONDS
): SignedHeaders {
	const siteHeader = header( headers, HEADER_SITE );
	const timestamp = header( headers, HEADER_TIMESTAMP );
	const nonce = header( headers, HEADER_NONCE );
	const signature = header( headers, HEADER_SIGNATURE );
	const missing = [
		[ 'X-RLG-Site', siteHeader ],
		[ 'X-RLG-Timestamp', timestamp ],
		[ 'X-RLG-Nonce', nonce ],
		[ 'X-RLG-Signature', signature ],
	]
		.filter( ( [ , value ] ) => ! value )
		.map( ( [ name ] ) => name );
	if (
		missing.length > 0 ||
		! siteHeader ||
		! timestamp ||
		! nonce ||
		! signature
	) {
		throw new AuthError(
			'ERR_AUTH_MISSING',
			`the request is not signed: missing ${ missing.join( ', ' ) }`
		);
	}
	if ( ! /^[0-9a-f]{16,128}$/i.test( nonce ) ) {
		throw new AuthError(
			'ERR_AUTH_MISSING',
			'X-RLG-Nonce must be 16 to 128 hexadecimal characters'
		);
	}
	const seconds = /^\d{1,12}$/.test( timestamp ) ? Number( timestamp ) : NaN;
	if (
		! Number.isFinite( seconds ) ||
		Math.abs( nowMs / 1000 - seconds ) > windowSeconds
	) {
		throw new AuthError(
			'ERR_AUTH_EXPIRED',
			`the request timestamp is more than ${ windowSeconds } s away from the service clock`
		);
	}
	return { siteHeader, timestamp, nonce, signature, seconds };
}

export function createRequestVerifier(
	options: RequestVerifierOptions
): RequestVerifier {
	const replayCache = options.replayCache ?? new ReplayCache();
	const windowSeconds = options.windowSeconds ?? MAX_CLOCK_SKEW_SECONDS;
	const now = options.now ?? Date.now;

	return async ( request ) => {
		const nowMs = now();
		const { siteHeader, timestamp, nonce, signature, seconds } =
			checkSignedHeaders( request.headers, nowMs, windowSeconds );
		const site = await options.findSite( siteHeader );
		const known = site !== null && site.secret !== null;
		// An unknown site's request is signed too (with a key nobody has),
		// so it is refused after the same work as a wrong signature.
		const expected = computeSignature(
			known ? ( site.secret as string ) : DUMMY_SECRET,
			{
				method: request.method,
				path: request.path,
				timestamp,
				nonce,
				body: request.body,
			}
		);
		const matches = signaturesEqual( expected, signature );
		if ( ! known || ! matches ) {
			throw new AuthError(
				'ERR_AUTH_SIGNATURE',
				SIGNATURE_MESSAGE,
				known
					? `wrong signature for ${ site.url }`
					: `the site ${ siteHeader } is not registered with this service (rlg sites add)`
			);
		}
		// Remember the nonce only for authentic requests, so nobody without
		// the key can use up other sites' nonces or fill the cache.
		const expiresAtMs = ( seconds + windowSeconds ) * 1000;
		if (
			! ( await replayCache.remember(
				`${ site.id }:${ nonce.toLowerCase() }`,
				expiresAtMs,
				nowMs
			) )
		) {
			throw new AuthError(
				'ERR_AUTH_REPLAY',
				'this nonce was already used: every request needs a fresh one'
			);
		}
		return site;
	};
}
