/**
 * From HTML to findings: our post body and their page go through the real
 * extractor (analyzeHtml), their links to us become backlinks the way the
 * checker builds them, and evaluatePost judges the result. Pins down that
 * the rules read the extractor's block/list/heading/position fields the way
 * the extractor fills them.
 */
import { classifyAnchor } from '../../src/core/anchors';
import { analyzeHtml } from '../../src/core/extract';
import type { Finding } from '../../src/core/findings';
import { evaluatePost } from '../../src/core/rules';
import type { Backlink, BacklinkResult } from '../../src/core/schemas';
import { createSiteMatcher, urlKey } from '../../src/core/url';
import { SETTINGS, SITE_URLS } from './fixtures/rules';

const POST_URL = 'https://www.hardloopblog.nl/marathon-schoenen-kiezen/';
const STRIDE = 'https://www.stride-runstore.com/road-shoes';

const INTRO = `<h1>How to choose running shoes for your first marathon</h1>
<p>Training for a marathon means months of long runs, and your shoes take
every kilometre with you. After ten years of road racing I still get a gait
analysis before every new pair: <a href="${ STRIDE }">the Stride shop in
Utrecht films you on a treadmill</a> and checks whether your foot rolls
inward. Overpronation calls for a stability shoe, a neutral stride for a
cushioned trainer.</p>
<p>Rotate two pairs during your training block so the foam recovers, and
replace them after about 800 kilometres. On race day, wear shoes you have
already tested on a long run of at least 30 kilometres.</p>`;

const PARTNER_LIST = `<h2>Onze partners</h2>
<ul>
<li><a href="https://partner-a.example/">Partner A</a></li>
<li><a href="https://partner-b.example/">Partner B</a></li>
<li><a href="https://partner-c.example/">Partner C</a></li>
</ul>`;

function theirPage( linkToUs: string ): string {
	return `<!doctype html><html lang="en"><head>
<title>Running shoes and gait analysis | Stride Run Store</title></head>
<body><header class="site-header"><nav><a href="/">Home</a> <a href="/shop">Shop</a></nav></header>
<main><article><h1>Running shoes for road, trail and track</h1>
<p>Find your next pair of running shoes at Stride. Our staff are runners
themselves and offer a free gait analysis on the treadmill in every store.
We stock neutral trainers with soft cushioning, stability shoes for runners
who overpronate and racing shoes with carbon plates for your next marathon.</p>
</article></main>
<footer class="site-footer"><div class="widget">${ linkToUs }</div>
<p>© Stride Run Store</p></footer></body></html>`;
}

/** What the backlink checker does with their page (minus the fetching). */
function checkTarget( target: string, html: string ): BacklinkResult {
	const matcher = createSiteMatcher( SITE_URLS );
	const { links, facts } = analyzeHtml( html, target );
	const backlinks: Backlink[] = links
		.filter( ( link ) => matcher.isOurs( link.href ) )
		.map( ( link ) => ( {
			...link,
			pageUrl: target,
			foundOn: 'target-page',
			anchorClass: classifyAnchor( link.text, {
				keywords: SETTINGS.keywords,
				brandTerms: SETTINGS.brandTerms,
				targetUrl: link.href,
				isImage: link.isImage,
			} ),
			toHomepage: matcher.isOurHomepage( link.href ),
		} ) );
	return {
		target,
		status: backlinks.length > 0 ? 'links-back' : 'no-link',
		httpStatus: 200,
		detail: null,
		checkedAt: '2026-11-20T10:00:00.000Z',
		fromCache: false,
		page: {
			url: target,
			finalUrl: target,
			httpStatus: 200,
			title: facts.title,
			h1: facts.h1,
			lang: facts.lang,
			textSample: facts.textSample,
			notIndexable: null,
		},
		links: backlinks,
	};
}

function evaluateHtml(
	postHtml: string,
	results: BacklinkResult[]
): Finding[] {
	const { links } = analyzeHtml( postHtml, POST_URL, { fragment: true } );
	return evaluatePost(
		{
			siteUrls: SITE_URLS,
			postText: postHtml.replace( /<[^>]+>/g, ' ' ),
			links,
			backlinks: Object.fromEntries(
				results.map( ( r ) => [ urlKey( r.target ), r ] )
			),
		},
		SETTINGS
	);
}

const summary = ( findings: Finding[] ) =>
	findings.map( ( f ) => `${ f.severity } ${ f.code } ${ f.linkUrl ?? '' }` );

describe( 'HTML → findings', () => {
	it( 'keeps a natural in-content exchange at info', () => {
		const natural = checkTarget(
			STRIDE,
			theirPage( '' ).replace(
				'for your next marathon.</p>',
				'for your next marathon. <a href="https://www.hardloopblog.nl/marathon-schoenen-kiezen/">Joost explains how he picks marathon shoes</a>.</p>'
			)
		);
		expect( natural.status ).toBe( 'links-back' );
		expect( summary( evaluateHtml( INTRO, [ natural ] ) ) ).toEqual( [
			`info reciprocal-link ${ STRIDE }`,
			`info followed-both-ways ${ STRIDE }`,
		] );
	} );

	it( 'flags a site-wide keyword link back as critical boilerplate', () => {
		const footer = checkTarget(
			STRIDE,
			theirPage(
				'<a href="https://hardloopblog.nl/">Hardloopschoenen</a>'
			)
		);
		expect( footer.links[ 0 ].placement ).toBe( 'footer' );
		const findings = evaluateHtml( INTRO, [ footer ] );
		expect(
			findings.find( ( f ) => f.code === 'boilerplate-backlink' )
		).toMatchObject( {
			severity: 'critical',
			params: { placement: 'footer', anchor: 'Hardloopschoenen' },
		} );
		expect( summary( findings ) ).toContain(
			`critical exact-match-anchor-theirs ${ STRIDE }`
		);
	} );

	it( 'flags the links of a partners list at the end of the post', () => {
		const findings = evaluateHtml( INTRO + PARTNER_LIST, [] ).filter(
			( f ) => f.code === 'footer-placement-ours'
		);
		expect( findings.map( ( f ) => f.linkUrl ) ).toEqual( [
			'https://partner-a.example/',
			'https://partner-b.example/',
			'https://partner-c.example/',
		] );
	} );

	it( 'flags a paragraph of links to many sites, and a hidden link', () => {
		const farm = `<p>${ [ 1, 2, 3, 4, 5, 6 ]
			.map(
				( i ) =>
					`<a href="https://site-${ i }.example/">site ${ i }</a>`
			)
			.join(
				', '
			) }</p><p style="display:none"><a href="https://hidden.example/">casino</a></p>`;
		const codes = evaluateHtml( INTRO + farm, [] ).map( ( f ) => f.code );
		expect( codes ).toContain( 'many-outbound-domains-block' );
		expect( codes ).toContain( 'hidden-link-ours' );
	} );
} );
