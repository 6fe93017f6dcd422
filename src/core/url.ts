/**
 * URLs and domains: one normal form for every URL the analyser compares, the
 * registrable domain (Public Suffix List via tldts) that decides whether two
 * hosts belong to the same site, and homepage detection.
 *
 * Pure and I/O-free: only the WHATWG `URL` class (present in browsers and in
 * Node) and tldts. Nothing here throws on garbage input: functions that parse
 * return null instead, so a single malformed href can never abort an analysis.
 */
import { parse as parseDomain } from 'tldts';

/**
 * Query parameters that only track a visit and never select content: a URL
 * that differs from another only by these points at the same page.
 */
const TRACKING_PARAM =
	/^(utm_[a-z_]+|gclid|fbclid|msclkid|dclid|yclid|mc_cid|mc_eid|_ga|_gl|ref|ref_src)$/i;

/**
 * File names that a server serves for a directory: `/index.php` is the same
 * page as `/`.
 */
const DIRECTORY_INDEX = /\/(index|default|home)\.(html?|php[0-9]?|aspx?|jsp)$/i;

/**
 * A first path segment that is a language (or language-region) code: on a
 * multilingual site `/en/` or `/pt-br/` is the homepage of that language.
 */
const LANGUAGE_ROOT = /^\/[a-z]{2}(?:[-_][a-z]{2})?\/?$/i;

/**
 * The same few URLs are asked about over and over (each link of a post is
 * normalised, keyed, matched against our site and classified), and a WHATWG
 * URL parse is the most expensive step of the analysis: results of the pure
 * string → value functions below are memoised in bounded maps, dropped whole
 * when full.
 */
const MEMO_LIMIT = 4096;

function memo< T >(
	cache: Map< string, T >,
	input: string,
	compute: ( input: string ) => T
): T {
	if ( typeof input !== 'string' ) {
		return compute( input );
	}
	const known = cache.get( input );
	if ( known !== undefined || cache.has( input ) ) {
		return known as T;
	}
	const value = compute( input );
	if ( cache.size >= MEMO_LIMIT ) {
		cache.clear();
	}
	cache.set( input, value );
	return value;
}

const NORMALIZED = new Map< string, string | null >();
const KEYS = new Map< string, string >();
const DOMAINS = new Map< string, string | null >();
const HOMEPAGES = new Map< string, boolean >();
const SITES = new Map< string, string | null >();

function parseHttp( href: string, base?: string ): URL | null {
	if ( typeof href !== 'string' ) {
		return null;
	}
	const trimmed = href.trim();
	if ( trimmed === '' || trimmed.length > 8192 ) {
		return null;
	}
	let url: URL;
	try {
		url =
			base === undefined ? new URL( trimmed ) : new URL( trimmed, base );
	} catch {
		return null;
	}
	if ( url.protocol !== 'http:' && url.protocol !== 'https:' ) {
		return null;
	}
	if ( url.hostname === '' ) {
		return null;
	}
	return url;
}

/**
 * Absolute http(s) URL in normal form, or null when `href` (resolved against
 * `base`) is not an http(s) URL.
 *
 * Normal form: lower-case host, IDN as punycode (`münchen.de` →
 * `xn--mnchen-3ya.de`), no trailing dot on the host, no default port, no
 * credentials, no fragment, dot segments resolved, an empty path as `/`.
 * The scheme, `www.`, path case, trailing slash and query are kept: they can
 * address different resources. Use {@link urlKey} to compare identities.
 */
export function normalizeUrl( href: string, base?: string ): string | null {
	if (
		isPlainlyNormal( href ) &&
		( base === undefined || isValidBase( base ) )
	) {
		return href;
	}
	return base === undefined
		? memo( NORMALIZED, href, computeNormalizedUrl )
		: computeNormalizedUrl( href, base );
}

/**
 * Links mostly arrive already normalised (the extractor and the editor
 * normalise them first), and re-parsing them is a large share of a rules
 * run. This recognises a conservative subset of URLs that the WHATWG parser
 * serialises back unchanged: http(s), a lower-case ASCII host of letter,
 * digit and hyphen labels whose last label starts with a letter (so never an
 * IPv4 form) and no punycode label (those the parser validates), no port,
 * no credentials, no fragment, a path that starts with `/` and has no
 * segment starting with a dot and no encoded dot (dot segments), and path
 * and query characters that the parser never percent-encodes. Anything else
 * takes the full parse.
 */
const PLAINLY_NORMAL =
	/^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\/[A-Za-z0-9\-._~!$&()*+,;=:@/%]*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*)?$/;

/**
 * A dot segment ("/./", "/../", "/.hidden" is refused too, conservatively)
 * or an encoded dot. Tested on the whole URL: in a PLAINLY_NORMAL match the
 * scheme and host hold neither a "/." nor a "%".
 */
const DOT_SEGMENT = /\/\.|%2e/i;

function isPlainlyNormal( href: string ): boolean {
	return (
		typeof href === 'string' &&
		href.length <= 8192 &&
		PLAINLY_NORMAL.test( href ) &&
		! href.includes( 'xn--' ) &&
		! DOT_SEGMENT.test( href )
	);
}

const VALID_BASES = new Map< string, boolean >();

/** Whether `base` parses as a URL (a bad base makes every resolution fail). */
function isValidBase( base: string ): boolean {
	return memo( VALID_BASES, base, ( candidate ) => {
		if ( typeof candidate !== 'string' ) {
			return false;
		}
		try {
			return new URL( candidate ).href !== '';
		} catch {
			return false;
		}
	} );
}

function computeNormalizedUrl( href: string, base?: string ): string | null {
	const url = parseHttp( href, base );
	if ( ! url ) {
		return null;
	}
	// Each setter re-serialises the URL natively, even to the same value;
	// most links have none of the three, and an empty "#" is still a hash.
	if ( url.hash !== '' || url.href.endsWith( '#' ) ) {
		url.hash = '';
	}
	if ( url.username !== '' || url.password !== '' ) {
		url.username = '';
		url.password = '';
	}
	if ( url.hostname.endsWith( '.' ) ) {
		url.hostname = url.hostname.replace( /\.+$/, '' );
		if ( url.hostname === '' ) {
			return null;
		}
	}
	return url.href;
}

function stripTracking( url: URL ): void {
	for ( const name of [ ...url.searchParams.keys() ] ) {
		if ( TRACKING_PARAM.test( name ) ) {
			url.searchParams.delete( name );
		}
	}
}

/** Parse a full URL, or a scheme-less `host/path` as people type them. */
function parseLoose( input: string ): URL | null {
	if ( typeof input !== 'string' ) {
		return null;
	}
	const trimmed = input.trim();
	const normalised = normalizeUrl( trimmed );
	if ( normalised ) {
		return new URL( normalised );
	}
	if ( trimmed === '' || /^\/(?!\/)|^[?#.]/.test( trimmed ) ) {
		// A relative reference has no host to speak of.
		return null;
	}
	if ( /^[a-z][a-z0-9+.-]*:/i.test( trimmed ) ) {
		// Another scheme (mailto:, javascript:) is not a web address; but a
		// bare `host:port` is, and is handled below.
		if ( ! /^[^/:]+:\d+(\/|$)/.test( trimmed ) ) {
			return null;
		}
	}
	const withScheme = normalizeUrl(
		'http://' + trimmed.replace( /^\/\//, '' )
	);
	return withScheme ? new URL( withScheme ) : null;
}

/**
 * Identity of a URL for comparisons: `http://www.Example.com/a/` and
 * `https://example.com/a` are the same page. No scheme, no `www.`, no
 * trailing slash, no tracking parameters (utm_*, gclid …), no directory
 * index file; path case and the remaining query are kept.
 *
 * Accepts scheme-less input (`example.com/a`). Input that is no web address
 * at all yields its trimmed, lower-cased self, so it only ever equals itself.
 */
export function urlKey( url: string ): string {
	return memo( KEYS, url, computeUrlKey );
}

function computeUrlKey( url: string ): string {
	const parsed = parseLoose( url );
	if ( ! parsed ) {
		return typeof url === 'string' ? url.trim().toLowerCase() : '';
	}
	stripTracking( parsed );
	const host = parsed.host.replace( /^www\./, '' );
	const path = parsed.pathname
		.replace( DIRECTORY_INDEX, '/' )
		.replace( /\/+$/, '' );
	return host + path + parsed.search;
}

function hostOf( urlOrHost: string ): string | null {
	const parsed = parseLoose( urlOrHost );
	return parsed ? parsed.hostname : null;
}

function isIpOrSingleLabel( hostname: string ): boolean {
	const bare = hostname.replace( /^\[|\]$/g, '' );
	return (
		bare.includes( ':' ) ||
		/^\d{1,3}(\.\d{1,3}){3}$/.test( bare ) ||
		! bare.includes( '.' )
	);
}

/**
 * Registrable domain ("eTLD+1") of a URL or host by the Public Suffix List,
 * including its private section: `blog.example.co.uk` → `example.co.uk`, and
 * `alice.blogspot.com` → `alice.blogspot.com` (each blog is its own site).
 *
 * IP addresses and single-label hosts (`localhost`) have no registrable
 * domain: they yield the host itself, so two links to the same address still
 * compare equal. Null when the input holds no host at all.
 */
export function registrableDomain( urlOrHost: string ): string | null {
	return memo( DOMAINS, urlOrHost, computeRegistrableDomain );
}

function computeRegistrableDomain( urlOrHost: string ): string | null {
	const hostname = hostOf( urlOrHost );
	if ( ! hostname ) {
		return null;
	}
	if ( isIpOrSingleLabel( hostname ) ) {
		return hostname;
	}
	const domain = parseDomain( hostname, {
		allowPrivateDomains: true,
	} ).domain;
	return domain ?? hostname;
}

/**
 * Whether a URL is a site's front page: the root path (or a directory index
 * file, or a language root such as `/en/`) without a query that selects
 * content. `/?p=123` is a WordPress post, not the homepage; `/?utm_source=x`
 * is the homepage.
 */
export function isHomepage( url: string ): boolean {
	return memo( HOMEPAGES, url, computeIsHomepage );
}

function computeIsHomepage( url: string ): boolean {
	const parsed = parseLoose( url );
	if ( ! parsed ) {
		return false;
	}
	stripTracking( parsed );
	if ( parsed.search !== '' ) {
		return false;
	}
	const path = parsed.pathname.replace( DIRECTORY_INDEX, '/' );
	return path === '/' || LANGUAGE_ROOT.test( path );
}

export interface SiteMatcher {
	/** The link points somewhere on our site (so it is internal). */
	isOurs: ( url: string ) => boolean;
	/** The link points at one of our home URLs. */
	isOurHomepage: ( url: string ) => boolean;
	/**
	 * What "ours" means: registrable domains, and `host:port` for sites that
	 * live on an IP address or a single-label host (local test servers).
	 */
	domains: string[];
}

function siteIdentity( url: URL ): string {
	if ( isIpOrSingleLabel( url.hostname ) ) {
		return url.host;
	}
	return registrableDomain( url.hostname ) ?? url.hostname;
}

/**
 * The identity of a URL's site, for counting and grouping partners: its
 * registrable domain, or for IP addresses and single-label hosts (which
 * have none) `host:port`, so that two local servers on different ports are
 * two different sites. Null when the input holds no host.
 */
export function siteKey( urlOrHost: string ): string | null {
	return memo( SITES, urlOrHost, computeSiteKey );
}

function computeSiteKey( urlOrHost: string ): string | null {
	const parsed = parseLoose( urlOrHost );
	return parsed ? siteIdentity( parsed ) : null;
}

/**
 * Decides which URLs are ours given the site's own URLs (home URL, and any
 * variants: an old domain, a www/non-www twin, a separate shop host).
 *
 * A URL is ours when its registrable domain is the registrable domain of one
 * of the site URLs: every subdomain of our domain counts as ours, since a
 * link from the blog to `shop.example.com` is a link within one owner's
 * property, never a link exchange. Hosts on a private suffix
 * (`alice.github.io`) are their own registrable domain, so neighbouring
 * blogs on the same platform stay external. Unparseable site URLs are
 * ignored.
 *
 * Our homepage is any of the given site URLs (identity by {@link urlKey}, so
 * a WordPress installed under `/blog/` has `/blog/` as its homepage), or the
 * front page ({@link isHomepage}) of one of the site URLs' hosts, with or
 * without `www.`.
 */
export function createSiteMatcher( siteUrls: string[] ): SiteMatcher {
	const domains = new Set< string >();
	const homeKeys = new Set< string >();
	const homeHosts = new Set< string >();
	for ( const siteUrl of siteUrls ) {
		const parsed = parseLoose( siteUrl );
		if ( ! parsed ) {
			continue;
		}
		domains.add( siteIdentity( parsed ) );
		homeKeys.add( urlKey( parsed.href ) );
		homeHosts.add( parsed.host.replace( /^www\./, '' ) );
	}
	const isOurs = ( url: string ): boolean => {
		const site = siteKey( url );
		return site !== null && domains.has( site );
	};
	return {
		domains: [ ...domains ],
		isOurs,
		isOurHomepage( url: string ): boolean {
			if ( ! isOurs( url ) ) {
				return false;
			}
			const key = urlKey( url );
			if ( homeKeys.has( key ) ) {
				return true;
			}
			return (
				homeHosts.has( key.split( /[/?]/ )[ 0 ] ) && isHomepage( url )
			);
		},
	};
}
