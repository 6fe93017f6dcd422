/**
 * The document model reads attributes through ReadAttributes, which keeps
 * only the names it lists. It must agree with the full attribute map of
 * streamHtml for every listed name, and read nothing else.
 */
import { ReadAttributes } from '../../src/core/extract/attributes';
import { streamHtml, streamHtmlRanges } from '../../src/core/extract/parse';
import type { Attributes } from '../../src/core/extract/parse';

const READ_NAMES = [
	'class',
	'id',
	'role',
	'aria-label',
	'aria-labelledby',
	'itemprop',
	'data-elementor-type',
	'style',
	'hidden',
	'aria-hidden',
	'href',
	'rel',
	'alt',
	'lang',
	'name',
	'content',
] as const;

function readBoth( html: string ): Array< [ Attributes, Attributes ] > {
	const full: Attributes[] = [];
	streamHtml( html, {
		open: ( _name, attributes ) => full.push( attributes ),
		close: () => {},
		text: () => {},
	} );
	const picked: Attributes[] = [];
	streamHtmlRanges( html, new ReadAttributes(), {
		open: ( _name, attributes ) => {
			const copy: Attributes = {};
			for ( const name of READ_NAMES ) {
				const value = attributes[ name ];
				if ( value !== undefined ) {
					copy[ name ] = value;
				}
			}
			picked.push( copy );
		},
		close: () => {},
		text: () => {},
		entity: () => {},
	} );
	return full.map( ( attributes, i ) => [ attributes, picked[ i ] ] );
}

describe( 'ReadAttributes', () => {
	it( 'reads each listed attribute under its own name, as the full attribute map does', () => {
		// Every name gets a distinct value, so a getter wired to the wrong
		// slot shows up as a mismatch.
		const attributes = READ_NAMES.map(
			( name, i ) => `${ name.toUpperCase() }="v${ i } &amp; x"`
		).join( ' ' );
		const [ [ full, picked ] ] = readBoth( `<div ${ attributes }></div>` );
		expect( picked ).toEqual( full );
		expect( Object.keys( picked ) ).toHaveLength( READ_NAMES.length );
	} );

	it( 'keeps the first of two same-named attributes and forgets the previous tag', () => {
		const pairs = readBoth(
			'<a href="/one" HREF="/two" class=x data-x="{&quot;a&quot;:1}"></a><span title="t"></span>'
		);
		expect( pairs[ 0 ][ 1 ] ).toEqual( { href: '/one', class: 'x' } );
		expect( pairs[ 0 ][ 0 ][ 'data-x' ] ).toBe( '{"a":1}' );
		expect( pairs[ 1 ][ 1 ] ).toEqual( {} );
	} );

	it( 'lower-cases names with non-ASCII characters as toLowerCase does', () => {
		// U+212A KELVIN SIGN lower-cases to "k"; no listed name has a k, so
		// such a name is never read, in either reader.
		for ( const [ full, picked ] of readBoth(
			'<p \u212Aid="a" İd="b" id="c" hidden></p>'
		) ) {
			const listed: Attributes = {};
			for ( const name of READ_NAMES ) {
				if ( full[ name ] !== undefined ) {
					listed[ name ] = full[ name ];
				}
			}
			expect( picked ).toEqual( listed );
			expect( picked ).toEqual( { id: 'c', hidden: '' } );
		}
	} );
} );

describe( 'lower-casing to ASCII', () => {
	it( 'maps no non-ASCII code point to ASCII but the Kelvin sign, one for one (why ReadAttributes.slot rejects names by length)', () => {
		const toAscii: number[] = [];
		for ( let code = 128; code <= 0x10ffff; code++ ) {
			const lower =
				code >= 0xd800 && code <= 0xdfff
					? String.fromCharCode( code ).toLowerCase()
					: String.fromCodePoint( code ).toLowerCase();

			if ( /^[\x00-\x7f]+$/.test( lower ) ) {
				toAscii.push( code );
			}
		}
		expect( toAscii ).toEqual( [ 0x212a ] );
		expect( '\u212a'.toLowerCase() ).toBe( 'k' );
	} );

	it( 'never reads a name with non-ASCII characters, whatever its length', () => {
		const [ [ , picked ] ] = readBoth(
			'<p \u212Aid="a" ıd="b" cla\u212Ass="c" ıdx="d" \u212A="e" role="r"></p>'
		);
		expect( picked ).toEqual( { role: 'r' } );
	} );
} );

describe( 'tag names', () => {
	it( 'pairs every open with its close across thousands of distinct, mixed-case and non-ASCII names', () => {
		let html = '';
		for ( let i = 0; i < 3000; i++ ) {
			html += `<X-El${ i }><b>${ i }</B></x-eL${ i }><lÜ${ i }>ü</lü${ i }>`;
		}
		const opened: string[] = [];
		const closed: string[] = [];
		streamHtml( html, {
			open: ( name ) => opened.push( name ),
			close: ( name ) => closed.push( name ),
			text: () => {},
		} );
		const expectedOpen: string[] = [];
		const expectedClose: string[] = [];
		for ( let i = 0; i < 3000; i++ ) {
			expectedOpen.push( `x-el${ i }`, 'b', `lü${ i }` );
			expectedClose.push( 'b', `x-el${ i }`, `lü${ i }` );
		}
		expect( opened ).toEqual( expectedOpen );
		expect( closed ).toEqual( expectedClose );
	} );
} );
