/**
 * Nonces seen within the signature window. A signed request may be sent
 * once: the same nonce again, while its timestamp is still acceptable, is a
 * replay. Once the timestamp is outside the window the request is refused as
 * expired anyway, so the nonce can be forgotten then.
 *
 * `NonceRegistry` is what the verifier needs. The service uses the store's
 * (`Store.rememberNonce`, on disk), so a restart forgets nothing: a request
 * captured before it cannot be replayed after it. `ReplayCache` below keeps
 * them in memory only, for callers that have no store (and tests); after a
 * restart it would accept a request captured in the last five minutes once
 * more.
 */
export interface NonceRegistry {
	/**
	 * Remember `nonceKey` until `expiresAtMs`. Returns false when it was
	 * already remembered and has not expired (a replay), or cannot be kept.
	 */
	remember: (
		nonceKey: string,
		expiresAtMs: number,
		nowMs: number
	) => boolean | Promise< boolean >;
}

export interface ReplayCacheOptions {
	/** Refuse new nonces beyond this many live ones (memory bound). */
	maxEntries?: number;
}

/** In-memory NonceRegistry: forgets everything on restart. */
export class ReplayCache implements NonceRegistry {
	private readonly expiries = new Map< string, number >();
	private readonly maxEntries: number;
	private nextSweepMs = 0;

	constructor( options: ReplayCacheOptions = {} ) {
		this.maxEntries = options.maxEntries ?? 1_000_000;
	}

	/**
	 * Remember `nonce` until `expiresAtMs`. Returns false when it was already
	 * remembered (a replay) or the cache is full.
	 */
	remember( nonce: string, expiresAtMs: number, nowMs: number ): boolean {
		this.sweep( nowMs );
		const known = this.expiries.get( nonce );
		if ( known !== undefined && known >= nowMs ) {
			return false;
		}
		if ( this.expiries.size >= this.maxEntries ) {
			return false;
		}
		this.expiries.set( nonce, expiresAtMs );
		return true;
	}

	get size(): number {
		return this.expiries.size;
	}

	private sweep( nowMs: number ): void {
		if (
			nowMs < this.nextSweepMs &&
			this.expiries.size < this.maxEntries
		) {
			return;
		}
		this.nextSweepMs = nowMs + 10_000;
		for ( const [ nonce, expiry ] of this.expiries ) {
			if ( expiry < nowMs ) {
				this.expiries.delete( nonce );
			}
		}
	}
}
