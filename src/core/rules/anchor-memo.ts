/**
 * Our anchors' analyses remembered across evaluations of one post (issue
 * 20). The editor evaluates the post again for every batch of check
 * results; a link's anchor analysis depends only on its text and target,
 * the partner's page (its keywords and names), the keywords and the
 * settings, and for most links none of these changed since the last
 * evaluation. Keyed by the link object itself: a post whose links were
 * read again gets new objects, and the old entries go with the old links.
 */
import type { AnchorAnalysis } from '../anchors';
import type { ExtractedLink, PageFacts } from '../schemas';
import type { Settings } from '../settings';

export interface AnchorMemo {
	/**
	 * The analysis of `link`'s anchor: the remembered one when the link was
	 * last analysed with this page, keywords and settings, else `compute()`.
	 */
	of: (
		link: ExtractedLink,
		page: PageFacts | null,
		keywords: readonly string[],
		settings: Settings,
		compute: () => AnchorAnalysis
	) => AnchorAnalysis;
}

interface Entry {
	href: string;
	text: string;
	isImage: boolean;
	page: PageFacts | null;
	keywords: string;
	settings: Settings;
	anchor: AnchorAnalysis;
}

export function createAnchorMemo(): AnchorMemo {
	const entries = new WeakMap< ExtractedLink, Entry >();
	// The keywords of consecutive calls are usually the same array.
	let lastKeywords: readonly string[] | null = null;
	let lastKey = '';
	const keyOf = ( keywords: readonly string[] ) => {
		if ( keywords !== lastKeywords ) {
			lastKeywords = keywords;
			lastKey = keywords.join( '\u0000' );
		}
		return lastKey;
	};
	return {
		of( link, page, keywords, settings, compute ) {
			const key = keyOf( keywords );
			const entry = entries.get( link );
			if (
				entry &&
				entry.page === page &&
				entry.settings === settings &&
				entry.keywords === key &&
				entry.href === link.href &&
				entry.text === link.text &&
				entry.isImage === link.isImage
			) {
				return entry.anchor;
			}
			const anchor = compute();
			entries.set( link, {
				href: link.href,
				text: link.text,
				isImage: link.isImage,
				page,
				keywords: key,
				settings,
				anchor,
			} );
			return anchor;
		},
	};
}
