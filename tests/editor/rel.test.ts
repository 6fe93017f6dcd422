import { findAnchorTags } from '../../src/editor/links/anchor-tags';
import { addRelToLinks, mergeRel } from '../../src/editor/links/rel';
import { relFixAttributes } from '../../src/editor/links/rel-attributes';

const toPartner = ( href: string ) =>
	href.startsWith( 'https://partner.example' );

describe( 'addRelToLinks', () => {
	it( 'adds rel to a link without one and leaves the rest of the markup byte for byte', () => {
		const html =
			'Read <a href="https://partner.example/x" target="_blank">this</a> and <a href="https://other.example/">that</a>.';
		const { html: out, changed } = addRelToLinks(
			html,
			toPartner,
			'nofollow'
		);
		expect( out ).toBe(
			'Read <a href="https://partner.example/x" target="_blank" rel="nofollow">this</a> and <a href="https://other.example/">that</a>.'
		);
		expect( changed ).toBe( 1 );
	} );

	it( 'merges into an existing rel, keeping its tokens and their order', () => {
		const html =
			'<a rel="noopener NoReferrer" href="https://partner.example/">x</a>';
		expect( addRelToLinks( html, toPartner, 'sponsored' ).html ).toBe(
			'<a rel="noopener noreferrer sponsored" href="https://partner.example/">x</a>'
		);
	} );

	it( 'handles single-quoted, unquoted and entity-encoded hrefs', () => {
		const html =
			"<a href='https://partner.example/?a=1&amp;b=2'>q</a><A HREF=https://partner.example/u>u</A>";
		const seen: string[] = [];
		const { html: out, changed } = addRelToLinks(
			html,
			( href ) => {
				seen.push( href );
				return toPartner( href );
			},
			'nofollow'
		);
		expect( seen ).toEqual( [
			'https://partner.example/?a=1&b=2',
			'https://partner.example/u',
		] );
		expect( changed ).toBe( 2 );
		expect( out ).toBe(
			'<a href=\'https://partner.example/?a=1&amp;b=2\' rel="nofollow">q</a><A HREF=https://partner.example/u rel="nofollow">u</A>'
		);
	} );

	it( 'does not touch links that already carry the token', () => {
		const html = '<a href="https://partner.example/" rel="nofollow">x</a>';
		expect( addRelToLinks( html, toPartner, 'nofollow' ) ).toEqual( {
			html,
			changed: 0,
		} );
	} );

	it( 'ignores anchors inside comments and tags that only start with "a"', () => {
		const html =
			'<!-- <a href="https://partner.example/"> --><abbr title="x">y</abbr><a href="https://partner.example/">z</a>';
		const { html: out, changed } = addRelToLinks(
			html,
			toPartner,
			'nofollow'
		);
		expect( changed ).toBe( 1 );
		expect( out ).toBe(
			'<!-- <a href="https://partner.example/"> --><abbr title="x">y</abbr><a href="https://partner.example/" rel="nofollow">z</a>'
		);
	} );

	it( 'keeps a self-closing slash after the inserted attribute', () => {
		expect(
			addRelToLinks(
				'<a href="https://partner.example/" />',
				toPartner,
				'nofollow'
			).html
		).toBe( '<a href="https://partner.example/" rel="nofollow" />' );
	} );
} );

describe( 'mergeRel', () => {
	it( 'does not duplicate a token', () => {
		expect( mergeRel( 'nofollow', 'nofollow' ) ).toBe( 'nofollow' );
		expect( mergeRel( null, 'sponsored' ) ).toBe( 'sponsored' );
	} );
} );

describe( 'findAnchorTags', () => {
	it( 'reports tags without href with a null href', () => {
		expect( findAnchorTags( '<a name="top">x</a>' )[ 0 ].href ).toBeNull();
	} );
} );

describe( 'relFixAttributes', () => {
	it( 'rewrites links inside rich-text attributes, including RichTextData objects', () => {
		const richText = {
			toHTMLString: () =>
				'See <a href="https://partner.example/">them</a>',
		};
		const fix = relFixAttributes(
			{ content: richText, dropCap: false, className: 'x' },
			toPartner,
			'nofollow'
		);
		expect( fix ).toEqual( {
			attributes: {
				content:
					'See <a href="https://partner.example/" rel="nofollow">them</a>',
			},
			changed: 1,
		} );
	} );

	it( 'sets the rel attribute of a button whose url matches', () => {
		expect(
			relFixAttributes(
				{
					url: 'https://partner.example/',
					rel: 'noopener',
					text: 'Go',
				},
				toPartner,
				'sponsored'
			)
		).toEqual( { attributes: { rel: 'noopener sponsored' }, changed: 1 } );
	} );

	it( 'leaves a button pointing elsewhere alone', () => {
		expect(
			relFixAttributes(
				{ url: 'https://other.example/', rel: '' },
				toPartner,
				'nofollow'
			)
		).toEqual( { attributes: {}, changed: 0 } );
	} );

	it( 'sets rel on an image link that has none yet', () => {
		expect(
			relFixAttributes(
				{
					href: 'https://partner.example/',
					rel: undefined,
					url: 'https://ours.example/img.png',
				},
				toPartner,
				'nofollow'
			)
		).toEqual( { attributes: { rel: 'nofollow' }, changed: 1 } );
	} );
} );
