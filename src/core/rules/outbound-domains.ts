/**
 * Many distinct outbound domains in one place ("a page with outbound links
 * to 20 unrelated 'partner' sites"):
 *
 * - `many-outbound-domains-block`: one block (a paragraph, or a list counted
 *   as a whole) links to more than `maxOutboundDomainsPerBlock` distinct
 *   external sites. linkUrl is the block's first external link.
 * - `many-outbound-domains-post`: the post links to more than
 *   `maxOutboundDomainsPerPost` distinct external sites. No linkUrl.
 *
 * Sites are counted by registrable domain (siteKey), so three pages of one
 * partner count once; internal links never count. Warning; critical when
 * at least RECIPROCAL_CLUSTER of those domains link back — a list of swaps.
 */
import type { Finding } from '../findings';
import type { LinkFacts, PostFacts, PostRule } from './types';

/** Reciprocal partners in one over-full block or post that make it critical. */
export const RECIPROCAL_CLUSTER = 2;

function summarize( links: LinkFacts[] ): {
	sites: string[];
	reciprocal: number;
} {
	const sites = [ ...new Set( links.map( ( f ) => f.site ) ) ];
	const reciprocal = new Set(
		links.filter( ( f ) => f.reciprocal ).map( ( f ) => f.site )
	).size;
	return { sites, reciprocal };
}

export const manyOutboundDomainsBlock: PostRule = (
	facts: PostFacts
): Finding[] => {
	const limit = facts.settings.maxOutboundDomainsPerBlock;
	const findings: Finding[] = [];
	for ( const group of facts.groups ) {
		// No more external links than the limit means no more sites either:
		// most blocks hold a link or two, and are passed over uncounted.
		let external = 0;
		for ( const i of group.members ) {
			if ( facts.all[ i ].external !== null ) {
				external++;
			}
		}
		if ( external <= limit ) {
			continue;
		}
		const links = group.members
			.map( ( i ) => facts.all[ i ].external )
			.filter( ( f ): f is LinkFacts => f !== null );
		const { sites, reciprocal } = summarize( links );
		if ( sites.length <= limit ) {
			continue;
		}
		findings.push( {
			code: 'many-outbound-domains-block',
			severity: reciprocal >= RECIPROCAL_CLUSTER ? 'critical' : 'warning',
			linkUrl: links[ 0 ].href,
			params: {
				block: group.block,
				count: sites.length,
				limit,
				domains: sites,
				reciprocalPartners: reciprocal,
			},
		} );
	}
	return findings;
};

export const manyOutboundDomainsPost: PostRule = (
	facts: PostFacts
): Finding[] => {
	const limit = facts.settings.maxOutboundDomainsPerPost;
	const { sites, reciprocal } = summarize( facts.links );
	if ( sites.length <= limit ) {
		return [];
	}
	return [
		{
			code: 'many-outbound-domains-post',
			severity: reciprocal >= RECIPROCAL_CLUSTER ? 'critical' : 'warning',
			params: {
				count: sites.length,
				limit,
				domains: sites,
				reciprocalPartners: reciprocal,
			},
		},
	];
};
