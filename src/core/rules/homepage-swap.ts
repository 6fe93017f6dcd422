/**
 * `homepage-swap`: our homepage (or a template part of our site: footer,
 * sidebar, navigation, header) links to their homepage, and their homepage
 * (or their template) links to ours — the classic "link to me, I link to
 * you" exchange between two front pages, which serves no reader.
 *
 * Both ends must be site-wide (see homepageSwap in facts.ts). A post of
 * ours citing their homepage, answered from their homepage, is no swap:
 * it stays an ordinary reciprocal link, which the other rules judge
 * (boilerplate backlink, anchors, followed both ways) — never a critical
 * homepage swap.
 *
 * Warning; critical together with identical or exact-match anchors, or
 * when their link is site-wide boilerplate.
 */
import type { Finding } from '../findings';
import {
	boilerplateBacklink,
	homepageSwap,
	identicalAnchor,
	ourExactMatch,
	theirExactMatch,
} from './facts';
import type { PostFacts, PostRule } from './types';

export const homepageSwapRule: PostRule = ( facts: PostFacts ): Finding[] => {
	const findings: Finding[] = [];
	for ( const f of facts.links ) {
		const theirs = f.firstForTarget ? homepageSwap( f ) : null;
		if ( ! theirs ) {
			continue;
		}
		const aggravated =
			identicalAnchor( f ) ||
			ourExactMatch( f ) ||
			theirExactMatch( f ) ||
			boilerplateBacklink( f );
		findings.push( {
			code: 'homepage-swap',
			severity: aggravated ? 'critical' : 'warning',
			linkUrl: f.href,
			params: {
				partner: f.site,
				ourEnd: f.ourSiteWideEnd,
				theirLinkUrl: theirs.link.href,
				pageUrl: theirs.link.pageUrl,
				placement: theirs.link.placement,
				anchor: theirs.link.text,
			},
		} );
	}
	return findings;
};
