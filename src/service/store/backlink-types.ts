/**
 * Imported backlinks (issue 19): the backlink exports an admin imported
 * (Search Console, Ahrefs, Semrush), for our own site and for competitors,
 * kept per site so the report can show reciprocity from both directions
 * and Link Intersect, and the graph rules can see "X links to us" edges no
 * partner page showed.
 *
 * A new import of the same owner and format replaces the previous one
 * whole: an export is a snapshot of what the tool knows now, and two
 * snapshots of one tool merged would keep links it has since seen removed.
 */
import type {
	BacklinkExportFormat,
	BacklinkExportVariant,
	ExportEncoding,
	ImportedBacklink,
	SkipReason,
	SkippedRow,
} from '../../core/backlink-import';

/** Competitor domains one site may import exports for. */
export const MAX_COMPETITORS_PER_SITE = 10;
/** Referring domains one query answers at most. */
export const MAX_REFERRING_DOMAINS = 5000;

/** Whose backlinks an import lists: ours (`''`) or a competitor's `siteKey`. */
export type ImportOwner = string;

export interface NewBacklinkImport {
	/** `''` for our own site, else the competitor's `siteKey`. */
	owner: ImportOwner;
	format: BacklinkExportFormat;
	variant: BacklinkExportVariant;
	label: string;
	/** The file's name as uploaded (clipped), for the person reading the list. */
	fileName: string;
	encoding: ExportEncoding;
	rowsRead: number;
	domains: number;
	skippedTotal: number;
	skippedByReason: Partial< Record< SkipReason, number > >;
	/** The first skipped rows (at most MAX_LISTED_SKIPS). */
	skipped: SkippedRow[];
	backlinks: ImportedBacklink[];
}

/** One stored import, without its rows. */
export interface BacklinkImportRecord extends Omit<
	NewBacklinkImport,
	'backlinks'
> {
	id: number;
	siteId: number;
	importedAt: string;
	/** Backlinks kept (rows read less rows skipped). */
	backlinks: number;
}

/** A site linking to an owner, summed over that owner's imports. */
export interface ReferringDomain {
	owner: ImportOwner;
	/** `siteKey` of the linking site. */
	domain: string;
	/** Imported rows from it (links, or one per "top linking sites" row). */
	links: number;
	/** One linking page, when an export named pages (the smallest URL). */
	samplePage: string | null;
	/** An anchor it used, when an export named anchors. */
	sampleAnchor: string | null;
	/** Every imported link from it is nofollow/ugc/sponsored. */
	allQualified: boolean;
	/** The formats that listed it ("ahrefs", "gsc", "semrush"), sorted. */
	formats: BacklinkExportFormat[];
	/** Latest last-seen / last-crawled date (yyyy-mm-dd), when known. */
	lastSeen: string | null;
}

export interface ReferringDomainQuery {
	/** Only this owner (`''` = ours); all owners when absent. */
	owner?: ImportOwner;
	/** At most this many, domain order (default MAX_REFERRING_DOMAINS). */
	limit?: number;
}

export interface BacklinkStore {
	/**
	 * Store an import, replacing the previous one of the same owner and
	 * format (one transaction: the old rows or the new, never a mix).
	 * ERR_TOO_MANY_COMPETITORS when it would be the site's eleventh
	 * competitor.
	 */
	replaceImport: (
		siteId: number,
		input: NewBacklinkImport
	) => Promise< BacklinkImportRecord >;
	/** The site's imports, ours first, then competitors by domain, then format. */
	listImports: ( siteId: number ) => Promise< BacklinkImportRecord[] >;
	/** Delete one import with its rows; false when the site has no such import. */
	removeImport: ( siteId: number, importId: number ) => Promise< boolean >;
	/** Linking sites per owner, in (owner, domain) order. */
	referringDomains: (
		siteId: number,
		query?: ReferringDomainQuery
	) => Promise< ReferringDomain[] >;
	close: () => Promise< void >;
}
