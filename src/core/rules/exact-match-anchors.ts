/**
 * Exact-match anchors: an anchor that IS a keyword looks optimised, not
 * editorial. Exactly one of three codes per link:
 *
 * - `exact-match-anchor-both` (critical): reciprocal and both anchors are
 *   exact-match — "keyword-stuffed anchor text on both sides" is the
 *   textbook link-exchange pattern;
 * - `exact-match-anchor-ours`: our anchor only. Info for a link that does
 *   not link back (or could not be checked): an outbound keyword anchor
 *   helps the target, not us, and is common in editorial text. Warning when
 *   the target links back: then it is one half of an exchange;
 * - `exact-match-anchor-theirs` (warning): their anchor to us only; critical
 *   when that link is also site-wide boilerplate (a footer keyword link).
 *
 * Keywords: settings.keywords, the post's focus keyphrase and, for our
 * anchor, their page's title segments and H1.
 */
import type { Finding } from '../findings';
import { ourExactMatch, theirExactMatch } from './facts';
import type { PostFacts, PostRule } from './types';

export const exactMatchAnchors: PostRule = ( facts: PostFacts ): Finding[] => {
	const findings: Finding[] = [];
	for ( const f of facts.links ) {
		const ours = ourExactMatch( f );
		const theirs = f.firstForTarget || ours ? theirExactMatch( f ) : null;
		if ( ours && theirs ) {
			findings.push( {
				code: 'exact-match-anchor-both',
				severity: 'critical',
				linkUrl: f.href,
				params: {
					anchor: f.link.text,
					keyword: f.anchor.keyword,
					theirAnchor: theirs.link.text,
					theirKeyword: theirs.anchor.keyword,
					pageUrl: theirs.link.pageUrl,
				},
			} );
		} else if ( ours ) {
			findings.push( {
				code: 'exact-match-anchor-ours',
				severity: f.reciprocal ? 'warning' : 'info',
				linkUrl: f.href,
				params: {
					anchor: f.link.text,
					keyword: f.anchor.keyword,
					reciprocal: f.reciprocal,
				},
			} );
		} else if ( theirs && f.firstForTarget ) {
			findings.push( {
				code: 'exact-match-anchor-theirs',
				severity: theirs.boilerplate ? 'critical' : 'warning',
				linkUrl: f.href,
				params: {
					anchor: theirs.link.text,
					keyword: theirs.anchor.keyword,
					pageUrl: theirs.link.pageUrl,
					placement: theirs.link.placement,
				},
			} );
		}
	}
	return findings;
};
