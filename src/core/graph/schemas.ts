/**
 * The partner graph (issue 19): what the service keeps about the pages of
 * our partners beyond their links to us, so rules can see patterns no pair
 * shows (rings, networks, shared footprints).
 *
 * Nodes are sites (registrable domains, `siteKey`), edges are "a page of X
 * links to Y". The service keeps, for every partner page it reads, the
 * domains that page links to (at most {@link MAX_OUTBOUND_DOMAINS}, with
 * the true total) and how many links to us it holds. Edges into our site
 * come from those pages and, later, from imported backlink exports
 * (`LinkToUs.source`), so a rule cannot tell them apart except by source.
 *
 * Pure zod contracts: bundled into the editor and compiled for the service.
 */
import { z } from 'zod';

/** Outbound domains kept per partner page (the most-linked first). */
export const MAX_OUTBOUND_DOMAINS = 200;
/** Characters of a kept sample link (evidence a person can open). */
export const MAX_SAMPLE_URL_CHARS = 150;
/** Partner pages kept per site (the most recently read); older ones are dropped. */
export const MAX_PARTNER_PAGES_PER_SITE = 2000;

/** One domain a partner page links to. */
export const OutboundDomainSchema = z.object( {
	/** `siteKey` of the linked URL (registrable domain, host:port for IPs). */
	domain: z.string().min( 1 ).max( 260 ),
	/** Links to it on the page. */
	links: z.number().int().positive(),
	/** One of those links, clipped: what a person opens to check. */
	sample: z.string().max( MAX_SAMPLE_URL_CHARS ),
} );
export type OutboundDomain = z.infer< typeof OutboundDomainSchema >;

/** A partner page as the graph keeps it (one row of the store). */
export const PartnerPageSchema = z.object( {
	/** The page read (its URL after redirects). */
	pageUrl: z.string().min( 1 ).max( 2048 ),
	/** `siteKey` of the page: the partner. */
	domain: z.string().min( 1 ).max( 260 ),
	/** A page we link to (`target-page`) or the partner's homepage. */
	foundOn: z.enum( [ 'target-page', 'homepage' ] ),
	/** The URL of ours that links to this partner (the checked target). */
	target: z.string().min( 1 ).max( 2048 ),
	readAt: z.string(),
	/** Links to our site on the page (all of them, not only the kept ones). */
	linksToUs: z.number().int().nonnegative(),
	/** Domains the page links to other than its own and ours, most-linked first. */
	outbound: z.array( OutboundDomainSchema ).max( MAX_OUTBOUND_DOMAINS ),
	/** Distinct such domains on the page (the true total; `outbound` may be cut). */
	outboundTotal: z.number().int().nonnegative(),
} );
export type PartnerPage = z.infer< typeof PartnerPageSchema >;

/**
 * "Site X links to us", from wherever it is known: a partner page we read,
 * or an imported backlink export (Search Console, Ahrefs, Semrush). Rules
 * take both alike; the source goes into the evidence.
 */
export const LinkToUsSchema = z.object( {
	/** `siteKey` of the linking site. */
	domain: z.string().min( 1 ).max( 260 ),
	/** The linking page, when known (exports of referring domains may lack it). */
	pageUrl: z.string().max( 2048 ).nullable(),
	source: z.enum( [ 'partner-page', 'imported' ] ),
	/** The export it came from ("gsc", "ahrefs", "semrush"), for imported links. */
	via: z.string().max( 40 ).nullable().default( null ),
	/** When the export last saw the link (yyyy-mm-dd), when it says. */
	lastSeen: z.string().max( 40 ).nullable().default( null ),
} );
export type LinkToUs = z.infer< typeof LinkToUsSchema >;
export type LinkToUsInput = z.input< typeof LinkToUsSchema >;

/** How sure a graph finding is: it accuses, so it says so. */
export const GraphConfidenceSchema = z.enum( [ 'low', 'medium', 'high' ] );
export type GraphConfidence = z.infer< typeof GraphConfidenceSchema >;

/**
 * One hop of a chain: `from` links to `to`, seen on `pageUrl` (null when
 * an export named only the domain), by `source`.
 */
export const GraphHopSchema = z.object( {
	from: z.string().max( 260 ),
	to: z.string().max( 260 ),
	pageUrl: z.string().max( 2048 ).nullable(),
	source: z.enum( [ 'our-link', 'partner-page', 'imported' ] ),
	/** When an export last saw this link (yyyy-mm-dd), for imported hops. */
	lastSeen: z.string().max( 40 ).nullable().optional(),
	/**
	 * Last seen more than STALE_HOP_MONTHS ago (core/graph/hop-age.ts): the
	 * link may be gone, and the ring counts less.
	 */
	stale: z.boolean().optional(),
} );
export type GraphHop = z.infer< typeof GraphHopSchema >;

/** A ring through us: us → B → C (→ D) → us, B not linking to us itself. */
export const RingSchema = z.object( {
	/** The sites in order, starting and ending with us. */
	sites: z.array( z.string().max( 260 ) ).min( 4 ).max( 5 ),
	hops: z.array( GraphHopSchema ).min( 3 ).max( 4 ),
	confidence: GraphConfidenceSchema,
} );
export type Ring = z.infer< typeof RingSchema >;

/** Members of a group finding are listed up to this many (with the true count). */
export const MAX_GROUP_MEMBERS = 20;
/** Shared domains of a footprint listed up to this many. */
export const MAX_FOOTPRINT_DOMAINS = 10;

/** Our partners that link to each other as well as to us. */
export const NetworkSchema = z.object( {
	/** Partners in the group (siteKeys), sorted. */
	members: z.array( z.string().max( 260 ) ).max( MAX_GROUP_MEMBERS ),
	memberCount: z.number().int().min( 2 ),
	/** Links between members (partner-to-partner edges), a few as evidence. */
	hops: z.array( GraphHopSchema ).max( MAX_GROUP_MEMBERS ),
	edgeCount: z.number().int().nonnegative(),
	confidence: GraphConfidenceSchema,
} );
export type Network = z.infer< typeof NetworkSchema >;

/** Partners whose pages link to the same set of otherwise unrelated sites. */
export const FootprintSchema = z.object( {
	members: z.array( z.string().max( 260 ) ).max( MAX_GROUP_MEMBERS ),
	memberCount: z.number().int().min( 2 ),
	/** The sites they all link to. */
	shared: z.array( z.string().max( 260 ) ).max( MAX_FOOTPRINT_DOMAINS ),
	sharedCount: z.number().int().positive(),
	/** One page per member linking to the shared sites. */
	pages: z.array( z.string().max( 2048 ) ).max( MAX_GROUP_MEMBERS ),
	confidence: GraphConfidenceSchema,
} );
export type Footprint = z.infer< typeof FootprintSchema >;

/** Rings kept per partner (the most certain first). */
export const MAX_RINGS_PER_PARTNER = 3;

/**
 * What the graph says about one partner, attached to its check result
 * (`BacklinkResult.graph`) when the service answers, so the editor, the
 * server-side lock, `rlg check` and the report judge it the same way.
 */
export const PartnerGraphFactsSchema = z.object( {
	rings: z.array( RingSchema ).max( MAX_RINGS_PER_PARTNER ),
	network: NetworkSchema.nullable(),
	footprint: FootprintSchema.nullable(),
} );
export type PartnerGraphFacts = z.infer< typeof PartnerGraphFactsSchema >;
