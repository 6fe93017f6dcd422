/**
 * The finer non-editorial placements (issue 15): author box, comments,
 * related teasers, tags/categories/bylines, breadcrumbs, share buttons,
 * plus an article whose markup has no telling class (found by its text)
 * and a homepage that is a grid of teasers. Synthetic pages written for
 * these tests; the real-page dev set lives outside the repository.
 */
import { analyzeHtml } from '../../src/core/extract';
import type { Placement } from '../../src/core/schemas';

const BASE = 'https://www.gardenjournal.example/growing-tomatoes/';

/** A paragraph of running prose, different each time (commas included). */
function paragraph( n: number ): string {
	return `<p>Tomatoes, like peppers and aubergines, want warmth, light and steady water, and paragraph ${ n } explains why: roots that dry out, then drown, split the fruit, while a mulch of straw, compost or grass clippings keeps the soil even, cool and alive for weeks.</p>`;
}

function article( inner = '' ): string {
	return `${ paragraph( 1 ) }
		<p>Sow indoors in March, as the <a href="https://seeds.example/tomato-guide">seed company's guide</a> suggests, and plant out after the last frost, in a sunny, sheltered bed.</p>
		${ paragraph( 2 ) }${ inner }${ paragraph( 3 ) }`;
}

function page( body: string ): string {
	return `<!doctype html><html><head><title>Growing tomatoes</title></head><body>
	<header class="site-header"><a href="/">Garden Journal</a>
		<nav class="main-navigation"><ul><li><a href="/vegetables/">Vegetables</a></li><li><a href="/fruit/">Fruit</a></li><li><a href="/about/">About</a></li></ul></nav>
	</header>
	${ body }
	<footer class="site-footer"><a href="/privacy/">Privacy</a> <a href="/contact/">Contact</a></footer>
	</body></html>`;
}

function placements( html: string ): Map< string, Placement > {
	const found = new Map< string, Placement >();
	for ( const link of analyzeHtml( html, BASE ).links ) {
		found.set( link.text, link.placement );
	}
	return found;
}

describe( 'finer placements', () => {
	it( 'reads an author box under the article as author-box', () => {
		const found = placements(
			page( `<main><article class="post"><h1>Growing tomatoes</h1>
			<div class="entry-content">${ article() }</div>
			<div class="author-box"><img src="/a.jpg" alt=""><p>Anna writes about vegetables and runs <a href="https://annas-plot.example/">Anna's Plot</a>, a blog about small gardens and allotments.</p></div>
			</article></main>` )
		);
		expect( found.get( "Anna's Plot" ) ).toBe( 'author-box' );
		expect( found.get( "seed company's guide" ) ).toBe( 'content' );
	} );

	it( 'reads links in the comments as comments', () => {
		const found = placements(
			page( `<main><article><div class="entry-content">${ article() }</div></article>
			<section id="comments" class="comments-area"><ol class="comment-list">
			<li class="comment"><div class="comment-author"><a href="https://cheap-seeds.example/">cheap tomato seeds</a></div>
			<p>Great post, thanks! I grow mine in buckets on a balcony, and they do fine.</p></li></ol></section></main>` )
		);
		expect( found.get( 'cheap tomato seeds' ) ).toBe( 'comments' );
		expect( found.get( "seed company's guide" ) ).toBe( 'content' );
	} );

	it( 'reads a related-posts block inside the article as related', () => {
		const found = placements(
			page(
				`<main><article><div class="entry-content">${ article( `
			<div class="related-posts"><h3>You may also like</h3>
			<div class="card"><a href="/peppers/">Growing peppers in pots</a></div>
			<div class="card"><a href="/aubergines/">Aubergines for beginners</a></div></div>` ) }</div></article></main>`
			)
		);
		expect( found.get( 'Growing peppers in pots' ) ).toBe( 'related' );
		expect( found.get( 'Aubergines for beginners' ) ).toBe( 'related' );
		expect( found.get( "seed company's guide" ) ).toBe( 'content' );
	} );

	it( 'reads an unnamed teaser row inside the article as related', () => {
		const found = placements(
			page(
				`<main><article><div>${ article( `
			<div><a href="/peppers/">Growing peppers in pots</a> <a href="/aubergines/">Aubergines for beginners</a> <a href="/beans/">Runner beans</a></div>` ) }</div></article></main>`
			)
		);
		expect( found.get( 'Growing peppers in pots' ) ).toBe( 'related' );
		expect( found.get( "seed company's guide" ) ).toBe( 'content' );
	} );

	it( 'reads a list of teaser titles in the article as related, a list of short source names as content', () => {
		const found = placements(
			page(
				`<main><article>${ article( `
			<ul><li><a href="/peppers/">Growing peppers in pots on a sunny balcony</a></li>
			<li><a href="/aubergines/">Aubergines for beginners: five mistakes to avoid</a></li></ul>
			<p>Sources, for those who want to read on:</p>
			<ul><li><a href="https://rhs.example/">RHS</a></li><li><a href="https://wur.example/">WUR</a></li></ul>` ) }</article></main>`
			)
		);
		expect(
			found.get( 'Growing peppers in pots on a sunny balcony' )
		).toBe( 'related' );
		expect( found.get( 'RHS' ) ).toBe( 'content' );
		expect( found.get( 'WUR' ) ).toBe( 'content' );
	} );

	it( 'reads tags, categories and the byline as tags', () => {
		const found = placements(
			page( `<main><article><h1>Growing tomatoes</h1>
			<div class="byline">By <a href="/author/anna/" rel="author">Anna de Vries</a></div>
			<div class="entry-content">${ article() }</div>
			<div class="post-tags"><a href="/tag/tomatoes/">tomatoes</a> <a href="/tag/vegetables/">vegetables</a></div>
			<span class="cat-links"><a href="/category/kitchen-garden/">Kitchen garden</a></span>
			</article></main>` )
		);
		expect( found.get( 'Anna de Vries' ) ).toBe( 'tags' );
		expect( found.get( 'tomatoes' ) ).toBe( 'tags' );
		expect( found.get( 'Kitchen garden' ) ).toBe( 'tags' );
		expect( found.get( "seed company's guide" ) ).toBe( 'content' );
	} );

	it( 'reads a breadcrumb trail as breadcrumbs, also in a nav landmark', () => {
		const found = placements(
			page( `<nav aria-label="Breadcrumb"><a href="/">Home</a> › <a href="/vegetables/">All vegetables</a></nav>
			<div class="kruimelpad"><a href="/groenten/">Groenten</a></div>
			<main><article>${ article() }</article></main>` )
		);
		expect( found.get( 'Home' ) ).toBe( 'breadcrumbs' );
		expect( found.get( 'All vegetables' ) ).toBe( 'breadcrumbs' );
		expect( found.get( 'Groenten' ) ).toBe( 'breadcrumbs' );
		expect( found.get( 'Vegetables' ) ).toBe( 'navigation' );
	} );

	it( 'reads a share bar as share', () => {
		const found = placements(
			page(
				`<main><article>${ article( `
			<div class="sharedaddy"><a href="https://www.facebook.com/sharer.php?u=x">Facebook</a> <a href="https://twitter.com/intent/tweet?url=x">Tweet</a></div>` ) }</article></main>`
			)
		);
		expect( found.get( 'Facebook' ) ).toBe( 'share' );
		expect( found.get( 'Tweet' ) ).toBe( 'share' );
		expect( found.get( "seed company's guide" ) ).toBe( 'content' );
	} );

	it( 'finds an article with no telling markup by its text, and leaves the link boxes around it out', () => {
		const found = placements(
			`<!doctype html><html><body>
			<div class="x1"><a href="/a">One</a> <a href="/b">Two</a> <a href="/c">Three</a></div>
			<div class="x2"><div class="x3">${ article() }</div>
			<div class="x4"><a href="/d">Four great recipes for summer evenings</a><br><a href="/e">Five ways with courgettes and beans</a></div></div>
			<div class="x5"><a href="/f">Imprint</a></div></body></html>`
		);
		expect( found.get( "seed company's guide" ) ).toBe( 'content' );
		expect( found.get( 'One' ) ).not.toBe( 'content' );
		expect(
			found.get( 'Four great recipes for summer evenings' )
		).not.toBe( 'content' );
		expect( found.get( 'Imprint' ) ).not.toBe( 'content' );
	} );

	it( 'finds the article when the page also carries JSON-LD with its articleBody', () => {
		const body = 'Tomatoes, like peppers and aubergines, want warmth.';
		const found = placements(
			page( `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Growing tomatoes","articleBody":${ JSON.stringify(
				body
			) }}</script>
			<div class="layout"><div class="col-a"><a href="/news/1">Storm warning for the weekend in the north</a><br><a href="/news/2">Market prices for vegetables rise again</a></div>
			<div class="col-b" itemprop="articleBody">${ article() }</div></div>` )
		);
		expect( found.get( "seed company's guide" ) ).toBe( 'content' );
		expect(
			found.get( 'Storm warning for the weekend in the north' )
		).not.toBe( 'content' );
	} );

	it( 'calls no teaser of a homepage grid content', () => {
		const cards = Array.from(
			{ length: 9 },
			( _, n ) =>
				`<div class="card"><a href="/post-${ n }/"><img src="/i${ n }.jpg" alt=""></a><h2><a href="/post-${ n }/">Post number ${ n } about the garden</a></h2><p>A short teaser of twenty words.</p></div>`
		).join( '' );
		const links = analyzeHtml(
			page( `<main><div class="grid">${ cards }</div></main>` ),
			'https://www.gardenjournal.example/'
		).links;
		const teasers = links.filter( ( link ) =>
			link.href.includes( '/post-' )
		);
		expect( teasers ).toHaveLength( 18 );
		expect(
			teasers.filter( ( link ) => link.placement === 'content' )
		).toEqual( [] );
	} );
} );
