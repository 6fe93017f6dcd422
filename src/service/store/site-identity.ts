import { normalizeUrl, urlKey } from '../../core/url';

/**
 * A site's registered URL and the key it is looked up by. The key ignores
 * scheme, `www.` and a trailing slash, so a WordPress site that signs as
 * `https://www.our.site/` finds the site registered as `http://our.site`.
 * Null when `url` is not an absolute http(s) URL.
 */
export function siteIdentity(
	url: string
): { url: string; siteKey: string } | null {
	const normalized = normalizeUrl( url );
	return normalized === null
		? null
		: { url: normalized, siteKey: urlKey( normalized ) };
}
