/**
 * `partner-network` (issue 19): the partner belongs to a group of our
 * partners that link back to us and to each other (core/graph/analyze.ts:
 * at least three, joined by partner-to-partner links) — a link network
 * rather than independent sites.
 *
 * Warning (`medium`, or `high` when most members link to most others);
 * never critical: sites of one niche do cite each other.
 */
import type { Finding } from '../findings';
import type { PostFacts, PostRule } from './types';

export const partnerNetwork: PostRule = ( facts: PostFacts ): Finding[] => {
	const findings: Finding[] = [];
	for ( const f of facts.links ) {
		const network = f.firstForTarget ? f.result?.graph?.network : null;
		if ( ! network ) {
			continue;
		}
		findings.push( {
			code: 'partner-network',
			severity: 'warning',
			linkUrl: f.href,
			params: {
				partner: f.site,
				confidence: network.confidence,
				members: network.members,
				memberCount: network.memberCount,
				/** Partner-to-partner links as "from → to". */
				links: network.hops.map(
					( hop ) => `${ hop.from } → ${ hop.to }`
				),
				pages: network.hops.map( ( hop ) => hop.pageUrl ?? '' ),
				linkCount: network.edgeCount,
			},
		} );
	}
	return findings;
};
