/**
 * Link extraction: URLs, text, rel, hidden reasons, block/heading/list/
 * position, facts, robustness on malformed and huge input.
 */
import fc from 'fast-check';
import { analyzeHtml, extractLinks } from '../../src/core/extract';
import { ExtractedLinkSchema } from '../../src/core/schemas';
import type { ExtractedLink } from '../../src/core/schemas';

const BASE = 'https://blog.example/posts/hello/';

function only( html: string, options = {} ): ExtractedLink {
	const links = extractLinks( html, BASE, options );
	expect( links ).toHaveLength( 1 );
	return links[ 0 ];
}

describe( 'hrefs', () => {
	it( 'resolves relative hrefs against the page URL and normalises them', () => {
		const links = extractLinks(
			'<a href="../other/">a</a><a href="HTTPS://WWW.Partner.EXAMPLE:443/x#top">b</a>',
			BASE
		);
		expect( links.map( ( link ) => link.href ) ).toEqual( [
			'https://blog.example/posts/other/',
			'https://www.partner.example/x',
		] );
	} );

	it( 'skips mailto:, javascript:, tel:, fragment-only and empty hrefs and anchors without href', () => {
		const links = extractLinks(
			'<a href="mailto:a@b.example">m</a><a href="javascript:void(0)">j</a>' +
				'<a href="tel:+3112345">t</a><a href="#comments">f</a><a href="">e</a>' +
				'<a name="x">n</a><a href="ftp://files.example/">ftp</a><a href="/ok">ok</a>',
			BASE
		);
		expect( links.map( ( link ) => link.text ) ).toEqual( [ 'ok' ] );
	} );

	it( 'honours <base href>, itself resolved against the page URL, for links before and after it', () => {
		const links = extractLinks(
			'<html><body><a href="first.html">f</a><base href="/docs/v2/"><a href="intro.html">i</a></body></html>',
			BASE
		);
		expect( links.map( ( link ) => link.href ) ).toEqual( [
			'https://blog.example/docs/v2/first.html',
			'https://blog.example/docs/v2/intro.html',
		] );
	} );

	it( 'decodes entities in hrefs and text', () => {
		const link = only(
			'<a href="https://shop.example/?a=1&amp;b=2">Fish &amp; Chips &eacute;&#233;&#x41;</a>'
		);
		expect( link.href ).toBe( 'https://shop.example/?a=1&b=2' );
		expect( link.text ).toBe( 'Fish & Chips ééA' );
	} );
} );

describe( 'anchor text and rel', () => {
	it( 'collapses whitespace across nested inline elements', () => {
		expect(
			only(
				'<a href="/x">\n  Best   <b>hiking</b>\n\t<span>boots</span> </a>'
			).text
		).toBe( 'Best hiking boots' );
	} );

	it( 'uses the alt text of an image link and flags it as an image', () => {
		const link = only(
			'<a href="/x"><img src="a.png" alt=" Acme  logo "></a>'
		);
		expect( link ).toMatchObject( { text: 'Acme logo', isImage: true } );
	} );

	it( 'keeps the visible text of a link that has both text and an image', () => {
		const link = only(
			'<a href="/x"><img src="a.png" alt="icon"> Acme shop</a>'
		);
		expect( link ).toMatchObject( { text: 'Acme shop', isImage: false } );
	} );

	it( 'lower-cases rel tokens, keeps their order and drops duplicates', () => {
		expect(
			only(
				'<a href="/x" rel=" Sponsored  NOFOLLOW sponsored ugc">x</a>'
			).rel
		).toEqual( [ 'sponsored', 'nofollow', 'ugc' ] );
		expect( only( '<a href="/x">x</a>' ).rel ).toEqual( [] );
	} );
} );

describe( 'hidden links', () => {
	it.each( [
		[
			'display-none',
			'<div style="display: none"><a href="/x">x</a></div>',
		],
		[
			'display-none',
			'<a href="/x" style="DISPLAY:NONE !important">x</a>',
		],
		[
			'visibility-hidden',
			'<span style="visibility:hidden"><a href="/x">x</a></span>',
		],
		[ 'hidden-attribute', '<p hidden><a href="/x">x</a></p>' ],
		[
			'zero-font-size',
			'<div style="font-size:0px"><a href="/x">x</a></div>',
		],
		[
			'zero-size',
			'<div style="width:0;height:0"><a href="/x">x</a></div>',
		],
		[
			'zero-size',
			'<div style="height:1px;overflow:hidden"><a href="/x">x</a></div>',
		],
		[
			'off-screen',
			'<div style="position:absolute;left:-9999px"><a href="/x">x</a></div>',
		],
		[ 'off-screen', '<a href="/x" style="text-indent:-9999px">x</a>' ],
		[
			'aria-hidden',
			'<div aria-hidden="true"><p><a href="/x">x</a></p></div>',
		],
		[ 'noscript', '<noscript><a href="/x">x</a></noscript>' ],
		[ 'template', '<template><a href="/x">x</a></template>' ],
	] )( '%s: %s', ( reason, html ) => {
		expect( only( html ).hidden ).toBe( reason );
	} );

	it( 'leaves ordinary links visible', () => {
		expect(
			only(
				'<div style="color:red;position:absolute;left:10px"><a href="/x">x</a></div>'
			).hidden
		).toBeNull();
	} );

	it( 'lets a child reset an inherited zero font size or hidden visibility', () => {
		expect(
			only(
				'<div style="font-size:0"><a href="/x" style="font-size:14px">x</a></div>'
			).hidden
		).toBeNull();
		expect(
			only(
				'<div style="visibility:hidden"><a href="/x" style="visibility:visible">x</a></div>'
			).hidden
		).toBeNull();
	} );

	it( 'does not count aria-hidden on the link itself (an icon duplicate is still visible)', () => {
		expect(
			only( '<a href="/x" aria-hidden="true">x</a>' ).hidden
		).toBeNull();
	} );

	it( 'does not let a descendant undo display:none', () => {
		expect(
			only(
				'<div style="display:none"><a href="/x" style="display:block">x</a></div>'
			).hidden
		).toBe( 'display-none' );
	} );
} );

describe( 'structure fields', () => {
	const html = `
		<h2>Our friends</h2>
		<p>Some text <a href="https://a.example/">A</a> and <a href="https://b.example/">B</a>.</p>
		<h3>Partners</h3>
		<ul><li><a href="https://c.example/">C</a></li><li><a href="https://d.example/">D</a></li></ul>`;
	const links = extractLinks( html, BASE, { fragment: true } );

	it( 'gives links in one block the same block number and others a different one', () => {
		expect( links.map( ( link ) => link.block ) ).toEqual( [ 0, 0, 1, 1 ] );
	} );

	it( 'records the nearest heading before the link and whether it is a list item', () => {
		expect(
			links.map( ( link ) => [ link.heading, link.inList ] )
		).toEqual( [
			[ 'Our friends', false ],
			[ 'Our friends', false ],
			[ 'Partners', true ],
			[ 'Partners', true ],
		] );
	} );

	it( 'gives positions in [0,1] that grow in document order', () => {
		const positions = links.map( ( link ) => link.position );
		expect( [ ...positions ].sort( ( a, b ) => a - b ) ).toEqual(
			positions
		);
		expect( positions[ 0 ] ).toBeGreaterThan( 0 );
		expect( positions[ 3 ] ).toBeLessThan( 1 );
	} );

	it( 'fills every field of the ExtractedLink contract', () => {
		for ( const link of links ) {
			expect( ExtractedLinkSchema.parse( link ) ).toEqual( link );
		}
	} );
} );

describe( 'fragment mode', () => {
	it( 'treats every link of a post body as content, even under footer-like classes', () => {
		const links = extractLinks(
			'<p>Text</p><div class="footer-links"><a href="https://a.example/">a</a></div>' +
				'<nav><a href="https://b.example/">b</a></nav>',
			BASE,
			{ fragment: true }
		);
		expect( links.map( ( link ) => link.placement ) ).toEqual( [
			'content',
			'content',
		] );
	} );

	it( 'still reports hidden links in a fragment', () => {
		expect(
			only(
				'<p style="display:none"><a href="https://a.example/">a</a></p>',
				{ fragment: true }
			).hidden
		).toBe( 'display-none' );
	} );
} );

describe( 'placement', () => {
	const prose =
		'This paragraph is long enough to count as running text on the page, with several sentences about the topic. ';

	it( 'treats a header inside an article as content, not the site header', () => {
		const links = extractLinks(
			`<header class="site-header"><a href="/">Logo</a></header>
			<main><article><header><h2><a href="/post">Post title</a></h2></header><p>${ prose }</p></article></main>`,
			BASE
		);
		expect( links.map( ( link ) => link.placement ) ).toEqual( [
			'header',
			'content',
		] );
	} );

	it( 'finds the footer of a page without landmarks by its trailing block of short links', () => {
		const links = extractLinks(
			`<div><p>${ prose }<a href="https://source.example/">source</a> ${ prose }</p><p>${ prose }</p></div>
			<div><a href="/about">About</a> <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></div>`,
			BASE
		);
		expect( links.map( ( link ) => link.placement ) ).toEqual( [
			'content',
			'footer',
			'footer',
			'footer',
		] );
	} );

	it( 'does not read "menu" in a content class as navigation when the block is prose', () => {
		const links = extractLinks(
			`<nav class="main-menu"><a href="/a">A</a><a href="/b">B</a><a href="/c">C</a></nav>
			<div class="page-content"><div class="menu-card"><p>${ prose } From <a href="https://farm.example/">our farm</a>. ${ prose }</p></div></div>`,
			BASE
		);
		expect( links.map( ( link ) => link.placement ) ).toEqual( [
			'navigation',
			'navigation',
			'navigation',
			'content',
		] );
	} );

	it( 'reads a link list under a "Lees ook" heading as related teasers, and one under another heading as content', () => {
		const links = extractLinks(
			`<main><article><p>${ prose }</p>
			<h3>Lees ook</h3><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul>
			<h3>Onze partners</h3><ul><li><a href="https://p.example/">P</a></li><li><a href="https://q.example/">Q</a></li></ul>
			</article></main>`,
			BASE
		);
		expect( links.map( ( link ) => link.placement ) ).toEqual( [
			'related',
			'related',
			'content',
			'content',
		] );
	} );

	it( 'puts share and related-post blocks inside an article outside the content', () => {
		const links = extractLinks(
			`<main><article><p>${ prose }</p>
			<div class="share-buttons"><a href="https://facebook.example/share">Share</a></div>
			<section class="related-posts"><a href="/p1">P1</a><a href="/p2">P2</a></section></article></main>`,
			BASE
		);
		expect( links.map( ( link ) => link.placement ) ).toEqual( [
			'share',
			'related',
			'related',
		] );
	} );
} );

describe( 'facts', () => {
	const page = `<!doctype html><html lang="nl-NL"><head>
		<title> Tuin &amp; Huis </title>
		<meta name="ROBOTS" content="noindex,  follow">
		<link rel="canonical" href="/tuin/">
		</head><body>
		<nav><a href="/">Home</a> Menu text</nav>
		<main><h1>Moestuin <em>in maart</em></h1><p>Zaai nu tomaten binnen.</p></main>
		<footer>Copyright footer text</footer></body></html>`;
	const { facts } = analyzeHtml( page, 'https://tuin.example/blog/' );

	it( 'reads title, first h1, lang, robots and an absolute canonical', () => {
		expect( facts ).toMatchObject( {
			title: 'Tuin & Huis',
			h1: 'Moestuin in maart',
			lang: 'nl-NL',
			metaRobots: 'noindex, follow',
			canonical: 'https://tuin.example/tuin/',
		} );
	} );

	it( 'samples the main text without navigation and footer text', () => {
		expect( facts.textSample ).toContain( 'Zaai nu tomaten binnen.' );
		expect( facts.textSample ).not.toContain( 'Menu text' );
		expect( facts.textSample ).not.toContain( 'Copyright' );
	} );

	it( 'keeps link text and separates blocks in the text sample', () => {
		const { facts: sampled } = analyzeHtml(
			'<main><h2>Garden tips</h2><p>We like <a href="https://seeds.example/">heirloom seeds</a> and com<b>post</b>.</p></main>',
			BASE
		);
		expect( sampled.textSample ).toBe(
			'Garden tips We like heirloom seeds and compost.'
		);
	} );

	it( 'does not take an SVG icon title for the page title', () => {
		const icon = analyzeHtml(
			'<body><a href="/"><svg><title>Home icon</title></svg></a></body>',
			BASE
		);
		expect( icon.facts.title ).toBe( '' );
		expect( icon.links[ 0 ].text ).toBe( 'Home icon' );
	} );

	it( 'returns empty facts for empty input', () => {
		expect( analyzeHtml( '', BASE ) ).toEqual( {
			links: [],
			facts: {
				title: '',
				h1: '',
				lang: null,
				textSample: '',
				metaRobots: null,
				siteName: null,
				canonical: null,
			},
		} );
	} );

	it( 'reads the site name from og:site_name, else application-name', () => {
		const head = ( meta: string ) =>
			analyzeHtml(
				`<html><head>${ meta }</head><body></body></html>`,
				BASE
			).facts.siteName;
		expect(
			head(
				'<meta name="application-name" content="App"><meta property="og:site_name" content=" Tuincentrum  De Linde ">'
			)
		).toBe( 'Tuincentrum De Linde' );
		expect( head( '<meta name="application-name" content="App">' ) ).toBe(
			'App'
		);
		expect( head( '<meta property="og:title" content="Titel">' ) ).toBe(
			null
		);
	} );
} );

describe( 'malformed and huge input', () => {
	it( 'survives unclosed tags, stray end tags and a link inside a link', () => {
		const links = extractLinks(
			'</div></span><p><a href="/one">one<p>two</a></td><a href="/two">t<a href="/three">three</a><div><a href="/four">four',
			BASE
		);
		expect( links.map( ( link ) => link.href ) ).toEqual( [
			'https://blog.example/one',
			'https://blog.example/two',
			'https://blog.example/three',
			'https://blog.example/four',
		] );
		expect( links[ 2 ].text ).toBe( 'three' );
	} );

	it( 'handles attributes without quotes or values and upper-case tags', () => {
		const link = only( '<A HREF=/x REL=NoFollow hidden>X</A>' );
		expect( link ).toMatchObject( {
			href: 'https://blog.example/x',
			rel: [ 'nofollow' ],
			hidden: 'hidden-attribute',
		} );
	} );

	it( 'extracts 100k links from one page', () => {
		const html = Array.from(
			{ length: 100000 },
			( _, index ) =>
				`<li><a href="/p/${ index }">post ${ index }</a></li>`
		).join( '' );
		const links = extractLinks( `<ul>${ html }</ul>`, BASE );
		expect( links ).toHaveLength( 100000 );
		expect( links[ 99999 ].href ).toBe( 'https://blog.example/p/99999' );
	} );

	it( 'handles 100k unclosed nested tags without recursion', () => {
		const html =
			'<div class="x"><span>'.repeat( 100000 ) +
			'<a href="/deep">deep</a>';
		const links = extractLinks( html, BASE );
		expect( links ).toEqual( [
			expect.objectContaining( {
				href: 'https://blog.example/deep',
				text: 'deep',
			} ),
		] );
	} );
} );

describe( 'arbitrary input', () => {
	const piece = fc.oneof(
		fc.constantFrom(
			'<a href="/x">',
			'<a href="https://e.example/?a=1&amp;b">',
			'</a>',
			'<div class="footer">',
			'<nav>',
			'</nav>',
			'<aside>',
			'</div>',
			'<p>',
			'<li>',
			'<img alt="i">',
			'<h2>',
			'</h2>',
			'<span style="display:none">',
			'<template>',
			'<noscript>',
			'<svg><a href="/s"/></svg>',
			'<!-- c -->',
			'<script>var a = "<a href=/no>";</script>',
			'&amp;',
			'&#xFFFFFF;',
			'<',
			'"',
			'<a href=',
			' text ',
			'<base href="/b/">'
		),
		fc.string( { maxLength: 12 } )
	);

	it( 'never throws and always returns links that satisfy the contract', () => {
		fc.assert(
			fc.property(
				fc.array( piece, { maxLength: 60 } ),
				fc.boolean(),
				( pieces, fragment ) => {
					const { links, facts } = analyzeHtml(
						pieces.join( '' ),
						BASE,
						{ fragment }
					);
					for ( const link of links ) {
						ExtractedLinkSchema.parse( link );
						expect( link.href ).toMatch( /^https?:\/\// );
					}
					expect( typeof facts.textSample ).toBe( 'string' );
				}
			),
			{ numRuns: 300 }
		);
	} );

	it( 'never extracts the link that sits inside a script', () => {
		expect(
			extractLinks(
				'<script>document.write("<a href=/no>")</script>',
				BASE
			)
		).toEqual( [] );
	} );
} );
