/**
 * Comparing what two fetches of one partner page saw (issue 9): the links
 * to us, each as "href rel" so a link turned nofollow for bots differs as
 * much as a link that is gone.
 */
import type { Backlink, ExtractedLink, SeenBy } from '../../core/schemas';

/** rel tokens that change what a link passes on; others (noopener) do not. */
const WEIGHTY_REL = new Set( [ 'nofollow', 'sponsored', 'ugc' ] );

/** "https://our.site/ follow" or "https://our.site/ nofollow,sponsored". */
export function comparisonKey( link: Pick< ExtractedLink, 'href' | 'rel' > ) {
	const rel = link.rel.filter( ( token ) => WEIGHTY_REL.has( token ) );
	return `${ link.href } ${
		rel.length > 0 ? [ ...new Set( rel ) ].sort().join( ',' ) : 'follow'
	}`;
}

export interface Comparison {
	botLinks: string[];
	browserLinks: string[];
	differs: boolean;
}

function uniqueSorted( keys: string[] ): string[] {
	return [ ...new Set( keys ) ].sort();
}

export function compareLinks(
	bot: ReadonlyArray< Pick< ExtractedLink, 'href' | 'rel' > >,
	browser: ReadonlyArray< Pick< ExtractedLink, 'href' | 'rel' > >
): Comparison {
	const botLinks = uniqueSorted( bot.map( comparisonKey ) );
	const browserLinks = uniqueSorted( browser.map( comparisonKey ) );
	return {
		botLinks,
		browserLinks,
		differs: botLinks.join( '\n' ) !== browserLinks.join( '\n' ),
	};
}

/** `links` with `method` added to seenBy where the other fetch saw it too. */
export function markSeenBy(
	links: Backlink[],
	seen: ReadonlySet< string >,
	method: SeenBy
): Backlink[] {
	return links.map( ( link ) => {
		const seenBy = link.seenBy ?? [ 'http' ];
		return link.foundOn === 'target-page' &&
			seen.has( comparisonKey( link ) ) &&
			! seenBy.includes( method )
			? { ...link, seenBy: [ ...seenBy, method ] }
			: { ...link, seenBy };
	} );
}
