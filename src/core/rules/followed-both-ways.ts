/**
 * `followed-both-ways`: reciprocal, and neither our link nor (at least one
 * of) theirs carries nofollow, sponsored or ugc, so both pass ranking
 * credit. For a single natural, in-content link with its own anchors that
 * is fine: info. With any other scheme signal (exact-match or identical
 * anchors, boilerplate or footer placement, homepage swap, hidden link,
 * off-topic partner) it is a warning: that is when rel="nofollow" or
 * "sponsored" is the fix.
 */
import type { Finding } from '../findings';
import { schemeSignals } from './facts';
import type { PostFacts, PostRule } from './types';

export const followedBothWays: PostRule = ( facts: PostFacts ): Finding[] => {
	const findings: Finding[] = [];
	for ( const f of facts.links ) {
		if ( ! f.reciprocal || ! f.followed ) {
			continue;
		}
		const theirs = f.theirs.find( ( t ) => t.followed );
		if ( ! theirs ) {
			continue;
		}
		const signals = schemeSignals( f );
		findings.push( {
			code: 'followed-both-ways',
			severity: signals.length > 0 ? 'warning' : 'info',
			linkUrl: f.href,
			params: {
				ourRel: f.link.rel,
				theirRel: theirs.link.rel,
				pageUrl: theirs.link.pageUrl,
				signals,
			},
		} );
	}
	return findings;
};
