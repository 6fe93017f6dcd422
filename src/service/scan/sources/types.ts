/**
 * A source reads a site's posts in pages, each page tagged with the cursor
 * that continues after it. The scanner stores that cursor in the same
 * transaction as the page's rows, so a resumed scan asks the source to
 * continue exactly after the last page that was stored.
 */
import type { ScanCursor } from '../../store/scan-types';

/** One post or page of the site as its source returns it. */
export interface SourcePost {
	/** Identity inside the site; stable across scans. */
	sourceKey: string;
	url: string;
	title: string;
	modifiedGmt: string | null;
	html: string;
	/** Base for relative links (the URL after redirects); defaults to `url`. */
	baseUrl?: string;
	/** The HTML is a post body (REST content), not a whole page. */
	fragment: boolean;
}

export interface PostBatch {
	/** Posts to (re-)read: their links replace the stored ones. */
	posts: SourcePost[];
	/** Posts still on the site that did not change: kept as stored. */
	unchanged: string[];
	/** Where to continue after this batch. */
	cursor: ScanCursor;
	/** How many posts the site has, once the source knows. */
	postsTotal: number | null;
	/** Pages that could not be read this time (kept as stored when known). */
	failures: Array< { url: string; status: string; detail: string | null } >;
}

export interface KeyBatch {
	keys: string[];
	cursor: ScanCursor;
}

export interface PostSource {
	/** Every source key of this source starts with it. */
	readonly keyPrefix: string;
	/**
	 * Read posts from `cursor` on ({} = from the start); with
	 * `modifiedAfter`, only those modified since (where the source can tell).
	 */
	readPosts: (
		cursor: ScanCursor,
		modifiedAfter: string | null
	) => AsyncIterable< PostBatch >;
	/**
	 * True when `readPosts` with `modifiedAfter` still reports every post
	 * that exists (as `unchanged`), so no separate listing is needed to find
	 * deleted posts.
	 */
	readonly listsEveryPost: boolean;
	/** Every source key that exists on the site, in pages. */
	listKeys: ( cursor: ScanCursor ) => AsyncIterable< KeyBatch >;
}
