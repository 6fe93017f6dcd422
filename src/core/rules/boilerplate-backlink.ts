/**
 * `boilerplate-backlink`: their link to us sits in their footer, sidebar,
 * navigation or header (site-wide: it repeats on every page), or in a
 * partners/blogroll section of their page. Search engines discount such
 * links at best and read them as an exchange at worst.
 *
 * Warning; critical when its anchor is a keyword (exact- or partial-match:
 * a site-wide keyword link) or when our link is in a footer-like spot too
 * (a footer swap).
 */
import type { Finding } from '../findings';
import {
	isBoilerplatePlacement,
	linkCountsOf,
	sumCounts,
	totalLinks,
	whereOf,
} from '../their-links';
import { boilerplateBacklink } from './facts';
import type { PostFacts, PostRule } from './types';

export const boilerplateBacklinkRule: PostRule = (
	facts: PostFacts
): Finding[] => {
	const findings: Finding[] = [];
	for ( const f of facts.links ) {
		const theirs = f.firstForTarget ? boilerplateBacklink( f ) : null;
		if ( ! theirs ) {
			continue;
		}
		const keyword =
			theirs.anchor.anchorClass === 'exact-match' ||
			theirs.anchor.anchorClass === 'partial-match';
		// Counted over ALL their links, not only the ones the result keeps.
		const result = f.result ?? { links: f.theirs.map( ( t ) => t.link ) };
		const count = sumCounts(
			linkCountsOf( result ),
			( c ) => c.partnerSection || isBoilerplatePlacement( c.placement )
		);
		findings.push( {
			code: 'boilerplate-backlink',
			severity: keyword || f.footerSpot ? 'critical' : 'warning',
			linkUrl: f.href,
			params: {
				placement: theirs.link.placement,
				/** Where the link sits as every surface names it (their-links.ts). */
				where: whereOf( theirs.link ),
				reason: theirs.boilerplate,
				/** Their links to us in boilerplate, and in all (all links, not the kept ones). */
				count,
				total: totalLinks( result ),
				section:
					theirs.boilerplate === 'partner-section'
						? theirs.link.heading
						: null,
				foundOn: theirs.link.foundOn,
				pageUrl: theirs.link.pageUrl,
				anchor: theirs.link.text,
				anchorClass: theirs.anchor.anchorClass,
			},
		} );
	}
	return findings;
};
