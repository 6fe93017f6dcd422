/**
 * `off-topic-partner`: a reciprocal partner whose page (title + H1 + text
 * sample) is unrelated to our post — and to our site's subject, when the
 * site's other posts are known — as relevance.ts's assessOffTopic judges
 * it: low term relevance, no topic field in common, and evidence of a
 * difference (see there). "Sites that exchange links without thematic
 * overlap" is one of the signals search engines name. Only for partners
 * that link back: an off-topic one-way citation is an editorial choice,
 * not an exchange. Not judged when their page has no text or is in
 * another language.
 *
 * The finding says how sure it is (`confidence`: low, medium, high, and
 * why: `reason`, the fields of both sides). Warning; critical only when
 * the evidence is strong (high confidence: enough text on both sides,
 * clearly different fields, nothing in common) AND the exchange is
 * aggravated by exact-match anchors or a boilerplate backlink. A two-
 * paragraph post is never enough to lock publishing on relevance alone.
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

export const offTopicPartner: PostRule = ( facts: PostFacts ): Finding[] => {
	const findings: Finding[] = [];
	for ( const f of facts.links ) {
		const assessment = f.firstForTarget ? offTopic( f ) : null;
		if ( ! assessment ) {
			continue;
		}
		const aggravated =
			ourExactMatch( f ) ||
			theirExactMatch( f ) !== null ||
			boilerplateBacklink( f ) !== null;
		findings.push( {
			code: 'off-topic-partner',
			severity:
				assessment.confidence === 'high' && aggravated
					? 'critical'
					: 'warning',
			linkUrl: f.href,
			params: {
				partner: f.site,
				score: round3( assessment.score ),
				limit: facts.settings.minRelevance,
				sharedTerms: assessment.details.sharedTerms,
				pageUrl: f.result?.page?.finalUrl ?? f.href,
				confidence: assessment.confidence,
				reason: assessment.reason,
				ourField: assessment.fields[ 0 ],
				theirField: assessment.fields[ 1 ],
				againstSite: assessment.againstSite,
			},
		} );
	}
	return findings;
};
