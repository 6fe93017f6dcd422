/**
 * The partner graph of a site as the service answers with it (issue 19):
 * the pages in the store analysed by core (core/graph/analyze.ts), and
 * what it says about each partner attached to that partner's check result
 * (`BacklinkResult.graph`), so the editor, the server-side lock, `rlg
 * check` and the report all judge rings, networks and footprints from the
 * same facts.
 *
 * Analysing a large graph (2,000 pages of 200 domains) takes a while, and
 * an editor asks many times a minute: the analysis is kept per site while
 * the store's graph version of the site (`Store.graphVersion`, one small
 * read) stays the same, so pages recorded and backlinks imported by any
 * process on the database (another API node, an `rlg worker`, `rlg
 * import`) show in the next check, and nothing is analysed again while
 * nothing changed.
 */
import {
	analyzePartnerGraph,
	type PartnerGraphAnalysis,
} from '../../core/graph/analyze';
import type { LinkToUsInput } from '../../core/graph/schemas';
import type { BacklinkResult } from '../../core/schemas';
import { siteKey } from '../../core/url';
import type { SiteRecord, Store } from '../store/types';

export interface PartnerGraphCacheOptions {
	/**
	 * Where the pages come from; with `graphVersion`, an analysis is reused
	 * only while the site's version is unchanged (without it, for `maxAgeMs`
	 * unless this process records pages or drops it).
	 */
	store: Pick< Store, 'partnerPages' > &
		Partial< Pick< Store, 'graphVersion' > >;
	/**
	 * How long an analysis is reused at most, even when the version says
	 * nothing changed (default 60 s).
	 */
	maxAgeMs?: number;
	/**
	 * How long an analysis is still reused after pages were recorded, unless
	 * asked `fresh` (default 2 s): a request checking 100 partners does not
	 * analyse the graph 100 times for the answers it streams.
	 */
	staleMs?: number;
	/**
	 * More "X links to us" edges for the site, e.g. imported backlink
	 * exports (source `imported`); none by default.
	 */
	linksToUs?: ( siteId: number ) => Promise< LinkToUsInput[] >;
	/** Sites everybody links to, besides core's COMMON_DOMAINS. */
	commonDomains?: readonly string[];
	now?: () => number;
}

export interface PartnerGraphCache {
	/**
	 * The site's analysed graph, recomputed when the store's graph version
	 * of the site moved or pages were recorded here since it was analysed;
	 * without `fresh`, an analysis of the last `staleMs` is taken as it is
	 * (the answers streamed within one request).
	 */
	get: (
		site: SiteRecord,
		options?: { fresh?: boolean }
	) => Promise< PartnerGraphAnalysis >;
	/** Pages of the site were recorded: the next `get` recomputes. */
	invalidate: ( siteId: number ) => void;
	/**
	 * The site's other edges changed (backlinks were imported): the next
	 * `get` recomputes, even a streamed answer's within `staleMs`; an import
	 * is rare, and the editor's next check should show what it closes.
	 */
	drop: ( siteId: number ) => void;
}

/** Our site's keys: its URL's first, then its aliases'. */
export function ourSiteKeys(
	site: Pick< SiteRecord, 'url' | 'alternateUrls' >
) {
	return [
		...new Set(
			[ site.url, ...site.alternateUrls ]
				.map( ( url ) => siteKey( url ) )
				.filter( ( key ): key is string => key !== null )
		),
	];
}

/** The analysis of a site's graph from its stored pages, now. */
export async function loadPartnerGraph(
	options: Omit< PartnerGraphCacheOptions, 'maxAgeMs' | 'now' >,
	site: SiteRecord
): Promise< PartnerGraphAnalysis > {
	const [ pages, linksToUs ] = await Promise.all( [
		options.store.partnerPages( site.id ),
		options.linksToUs?.( site.id ) ?? Promise.resolve( [] ),
	] );
	return analyzePartnerGraph( {
		us: ourSiteKeys( site ),
		pages,
		linksToUs,
		commonDomains: options.commonDomains,
	} );
}

export function createPartnerGraphCache(
	options: PartnerGraphCacheOptions
): PartnerGraphCache {
	const maxAgeMs = options.maxAgeMs ?? 60_000;
	const staleMs = options.staleMs ?? 2_000;
	const now = options.now ?? Date.now;
	const cache = new Map<
		number,
		{
			at: number;
			/** `recorded` of the site when this analysis started loading. */
			version: number;
			/** The store's graph version read before this analysis loaded. */
			stored: string | null;
			analysis: Promise< PartnerGraphAnalysis >;
		}
	>();
	/** Per site: how many times pages were recorded in this process. */
	const recorded = new Map< number, number >();
	/** Per site: the graph version being read (callers at once share it). */
	const reading = new Map< number, Promise< string | null > >();
	const storedVersion = ( siteId: number ): Promise< string | null > => {
		const graphVersion = options.store.graphVersion;
		if ( ! graphVersion ) {
			return Promise.resolve( null );
		}
		let read = reading.get( siteId );
		if ( ! read ) {
			read = graphVersion
				.call( options.store, siteId )
				.finally( () => reading.delete( siteId ) );
			reading.set( siteId, read );
		}
		return read;
	};
	return {
		async get( site, { fresh = false } = {} ) {
			let known = cache.get( site.id );
			const version = recorded.get( site.id ) ?? 0;
			const age = known ? now() - known.at : Infinity;
			// A streamed answer may use an analysis for a moment without
			// asking the store (a request checking 100 partners does not
			// read the version 100 times).
			if ( known && ! fresh && age < staleMs ) {
				return known.analysis;
			}
			const stored = await storedVersion( site.id );
			// Another caller may have started a load while we read.
			known = cache.get( site.id );
			// Up to date: no pages recorded here since this analysis started
			// loading, and the store's version is the one it loaded at
			// (requests finishing together share one load).
			if (
				known &&
				now() - known.at < maxAgeMs &&
				known.version >= version &&
				known.stored === stored
			) {
				return known.analysis;
			}
			const analysis = loadPartnerGraph( options, site );
			const entry = { at: now(), version, stored, analysis };
			cache.set( site.id, entry );
			// A failed load is not kept: the next caller tries again.
			analysis.catch( () => {
				if ( cache.get( site.id ) === entry ) {
					cache.delete( site.id );
				}
			} );
			return analysis;
		},
		invalidate( siteId ) {
			recorded.set( siteId, ( recorded.get( siteId ) ?? 0 ) + 1 );
		},
		drop( siteId ) {
			cache.delete( siteId );
		},
	};
}

/**
 * The result with what the graph says about its partner, or without a
 * `graph` field when it says nothing (a result of our own site, a partner
 * outside every pattern).
 */
export function withGraphFacts(
	result: BacklinkResult,
	analysis: PartnerGraphAnalysis
): BacklinkResult {
	const domain = siteKey( result.target );
	const facts =
		domain === null ? undefined : analysis.byPartner.get( domain );
	if ( ! facts ) {
		if ( result.graph === undefined ) {
			return result;
		}
		const { graph: _stale, ...rest } = result;
		return rest;
	}
	return { ...result, graph: facts };
}
