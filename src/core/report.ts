/**
 * Messages of the site-wide scan and report (service ↔ WordPress ↔ admin
 * page). Like schemas.ts: zod schemas with inferred types, no I/O.
 */
import { z } from 'zod';
import {
	BacklinkResultSchema,
	BacklinkSchema,
	BacklinkStatusSchema,
	LinkCountSchema,
	PlacementSchema,
	AnchorClassSchema,
} from './schemas';
import { FindingSchema, FindingCodeSchema, SeveritySchema } from './findings';

export const SCAN_SOURCES = [ 'wp-rest', 'sitemap' ] as const;
export const ScanSourceSchema = z.enum( SCAN_SOURCES );
export type ScanSource = z.infer< typeof ScanSourceSchema >;

export const ScanRequestSchema = z.object( {
	/** The site to read; defaults to the signing site. */
	site: z.string().optional(),
	source: ScanSourceSchema.default( 'wp-rest' ),
	/** Sitemap URL when source is `sitemap` (default: <site>/sitemap.xml). */
	sitemapUrl: z.string().optional(),
	/** Read every post again instead of only those modified since the last scan. */
	full: z.boolean().default( false ),
} );
export type ScanRequest = z.infer< typeof ScanRequestSchema >;

export const SCAN_STATES = [
	'queued',
	'running',
	'done',
	'failed',
	'interrupted',
] as const;
export const ScanStateSchema = z.enum( SCAN_STATES );
export type ScanState = z.infer< typeof ScanStateSchema >;

export const ScanStatusSchema = z.object( {
	id: z.number().int(),
	site: z.string(),
	source: ScanSourceSchema,
	state: ScanStateSchema,
	startedAt: z.string(),
	finishedAt: z.string().nullable(),
	postsRead: z.number().int(),
	/** Known once the source says how many there are (X-WP-Total, sitemap size). */
	postsTotal: z.number().int().nullable(),
	partnersChecked: z.number().int(),
	partnersTotal: z.number().int(),
	error: z.string().nullable(),
	/**
	 * An incremental scan reads only the posts modified after this time (the
	 * previous scan's start); null for a scan that reads every post. Absent
	 * from services older than this field.
	 */
	changedSince: z.string().nullable().optional(),
} );
export type ScanStatus = z.infer< typeof ScanStatusSchema >;

/** One link of theirs to us, as the report shows it. */
export const TheirLinkSchema = z.object( {
	pageUrl: z.string(),
	href: z.string(),
	text: z.string(),
	anchorClass: AnchorClassSchema,
	rel: z.array( z.string() ),
	placement: PlacementSchema,
	/**
	 * Where it sits as every surface names it (src/core/their-links.ts
	 * whereOf): the placement, or `partner-section` for a content link
	 * under a partners/blogroll heading. Absent on rows from before it.
	 */
	where: z
		.union( [ PlacementSchema, z.literal( 'partner-section' ) ] )
		.optional(),
	hidden: z.string().nullable(),
	foundOn: z.enum( [ 'target-page', 'homepage' ] ),
	toHomepage: z.boolean(),
	/** Which fetches saw it (issue 9): crawler, browser User-Agent, rendered. */
	seenBy: BacklinkSchema.shape.seenBy,
	/** It points at an alias of ours that redirects to our site. */
	viaRedirect: BacklinkSchema.shape.viaRedirect,
} );
export type TheirLink = z.infer< typeof TheirLinkSchema >;

/** One link of ours to a partner, from the site's link graph. */
export const OurLinkSchema = z.object( {
	postUrl: z.string(),
	postTitle: z.string(),
	href: z.string(),
	text: z.string(),
	rel: z.array( z.string() ),
	placement: PlacementSchema,
} );
export type OurLink = z.infer< typeof OurLinkSchema >;

export const PartnerRowSchema = z.object( {
	/** Registrable domain of the partner. */
	domain: z.string(),
	ourPosts: z.number().int(),
	ourLinks: z.number().int(),
	status: BacklinkStatusSchema.nullable(),
	/** Their links to us, at most MAX_KEPT_LINKS (one of every kind first). */
	theirLinks: z.array( TheirLinkSchema ),
	/**
	 * Counts of ALL their links to us (every target, their homepage once):
	 * "showing 50 of 20,000". Absent on rows from before the cap.
	 */
	theirCounts: z.array( LinkCountSchema ).optional(),
	relevance: z.number().nullable(),
	firstSeen: z.string(),
	lastChecked: z.string().nullable(),
	findings: z.array( FindingSchema ),
	/**
	 * No target links back any more but one did: missing since when, on how
	 * many checks, and whether the removal is confirmed yet (issue 9 grace
	 * period; Settings.removalConfirmChecks / removalConfirmHours).
	 */
	removal: BacklinkResultSchema.shape.removal,
} );
export type PartnerRow = z.infer< typeof PartnerRowSchema >;

export const ALERT_KINDS = [
	'stopped-linking',
	'moved-to-boilerplate',
] as const;
export const AlertSchema = z.object( {
	domain: z.string(),
	kind: z.enum( ALERT_KINDS ),
	since: z.string(),
	/** e.g. the placement it moved to, or the last status. */
	params: z.record(
		z.string(),
		z.union( [ z.string(), z.number(), z.null() ] )
	),
} );
export type Alert = z.infer< typeof AlertSchema >;

export const ReportSummarySchema = z.object( {
	partnerDomains: z.number().int(),
	linkingBack: z.number().int(),
	/** linkingBack / partnerDomains, 0 when there are none. */
	reciprocalShare: z.number(),
	newPartners30: z.number().int(),
	newPartners90: z.number().int(),
	findings: z.array(
		z.object( {
			code: FindingCodeSchema,
			severity: SeveritySchema,
			count: z.number().int(),
		} )
	),
	/** The thresholds the findings were computed with, shown beside them. */
	thresholds: z.record( z.string(), z.union( [ z.number(), z.boolean() ] ) ),
} );
export type ReportSummary = z.infer< typeof ReportSummarySchema >;

export const REPORT_SORT_FIELDS = [
	'domain',
	'ourLinks',
	'status',
	'relevance',
	'firstSeen',
	'lastChecked',
	'findings',
] as const;

export const ReportQuerySchema = z.object( {
	page: z.coerce.number().int().min( 1 ).default( 1 ),
	/** Rows per page: bounded, so no answer carries more than 200 partners. */
	perPage: z.coerce
		.number( { message: 'must be a whole number from 1 to 200' } )
		.int( 'must be a whole number from 1 to 200' )
		.min( 1, 'must be a whole number from 1 to 200' )
		.max( 200, 'must be a whole number from 1 to 200' )
		.default( 25 ),
	search: z.string().max( 200 ).default( '' ),
	status: BacklinkStatusSchema.optional(),
	finding: FindingCodeSchema.optional(),
	placement: PlacementSchema.optional(),
	orderBy: z.enum( REPORT_SORT_FIELDS ).default( 'domain' ),
	order: z.enum( [ 'asc', 'desc' ] ).default( 'asc' ),
	/**
	 * Keyset paging: the `partners.nextCursor` of the previous page; the
	 * page then starts after that row, in the same order and filters
	 * (instead of `page`). Absent: `page` says which page.
	 */
	after: z.string().max( 1000 ).optional(),
} );
export type ReportQuery = z.infer< typeof ReportQuerySchema >;

export const ReportResponseSchema = z.object( {
	site: z.string(),
	generatedAt: z.string(),
	summary: ReportSummarySchema,
	alerts: z.array( AlertSchema ),
	partners: z.object( {
		rows: z.array( PartnerRowSchema ),
		total: z.number().int(),
		page: z.number().int(),
		perPage: z.number().int(),
		/**
		 * `after` for the page that follows this one (same order and
		 * filters); null on the last page. Absent from older services.
		 */
		nextCursor: z.string().nullable().optional(),
	} ),
	lastScan: ScanStatusSchema.nullable(),
} );
export type ReportResponse = z.infer< typeof ReportResponseSchema >;

export const HISTORY_EVENTS = [
	'first-check',
	'appeared',
	'moved',
	'disappeared',
	'unchanged',
	'check-failed',
] as const;

export const PartnerHistoryEntrySchema = z.object( {
	checkedAt: z.string(),
	target: z.string(),
	status: BacklinkStatusSchema,
	event: z.enum( HISTORY_EVENTS ),
	/** A few of the links that check saw (HISTORY_LINKS; one of every kind first). */
	links: z.array( TheirLinkSchema ),
	/** How many links to us that check saw in all. */
	linkTotal: z.number().int().nonnegative().optional(),
	/** The removal grace period as of this check (issue 9). */
	removal: BacklinkResultSchema.shape.removal,
	/** What the check saw, as proof of the verdict (issue 9: evidence). */
	evidence: z
		.object( {
			/** URL after redirects, when a page was fetched. */
			finalUrl: z.string().nullable(),
			httpStatus: z.number().int().nullable(),
			/** sha256 of the fetched HTML. */
			htmlHash: z.string().nullable(),
			/** Why a check failed (timeout, bot wall …), in a sentence. */
			detail: z.string().nullable(),
		} )
		.optional(),
} );
export type PartnerHistoryEntry = z.infer< typeof PartnerHistoryEntrySchema >;

/** Why we link to a partner and what was agreed: written by an editor. */
export const PartnerLogEntrySchema = z.object( {
	id: z.number().int(),
	domain: z.string(),
	author: z.string(),
	createdAt: z.string(),
	note: z.string(),
} );
export type PartnerLogEntry = z.infer< typeof PartnerLogEntrySchema >;

export const PartnerLogRequestSchema = z.object( {
	domain: z.string().min( 1 ).max( 253 ),
	author: z.string().min( 1 ).max( 200 ),
	note: z
		.string()
		.trim()
		.min( 1, 'the note is empty' )
		.max( 10000, 'the note is longer than 10,000 characters' ),
} );
export type PartnerLogRequest = z.infer< typeof PartnerLogRequestSchema >;

/** Most of our links to a partner one detail answer carries. */
export const MAX_LINKS_PER_PAGE = 500;

/** Paging of our links in a partner's detail (`GET /v1/report/partners/:domain`). */
export const PartnerDetailQuerySchema = z.object( {
	/** Our links per answer (default 100). */
	linksPerPage: z.coerce
		.number( { message: 'must be a whole number from 1 to 500' } )
		.int( 'must be a whole number from 1 to 500' )
		.min( 1, 'must be a whole number from 1 to 500' )
		.max( MAX_LINKS_PER_PAGE, 'must be a whole number from 1 to 500' )
		.default( 100 ),
	/** `ourLinksNext` of the previous answer: the links after those. */
	linksAfter: z.string().max( 1000 ).optional(),
} );
export type PartnerDetailQuery = z.infer< typeof PartnerDetailQuerySchema >;

export const PartnerDetailSchema = z.object( {
	partner: PartnerRowSchema,
	/** A page of our links (post order), `linksPerPage` at most. */
	ourLinks: z.array( OurLinkSchema ),
	/** How many links of ours point there in all. Absent from older services. */
	ourLinksTotal: z.number().int().optional(),
	/** `linksAfter` for the next page of our links; null after the last. */
	ourLinksNext: z.string().nullable().optional(),
	history: z.array( PartnerHistoryEntrySchema ),
	log: z.array( PartnerLogEntrySchema ),
} );
export type PartnerDetail = z.infer< typeof PartnerDetailSchema >;

/**
 * What changed since a moment (GET /v1/report/changes?since=): the e-mail
 * digest's content. Alerts confirmed or raised after `since`, and critical
 * findings of partners whose link to us appeared, moved or was first
 * checked after `since` (or that became partners after it).
 */
export const ReportChangesQuerySchema = z.object( {
	since: z
		.string()
		.refine( ( value ) => ! Number.isNaN( Date.parse( value ) ), {
			message: 'must be an ISO 8601 date and time',
		} ),
} );

export const ReportChangesSchema = z.object( {
	site: z.string(),
	since: z.string(),
	/** The service's clock when it answered: the next digest's `since`. */
	until: z.string(),
	alerts: z.array( AlertSchema ),
	criticalFindings: z.array(
		z.object( {
			domain: z.string(),
			/** When the partner's link to us last changed (or it became a partner). */
			since: z.string(),
			finding: FindingSchema,
		} )
	),
} );
export type ReportChanges = z.infer< typeof ReportChangesSchema >;
