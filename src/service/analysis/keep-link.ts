/**
 * Which links of a partner page the backlink checker looks at: links to
 * any URL of our site. Shared by the in-thread analyzer, the worker
 * threads and the checker itself, so all three agree on "ours".
 */
import { createSiteMatcher, type SiteMatcher } from '../../core/url';

/**
 * `matcher.isOurs` parses the URL and looks up its registrable domain on
 * every call (tens of µs); a hostile page has 100,000 links, mostly to a
 * handful of hosts. Whether a URL is ours depends only on its host and
 * port, so the answer is memoised per authority.
 */
export function oursByAuthority(
	matcher: SiteMatcher,
	maxMemo = 10_000
): ( href: string ) => boolean {
	const memo = new Map< string, boolean >();
	return ( href ) => {
		const authority = /^https?:\/\/([^/?#]*)/i.exec( href )?.[ 1 ];
		if ( authority === undefined || authority.includes( '@' ) ) {
			return matcher.isOurs( href );
		}
		let answer = memo.get( authority );
		if ( answer === undefined ) {
			answer = matcher.isOurs( `http://${ authority }/` );
			if ( memo.size >= maxMemo ) {
				// A long-lived test (one per site, in a worker) must not grow
				// with every host the web has.
				memo.clear();
			}
			memo.set( authority, answer );
		}
		return answer;
	};
}

/** A keepLink test for `siteUrls`, built once per distinct list. */
export function createKeepLinkCache( maxEntries = 64 ) {
	const cache = new Map< string, ( href: string ) => boolean >();
	return ( siteUrls: readonly string[] ) => {
		const key = siteUrls.join( '\n' );
		let keep = cache.get( key );
		if ( ! keep ) {
			if ( cache.size >= maxEntries ) {
				// A service has a handful of sites; drop the oldest.
				cache.delete( cache.keys().next().value as string );
			}
			keep = oursByAuthority( createSiteMatcher( [ ...siteUrls ] ) );
			cache.set( key, keep );
		}
		return keep;
	};
}
