/**
 * `off-topic-partner`: a reciprocal partner whose page (title + H1 + text
 * sample) has little topical overlap with our post: relevance below
 * `settings.minRelevance` (see relevance.ts for the scale and why 0.08).
 * "Sites that exchange links without thematic overlap" is one of the
 * signals search engines name. Only for partners that link back: an
 * off-topic one-way citation is an editorial choice, not an exchange.
 * Not judged when their page has no text or is in another language.
 *
 * Warning; critical together with exact-match anchors or a boilerplate
 * backlink (an unrelated site linking to us with keywords, site-wide).
 */
import type { Finding } from '../findings';
import {
	boilerplateBacklink,
	offTopic,
	ourExactMatch,
	round3,
	theirExactMatch,
} from './facts';
import type { PostFacts, PostRule } from './types';

export const offTopicPartner: PostRule = ( facts: PostFacts ): Finding[] =>
	facts.links
		.filter( ( f ) => f.firstForTarget && offTopic( f, facts.settings ) )
		.map( ( f ) => {
			const details = f.relevance!;
			const aggravated =
				ourExactMatch( f ) ||
				theirExactMatch( f ) ||
				boilerplateBacklink( f );
			return {
				code: 'off-topic-partner',
				severity: aggravated ? 'critical' : 'warning',
				linkUrl: f.href,
				params: {
					partner: f.site,
					score: round3( details.score ),
					limit: facts.settings.minRelevance,
					sharedTerms: details.sharedTerms,
					pageUrl: f.result?.page?.finalUrl ?? f.href,
				},
			};
		} );
