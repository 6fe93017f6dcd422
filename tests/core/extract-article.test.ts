/**
 * The article finder (src/core/extract/article.ts) on page shapes that
 * cost accuracy on real pages: general structures, not particular sites.
 * Every page here is written for these tests.
 */
import { analyzeHtml } from '../../src/core/extract';
import type { Placement } from '../../src/core/schemas';

const BASE = 'https://weekly.example/2026/12/notes-42/';

/** Placement by anchor text (texts are unique on each test page). */
function placements( html: string ): Map< string, Placement > {
	const found = new Map< string, Placement >();
	for ( const link of analyzeHtml( html, BASE ).links ) {
		found.set( link.text, link.placement );
	}
	return found;
}

function page( body: string ): string {
	return `<!doctype html><html><head><title>Notes</title></head><body>
	<header class="site-header"><a href="/">Weekly notes</a>
		<nav><ul><li><a href="/archive/">Archive</a></li><li><a href="/about/">About</a></li><li><a href="/feed/">Feed</a></li></ul></nav>
	</header>
	${ body }
	<footer class="site-footer"><a href="/privacy/">Privacy</a> <a href="/contact/">Contact</a></footer>
	</body></html>`;
}

describe( 'article cleaning', () => {
	it( 'keeps a list of prose items with a captioned figure nested in it', () => {
		// A status-report post: the body is one long bulleted list, and one
		// item holds a screenshot with its caption in a nested list. The
		// list's own (negative) tag score must not take it out: only its
		// class weight may (as in Readability).
		const items = [
			'The updater now waits for other running copies, which prevents the restart page many people saw',
			'Downloads of a second update no longer start while the first one waits, which avoids a double restart',
			'Printing accepts page ranges such as 1-3 and 6, which people asked for in several reports',
			'The address bar keeps its results open while you switch tabs, which makes comparing easier',
		]
			.map(
				( text, n ) =>
					`<li>${ text }, as described in <a href="https://tracker.example/${ n }">report ${ n }</a>.</li>`
			)
			.join( '' );
		const found = placements(
			page( `<main><article class="post"><h1>These weeks in the browser</h1>
			<div class="entry-content"><p>Highlights of the last two weeks, with thanks to everyone who sent patches, reviews and reports.</p>
			<ul><li><a href="https://blog.example/year-in-review">Here is our year in review</a></li>${ items }
			<li>A screenshot of the new page:<ul><li><div class="wp-caption"><a href="https://cdn.example/shot.png"><img src="https://cdn.example/shot.png" alt="the page"></a><p class="wp-caption-text">People who run several profiles will see it less.</p></div></li></ul></li>
			</ul></div></article></main>` )
		);
		expect( found.get( 'report 0' ) ).toBe( 'content' );
		expect( found.get( 'report 3' ) ).toBe( 'content' );
		expect( found.get( 'Here is our year in review' ) ).toBe( 'content' );
		expect( found.get( 'Archive' ) ).toBe( 'navigation' );
	} );
} );

/** Running prose: long, with commas, a little different each time. */
function prose( n: number ): string {
	return `<p>The council met on Tuesday, for the ${ n }th time this year, and agreed that the new cycle path, the bridge and the parking rules would be decided together, after the summer, once the residents have had their say in writing.</p>`;
}

describe( 'layout wrappers', () => {
	it( 'reads a "sidebar" class on the column that holds the article as layout, not as a sidebar', () => {
		const found = placements(
			page( `<main><article class="node">
			<h1>The bridge decision waits</h1>
			<div class="content-with-sidebar-wrap"><div class="field-body">
			${ prose( 1 ) }<p>The plans are in the <a href="https://council.example/plans">published documents</a>, with the costs of each option.</p>${ prose( 2 ) }${ prose( 3 ) }
			</div></div>
			<div class="sidebar"><h3>Latest</h3><ul><li><a href="/latest-1/">Market hall reopens</a></li><li><a href="/latest-2/">New bus times</a></li><li><a href="/latest-3/">Library hours</a></li></ul>
			<p class="about">This paper is written by volunteers from the old town, the harbour and the new estates, and printed every Friday since 1987.</p></div>
			<div class="site-info">Weekly notes, Harbour Street 1, 1234 Old Town, phone 012 345 678, open Monday to Friday from nine to five, closed on public holidays.</div>
			</article></main>` )
		);
		expect( found.get( 'published documents' ) ).toBe( 'content' );
		expect( found.get( 'Market hall reopens' ) ).toBe( 'sidebar' );
	} );

	it( 'still reads a sidebar that holds little of the prose as a sidebar', () => {
		const found = placements(
			page( `<main><div class="entry-content">${ prose( 1 ) }${ prose( 2 ) }${ prose( 3 ) }</div>
			<div class="sidebar-wrap">${ prose( 4 ) }<a href="/about/">About this paper</a></div></main>` )
		);
		expect( found.get( 'About this paper' ) ).toBe( 'sidebar' );
	} );
} );

describe( 'link clusters inside a paragraph', () => {
	it( 'reads a hover card of headline links rendered into a sentence as related', () => {
		const card = `<span class="person-card"><a href="/people/jane-doe/">Jane Doe</a><span>
			<a href="/news/1/">Doe asks the court for a lighter sentence for the man who threatened her</a>
			<a href="/news/2/">Council passes the budget after a long night of amendments and votes</a>
			<a href="/news/3/">What the new parking rules mean for residents of the old town</a></span></span>`;
		const found = placements(
			page( `<main><article><div class="article-body">
			<p>Councillor ${ card } said on Monday, in a statement to <a href="https://radio.example/interview">local radio</a>, that she would appeal.</p>
			${ prose( 1 ) }${ prose( 2 ) }</div></article></main>` )
		);
		expect( found.get( 'local radio' ) ).toBe( 'content' );
		expect(
			found.get(
				'Council passes the budget after a long night of amendments and votes'
			)
		).toBe( 'related' );
	} );

	it( 'keeps a sentence with several short links as content', () => {
		const found = placements(
			page( `<main><article><div class="article-body">
			<p>Sources: <span><a href="https://a.example/">the council</a>, <a href="https://b.example/">the court</a> and <a href="https://c.example/">the police</a></span>.</p>
			${ prose( 1 ) }${ prose( 2 ) }</div></article></main>` )
		);
		expect( found.get( 'the court' ) ).toBe( 'content' );
	} );
} );

describe( 'articles split over same-shape containers', () => {
	it( 'joins the chunks of an article split by an ad row, and no link box of the same shape', () => {
		const chunk = ( n: number, link: string ) =>
			`<div class="grid"><div class="grid-item story-chunk">${ prose(
				n
			) }<p>As <a href="https://source.example/${ n }">${ link }</a> reported, the vote was close.</p>${ prose(
				n + 1
			) }</div><div class="grid-rail"></div></div>`;
		const found = placements(
			page( `<main><article><h1>The vote</h1><div class="chunks">
			${ chunk( 1, 'the first source' ) }
			<div class="ad-row"><div class="advert">Advertisement</div></div>
			${ chunk( 5, 'the second source' ) }
			<div class="grid"><div class="grid-item story-chunk"><p>More:</p><p><a href="/more-1/">A longer headline about the market hall</a> <a href="/more-2/">A longer headline about the library</a> <a href="/more-3/">A longer headline about the harbour</a></p></div></div>
			</div></article></main>` )
		);
		expect( found.get( 'the first source' ) ).toBe( 'content' );
		expect( found.get( 'the second source' ) ).toBe( 'content' );
		expect( found.get( 'A longer headline about the library' ) ).not.toBe(
			'content'
		);
	} );
} );

describe( 'teaser rows', () => {
	const card = ( n: number ) =>
		`<li class="stream-item"><a href="/story-${ n }/"><img src="/t${ n }.jpg" alt=""></a><h3><a href="/story-${ n }/">Headline number ${ n } about the town</a></h3><p>A summary of story ${ n }, with a comma, and a few words more to make it a real sentence.</p></li>`;

	it( 'reads a block of sibling teasers with image and heading inside the article as related, not content', () => {
		const found = placements(
			page( `<main><article><div class="article-body">
			${ prose( 1 ) }<p>Read the <a href="https://council.example/minutes">minutes of the meeting</a> for the details.</p>${ prose( 2 ) }
			<ul class="more">${ card( 1 ) }${ card( 2 ) }${ card( 3 ) }</ul>
			${ prose( 3 ) }</div></article></main>` )
		);
		expect( found.get( 'minutes of the meeting' ) ).toBe( 'content' );
		expect( found.get( 'Headline number 2 about the town' ) ).toBe(
			'related'
		);
	} );

	it( 'finds the article beside a long stream of teasers with summaries, ads between them', () => {
		const ad = `<li class="stream-ad"><a href="https://ads.example/click">Sponsored: a loan</a></li>`;
		const stream = [ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 ]
			.map( ( n ) => card( n ) + ( n % 4 === 0 ? ad : '' ) )
			.join( '' );
		const found = placements(
			page( `<div id="main"><section class="story"><h1>The vote</h1><div class="story-text">
			${ prose( 1 ) }<p>The <a href="https://council.example/result">official result</a> was published at night.</p>${ prose( 2 ) }${ prose( 3 ) }
			</div></section><div class="stream"><ul>${ stream }</ul></div></div>` )
		);
		expect( found.get( 'official result' ) ).toBe( 'content' );
		expect( found.get( 'Headline number 7 about the town' ) ).not.toBe(
			'content'
		);
	} );

	it( 'keeps a list of products with a paragraph of prose each as content', () => {
		const item = ( n: number ) =>
			`<div class="product"><h3>Spade number ${ n }</h3><img src="/s${ n }.jpg" alt=""><p>This spade, number ${ n } of our test, has an ash handle, a steel blade and a tread that spares your boots; it cut through clay, roots and stones without bending, and after a season of digging it still looks new, which is why it is here.</p><p><a href="https://shop.example/spade-${ n }">Spade ${ n } at the shop</a></p></div>`;
		const found = placements(
			page(
				`<main><article><div class="entry-content">${ prose(
					1
				) }${ item( 1 ) }${ item( 2 ) }${ item( 3 ) }${ item(
					4
				) }</div></article></main>`
			)
		);
		expect( found.get( 'Spade 2 at the shop' ) ).toBe( 'content' );
	} );
} );
