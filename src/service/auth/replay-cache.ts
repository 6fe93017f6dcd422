/**
 * Nonces seen within the signature window. A signed request may be sent
 * once: the same nonce again, while its timestamp is still acceptable, is a
 * replay. Once the timestamp is outside the window the request is refused as
 * expired anyway, so the nonce can be forgotten then.
 *
 * Kept in memory: after a restart a request captured in the last five
 * minutes could be replayed once more. The service's requests are
 * idempotent (a check of public pages, served from the store), so that
 * window is accepted rather than paying a disk write per request.
 */
export interface ReplayCacheOptions {
	/** Refuse new nonces beyond this many live ones (memory bound). */
	maxEntries?: number;
}

export class ReplayCache {
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
