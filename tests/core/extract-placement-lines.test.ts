/**
 * Lines that close an article without being part of it (issue 15): a
 * "Follow us / follow her on Twitter" line, a call to subscribe to the
 * publication, a "More … stories" list under a heading that is a styled
 * div, "READ MORE: …" lines, the previous/next post links, and a link
 * hidden inside the article's text. Synthetic pages
 * written for these tests; the real-page dev set lives outside the
 * repository.
 */
import { analyzeHtml } from '../../src/core/extract';
import type { ExtractedLink } from '../../src/core/schemas';

const BASE = 'https://www.gardenjournal.example/growing-tomatoes/';

/** A paragraph of running prose, different each time (commas included). */
function paragraph( n: number ): string {
	return `<p>Tomatoes, like peppers and aubergines, want warmth, light and steady water, and paragraph ${ n } explains why: roots that dry out, then drown, split the fruit, while a mulch of straw, compost or grass clippings keeps the soil even, cool and alive for weeks.</p>`;
}

/** An article with an editorial link, then `tail` after its text. */
function page( tail: string, head = '' ): string {
	return `<!doctype html><html><head><title>Growing tomatoes</title>${ head }</head><body>
	<header class="site-header"><a href="/">Garden Journal</a>
		<nav class="main-navigation"><ul><li><a href="/vegetables/">Vegetables</a></li><li><a href="/fruit/">Fruit</a></li><li><a href="/about/">About</a></li></ul></nav>
	</header>
	<main><article><h1>Growing tomatoes</h1><div class="story-body">
	${ paragraph( 1 ) }
	<p>Sow indoors in March, as the <a href="https://seeds.example/tomato-guide">seed company's guide</a> suggests, and plant out after the last frost, in a sunny, sheltered bed.</p>
	${ paragraph( 2 ) }${ paragraph( 3 ) }
	${ tail }
	</div></article></main>
	<footer class="site-footer"><a href="/privacy/">Privacy</a> <a href="/contact/">Contact</a></footer>
	</body></html>`;
}

function linksOf( html: string ): Map< string, ExtractedLink > {
	const found = new Map< string, ExtractedLink >();
	for ( const link of analyzeHtml( html, BASE ).links ) {
		found.set( link.text, link );
	}
	return found;
}

function placements( html: string ): Map< string, string > {
	return new Map(
		[ ...linksOf( html ) ].map( ( [ text, link ] ) => [
			text,
			link.placement,
		] )
	);
}

describe( 'lines that close an article', () => {
	it( 'reads a "follow her on Twitter" author line as share (social) and author-box (her book)', () => {
		const found = placements(
			page(
				`<p><em>Anna Berg is our garden editor; her book <a href="https://books.example/small-plots">Small Plots</a> is out now. Follow her on Twitter <a href="https://twitter.com/annaberg">@annaberg</a>.</em></p>`
			)
		);
		expect( found.get( '@annaberg' ) ).toBe( 'share' );
		expect( found.get( 'Small Plots' ) ).toBe( 'author-box' );
		expect( found.get( "seed company's guide" ) ).toBe( 'content' );
	} );

	it( 'reads "Follow <outlet> on …" and "Volg ons op …" lines as share, the outlet’s other links as related', () => {
		const found = placements(
			page(
				`<p><i>Follow Garden Journal on </i><a href="https://www.instagram.com/gardenjournal/">Instagram</a><i> and </i><a href="https://www.facebook.com/gardenjournal/">Facebook</a><i>.</i></p>
				<p>Volg ons op <a href="https://www.youtube.com/@tuinjournaal">YouTube</a>.</p>
				<p>Follow us on <a href="https://twitter.com/gardenjournal">Twitter</a> or get <a href="https://app.gardenjournal.example/">the Garden Journal app</a>.</p>`
			)
		);
		// The outlet's own line: its app is a promotion, not an author bio.
		expect( found.get( 'the Garden Journal app' ) ).toBe( 'related' );
		expect( found.get( 'Twitter' ) ).toBe( 'share' );
		expect( found.get( 'Instagram' ) ).toBe( 'share' );
		expect( found.get( 'Facebook' ) ).toBe( 'share' );
		expect( found.get( 'YouTube' ) ).toBe( 'share' );
	} );

	it( 'leaves a sentence that only mentions following something on a network as content', () => {
		const found = placements(
			page(
				`<p>To report a fake seed shop, follow the steps on Twitter's <a href="https://help.twitter.com/report">help page</a>.</p>`
			)
		);
		expect( found.get( 'help page' ) ).toBe( 'content' );
	} );

	it( 'reads a call to subscribe to the publication or its newsletter as related', () => {
		const found = placements(
			page(
				`<p>Want more? Subscribe to our sister magazine <a href="https://shop.example/gardeners-monthly">Gardener's Monthly</a> for the latest news.</p>
				<p>Subscribe to Garden Journal and get <a href="https://www.gardenjournal.example/offer/">three issues for five euros</a>.</p>
				<p>Elke vrijdag tuintips? Abonneer je op <a href="https://www.gardenjournal.example/nieuwsbrief/">de nieuwsbrief</a>.</p>`,
				'<meta property="og:site_name" content="Garden Journal">'
			)
		);
		expect( found.get( "Gardener's Monthly" ) ).toBe( 'related' );
		expect( found.get( 'three issues for five euros' ) ).toBe( 'related' );
		expect( found.get( 'de nieuwsbrief' ) ).toBe( 'related' );
	} );

	it( 'leaves a sentence about signing up for something else as content, even when the site name is in "sign"', () => {
		const found = placements(
			page(
				`<p>Sign up for a <a href="https://library.example/seeds">seed library card</a> at your local library; it costs nothing.</p>
				<p>The seed swap starts in May. Sign up at any branch desk or online through our <a href="https://swap.example/riverdale">swap page</a>.</p>`,
				'<meta property="og:site_name" content="IGN">'
			)
		);
		expect( found.get( 'seed library card' ) ).toBe( 'content' );
		expect( found.get( 'swap page' ) ).toBe( 'content' );
	} );

	it( 'reads a list under a "More … stories" label that is a styled div as related, also items with two links', () => {
		const found = placements(
			page(
				`<hr><div class="heading-h3">More Great Garden Journal Stories</div>
				<ul><li>Why <a href="/peppers-heat/">peppers love heat</a></li>
				<li>The quiet comeback of <a href="/heirloom-beans/">heirloom beans</a></li>
				<li>Our picks for the <a href="/best-trowels/">best trowels</a> and <a href="/best-gloves/">gloves</a>, tested for a whole season in clay</li></ul>`
			)
		);
		expect( found.get( 'peppers love heat' ) ).toBe( 'related' );
		expect( found.get( 'heirloom beans' ) ).toBe( 'related' );
		expect( found.get( 'best trowels' ) ).toBe( 'related' );
		expect( found.get( 'gloves' ) ).toBe( 'related' );
		expect( found.get( "seed company's guide" ) ).toBe( 'content' );
	} );

	it( 'leaves a list under another styled label (sources) as content', () => {
		const found = placements(
			page(
				`<div class="heading-h3">Sources</div>
				<ul><li>The <a href="https://rhs.example/tomatoes">RHS guide</a> to tomatoes</li>
				<li>A trial of <a href="https://trials.example/mulch">straw mulch</a> on clay</li></ul>`
			)
		);
		expect( found.get( 'RHS guide' ) ).toBe( 'content' );
		expect( found.get( 'straw mulch' ) ).toBe( 'content' );
	} );

	it( 'reads "READ MORE: …", "Related: …" and "Lees ook: …" lines as related, a sentence that starts "Read more about" as content', () => {
		const found = placements(
			page(
				`<p><strong>READ MORE:</strong> <a href="/storm-damage/">Storm flattens beans</a></p>
				<p>Related: <a href="/slugs/">Slugs</a> | <a href="/snails/">Snails</a></p>
				<p>Lees ook » <a href="/tomaten-snoeien/">Tomaten snoeien</a></p>
				<p>Read more about <a href="https://compost.example/guide">composting</a> in the council's guide, which covers bins, heaps and worms.</p>`
			)
		);
		expect( found.get( 'Storm flattens beans' ) ).toBe( 'related' );
		expect( found.get( 'Slugs' ) ).toBe( 'related' );
		expect( found.get( 'Snails' ) ).toBe( 'related' );
		expect( found.get( 'Tomaten snoeien' ) ).toBe( 'related' );
		expect( found.get( 'composting' ) ).toBe( 'content' );
	} );

	it( 'reads the previous/next post links under the text (`next-prev`, `previous-post`) as navigation', () => {
		const found = placements(
			page(
				`<div class="grid next-prev"><div class="next">
					<p class="btn"><a href="/peppers-in-pots/">- Next Garden News</a></p>
					<div class="row-image"><a href="/peppers-in-pots/"><img src="/p.jpg" alt="Peppers in pots"></a></div>
					<div class="row-desc"><a href="/peppers-in-pots/"><h5>Peppers in pots, on a sunny balcony</h5></a>
					<p>Five varieties that fruit in a 20-litre pot, and how to feed them.</p></div></div></div>
				<div class="previous-post"><a href="/sowing-beans/">Sowing beans in April, the easy way</a></div>`
			)
		);
		expect( found.get( '- Next Garden News' ) ).toBe( 'navigation' );
		expect( found.get( 'Peppers in pots, on a sunny balcony' ) ).toBe(
			'navigation'
		);
		expect( found.get( 'Sowing beans in April, the easy way' ) ).toBe(
			'navigation'
		);
		expect( found.get( "seed company's guide" ) ).toBe( 'content' );
	} );

	it( 'keeps a link hidden in the article text where it is (content, hidden), not a related teaser', () => {
		const found = linksOf(
			page(
				`<div style="display:none"><a href="https://pills.example/">cheap pills</a></div>`
			)
		);
		expect( found.get( 'cheap pills' )?.placement ).toBe( 'content' );
		expect( found.get( 'cheap pills' )?.hidden ).toBe( 'display-none' );
	} );

	it( 'still reads a hidden block whose class names it (a related box) by its class', () => {
		const found = placements(
			page(
				`<div class="related-posts" style="display:none"><a href="/peppers/">Growing peppers in pots</a></div>`
			)
		);
		expect( found.get( 'Growing peppers in pots' ) ).toBe( 'related' );
	} );
} );
