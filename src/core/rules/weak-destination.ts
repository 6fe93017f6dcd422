/**
 * `weak-destination` (issue 19, the seed's "destination page"): an
 * exchange whose links point at a homepage or a pricing page rather than
 * at an article — a link a reader follows for content points at content.
 *
 * Warning when both directions do, info when one does. A homepage swap
 * (both ends site-wide, both to homepages) is that rule's finding, not
 * this one's.
 */
import type { Finding } from '../findings';
import { homepageSwap } from './facts';
import type { PostFacts, PostRule } from './types';

/**
 * Path segments of pricing, plan and quote pages (en, nl, de, fr, es):
 * "/pricing", "/prijzen/", "/tarieven", "/preise", "/tarifs", "/precios".
 */
const PRICING_SEGMENT =
	/^(?:pricing|prices?|plans?|tariffs?|rates|prijzen|prijs|tarieven|tarief|kosten|abonnementen|preise|preisliste|tarife|tarifs|prix|precios|tarifas|planes)(?:\.[a-z]+)?$/i;

/** The URL is a pricing page (a path segment names prices or plans). */
export function isPricingPage( url: string ): boolean {
	let path: string;
	try {
		path = new URL( url ).pathname;
	} catch {
		return false;
	}
	return path
		.split( '/' )
		.some( ( segment ) => PRICING_SEGMENT.test( segment ) );
}

/** What kind of weak destination a link has, or null for an article. */
function weakKind(
	url: string,
	toHomepage: boolean
): 'homepage' | 'pricing' | null {
	if ( toHomepage ) {
		return 'homepage';
	}
	return isPricingPage( url ) ? 'pricing' : null;
}

export const weakDestination: PostRule = ( facts: PostFacts ): Finding[] => {
	const findings: Finding[] = [];
	for ( const f of facts.links ) {
		if ( ! f.firstForTarget || ! f.reciprocal || ! f.primary ) {
			continue;
		}
		if ( homepageSwap( f ) ) {
			continue;
		}
		const ours = weakKind( f.href, f.toTheirHomepage );
		const theirs = weakKind( f.primary.link.href, f.primary.toOurHomepage );
		if ( ! ours && ! theirs ) {
			continue;
		}
		findings.push( {
			code: 'weak-destination',
			severity: ours && theirs ? 'warning' : 'info',
			linkUrl: f.href,
			params: {
				partner: f.site,
				ours,
				theirs,
				theirLinkUrl: f.primary.link.href,
				pageUrl: f.primary.link.pageUrl,
			},
		} );
	}
	return findings;
};
