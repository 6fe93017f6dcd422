/**
 * `backlink-not-indexable` (info): their link to us sits on the page we
 * link to, and that page is one search engines discount (noindex meta or
 * header, canonical pointing elsewhere, disallowed by robots.txt): we give
 * a link and get one that counts for nothing. Reported only when all their
 * links to us are on that page: a link on their (indexable) homepage still
 * counts.
 */
import type { Finding } from '../findings';
import type { PostFacts, PostRule } from './types';

export const backlinkNotIndexable: PostRule = ( facts: PostFacts ): Finding[] =>
	facts.links
		.filter(
			( f ) =>
				f.reciprocal &&
				f.firstForTarget &&
				f.result?.page?.notIndexable &&
				f.theirs.every( ( t ) => t.link.foundOn === 'target-page' )
		)
		.map( ( f ) => ( {
			code: 'backlink-not-indexable',
			severity: 'info',
			linkUrl: f.href,
			params: {
				reason: f.result!.page!.notIndexable,
				pageUrl: f.result!.page!.finalUrl,
			},
		} ) );
