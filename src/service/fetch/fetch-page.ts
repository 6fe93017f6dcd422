/**
 * `createFetcher`: fetches one stranger's HTML page safely and politely.
 *
 * Per hop (the first request and every redirect, followed manually so each
 * hop is re-guarded): URL checks → robots.txt → a per-host and global slot
 * → GET through the guarded dispatcher → status handling (redirect,
 * 304, 429/503 with Retry-After, errors) → Content-Type check → capped,
 * decompressed body → charset decoding. Every failure becomes a
 * FetchFailure with the BacklinkStatus it stands for; nothing throws.
 */
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { request, type Agent } from 'undici';
import type { BacklinkStatus } from '../../core/schemas';
import { RlgError } from '../errors';
import { createDispatcher } from './agent';
import {
	ACCEPT_ENCODING,
	ERR_CONTENT_ENCODING,
	ERR_TOO_LARGE,
	readCapped,
} from './body';
import { decodeBytes, detectCharset } from './charset';
import { createLimiter, UNNAMED_SITE } from './limiter';
import type { HostGate } from './host-gate';
import { currentFetchSite } from './site-context';
import { EMPTY_RESOLVE_MAP, type ResolveMap } from './resolve-map';
import {
	createRobotsCache,
	type SharedRobotsStore,
	ROBOTS_MAX_BYTES,
	type RobotsFetchResult,
} from './robots';
import {
	assertUrlIsFetchable,
	createAddressResolver,
	ERR_DNS,
	ERR_UNSAFE_ADDRESS,
	ERR_UNSAFE_URL,
	systemLookup,
	type LookupFunction,
} from './ssrf-guard';
import { DEFAULT_USER_AGENT, USER_AGENT_TOKEN } from './user-agent';

export interface FetcherOptions {
	/** curl-style --resolve map: the only way past the SSRF guard. */
	resolveMap: ResolveMap;
	/** DNS lookup (injectable for tests). */
	lookup: LookupFunction;
	connectTimeoutMs: number;
	/** Time to the response headers. */
	headersTimeoutMs: number;
	/** Longest silence between two body chunks. */
	bodyTimeoutMs: number;
	/**
	 * Longest one request may hold its slot, from sending it to the last
	 * body byte (a body that trickles in a byte at a time is cut off here,
	 * not at the check's deadline). Starts when the request is sent, never
	 * while it waits for a slot.
	 */
	pageTimeoutMs: number;
	/** Overall budget of one fetchPage() when the caller gives no deadline. */
	checkTimeoutMs: number;
	maxRedirects: number;
	/** Cap on the decoded (decompressed) body, in bytes. */
	maxBytes: number;
	perHostConcurrency: number;
	globalConcurrency: number;
	/** Requests in flight for one site (fetches made inside `withFetchSite`). */
	perSiteConcurrency: number;
	/** Requests one site may start per second (0: no limit). */
	perSiteRatePerSecond: number;
	/** Retries after a 429/503 (so at most maxRetries + 1 requests). */
	maxRetries: number;
	/** Longest Retry-After we are willing to wait; longer means give up now. */
	maxRetryDelayMs: number;
	/** Backoff base when a 429/503 carries no Retry-After (doubles per retry). */
	retryBaseDelayMs: number;
	robotsTtlMs: number;
	robotsErrorTtlMs: number;
	robotsTimeoutMs: number;
	userAgent: string;
	/** Extra trust roots (tests with a local HTTPS partner). */
	tls?: { ca?: string | Buffer | Array< string | Buffer > };
	/**
	 * Per-host limits shared with other processes (cluster workers): each
	 * request also holds one of `perHostConcurrency` cluster-wide slots of
	 * its host, and a Retry-After pauses the host for all of them.
	 */
	hostGate?: HostGate;
	/** robots.txt answers shared with other processes (cluster workers). */
	robotsStore?: SharedRobotsStore;
}

export const DEFAULT_FETCHER_OPTIONS: Readonly< FetcherOptions > = {
	resolveMap: EMPTY_RESOLVE_MAP,
	lookup: systemLookup,
	connectTimeoutMs: 5_000,
	headersTimeoutMs: 10_000,
	bodyTimeoutMs: 15_000,
	pageTimeoutMs: 10_000,
	checkTimeoutMs: 30_000,
	maxRedirects: 5,
	maxBytes: 2 * 1024 * 1024,
	perHostConcurrency: 2,
	globalConcurrency: 16,
	// Half the fetcher: another site always finds slots free, however many
	// slow pages this one has in flight.
	perSiteConcurrency: 8,
	perSiteRatePerSecond: 50,
	maxRetries: 2,
	maxRetryDelayMs: 10_000,
	retryBaseDelayMs: 1_000,
	robotsTtlMs: 60 * 60 * 1000,
	robotsErrorTtlMs: 10 * 60 * 1000,
	robotsTimeoutMs: 10_000,
	userAgent: DEFAULT_USER_AGENT,
};

export interface FetchPageOptions {
	/** Validators from the previous fetch, sent as If-None-Match / If-Modified-Since. */
	etag?: string | null;
	lastModified?: string | null;
	/** Absolute time (ms since epoch) by which the fetch must be over. */
	deadline?: number;
	signal?: AbortSignal;
	/** Another User-Agent for this fetch (e.g. a cloaking comparison). */
	userAgent?: string;
	/**
	 * The site this fetch is made for (its fair share of the fetcher);
	 * default: the site of the surrounding `withFetchSite`, else none.
	 */
	site?: string;
}

/** Statuses a fetch can fail with (the checker adds links-back / no-link). */
export type FetchFailureStatus = Exclude<
	BacklinkStatus,
	'links-back' | 'no-link'
>;

interface OutcomeBase {
	/** The URL asked for (userinfo and fragment removed). */
	readonly url: string;
	/** Every redirect target followed, in order. */
	readonly redirects: readonly string[];
}

export interface FetchedPage extends OutcomeBase {
	readonly kind: 'ok';
	readonly finalUrl: string;
	readonly httpStatus: number;
	/**
	 * The page decoded with `charset`. Decoded on first read: the backlink
	 * checker hands `body` to an analysis worker, which decodes it there.
	 */
	readonly html: string;
	/** The (decompressed) body `html` is decoded from. */
	readonly body: Uint8Array;
	readonly charset: string;
	/** Decoded body size in bytes. */
	readonly bytes: number;
	/** sha256 of the decoded body, hex. */
	readonly contentHash: string;
	readonly contentType: string | null;
	readonly etag: string | null;
	readonly lastModified: string | null;
	readonly xRobotsTag: string | null;
	/** robots.txt's verdict for Googlebot on the final URL (null if unknown). */
	readonly googlebotAllowed: boolean | null;
}

export interface NotModified extends OutcomeBase {
	readonly kind: 'not-modified';
	readonly finalUrl: string;
	readonly httpStatus: 304;
	readonly etag: string | null;
	readonly lastModified: string | null;
}

export interface FetchFailure extends OutcomeBase {
	readonly kind: 'failed';
	readonly status: FetchFailureStatus;
	/** The last URL tried, if any. */
	readonly finalUrl: string | null;
	readonly httpStatus: number | null;
	readonly detail: string;
}

export type FetchOutcome = FetchedPage | NotModified | FetchFailure;

export interface Fetcher {
	fetchPage: (
		url: string,
		options?: FetchPageOptions
	) => Promise< FetchOutcome >;
	/** Closes pooled connections; in-flight fetches end as unreachable. */
	close: () => Promise< void >;
	readonly options: Readonly< FetcherOptions >;
}

const HTML_TYPES = new Set( [ 'text/html', 'application/xhtml+xml' ] );
const REDIRECT_STATUSES = new Set( [ 301, 302, 303, 307, 308 ] );
/** Bodies of redirects and error pages are drained up to this, for reuse. */
const DRAIN_BYTES = 64 * 1024;
/** How much of an error page we read to recognise a challenge page. */
const CHALLENGE_SNIFF_BYTES = 16 * 1024;

type Headers = Record< string, string | string[] | undefined >;

function header( headers: Headers, name: string ): string | null {
	const value = headers[ name ];
	if ( value === undefined ) {
		return null;
	}
	return Array.isArray( value ) ? value.join( ', ' ) : value;
}

/** Retry-After as a delay in ms (delta-seconds or HTTP-date), or null. */
export function parseRetryAfter(
	value: string | null,
	now = Date.now()
): number | null {
	if ( value === null ) {
		return null;
	}
	const trimmed = value.trim();
	if ( /^\d+$/.test( trimmed ) ) {
		return Number( trimmed ) * 1000;
	}
	const date = Date.parse( trimmed );
	return Number.isNaN( date ) ? null : Math.max( 0, date - now );
}

/** Bot walls announce themselves in headers or in the challenge page. */
function challengeMarker(
	headers: Headers,
	bodySample: string
): string | null {
	const mitigated = header( headers, 'cf-mitigated' );
	if ( mitigated && /challenge/i.test( mitigated ) ) {
		return 'Cloudflare challenge (cf-mitigated)';
	}
	const wafAction = header( headers, 'x-amzn-waf-action' );
	if ( wafAction && /captcha|challenge/i.test( wafAction ) ) {
		return `AWS WAF ${ wafAction }`;
	}
	if ( /cf-chl-|challenge-platform|cf_chl_opt/i.test( bodySample ) ) {
		return 'Cloudflare challenge page';
	}
	if (
		/g-recaptcha|h-captcha|hcaptcha\.com|captcha-delivery\.com/i.test(
			bodySample
		)
	) {
		return 'CAPTCHA page';
	}
	return null;
}

/** A copy of the URL that is safe to request and to report. */
function cleanUrl( url: URL ): URL {
	const clean = new URL( url.href );
	// Never send credentials to a stranger, never report them either.
	clean.username = '';
	clean.password = '';
	clean.hash = '';
	return clean;
}

/** Stops reading a body; the abort it causes is expected, not an error. */
function discard( body: Readable ): void {
	body.on( 'error', () => undefined );
	body.destroy();
}

function looksLikeHtml( bytes: Buffer ): boolean {
	const head = bytes
		.subarray( 0, 1024 )
		.toString( 'latin1' )
		.replace( /^\uFEFF|^\xEF\xBB\xBF/, '' )
		.trimStart()
		.toLowerCase();
	return /^<(!doctype html|html|head|body|!--|meta|title|a\s|div|p[\s>])/.test(
		head
	);
}

function isBinary( bytes: Buffer, charset: string ): boolean {
	if ( charset.startsWith( 'utf-16' ) ) {
		return false;
	}
	return bytes.subarray( 0, 1024 ).includes( 0 );
}

class HopFailure extends Error {
	constructor(
		readonly status: FetchFailureStatus,
		readonly detail: string,
		readonly httpStatus: number | null = null
	) {
		super( detail );
	}
}

type HopResult =
	| { type: 'redirect'; location: string | null; httpStatus: number }
	| {
			type: 'retry';
			httpStatus: number;
			retryAfterMs: number | null;
			detail: string;
	  }
	| { type: 'done'; outcome: FetchedPage | NotModified };

function describeError( error: unknown ): string {
	if ( error instanceof Error ) {
		const code = ( error as NodeJS.ErrnoException ).code;
		const cause =
			error.cause instanceof Error ? `: ${ error.cause.message }` : '';
		return `${ code ? `${ code } ` : '' }${ error.message }${ cause }`.trim();
	}
	return String( error );
}

const STALE_SOCKET_CODES = new Set( [
	'ECONNRESET',
	'EPIPE',
	'UND_ERR_SOCKET',
] );

const TIMEOUT_CODES = new Set( [
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
	'ERR_DNS_TIMEOUT',
	'ETIMEDOUT',
] );

/** Maps anything a hop can throw to a per-link status. */
function classify( error: unknown, deadlineHit: boolean ): HopFailure {
	if ( error instanceof HopFailure ) {
		return error;
	}
	if ( deadlineHit ) {
		return new HopFailure(
			'timeout',
			'the check ran out of time (deadline reached)'
		);
	}
	const code = ( error as { code?: string } | null )?.code;
	if ( code === ERR_UNSAFE_ADDRESS || code === ERR_UNSAFE_URL ) {
		return new HopFailure(
			'refused-unsafe-address',
			( error as Error ).message
		);
	}
	if ( code === ERR_TOO_LARGE ) {
		return new HopFailure( 'too-large', ( error as Error ).message );
	}
	if ( code !== undefined && TIMEOUT_CODES.has( code ) ) {
		return new HopFailure( 'timeout', describeError( error ) );
	}
	if ( code === ERR_DNS ) {
		return new HopFailure( 'unreachable', ( error as Error ).message );
	}
	return new HopFailure( 'unreachable', describeError( error ) );
}

export function createFetcher(
	partial: Partial< FetcherOptions > = {}
): Fetcher {
	const options: Readonly< FetcherOptions > = Object.freeze( {
		...DEFAULT_FETCHER_OPTIONS,
		...Object.fromEntries(
			Object.entries( partial ).filter(
				( [ , value ] ) => value !== undefined
			)
		),
	} );
	const resolve = createAddressResolver( {
		resolveMap: options.resolveMap,
		lookup: options.lookup,
		timeoutMs: options.connectTimeoutMs,
	} );
	const dispatcher: Agent = createDispatcher( {
		resolve,
		connectTimeoutMs: options.connectTimeoutMs,
		headersTimeoutMs: options.headersTimeoutMs,
		bodyTimeoutMs: options.bodyTimeoutMs,
		connectionsPerOrigin: options.perHostConcurrency,
		tls: options.tls,
	} );
	const limiter = createLimiter( {
		perHost: options.perHostConcurrency,
		global: options.globalConcurrency,
		perSite: options.perSiteConcurrency,
		perSiteRate: options.perSiteRatePerSecond,
	} );

	/**
	 * Runs one request in a slot of `url`'s host for `site`. The request
	 * gets `pageTimeoutMs` from the moment it is sent: its own signal
	 * aborts then, so a body trickling in gives its slot back. A request
	 * still waiting for a slot when the caller's signal aborts was never
	 * sent: that is `host-busy`, not a timeout of the partner's.
	 */
	async function inSlot< T >(
		url: URL,
		site: string | undefined,
		signal: AbortSignal,
		task: ( requestSignal: AbortSignal ) => Promise< T >,
		onSent?: () => void
	): Promise< T > {
		let sent = false;
		try {
			return await limiter.run(
				url.hostname,
				async () => {
					// The cluster's slots (none in one process): first one of
					// the site's fair share, then one of this host's, each
					// held no longer than the request may take, plus a
					// margin. Always in that order, so no two processes can
					// each hold what the other waits for.
					const holdMs = options.pageTimeoutMs + 5_000;
					const gate = options.hostGate;
					const releaseSite =
						gate && site && site !== UNNAMED_SITE
							? await gate.acquireSite(
									site,
									options.perSiteConcurrency,
									holdMs,
									signal
								)
							: null;
					let releaseHost: ( () => Promise< void > ) | null = null;
					try {
						releaseHost = gate
							? await gate.acquire(
									url.hostname,
									options.perHostConcurrency,
									holdMs,
									signal
								)
							: null;
					} catch ( error ) {
						await releaseSite?.().catch( () => undefined );
						throw error;
					}
					const release = async () => {
						await releaseHost?.().catch( () => undefined );
						await releaseSite?.().catch( () => undefined );
					};
					sent = true;
					onSent?.();
					const own = AbortSignal.timeout( options.pageTimeoutMs );
					const requestSignal = AbortSignal.any( [ signal, own ] );
					try {
						return await task( requestSignal );
					} catch ( error ) {
						if ( own.aborted && ! signal.aborted ) {
							throw new HopFailure(
								'timeout',
								`${ url.host } did not send the whole page within ${
									options.pageTimeoutMs / 1000
								} s`
							);
						}
						throw error;
					} finally {
						await release();
					}
				},
				signal,
				site
			);
		} catch ( error ) {
			if ( ! sent && signal.aborted ) {
				const waiting = limiter.load( url.hostname ).waiting;
				throw new HopFailure(
					'host-busy',
					`not checked: ${ url.host } was busy with other pages${
						waiting > 0 ? ` (${ waiting } waiting)` : ''
					} until the deadline; try again later`
				);
			}
			throw error;
		}
	}

	function sendOnce(
		url: URL,
		headers: Record< string, string >,
		signal: AbortSignal
	) {
		return request( url.href, {
			dispatcher,
			method: 'GET',
			headers,
			signal,
			headersTimeout: options.headersTimeoutMs,
			bodyTimeout: options.bodyTimeoutMs,
		} );
	}

	/**
	 * A GET whose pooled keep-alive socket turns out to be closed by the
	 * server (reset before any response byte) is sent once more on a fresh
	 * connection: that is a race with the server's idle timeout, not an
	 * answer. Failures after the headers are never retried.
	 */
	async function send(
		url: URL,
		headers: Record< string, string >,
		signal: AbortSignal
	) {
		try {
			return await sendOnce( url, headers, signal );
		} catch ( error ) {
			const code = ( error as { code?: string } | null )?.code;
			if (
				signal.aborted ||
				! ( code && STALE_SOCKET_CODES.has( code ) )
			) {
				throw error;
			}
			return sendOnce( url, headers, signal );
		}
	}

	function isFetchableRedirect( url: URL ): boolean {
		try {
			assertUrlIsFetchable( url, options.resolveMap );
			return true;
		} catch {
			return false;
		}
	}

	/** robots.txt: redirects followed and re-guarded, 500 KiB read at most. */
	async function fetchRobots(
		robotsUrl: URL,
		signal: AbortSignal
	): Promise< RobotsFetchResult > {
		// Loaded inside the check that first needed it: that site's share.
		const site = currentFetchSite();
		const origin = robotsUrl.origin;
		robotsWaiting.set( origin, ( robotsWaiting.get( origin ) ?? 0 ) + 1 );
		let waiting = true;
		const sent = () => {
			if ( waiting ) {
				waiting = false;
				const left = ( robotsWaiting.get( origin ) ?? 1 ) - 1;
				if ( left > 0 ) {
					robotsWaiting.set( origin, left );
				} else {
					robotsWaiting.delete( origin );
				}
			}
		};
		try {
			return await fetchRobotsInSlots( robotsUrl, signal, site, sent );
		} finally {
			sent();
		}
	}

	/**
	 * Origins whose robots.txt fetch still waits for its first slot: a page
	 * whose deadline passes meanwhile was never requested (`host-busy`).
	 */
	const robotsWaiting = new Map< string, number >();

	async function fetchRobotsInSlots(
		robotsUrl: URL,
		signal: AbortSignal,
		site: string | undefined,
		sent: () => void
	): Promise< RobotsFetchResult > {
		let url = robotsUrl;
		let step = 0;
		try {
			for ( ; step <= options.maxRedirects; step++ ) {
				if ( step > 0 && ! isFetchableRedirect( url ) ) {
					// A robots.txt redirect we will not follow (non-http,
					// unsafe address): as if the file did not exist. The
					// page itself is still judged on its own address.
					return { kind: 'http', status: 404 };
				}
				assertUrlIsFetchable( url, options.resolveMap );
				const current = url;
				const result = await inSlot(
					current,
					site,
					signal,
					async (
						requestSignal
					): Promise< RobotsFetchResult | URL > => {
						const response = await send(
							current,
							{
								'user-agent': options.userAgent,
								accept: 'text/plain, */*;q=0.1',
								'accept-encoding': ACCEPT_ENCODING,
							},
							requestSignal
						);
						const location = header( response.headers, 'location' );
						if (
							REDIRECT_STATUSES.has( response.statusCode ) &&
							location
						) {
							await response.body.dump( { limit: DRAIN_BYTES } );
							return URL.canParse( location, current.href )
								? new URL( location, current )
								: { kind: 'http', status: 404 };
						}
						if (
							response.statusCode < 200 ||
							response.statusCode >= 300
						) {
							await response.body.dump( { limit: DRAIN_BYTES } );
							return {
								kind: 'http',
								status: response.statusCode,
							};
						}
						const body = await readCapped(
							response.body as unknown as Readable,
							{
								contentEncoding: header(
									response.headers,
									'content-encoding'
								),
								maxBytes: ROBOTS_MAX_BYTES,
								onCap: 'truncate',
								signal: requestSignal,
							}
						);
						return {
							kind: 'ok',
							status: response.statusCode,
							body: body.bytes
								.toString( 'utf8' )
								.replace( /^\uFEFF/, '' ),
						};
					},
					sent
				);
				if ( ! ( result instanceof URL ) ) {
					return result;
				}
				url = cleanUrl( result );
			}
			// Google: a redirect chain that never ends is treated as a 404.
			return { kind: 'http', status: 404 };
		} catch ( error ) {
			const failure = classify( error, signal.aborted );
			if ( failure.status === 'refused-unsafe-address' && step > 0 ) {
				return { kind: 'http', status: 404 };
			}
			if ( failure.status === 'refused-unsafe-address' ) {
				return {
					kind: 'error',
					reason: 'refused',
					detail: failure.detail,
				};
			}
			return {
				kind: 'error',
				reason:
					failure.status === 'timeout' ||
					failure.status === 'host-busy'
						? failure.status
						: 'unreachable',
				detail: failure.detail,
			};
		}
	}

	const robots = createRobotsCache( {
		fetchRobots,
		userAgentToken: USER_AGENT_TOKEN,
		ttlMs: options.robotsTtlMs,
		errorTtlMs: options.robotsErrorTtlMs,
		timeoutMs: options.robotsTimeoutMs,
		shared: options.robotsStore,
	} );

	/** One request to one URL, inside a politeness slot. */
	async function hop(
		url: URL,
		page: FetchPageOptions,
		googlebotAllowed: boolean | null,
		redirects: readonly string[],
		originalUrl: string,
		outer: AbortSignal
	): Promise< HopResult > {
		const headers: Record< string, string > = {
			'user-agent': page.userAgent ?? options.userAgent,
			accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1',
			'accept-encoding': ACCEPT_ENCODING,
		};
		if ( page.etag ) {
			headers[ 'if-none-match' ] = page.etag;
		}
		if ( page.lastModified ) {
			headers[ 'if-modified-since' ] = page.lastModified;
		}
		return inSlot(
			url,
			page.site ?? currentFetchSite(),
			outer,
			async ( signal ): Promise< HopResult > => {
				const response = await send( url, headers, signal );
				const status = response.statusCode;
				const body = response.body as unknown as Readable & {
					dump: ( o: { limit: number } ) => Promise< void >;
				};
				const get = ( name: string ) =>
					header( response.headers, name );
				const drain = () =>
					body
						.dump( { limit: DRAIN_BYTES } )
						.catch( () => undefined );

				if ( REDIRECT_STATUSES.has( status ) ) {
					await drain();
					return {
						type: 'redirect',
						location: get( 'location' ),
						httpStatus: status,
					};
				}
				if ( status === 304 ) {
					await drain();
					if ( ! page.etag && ! page.lastModified ) {
						// Nothing was asked conditionally: there is no
						// previous copy this answer could confirm.
						throw new HopFailure(
							'http-error',
							'HTTP 304 to an unconditional request',
							304
						);
					}
					return {
						type: 'done',
						outcome: {
							kind: 'not-modified',
							url: originalUrl,
							finalUrl: url.href,
							httpStatus: 304,
							redirects,
							etag: get( 'etag' ) ?? page.etag ?? null,
							lastModified:
								get( 'last-modified' ) ??
								page.lastModified ??
								null,
						},
					};
				}
				if ( status < 200 || status >= 300 ) {
					let sample = '';
					if ( status === 403 || status === 503 || status === 429 ) {
						sample = await readCapped( body, {
							contentEncoding: get( 'content-encoding' ),
							maxBytes: CHALLENGE_SNIFF_BYTES,
							onCap: 'truncate',
							signal,
						} ).then(
							( read ) => read.bytes.toString( 'latin1' ),
							() => ''
						);
					} else {
						await drain();
					}
					const challenge = challengeMarker(
						response.headers,
						sample
					);
					if ( challenge ) {
						throw new HopFailure(
							'blocked-by-bot-protection',
							`HTTP ${ status }: ${ challenge }`,
							status
						);
					}
					if ( status === 429 || status === 503 ) {
						return {
							type: 'retry',
							httpStatus: status,
							retryAfterMs: parseRetryAfter(
								get( 'retry-after' )
							),
							detail: `HTTP ${ status }`,
						};
					}
					if ( status === 401 || status === 403 ) {
						throw new HopFailure(
							'blocked-by-bot-protection',
							`HTTP ${ status }: the site refuses automated clients`,
							status
						);
					}
					throw new HopFailure(
						'http-error',
						`HTTP ${ status }`,
						status
					);
				}

				const contentType = get( 'content-type' );
				const mime =
					contentType?.split( ';' )[ 0 ].trim().toLowerCase() || null;
				if ( mime !== null && ! HTML_TYPES.has( mime ) ) {
					discard( body );
					throw new HopFailure(
						'not-html',
						`Content-Type is ${ mime }, not HTML`,
						status
					);
				}
				const declaredLength = Number( get( 'content-length' ) ?? NaN );
				if (
					! get( 'content-encoding' ) &&
					declaredLength > options.maxBytes
				) {
					discard( body );
					throw new HopFailure(
						'too-large',
						`Content-Length ${ declaredLength } exceeds the ${ options.maxBytes }-byte cap`,
						status
					);
				}
				let read;
				try {
					read = await readCapped( body, {
						contentEncoding: get( 'content-encoding' ),
						maxBytes: options.maxBytes,
						onCap: 'error',
						signal,
					} );
				} catch ( error ) {
					if (
						( error as { code?: string } ).code ===
						ERR_CONTENT_ENCODING
					) {
						discard( body );
						throw new HopFailure(
							'unreachable',
							( error as Error ).message,
							status
						);
					}
					const failure = classify( error, signal.aborted );
					throw new HopFailure(
						failure.status,
						failure.detail,
						status
					);
				}
				if ( mime === null && ! looksLikeHtml( read.bytes ) ) {
					throw new HopFailure(
						'not-html',
						'no Content-Type and the body does not look like HTML',
						status
					);
				}
				const pageBytes = read.bytes;
				const detected = detectCharset( pageBytes, contentType );
				let html: string | undefined;
				if ( isBinary( read.bytes, detected.charset ) ) {
					throw new HopFailure(
						'not-html',
						`binary content served as ${ mime ?? 'untyped' }`,
						status
					);
				}
				return {
					type: 'done',
					outcome: {
						kind: 'ok',
						url: originalUrl,
						finalUrl: url.href,
						httpStatus: status,
						redirects,
						body: pageBytes,
						// Decoded on first read: a checker that analyses in
						// workers hands them `body` and never decodes here.
						get html() {
							html ??= decodeBytes( pageBytes, detected.charset );
							return html;
						},
						charset: detected.charset,
						bytes: read.bytes.length,
						contentHash: read.sha256,
						contentType,
						etag: get( 'etag' ),
						lastModified: get( 'last-modified' ),
						xRobotsTag: get( 'x-robots-tag' ),
						googlebotAllowed,
					},
				};
			}
		);
	}

	async function run(
		input: string,
		page: FetchPageOptions,
		signal: AbortSignal,
		deadline: number,
		trail: { url: string; finalUrl: string | null; redirects: string[] }
	): Promise< FetchedPage | NotModified > {
		let url: URL;
		try {
			url = new URL( input );
		} catch {
			throw new HopFailure(
				'invalid-url',
				`"${ input.slice( 0, 200 ) }" is not a URL`
			);
		}
		if ( url.protocol !== 'http:' && url.protocol !== 'https:' ) {
			throw new HopFailure(
				'invalid-url',
				`${ url.protocol } URLs cannot be checked (only http and https)`
			);
		}
		url = cleanUrl( url );
		trail.url = url.href;
		const seen = new Set< string >( [ url.href ] );
		let retries = 0;
		for (;;) {
			trail.finalUrl = url.href;
			assertUrlIsFetchable( url, options.resolveMap );
			const verdict = await robots
				.check( url, signal )
				.catch( ( error: unknown ) => {
					if ( signal.aborted && robotsWaiting.has( url.origin ) ) {
						throw new HopFailure(
							'host-busy',
							`not checked: ${ url.host } was busy with other pages until the deadline (its robots.txt was still waiting to be fetched); try again later`
						);
					}
					throw error;
				} );
			if ( verdict.kind === 'failed' ) {
				throw new HopFailure(
					verdict.reason === 'refused'
						? 'refused-unsafe-address'
						: verdict.reason,
					verdict.detail
				);
			}
			if ( verdict.kind === 'disallowed' ) {
				throw new HopFailure(
					'blocked-by-robots',
					verdict.detail ?? 'robots.txt disallows this URL'
				);
			}
			const result = await hop(
				url,
				page,
				verdict.googlebotAllowed,
				[ ...trail.redirects ],
				trail.url,
				signal
			);
			if ( result.type === 'done' ) {
				return result.outcome;
			}
			if ( result.type === 'retry' ) {
				const retryable = retries < options.maxRetries;
				const wait =
					result.retryAfterMs ??
					options.retryBaseDelayMs * 2 ** retries;
				const tooLong =
					wait > options.maxRetryDelayMs ||
					Date.now() + wait >= deadline;
				if ( ! retryable || tooLong ) {
					const why = ! retryable
						? `still HTTP ${ result.httpStatus } after ${ retries } ${ retries === 1 ? 'retry' : 'retries' }`
						: `HTTP ${ result.httpStatus } asks to retry after ${ Math.ceil( wait / 1000 ) } s, beyond the wait we allow`;
					// A 503 without Retry-After is an outage, not a rate limit.
					if (
						result.httpStatus === 503 &&
						result.retryAfterMs === null
					) {
						throw new HopFailure( 'http-error', why, 503 );
					}
					throw new HopFailure(
						'rate-limited',
						why,
						result.httpStatus
					);
				}
				retries++;
				if ( result.retryAfterMs !== null ) {
					// Every process of the cluster waits, not just this request.
					await options.hostGate
						?.pause( url.hostname, wait )
						.catch( () => undefined );
				}
				await sleep( wait, undefined, { signal } );
				continue;
			}
			// Redirect.
			if ( ! result.location ) {
				throw new HopFailure(
					'http-error',
					`HTTP ${ result.httpStatus } without a Location header`,
					result.httpStatus
				);
			}
			let next: URL;
			try {
				next = new URL( result.location, url );
			} catch {
				throw new HopFailure(
					'http-error',
					`HTTP ${ result.httpStatus } to an invalid Location`,
					result.httpStatus
				);
			}
			if ( next.protocol !== 'http:' && next.protocol !== 'https:' ) {
				throw new HopFailure(
					'refused-unsafe-address',
					`redirect to a ${ next.protocol } URL refused (only http and https are followed)`,
					result.httpStatus
				);
			}
			next = cleanUrl( next );
			if ( seen.has( next.href ) ) {
				throw new HopFailure(
					'http-error',
					`redirect loop at ${ next.href }`,
					result.httpStatus
				);
			}
			if ( trail.redirects.length >= options.maxRedirects ) {
				throw new HopFailure(
					'http-error',
					`more than ${ options.maxRedirects } redirects`,
					result.httpStatus
				);
			}
			seen.add( next.href );
			trail.redirects.push( next.href );
			url = next;
			retries = 0;
		}
	}

	return {
		options,
		async fetchPage( input, page = {} ) {
			const controller = new AbortController();
			const onAbort = () => controller.abort( page.signal?.reason );
			page.signal?.addEventListener( 'abort', onAbort, { once: true } );
			let deadlineHit = false;
			const deadline =
				page.deadline ?? Date.now() + options.checkTimeoutMs;
			// eslint-disable-next-line @wordpress/no-unused-vars-before-return -- cleared in finally
			const timer = setTimeout(
				() => {
					deadlineHit = true;
					controller.abort(
						new RlgError(
							'ERR_DEADLINE',
							'the check ran out of time'
						)
					);
				},
				Math.max( 0, deadline - Date.now() )
			);
			const trail = {
				url: input,
				finalUrl: null as string | null,
				redirects: [] as string[],
			};
			try {
				return await run(
					input,
					page,
					controller.signal,
					deadline,
					trail
				);
			} catch ( error ) {
				const failure = classify( error, deadlineHit );
				const viaRedirect =
					failure.status === 'refused-unsafe-address' &&
					trail.redirects.length > 0 &&
					! failure.detail.startsWith( 'redirect' );
				return {
					kind: 'failed',
					status: failure.status,
					url: trail.url,
					finalUrl: trail.finalUrl,
					httpStatus: failure.httpStatus,
					detail: viaRedirect
						? `redirect to ${ trail.finalUrl } refused: ${ failure.detail }`
						: failure.detail,
					redirects: trail.redirects,
				};
			} finally {
				clearTimeout( timer );
				page.signal?.removeEventListener( 'abort', onAbort );
			}
		},
		async close() {
			const closing = dispatcher.close();
			const timeout = sleep( 2_000, undefined, { ref: false } ).then(
				() => 'timeout' as const
			);
			if (
				( await Promise.race( [ closing, timeout ] ) ) === 'timeout'
			) {
				await dispatcher.destroy();
			}
		},
	};
}
