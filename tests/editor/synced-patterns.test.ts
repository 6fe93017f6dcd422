/**
 * Links of synced patterns (`core/block`): the published page shows the
 * pattern's content where the instance sits, so its links are listed with
 * the post's, through the real collector and extractor, each marked with
 * the pattern it comes from.
 */
import { collectPostLinks } from '../../src/editor/links/collect';
import {
	applyPatternOverrides,
	expandSyncedPatterns,
	markSyncedPatternLinks,
	nestedRefs,
	patternContent,
	patternOverrides,
	patternSource,
	refsInBlocks,
	refsInContent,
	unreadPatterns,
	withSyncedPatterns,
	type SyncedPatternSource,
} from '../../src/editor/links/synced-patterns';
import { relFixNotice } from '../../src/editor/messages';

interface TestBlock {
	clientId: string;
	name: string;
	attributes: Record< string, unknown >;
	/** The block's own saved HTML (a group's wrapper holds `</div>`). */
	html: string;
	innerBlocks: TestBlock[];
}

const paragraph = ( clientId: string, html: string ): TestBlock => ( {
	clientId,
	name: 'core/paragraph',
	attributes: {},
	html: `<!-- wp:paragraph -->\n${ html }\n<!-- /wp:paragraph -->`,
	innerBlocks: [],
} );

const group = ( clientId: string, innerBlocks: TestBlock[] ): TestBlock => ( {
	clientId,
	name: 'core/group',
	attributes: {},
	html: '<!-- wp:group -->\n<div class="wp-block-group"></div>\n<!-- /wp:group -->',
	innerBlocks,
} );

/** An instance; `innerBlocks` as the block editor may hold them (controlled). */
const instance = (
	clientId: string,
	ref: number,
	innerBlocks: TestBlock[] = []
): TestBlock => ( {
	clientId,
	name: 'core/block',
	attributes: { ref },
	html: '',
	innerBlocks,
} );

/** As wp.blocks.serialize: an instance is a void comment, save() is null. */
function serialize( blocks: TestBlock[] ): string {
	return blocks
		.map( ( b ) => {
			if ( b.name === 'core/block' ) {
				return `<!-- wp:block ${ JSON.stringify( b.attributes ) } /-->`;
			}
			return b.innerBlocks.length
				? b.html.replace(
						'</div>',
						`${ serialize( b.innerBlocks ) }</div>`
					)
				: b.html;
		} )
		.join( '\n\n' );
}

const ownHtml = ( b: TestBlock ) => b.html;

function ready(
	ref: number,
	title: string,
	content: string
): [ number, SyncedPatternSource ] {
	return [ ref, { ref, state: 'ready', title, content } ];
}

const CTA =
	'<!-- wp:paragraph -->\n<p>Order seeds at <a href="https://zaad.example/shop/">biologisch tuinieren</a>.</p>\n<!-- /wp:paragraph -->';

/**
 * A stand-in for parse → applyPatternOverrides → serialize: the override
 * of the block named "cta" replaces the pattern's paragraph.
 */
function withOverrides(
	content: string,
	overrides: Record< string, Record< string, unknown > >
): string {
	const text = overrides.cta?.content;
	return typeof text === 'string'
		? content.replace( /<p>[\s\S]*<\/p>/, `<p>${ text }</p>` )
		: content;
}

function collect(
	blocks: TestBlock[],
	sources: Map< number, SyncedPatternSource >
) {
	const prepared = withSyncedPatterns( blocks, sources, {
		ownHtml,
		serialize,
		withOverrides,
	} );
	const collected = collectPostLinks( {
		blocks: prepared.blocks,
		blockHtml: prepared.blockHtml,
		postHtml: prepared.postHtml,
		baseUrl: 'https://ours.example/2026/11/post/',
		siteUrls: [ 'https://ours.example/' ],
	} );
	return {
		links: markSyncedPatternLinks( collected.links, prepared.instances ),
		postText: collected.postText,
		unread: unreadPatterns( prepared.instances ),
		prepared,
	};
}

describe( 'links of synced patterns', () => {
	it( 'lists a pattern’s links in document order, tied to the instance and marked with the pattern', () => {
		const { links, postText } = collect(
			[
				paragraph(
					'p1',
					'<p>Read <a href="https://kas.example/tomaten/">kasplanten kopen</a>.</p>'
				),
				instance( 'cta', 12 ),
				paragraph(
					'p2',
					'<p>And <a href="https://forum.example/">the forum</a>.</p>'
				),
			],
			new Map( [ ready( 12, 'Call to action', CTA ) ] )
		);
		expect(
			links.map( ( l ) => [
				l.clientId,
				l.blockName,
				l.link.href,
				l.link.text,
				l.syncedPattern ?? null,
			] )
		).toEqual( [
			[
				'p1',
				'core/paragraph',
				'https://kas.example/tomaten/',
				'kasplanten kopen',
				null,
			],
			[
				'cta',
				'core/block',
				'https://zaad.example/shop/',
				'biologisch tuinieren',
				{ ref: 12, title: 'Call to action' },
			],
			[
				'p2',
				'core/paragraph',
				'https://forum.example/',
				'the forum',
				null,
			],
		] );
		// The pattern's text is part of the post's text, and its link sits
		// between the others (post-wide position).
		expect( postText ).toContain( 'Order seeds at' );
		expect( links[ 1 ].link.position ).toBeGreaterThan(
			links[ 0 ].link.position
		);
		expect( links[ 1 ].link.position ).toBeLessThan(
			links[ 2 ].link.position
		);
		expect( links[ 1 ].rawHrefs ).toEqual( [
			'https://zaad.example/shop/',
		] );
	} );

	it( 'counts a pattern whose blocks the editor holds as the instance’s inner blocks once', () => {
		const controlled = paragraph(
			'inner',
			'<p>Order seeds at <a href="https://zaad.example/shop/">biologisch tuinieren</a>.</p>'
		);
		const { links } = collect(
			[ group( 'g', [ instance( 'cta', 12, [ controlled ] ) ] ) ],
			new Map( [ ready( 12, 'Call to action', CTA ) ] )
		);
		expect( links.map( ( l ) => [ l.clientId, l.link.href ] ) ).toEqual( [
			[ 'cta', 'https://zaad.example/shop/' ],
		] );
	} );

	it( 'expands a pattern used twice, and patterns nested in a pattern, once per instance', () => {
		const outer = `<!-- wp:paragraph -->\n<p>Partners: <a href="https://a.example/">A</a></p>\n<!-- /wp:paragraph -->\n<!-- wp:block {"ref":12} /-->`;
		const { links } = collect(
			[ instance( 'first', 20 ), instance( 'second', 12 ) ],
			new Map( [ ready( 20, 'Footer', outer ), ready( 12, 'CTA', CTA ) ] )
		);
		expect(
			links.map( ( l ) => [
				l.clientId,
				l.link.href,
				l.syncedPattern?.ref,
			] )
		).toEqual( [
			[ 'first', 'https://a.example/', 20 ],
			[ 'first', 'https://zaad.example/shop/', 20 ],
			[ 'second', 'https://zaad.example/shop/', 12 ],
		] );
	} );

	it( 'reads each instance with its own overrides (pattern overrides)', () => {
		const overridden = {
			...instance( 'second', 12 ),
			attributes: {
				ref: 12,
				content: {
					cta: {
						content:
							'Ask <a href="https://other.example/">our other friends</a>.',
					},
				},
			},
		};
		const { links, prepared } = collect(
			[ instance( 'first', 12 ), overridden ],
			new Map( [ ready( 12, 'CTA', CTA ) ] )
		);
		expect(
			links.map( ( l ) => [ l.clientId, l.link.href, l.link.text ] )
		).toEqual( [
			[ 'first', 'https://zaad.example/shop/', 'biologisch tuinieren' ],
			[ 'second', 'https://other.example/', 'our other friends' ],
		] );
		expect( prepared.postHtml ).toContain( 'our other friends' );
		expect( prepared.postHtml ).not.toContain( 'wp:block' );
	} );

	it( 'applies overrides to the blocks named in them, at any depth', () => {
		const parsed = [
			{
				attributes: { metadata: { name: 'cta' }, content: 'old' },
				innerBlocks: [],
			},
			{
				attributes: {},
				innerBlocks: [
					{
						attributes: {
							metadata: { name: 'button' },
							url: 'https://a.example/',
							text: 'Go',
						},
						innerBlocks: [],
					},
				],
			},
		];
		const result = applyPatternOverrides( parsed, {
			cta: { content: 'new' },
			button: { url: 'https://b.example/' },
		} );
		expect( result[ 0 ].attributes.content ).toBe( 'new' );
		expect( result[ 1 ].innerBlocks[ 0 ].attributes ).toEqual( {
			metadata: { name: 'button' },
			url: 'https://b.example/',
			text: 'Go',
		} );
		expect( parsed[ 0 ].attributes.content ).toBe( 'old' );
		expect( patternOverrides( instance( 'x', 1 ) ) ).toBeNull();
		expect(
			patternOverrides( {
				...instance( 'x', 1 ),
				attributes: { ref: 1, content: { a: 'not an object' } },
			} )
		).toBeNull();
	} );

	it( 'stops at a pattern that contains itself instead of looping', () => {
		const loop = `<!-- wp:paragraph -->\n<p><a href="https://a.example/">A</a></p>\n<!-- /wp:paragraph -->\n<!-- wp:block {"ref":5} /-->`;
		const sources = new Map( [ ready( 5, 'Loop', loop ) ] );
		expect(
			expandSyncedPatterns( '<!-- wp:block {"ref":5} /-->', sources )
		).toBe( loop.replace( '<!-- wp:block {"ref":5} /-->', '' ) );
		const { links } = collect( [ instance( 'x', 5 ) ], sources );
		expect( links.map( ( l ) => l.link.href ) ).toEqual( [
			'https://a.example/',
		] );
	} );

	it( 'names the patterns still loading or unreadable, with no links for them', () => {
		const { links, unread } = collect(
			[
				instance( 'loading', 7 ),
				paragraph( 'p', '<p><a href="https://b.example/">B</a></p>' ),
				instance( 'gone', 8 ),
			],
			new Map< number, SyncedPatternSource >( [
				[ 8, { ref: 8, state: 'unavailable', title: '', content: '' } ],
			] )
		);
		expect( links.map( ( l ) => l.clientId ) ).toEqual( [ 'p' ] );
		expect( unread ).toEqual( [
			{ clientId: 'loading', ref: 7, title: '', state: 'loading' },
			{ clientId: 'gone', ref: 8, title: '', state: 'unavailable' },
		] );
	} );

	it( 'leaves a post without patterns exactly as the collector saw it', () => {
		const blocks = [
			paragraph( 'p', '<p><a href="https://b.example/">B</a></p>' ),
		];
		const { prepared, links } = collect( blocks, new Map() );
		expect( prepared.postHtml ).toBe( serialize( blocks ) );
		expect( prepared.instances.size ).toBe( 0 );
		expect( links[ 0 ] ).not.toHaveProperty( 'syncedPattern' );
	} );
} );

describe( 'pattern records', () => {
	it( 'finds the pattern ids of a block tree and of block markup, ignoring broken comments', () => {
		expect( [
			...refsInBlocks( [
				group( 'g', [ instance( 'a', 3 ), instance( 'b', 3 ) ] ),
				instance( 'c', 4 ),
				{ ...instance( 'bad', 0 ) },
			] ),
		] ).toEqual( [ 3, 4 ] );
		expect(
			refsInContent(
				'<!-- wp:block {"ref":9} /--><!-- wp:core/block {"ref":10,"content":{"x":{"y":"}"}}} /--><!-- wp:block {broken /--><!-- wp:blocks {"ref":11} /-->'
			)
		).toEqual( [ 9, 10 ] );
	} );

	it( 'reads the content as saved, as edited (blocks), and from a content function', () => {
		const serializeStub = ( blocks: unknown[] ) =>
			`serialised ${ blocks.length }`;
		expect( patternContent( { content: 'saved' }, serializeStub ) ).toBe(
			'saved'
		);
		expect(
			patternContent( { content: { raw: 'raw' } }, serializeStub )
		).toBe( 'raw' );
		expect(
			patternContent(
				{ content: 'old', blocks: [ {}, {} ] },
				serializeStub
			)
		).toBe( 'serialised 2' );
		expect(
			patternContent(
				{ content: ( r: { id: number } ) => `fn ${ r.id }`, id: 4 },
				serializeStub
			)
		).toBe( 'fn 4' );
		expect(
			nestedRefs( { blocks: [ instance( 'n', 6 ) ], content: '' } )
		).toEqual( [ 6 ] );
		expect(
			nestedRefs( { content: { raw: '<!-- wp:block {"ref":2} /-->' } } )
		).toEqual( [ 2 ] );
	} );

	it( 'is loading until core-data finishes, then ready or unavailable', () => {
		const s = ( blocks: unknown[] ) => String( blocks.length );
		expect( patternSource( 3, undefined, false, s ).state ).toBe(
			'loading'
		);
		expect( patternSource( 3, undefined, true, s ).state ).toBe(
			'unavailable'
		);
		expect(
			patternSource(
				3,
				{ title: { raw: ' CTA ', rendered: 'CTA' }, content: 'x' },
				true,
				s
			)
		).toEqual( { ref: 3, state: 'ready', title: 'CTA', content: 'x' } );
	} );
} );

describe( 'the rel fix notice', () => {
	const cta = { ref: 12, title: 'Call to action' };

	it( 'says what was added when every link is in the post', () => {
		expect( relFixNotice( 'nofollow', 2, [] ) ).toEqual( {
			status: 'success',
			message: 'Added rel="nofollow" to 2 links.',
		} );
		expect( relFixNotice( 'nofollow', 0, [] ).status ).toBe( 'info' );
	} );

	it( 'names the synced pattern it could not change instead of claiming success', () => {
		const only = relFixNotice( 'sponsored', 0, [ cta, cta ] );
		expect( only.status ).toBe( 'warning' );
		expect( only.message ).toContain( '“Call to action”' );
		expect( only.message ).toContain( 'edit the pattern' );
		expect( only.message ).not.toContain( 'already has' );

		const mixed = relFixNotice( 'nofollow', 1, [
			cta,
			{ ref: 13, title: '' },
		] );
		expect( mixed.status ).toBe( 'info' );
		expect( mixed.message ).toContain( 'Added rel="nofollow" to 1 link.' );
		expect( mixed.message ).toContain( '“Call to action”, “Pattern #13”' );
	} );
} );
