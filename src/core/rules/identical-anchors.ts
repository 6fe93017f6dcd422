/**
 * `identical-anchors`: the same anchor text in both directions (case,
 * diacritics and punctuation aside) reads as an agreed exchange ("two
 * domains linking to each other's homepage with identical anchor text").
 * Generic, empty, image and naked-URL anchors are left out: "lees meer"
 * both ways is a coincidence, not an agreement.
 *
 * Warning; critical with a homepage swap or when the shared anchor is a
 * keyword (exact- or partial-match).
 */
import type { Finding } from '../findings';
import { homepageSwap, identicalAnchor } from './facts';
import type { PostFacts, PostRule } from './types';

export const identicalAnchors: PostRule = ( facts: PostFacts ): Finding[] => {
	const findings: Finding[] = [];
	for ( const f of facts.links ) {
		const theirs = identicalAnchor( f );
		if ( ! theirs ) {
			continue;
		}
		const keywordAnchor =
			f.anchor.anchorClass === 'exact-match' ||
			f.anchor.anchorClass === 'partial-match';
		findings.push( {
			code: 'identical-anchors',
			severity:
				keywordAnchor || homepageSwap( f ) ? 'critical' : 'warning',
			linkUrl: f.href,
			params: {
				anchor: f.link.text,
				anchorClass: f.anchor.anchorClass,
				pageUrl: theirs.link.pageUrl,
			},
		} );
	}
	return findings;
};
