/**
 * `comment-backlink`: their link to us sits in the comments under their
 * page. A comment link is one anybody can leave, so in an exchange it
 * usually means we posted it: comment links with optimised anchors are a
 * link scheme search engines name outright, and a followed one (no
 * `ugc`/`nofollow`) is what they act on.
 *
 * Warning; critical when the comment link is followed and its anchor is a
 * keyword (exact- or partial-match). Reported once per target.
 */
import type { Finding } from '../findings';
import { backlinkIn } from './facts';
import type { PostFacts, PostRule } from './types';

/** rel tokens that stop a link from passing ranking credit. */
const UNFOLLOWED = new Set( [ 'nofollow', 'ugc', 'sponsored' ] );

export const commentBacklink: PostRule = ( facts: PostFacts ): Finding[] => {
	const findings: Finding[] = [];
	for ( const f of facts.links ) {
		const theirs = f.firstForTarget ? backlinkIn( f, 'comments' ) : null;
		if ( ! theirs ) {
			continue;
		}
		const keyword =
			theirs.anchor.anchorClass === 'exact-match' ||
			theirs.anchor.anchorClass === 'partial-match';
		const followed = ! theirs.link.rel.some( ( token ) =>
			UNFOLLOWED.has( token )
		);
		findings.push( {
			code: 'comment-backlink',
			severity: keyword && followed ? 'critical' : 'warning',
			linkUrl: f.href,
			params: {
				placement: theirs.link.placement,
				foundOn: theirs.link.foundOn,
				pageUrl: theirs.link.pageUrl,
				anchor: theirs.link.text,
				anchorClass: theirs.anchor.anchorClass,
				followed,
			},
		} );
	}
	return findings;
};
