/**
 * `createBacklinkChecker`: does a partner link back to us, and where?
 *
 * For each target we fetch the linked page and (unless told not to) the
 * partner's homepage, where site-wide footer and blogroll links live. Both
 * fetches share one deadline and run in parallel; a homepage shared by
 * several targets of one batch is fetched once. Every link on them that
 * points at any URL of our site becomes a Backlink with its placement,
 * anchor class, rel and visibility. Pure analysis (extraction, URL
 * matching, anchor classes) comes from src/core; this file only decides
 * what to fetch and how to turn outcomes into a BacklinkResult.
 */
import type { OutboundSummary } from '../../core/graph/outbound';
import type { PartnerPage } from '../../core/graph/schemas';
import type {
	Backlink,
	BacklinkResult,
	CacheValidators,
	ExtractedLink,
	LinkCount,
	PageFacts,
} from '../../core/schemas';
import {
	addCounts,
	clipLink,
	countLinks,
	keepLinks,
	linkCountsOf,
} from '../../core/their-links';
import {
	createSiteMatcher,
	normalizeUrl,
	siteKey,
	urlKey,
	type SiteMatcher,
} from '../../core/url';
import {
	createInlineAnalyzer,
	type PageAnalyzer,
	type PageLinksRequest,
} from '../analysis';
import type { Fetcher, FetchOutcome } from '../fetch/fetch-page';
import { mapConcurrent } from '../map-concurrent';
import { notIndexableReason } from './indexability';
import { linksOfPage, toBacklinks, type LinksOfPage } from './page-links';

/** At most this much page text goes into PageFacts.textSample. */
export const TEXT_SAMPLE_CHARS = 4000;

export interface CheckContext {
	/** Our site's URLs (home URL and any variants): links to any of them count. */
	siteUrls: string[];
	/** Keywords for anchor classification (site keywords + focus keyphrase). */
	keywords: string[];
	brandTerms: string[];
	/** Also check the partner's homepage (default in the API: true). */
	homepage: boolean;
	/**
	 * The stored result of the last check of this target. Its validators
	 * make the fetches conditional; a 304 keeps that page's links and facts.
	 */
	previous?: BacklinkResult | null;
	/** Absolute deadline (ms since epoch) for the whole check. */
	deadline?: number;
	/** Share of keyword words for partial-match (Settings.partialMatchShare). */
	partialMatchShare?: number;
	/** Shares homepage fetches between the targets of one batch. */
	batch?: CheckBatch;
	/**
	 * Called with every link to us of a freshly read target page, before
	 * the result keeps at most MAX_KEPT_LINKS of them: the cloaking
	 * comparison needs all of them, the result does not.
	 */
	onTargetPageLinks?: ( links: readonly Backlink[] ) => void;
	/**
	 * Called with every partner page read afresh (the target page, the
	 * homepage): the domains it links to, for the partner graph (issue 19).
	 * Not called for a page a 304 confirmed: what is stored still holds.
	 */
	onPartnerPage?: ( page: PartnerPage ) => void;
}

/** What one fetched page yielded, before it is matched against a site. */
interface PageRead {
	readonly outcome: FetchOutcome;
	/** Every link to us, when the analysis was not asked for `ours`. */
	readonly links: readonly ExtractedLink[];
	/** The kept links and counts, built where the page was analysed. */
	readonly ours?: LinksOfPage;
	readonly facts: PageFacts | null;
	/** The domains the page links to (null when it was not read). */
	readonly outbound: OutboundSummary | null;
}

/** Homepage reads shared within one batch (keyed by URL and validators). */
export interface CheckBatch {
	readonly homepages: Map< string, Promise< PageRead > >;
}

export interface BacklinkChecker {
	checkTarget: (
		target: string,
		ctx: CheckContext
	) => Promise< BacklinkResult >;
	/** Checks many targets concurrently as one batch (each homepage once). */
	checkTargets: (
		targets: readonly string[],
		ctx: CheckContext
	) => Promise< BacklinkResult[] >;
	createBatch: () => CheckBatch;
}

export interface BacklinkCheckerOptions {
	fetcher: Fetcher;
	/**
	 * Where pages are analysed: worker threads in the service and scans
	 * (createAnalysisPool), this thread by default. The caller closes it.
	 */
	analyzer?: PageAnalyzer;
	/** Clock for checkedAt (tests). */
	now?: () => Date;
	/**
	 * Targets `checkTargets` works on at once (default: all of them; the
	 * fetcher's limiter does the scheduling). Each check's deadline starts
	 * when it is called, so a batch far larger than the fetcher finishes
	 * within the check timeout needs a window. Measured on 600 targets:
	 * windows of 16–64 were 10–15% slower than none (a target waiting on a
	 * slow host holds its place) and 256 about 5%.
	 */
	batchConcurrency?: number;
}

/**
 * Analyses a fetched page. Only links to our site (`siteUrls`) come back,
 * with anchor text and placement: on a partner page of hundreds of links
 * that is most of the per-link work saved. With `ours`, the analysis also
 * turns them into the result's kept Backlinks and counts (page-links.ts),
 * in the analysis worker: a page of 56,000 links to us then sends 50 back.
 */
async function readPage(
	outcome: FetchOutcome,
	siteUrls: readonly string[],
	analyzer: PageAnalyzer,
	ours?: PageLinksRequest
): Promise< PageRead > {
	if ( outcome.kind !== 'ok' ) {
		return { outcome, links: [], facts: null, outbound: null };
	}
	let analysis: Awaited< ReturnType< PageAnalyzer[ 'analyze' ] > >;
	try {
		// The bytes, not `outcome.html`: with workers, decoding happens
		// there too, and this thread never builds the page's string.
		analysis = await analyzer.analyze( {
			body: outcome.body,
			charset: outcome.charset,
			baseUrl: outcome.finalUrl,
			siteUrls,
			ours,
		} );
	} catch ( error ) {
		// If a stranger's page still breaks the analyser (or its worker),
		// that page gets a status, not the whole check.
		return {
			outcome: {
				kind: 'failed',
				status: 'not-html',
				url: outcome.url,
				finalUrl: outcome.finalUrl,
				httpStatus: outcome.httpStatus,
				redirects: outcome.redirects,
				detail:
					error instanceof Error
						? error.message
						: `the HTML could not be analysed (${ String( error ) })`,
			},
			links: [],
			facts: null,
			outbound: null,
		};
	}
	const { links, facts, outbound } = analysis;
	return {
		outcome,
		links,
		outbound,
		ours: analysis.ours,
		facts: {
			url: outcome.url,
			finalUrl: outcome.finalUrl,
			httpStatus: outcome.httpStatus,
			title: facts.title,
			h1: facts.h1,
			lang: facts.lang,
			textSample: facts.textSample.slice( 0, TEXT_SAMPLE_CHARS ),
			siteName: facts.siteName,
			notIndexable: notIndexableReason( {
				metaRobots: facts.metaRobots,
				xRobotsTag: outcome.xRobotsTag,
				canonical: facts.canonical,
				finalUrl: outcome.finalUrl,
				googlebotAllowed: outcome.googlebotAllowed,
			} ),
			contentHash: outcome.contentHash,
		},
	};
}

/** All links a page's counts stand for. */
function sumOf( counts: readonly LinkCount[] ): number {
	return counts.reduce( ( sum, count ) => sum + count.count, 0 );
}

function validatorsOf( outcome: FetchOutcome ): CacheValidators | null {
	if ( outcome.kind === 'failed' ) {
		return null;
	}
	if ( outcome.etag === null && outcome.lastModified === null ) {
		return null;
	}
	return { etag: outcome.etag, lastModified: outcome.lastModified };
}

/** A previous result whose links and facts may be reused after a 304. */
function reusable(
	previous: BacklinkResult | null | undefined,
	target: string
) {
	return previous &&
		previous.target === target &&
		( previous.status === 'links-back' || previous.status === 'no-link' )
		? previous
		: null;
}

function describeFailure( outcome: FetchOutcome ): string {
	return outcome.kind === 'failed'
		? `${ outcome.status }: ${ outcome.detail }`
		: '';
}

export function createBacklinkChecker(
	options: BacklinkCheckerOptions
): BacklinkChecker {
	const { fetcher } = options;
	const analyzer = options.analyzer ?? createInlineAnalyzer();
	const now = options.now ?? ( () => new Date() );
	const batchConcurrency = options.batchConcurrency ?? Infinity;

	/**
	 * Links a 304 confirmed: the stored ones, re-classified for today's
	 * keywords, with the stored counts of that page.
	 */
	function keptLinks(
		previous: BacklinkResult,
		foundOn: Backlink[ 'foundOn' ],
		matcher: SiteMatcher,
		ctx: CheckContext
	): LinksOfPage {
		const stored = previous.links.filter(
			( link ) => link.foundOn === foundOn
		);
		const pageUrl =
			stored[ 0 ]?.pageUrl ?? previous.page?.finalUrl ?? previous.target;
		return {
			links: toBacklinks( stored, pageUrl, foundOn, matcher, ctx ).map(
				( link, index ) => ( {
					...link,
					pageUrl: stored[ index ]?.pageUrl ?? pageUrl,
				} )
			),
			counts: linkCountsOf( previous ).filter(
				( count ) => count.foundOn === foundOn
			),
		};
	}

	function fetchHomepage(
		url: string,
		validators: CacheValidators | null,
		deadline: number,
		batch: CheckBatch,
		siteUrls: readonly string[],
		anchors: PageLinksRequest
	): Promise< PageRead > {
		// The read keeps only links to `siteUrls`, classified for these
		// keywords, so it is shared only between targets checked for the
		// same site with the same keywords (one request's batch).
		const key = JSON.stringify( [
			url,
			validators?.etag ?? '',
			validators?.lastModified ?? '',
			siteUrls,
			anchors,
		] );
		let read = batch.homepages.get( key );
		if ( ! read ) {
			read = fetcher
				.fetchPage( url, {
					etag: validators?.etag,
					lastModified: validators?.lastModified,
					deadline,
				} )
				.then( ( outcome ) =>
					readPage( outcome, siteUrls, analyzer, anchors )
				);
			batch.homepages.set( key, read );
		}
		return read;
	}

	async function checkTarget(
		rawTarget: string,
		ctx: CheckContext
	): Promise< BacklinkResult > {
		const checkedAt = now().toISOString();
		const target = normalizeUrl( rawTarget );
		const base = { checkedAt, fromCache: false };
		if ( target === null ) {
			return {
				...base,
				target: rawTarget,
				status: 'invalid-url',
				httpStatus: null,
				detail: 'not an absolute http(s) URL',
				page: null,
				links: [],
			};
		}
		const deadline =
			ctx.deadline ?? Date.now() + fetcher.options.checkTimeoutMs;
		const matcher = createSiteMatcher( ctx.siteUrls );
		const previous = reusable( ctx.previous, target );
		const batch = ctx.batch ?? { homepages: new Map() };

		const homepageUrl = new URL( '/', target ).href;
		const wantHomepage =
			ctx.homepage && urlKey( homepageUrl ) !== urlKey( target );
		const pageValidators = previous?.validators?.page ?? null;
		const homeValidators = previous?.validators?.homepage ?? null;

		const anchors = {
			keywords: ctx.keywords,
			brandTerms: ctx.brandTerms,
			partialMatchShare: ctx.partialMatchShare,
		};
		const [ pageRead, homeRead ] = await Promise.all( [
			fetcher
				.fetchPage( target, {
					etag: pageValidators?.etag,
					lastModified: pageValidators?.lastModified,
					deadline,
				} )
				.then( ( outcome ) =>
					readPage(
						outcome,
						ctx.siteUrls,
						analyzer,
						// The cloaking comparison needs every link here.
						ctx.onTargetPageLinks
							? undefined
							: { ...anchors, foundOn: 'target-page' }
					)
				),
			wantHomepage
				? fetchHomepage(
						homepageUrl,
						homeValidators,
						deadline,
						batch,
						ctx.siteUrls,
						{ ...anchors, foundOn: 'homepage' }
					)
				: Promise.resolve( null ),
		] );

		const pageOutcome = pageRead.outcome;
		let page = pageRead.facts;
		const partnerPage = (
			read: PageRead,
			foundOn: PartnerPage[ 'foundOn' ],
			linksToUs: number
		) => {
			if ( read.outcome.kind === 'ok' && read.outbound ) {
				ctx.onPartnerPage?.( {
					pageUrl: read.outcome.finalUrl.slice( 0, 2048 ),
					domain: siteKey( read.outcome.finalUrl ) ?? '',
					foundOn,
					target: target.slice( 0, 2048 ),
					readAt: checkedAt,
					linksToUs,
					...read.outbound,
				} );
			}
		};
		const parts: LinksOfPage[] = [];
		if ( pageOutcome.kind === 'not-modified' && previous ) {
			page = previous.page;
			parts.push( keptLinks( previous, 'target-page', matcher, ctx ) );
		} else if ( pageRead.ours ) {
			// Built in the analysis worker (page-links.ts).
			parts.push( pageRead.ours );
			partnerPage(
				pageRead,
				'target-page',
				sumOf( pageRead.ours.counts )
			);
		} else {
			const all = toBacklinks(
				pageRead.links,
				pageOutcome.kind === 'ok' ? pageOutcome.finalUrl : target,
				'target-page',
				matcher,
				ctx
			);
			ctx.onTargetPageLinks?.( all );
			const ofPage = {
				links: keepLinks( all ),
				counts: countLinks( all ),
			};
			parts.push( ofPage );
			partnerPage( pageRead, 'target-page', sumOf( ofPage.counts ) );
		}
		if ( homeRead ) {
			const homeOutcome = homeRead.outcome;
			if ( homeOutcome.kind === 'not-modified' && previous ) {
				parts.push( keptLinks( previous, 'homepage', matcher, ctx ) );
			} else if ( homeOutcome.kind === 'ok' ) {
				const ofHome =
					homeRead.ours ??
					linksOfPage(
						homeRead.links,
						homeOutcome.finalUrl,
						'homepage',
						matcher,
						ctx
					);
				parts.push( ofHome );
				partnerPage( homeRead, 'homepage', sumOf( ofHome.counts ) );
			}
		}
		// Bounded (src/core/their-links.ts): at most MAX_KEPT_LINKS kept,
		// one of each kind first, with the counts of all of them.
		const links = keepLinks( parts.flatMap( ( part ) => part.links ) ).map(
			clipLink
		);
		const linkCounts = addCounts( ...parts.map( ( part ) => part.counts ) );
		const counted = links.length > 0 ? { linkCounts } : {};

		const validators = {
			page: validatorsOf( pageOutcome ),
			homepage: homeRead ? validatorsOf( homeRead.outcome ) : null,
		};
		const notes: string[] = [];
		if ( pageOutcome.kind === 'not-modified' ) {
			notes.push( 'target page not modified since the previous check' );
		}
		if ( homeRead?.outcome.kind === 'failed' ) {
			notes.push(
				`homepage not checked (${ describeFailure( homeRead.outcome ) })`
			);
		}

		if ( pageOutcome.kind === 'failed' ) {
			if ( links.length > 0 ) {
				// Their homepage links to us even though the page itself failed.
				return {
					...base,
					target,
					status: 'links-back',
					httpStatus: pageOutcome.httpStatus,
					detail: [
						`target page not checked (${ describeFailure( pageOutcome ) })`,
						...notes,
					].join( '; ' ),
					page: null,
					links,
					...counted,
					validators,
				};
			}
			return {
				...base,
				target,
				status: pageOutcome.status,
				httpStatus: pageOutcome.httpStatus,
				detail: [ pageOutcome.detail, ...notes ].join( '; ' ),
				page: null,
				links: [],
				validators,
			};
		}
		return {
			...base,
			target,
			status: links.length > 0 ? 'links-back' : 'no-link',
			httpStatus:
				pageOutcome.httpStatus === 304
					? ( page?.httpStatus ?? 304 )
					: pageOutcome.httpStatus,
			detail: notes.length > 0 ? notes.join( '; ' ) : null,
			page,
			links,
			...counted,
			validators,
		};
	}

	return {
		checkTarget,
		async checkTargets( targets, ctx ) {
			const batch = ctx.batch ?? { homepages: new Map() };
			return mapConcurrent( targets, batchConcurrency, ( target ) =>
				checkTarget( target, { ...ctx, batch } )
			);
		},
		createBatch: () => ( { homepages: new Map() } ),
	};
}
