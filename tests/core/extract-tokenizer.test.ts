/**
 * The fast main loop of src/core/extract/tokenizer.ts must report exactly
 * what htmlparser2's own Tokenizer reports: the same callbacks, in the same
 * order, with the same indices and code points. The model counts text per
 * event, so even a text event split in two places changes its output.
 */
import fc from 'fast-check';
import {
	TOKENIZER_PROBE,
	callbackLog,
	fastTokenizerActive,
	feedStock,
	tokenizeHtml,
	tokenizeHtmlFast,
} from '../../src/core/extract/tokenizer';
import { loadCorpus } from '../fixtures/corpus/evaluate';

/** The callback logs of the fast loop and of the stock loop. */
function bothLogs( html: string ): [ string[], string[] ] {
	return [
		callbackLog( html, tokenizeHtmlFast ),
		callbackLog( html, feedStock ),
	];
}

/** Pieces of markup where the Tokenizer's states and their edges meet. */
const piece = fc.constantFrom(
	'<',
	'>',
	'</',
	'/>',
	'<!',
	'<!--',
	'-->',
	'-',
	'<?',
	'<![CDATA[',
	']]>',
	']',
	'&',
	'&amp;',
	'&amp',
	'&#',
	'&#x41;',
	'&#65',
	'&#0;',
	'&#xD800;',
	'&#99999999;',
	'&nbsp',
	'&notin;',
	'&noti',
	'&lt',
	';',
	'=',
	'"',
	"'",
	' ',
	'\t',
	'\n',
	'\f',
	'\r',
	'\0',
	'\x1c',
	'\x0f',
	'a',
	'A',
	'é',
	'😀',
	'script',
	'style',
	'title',
	'TITLE',
	'textarea',
	'xmp',
	's',
	't',
	'svg',
	'<script>',
	'</script>',
	'</script',
	'<style>',
	'<title>',
	'</title>',
	'<textarea>',
	'</textarea>',
	'<xmp>',
	'<a href=',
	'<p class="',
	"<b id='",
	'</ p>',
	'</>',
	'< a>',
	'<a /',
	'<a b =',
	'<a b= c',
	'text '
);
const soup = fc
	.array(
		fc.oneof(
			{ weight: 12, arbitrary: piece },
			{ weight: 1, arbitrary: fc.string( { maxLength: 6 } ) },
			{
				weight: 1,
				arbitrary: fc.string( { unit: 'binary', maxLength: 6 } ),
			}
		),
		{ maxLength: 60 }
	)
	.map( ( pieces ) => pieces.join( '' ) );

describe( 'fast tokenizer loop', () => {
	it( 'is in use with the installed htmlparser2 (its probe matched the stock loop)', () => {
		expect( fastTokenizerActive() ).toBe( true );
	} );

	it( 'reports the probe page, and the probe cut off at every index, as the stock loop does', () => {
		for ( let end = 0; end <= TOKENIZER_PROBE.length; end++ ) {
			const [ fast, stock ] = bothLogs( TOKENIZER_PROBE.slice( 0, end ) );
			expect( fast ).toEqual( stock );
		}
	} );

	it( 'reports every corpus page as the stock loop does', () => {
		for ( const page of loadCorpus() ) {
			const [ fast, stock ] = bothLogs( page.html );
			expect( fast ).toEqual( stock );
		}
	} );

	it( 'reports generated tag soup as the stock loop does', () => {
		fc.assert(
			fc.property( soup, ( html ) => {
				const [ fast, stock ] = bothLogs( html );
				expect( fast ).toEqual( stock );
			} ),
			{ numRuns: 3000 }
		);
	} );

	it( 'reports random code units as the stock loop does', () => {
		fc.assert(
			fc.property(
				fc.string( { unit: 'binary', maxLength: 200 } ),
				( html ) => {
					const [ fast, stock ] = bothLogs( html );
					expect( fast ).toEqual( stock );
				}
			),
			{ numRuns: 1000 }
		);
	} );

	it( 'splits text at entities and tags, one event per run', () => {
		const log = callbackLog( 'a &amp; b<i>c</i>&copy', tokenizeHtml );
		expect( log ).toEqual( [
			'text 0 2',
			'textentity 38 7',
			'text 7 9',
			'opentagname 10 11',
			'opentagend 11',
			'text 12 13',
			'closetag 15 16',
			'textentity 169 22',
			'end',
		] );
	} );

	it( 'never ends a tag cut off by the end of the page', () => {
		expect( callbackLog( 'x<a href="/p', tokenizeHtml ) ).toEqual( [
			'text 0 1',
			'opentagname 2 3',
			'attribname 4 8',
			'attribdata 10 12',
			'end',
		] );
	} );
} );
