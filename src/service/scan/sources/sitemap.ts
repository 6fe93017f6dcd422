/**
 * Reads any site from its sitemap: a sitemap index, nested indexes, plain
 * and gzipped (.gz) sitemaps, parsed with htmlparser2 in XML mode. Each URL
 * of the site is fetched as a whole HTML page, so its links carry their
 * real placement (content, sidebar, footer, …).
 *
 * Position = (n-th URL sitemap in depth-first order, URLs done in it). A
 * resumed scan walks the indexes again (they are small) and skips what was
 * stored. One URL sitemap (at most 50,000 URLs by the protocol) is held at
 * a time; the pages themselves are read a batch at a time.
 */
import zlib from 'node:zlib';
import { Parser } from 'htmlparser2';
import { urlKey, normalizeUrl } from '../../../core/url';
import type { SiteMatcher } from '../../../core/url';
import { RlgError } from '../../errors';
import type { ScanCursor } from '../../store/scan-types';
import { isPageFailure } from '../http';
import type { ScanHttp } from '../http';
import type { KeyBatch, PostBatch, PostSource, SourcePost } from './types';
import { mapConcurrent } from '../../map-concurrent';

/** The sitemap protocol's limit on one (uncompressed) sitemap file. */
export const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;
/** Nesting of sitemap indexes followed; deeper ones are a loop or an error. */
const MAX_DEPTH = 4;
/** Sitemaps a site may have before the scan refuses (protocol: 50,000). */
const MAX_SITEMAPS = 50_000;

export interface SitemapEntry {
	loc: string;
	lastmod: string | null;
}

export interface ParsedSitemap {
	kind: 'index' | 'urlset';
	entries: SitemapEntry[];
}

/** Parse a sitemap or sitemap index document (namespaces ignored). */
export function parseSitemap( xml: string ): ParsedSitemap {
	let kind: ParsedSitemap[ 'kind' ] | null = null;
	const entries: SitemapEntry[] = [];
	let current: { loc: string; lastmod: string } | null = null;
	let field: 'loc' | 'lastmod' | null = null;
	const localName = ( name: string ) =>
		name.slice( name.indexOf( ':' ) + 1 ).toLowerCase();
	const parser = new Parser(
		{
			onopentag( rawName ) {
				const name = localName( rawName );
				if (
					kind === null &&
					( name === 'sitemapindex' || name === 'urlset' )
				) {
					kind = name === 'sitemapindex' ? 'index' : 'urlset';
				} else if ( name === 'sitemap' || name === 'url' ) {
					current = { loc: '', lastmod: '' };
				} else if (
					current &&
					( name === 'loc' || name === 'lastmod' )
				) {
					field = name;
				}
			},
			ontext( text ) {
				if ( current && field ) {
					current[ field ] += text;
				}
			},
			onclosetag( rawName ) {
				const name = localName( rawName );
				if ( name === 'loc' || name === 'lastmod' ) {
					field = null;
				} else if (
					( name === 'sitemap' || name === 'url' ) &&
					current
				) {
					const loc = current.loc.trim();
					if ( loc !== '' ) {
						entries.push( {
							loc,
							lastmod: current.lastmod.trim() || null,
						} );
					}
					current = null;
				}
			},
		},
		{ xmlMode: true, decodeEntities: true }
	);
	parser.write( xml );
	parser.end();
	if ( kind === null ) {
		throw new RlgError(
			'ERR_SCAN_SITEMAP',
			'the document is neither a <urlset> nor a <sitemapindex>'
		);
	}
	return { kind, entries };
}

function gunzipIfNeeded( body: Buffer, url: string ): Buffer {
	if ( body.length < 2 || body[ 0 ] !== 0x1f || body[ 1 ] !== 0x8b ) {
		return body;
	}
	try {
		// Capped: a small .gz can unpack to gigabytes.
		return zlib.gunzipSync( body, { maxOutputLength: MAX_SITEMAP_BYTES } );
	} catch ( error ) {
		throw new RlgError(
			'ERR_SCAN_SITEMAP',
			`${ url }: cannot decompress (${ ( error as Error ).message })`
		);
	}
}

export interface SitemapSourceOptions {
	site: string;
	/** Explicit sitemap; default: the site's /sitemap.xml, then /wp-sitemap.xml. */
	sitemapUrl?: string | null;
	http: ScanHttp;
	/** Decides which URLs of a sitemap belong to the site. */
	siteMatcher: SiteMatcher;
	/** Which of these keys are already stored (for incremental scans). */
	knownPosts: ( keys: string[] ) => Promise< Set< string > >;
	/** Pages read per batch (one transaction each). */
	batchSize?: number;
	/** Pages of the batch fetched at once (the fetcher limits per host). */
	concurrency?: number;
}

/** The absolute http(s) URLs of a robots.txt's `Sitemap:` lines, in order. */
export function sitemapLines( robotsTxt: string, robotsUrl: string ): string[] {
	const urls: string[] = [];
	for ( const line of robotsTxt.split( /\r?\n/ ) ) {
		const match = /^\s*sitemap\s*:\s*(\S+)/i.exec( line );
		const url = match ? normalizeUrl( match[ 1 ], robotsUrl ) : null;
		if ( url && ! urls.includes( url ) ) {
			urls.push( url );
		}
	}
	return urls;
}

export function sitemapKey( url: string ): string {
	return `url:${ urlKey( url ) }`;
}

export function createSitemapSource(
	options: SitemapSourceOptions
): PostSource {
	const { http, siteMatcher } = options;
	const batchSize = options.batchSize ?? 20;
	const concurrency = options.concurrency ?? 4;
	const root = options.site.endsWith( '/' )
		? options.site
		: options.site + '/';

	async function fetchSitemap(
		url: string
	): Promise< ParsedSitemap | null > {
		const response = await http.get( url, {
			headers: { accept: 'application/xml, text/xml;q=0.9, */*;q=0.1' },
			maxBytes: MAX_SITEMAP_BYTES,
		} );
		if ( response.status === 404 || response.status === 410 ) {
			return null;
		}
		if ( response.status !== 200 ) {
			throw new RlgError(
				'ERR_SCAN_SITEMAP',
				`${ url }: HTTP ${ response.status }`
			);
		}
		const xml = gunzipIfNeeded( response.body, url ).toString( 'utf8' );
		try {
			return parseSitemap( xml );
		} catch ( error ) {
			throw new RlgError(
				'ERR_SCAN_SITEMAP',
				`${ url }: ${ ( error as Error ).message }`
			);
		}
	}

	async function findRoot(): Promise< {
		url: string;
		sitemap: ParsedSitemap;
	} > {
		const candidates = options.sitemapUrl
			? [ options.sitemapUrl ]
			: [
					`${ root }sitemap.xml`,
					`${ root }wp-sitemap.xml`,
					`${ root }sitemap_index.xml`,
				];
		for ( const url of candidates ) {
			const sitemap = await fetchSitemap( url );
			if ( sitemap ) {
				return { url, sitemap };
			}
		}
		// A site whose sitemap lives elsewhere names it in robots.txt.
		const declared = options.sitemapUrl ? [] : await robotsSitemaps();
		for ( const url of declared ) {
			const sitemap = await fetchSitemap( url );
			if ( sitemap ) {
				return { url, sitemap };
			}
		}
		throw new RlgError(
			'ERR_SCAN_SITEMAP',
			`no sitemap found at ${ [ ...candidates, ...declared ].join(
				', '
			) }${
				options.sitemapUrl
					? ''
					: ' (nor a Sitemap: line in robots.txt); name it with --sitemap <url>'
			}`
		);
	}

	/** The `Sitemap:` URLs of the site's robots.txt (none if it has none). */
	async function robotsSitemaps(): Promise< string[] > {
		const robots = `${ new URL( root ).origin }/robots.txt`;
		const response = await http.get( robots, {
			headers: { accept: 'text/plain, */*;q=0.1' },
			maxBytes: 512 * 1024,
		} );
		if ( response.status !== 200 ) {
			return [];
		}
		return sitemapLines( response.body.toString( 'utf8' ), robots );
	}

	/** URL sitemaps in depth-first order, each with its entries. */
	async function* leaves(): AsyncIterable< {
		url: string;
		entries: SitemapEntry[];
	} > {
		const seen = new Set< string >();
		let count = 0;
		async function* walk(
			url: string,
			sitemap: ParsedSitemap,
			depth: number
		): AsyncIterable< { url: string; entries: SitemapEntry[] } > {
			if ( sitemap.kind === 'urlset' ) {
				yield { url, entries: sitemap.entries };
				return;
			}
			if ( depth >= MAX_DEPTH ) {
				throw new RlgError(
					'ERR_SCAN_SITEMAP',
					`${ url }: sitemap indexes nested deeper than ${ MAX_DEPTH }`
				);
			}
			for ( const entry of sitemap.entries ) {
				const child = normalizeUrl( entry.loc, url );
				if ( ! child || seen.has( urlKey( child ) ) ) {
					continue;
				}
				seen.add( urlKey( child ) );
				if ( ++count > MAX_SITEMAPS ) {
					throw new RlgError(
						'ERR_SCAN_SITEMAP',
						`more than ${ MAX_SITEMAPS } sitemaps`
					);
				}
				const nested = await fetchSitemap( child );
				if ( nested ) {
					yield* walk( child, nested, depth + 1 );
				}
			}
		}
		const start = await findRoot();
		seen.add( urlKey( start.url ) );
		yield* walk( start.url, start.sitemap, 0 );
	}

	/** The site's own page URLs of a sitemap, deduplicated, in order. */
	function pagesOf( entries: SitemapEntry[], base: string ): SitemapEntry[] {
		const keys = new Set< string >();
		const pages: SitemapEntry[] = [];
		for ( const entry of entries ) {
			const url = normalizeUrl( entry.loc, base );
			if (
				! url ||
				! siteMatcher.isOurs( url ) ||
				keys.has( urlKey( url ) )
			) {
				continue;
			}
			keys.add( urlKey( url ) );
			pages.push( { loc: url, lastmod: entry.lastmod } );
		}
		return pages;
	}

	return {
		keyPrefix: 'url:',
		listsEveryPost: true,

		async *readPosts(
			cursor: ScanCursor,
			modifiedAfter: string | null
		): AsyncIterable< PostBatch > {
			const startLeaf = typeof cursor.leaf === 'number' ? cursor.leaf : 0;
			const startOffset =
				typeof cursor.offset === 'number' ? cursor.offset : 0;
			const since = modifiedAfter ? Date.parse( modifiedAfter ) : null;
			let leafIndex = -1;
			let postsTotal = 0;
			for await ( const leaf of leaves() ) {
				leafIndex++;
				const pages = pagesOf( leaf.entries, leaf.url );
				postsTotal += pages.length;
				if ( leafIndex < startLeaf ) {
					continue;
				}
				let offset = leafIndex === startLeaf ? startOffset : 0;
				while ( offset < pages.length ) {
					const batch = pages.slice( offset, offset + batchSize );
					offset += batch.length;
					const keys = batch.map( ( page ) =>
						sitemapKey( page.loc )
					);
					const known = await options.knownPosts( keys );
					const unchanged: string[] = [];
					const toRead: SitemapEntry[] = [];
					batch.forEach( ( page, index ) => {
						const lastmod = page.lastmod
							? Date.parse( page.lastmod )
							: NaN;
						// Without a lastmod the page may have changed: read it again.
						if (
							since !== null &&
							known.has( keys[ index ] ) &&
							lastmod < since
						) {
							unchanged.push( keys[ index ] );
						} else {
							toRead.push( page );
						}
					} );
					const failures: PostBatch[ 'failures' ] = [];
					const posts: SourcePost[] = [];
					const outcomes = await mapConcurrent(
						toRead,
						concurrency,
						async ( page ) => ( {
							page,
							outcome: await http.page( page.loc ),
						} )
					);
					for ( const { page, outcome } of outcomes ) {
						if ( isPageFailure( outcome ) ) {
							failures.push( outcome );
							// A page that failed once is not a deleted page.
							if ( known.has( sitemapKey( page.loc ) ) ) {
								unchanged.push( sitemapKey( page.loc ) );
							}
							continue;
						}
						posts.push( {
							sourceKey: sitemapKey( page.loc ),
							url: page.loc,
							baseUrl: outcome.url,
							title: '',
							modifiedGmt:
								page.lastmod &&
								! Number.isNaN( Date.parse( page.lastmod ) )
									? new Date( page.lastmod ).toISOString()
									: null,
							html: outcome.html,
							fragment: false,
						} );
					}
					yield {
						posts,
						unchanged,
						failures,
						postsTotal,
						cursor:
							offset < pages.length
								? { leaf: leafIndex, offset }
								: { leaf: leafIndex + 1, offset: 0 },
					};
				}
			}
		},

		async *listKeys(): AsyncIterable< KeyBatch > {
			// readPosts already reports every URL of the sitemaps.
		},
	};
}
