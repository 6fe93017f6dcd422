/**
 * The links to us of one fetched page, as the check result wants them: each
 * a Backlink (anchor class, homepage or not, where it sits), at most
 * MAX_KEPT_LINKS of them kept, and the counts of all of them.
 *
 * A hostile page holds 56,000 links to us. Building and counting that many
 * Backlinks takes a second or more of CPU, so it runs where the page was
 * analysed: in an analysis worker thread (analysis/analyzer.ts), which then
 * sends back 50 links and the counts instead of 56,000 links for the
 * service's event loop to receive and walk (issue 16: health and every other
 * site's request waited for it). The checker uses the same function in its
 * own thread when it needs every link (the cloaking comparison) or reuses
 * stored links after a 304.
 */
import { classifyAnchor } from '../../core/anchors';
import type { Backlink, ExtractedLink, LinkCount } from '../../core/schemas';
import { countLinks, keepLinks } from '../../core/their-links';
import type { SiteMatcher } from '../../core/url';
import { oursByAuthority } from '../analysis/keep-link';

/** What classifies an anchor (CheckContext's part of it). */
export interface AnchorOptions {
	keywords: string[];
	brandTerms: string[];
	/** Share of keyword words for partial-match (Settings.partialMatchShare). */
	partialMatchShare?: number;
}

/** The links to us of one page: the ones kept and the counts of all. */
export interface LinksOfPage {
	readonly links: Backlink[];
	readonly counts: LinkCount[];
}

/** Every link of `links` to our site (`matcher`) as a Backlink. */
export function toBacklinks(
	links: readonly Pick< ExtractedLink, keyof ExtractedLink >[],
	pageUrl: string,
	foundOn: Backlink[ 'foundOn' ],
	matcher: SiteMatcher,
	anchors: AnchorOptions
): Backlink[] {
	const result: Backlink[] = [];
	const ours = oursByAuthority( matcher );
	// A hostile page repeats one anchor to one URL thousands of times.
	const classes = new Map< string, Backlink[ 'anchorClass' ] >();
	const classOf = ( link: ExtractedLink ) => {
		const key = `${ link.isImage ? 1 : 0 }${ link.href }\n${ link.text }`;
		let anchorClass = classes.get( key );
		if ( anchorClass === undefined ) {
			anchorClass = classifyAnchor( link.text, {
				// The same arrays each time: core caches its keyword index by them.
				keywords: anchors.keywords,
				brandTerms: anchors.brandTerms,
				targetUrl: link.href,
				isImage: link.isImage,
				partialMatchShare: anchors.partialMatchShare,
			} );
			classes.set( key, anchorClass );
		}
		return anchorClass;
	};
	for ( const link of links ) {
		if ( ! ours( link.href ) ) {
			continue;
		}
		result.push( {
			href: link.href,
			text: link.text,
			rel: link.rel,
			placement: link.placement,
			hidden: link.hidden,
			isImage: link.isImage,
			block: link.block,
			heading: link.heading,
			inList: link.inList,
			...( link.contextChars === undefined
				? {}
				: { contextChars: link.contextChars } ),
			position: link.position,
			pageUrl,
			foundOn,
			anchorClass: classOf( link ),
			toHomepage: matcher.isOurHomepage( link.href ),
		} );
	}
	return result;
}

/** The links to us of one fetched page: a few kept, all counted. */
export function linksOfPage(
	links: readonly ExtractedLink[],
	pageUrl: string,
	foundOn: Backlink[ 'foundOn' ],
	matcher: SiteMatcher,
	anchors: AnchorOptions
): LinksOfPage {
	const all = toBacklinks( links, pageUrl, foundOn, matcher, anchors );
	return { links: keepLinks( all ), counts: countLinks( all ) };
}
