/**
 * Sites nearly every site links to: social networks, big platforms, CMS
 * and theme credits, licences, standards bodies, encyclopedias, app
 * stores. Two partners that both link to them share nothing telling, so
 * they are never a shared footprint, nor the middle of a ring (a ring
 * through wikipedia.org is a coincidence, not an exchange).
 */
import { CMS_CREDIT_DOMAINS } from '../credit-domains';

export const COMMON_DOMAINS: readonly string[] = [
	// Social networks and messaging.
	'facebook.com',
	'fb.com',
	'instagram.com',
	'twitter.com',
	'x.com',
	't.co',
	'linkedin.com',
	'pinterest.com',
	'pinterest.nl',
	'tiktok.com',
	'youtube.com',
	'youtu.be',
	'vimeo.com',
	'reddit.com',
	'threads.net',
	'bsky.app',
	'mastodon.social',
	'whatsapp.com',
	'wa.me',
	'telegram.org',
	't.me',
	'snapchat.com',
	'tumblr.com',
	'flickr.com',
	'medium.com',
	'substack.com',
	'spotify.com',
	// Platforms, search, shops, maps.
	'google.com',
	'google.nl',
	'google.de',
	'goo.gl',
	'apple.com',
	'microsoft.com',
	'amazon.com',
	'amazon.de',
	'amazon.nl',
	'bol.com',
	'ebay.com',
	'etsy.com',
	'paypal.com',
	'github.com',
	'gitlab.com',
	'openstreetmap.org',
	'tripadvisor.com',
	'trustpilot.com',
	'mailchimp.com',
	'list-manage.com',
	// CMS, themes, hosting and their credits.
	...CMS_CREDIT_DOMAINS,
	'blogspot.com',
	'gravatar.com',
	'cloudflare.com',
	'feedburner.com',
	// Reference, licences, standards.
	'wikipedia.org',
	'wikimedia.org',
	'creativecommons.org',
	'w3.org',
	'archive.org',
	'mozilla.org',
	'europa.eu',
	'rijksoverheid.nl',
];

/** The default list plus any given, lower-cased, as a set. */
export function commonDomainSet(
	extra: readonly string[] = []
): ReadonlySet< string > {
	return new Set(
		[ ...COMMON_DOMAINS, ...extra ].map( ( domain ) =>
			domain.trim().toLowerCase()
		)
	);
}
