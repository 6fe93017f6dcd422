/**
 * The page analyzer the backlink checker calls: HTML in, the links to our
 * site (with placement) and the page facts out. Two implementations with
 * one contract: in this thread (tests, small tools) or in worker threads
 * (`rlg serve`, `rlg scan`), where a 2 MB partner page no longer stalls
 * the event loop that answers WordPress.
 */
import type { Backlink } from '../../core/schemas';
import { analyzeHtml, type HtmlAnalysis } from '../../core/extract';
import {
	createOutboundCounter,
	type OutboundSummary,
} from '../../core/graph/outbound';
import { createSiteMatcher, siteKey, type SiteMatcher } from '../../core/url';
import {
	linksOfPage,
	type AnchorOptions,
	type LinksOfPage,
} from '../backlinks/page-links';
import { RlgError } from '../errors';
import { decodeBytes } from '../fetch/charset';
import { createKeepLinkCache } from './keep-link';

/** The page as text, or as the fetched bytes and their charset. */
export type PageSource =
	| { html: string }
	| {
			/** The decompressed body, decoded where the analysis runs. */
			body: Uint8Array;
			/** WHATWG charset name (FetchedPage.charset). */
			charset: string;
	  };

export type PageAnalysisRequest = PageSource & {
	/** The URL the page was fetched from (after redirects). */
	baseUrl: string;
	/**
	 * Our site's URLs: only links to them are returned (with text and
	 * placement); the facts are those of the whole page either way.
	 */
	siteUrls: readonly string[];
	/**
	 * Also turn the links to us into the check result's Backlinks here
	 * (page-links.ts): the answer then carries `ours` (at most 50 links and
	 * the counts of all) and no ExtractedLinks, so a page of 56,000 links to
	 * us costs the caller's thread nothing.
	 */
	ours?: PageLinksRequest;
};

/** How the links of the page become Backlinks (see linksOfPage). */
export interface PageLinksRequest extends AnchorOptions {
	foundOn: Backlink[ 'foundOn' ];
}

/**
 * The analysis of a partner page: the links to us and the page facts, plus
 * the domains the page links to (the partner graph, issue 19), counted in
 * the same pass over its links. With `ours` asked for, `links` is empty and
 * `ours` holds the kept links and counts instead.
 */
export type PageAnalysis = HtmlAnalysis & {
	outbound: OutboundSummary;
	ours?: LinksOfPage;
};

export interface PageAnalyzer {
	/**
	 * Rejects only when the analysis could not run (an RlgError with code
	 * ERR_ANALYSIS_FAILED, ERR_ANALYSIS_WORKER_EXITED or
	 * ERR_ANALYSIS_CLOSED); the caller turns that into a page status.
	 */
	analyze: ( request: PageAnalysisRequest ) => Promise< PageAnalysis >;
	/** Worker threads in use (0: analysis runs in the calling thread). */
	readonly threads: number;
	/**
	 * Stops the worker threads that have nothing to analyse, giving their
	 * memory back; the next page starts them again. Optional: an analyzer
	 * without threads has nothing to give back.
	 */
	release?: () => Promise< void >;
	close: () => Promise< void >;
}

/** Analysis as a plain function of the request (also the worker's body). */
export function createPageAnalysis(): (
	request: PageAnalysisRequest
) => PageAnalysis {
	const keepLinkFor = createKeepLinkCache();
	const matchers = new Map< string, SiteMatcher >();
	const matcherFor = ( siteUrls: readonly string[] ) => {
		const key = siteUrls.join( '\n' );
		let matcher = matchers.get( key );
		if ( ! matcher ) {
			if ( matchers.size >= 64 ) {
				matchers.delete( matchers.keys().next().value as string );
			}
			matcher = createSiteMatcher( [ ...siteUrls ] );
			matchers.set( key, matcher );
		}
		return matcher;
	};
	return ( request ) => {
		const ours = keepLinkFor( request.siteUrls );
		// Every resolved link passes the keepLink test once: the place to
		// count the page's outbound domains without a second pass.
		const counter = createOutboundCounter(
			siteKey( request.baseUrl ),
			ours
		);
		const analysis = analyzeHtml(
			'html' in request
				? request.html
				: decodeBytes( request.body, request.charset ),
			request.baseUrl,
			{
				keepLink: ( href ) => {
					const kept = ours( href );
					if ( ! kept ) {
						counter.add( href );
					}
					return kept;
				},
			}
		);
		const outbound = counter.summary();
		if ( ! request.ours ) {
			return { ...analysis, outbound };
		}
		const { foundOn, ...anchors } = request.ours;
		return {
			...analysis,
			outbound,
			links: [],
			ours: linksOfPage(
				analysis.links,
				request.baseUrl,
				foundOn,
				matcherFor( request.siteUrls ),
				anchors
			),
		};
	};
}

/** Analysis in the calling thread. */
export function createInlineAnalyzer(): PageAnalyzer {
	const analyse = createPageAnalysis();
	return {
		threads: 0,
		analyze: async ( request ) => {
			try {
				return analyse( request );
			} catch ( error ) {
				throw analysisFailed( error );
			}
		},
		close: async () => {},
	};
}

/** The analyser is meant to accept any string; this is for when it did not. */
export function analysisFailed( error: unknown ): RlgError {
	return new RlgError(
		'ERR_ANALYSIS_FAILED',
		`the HTML could not be analysed (${
			error instanceof Error ? error.message : String( error )
		})`
	);
}
