/**
 * The whitespace helpers of the document model are scans, not regular
 * expressions, for speed. They must give exactly what the regex versions
 * give, for every UTF-16 code unit and any mix of them.
 */
import fc from 'fast-check';
import {
	collapseRuns,
	collapseWhitespace,
} from '../../src/core/extract/document';

const regexRuns = ( text: string ) => text.replace( /\s+/g, ' ' );
const regexCollapse = ( text: string ) => text.replace( /\s+/g, ' ' ).trim();

describe( 'whitespace collapsing', () => {
	it( 'treats every code unit as the regex \\s and trim() do', () => {
		// Compared directly and reported once: a million expect() calls
		// took half a minute of CI for the same check.
		const differing: string[] = [];
		for ( let code = 0; code <= 0xffff; code++ ) {
			const c = String.fromCharCode( code );
			for ( const text of [
				c,
				`a${ c }b`,
				`a${ c }${ c }b`,
				` ${ c }a${ c } `,
			] ) {
				if (
					collapseRuns( text ) !== regexRuns( text ) ||
					collapseWhitespace( text ) !== regexCollapse( text )
				) {
					differing.push( JSON.stringify( text ) );
				}
			}
		}
		expect( differing ).toEqual( [] );
	} );

	it( 'agrees with the regex versions on arbitrary strings', () => {
		const piece = fc.oneof(
			fc.constantFrom(
				' ',
				'  ',
				'\n',
				'\t',
				'\u00a0',
				'\u2028',
				'\ufeff',
				'\u3000',
				'word',
				'é',
				'😀'
			),
			fc.string( { maxLength: 6 } ),
			fc.string( { unit: 'binary', maxLength: 6 } )
		);
		fc.assert(
			fc.property( fc.array( piece, { maxLength: 30 } ), ( pieces ) => {
				const text = pieces.join( '' );
				expect( collapseRuns( text ) ).toBe( regexRuns( text ) );
				expect( collapseWhitespace( text ) ).toBe(
					regexCollapse( text )
				);
			} ),
			{ numRuns: 2000 }
		);
	} );

	it( 'returns the same string when nothing needs collapsing', () => {
		const text = 'Garden furniture for small balconies';
		expect( collapseRuns( text ) ).toBe( text );
		expect( collapseRuns( ' a  b\n' ) ).toBe( ' a b ' );
		expect( collapseWhitespace( '\n  Home \t' ) ).toBe( 'Home' );
	} );
} );
