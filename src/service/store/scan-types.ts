/**
 * Storage of the site scan and its report: the site's link graph (post →
 * outbound link rows), the scans with their resumable progress, the
 * materialised partner rows the report pages through, and the relationship
 * log. Like `Store`, every method is asynchronous so that a server database
 * can be put behind the same shape without touching a caller.
 */
import type {
	Alert,
	Finding,
	PartnerLogEntry,
	PartnerLogRequest,
	PartnerRow,
	ReportQuery,
	ScanSource,
	ScanState,
	ScanStatus,
} from '../../core';
import type { ExtractedLink, Placement } from '../../core/schemas';
import type { LinkCursor, PartnerCursor, PartnerListQuery } from './scan-rows';

/** Which part of its work a scan is in; stored so a resumed scan continues there. */
export type ScanPhase =
	/** Reading changed posts from the source. */
	| 'posts'
	/** Listing every post id / URL still on the site, to drop deleted ones. */
	| 'keys'
	/** Checking every partner target for a link back. */
	| 'partners'
	/** Computing findings and the partner rows. */
	| 'report'
	| 'done';

/**
 * Where a scan is inside its phase. Opaque to the store: the source that
 * wrote it reads it back (a REST page number, a sitemap position, …).
 */
export type ScanCursor = Record< string, string | number | boolean | null >;

export interface ScanRecord extends ScanStatus {
	siteId: number;
	sitemapUrl: string | null;
	full: boolean;
	/** Only posts modified after this were read (null: every post). */
	modifiedAfter: string | null;
	phase: ScanPhase;
	cursor: ScanCursor;
	postsRemoved: number;
	/** Process id of the process running (or that last ran) the scan. */
	ownerPid: number | null;
	/** Last progress write, epoch ms. */
	heartbeatMs: number | null;
	/**
	 * Fencing token: 1 when created, one more on every `claimScan`. The
	 * writes of a scan job pass the attempt they run as, and a write whose
	 * attempt is no longer the scan's is refused (ERR_SCAN_TAKEN_OVER), so
	 * a worker that wakes after its queue job expired and was handed to
	 * another cannot overwrite its successor's progress.
	 */
	attempt: number;
}

export interface NewScan {
	siteId: number;
	site: string;
	source: ScanSource;
	sitemapUrl: string | null;
	full: boolean;
	modifiedAfter: string | null;
	ownerPid: number;
}

/** One post or page as read from the site, with its outbound links. */
export interface ScannedPost {
	/** Identity inside the site: `wp:post:12`, `wp:page:3`, `url:<urlKey>`. */
	sourceKey: string;
	url: string;
	title: string;
	/** Last modification as the source reports it (GMT ISO), when it does. */
	modifiedGmt: string | null;
	/** The start of the post's text, for relevance and the rules. */
	textSample: string;
	/** External links only; internal links are not part of the graph. */
	links: Array< { targetKey: string; domain: string; link: ExtractedLink } >;
}

/** The progress a batch of work moves a scan to, written with the batch. */
export interface ScanProgress {
	phase?: ScanPhase;
	cursor?: ScanCursor;
	postsRead?: number;
	postsTotal?: number | null;
	postsRemoved?: number;
	partnersChecked?: number;
	partnersTotal?: number;
}

/** A distinct external URL of the link graph, with an anchor of ours to it. */
export interface GraphTarget {
	targetKey: string;
	href: string;
	domain: string;
	anchorText: string;
}

export interface GraphPost {
	id: number;
	url: string;
	title: string;
	textSample: string;
	links: Array< { targetKey: string; domain: string; link: ExtractedLink } >;
}

/** What the report shows of a partner, materialised after each scan. */
export interface PartnerRecord {
	row: PartnerRow;
	/** When the partner first linked back to us (null: never seen). */
	reciprocalSince: string | null;
	/** Placements of their links to us (filter facet). */
	theirPlacements: Placement[];
}

export interface StoredPostFinding {
	domain: string | null;
	finding: Finding;
}

export interface ScanStore {
	createScan: ( scan: NewScan ) => Promise< ScanRecord >;
	getScan: ( id: number ) => Promise< ScanRecord | null >;
	/** The newest scan of a site, whatever its state. */
	latestScan: ( siteId: number ) => Promise< ScanRecord | null >;
	/** The newest scan of a site that finished (`done`). */
	lastCompletedScan: (
		siteId: number,
		source?: ScanSource
	) => Promise< ScanRecord | null >;
	/** A scan of the site that has not finished (running/interrupted/queued). */
	unfinishedScan: ( siteId: number ) => Promise< ScanRecord | null >;
	/**
	 * Every write below that takes an `attempt` is fenced when one is given:
	 * it happens only while the scan's attempt is still that one, else it
	 * throws ERR_SCAN_TAKEN_OVER and writes nothing (the whole transaction
	 * of a batch is refused). A scan job always passes its attempt.
	 */
	setScanState: (
		id: number,
		state: ScanState,
		error?: string | null,
		attempt?: number
	) => Promise< ScanRecord >;
	/**
	 * Take the scan over for this process (state running, owner = us) as
	 * its next attempt: writes fenced with an earlier attempt are refused
	 * from now on.
	 */
	claimScan: ( id: number, ownerPid: number ) => Promise< ScanRecord >;
	/** Record progress without other writes (e.g. the partner phase). */
	saveProgress: (
		id: number,
		progress: ScanProgress,
		attempt?: number
	) => Promise< void >;

	/**
	 * Write a page of posts in one transaction: upsert each post, replace
	 * its links, mark it (and the `unchanged` ones) seen by this scan, and
	 * move the scan's progress.
	 */
	savePosts: (
		scanId: number,
		posts: ScannedPost[],
		unchanged: string[],
		progress: ScanProgress,
		attempt?: number
	) => Promise< void >;
	/** Mark posts still present on the site as seen by this scan (no re-read). */
	markSeen: (
		scanId: number,
		sourceKeys: string[],
		progress: ScanProgress,
		attempt?: number
	) => Promise< void >;
	/** Source keys among `sourceKeys` already stored for the site. */
	knownPosts: (
		siteId: number,
		sourceKeys: string[]
	) => Promise< Set< string > >;
	/**
	 * Drop posts (and their links) of the site that this scan did not see,
	 * among those whose source key starts with `prefix`. Returns how many.
	 */
	dropUnseenPosts: (
		scanId: number,
		prefix: string,
		progress: ScanProgress,
		attempt?: number
	) => Promise< number >;

	countTargets: ( siteId: number ) => Promise< number >;
	/** Distinct targets of the graph in key order, after `afterKey`. */
	listTargets: (
		siteId: number,
		afterKey: string,
		limit: number
	) => Promise< GraphTarget[] >;
	/** Posts with their links in id order, after `afterId`. */
	listPosts: (
		siteId: number,
		afterId: number,
		limit: number
	) => Promise< GraphPost[] >;
	/** Partner domains of the graph with the keys of their targets. */
	listPartnerDomains: (
		siteId: number,
		afterDomain: string,
		limit: number
	) => Promise<
		Array< {
			domain: string;
			targetKeys: string[];
			ourPosts: number;
			ourLinks: number;
		} >
	>;
	/**
	 * Every link of ours to the domain, with the post it is in, in post
	 * order; with `posts`, only those of the first `posts` posts linking
	 * there (a partner linked from every post of a 100,000-post site would
	 * otherwise bring 100,000 posts' texts into memory at once).
	 */
	linksToDomain: (
		siteId: number,
		domain: string,
		options?: { posts?: number }
	) => Promise<
		Array< {
			postUrl: string;
			postTitle: string;
			postText: string;
			link: ExtractedLink;
		} >
	>;

	/**
	 * One keyset page of our links to the domain, in post order then
	 * position in the post (the order of `linksToDomain`): at most `limit`
	 * after `after` (null: from the first), each with its position as the
	 * next page's cursor. A partner linked from every post of a big site is
	 * read a page at a time.
	 */
	linksToDomainAfter: (
		siteId: number,
		domain: string,
		after: LinkCursor | null,
		limit: number
	) => Promise<
		Array< {
			postId: number;
			seq: number;
			postUrl: string;
			postTitle: string;
			link: ExtractedLink;
		} >
	>;

	/** Replace the stored findings of a batch of posts. */
	replacePostFindings: (
		siteId: number,
		findings: Map< number, StoredPostFinding[] >
	) => Promise< void >;
	/**
	 * The findings of the posts linking to the domain, the first of each
	 * code and severity (in post order): what a partner row shows, however
	 * many posts link there.
	 */
	postFindingsOfDomain: (
		siteId: number,
		domain: string
	) => Promise< Finding[] >;
	replaceSiteFindings: (
		siteId: number,
		findings: Finding[]
	) => Promise< void >;
	/** Findings counted by code and severity (post findings + site findings). */
	findingCounts: ( siteId: number ) => Promise<
		Array< {
			code: Finding[ 'code' ];
			severity: Finding[ 'severity' ];
			count: number;
		} >
	>;

	/** The first time our link to the domain was seen; kept across rebuilds. */
	partnerFirstSeen: (
		siteId: number,
		domains: string[],
		now: string
	) => Promise< Map< string, string > >;
	/** Replace every partner row and alert of the site (after a scan). */
	replacePartners: (
		siteId: number,
		partners: PartnerRecord[],
		alerts: Alert[]
	) => Promise< void >;
	queryPartners: (
		siteId: number,
		query: ReportQuery
	) => Promise< { rows: PartnerRow[]; total: number } >;
	/**
	 * One keyset page of the partner rows matching `query`'s filters, in its
	 * order: at most `limit` rows after `after` (null: from the start). No
	 * OFFSET, so every page costs what the first does, and a reader holds
	 * one page at a time however many partners a site has (exports, the
	 * API's `after` cursor). The next page starts after the last row's
	 * `sortValue` and domain (scan-rows.ts).
	 */
	partnersAfter: (
		siteId: number,
		query: PartnerListQuery,
		after: PartnerCursor | null,
		limit: number
	) => Promise< PartnerRow[] >;
	/** Streams every partner row (for exports) in domain order. */
	allPartners: ( siteId: number ) => AsyncIterable< PartnerRow >;
	getPartner: (
		siteId: number,
		domain: string
	) => Promise< PartnerRow | null >;
	partnerCounts: (
		siteId: number,
		since30: string,
		since90: string
	) => Promise< {
		partnerDomains: number;
		linkingBack: number;
		newPartners30: number;
		newPartners90: number;
	} >;
	listAlerts: ( siteId: number ) => Promise< Alert[] >;

	addLogEntry: (
		siteId: number,
		entry: PartnerLogRequest
	) => Promise< PartnerLogEntry >;
	/** Log entries, newest first; of one domain, or of the whole site. */
	listLog: (
		siteId: number,
		domain?: string
	) => Promise< PartnerLogEntry[] >;

	close: () => Promise< void >;
}
