/**
 * Links of the post tied to their blocks: the core extractor sees the whole
 * post, and each link still knows the block it sits in.
 */
import {
	collectPostLinks,
	type BlockLike,
} from '../../src/editor/links/collect';
import { createFragmentCache } from '../../src/editor/links/fragments';

interface TestBlock extends BlockLike {
	html: string;
	innerBlocks: TestBlock[];
}

const block = (
	clientId: string,
	html: string,
	innerBlocks: TestBlock[] = [],
	name = 'core/paragraph'
): TestBlock => ( { clientId, name, html, innerBlocks } );

/** The post as WordPress serialises it: each block's HTML around its children. */
function serialise( blocks: TestBlock[] ): string {
	return blocks
		.map( ( b ) =>
			b.innerBlocks.length
				? b.html.replace(
						'</div>',
						`${ serialise( b.innerBlocks ) }</div>`
					)
				: b.html
		)
		.join( '\n' );
}

function collect(
	blocks: TestBlock[],
	siteUrls = [ 'https://ours.example/' ]
) {
	return collectPostLinks( {
		blocks,
		blockHtml: ( b ) => b.html,
		postHtml: serialise( blocks ),
		baseUrl: 'https://ours.example/2026/11/post/',
		siteUrls,
	} );
}

describe( 'collectPostLinks', () => {
	it( 'ties each link to its block, including blocks nested in a group', () => {
		const blocks = [
			block(
				'p1',
				'<p>See <a href="https://partner.example/a">their guide</a>.</p>'
			),
			block(
				'group',
				'<div class="wp-block-group"></div>',
				[
					block(
						'p2',
						'<p><a href="https://other.example/">Other</a> and <a href="/about/">us</a></p>'
					),
				],
				'core/group'
			),
		];
		const { links } = collect( blocks );
		expect(
			links.map( ( l ) => [
				l.clientId,
				l.blockName,
				l.link.href,
				l.external,
			] )
		).toEqual( [
			[ 'p1', 'core/paragraph', 'https://partner.example/a', true ],
			[ 'p2', 'core/paragraph', 'https://other.example/', true ],
			[ 'p2', 'core/paragraph', 'https://ours.example/about/', false ],
		] );
		expect( new Set( links.map( ( l ) => l.id ) ).size ).toBe( 3 );
	} );

	it( 'pairs repeated targets with their blocks in document order', () => {
		const blocks = [
			block( 'a', '<p><a href="https://partner.example/">one</a></p>' ),
			block(
				'b',
				'<p><a href="https://www.partner.example">two</a></p>'
			),
		];
		const { links } = collect( blocks );
		expect( links.map( ( l ) => [ l.clientId, l.link.text ] ) ).toEqual( [
			[ 'a', 'one' ],
			[ 'b', 'two' ],
		] );
		expect( links[ 0 ].rawHrefs.sort() ).toEqual( [
			'https://partner.example/',
			'https://www.partner.example',
		] );
	} );

	it( 'still pairs repeated targets after a link that no block shows', () => {
		// The post has a link the block scan misses (markup outside the
		// blocks): the links after it must still find their own blocks.
		const blocks = [
			block( 'a', '<p><a href="https://partner.example/x">one</a></p>' ),
			block( 'b', '<p><a href="https://partner.example/y">two</a></p>' ),
			block(
				'c',
				'<p><a href="https://partner.example/x">three</a></p>'
			),
		];
		const { links } = collectPostLinks( {
			blocks,
			blockHtml: ( b ) => b.html,
			postHtml: `<p><a href="https://stray.example/">stray</a></p>\n${ serialise(
				blocks
			) }\n<p><a href="https://partner.example/x">four</a></p>`,
			baseUrl: 'https://ours.example/2026/11/post/',
			siteUrls: [ 'https://ours.example/' ],
		} );
		expect( links.map( ( l ) => [ l.clientId, l.link.text ] ) ).toEqual( [
			[ null, 'stray' ],
			[ 'a', 'one' ],
			[ 'b', 'two' ],
			[ 'c', 'three' ],
			[ null, 'four' ],
		] );
		expect( links.map( ( l ) => l.id ) ).toEqual( [
			'post:0:0',
			'a:0:1',
			'b:0:2',
			'c:0:3',
			'post:1:4',
		] );
	} );

	it( 'keeps the href as written for the canvas marks', () => {
		const { links } = collect( [
			block(
				'a',
				'<p><a href="https://partner.example/?a=1&amp;b=2">x</a></p>'
			),
		] );
		expect( links[ 0 ].rawHrefs ).toEqual( [
			'https://partner.example/?a=1&b=2',
		] );
	} );

	it( 'groups local partners by host and port, since IP hosts have no registrable domain', () => {
		const { links } = collect( [
			block(
				'a',
				'<p><a href="http://127.0.0.1:8101/">one</a> <a href="http://127.0.0.1:8102/">two</a></p>'
			),
		] );
		expect( links.map( ( l ) => l.domain ) ).toEqual( [
			'127.0.0.1:8101',
			'127.0.0.1:8102',
		] );
	} );

	it( 'returns the post text for relevance', () => {
		const { postText } = collect( [
			block( 'a', '<p>Compost keeps a garden healthy.</p>' ),
		] );
		expect( postText ).toContain( 'Compost keeps a garden healthy.' );
	} );
} );

describe( 'collectPostLinks from top-level blocks read one by one', () => {
	const baseUrl = 'https://ours.example/2026/11/post/';
	/** Saved HTML of top-level blocks, headings and lists among them. */
	const pieces = [
		'<!-- wp:paragraph -->\n<p>Intro with <a href="https://a.example/x">a link</a> in running text.</p>\n<!-- /wp:paragraph -->',
		'<!-- wp:heading -->\n<h2>Our partners</h2>\n<!-- /wp:heading -->',
		'<!-- wp:paragraph -->\n<p><a href="https://b.example/">B</a>, <a href="https://c.example/y?z=1">C</a> and <a href="/local">ours</a>.</p>\n<!-- /wp:paragraph -->',
		'<!-- wp:list -->\n<ul><li><a href="https://d.example/">D</a></li><li><a href="https://e.example/">E</a></li></ul>\n<!-- /wp:list -->',
		'<!-- wp:group -->\n<div class="wp-block-group"><h3>More</h3><p>Text before <a href="https://f.example/" rel="nofollow">F</a>.</p></div>\n<!-- /wp:group -->',
		'<!-- wp:paragraph -->\n<p>Closing words without links.</p>\n<!-- /wp:paragraph -->',
	];
	const blocks = pieces.map( ( html, i ) => block( `b${ i }`, html ) );
	const input = {
		blocks,
		blockHtml: ( b: TestBlock ) => b.html,
		postHtml: pieces.join( '\n\n' ),
		baseUrl,
		siteUrls: [ 'https://ours.example/' ],
	};

	it( 'gives the same links, positions, headings, blocks and text as the whole post', () => {
		const whole = collectPostLinks( input );
		const cache = createFragmentCache( baseUrl );
		const joined = collectPostLinks( {
			...input,
			fragments: pieces.map( ( html ) => cache.analyze( html ) ),
		} );
		expect( joined.links ).toHaveLength( 7 );
		expect( joined.postText ).toBe( whole.postText );
		joined.links.forEach( ( link, i ) => {
			const { position, ...rest } = link.link;
			const { position: expected, ...wholeRest } = whole.links[ i ].link;
			expect( rest ).toEqual( wholeRest );
			expect( position ).toBeCloseTo( expected, 12 );
			expect( { ...link, link: null } ).toEqual( {
				...whole.links[ i ],
				link: null,
			} );
		} );
		// The heading runs on into the next block.
		expect( joined.links[ 1 ].link.heading ).toBe( 'Our partners' );
		expect( joined.links[ 6 ].link.heading ).toBe( 'More' );
	} );

	it( 'parses only the blocks whose HTML changed', () => {
		const cache = createFragmentCache( baseUrl );
		pieces.forEach( ( html ) => cache.analyze( html ) );
		cache.sweep();
		expect( cache.parsed ).toBe( pieces.length );
		const edited = [ ...pieces ];
		edited[ 2 ] = edited[ 2 ].replace( 'ours</a>.', 'ours</a>, typed.' );
		const fragments = edited.map( ( html ) => cache.analyze( html ) );
		cache.sweep();
		expect( cache.parsed ).toBe( pieces.length + 1 );
		expect(
			collectPostLinks( {
				...input,
				postHtml: edited.join( '\n\n' ),
				fragments,
			} ).links.map( ( l ) => l.link.href )
		).toEqual(
			collectPostLinks( {
				...input,
				postHtml: edited.join( '\n\n' ),
			} ).links.map( ( l ) => l.link.href )
		);
		// The old version of the edited block is forgotten after a reading
		// that did not use it.
		edited.forEach( ( html ) => cache.analyze( html ) );
		cache.sweep();
		cache.analyze( pieces[ 2 ] );
		expect( cache.parsed ).toBe( pieces.length + 2 );
	} );
} );
