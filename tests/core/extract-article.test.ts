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
