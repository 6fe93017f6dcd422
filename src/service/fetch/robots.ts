/**
 * robots.txt, honoured the way Google documents it
 * (developers.google.com/search/docs/crawling-indexing/robots/robots_txt,
 * "Handling of errors and HTTP status codes"):
 *
 * - 2xx: the file is parsed; at most the first 500 KiB are read.
 * - 3xx: redirects are followed (at most 5 hops, like any fetch); a chain
 *   that does not end in a file counts as "no robots.txt".
 * - 4xx except 429: as if there were no robots.txt: everything is allowed.
 * - 429 and 5xx: the site is treated as fully disallowed for now.
 * - Network errors and timeouts count as server errors: nothing is
 *   fetched. We report them as what they are (the site is unreachable or
 *   timed out), not as a robots block, because the page fetch would have
 *   failed the same way.
 *
 * Successful answers are cached per origin for `ttlMs` (Google caches up
 * to 24 h); 429/5xx answers only for `errorTtlMs`, so one bad minute does
 * not block a partner for a day; network failures are not cached at all
 * (the next check resolves and connects anew). A robots.txt on a refused
 * address is reported as such: the page would be refused as well.
 */
import robotsParser from 'robots-parser';

/** Google's documented robots.txt size limit. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

export type RobotsFetchResult =
	| { readonly kind: 'ok'; readonly status: number; readonly body: string }
	| { readonly kind: 'http'; readonly status: number }
	| {
			readonly kind: 'error';
			/** `refused` = the SSRF guard refused robots.txt's address. */
			readonly reason:
				'refused' | 'timeout' | 'unreachable' | 'host-busy';
			readonly detail: string;
	  };

export type RobotsVerdict =
	| {
			readonly kind: 'allowed' | 'disallowed';
			/** Whether Googlebot may crawl the URL (for indexability); null if unknown. */
			readonly googlebotAllowed: boolean | null;
			readonly detail: string | null;
	  }
	| {
			/** robots.txt could not be fetched at all: neither can the page. */
			readonly kind: 'failed';
			readonly reason:
				'refused' | 'timeout' | 'unreachable' | 'host-busy';
			readonly detail: string;
	  };

/** A robots.txt answer worth sharing: a file, or an HTTP status without one. */
export type SharedRobotsAnswer = Extract<
	RobotsFetchResult,
	{ kind: 'ok' } | { kind: 'http' }
>;

/**
 * robots.txt answers shared by every process of a cluster
 * (src/service/cluster/robots-store.ts, in PostgreSQL), so ten workers
 * checking one partner fetch its robots.txt once per TTL, not ten times.
 * Network failures are never shared (the next check looks anew).
 */
export interface SharedRobotsStore {
	/**
	 * The stored answer for `origin` and how long it stays valid (ms); or
	 * null: this process should fetch it, and then `put` (or `abandon`)
	 * it. While one process fetches, the others wait for its answer
	 * instead of fetching too (at most `waitMs`, then they fetch).
	 */
	get: (
		origin: string,
		waitMs: number
	) => Promise< { answer: SharedRobotsAnswer; ttlMs: number } | null >;
	/** Stores an answer for `ttlMs` (errors are the caller's to ignore). */
	put: (
		origin: string,
		answer: SharedRobotsAnswer,
		ttlMs: number
	) => Promise< void >;
	/** The fetch failed (network): the next process to ask fetches anew. */
	abandon: ( origin: string ) => Promise< void >;
}

export interface RobotsCacheOptions {
	/** Fetches a robots.txt URL (guarded, limited, capped at ROBOTS_MAX_BYTES). */
	fetchRobots: (
		url: URL,
		signal: AbortSignal
	) => Promise< RobotsFetchResult >;
	/** Our product token as robots.txt groups name it, e.g. "ReciprocalLinkGuard". */
	userAgentToken: string;
	ttlMs: number;
	errorTtlMs: number;
	/**
	 * Budget for one robots.txt fetch. It is shared by every check waiting
	 * on that origin, so it is its own timer, not any one caller's deadline.
	 */
	timeoutMs: number;
	/** Origins remembered at once (oldest forgotten first). */
	maxEntries?: number;
	now?: () => number;
	/** Answers shared with other processes (a cluster's database). */
	shared?: SharedRobotsStore;
}

interface Policy {
	/** Parsed file, or a blanket answer. */
	readonly robot:
		ReturnType< typeof robotsParser > | 'allow-all' | 'disallow-all';
	readonly detail: string | null;
	readonly failure: {
		reason: 'refused' | 'timeout' | 'unreachable' | 'host-busy';
		detail: string;
	} | null;
}

interface Entry {
	readonly expires: number;
	readonly policy: Promise< Policy >;
}

/** 429 and 5xx: the site is in trouble, so its answer is kept briefly. */
function isErrorStatus( status: number ): boolean {
	return status === 429 || status >= 500;
}

export interface RobotsCache {
	check: ( url: URL, signal: AbortSignal ) => Promise< RobotsVerdict >;
	/** Drops every cached file (tests, or after a settings change). */
	clear: () => void;
}

/** Waits for `promise` unless `signal` aborts first (rejecting with its reason). */
function abortable< T >(
	promise: Promise< T >,
	signal: AbortSignal
): Promise< T > {
	if ( signal.aborted ) {
		return Promise.reject( signal.reason );
	}
	return new Promise< T >( ( resolve, reject ) => {
		const onAbort = () => reject( signal.reason );
		signal.addEventListener( 'abort', onAbort, { once: true } );
		promise.then(
			( value ) => {
				signal.removeEventListener( 'abort', onAbort );
				resolve( value );
			},
			( error: unknown ) => {
				signal.removeEventListener( 'abort', onAbort );
				reject( error );
			}
		);
	} );
}

export function createRobotsCache( options: RobotsCacheOptions ): RobotsCache {
	const now = options.now ?? Date.now;
	const maxEntries = options.maxEntries ?? 2000;
	const entries = new Map< string, Entry >();

	/**
	 * The answer for `origin`: from the shared store when another process
	 * fetched it within its TTL, else fetched here (and shared). A store
	 * that fails is bypassed: politeness then holds per process, as
	 * without one.
	 */
	async function answerFor(
		origin: string,
		robotsUrl: URL
	): Promise< { result: RobotsFetchResult; ttlMs: number | null } > {
		const { shared } = options;
		if ( shared ) {
			const stored = await shared
				.get( origin, options.timeoutMs )
				.catch( () => null );
			if ( stored ) {
				return { result: stored.answer, ttlMs: stored.ttlMs };
			}
		}
		const result = await options.fetchRobots(
			robotsUrl,
			AbortSignal.timeout( options.timeoutMs )
		);
		if ( shared ) {
			const ttlMs =
				result.kind === 'http' && isErrorStatus( result.status )
					? options.errorTtlMs
					: options.ttlMs;
			await (
				result.kind === 'error'
					? shared.abandon( origin )
					: shared.put( origin, result, ttlMs )
			).catch( () => undefined );
		}
		return { result, ttlMs: null };
	}

	async function load(
		origin: string
	): Promise< Policy & { ttlMs: number | null } > {
		const robotsUrl = new URL( '/robots.txt', origin );
		const { result, ttlMs } = await answerFor( origin, robotsUrl );
		if ( result.kind === 'ok' ) {
			return {
				robot: robotsParser( robotsUrl.href, result.body ),
				detail: null,
				failure: null,
				ttlMs,
			};
		}
		if ( result.kind === 'http' ) {
			if ( isErrorStatus( result.status ) ) {
				return {
					robot: 'disallow-all',
					detail: `robots.txt answered HTTP ${ result.status }; treated as disallow-all until it recovers`,
					failure: null,
					ttlMs,
				};
			}
			return { robot: 'allow-all', detail: null, failure: null, ttlMs };
		}
		return {
			robot: 'disallow-all',
			detail: `robots.txt could not be fetched (${ result.detail })`,
			failure: {
				reason: result.reason,
				detail:
					result.reason === 'refused'
						? result.detail
						: `robots.txt could not be fetched: ${ result.detail }`,
			},
			ttlMs: null,
		};
	}

	function policyFor( origin: string ): Promise< Policy > {
		const cached = entries.get( origin );
		if ( cached && cached.expires > now() ) {
			return cached.policy;
		}
		const policy: Promise< Policy & { ttlMs: number | null } > =
			load( origin );
		entries.delete( origin );
		entries.set( origin, { expires: now() + options.ttlMs, policy } );
		if ( entries.size > maxEntries ) {
			entries.delete( entries.keys().next().value as string );
		}
		// HTTP failures expire sooner; network failures and rejected loads
		// are not cached at all, so the next check looks (and resolves) anew.
		policy.then(
			( settled ) => {
				if ( settled.ttlMs !== null ) {
					// Another process fetched it: valid only as long as
					// its stored answer.
					const entry = entries.get( origin );
					if ( entry?.policy === policy ) {
						entries.set( origin, {
							policy,
							expires: now() + settled.ttlMs,
						} );
					}
				} else if ( settled.failure ) {
					if ( entries.get( origin )?.policy === policy ) {
						entries.delete( origin );
					}
				} else if (
					settled.robot === 'disallow-all' &&
					settled.detail
				) {
					const entry = entries.get( origin );
					if ( entry?.policy === policy ) {
						entries.set( origin, {
							policy,
							expires: now() + options.errorTtlMs,
						} );
					}
				}
			},
			() => {
				if ( entries.get( origin )?.policy === policy ) {
					entries.delete( origin );
				}
			}
		);
		return policy;
	}

	return {
		async check( url, signal ) {
			const policy = await abortable( policyFor( url.origin ), signal );
			if ( policy.failure ) {
				return { kind: 'failed', ...policy.failure };
			}
			if ( policy.robot === 'allow-all' ) {
				return {
					kind: 'allowed',
					googlebotAllowed: true,
					detail: null,
				};
			}
			if ( policy.robot === 'disallow-all' ) {
				return {
					kind: 'disallowed',
					googlebotAllowed: null,
					detail: policy.detail,
				};
			}
			const allowed =
				policy.robot.isAllowed( url.href, options.userAgentToken ) !==
				false;
			const googlebotAllowed =
				policy.robot.isAllowed( url.href, 'Googlebot' ) !== false;
			const line = policy.robot.getMatchingLineNumber(
				url.href,
				options.userAgentToken
			);
			return {
				kind: allowed ? 'allowed' : 'disallowed',
				googlebotAllowed,
				detail: allowed
					? null
					: `robots.txt disallows ${ url.pathname } for ${ options.userAgentToken }${
							line > 0 ? ` (line ${ line })` : ''
						}`,
			};
		},
		clear() {
			entries.clear();
		},
	};
}
