/**
 * `homepage-swap`: we link to their homepage and they link to ours — the
 * classic "link to me, I link to you" exchange between two front pages,
 * which rarely serves a reader of a specific post.
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
				theirLinkUrl: theirs.link.href,
				pageUrl: theirs.link.pageUrl,
				placement: theirs.link.placement,
				anchor: theirs.link.text,
			},
		} );
	}
	return findings;
};
