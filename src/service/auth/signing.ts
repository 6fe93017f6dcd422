/**
 * The request-signing protocol shared by the service, the CLI, the tests
 * and the WordPress plugin (which implements the same in PHP):
 *
 *   X-RLG-Site:      the site's home URL as registered
 *   X-RLG-Timestamp: unix seconds
 *   X-RLG-Nonce:     16 or more random hex characters
 *   X-RLG-Signature: hex( HMAC-SHA256( key,
 *                      METHOD \n PATH_WITH_QUERY \n TIMESTAMP \n NONCE \n hex( SHA256( body ) ) ) )
 *
 * The key is the string `rlg sites add` printed, used as-is (its ASCII
 * bytes), not hex-decoded: PHP's hash_hmac( 'sha256', $msg, $key ) gives
 * the same signature.
 */
import crypto from 'node:crypto';

export const HEADER_SITE = 'x-rlg-site';
export const HEADER_TIMESTAMP = 'x-rlg-timestamp';
export const HEADER_NONCE = 'x-rlg-nonce';
export const HEADER_SIGNATURE = 'x-rlg-signature';

/** A request is accepted when |now - timestamp| is at most this. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

export interface CanonicalRequestParts {
	method: string;
	/** Path with query string, exactly as sent on the request line. */
	path: string;
	timestamp: string | number;
	nonce: string;
	body?: string | Buffer;
}

export function sha256Hex( body: string | Buffer = '' ): string {
	return crypto.createHash( 'sha256' ).update( body ).digest( 'hex' );
}

/** The string that is signed. */
export function canonicalRequest( parts: CanonicalRequestParts ): string {
	return [
		parts.method.toUpperCase(),
		parts.path,
		String( parts.timestamp ),
		parts.nonce,
		sha256Hex( parts.body ?? '' ),
	].join( '\n' );
}

export function computeSignature(
	key: string,
	parts: CanonicalRequestParts
): string {
	return crypto
		.createHmac( 'sha256', key )
		.update( canonicalRequest( parts ) )
		.digest( 'hex' );
}

/** Compare two hex signatures in time independent of where they differ. */
export function signaturesEqual( expected: string, given: string ): boolean {
	if ( ! /^[0-9a-f]{64}$/i.test( given ) ) {
		return false;
	}
	return crypto.timingSafeEqual(
		Buffer.from( expected.toLowerCase(), 'hex' ),
		Buffer.from( given.toLowerCase(), 'hex' )
	);
}

export function createNonce(): string {
	return crypto.randomBytes( 16 ).toString( 'hex' );
}

/** A new site key: 256 random bits as 64 hex characters. */
export function createSiteKey(): string {
	return crypto.randomBytes( 32 ).toString( 'hex' );
}

export interface SignRequestInput {
	/** Our site's home URL as registered with `rlg sites add`. */
	site: string;
	key: string;
	method: string;
	path: string;
	body?: string | Buffer;
	/** Unix seconds; defaults to now. */
	timestamp?: number;
	/** Defaults to 32 fresh random hex characters. */
	nonce?: string;
}

/** The headers that authenticate one request. */
export function signRequest(
	input: SignRequestInput
): Record< string, string > {
	const timestamp = input.timestamp ?? Math.floor( Date.now() / 1000 );
	const nonce = input.nonce ?? createNonce();
	const signature = computeSignature( input.key, {
		method: input.method,
		path: input.path,
		timestamp,
		nonce,
		body: input.body,
	} );
	return {
		'X-RLG-Site': input.site,
		'X-RLG-Timestamp': String( timestamp ),
		'X-RLG-Nonce': nonce,
		'X-RLG-Signature': signature,
	};
}
