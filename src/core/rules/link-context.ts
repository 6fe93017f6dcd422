/**
 * `link-context` (issue 19, the seed's "link context"): in an exchange,
 * our link or theirs stands alone, a one-liner without running text
 * around it, where a strong link "comes with real content, figures or
 * explanation".
 *
 * Only links a reader sees in the content count: links in a trailing
 * list or partners section of ours, and their boilerplate, author-box or
 * comment links, have findings of their own. Warning when both sides are
 * bare, info when one is. Silent when the extractor did not count the
 * context (results from before it did).
 */
import type { Finding } from '../findings';
import type { LinkFacts, PostFacts, PostRule } from './types';

/** Fewer characters of running text than this around a link: a one-liner. */
export const MIN_CONTEXT_CHARS = 40;

function bare( contextChars: number | undefined ): boolean {
	return contextChars !== undefined && contextChars < MIN_CONTEXT_CHARS;
}

/** Our link stands alone in our content. */
function oursBare( f: LinkFacts ): boolean {
	return (
		f.footerSpot === null &&
		f.link.hidden === null &&
		f.link.placement === 'content' &&
		bare( f.link.contextChars )
	);
}

function sideOf( ours: boolean, theirs: boolean ): string {
	if ( ours && theirs ) {
		return 'both';
	}
	return ours ? 'ours' : 'theirs';
}

export const linkContext: PostRule = ( facts: PostFacts ): Finding[] => {
	const findings: Finding[] = [];
	for ( const f of facts.links ) {
		if ( ! f.firstForTarget || ! f.reciprocal || ! f.primary ) {
			continue;
		}
		const theirs = f.primary;
		const theirsBare =
			theirs.boilerplate === null &&
			theirs.link.hidden === null &&
			theirs.link.placement === 'content' &&
			bare( theirs.link.contextChars );
		const ours = oursBare( f );
		if ( ! ours && ! theirsBare ) {
			continue;
		}
		findings.push( {
			code: 'link-context',
			severity: ours && theirsBare ? 'warning' : 'info',
			linkUrl: f.href,
			params: {
				partner: f.site,
				side: sideOf( ours, theirsBare ),
				ourContext: f.link.contextChars ?? null,
				theirContext: theirs.link.contextChars ?? null,
				pageUrl: theirs.link.pageUrl,
				anchor: theirs.link.text,
			},
		} );
	}
	return findings;
};
