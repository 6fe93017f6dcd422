/**
 * The check service: answers a CheckRequest for a registered site. Each
 * distinct target (by `urlKey`) is checked once; a stored result younger
 * than the TTL is served from the store (`fromCache: true`) unless the
 * request asks for `fresh`; everything else goes through the backlink
 * checker concurrently, is appended to the history, and the answer lists
 * one result per requested link, in request order.
 */
import type {
	BacklinkResult,
	CheckRequest,
	CheckResponse,
} from '../core/schemas';
import type { PartnerPage } from '../core/graph/schemas';
import type { Settings } from '../core/settings';
import {
	createSiteMatcher,
	normalizeUrl,
	registrableDomain,
	urlKey,
} from '../core/url';
import { classifyAnchor } from '../core/anchors';
import {
	boundResult,
	fitResult,
	fitResults,
	linkCountsOf,
	MAX_STORED_RESULT_BYTES,
} from '../core/their-links';
import type { AnchorContext } from '../core/anchors';
import type { CheckBatch } from './backlinks/checker';
import type { Logger } from './logger';
import { silentLogger } from './logger';
import { isTransient } from './store/transient';
import { removalState } from './verdicts/removal';
import type { SiteRecord, Store, StoredCheck } from './store/types';
import { withGraphFacts, type PartnerGraphCache } from './graph/partner-graph';
import { createStoredPartnerGraph } from './backlink-import/graph-edges';
import { mapConcurrent } from './map-concurrent';
import { withFetchSite } from './fetch/site-context';
import { createYielder } from './yield-budget';
import { RlgError } from './errors';

/** What the check service passes the checker for one target. */
export interface TargetCheckContext {
	/** Every URL of our site: a link to any of them counts. */
	siteUrls: string[];
	keywords: string[];
	brandTerms: string[];
	/** Also look at the target site's homepage. */
	homepage: boolean;
	partialMatchShare?: number;
	/** The last stored check; its validators make the re-fetch conditional. */
	previous?: {
		result: BacklinkResult;
		etag: string | null;
		lastModified: string | null;
	};
	/** Shares partner homepage fetches between the targets of one request. */
	batch?: CheckBatch;
	/** Also fetch the target page with a browser User-Agent and compare (issue 9). */
	cloaking?: boolean;
	/** Also render the target page in Chromium and compare (issue 9). */
	rendered?: boolean;
	/** Each partner page read afresh, for the partner graph (issue 19). */
	onPartnerPage?: ( page: PartnerPage ) => void;
}

/** The part of the backlink checker (src/service/backlinks) this service uses. */
export interface TargetChecker {
	checkTarget: (
		target: string,
		ctx: TargetCheckContext
	) => Promise< BacklinkResult >;
	createBatch?: () => CheckBatch;
}

export { isTransient } from './store/transient';

export interface CheckServiceOptions {
	store: Store;
	checker: TargetChecker;
	settings: Pick<
		Settings,
		'checkTtlHours' | 'keywords' | 'brandTerms' | 'partialMatchShare'
	> &
		Partial<
			Pick<
				Settings,
				'removalConfirmChecks' | 'removalConfirmHours' | 'checkCloaking'
			>
		>;
	/** Transient failures are re-checked after this many minutes (default 15, at most the TTL). */
	retryMinutes?: number;
	/** Targets checked at the same time (the fetcher has its own per-host limits). */
	concurrency?: number;
	logger?: Logger;
	now?: () => Date;
	/**
	 * The partner graph whose facts go with every answer (issue 19);
	 * default: one on `store` (its partner pages and imported backlinks)
	 * for this service. A process serving many sites shares one, so an
	 * import can tell it (`invalidate`).
	 */
	graph?: PartnerGraphCache;
}

/** Told about each distinct target's result as soon as it is known. */
export interface CheckObserver {
	/**
	 * Called once per distinct target of the request: at once for results
	 * served from the store, and as each check finishes for the others
	 * (check jobs report partial results with it).
	 */
	onResult?: ( result: BacklinkResult ) => void;
	/**
	 * The caller does not read what the partner graph says about the
	 * answers: a scan's partner batches, whose report analyses the graph
	 * once when every partner is checked. The pages read are still
	 * recorded; no analysis is made for the answer. Analysing it for every
	 * batch of a 2,000-partner scan read every stored partner page again
	 * each time (quadratic work) and was the main thread's largest
	 * garbage in that phase (issue 17).
	 */
	withoutGraph?: boolean;
	/**
	 * Called once the stored results are reported and only fresh checks
	 * remain (a job answers its first request with what is known by then).
	 */
	onPlanned?: () => void;
	/**
	 * Asked before each fresh check is stored; false stops the request
	 * with ERR_CHECK_TAKEN_OVER instead (nothing more is stored or
	 * reported). A cluster worker that hung past its queue job's expiry
	 * answers false: another worker has the job now, and its checks are
	 * the ones that count, so the history gets no second row.
	 */
	stillWanted?: () => Promise< boolean >;
}

export interface CheckService {
	check: (
		request: CheckRequest,
		site: SiteRecord,
		observer?: CheckObserver
	) => Promise< CheckResponse >;
}

/** The links' anchors classified for this request's keywords. */
function reclassified(
	links: BacklinkResult[ 'links' ],
	anchors: AnchorContext
): BacklinkResult[ 'links' ] {
	return links.map( ( link ) => ( {
		...link,
		anchorClass: classifyAnchor( link.text, {
			...anchors,
			targetUrl: link.href,
			isImage: link.isImage,
		} ),
	} ) );
}

/**
 * A stored result as this request would have got it: anchors classified
 * with this request's keywords (the focus keyphrase differs per post), and
 * a check that also looked at the homepage answers a request that did not
 * want it once the homepage links are left out.
 */
function cachedAnswer(
	stored: StoredCheck,
	homepage: boolean,
	anchors: AnchorContext
): BacklinkResult {
	// Stored before results were bounded, a row may hold every link.
	const result = boundResult( stored.result );
	const links = reclassified(
		result.links.filter(
			( link ) => homepage || link.foundOn !== 'homepage'
		),
		anchors
	);
	const linkCounts = linkCountsOf( result ).filter(
		( count ) => homepage || count.foundOn !== 'homepage'
	);
	// Only their homepage linked to us, and this request did not ask there.
	const status =
		result.status === 'links-back' &&
		links.length === 0 &&
		result.links.length > 0
			? 'no-link'
			: result.status;
	const { linkCounts: _all, ...rest } = result;
	return withoutInternalDetail( {
		...rest,
		status,
		links,
		...( links.length > 0 ? { linkCounts } : {} ),
		fromCache: true,
	} );
}

/**
 * What a refused address's result says: not what the name resolved to.
 * A Contributor could otherwise map the service's internal network by
 * asking for db.internal, cache.internal, … (the detail is in the log).
 */
export const UNSAFE_ADDRESS_DETAIL =
	'the address is not allowed: it is on a private, local or reserved network';

/** The result without internal-network details (see UNSAFE_ADDRESS_DETAIL). */
function withoutInternalDetail( result: BacklinkResult ): BacklinkResult {
	return result.status === 'refused-unsafe-address' &&
		result.detail !== UNSAFE_ADDRESS_DETAIL
		? { ...result, detail: UNSAFE_ADDRESS_DETAIL }
		: result;
}

function invalidUrl( url: string, now: Date ): BacklinkResult {
	return {
		target: url,
		status: 'invalid-url',
		httpStatus: null,
		detail: 'not an absolute http(s) URL',
		checkedAt: now.toISOString(),
		fromCache: false,
		page: null,
		links: [],
	};
}

export function createCheckService(
	options: CheckServiceOptions
): CheckService {
	const { store, checker, settings } = options;
	const now = options.now ?? ( () => new Date() );
	const logger = options.logger ?? silentLogger();
	const concurrency = options.concurrency ?? 16;
	const ttlMs = settings.checkTtlHours * 3_600_000;
	const retryMs = Math.min( ( options.retryMinutes ?? 15 ) * 60_000, ttlMs );
	const graph = options.graph ?? createStoredPartnerGraph( store );
	/**
	 * Checks running now, by site, target and homepage flag: a second
	 * request for the same target (an editor re-checking while the first
	 * answer is on its way) waits for that check instead of fetching the
	 * partner's pages again.
	 */
	const inFlight = new Map<
		string,
		{ keywords: string[]; result: Promise< BacklinkResult > }
	>();

	function usable(
		stored: StoredCheck,
		request: CheckRequest,
		at: Date
	): boolean {
		if ( request.homepage && ! stored.withHomepage ) {
			// The stored check never looked at the homepage.
			return false;
		}
		// The stored check made no (or a weaker) cloaking comparison.
		const compared = stored.result.cloaking?.method;
		if (
			( request.rendered && compared !== 'rendered' ) ||
			( request.cloaking && ! compared )
		) {
			return false;
		}
		const age = at.getTime() - stored.checkedAtMs;
		return (
			age >= 0 && age < ( isTransient( stored.result ) ? retryMs : ttlMs )
		);
	}

	const service: CheckService = {
		async check( asked, site, observer ) {
			const started = now();
			// The site's setting turns the cloaking comparison on for every
			// request that does not say otherwise.
			const request: CheckRequest = {
				...asked,
				cloaking: asked.cloaking ?? settings.checkCloaking ?? false,
			};
			const keywords = [
				...new Set( [ ...settings.keywords, ...request.keywords ] ),
			];
			const siteUrls = [
				...new Set( [
					site.url,
					...site.alternateUrls,
					...( request.alternateUrls ?? [] ),
				] ),
			];
			const ours = createSiteMatcher( siteUrls );
			const anchors: AnchorContext = {
				keywords,
				brandTerms: settings.brandTerms,
				partialMatchShare: settings.partialMatchShare,
			};

			// One entry per distinct target, in order of first appearance.
			const targets = new Map< string, string >();
			const keyOfLink = request.links.map( ( link ) => {
				const normalized = normalizeUrl( link.url );
				if ( normalized === null ) {
					return null;
				}
				const key = urlKey( normalized );
				if ( ! targets.has( key ) ) {
					targets.set( key, normalized );
				}
				return key;
			} );

			const stored = await store.latestChecks( site.id, [
				...targets.keys(),
			] );
			// What the partner graph says goes with every answer; results
			// checked now get it once their pages are recorded. Fresh: what
			// any process recorded or imported since shows in this answer.
			// Asked for when a stored answer needs it (a request with
			// nothing stored goes straight on to join checks in flight).
			let current: ReturnType< PartnerGraphCache[ 'get' ] > | undefined;
			const storedAnswersGraph = () =>
				( current ??= graph.get( site, { fresh: true } ) );
			const withoutGraph = observer?.withoutGraph === true;
			const answers = new Map< string, BacklinkResult >();
			const toCheck: Array< [ string, string ] > = [];
			// Reclassifying a large stored result takes a while: others
			// (and /v1/health) get their turn between targets.
			const yielder = createYielder();
			for ( const [ key, url ] of targets ) {
				await yielder.pause();
				const previous = stored.get( key );
				if (
					previous &&
					! request.fresh &&
					usable( previous, request, started )
				) {
					const cached = cachedAnswer(
						previous,
						request.homepage,
						anchors
					);
					const answer = withoutGraph
						? cached
						: withGraphFacts( cached, await storedAnswersGraph() );
					answers.set( key, answer );
					observer?.onResult?.( answer );
				} else {
					toCheck.push( [ key, url ] );
				}
			}
			observer?.onPlanned?.();

			// Targets of one request share each partner homepage fetch.
			const batch = checker.createBatch?.();
			const checkAndRecord = async (
				key: string,
				url: string
			): Promise< BacklinkResult > => {
				const previous = stored.get( key );
				const partnerPages: PartnerPage[] = [];
				let result = await checker.checkTarget( url, {
					siteUrls,
					keywords,
					brandTerms: settings.brandTerms,
					homepage: request.homepage,
					partialMatchShare: settings.partialMatchShare,
					previous: previous && {
						result: previous.result,
						etag: previous.validators.etag,
						lastModified: previous.validators.lastModified,
					},
					batch,
					cloaking: request.cloaking,
					rendered: request.rendered,
					onPartnerPage: ( page ) => partnerPages.push( page ),
				} );
				if ( result.status === 'refused-unsafe-address' ) {
					// The operator sees what the name resolved to; the
					// client (and the store) only that it is not allowed.
					logger.warn(
						{ site: site.url, target: url, detail: result.detail },
						'refused an unsafe address'
					);
					result = withoutInternalDetail( result );
				}
				// Missing now: removed, or still within the grace period?
				// (Issue 9: one miss on one bad night is no removal.) A link
				// that is there ends any grace period: no history needed.
				const earlier =
					result.status === 'links-back'
						? []
						: await store.checkHistory( site.id, {
								targetKey: key,
								limit: 500,
							} );
				const removal = removalState(
					[ ...earlier, result ].map( ( check ) => ( {
						status: check.status,
						checkedAt: check.checkedAt,
					} ) ),
					{
						confirmChecks: settings.removalConfirmChecks ?? 2,
						confirmHours: settings.removalConfirmHours ?? 24,
					}
				);
				if ( removal ) {
					result = { ...result, removal };
				}
				// What is stored is bounded too (the checker's results
				// are; another TargetChecker's need not be).
				result = fitResult( result, MAX_STORED_RESULT_BYTES );
				if (
					observer?.stillWanted &&
					! ( await observer.stillWanted() )
				) {
					throw new RlgError(
						'ERR_CHECK_TAKEN_OVER',
						`the check of ${ url } is no longer wanted here (its job was taken over); not stored`
					);
				}
				// Stored as soon as it is known: a process killed in the
				// middle of a long request keeps every finished check.
				await store.recordChecks( site.id, [
					{
						targetKey: key,
						// A link within our own site has no partner domain: it
						// must never count as an outbound or reciprocal domain.
						domain: ours.isOurs( url )
							? null
							: ( registrableDomain( result.target ) ??
								registrableDomain( url ) ),
						withHomepage: request.homepage,
						result,
					},
				] );
				// The partner graph: what the pages read link to. A link
				// within our own site is no partner.
				if ( ! ours.isOurs( url ) && partnerPages.length > 0 ) {
					await store.recordPartnerPages( site.id, partnerPages );
					graph.invalidate( site.id );
				}
				return result;
			};
			// One check per target at a time across requests (see inFlight).
			const checkShared = async (
				key: string,
				url: string
			): Promise< { key: string; result: BacklinkResult } > => {
				const flightKey = JSON.stringify( [
					site.id,
					key,
					request.homepage,
					request.cloaking === true,
					request.rendered === true,
				] );
				const running = inFlight.get( flightKey );
				if ( running ) {
					const result = await running.result;
					const sameKeywords =
						running.keywords.join( '\n' ) === keywords.join( '\n' );
					return {
						key,
						result: sameKeywords
							? result
							: {
									...result,
									links: reclassified(
										result.links,
										anchors
									),
								},
					};
				}
				const result = checkAndRecord( key, url );
				inFlight.set( flightKey, { keywords, result } );
				try {
					return { key, result: await result };
				} finally {
					inFlight.delete( flightKey );
				}
			};
			const checked = await mapConcurrent(
				toCheck,
				concurrency,
				async ( [ key, url ] ) => {
					const answer = await checkShared( key, url );
					if ( observer?.onResult ) {
						const result = { ...answer.result, fromCache: false };
						observer.onResult(
							withoutGraph
								? result
								: withGraphFacts(
										result,
										await graph.get( site )
									)
						);
					}
					return answer;
				}
			);
			if ( checked.length > 0 && withoutGraph ) {
				for ( const { key, result } of checked ) {
					answers.set( key, { ...result, fromCache: false } );
				}
			} else if ( checked.length > 0 ) {
				// Pages read in this request may close a ring or a group
				// that the answers given as they came could not show yet.
				const analysis = await graph.get( site, { fresh: true } );
				for ( const [ key, answer ] of answers ) {
					answers.set( key, withGraphFacts( answer, analysis ) );
				}
				for ( const { key, result } of checked ) {
					answers.set(
						key,
						withGraphFacts(
							{ ...result, fromCache: false },
							analysis
						)
					);
				}
			}

			logger.info(
				{
					site: site.url,
					links: request.links.length,
					targets: targets.size,
					fromCache: targets.size - checked.length,
					checked: checked.length,
					ms: now().getTime() - started.getTime(),
				},
				'check'
			);
			return {
				site: site.url,
				// Bounded whatever the partner pages hold: at most
				// MAX_KEPT_LINKS links a result, MAX_CHECK_REPLY_BYTES in all.
				results: fitResults(
					request.links.map( ( link, index ) => {
						const key = keyOfLink[ index ];
						return key === null
							? invalidUrl( link.url, started )
							: ( answers.get( key ) as BacklinkResult );
					} )
				),
			};
		},
	};
	return {
		// Every page fetched for this request counts against this site's
		// share of the fetcher (src/service/fetch/limiter.ts).
		check: ( asked, site, observer ) =>
			withFetchSite( `site:${ site.id }`, () =>
				service.check( asked, site, observer )
			),
	};
}
