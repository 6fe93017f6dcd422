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

	async function load( origin: string ): Promise< Policy > {
		const robotsUrl = new URL( '/robots.txt', origin );
		const result = await options.fetchRobots(
			robotsUrl,
			AbortSignal.timeout( options.timeoutMs )
		);
		if ( result.kind === 'ok' ) {
			return {
				robot: robotsParser( robotsUrl.href, result.body ),
				detail: null,
				failure: null,
			};
		}
		if ( result.kind === 'http' ) {
			if ( result.status === 429 || result.status >= 500 ) {
				return {
					robot: 'disallow-all',
					detail: `robots.txt answered HTTP ${ result.status }; treated as disallow-all until it recovers`,
					failure: null,
				};
			}
			return { robot: 'allow-all', detail: null, failure: null };
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
		};
	}

	function policyFor( origin: string ): Promise< Policy > {
		const cached = entries.get( origin );
		if ( cached && cached.expires > now() ) {
			return cached.policy;
		}
		const policy = load( origin );
		entries.delete( origin );
		entries.set( origin, { expires: now() + options.ttlMs, policy } );
		if ( entries.size > maxEntries ) {
			entries.delete( entries.keys().next().value as string );
		}
		// HTTP failures expire sooner; network failures and rejected loads
		// are not cached at all, so the next check looks (and resolves) anew.
		policy.then(
			( settled ) => {
				if ( settled.failure ) {
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
