/**
 * Issue 16 (health under hostile load): a partner page with tens of
 * thousands of links to us is turned into the check result's links in the
 * analysis worker, not in the service's event loop. What crosses from the
 * worker to the checker is at most MAX_KEPT_LINKS links and the counts of
 * all of them, never the page's 20,000 links (before: every one of them was
 * cloned into the main thread and classified there, a second or more of
 * event-loop time per page, during which health and every other site
 * waited). Results are the same as when the work ran in the checker.
 */
import {
	createAnalysisPool,
	createInlineAnalyzer,
	type AnalysisPool,
	type PageAnalysis,
	type PageAnalysisRequest,
	type PageAnalyzer,
} from '../../src/service/analysis';
import { createBacklinkChecker } from '../../src/service/backlinks';
import { linksOfPage } from '../../src/service/backlinks/page-links';
import { createFetcher } from '../../src/service/fetch';
import {
	MAX_KEPT_LINKS,
	totalLinks,
	placementCounts,
} from '../../src/core/their-links';
import { createSiteMatcher } from '../../src/core/url';
import { startPartnerWeb, type PartnerWeb } from '../helpers/partner-web';

const SITE = 'https://our.example/';
const LINKS = 20_000;
const HOST = 'farm.test';

/** 20,000 content links to us (anchors varied), a footer link, a hidden one. */
function farmPage(): string {
	const links = Array.from(
		{ length: LINKS },
		( _, i ) =>
			`<a href="${ SITE }post-${ i % 40 }/">${
				i % 3 ? 'garden furniture' : `tip ${ i % 7 }`
			}</a> `
	).join( '' );
	return `<!doctype html><html><head><title>Farm</title></head><body><main><p>${ links }</p><div style="display:none"><a href="${ SITE }">hidden</a></div></main><footer><a href="${ SITE }">De Moestuinier</a></footer></body></html>`;
}

const anchors = {
	keywords: [ 'garden furniture' ],
	brandTerms: [ 'Moestuinier' ],
	partialMatchShare: 0.5,
};

let pool: AnalysisPool;
let web: PartnerWeb;
const page = farmPage();

beforeAll( async () => {
	pool = createAnalysisPool( { threads: 1 } );
	web = await startPartnerWeb( {
		[ HOST ]: { '/robots.txt': '', '/': '<p>home</p>', '*': page },
	} );
} );

afterAll( async () => {
	await pool?.close();
	await web?.close();
} );

it( 'a worker answers 50 kept links and the counts of all, the same as the checker would build from all links', async () => {
	const request: PageAnalysisRequest = {
		html: page,
		baseUrl: `http://${ HOST }/farm`,
		siteUrls: [ SITE ],
	};
	const [ bounded, all ] = await Promise.all( [
		pool.analyze( {
			...request,
			ours: { ...anchors, foundOn: 'target-page' },
		} ),
		createInlineAnalyzer().analyze( request ),
	] );
	expect( all.links.length ).toBe( LINKS + 2 );
	expect( bounded.links ).toEqual( [] );
	expect( bounded.ours!.links.length ).toBeLessThanOrEqual( MAX_KEPT_LINKS );
	expect( bounded.ours ).toEqual(
		linksOfPage(
			all.links,
			request.baseUrl,
			'target-page',
			createSiteMatcher( [ SITE ] ),
			anchors
		)
	);
	expect( bounded.facts ).toEqual( all.facts );
} );

/** The pool, recording how many links each answer carried back. */
function counting( inner: PageAnalyzer ): PageAnalyzer & { carried: number[] } {
	const carried: number[] = [];
	return {
		carried,
		threads: inner.threads,
		close: () => inner.close(),
		async analyze( request ): Promise< PageAnalysis > {
			const answer = await inner.analyze( request );
			carried.push(
				answer.links.length + ( answer.ours?.links.length ?? 0 )
			);
			return answer;
		},
	};
}

it( 'the checker receives at most 50 links per page from the analysis, and its result counts all of them', async () => {
	const analyzer = counting( pool );
	const checker = createBacklinkChecker( {
		fetcher: createFetcher( {
			resolveMap: web.resolveMap,
			maxBytes: 2 * 1024 * 1024,
		} ),
		analyzer,
	} );
	const result = await checker.checkTarget( web.url( HOST, '/farm' ), {
		siteUrls: [ SITE ],
		homepage: true,
		...anchors,
	} );
	expect( result.status ).toBe( 'links-back' );
	// The target page and the homepage, each bounded in the worker.
	expect( analyzer.carried ).toHaveLength( 2 );
	expect( Math.max( ...analyzer.carried ) ).toBeLessThanOrEqual(
		MAX_KEPT_LINKS
	);
	expect( totalLinks( result ) ).toBe( LINKS + 2 );
	expect( placementCounts( result.linkCounts ?? [] ) ).toEqual( [
		{ where: 'content', count: LINKS + 1, hidden: 1, onHomepage: 0 },
		{ where: 'footer', count: 1, hidden: 0, onHomepage: 0 },
	] );
} );

it( 'the cloaking comparison still gets every link of the target page', async () => {
	const analyzer = counting( pool );
	const checker = createBacklinkChecker( {
		fetcher: createFetcher( {
			resolveMap: web.resolveMap,
			maxBytes: 2 * 1024 * 1024,
		} ),
		analyzer,
	} );
	let seen = 0;
	const result = await checker.checkTarget( web.url( HOST, '/farm' ), {
		siteUrls: [ SITE ],
		homepage: false,
		...anchors,
		onTargetPageLinks: ( links ) => ( seen = links.length ),
	} );
	expect( seen ).toBe( LINKS + 2 );
	expect( result.links.length ).toBeLessThanOrEqual( MAX_KEPT_LINKS );
	expect( totalLinks( result ) ).toBe( LINKS + 2 );
} );
