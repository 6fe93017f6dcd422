/**
 * `shared-footprint` (issue 19): the partner and at least two other
 * partners that link back to us all link to the same three or more
 * unrelated sites (core/graph/analyze.ts) — the trace an exchange group or
 * link directory leaves. Sites everybody links to (social networks, big
 * platforms, CMS credits) never count.
 *
 * Warning at `medium`/`high` confidence (four or more shared sites), info
 * at `low` (exactly three); never critical.
 */
import type { Finding } from '../findings';
import type { PostFacts, PostRule } from './types';

export const sharedFootprint: PostRule = ( facts: PostFacts ): Finding[] => {
	const findings: Finding[] = [];
	for ( const f of facts.links ) {
		const footprint = f.firstForTarget ? f.result?.graph?.footprint : null;
		if ( ! footprint ) {
			continue;
		}
		findings.push( {
			code: 'shared-footprint',
			severity: footprint.confidence === 'low' ? 'info' : 'warning',
			linkUrl: f.href,
			params: {
				partner: f.site,
				confidence: footprint.confidence,
				members: footprint.members,
				memberCount: footprint.memberCount,
				shared: footprint.shared,
				sharedCount: footprint.sharedCount,
				pages: footprint.pages,
			},
		} );
	}
	return findings;
};
