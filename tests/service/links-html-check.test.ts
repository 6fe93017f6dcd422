/**
 * `rlg links` refuses input that is not an HTML page (issue 18), but a real
 * page with a stray mis-encoded byte is still a page.
 */
import { looksLikeHtml } from '../../src/service/commands/links';

describe( 'looksLikeHtml', () => {
	it( 'accepts a page whose head holds one replacement character', () => {
		const page = `<html lang="ko"><head><title>뉴스 \ufffd 기사</title></head><body><p><a href="/a">기사</a></p></body></html>`;
		expect( looksLikeHtml( page ) ).toBe( true );
	} );

	it( 'refuses binary data decoded as UTF-8 (full of replacement characters)', () => {
		const bytes = Buffer.alloc( 2048 );
		for ( let i = 0; i < bytes.length; i++ ) {
			bytes[ i ] = 0x80 + ( ( i * 37 ) % 0x7f );
		}
		const text = '<p>' + bytes.toString( 'utf8' );
		expect( looksLikeHtml( text ) ).toBe( false );
	} );

	it( 'refuses text with C0 control characters (an image header)', () => {
		expect( looksLikeHtml( '\x89PNG\r\n\x1a\n\x00\x00<a>' ) ).toBe( false );
	} );

	it( 'refuses text without a single tag', () => {
		expect( looksLikeHtml( 'just words, no markup' ) ).toBe( false );
	} );
} );
