/**
 * The storage interface of the service. Callers (the check service, the
 * HTTP API, the CLI) only ever see this: the SQLite implementation is one
 * of possibly several, so every method is asynchronous even though
 * better-sqlite3 answers synchronously; a server database can be added
 * behind the same shape without touching a caller.
 */
import type { PartnerPage } from '../../core/graph/schemas';
import type { BacklinkResult, BacklinkStatus } from '../../core/schemas';
import type { Settings } from '../../core/settings';
import type { BacklinkStore } from './backlink-types';
import type { ScanStore } from './scan-types';

/** A site that may call the service, with the key its requests are signed with. */
export interface SiteRecord {
	id: number;
	/** Home URL as registered (normalised). */
	url: string;
	/** Identity used for lookups: `urlKey( url )`, so http/https and www. match. */
	siteKey: string;
	/**
	 * The HMAC key. Stored as-is because the service must compute the same
	 * HMAC as the client: whoever can read the data directory can sign as
	 * this site, so the directory is as secret as the keys themselves.
	 * Null for a site known only from `rlg check` runs: it cannot sign.
	 */
	secret: string | null;
	/** Other URLs and domains of the same site (old domain, staging). */
	alternateUrls: string[];
	/**
	 * May ask for rendered checks (`CheckRequest.rendered`), which start
	 * Chromium on the service machine. Granted by the operator only
	 * (`rlg sites add|set --allow-rendered`); false by default.
	 */
	allowRendered: boolean;
	createdAt: string;
}

export interface SiteIdentity {
	url: string;
	siteKey: string;
}

export interface NewSite extends SiteIdentity {
	secret: string;
	alternateUrls?: string[];
	/** Default false: see SiteRecord.allowRendered. */
	allowRendered?: boolean;
}

/** What the fetcher learnt that a later conditional re-check can reuse. */
export interface Validators {
	etag: string | null;
	lastModified: string | null;
}

/** One check result as it goes into the store. */
export interface CheckRecordInput {
	/** `urlKey( result.target )`: the identity the TTL and history use. */
	targetKey: string;
	/** Registrable domain of the target (the partner), null for IP hosts. */
	domain: string | null;
	/** The homepage of the target was fetched too. */
	withHomepage: boolean;
	/** Its page validators and content hash are stored as columns too. */
	result: BacklinkResult;
}

/** One stored check: a row of the history. */
export interface StoredCheck {
	id: number;
	siteId: number;
	targetKey: string;
	domain: string | null;
	withHomepage: boolean;
	status: BacklinkStatus;
	checkedAt: string;
	/** `checkedAt` in epoch milliseconds, for TTL arithmetic. */
	checkedAtMs: number;
	/** The result exactly as it was returned when it was checked. */
	result: BacklinkResult;
	/** The target page's validators (for conditional re-checks). */
	validators: Validators;
	/** sha256 of the target page's HTML: evidence of what was seen. */
	htmlHash: string | null;
}

export interface HistoryQuery {
	/** Only this target (a `urlKey`). */
	targetKey?: string;
	/** Only targets of this registrable domain. */
	domain?: string;
	/** Newest first; at most this many rows (default 100). */
	limit?: number;
}

/** Site-wide counts the site rules need (see SiteStats in core). */
export interface StoredSiteStats {
	/** Distinct registrable domains the site has had checked. */
	outboundDomains: number;
	/** Domains whose latest result for any of their targets is links-back. */
	reciprocalPartners: number;
	/** Reciprocal partners first seen linking back at or after `since`. */
	newReciprocalPartners: number;
}

/** The settings a site's admin saved: only the fields they set. */
export interface StoredSiteSettings {
	settings: Partial< Settings >;
	updatedAt: string;
}

export interface Store {
	/**
	 * Register a site with its key. A site known only from CLI checks gets
	 * the key (its history is kept); one that has a key already is refused
	 * with ERR_SITE_EXISTS.
	 */
	addSite: ( site: NewSite ) => Promise< SiteRecord >;
	/** The site, created without a key when unknown (for `rlg check`). */
	ensureSite: ( site: SiteIdentity ) => Promise< SiteRecord >;
	/** Look a site up by its `siteKey`. */
	findSite: ( siteKey: string ) => Promise< SiteRecord | null >;
	listSites: () => Promise< SiteRecord[] >;
	/** Replace the site's other URLs; null when the site is unknown. */
	setAlternateUrls: (
		siteKey: string,
		urls: string[]
	) => Promise< SiteRecord | null >;
	/** Grant or withdraw rendered checks; null when the site is unknown. */
	setAllowRendered: (
		siteKey: string,
		allowed: boolean
	) => Promise< SiteRecord | null >;
	/**
	 * Record the nonce of an authentic signed request until `expiresAtMs`.
	 * False when it is already recorded and not yet expired: a replay. Kept
	 * on disk, so a restart does not forget it (see auth/verify.ts).
	 */
	rememberNonce: (
		nonceKey: string,
		expiresAtMs: number,
		nowMs: number
	) => Promise< boolean >;
	/** Removes the site with all its stored results; false when unknown. */
	removeSite: ( siteKey: string ) => Promise< boolean >;
	/** The site's own settings (PUT /v1/site/settings); null before the first. */
	getSiteSettings: ( siteId: number ) => Promise< StoredSiteSettings | null >;
	/** Replace the site's own settings (already validated). */
	setSiteSettings: (
		siteId: number,
		settings: Partial< Settings >
	) => Promise< StoredSiteSettings >;
	/** Sites that have a key, i.e. that can sign requests. */
	countSitesWithKeys: () => Promise< number >;
	/**
	 * A cheap read that touches the stored tables (health checks): rejects
	 * when the database cannot be read.
	 */
	ping: () => Promise< void >;

	/** Append results to the history and make them the latest per target. */
	recordChecks: (
		siteId: number,
		checks: CheckRecordInput[]
	) => Promise< void >;
	/** The latest stored check per requested target key (absent ones are missing). */
	latestChecks: (
		siteId: number,
		targetKeys: string[]
	) => Promise< Map< string, StoredCheck > >;
	/** Every stored check (newest first), for history and evidence. */
	checkHistory: (
		siteId: number,
		query?: HistoryQuery
	) => Promise< StoredCheck[] >;
	siteStats: ( siteId: number, since: Date ) => Promise< StoredSiteStats >;

	/**
	 * Keep partner pages in the site's partner graph (issue 19): one row
	 * per page (`urlKey( pageUrl )`), a newer read replacing the older.
	 * Bounded per site: only the MAX_PARTNER_PAGES_PER_SITE most recently
	 * read pages stay. Each page is validated (PartnerPageSchema).
	 */
	recordPartnerPages: (
		siteId: number,
		pages: PartnerPage[]
	) => Promise< void >;
	/** The site's partner graph: every kept page, most recently read first. */
	partnerPages: ( siteId: number ) => Promise< PartnerPage[] >;
	/**
	 * A token that changes whenever the site's partner graph does: a
	 * partner page recorded or dropped, a backlink import stored, replaced
	 * or removed, by this process or any other on the same database. One
	 * small indexed read, so a process can ask before every check whether
	 * its cached analysis still holds (PartnerGraphCache).
	 */
	graphVersion: ( siteId: number ) => Promise< string >;

	/**
	 * The scan store on the same database (`scan-types.ts`). Close it
	 * before this store; closing this store closes it too on PostgreSQL,
	 * where both share one connection pool.
	 */
	openScanStore: () => ScanStore;

	/**
	 * The imported backlinks on the same database (`backlink-types.ts`).
	 * Close it before this store (on PostgreSQL it uses this store's pool).
	 */
	openBacklinkStore: () => BacklinkStore;

	close: () => Promise< void >;
}
