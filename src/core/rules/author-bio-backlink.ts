/**
 * `author-bio-backlink`: their link to us sits in an author box or bio on
 * their page. Paired with our link to them, it is the guest-post pattern
 * ("write for us, link to your site in the bio") that search engines name
 * as a link scheme, above all with keyword-rich anchors.
 *
 * Warning; critical when the bio link's anchor is a keyword (exact- or
 * partial-match). Reported once per target, like boilerplate-backlink.
 */
import type { Finding } from '../findings';
import { backlinkIn } from './facts';
import type { PostFacts, PostRule } from './types';

export const authorBioBacklink: PostRule = ( facts: PostFacts ): Finding[] => {
	const findings: Finding[] = [];
	for ( const f of facts.links ) {
		const theirs = f.firstForTarget ? backlinkIn( f, 'author-box' ) : null;
		if ( ! theirs ) {
			continue;
		}
		const keyword =
			theirs.anchor.anchorClass === 'exact-match' ||
			theirs.anchor.anchorClass === 'partial-match';
		findings.push( {
			code: 'author-bio-backlink',
			severity: keyword ? 'critical' : 'warning',
			linkUrl: f.href,
			params: {
				placement: theirs.link.placement,
				foundOn: theirs.link.foundOn,
				pageUrl: theirs.link.pageUrl,
				anchor: theirs.link.text,
				anchorClass: theirs.anchor.anchorClass,
			},
		} );
	}
	return findings;
};
