/**
 * Shapes shared by the editor's store, hooks and components. Everything
 * here is plain data: it is what the store holds and what the pure helpers
 * in links/ and analysis/ take and return.
 */
import type {
	BacklinkResult,
	BacklinkStatus,
	ExtractedLink,
	Finding,
	Severity,
	Settings,
} from '../core';

/** Site-wide counts the site rules need (mirrors core's SiteStats). */
export interface EditorSiteStats {
	outboundDomains: number;
	reciprocalPartners: number;
	newReciprocalPartners: number;
}

/** What GET /reciprocal-link-guard/v1/context tells the editor. */
export interface EditorContext {
	settings: Settings;
	/** Every URL our site answers on (home URL first). */
	siteUrls: string[];
	/** Admin URL of the plugin's settings page. */
	settingsUrl: string;
	/** A service URL and key are set; false means "never checks reciprocity". */
	serviceConfigured: boolean;
	/** Site-wide counts, or null when the service could not say. */
	siteStats: EditorSiteStats | null;
	/** Why WordPress could not reach the service when it built the context. */
	serviceError: EditorError | null;
	/** The current user may publish despite a blocking finding, with a reason. */
	canOverride: boolean;
}

/** A failure with a stable code and a sentence (REST error or client-side). */
export interface EditorError {
	code: string;
	message: string;
	/** HTTP status of a failed REST request, when there was one. */
	status?: number;
	/** The service's own error code (ERR_…) behind a proxied error. */
	serviceCode?: string;
	/** Seconds to wait before asking again (a 429's `data.retryAfter`). */
	retryAfterSeconds?: number;
}

/**
 * One link of the post being edited, tied to the block it sits in.
 * `link` is what the core extractor saw in the whole post (so position,
 * list and heading context are post-wide); the rest is editor-only.
 */
export interface EditorLink {
	/** Stable within one analysis: block clientId + occurrence index. */
	id: string;
	clientId: string | null;
	blockName: string | null;
	/** urlKey() of the normalised href: the identity used for checks. */
	key: string;
	/** Partner domain (registrable domain, or host when there is none). */
	domain: string;
	/** The href exactly as written in the block, for canvas selectors. */
	rawHrefs: string[];
	external: boolean;
	link: ExtractedLink;
	/**
	 * The synced pattern the link comes from: `clientId` is then the pattern
	 * instance, and the link can only be changed by editing the pattern.
	 */
	syncedPattern?: SyncedPatternRef;
}

/** A synced pattern (`core/block` → its `wp_block` post). */
export interface SyncedPatternRef {
	ref: number;
	/** The pattern's title ('' when it has none or is not loaded). */
	title: string;
}

/** A synced pattern instance whose links are not (yet) known. */
export interface SyncedPatternNote extends SyncedPatternRef {
	clientId: string;
	state: 'loading' | 'unavailable';
}

/** The life of one check request for a target. */
export type CheckEntry =
	| { state: 'checking'; url: string }
	| { state: 'done'; url: string; result: BacklinkResult }
	| {
			state: 'failed';
			url: string;
			error: EditorError;
			/**
			 * The service could not be reached (after retries): the partner
			 * was never checked, which says nothing about the partner.
			 */
			serviceWide?: boolean;
	  };

/** What the sidebar shows as a link's status. */
export type LinkStatus =
	| { kind: 'internal' }
	| { kind: 'waiting' }
	| { kind: 'checking' }
	| { kind: 'links-back'; result: BacklinkResult }
	| { kind: 'no-link'; result: BacklinkResult }
	| {
			kind: 'could-not-check';
			reason: BacklinkStatus | 'service-error';
			detail: string;
	  }
	| {
			kind: 'not-checked';
			/** No service configured, or the service did not answer. */
			why: 'no-service' | 'service-down';
	  };

/** One result of running the core rules over the post. */
export interface Analysis {
	links: EditorLink[];
	findings: Finding[];
	/** Findings from the site-wide rules (too many partners, velocity). */
	siteFindings: Finding[];
	/** The core rules threw: the sentence to show instead of findings. */
	error: string | null;
	/** Synced patterns in the post whose links could not be read (yet). */
	syncedPatterns?: SyncedPatternNote[];
	/**
	 * The store's check entries the findings were computed from (the same
	 * object): the analysis runs a moment after results land, and views or
	 * tests that need findings for the latest results compare this.
	 */
	checks?: Readonly< Record< string, CheckEntry > >;
}

export type CheckState = 'pass' | 'not-checked' | Severity;
