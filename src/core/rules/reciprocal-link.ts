/**
 * `reciprocal-link` (info): the target links back to us. The finding says
 * where their link sits (placement, the page it is on, target page or their
 * homepage), its anchor and rel, so the UI can show the relationship. On its
 * own a mutual link is normal ("one exchange between two relevant sites is
 * fine"); the other rules judge the risk. It becomes a warning when the
 * site is already over its partner limits (siteStats given): each further
 * exchange adds to a pattern.
 */
import type { Finding } from '../findings';
import { theirVerdict, whereOf } from '../their-links';
import type { PostFacts, PostRule } from './types';

export const reciprocalLink: PostRule = ( facts: PostFacts ): Finding[] => {
	const { settings, siteStats } = facts;
	const overLimit =
		siteStats !== null &&
		( siteStats.reciprocalPartners > settings.maxReciprocalPartners ||
			siteStats.newReciprocalPartners > settings.maxNewPartnersInWindow );
	return facts.links
		.filter( ( f ) => f.reciprocal && f.firstForTarget && f.primary )
		.map( ( f ) => {
			const primary = f.primary!;
			const verdict = theirVerdict(
				f.result ?? { links: f.theirs.map( ( t ) => t.link ) }
			);
			return {
				code: 'reciprocal-link',
				severity: overLimit ? 'warning' : 'info',
				linkUrl: f.href,
				params: {
					partner: f.site,
					pageUrl: primary.link.pageUrl,
					foundOn: primary.link.foundOn,
					placement: primary.link.placement,
					anchor: primary.link.text,
					anchorClass: primary.anchor.anchorClass,
					rel: primary.link.rel,
					hidden: primary.link.hidden,
					toHomepage: primary.toOurHomepage,
					/** Where the shown link sits, as every surface names it. */
					where: whereOf( primary.link ),
					// Of ALL their links (the result keeps a few of them).
					count: verdict.total,
					placements: verdict.placements.map(
						( entry ) => entry.where
					),
				},
			};
		} );
};
