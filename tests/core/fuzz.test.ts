/**
 * Fuzzing (issue 7): the pure core must survive any input a stranger's page
 * or a user's post can contain. fast-check generates URLs, tag soup and
 * anchor texts, from plausible to garbled; the properties are the contracts
 * the rest of the product relies on. The number of inputs tried goes into
 * docs/reliability.md. RLG_FUZZ_RUNS scales every property (default 1).
 */
import fc from 'fast-check';
import { classifyAnchor } from '../../src/core/anchors';
import { analyzeHtml } from '../../src/core/extract';
import { AnchorClassSchema } from '../../src/core/schemas';
import { normalizeUrl } from '../../src/core/url';
import { recordFigures } from '../reliability/figures';

const SCALE = Math.max( 1, Number( process.env.RLG_FUZZ_RUNS ) || 1 );
const runs = ( n: number ) => ( { numRuns: n * SCALE } );
const tried: Record< string, number > = {};
const count = ( name: string ) =>
	( tried[ name ] = ( tried[ name ] ?? 0 ) + 1 );

afterAll( () => {
	recordFigures( 'fuzz', {
		inputsTried: tried,
		total: Object.values( tried ).reduce( ( a, b ) => a + b, 0 ),
	} );
} );

/** Pieces URLs are made of, including the ones parsers disagree about. */
const urlPiece = fc.constantFrom(
	'http://',
	'https://',
	'HTTP://',
	'ftp://',
	'javascript:',
	'data:text/html,',
	'mailto:',
	'file:///',
	'//',
	'\\\\',
	'/',
	'\\',
	'..',
	'./',
	'?',
	'#',
	'&',
	'=',
	'@',
	':',
	':80',
	':443',
	':0',
	':65536',
	'%',
	'%2e',
	'%00',
	'%zz',
	'%C3%A9',
	'[::1]',
	'[::ffff:127.0.0.1]',
	'[',
	']',
	'0x7f.1',
	'017700000001',
	'127.0.0.1',
	'münchen.de',
	'xn--',
	'ß',
	'\u200b',
	'\u0000',
	'\t',
	'\n',
	' ',
	'www.',
	'WWW.Example.COM',
	'example.com',
	'.',
	'user:pass@',
	'index.html',
	'utm_source=x',
	'😀'
);
const urlLike = fc.oneof(
	fc.webUrl( { withQueryParameters: true, withFragments: true } ),
	fc.array( urlPiece, { maxLength: 12 } ).map( ( p ) => p.join( '' ) ),
	fc
		.tuple( fc.array( urlPiece, { maxLength: 6 } ), fc.string() )
		.map( ( [ p, s ] ) => p.join( '' ) + s ),
	fc.string( { unit: 'binary', maxLength: 80 } )
);
const base = fc.option(
	fc.oneof(
		fc.webUrl(),
		fc.constantFrom( 'https://our.example/blog/post/', 'not a url', '' )
	),
	{ nil: undefined }
);

function isAbsoluteHttp( url: string ): boolean {
	const parsed = new URL( url );
	return (
		( parsed.protocol === 'http:' || parsed.protocol === 'https:' ) &&
		parsed.hostname.length > 0
	);
}

describe( 'normalizeUrl under fuzzing', () => {
	it( 'never throws, yields only absolute http(s) URLs, and is idempotent', () => {
		fc.assert(
			fc.property( urlLike, base, ( href, from ) => {
				count( 'normalizeUrl' );
				const once = normalizeUrl( href, from );
				if ( once === null ) {
					return;
				}
				expect( isAbsoluteHttp( once ) ).toBe( true );
				expect( once ).not.toContain( '#' );
				expect( normalizeUrl( once ) ).toBe( once );
				// Resolving an absolute URL against any base changes nothing.
				expect( normalizeUrl( once, from ) ).toBe( once );
			} ),
			runs( 3000 )
		);
	} );
} );

/** Tag soup: real tags, broken tags, entities, attributes, comments. */
const htmlPiece = fc.oneof(
	{ weight: 6, arbitrary: urlPiece },
	{
		weight: 10,
		arbitrary: fc.constantFrom(
			'<a href="',
			'<A HREF=',
			"<a href='",
			'<a',
			'<a ',
			'</a>',
			'">',
			"'>",
			'>',
			'<',
			'<area href="',
			'<base href="',
			'<link rel="canonical" href="',
			'<img alt="',
			'<div style="display:none">',
			'<footer>',
			'<aside>',
			'<nav>',
			'<ul><li>',
			'<h2>',
			'</div>',
			'<!--',
			'-->',
			'<![CDATA[',
			'<script>',
			'</script>',
			'<style>',
			'<svg><a xlink:href="',
			'<template>',
			'<noscript>',
			'<title>',
			'<p>',
			'&amp;',
			'&#x0;',
			'&#xFFFFFF;',
			'&lt;a href=',
			'rel="nofollow sponsored"',
			'hidden',
			' ',
			'\u0000',
			'\ufeff'
		),
	},
	{ weight: 3, arbitrary: fc.string( { maxLength: 10 } ) },
	{ weight: 1, arbitrary: fc.string( { unit: 'binary', maxLength: 10 } ) }
);
const soup = fc
	.array( htmlPiece, { maxLength: 80 } )
	.map( ( p ) => p.join( '' ) );

function countAnchorsOpenings( html: string ): number {
	return html.toLowerCase().split( '<a' ).length - 1;
}

describe( 'link extraction under fuzzing', () => {
	it( 'never throws; every link is absolute http(s); never more links than "<a" in the input', () => {
		fc.assert(
			fc.property(
				soup,
				fc.boolean(),
				fc.constantFrom(
					'https://partner.example/page',
					'http://[::1]:8080/a/b?c',
					'https://xn--mnchen-3ya.de/'
				),
				( html, fragment, pageUrl ) => {
					count( 'analyzeHtml' );
					const { links } = analyzeHtml( html, pageUrl, {
						fragment,
					} );
					for ( const link of links ) {
						expect( isAbsoluteHttp( link.href ) ).toBe( true );
					}
					expect( links.length ).toBeLessThanOrEqual(
						countAnchorsOpenings( html )
					);
				}
			),
			runs( 1500 )
		);
	} );

	// Found by the property above: an image inside <a> without href threw
	// (the checker then reported a partner page with a named anchor as
	// not-html).
	it( 'keeps the links of a page with an image inside a named anchor', () => {
		const { links } = analyzeHtml(
			'<a name="top"><img alt="logo" src="/l.png"></a><a href="https://our.example/">Our site</a>',
			'https://partner.example/'
		);
		expect( links.map( ( link ) => link.href ) ).toEqual( [
			'https://our.example/',
		] );
	} );

	it( 'survives arbitrary bytes decoded as text', () => {
		fc.assert(
			fc.property( fc.uint8Array( { maxLength: 2000 } ), ( bytes ) => {
				count( 'analyzeHtml(bytes)' );
				const html = Buffer.from( bytes ).toString( 'latin1' );
				const { links } = analyzeHtml(
					html,
					'https://partner.example/'
				);
				expect( links.length ).toBeLessThanOrEqual(
					countAnchorsOpenings( html )
				);
			} ),
			runs( 500 )
		);
	} );
} );

const words = fc.constantFrom(
	'garden',
	'furniture',
	'Garden Furniture',
	'tuinmeubelen',
	'click here',
	'hier',
	'https://our.example/',
	'our.example',
	'Our Brand',
	'ÉLAN',
	'İstanbul',
	'ß',
	'😀',
	'',
	' ',
	'\u200b',
	'-',
	'www'
);
const phrase = fc.oneof(
	fc.array( words, { maxLength: 6 } ).map( ( w ) => w.join( ' ' ) ),
	fc.string( { maxLength: 60 } ),
	fc.string( { unit: 'grapheme', maxLength: 40 } )
);

describe( 'anchor classification under fuzzing', () => {
	it( 'never throws and always yields a valid AnchorClass', () => {
		fc.assert(
			fc.property(
				phrase,
				fc.record(
					{
						keywords: fc.array( phrase, { maxLength: 5 } ),
						brandTerms: fc.array( phrase, { maxLength: 3 } ),
						targetUrl: urlLike,
						isImage: fc.boolean(),
						partialMatchShare: fc.double( {
							min: 0,
							max: 1,
							noNaN: true,
						} ),
					},
					{ requiredKeys: [ 'keywords' ] }
				),
				( text, ctx ) => {
					count( 'classifyAnchor' );
					const anchorClass = classifyAnchor( text, ctx );
					expect(
						AnchorClassSchema.safeParse( anchorClass ).success
					).toBe( true );
				}
			),
			runs( 3000 )
		);
	} );
} );
