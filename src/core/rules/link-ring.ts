/**
 * `link-ring` (issue 19): we link to B, B does not link back, but B links
 * to C and C links to us (or C → D → us): the three- or four-way exchange
 * that no pairwise check sees. The rings come from the partner graph the
 * service attaches to B's result (core/graph/analyze.ts).
 *
 * It accuses, so it says how sure it is: warning when every hop was seen
 * on a page the service read itself (`medium`), info when a hop rests on
 * an imported export or the ring runs through four sites (`low`). Never
 * critical: a ring may be chance (B may cite C for good reasons). An
 * imported hop carries when the export last saw it; one last seen more
 * than STALE_HOP_MONTHS ago is named (`staleHops`): the link may be gone.
 */
import type { Finding } from '../findings';
import type { PostFacts, PostRule } from './types';

export const linkRing: PostRule = ( facts: PostFacts ): Finding[] => {
	const findings: Finding[] = [];
	for ( const f of facts.links ) {
		const rings = f.firstForTarget ? ( f.result?.graph?.rings ?? [] ) : [];
		if ( rings.length === 0 ) {
			continue;
		}
		const [ ring ] = rings;
		findings.push( {
			code: 'link-ring',
			severity: ring.confidence === 'low' ? 'info' : 'warning',
			linkUrl: f.href,
			params: {
				partner: f.site,
				confidence: ring.confidence,
				/** The sites in order, us first and last. */
				sites: ring.sites,
				/** The page each hop was seen on ('' when an export named none). */
				pages: ring.hops.map( ( hop ) => hop.pageUrl ?? '' ),
				sources: ring.hops.map( ( hop ) => hop.source ),
				/** When an export last saw each hop ('' when not imported or undated). */
				lastSeen: ring.hops.map( ( hop ) => hop.lastSeen ?? '' ),
				/** Hops last seen more than STALE_HOP_MONTHS ago, "b.test → us". */
				staleHops: ring.hops
					.filter( ( hop ) => hop.stale === true )
					.map( ( hop ) => `${ hop.from } → ${ hop.to }` ),
				rings: rings.length,
			},
		} );
	}
	return findings;
};
