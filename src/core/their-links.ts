/**
 * Their links to us, bounded (issue 16 item 1, issue 15 item 6) and judged
 * one way everywhere (issue 15 item 5).
 *
 * A partner page may hold any number of links to us (a 2 MiB page holds
 * 56,000). A check result keeps at most MAX_KEPT_LINKS of them, chosen so
 * the verdict stays the same: one link of every kind (placement, page,
 * hidden or not, partners section or not, to our homepage or not, followed
 * or not) first, visible in-content links before the rest; and it carries
 * the counts of ALL of them (`linkCounts`), so "showing 50 of 20,000" and
 * "19,999 in the content, 1 in the footer" stay true.
 *
 * Where a link "sits" for a reader of the verdict is `whereOf`: its
 * placement, except that a content link under a partners/blogroll heading
 * sits in a partners section. The boilerplate rule, the editor, the report,
 * the CLI and the HTML report all read it from here, so a link shown "in
 * the content" is never also called boilerplate.
 *
 * Pure: no I/O, bundled into the editor and the service alike.
 */
import { PARTNER_SECTION_WORDS } from './lexicon/anchors';
import type { Backlink, BacklinkResult, LinkCount, Placement } from './schemas';
import { isStopWord, tokenize } from './text';

/** Links to us a result keeps (the counts cover all of them). */
export const MAX_KEPT_LINKS = 50;
/** Characters of a kept link's anchor text (a link may wrap a whole page). */
export const MAX_ANCHOR_CHARS = 300;
/** Characters of a kept link's heading. */
export const MAX_HEADING_CHARS = 200;
/** Characters of a kept URL (href, pageUrl); longer ones are cut. */
export const MAX_URL_CHARS = 2048;
/** Characters of a page's title and H1 in a result. */
export const MAX_TITLE_CHARS = 500;

/** Why a link of theirs counts as site-wide boilerplate. */
export type BoilerplateReason =
	| 'footer'
	| 'sidebar'
	| 'navigation'
	| 'header'
	| 'related'
	| 'tags'
	| 'breadcrumbs'
	| 'share'
	| 'partner-section';

/** Where a link of theirs sits, as every surface names it. */
export type TheirWhere = Placement | 'partner-section';

/**
 * Their placements that are not editorial: site regions that repeat on
 * every page, and the template parts around an article (related teasers,
 * tags and bylines, breadcrumbs, share buttons). Author boxes and comments
 * have findings of their own (author-bio-backlink, comment-backlink).
 */
const BOILERPLATE_PLACEMENTS: ReadonlySet< string > = new Set( [
	'footer',
	'sidebar',
	'navigation',
	'header',
	'related',
	'tags',
	'breadcrumbs',
	'share',
] );

/** A partners-section heading is short: "Onze partners", "Links", "Blogroll". */
const MAX_SECTION_HEADING_WORDS = 4;

/**
 * Whether a heading announces a partners/links section ("Partners",
 * "Onze sponsoren", "Blogroll", "Nuttige links", "Partnerseiten",
 * "Sites amis", "Enlaces de interés"): a short heading (at most four words
 * besides function words) with a partner or link-list word. "How to pick a
 * business partner" is not one.
 */
export function isPartnerSectionHeading( heading: string | null ): boolean {
	if ( ! heading ) {
		return false;
	}
	const words = tokenize( heading ).filter(
		( token ) =>
			! isStopWord( token, null ) || PARTNER_SECTION_WORDS.has( token )
	);
	return (
		words.length > 0 &&
		words.length <= MAX_SECTION_HEADING_WORDS &&
		words.some( ( token ) => PARTNER_SECTION_WORDS.has( token ) )
	);
}

/** Whether a placement repeats on every page (footer, sidebar, navigation, header). */
export function isBoilerplatePlacement( placement: string ): boolean {
	return BOILERPLATE_PLACEMENTS.has( placement );
}

/** Why a link at `placement` under `heading` is boilerplate, or null when editorial. */
export function boilerplateOf(
	placement: string,
	heading: string | null
): BoilerplateReason | null {
	if ( BOILERPLATE_PLACEMENTS.has( placement ) ) {
		return placement as BoilerplateReason;
	}
	return isPartnerSectionHeading( heading ) ? 'partner-section' : null;
}

/** Where a link of theirs sits: its placement, or a partners section of their content. */
export function whereOf(
	link: Pick< Backlink, 'placement' | 'heading' >
): TheirWhere {
	return boilerplateOf( link.placement, link.heading ) === 'partner-section'
		? 'partner-section'
		: link.placement;
}

const UNFOLLOWED_REL = new Set( [ 'nofollow', 'sponsored', 'ugc' ] );

function followed( rel: readonly string[] ): boolean {
	return ! rel.some( ( token ) => UNFOLLOWED_REL.has( token.toLowerCase() ) );
}

/** The values of the dimensions the rules read, one string each. */
function dimensionsOf( link: Backlink ): string[] {
	return [
		`w:${ whereOf( link ) }`,
		`h:${ link.hidden === null ? 0 : 1 }`,
		`p:${ link.foundOn }`,
		`t:${ link.toHomepage ? 1 : 0 }`,
		`f:${ followed( link.rel ) ? 1 : 0 }`,
		`a:${ link.anchorClass }`,
		`s:${ link.seenBy?.join( ',' ) ?? '' }`,
		`r:${ link.viaRedirect ? 1 : 0 }`,
	];
}

/** The kind of a link: links of one kind tell the verdict the same thing. */
function kindOf( link: Backlink ): string {
	return [
		whereOf( link ),
		link.foundOn,
		link.hidden === null ? '' : 'h',
		link.toHomepage ? 'H' : '',
		followed( link.rel ) ? 'f' : '',
		link.anchorClass,
		link.seenBy?.join( ',' ) ?? '',
		link.viaRedirect ? 'r' : '',
	].join( '|' );
}

function clip( text: string, max: number ): string {
	return text.length <= max ? text : `${ text.slice( 0, max - 1 ) }…`;
}

/** A link with its strings cut to the limits above. */
export function clipLink( link: Backlink ): Backlink {
	if (
		link.text.length <= MAX_ANCHOR_CHARS &&
		link.href.length <= MAX_URL_CHARS &&
		link.pageUrl.length <= MAX_URL_CHARS &&
		( link.heading === null || link.heading.length <= MAX_HEADING_CHARS )
	) {
		return link;
	}
	return {
		...link,
		text: clip( link.text, MAX_ANCHOR_CHARS ),
		href: link.href.slice( 0, MAX_URL_CHARS ),
		pageUrl: link.pageUrl.slice( 0, MAX_URL_CHARS ),
		heading:
			link.heading === null
				? null
				: clip( link.heading, MAX_HEADING_CHARS ),
	};
}

/**
 * At most `max` of `links`, in their own order: first the most telling link
 * of every kind (so every placement, hidden link, homepage link, anchor
 * class … is represented), then the most telling of the rest.
 */
export function keepLinks(
	links: readonly Backlink[],
	max: number = MAX_KEPT_LINKS
): Backlink[] {
	if ( links.length <= max ) {
		return [ ...links ];
	}
	// Indexes by rank, stable: the document order breaks ties.
	const order = links.map( ( _link, index ) => index );
	const ranks = links.map( tellingRank );
	order.sort( ( a, b ) => ranks[ a ] - ranks[ b ] || a - b );
	const chosen = new Set< number >();
	// First every value of each dimension a rule asks about (where, hidden,
	// page, our homepage, rel, anchor class, who saw it): at most a few
	// dozen, so a page cannot push its one hidden or footer link out of
	// the kept set by varying everything else.
	const values = new Set< string >();
	for ( const index of order ) {
		if ( chosen.size >= max ) {
			break;
		}
		let adds = false;
		for ( const value of dimensionsOf( links[ index ] ) ) {
			if ( ! values.has( value ) ) {
				values.add( value );
				adds = true;
			}
		}
		if ( adds ) {
			chosen.add( index );
		}
	}
	// Then every combination of them, then the most telling of the rest.
	const kinds = new Set< string >();
	for ( const index of order ) {
		if ( chosen.size >= max ) {
			break;
		}
		const kind = kindOf( links[ index ] );
		if ( ! kinds.has( kind ) ) {
			kinds.add( kind );
			chosen.add( index );
		}
	}
	for ( const index of order ) {
		if ( chosen.size >= max ) {
			break;
		}
		chosen.add( index );
	}
	return [ ...chosen ]
		.sort( ( a, b ) => a - b )
		.map( ( index ) => links[ index ] );
}

function countKey( count: Omit< LinkCount, 'count' > ): string {
	return [
		count.placement,
		count.foundOn,
		count.hidden ? 1 : 0,
		count.partnerSection ? 1 : 0,
		count.toHomepage ? 1 : 0,
		count.followed ? 1 : 0,
	].join( '|' );
}

/** The counts of `links` by kind (placement, page, hidden, section, homepage, followed). */
export function countLinks( links: readonly Backlink[] ): LinkCount[] {
	const byKey = new Map< string, LinkCount >();
	for ( const link of links ) {
		const group = {
			placement: link.placement,
			foundOn: link.foundOn,
			hidden: link.hidden !== null,
			partnerSection: whereOf( link ) === 'partner-section',
			toHomepage: link.toHomepage,
			followed: followed( link.rel ),
		};
		const key = countKey( group );
		const found = byKey.get( key );
		if ( found ) {
			found.count++;
		} else {
			byKey.set( key, { ...group, count: 1 } );
		}
	}
	return [ ...byKey.values() ];
}

/** Counts of several parts added up (kinds merged). */
export function addCounts(
	...parts: ReadonlyArray< readonly LinkCount[] >
): LinkCount[] {
	const byKey = new Map< string, LinkCount >();
	for ( const part of parts ) {
		for ( const count of part ) {
			const key = countKey( count );
			const found = byKey.get( key );
			if ( found ) {
				found.count += count.count;
			} else {
				byKey.set( key, { ...count } );
			}
		}
	}
	return [ ...byKey.values() ];
}

/** The counts of all their links to us in a result (older results: of the links kept). */
export function linkCountsOf(
	result: Pick< BacklinkResult, 'links' | 'linkCounts' >
): LinkCount[] {
	return result.linkCounts ?? countLinks( result.links );
}

/** How many links to us the checked pages held in all. */
export function totalLinks(
	result: Pick< BacklinkResult, 'links' | 'linkCounts' >
): number {
	return result.linkCounts
		? sumCounts( result.linkCounts )
		: result.links.length;
}

/** The sum of counts (optionally only those matching `where`). */
export function sumCounts(
	counts: readonly LinkCount[],
	where: ( count: LinkCount ) => boolean = () => true
): number {
	let sum = 0;
	for ( const count of counts ) {
		if ( where( count ) ) {
			sum += count.count;
		}
	}
	return sum;
}

/** Where a counted kind of link sits (as whereOf). */
export function whereOfCount( count: LinkCount ): TheirWhere {
	return count.partnerSection ? 'partner-section' : count.placement;
}

/**
 * How many links sit where, most first (ties in placement order): the
 * placements of all links, for "in the content × 19,999, footer × 1".
 */
export function placementCounts( counts: readonly LinkCount[] ): WhereCount[] {
	const byWhere = new Map< TheirWhere, WhereCount >();
	for ( const count of counts ) {
		const where = whereOfCount( count );
		const entry = byWhere.get( where ) ?? {
			where,
			count: 0,
			hidden: 0,
			onHomepage: 0,
		};
		entry.count += count.count;
		entry.hidden += count.hidden ? count.count : 0;
		entry.onHomepage += count.foundOn === 'homepage' ? count.count : 0;
		byWhere.set( where, entry );
	}
	return [ ...byWhere.values() ].sort( ( a, b ) => b.count - a.count );
}

/** How many of their links sit in one spot (of them hidden, on their homepage). */
export interface WhereCount {
	where: TheirWhere;
	count: number;
	hidden: number;
	/** Found on their homepage rather than the page we link to. */
	onHomepage: number;
}

/**
 * A result whose links are bounded: at most `max` links (kept by
 * keepLinks), strings clipped, and `linkCounts` of all links (kept as they
 * were when the result already had them). Results without links to us are
 * returned as they are.
 */
export function boundResult< T extends BacklinkResult >(
	result: T,
	max: number = MAX_KEPT_LINKS
): T {
	const page = result.page;
	const longPage =
		page !== null &&
		( page.title.length > MAX_TITLE_CHARS ||
			page.h1.length > MAX_TITLE_CHARS );
	const bounded: T = longPage
		? {
				...result,
				page: {
					...page,
					title: clip( page.title, MAX_TITLE_CHARS ),
					h1: clip( page.h1, MAX_TITLE_CHARS ),
				},
			}
		: result;
	const cloaking = bounded.cloaking;
	const cloakingBounded =
		cloaking &&
		( cloaking.botLinks.length > max || cloaking.browserLinks.length > max )
			? {
					...cloaking,
					botLinks: cloaking.botLinks.slice( 0, max ),
					browserLinks: cloaking.browserLinks.slice( 0, max ),
				}
			: cloaking;
	if ( result.links.length === 0 ) {
		return cloakingBounded === cloaking
			? bounded
			: { ...bounded, cloaking: cloakingBounded };
	}
	return {
		...bounded,
		...( cloakingBounded ? { cloaking: cloakingBounded } : {} ),
		links: keepLinks( result.links, max ).map( clipLink ),
		linkCounts: linkCountsOf( result ),
	};
}

/** Bytes a stored check result may take (JSON, UTF-8). */
export const MAX_STORED_RESULT_BYTES = 128 * 1024;
/** Bytes of a check answer (`/v1/check`, `rlg check --json`) at most. */
export const MAX_CHECK_REPLY_BYTES = 4 * 1024 * 1024;

/**
 * UTF-8 bytes of `text`, as TextEncoder would write them (a lone surrogate
 * as U+FFFD), counted without writing them: sizing every result of a reply
 * this way allocates nothing but the JSON string.
 */
export function utf8Length( text: string ): number {
	let bytes = text.length;
	for ( let i = 0; i < text.length; i++ ) {
		const unit = text.charCodeAt( i );
		if ( unit < 0x80 ) {
			continue;
		}
		if ( unit < 0x800 ) {
			bytes += 1;
		} else if (
			unit >= 0xd800 &&
			unit <= 0xdbff &&
			i + 1 < text.length &&
			text.charCodeAt( i + 1 ) >= 0xdc00 &&
			text.charCodeAt( i + 1 ) <= 0xdfff
		) {
			// A surrogate pair: two units, four bytes.
			bytes += 2;
			i++;
		} else {
			bytes += 2;
		}
	}
	return bytes;
}

/** UTF-8 bytes of a value's JSON. */
export function jsonBytes( value: unknown ): number {
	return utf8Length( JSON.stringify( value ) );
}

/**
 * `result` bounded (boundResult) and, when its JSON is still larger than
 * `maxBytes` (long URLs and anchors on every link), with fewer links kept
 * (the most telling first; never fewer than one while it links back) and
 * at last a shorter text sample. The counts always stay whole.
 */
export function fitResult< T extends BacklinkResult >(
	result: T,
	maxBytes: number
): T {
	return fitSized( result, maxBytes ).fitted;
}

/** fitResult, with the fitted result's JSON size (measured anyway). */
function fitSized< T extends BacklinkResult >(
	result: T,
	maxBytes: number
): { fitted: T; size: number } {
	let fitted = boundResult( result );
	let size = jsonBytes( fitted );
	let keep = fitted.links.length;
	while ( size > maxBytes && keep > 1 ) {
		keep = Math.max( 1, Math.floor( keep / 2 ) );
		fitted = { ...fitted, links: keepLinks( fitted.links, keep ) };
		size = jsonBytes( fitted );
	}
	if ( size > maxBytes && fitted.page && fitted.page.textSample !== '' ) {
		const over = size - maxBytes;
		fitted = {
			...fitted,
			page: {
				...fitted.page,
				textSample: fitted.page.textSample.slice(
					0,
					Math.max( 0, fitted.page.textSample.length - over )
				),
			},
		};
		size = jsonBytes( fitted );
	}
	return { fitted, size };
}

/**
 * Results that together fit in `maxBytes`: each bounded, and when the sum
 * is still larger, each fitted to an equal share of the budget.
 */
export function fitResults< T extends BacklinkResult >(
	results: readonly T[],
	maxBytes: number = MAX_CHECK_REPLY_BYTES
): T[] {
	const sized = results.map( ( result ) =>
		fitSized( result, MAX_STORED_RESULT_BYTES )
	);
	// Commas and brackets: a few bytes per result.
	const total = sized.reduce( ( sum, { size } ) => sum + size + 1, 0 );
	const bounded = sized.map( ( { fitted } ) => fitted );
	if ( total <= maxBytes ) {
		return bounded;
	}
	const share = Math.floor( maxBytes / Math.max( 1, results.length ) ) - 1;
	return bounded.map( ( result ) => fitResult( result, share ) );
}

/**
 * How telling a link is for the verdict, lower first: visible before
 * hidden, on the linked page before their homepage, editorial before
 * boilerplate (footer, sidebar, navigation, header, partners section).
 * The link every surface shows first is the one with the lowest rank.
 */
export function tellingRank(
	link: Pick< Backlink, 'hidden' | 'foundOn' | 'placement' | 'heading' >
): number {
	return (
		( link.hidden === null ? 0 : 4 ) +
		( link.foundOn === 'target-page' ? 0 : 2 ) +
		( boilerplateOf( link.placement, link.heading ) === null ? 0 : 1 )
	);
}

/** The verdict about their side of one result, as every surface shows it. */
export interface TheirVerdict {
	/** Links to us the checked pages held in all. */
	total: number;
	/** The links kept, most telling first (the first is `primary`). */
	shown: Backlink[];
	/** The link that best shows where they link to us. */
	primary: Backlink | null;
	/** Where ALL their links sit, most first. */
	placements: WhereCount[];
}

/**
 * Their side of a result, computed once here and only worded by the
 * editor, the report, the CLI and the HTML report: the true total, where
 * all links sit, and the kept links with the most telling first.
 */
export function theirVerdict(
	result: Pick< BacklinkResult, 'links' | 'linkCounts' >
): TheirVerdict {
	const ranks = new Map< Backlink, number >();
	for ( const link of result.links ) {
		ranks.set( link, tellingRank( link ) );
	}
	const shown = [ ...result.links ].sort(
		( a, b ) => ( ranks.get( a ) ?? 0 ) - ( ranks.get( b ) ?? 0 )
	);
	return {
		total: totalLinks( result ),
		shown,
		primary: shown[ 0 ] ?? null,
		placements: placementCounts( linkCountsOf( result ) ),
	};
}

/** A link as the report rows carry it (TheirLink in report.ts). */
interface RowLink {
	placement: Placement;
	where?: TheirWhere;
	hidden: string | null;
	foundOn: Backlink[ 'foundOn' ];
}

/**
 * The totals of a report row (PartnerRow: their links kept, and the counts
 * of all of them when the row has them), as theirVerdict gives a result's.
 */
export function rowVerdict( row: {
	theirLinks: readonly RowLink[];
	theirCounts?: readonly LinkCount[];
} ): Pick< TheirVerdict, 'total' | 'placements' > {
	if ( row.theirCounts ) {
		return {
			total: sumCounts( row.theirCounts ),
			placements: placementCounts( row.theirCounts ),
		};
	}
	const byWhere = new Map< TheirWhere, WhereCount >();
	for ( const link of row.theirLinks ) {
		const where = link.where ?? link.placement;
		const entry = byWhere.get( where ) ?? {
			where,
			count: 0,
			hidden: 0,
			onHomepage: 0,
		};
		entry.count++;
		entry.hidden += link.hidden === null ? 0 : 1;
		entry.onHomepage += link.foundOn === 'homepage' ? 1 : 0;
		byWhere.set( where, entry );
	}
	return {
		total: row.theirLinks.length,
		placements: [ ...byWhere.values() ].sort(
			( a, b ) => b.count - a.count
		),
	};
}
