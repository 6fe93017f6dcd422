/**
 * A gate every request passes, after the process's own per-host slot and
 * before it is sent, so per-host politeness and per-site fairness can hold
 * across processes:
 * a cluster's workers share one (src/service/cluster/host-gate.ts, leases
 * in PostgreSQL). One process alone needs none: its limiter is the limit.
 */
export interface HostGate {
	/**
	 * Waits until fewer than `limit` requests to `host` are in flight in
	 * the whole cluster and the host asked nobody to wait; resolves with
	 * the function that gives the slot back. Rejects with the signal's
	 * reason when it aborts first.
	 */
	acquire: (
		host: string,
		limit: number,
		holdMs: number,
		signal: AbortSignal
	) => Promise< () => Promise< void > >;
	/**
	 * The same for a site's fair share (the fetcher's per-site limit): at
	 * most `limit` requests made for `site` in flight in the whole cluster.
	 */
	acquireSite: (
		site: string,
		limit: number,
		holdMs: number,
		signal: AbortSignal
	) => Promise< () => Promise< void > >;
	/** The host asked us to wait `ms` (Retry-After): nobody sends it anything before. */
	pause: ( host: string, ms: number ) => Promise< void >;
}
