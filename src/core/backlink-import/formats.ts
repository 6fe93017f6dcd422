/**
 * The export formats we read, recognised by their header row. Column names
 * are matched after folding (lower case, single spaces, no BOM or quotes),
 * so "Referring Page URL" (Ahrefs' older exports) and "Referring page URL"
 * (the current ones) are one column.
 *
 * - Search Console, Links report → "Export external links":
 *   - "Latest links" / "More sample links": `Linking page`, `Last crawled`
 *     (one row per linking page; the target is not in the file);
 *   - "Top linking sites": `Site`, `Linking pages`, `Target pages`
 *     (one row per linking domain);
 *   with the header in the user's interface language (gsc-headers.ts).
 * - Ahrefs Site Explorer → Backlinks → Export: `Referring page URL`,
 *   `Target URL`, `Anchor`, `Nofollow`, `UGC`, `Sponsored`, `First seen`,
 *   `Last seen` (older exports: `Link URL`, `Link Anchor`, `Type`,
 *   `Last Check`); UTF-16LE tab-separated or UTF-8 comma-separated.
 * - Semrush Backlink Analytics → Backlinks → Export CSV: `Source url`,
 *   `Target url`, `Anchor`, `Nofollow`, `Sponsored`, `Ugc`, `First seen`,
 *   `Last seen` (comma- or semicolon-separated).
 */

import { foldText, gscNames } from './gsc-headers';

/** What the user picks (or `auto`). */
export type BacklinkExportFormat = 'gsc' | 'ahrefs' | 'semrush';

/** The variant the header showed. */
export type BacklinkExportVariant =
	| 'gsc-latest-links'
	| 'gsc-top-linking-sites'
	| 'ahrefs-backlinks'
	| 'semrush-backlinks';

/** The fields of one imported row, and the header names each may have. */
export interface FormatSpec {
	format: BacklinkExportFormat;
	variant: BacklinkExportVariant;
	/** What a person calls this export, for messages. */
	label: string;
	/**
	 * Every one of these must be in the header for the variant to match:
	 * each as one of its names (the first is the one messages show).
	 */
	required: string[][];
	/** Field → header names, first present wins. */
	columns: {
		source: string[];
		target?: string[];
		anchor?: string[];
		nofollow?: string[];
		ugc?: string[];
		sponsored?: string[];
		/** Ahrefs' older exports: "dofollow" / "nofollow" in one column. */
		linkType?: string[];
		firstSeen?: string[];
		lastSeen?: string[];
		linkingPages?: string[];
	};
	/** The source column holds a host name, not a page URL. */
	sourceIsSite: boolean;
}

export const FORMAT_SPECS: readonly FormatSpec[] = [
	{
		format: 'ahrefs',
		variant: 'ahrefs-backlinks',
		label: 'Ahrefs backlinks export',
		required: [ [ 'referring page url' ] ],
		columns: {
			source: [ 'referring page url' ],
			target: [ 'target url', 'link url' ],
			anchor: [ 'anchor', 'link anchor' ],
			nofollow: [ 'nofollow' ],
			ugc: [ 'ugc' ],
			sponsored: [ 'sponsored' ],
			linkType: [ 'type' ],
			firstSeen: [ 'first seen' ],
			lastSeen: [ 'last seen', 'last check' ],
		},
		sourceIsSite: false,
	},
	{
		format: 'semrush',
		variant: 'semrush-backlinks',
		label: 'Semrush backlinks export',
		required: [ [ 'source url' ], [ 'target url' ] ],
		columns: {
			source: [ 'source url' ],
			target: [ 'target url' ],
			anchor: [ 'anchor' ],
			nofollow: [ 'nofollow' ],
			ugc: [ 'ugc' ],
			sponsored: [ 'sponsored' ],
			firstSeen: [ 'first seen' ],
			lastSeen: [ 'last seen' ],
		},
		sourceIsSite: false,
	},
	{
		format: 'gsc',
		variant: 'gsc-latest-links',
		label: 'Search Console links export',
		required: [ gscNames( 'linkingPage' ) ],
		columns: {
			source: gscNames( 'linkingPage' ),
			lastSeen: gscNames( 'lastCrawled' ),
		},
		sourceIsSite: false,
	},
	{
		format: 'gsc',
		variant: 'gsc-top-linking-sites',
		label: 'Search Console top linking sites export',
		required: [ gscNames( 'site' ), gscNames( 'linkingPages' ) ],
		columns: {
			source: gscNames( 'site' ),
			linkingPages: gscNames( 'linkingPages' ),
		},
		sourceIsSite: true,
	},
];

/**
 * A header cell as it is compared: folded (lower case, single spaces, no
 * accents), without BOM or stray quotes.
 */
export function foldHeader( cell: string ): string {
	return foldText(
		cell
			.replace( /^\uFEFF/, '' )
			.trim()
			.replace( /^["']+|["']+$/g, '' )
	);
}

/** Every column name some format reads, folded. */
const KNOWN_NAMES = new Set(
	FORMAT_SPECS.flatMap( ( spec ) => Object.values( spec.columns ).flat() )
);

/** Header cells no format knows, as written. */
export function unknownColumns( header: string[] ): string[] {
	return header.filter(
		( cell ) =>
			cell.trim() !== '' && ! KNOWN_NAMES.has( foldHeader( cell ) )
	);
}

const LATEST_LINKS = FORMAT_SPECS.find(
	( spec ) => spec.variant === 'gsc-latest-links'
)!;

/**
 * The variant whose required columns the header has, or null. A header of
 * two columns, one a known "Last crawled", is a "Latest links" export
 * whatever the other is called: its linking-page column's name may be a
 * translation this table lacks, the shape of the file is unmistakable.
 */
export function detectFormat( header: string[] ): FormatSpec | null {
	const folded = header.map( foldHeader );
	const names = new Set( folded );
	const known = FORMAT_SPECS.find( ( spec ) =>
		spec.required.every( ( alternatives ) =>
			alternatives.some( ( name ) => names.has( name ) )
		)
	);
	if ( known ) {
		return known;
	}
	const cells = folded.filter( ( cell ) => cell !== '' );
	const crawled = cells.findIndex( ( cell ) =>
		LATEST_LINKS.columns.lastSeen!.includes( cell )
	);
	if ( cells.length === 2 && crawled === 1 ) {
		return {
			...LATEST_LINKS,
			columns: { source: [ cells[ 0 ] ], lastSeen: [ cells[ 1 ] ] },
		};
	}
	return null;
}

/** "Top linked pages" (our pages with counts) in any language, or false. */
export function isTopLinkedPages( header: string[] ): boolean {
	const names = new Set( header.map( foldHeader ) );
	return (
		gscNames( 'targetPage' ).some( ( name ) => names.has( name ) ) &&
		gscNames( 'incomingLinks' ).some( ( name ) => names.has( name ) )
	);
}
