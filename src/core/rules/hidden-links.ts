/**
 * Hidden links violate search engine guidelines whoever hides them:
 *
 * - `hidden-link-ours`: our link is invisible to readers (display:none,
 *   zero size, off-screen …; the reason is in params). Warning; critical
 *   when the target links back — a hidden half of an exchange.
 * - `hidden-link-theirs` (warning): their link to us is hidden. We do not
 *   control their page, but the pattern implicates both sites.
 */
import type { Finding } from '../findings';
import { hiddenBacklink } from './facts';
import type { PostFacts, PostRule } from './types';

export const hiddenLinkOurs: PostRule = ( facts: PostFacts ): Finding[] =>
	facts.links
		.filter( ( f ) => f.link.hidden !== null )
		.map( ( f ) => ( {
			code: 'hidden-link-ours',
			severity: f.reciprocal ? 'critical' : 'warning',
			linkUrl: f.href,
			params: {
				reason: f.link.hidden,
				anchor: f.link.text,
				reciprocal: f.reciprocal,
			},
		} ) );

export const hiddenLinkTheirs: PostRule = ( facts: PostFacts ): Finding[] => {
	const findings: Finding[] = [];
	for ( const f of facts.links ) {
		const theirs = f.firstForTarget ? hiddenBacklink( f ) : null;
		if ( theirs ) {
			findings.push( {
				code: 'hidden-link-theirs',
				severity: 'warning',
				linkUrl: f.href,
				params: {
					reason: theirs.link.hidden,
					pageUrl: theirs.link.pageUrl,
					placement: theirs.link.placement,
					anchor: theirs.link.text,
				},
			} );
		}
	}
	return findings;
};
