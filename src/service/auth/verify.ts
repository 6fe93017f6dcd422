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
	'ERR_AUTH_UNKNOWN_SITE',
	'ERR_AUTH_SIGNATURE',
	'ERR_AUTH_EXPIRED',
	'ERR_AUTH_REPLAY',
] as const;
export type AuthErrorCode = ( typeof AUTH_ERROR_CODES )[ number ];

/** A refused request: always answered with HTTP 401 and this code. */
export class AuthError extends Error {
	readonly code: AuthErrorCode;
	readonly statusCode = 401;

	constructor( code: AuthErrorCode, message: string ) {
		super( message );
		this.name = 'AuthError';
		this.code = code;
	}
}

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

export function createRequestVerifier(
	options: RequestVerifierOptions
): RequestVerifier {
	const replayCache = options.replayCache ?? new ReplayCache();
	const windowSeconds = options.windowSeconds ?? MAX_CLOCK_SKEW_SECONDS;
	const now = options.now ?? Date.now;

	return async ( request ) => {
		const siteHeader = header( request.headers, HEADER_SITE );
		const timestamp = header( request.headers, HEADER_TIMESTAMP );
		const nonce = header( request.headers, HEADER_NONCE );
		const signature = header( request.headers, HEADER_SIGNATURE );
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
		const site = await options.findSite( siteHeader );
		if ( ! site || site.secret === null ) {
			throw new AuthError(
				'ERR_AUTH_UNKNOWN_SITE',
				`the site ${ siteHeader } is not registered with this service (rlg sites add)`
			);
		}
		const secret = site.secret;
		const expected = computeSignature( secret, {
			method: request.method,
			path: request.path,
			timestamp,
			nonce,
			body: request.body,
		} );
		if ( ! signaturesEqual( expected, signature ) ) {
			throw new AuthError(
				'ERR_AUTH_SIGNATURE',
				'the signature does not match: check the site key and that method, path, timestamp, nonce and body are signed as sent'
			);
		}
		const seconds = /^\d{1,12}$/.test( timestamp )
			? Number( timestamp )
			: NaN;
		const nowMs = now();
		if (
			! Number.isFinite( seconds ) ||
			Math.abs( nowMs / 1000 - seconds ) > windowSeconds
		) {
			throw new AuthError(
				'ERR_AUTH_EXPIRED',
				`the request timestamp is more than ${ windowSeconds } s away from the service clock`
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
