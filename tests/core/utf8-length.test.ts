/**
 * Reply and row sizes are counted, not encoded (their-links.ts): the count
 * must be what TextEncoder writes, byte for byte, for every kind of text a
 * partner page can put in an anchor, a title or a URL.
 */
import fc from 'fast-check';
import { jsonBytes, utf8Length } from '../../src/core/their-links';

const encoder = new TextEncoder();
const encodedLength = ( text: string ) => encoder.encode( text ).length;

describe( 'utf8Length', () => {
	it.each( [
		[ 'ASCII', 'garden furniture', 16 ],
		[ 'two-byte letters', 'Zoë café', 10 ],
		[ 'three-byte characters', '€50 — 日本', 16 ],
		[ 'a surrogate pair (emoji)', '🌷', 4 ],
		[ 'a lone high surrogate, written as U+FFFD', '\ud83c', 3 ],
		[ 'a lone low surrogate, written as U+FFFD', 'a\udf37b', 5 ],
		[ 'a high surrogate at the end after a pair', '🌷\ud83c', 7 ],
		[ 'the empty string', '', 0 ],
	] )( 'counts %s', ( _name, text, bytes ) => {
		expect( utf8Length( text ) ).toBe( bytes );
		expect( encodedLength( text ) ).toBe( bytes );
	} );

	it( 'agrees with TextEncoder on arbitrary UTF-16, lone surrogates included', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string( { unit: 'grapheme', maxLength: 40 } ),
					fc.string( { unit: 'binary', maxLength: 40 } ),
					fc.string( { unit: 'binary-ascii', maxLength: 40 } )
				),
				( text ) => {
					expect( utf8Length( text ) ).toBe( encodedLength( text ) );
				}
			),
			{ numRuns: 3000 }
		);
	} );

	it( 'sizes a value as the bytes of its JSON', () => {
		const value = { anchor: 'tuinmeubelen — €', emoji: '🌷' };
		expect( jsonBytes( value ) ).toBe(
			encodedLength( JSON.stringify( value ) )
		);
	} );
} );
