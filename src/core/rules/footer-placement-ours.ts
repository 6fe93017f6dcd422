/**
 * `footer-placement-ours`: our link sits where exchanged links are parked
 * rather than in the text — a trailing list of at least
 * `settings.minLinksInLinkList` external links at the end of the post
 * (starting after TRAILING_LIST_START, reaching past TRAILING_LIST_END of
 * the post), or a section under a partners/links heading ("Partners",
 * "Onze sponsoren", "Blogroll", "Partnerseiten", "Sites amis", "Enlaces").
 *
 * Info when the target does not link back (or was not checked): a list of
 * resources is not an exchange by itself. Warning when it links back;
 * critical when, in addition, their link to us is boilerplate too (a
 * footer-for-footer swap) or either anchor is exact-match.
 */
import type { Finding } from '../findings';
import { boilerplateBacklink, ourExactMatch, theirExactMatch } from './facts';
import type { PostFacts, PostRule } from './types';

export const footerPlacementOurs: PostRule = ( facts: PostFacts ): Finding[] =>
	facts.links
		.filter( ( f ) => f.footerSpot !== null )
		.map( ( f ) => {
			let severity: Finding[ 'severity' ] = 'info';
			if ( f.reciprocal ) {
				severity =
					boilerplateBacklink( f ) ||
					ourExactMatch( f ) ||
					theirExactMatch( f )
						? 'critical'
						: 'warning';
			}
			return {
				code: 'footer-placement-ours',
				severity,
				linkUrl: f.href,
				params: {
					spot: f.footerSpot,
					heading: f.sectionHeading,
					count: f.listSize,
					limit: facts.settings.minLinksInLinkList,
					reciprocal: f.reciprocal,
				},
			};
		} );
