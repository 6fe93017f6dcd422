/**
 * Credit links of the CMS or theme ("Proudly powered by WordPress", "Theme
 * by …") in the template of our own pages are not link partners. They show
 * up only when a scan reads whole pages (the sitemap source; the REST API
 * gives the post content alone), and then every sitemap scan counted
 * wordpress.org as a partner.
 *
 * Why a list and not "links on every page are template links": a link to a
 * partner in our footer on every page is exactly the sitewide swap the
 * rules must see (footer-placement-ours, boilerplate-backlink), so links
 * are dropped only when they sit outside the content and comments AND
 * point at a known credit domain. Extend the list with RLG_CREDIT_DOMAINS
 * (comma-separated registrable domains) or `rlg scan --credit-domain`.
 */
import type { ExtractedLink } from '../../core/schemas';

import { CMS_CREDIT_DOMAINS } from '../../core/credit-domains';

export { CMS_CREDIT_DOMAINS };

/** The default list plus RLG_CREDIT_DOMAINS and any given, lower-cased. */
export function creditDomains(
	extra: readonly string[] = [],
	env: NodeJS.ProcessEnv = process.env
): string[] {
	const fromEnv = ( env.RLG_CREDIT_DOMAINS ?? '' ).split( ',' );
	return [
		...new Set(
			[ ...CMS_CREDIT_DOMAINS, ...fromEnv, ...extra ]
				.map( ( domain ) => domain.trim().toLowerCase() )
				.filter( Boolean )
		),
	];
}

/** A template credit: outside the content and comments, to a credit domain. */
export function isCreditLink(
	link: Pick< ExtractedLink, 'placement' >,
	domain: string,
	credits: readonly string[]
): boolean {
	return (
		link.placement !== 'content' &&
		link.placement !== 'comments' &&
		credits.includes( domain )
	);
}
