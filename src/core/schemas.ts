/**
 * The contract between processes: every message that crosses the editor ↔
 * WordPress ↔ service boundary is described here once, as a zod schema, and
 * its TypeScript type is inferred from it so the two can never drift apart.
 *
 * Keep this file free of I/O and of Node- or browser-only imports: it is
 * bundled into the block editor and compiled for the service alike.
 */
import { z } from 'zod';
import { PartnerGraphFactsSchema } from './graph/schemas';

/**
 * Where a link sits on its page. `content` is the only editorial spot.
 * Beside the site regions (header, navigation, sidebar, footer) come the
 * non-editorial spots in and around an article: comments, an author box
 * or bio, related or promoted teasers, tags/categories/bylines,
 * breadcrumbs and share buttons.
 */
export const PLACEMENTS = [
	'content',
	'header',
	'navigation',
	'sidebar',
	'footer',
	'comments',
	'author-box',
	'related',
	'tags',
	'breadcrumbs',
	'share',
] as const;
export const PlacementSchema = z.enum( PLACEMENTS );
export type Placement = z.infer< typeof PlacementSchema >;

/** Why a link is invisible to a reader (and so a classic spam signal). */
export const HIDDEN_REASONS = [
	'display-none',
	'visibility-hidden',
	'hidden-attribute',
	'zero-font-size',
	'zero-size',
	'off-screen',
	'aria-hidden',
	'noscript',
	'template',
] as const;
export const HiddenReasonSchema = z.enum( HIDDEN_REASONS );
export type HiddenReason = z.infer< typeof HiddenReasonSchema >;

/** How an anchor text relates to the keywords it could be optimised for. */
export const ANCHOR_CLASSES = [
	'exact-match',
	'partial-match',
	'branded',
	'naked-url',
	'generic',
	'image',
	'empty',
	'other',
] as const;
export const AnchorClassSchema = z.enum( ANCHOR_CLASSES );
export type AnchorClass = z.infer< typeof AnchorClassSchema >;

/**
 * One `<a href>` as the analyser sees it. `hidden` is the reason the link
 * is invisible, or null when a reader can see it: one field, so a link can
 * never be "hidden without a reason".
 */
export const ExtractedLinkSchema = z.object( {
	/** Absolute, normalised http(s) URL. */
	href: z.string(),
	/** Whitespace-collapsed anchor text; an image link uses its alt text. */
	text: z.string(),
	/** Lower-cased rel tokens in source order (nofollow, sponsored, ugc, …). */
	rel: z.array( z.string() ),
	placement: PlacementSchema,
	hidden: HiddenReasonSchema.nullable(),
	/** The anchor is (or contains only) an image. */
	isImage: z.boolean(),
	/** Links with the same number share one block-level container. */
	block: z.number().int().nonnegative(),
	/** Text of the nearest heading before the link, if any. */
	heading: z.string().nullable(),
	/** The link is an item of a list (ul/ol/dl). */
	inList: z.boolean(),
	/**
	 * Characters of running text around the link: the visible text of its
	 * block outside links (issue 19's link context: a link on a line of its
	 * own has next to none). Absent on links read before it was counted.
	 */
	contextChars: z.number().int().nonnegative().optional(),
	/** Relative position of the link in the document text, 0 = top, 1 = end. */
	position: z.number().min( 0 ).max( 1 ),
} );
export type ExtractedLink = z.infer< typeof ExtractedLinkSchema >;

/** Outcome of checking one target URL for a link back to our site. */
export const BACKLINK_STATUSES = [
	'links-back',
	'no-link',
	'blocked-by-robots',
	'blocked-by-bot-protection',
	'rate-limited',
	'refused-unsafe-address',
	'timeout',
	/** Never requested: the host (or our fetcher) was busy until the deadline. */
	'host-busy',
	'http-error',
	'not-html',
	'too-large',
	'unreachable',
	'invalid-url',
] as const;
export const BacklinkStatusSchema = z.enum( BACKLINK_STATUSES );
export type BacklinkStatus = z.infer< typeof BacklinkStatusSchema >;

/** Ways a partner page is looked at: our crawler, a browser User-Agent, a rendered page. */
export const SEEN_BY = [ 'http', 'browser-ua', 'rendered' ] as const;
export type SeenBy = ( typeof SEEN_BY )[ number ];

/** A link on the partner's site that points at (any URL of) our site. */
export const BacklinkSchema = ExtractedLinkSchema.extend( {
	/** The page of theirs the link was found on. */
	pageUrl: z.string(),
	/** Found on the linked page itself, or on their homepage. */
	foundOn: z.enum( [ 'target-page', 'homepage' ] ),
	anchorClass: AnchorClassSchema,
	/** The link points at our homepage rather than a deep page. */
	toHomepage: z.boolean(),
	/**
	 * Which fetches saw this link (issue 9): our crawler (`http`), a second
	 * fetch with a browser User-Agent, a rendered page (JavaScript run).
	 * Absent on results from before these checks existed: `http` only.
	 */
	seenBy: z.array( z.enum( SEEN_BY ) ).optional(),
	/**
	 * The link points at a configured alias of ours (a short domain) that
	 * redirects to our site, rather than at our site itself.
	 */
	viaRedirect: z.boolean().optional(),
} );
export type Backlink = z.infer< typeof BacklinkSchema >;

/**
 * How many links to us of one kind the checked pages held: a result keeps
 * at most a few dozen links (src/core/their-links.ts) but counts all of
 * them by placement, page, visibility, partners section, target and rel.
 */
export const LinkCountSchema = z.object( {
	placement: PlacementSchema,
	foundOn: z.enum( [ 'target-page', 'homepage' ] ),
	hidden: z.boolean(),
	/** In their content under a partners/blogroll heading. */
	partnerSection: z.boolean(),
	/** To our homepage. */
	toHomepage: z.boolean(),
	/** No nofollow, sponsored or ugc. */
	followed: z.boolean(),
	count: z.number().int().positive(),
} );
export type LinkCount = z.infer< typeof LinkCountSchema >;

/** What the rules need to know about the partner's page. */
export const PageFactsSchema = z.object( {
	url: z.string(),
	/** URL after redirects. */
	finalUrl: z.string(),
	httpStatus: z.number().int(),
	title: z.string(),
	h1: z.string(),
	lang: z.string().nullable(),
	/**
	 * The site's own name as the page states it (`og:site_name`,
	 * `application-name`): a brand, never a keyword. Absent on results from
	 * before it was read.
	 */
	siteName: z.string().nullable().optional(),
	/** Up to a few KB of the page's main text, for relevance scoring. */
	textSample: z.string(),
	/** Why a search engine would discount links on this page, if it would. */
	notIndexable: z
		.enum( [
			'noindex-meta',
			'noindex-header',
			'canonical-elsewhere',
			'robots-disallowed',
		] )
		.nullable(),
	/** sha256 (hex) of the page's decoded HTML: evidence of what was seen. */
	contentHash: z.string().nullable().optional(),
} );
export type PageFacts = z.infer< typeof PageFactsSchema >;

/** HTTP cache validators of a fetched page, for conditional re-checks. */
export const CacheValidatorsSchema = z.object( {
	etag: z.string().nullable(),
	lastModified: z.string().nullable(),
} );
export type CacheValidators = z.infer< typeof CacheValidatorsSchema >;

export const BacklinkResultSchema = z.object( {
	/** The URL we link to, normalised. */
	target: z.string(),
	status: BacklinkStatusSchema,
	/** HTTP status for `http-error` (and the final status otherwise, when fetched). */
	httpStatus: z.number().int().nullable(),
	/** Human-readable reason for statuses other than links-back / no-link. */
	detail: z.string().nullable(),
	checkedAt: z.string(),
	/** Served from the store within the TTL, without a fetch. */
	fromCache: z.boolean(),
	page: PageFactsSchema.nullable(),
	/**
	 * Their links to us, at most MAX_KEPT_LINKS (src/core/their-links.ts):
	 * one of every kind first, in-content ones before the rest.
	 */
	links: z.array( BacklinkSchema ),
	/**
	 * Counts of ALL their links to us by kind (the true total is their sum).
	 * Absent on results from before the cap: then `links` holds them all.
	 */
	linkCounts: z.array( LinkCountSchema ).optional(),
	/**
	 * Validators of the target page and of the homepage as last fetched.
	 * Pass the stored result back as the checker's `previous` and a 304
	 * confirms it without re-reading the page.
	 */
	validators: z
		.object( {
			page: CacheValidatorsSchema.nullable(),
			homepage: CacheValidatorsSchema.nullable(),
		} )
		.optional(),
	/**
	 * The cloaking comparison, when asked for (CheckRequest.cloaking): the
	 * links to us on the target page as our crawler saw them and as a
	 * browser (User-Agent, or rendered with JavaScript) saw them.
	 */
	cloaking: z
		.object( {
			method: z.enum( [ 'browser-ua', 'rendered' ] ),
			/** Links to us (href, rel) our crawler saw on the target page. */
			botLinks: z.array( z.string() ),
			/** Links to us (href, rel) the browser saw on the target page. */
			browserLinks: z.array( z.string() ),
			differs: z.boolean(),
			/** Why the comparison could not be made (the browser fetch failed). */
			error: z.string().nullable(),
		} )
		.optional(),
	/**
	 * The grace period of a removal: the link was seen before and has been
	 * missing since `missingSince` on `misses` conclusive checks; it is
	 * `confirmed` removed only after Settings.removalConfirmChecks misses
	 * over at least Settings.removalConfirmHours. Absent while linking.
	 */
	removal: z
		.object( {
			state: z.enum( [ 'confirming', 'confirmed' ] ),
			missingSince: z.string(),
			lastSeen: z.string(),
			misses: z.number().int().positive(),
		} )
		.optional(),
	/**
	 * What the partner graph says about this partner (issue 19: rings,
	 * networks, shared footprints), attached by the service when it
	 * answers (never stored with the check: the graph changes as other
	 * partners are read).
	 */
	graph: PartnerGraphFactsSchema.optional(),
} );
export type BacklinkResult = z.infer< typeof BacklinkResultSchema >;

const HttpUrl = z
	.string()
	.max( 2048, 'URL is longer than 2048 characters' )
	.refine( ( value ) => /^https?:\/\//i.test( value ), {
		message: 'must be an absolute http(s) URL',
	} );

export const MAX_LINKS_PER_CHECK = 100;

/** The links of a check request: 1 to `max` of them. */
function checkLinks( max: number ) {
	return z
		.array(
			z.object( {
				url: HttpUrl,
				anchorText: z.string().max( 1000 ).default( '' ),
			} )
		)
		.min( 1, 'at least one link is required' )
		.max( max, `at most ${ max } links per request` );
}

export const CheckRequestSchema = z.object( {
	/** Our site's home URL. */
	site: HttpUrl,
	links: checkLinks( MAX_LINKS_PER_CHECK ),
	/** Also fetch each target's homepage, where site-wide links live. */
	homepage: z.boolean().default( true ),
	/** Ignore stored results younger than the TTL. */
	fresh: z.boolean().default( false ),
	/** Extra keywords for anchor classification (the post's focus keyphrase). */
	keywords: z.array( z.string().max( 200 ) ).max( 50 ).default( [] ),
	/** Fetch each target page again with a browser User-Agent and compare (issue 9). */
	cloaking: z.boolean().optional(),
	/** Render each target page in Chromium (where installed) and compare. */
	rendered: z.boolean().optional(),
	/**
	 * Other URLs of our site (old domain, short domain, staging) as the
	 * signing site lists them (WordPress: "Alternate site URLs"); links to
	 * any of them count as links to us, as the store's aliases do.
	 */
	alternateUrls: z.array( HttpUrl ).max( 20 ).optional(),
} );
export type CheckRequest = z.infer< typeof CheckRequestSchema >;
export type CheckRequestInput = z.input< typeof CheckRequestSchema >;

export const CheckResponseSchema = z.object( {
	site: z.string(),
	results: z.array( BacklinkResultSchema ),
} );
export type CheckResponse = z.infer< typeof CheckResponseSchema >;

/** Most distinct targets one check job may hold (its links arrive in requests of MAX_LINKS_PER_JOB_REQUEST). */
export const MAX_TARGETS_PER_JOB = 5000;

/**
 * Most links one request starting or extending a check job may carry
 * (issue 20). A job's request is answered at once (the checks run in the
 * background), so unlike POST /v1/check it need not be small to finish in
 * time: a 1,000-link post is handed over in one request, one WordPress
 * round trip instead of ten, and its stored results come back together.
 */
export const MAX_LINKS_PER_JOB_REQUEST = 1000;

/** A check job's request body: a CheckRequest of up to MAX_LINKS_PER_JOB_REQUEST links. */
export const CheckJobRequestSchema = CheckRequestSchema.extend( {
	links: checkLinks( MAX_LINKS_PER_JOB_REQUEST ),
} );

/** Longest a job poll may wait for new results (below the plugin's 15 s proxy timeout). */
export const MAX_JOB_WAIT_MS = 10_000;

/**
 * A check job (POST /v1/check-jobs, POST /v1/check-jobs/:id/links,
 * GET /v1/check-jobs/:id?after=N&wait=ms): the service accepts the links at
 * once and checks them in the background; a poll answers the results that
 * became known since the caller's cursor, so no request waits for a slow
 * partner and a big post's checks never fail for being slow.
 */
export const CheckJobSchema = z.object( {
	id: z.string().regex( /^[0-9a-f]{32}$/ ),
	site: z.string(),
	/** Distinct targets in the job so far. */
	total: z.number().int().nonnegative(),
	/** Results known so far: the cursor for the next poll (`after`). */
	done: z.number().int().nonnegative(),
	/** No check of the job is running any more. */
	finished: z.boolean(),
	/** Results from the poll's `after` on, in the order they became known. */
	results: z.array( BacklinkResultSchema ),
	/** Why the job stopped before every target had a result (store failure). */
	error: z
		.object( { code: z.string(), message: z.string() } )
		.nullable()
		.default( null ),
} );
export type CheckJob = z.infer< typeof CheckJobSchema >;

/** Every error the service returns has a stable code and a sentence. */
export const ApiErrorSchema = z.object( {
	code: z.string(),
	message: z.string(),
	/** For validation errors: the path of the offending field. */
	field: z.string().optional(),
} );
export type ApiError = z.infer< typeof ApiErrorSchema >;

/**
 * Site-wide counts the site rules (too-many-partners, exchange-velocity)
 * need; the service computes them from its check history (GET /v1/stats).
 */
export const SiteStatsSchema = z.object( {
	/** Distinct external (registrable) domains the site links to. */
	outboundDomains: z.number().int().nonnegative(),
	/** Of those, the domains that link back. */
	reciprocalPartners: z.number().int().nonnegative(),
	/** Reciprocal partners first seen linking back within the velocity window. */
	newReciprocalPartners: z.number().int().nonnegative(),
} );
export type SiteStats = z.infer< typeof SiteStatsSchema >;
