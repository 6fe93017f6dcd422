/**
 * htmlparser2's `Tokenizer`, driven by a faster main loop.
 *
 * Why: the Tokenizer looks at the page one code unit at a time through a
 * `switch` on its state and a method call per state, even in the long runs
 * where nothing can happen (text between tags, a tag name, an attribute
 * name or value). For the backlink checker that loop was about 40% of the
 * time spent analysing a page.
 *
 * How: this loop skips such a run in one tight scan (a table of the code
 * units that end a run, per state) and hands only the code unit that ends
 * it to the Tokenizer's own state method. Everything else - tag and
 * comment states, script/style/title/textarea/xmp bodies, CDATA, entity
 * decoding with the `entities` package, the end of input - is the
 * Tokenizer's own code, on its own fields. Skipping a code unit is exactly
 * what the Tokenizer would have done with it (its state method returns
 * without a change), so the callbacks, their order and their indices are
 * the same.
 *
 * What it falls back on: the loop reads the Tokenizer's private fields and
 * state numbers (htmlparser2 10). Once per process it runs a probe page
 * through both loops and compares every callback; if anything differs, or
 * a field or method is missing (another htmlparser2 version), every page
 * goes through the Tokenizer's own `write` instead.
 */
/* eslint-disable no-bitwise -- the run-ending code units are bit sets, one bit per kind of run. */
import { Tokenizer } from 'htmlparser2';
import type { TokenizerCallbacks } from 'htmlparser2';

/** The Tokenizer's private members this loop uses. */
interface TokenizerInternals {
	state: number;
	buffer: string;
	index: number;
	offset: number;
	running: boolean;
	cleanup: () => void;
	stateText: ( c: number ) => void;
	stateSpecialStartSequence: ( c: number ) => void;
	stateInSpecialTag: ( c: number ) => void;
	stateCDATASequence: ( c: number ) => void;
	stateInAttributeValueDoubleQuotes: ( c: number ) => void;
	stateInAttributeName: ( c: number ) => void;
	stateInCommentLike: ( c: number ) => void;
	stateInSpecialComment: ( c: number ) => void;
	stateBeforeAttributeName: ( c: number ) => void;
	stateInTagName: ( c: number ) => void;
	stateInClosingTagName: ( c: number ) => void;
	stateBeforeTagName: ( c: number ) => void;
	stateAfterAttributeName: ( c: number ) => void;
	stateInAttributeValueSingleQuotes: ( c: number ) => void;
	stateBeforeAttributeValue: ( c: number ) => void;
	stateBeforeClosingTagName: ( c: number ) => void;
	stateAfterClosingTagName: ( c: number ) => void;
	stateBeforeSpecialS: ( c: number ) => void;
	stateBeforeSpecialT: ( c: number ) => void;
	stateInAttributeValueNoQuotes: ( c: number ) => void;
	stateInSelfClosingTag: ( c: number ) => void;
	stateInDeclaration: ( c: number ) => void;
	stateBeforeDeclaration: ( c: number ) => void;
	stateBeforeComment: ( c: number ) => void;
	stateInProcessingInstruction: ( c: number ) => void;
	stateInEntity: () => void;
}

/** htmlparser2 10's `State` numbers (the enum is not exported). */
const TEXT = 1;
const BEFORE_TAG_NAME = 2;
const IN_TAG_NAME = 3;
const IN_SELF_CLOSING_TAG = 4;
const BEFORE_CLOSING_TAG_NAME = 5;
const IN_CLOSING_TAG_NAME = 6;
const AFTER_CLOSING_TAG_NAME = 7;
const BEFORE_ATTRIBUTE_NAME = 8;
const IN_ATTRIBUTE_NAME = 9;
const AFTER_ATTRIBUTE_NAME = 10;
const BEFORE_ATTRIBUTE_VALUE = 11;
const IN_ATTRIBUTE_VALUE_DQ = 12;
const IN_ATTRIBUTE_VALUE_SQ = 13;
const IN_ATTRIBUTE_VALUE_NQ = 14;
const BEFORE_DECLARATION = 15;
const IN_DECLARATION = 16;
const IN_PROCESSING_INSTRUCTION = 17;
const BEFORE_COMMENT = 18;
const CDATA_SEQUENCE = 19;
const IN_SPECIAL_COMMENT = 20;
const IN_COMMENT_LIKE = 21;
const BEFORE_SPECIAL_S = 22;
const BEFORE_SPECIAL_T = 23;
const SPECIAL_START_SEQUENCE = 24;
const IN_SPECIAL_TAG = 25;
const IN_ENTITY = 26;

/*
 * Which code units end a run, as one bit per kind of run. A code unit
 * outside the table (128 and up) ends no run: every code unit the
 * Tokenizer reacts to in these states is ASCII.
 */
const WHITESPACE = 1; // Space, \n, \t, \f, \r.
const LT_AMP = 2; // Text: `<` starts a tag, `&` an entity.
const TAG_NAME_END = 4; // `/`, `>`, whitespace.
const CLOSING_NAME_END = 8; // `>`, whitespace.
const ATTRIBUTE_NAME_END = 16; // `=`, `/`, `>`, whitespace.
const DOUBLE_QUOTED_END = 32; // `"`, `&`.
const SINGLE_QUOTED_END = 64; // `'`, `&`.
const UNQUOTED_END = 128; // Whitespace, `>`, `&`.

const RUN_ENDS = new Uint8Array( 128 );
for ( const c of [ 32, 10, 9, 12, 13 ] ) {
	RUN_ENDS[ c ] |=
		WHITESPACE |
		TAG_NAME_END |
		CLOSING_NAME_END |
		ATTRIBUTE_NAME_END |
		UNQUOTED_END;
}
RUN_ENDS[ 60 ] |= LT_AMP; // <
RUN_ENDS[ 38 ] |= LT_AMP | DOUBLE_QUOTED_END | SINGLE_QUOTED_END | UNQUOTED_END; // &
RUN_ENDS[ 47 ] |= TAG_NAME_END | ATTRIBUTE_NAME_END; // /
RUN_ENDS[ 62 ] |=
	TAG_NAME_END | CLOSING_NAME_END | ATTRIBUTE_NAME_END | UNQUOTED_END; // >
RUN_ENDS[ 61 ] |= ATTRIBUTE_NAME_END; // =
RUN_ENDS[ 34 ] |= DOUBLE_QUOTED_END; // "
RUN_ENDS[ 39 ] |= SINGLE_QUOTED_END; // '

/*
 * Per state, the code units that end its run: the ones its state method
 * does something with. For a whitespace-skipping state that is every code
 * unit but whitespace, so it gets WHITESPACE and the scan is inverted.
 * 0: no run to skip, every code unit goes to the state method.
 */
const RUN_OF_STATE = new Uint8Array( IN_ENTITY + 1 );
RUN_OF_STATE[ TEXT ] = LT_AMP;
RUN_OF_STATE[ IN_TAG_NAME ] = TAG_NAME_END;
RUN_OF_STATE[ IN_CLOSING_TAG_NAME ] = CLOSING_NAME_END;
RUN_OF_STATE[ IN_ATTRIBUTE_NAME ] = ATTRIBUTE_NAME_END;
RUN_OF_STATE[ IN_ATTRIBUTE_VALUE_DQ ] = DOUBLE_QUOTED_END;
RUN_OF_STATE[ IN_ATTRIBUTE_VALUE_SQ ] = SINGLE_QUOTED_END;
RUN_OF_STATE[ IN_ATTRIBUTE_VALUE_NQ ] = UNQUOTED_END;
/** States whose method ignores whitespace and nothing else. */
const SKIPS_WHITESPACE = new Uint8Array( IN_ENTITY + 1 );
SKIPS_WHITESPACE[ BEFORE_ATTRIBUTE_NAME ] = 1;
SKIPS_WHITESPACE[ AFTER_ATTRIBUTE_NAME ] = 1;
SKIPS_WHITESPACE[ BEFORE_ATTRIBUTE_VALUE ] = 1;
SKIPS_WHITESPACE[ IN_SELF_CLOSING_TAG ] = 1;
SKIPS_WHITESPACE[ BEFORE_CLOSING_TAG_NAME ] = 1;

/** `buffer.indexOf( search, index )`, or `buffer.length` when absent. */
function indexOrLength(
	buffer: string,
	search: string,
	index: number
): number {
	const at = buffer.indexOf( search, index );
	return at < 0 ? buffer.length : at;
}

/** First index at or after `index` whose code unit ends a run of `run`. */
function endOfRun(
	buffer: string,
	index: number,
	length: number,
	run: number
): number {
	for ( ; index < length; index++ ) {
		const c = buffer.charCodeAt( index );
		if ( c < 128 && ( RUN_ENDS[ c ] & run ) !== 0 ) {
			return index;
		}
	}
	return length;
}

/** First index at or after `index` that is not HTML whitespace. */
function endOfWhitespace(
	buffer: string,
	index: number,
	length: number
): number {
	for ( ; index < length; index++ ) {
		const c = buffer.charCodeAt( index );
		if ( c >= 128 || ( RUN_ENDS[ c ] & WHITESPACE ) === 0 ) {
			return index;
		}
	}
	return length;
}

/**
 * The Tokenizer's `parse()` for a first (and only) `write`, with runs
 * skipped. The `switch` is the Tokenizer's own, in its order.
 */
function parseWithRuns( t: TokenizerInternals ): void {
	const buffer = t.buffer;
	const length = buffer.length;
	/*
	 * Next `&`, `<`, `"` and `'` at or after the last search for each
	 * (length: none). A position stays right until the scan passes it.
	 */
	let nextAmp = -1;
	let nextLt = -1;
	let nextDq = -1;
	let nextSq = -1;
	while ( t.index < length && t.running ) {
		const state = t.state;
		const run = RUN_OF_STATE[ state ];
		const index = t.index;
		if (
			nextAmp < index &&
			( state === TEXT ||
				state === IN_ATTRIBUTE_VALUE_DQ ||
				state === IN_ATTRIBUTE_VALUE_SQ )
		) {
			nextAmp = indexOrLength( buffer, '&', index );
		}
		if ( state === TEXT ) {
			// Most of a page: the next `<` or `&`, found with indexOf.
			if ( nextLt < index ) {
				nextLt = indexOrLength( buffer, '<', index );
			}
			t.index = nextLt < nextAmp ? nextLt : nextAmp;
		} else if ( state === IN_ATTRIBUTE_VALUE_DQ ) {
			if ( nextDq < index ) {
				nextDq = indexOrLength( buffer, '"', index );
			}
			t.index = nextDq < nextAmp ? nextDq : nextAmp;
		} else if ( state === IN_ATTRIBUTE_VALUE_SQ ) {
			if ( nextSq < index ) {
				nextSq = indexOrLength( buffer, "'", index );
			}
			t.index = nextSq < nextAmp ? nextSq : nextAmp;
		} else if ( run !== 0 ) {
			t.index = endOfRun( buffer, t.index, length, run );
		} else if ( SKIPS_WHITESPACE[ state ] !== 0 ) {
			t.index = endOfWhitespace( buffer, t.index, length );
		}
		if ( t.index >= length ) {
			break;
		}
		const c = buffer.charCodeAt( t.index );
		switch ( state ) {
			case TEXT:
				t.stateText( c );
				break;
			case SPECIAL_START_SEQUENCE:
				t.stateSpecialStartSequence( c );
				break;
			case IN_SPECIAL_TAG:
				t.stateInSpecialTag( c );
				break;
			case CDATA_SEQUENCE:
				t.stateCDATASequence( c );
				break;
			case IN_ATTRIBUTE_VALUE_DQ:
				t.stateInAttributeValueDoubleQuotes( c );
				break;
			case IN_ATTRIBUTE_NAME:
				t.stateInAttributeName( c );
				break;
			case IN_COMMENT_LIKE:
				t.stateInCommentLike( c );
				break;
			case IN_SPECIAL_COMMENT:
				t.stateInSpecialComment( c );
				break;
			case BEFORE_ATTRIBUTE_NAME:
				t.stateBeforeAttributeName( c );
				break;
			case IN_TAG_NAME:
				t.stateInTagName( c );
				break;
			case IN_CLOSING_TAG_NAME:
				t.stateInClosingTagName( c );
				break;
			case BEFORE_TAG_NAME:
				t.stateBeforeTagName( c );
				break;
			case AFTER_ATTRIBUTE_NAME:
				t.stateAfterAttributeName( c );
				break;
			case IN_ATTRIBUTE_VALUE_SQ:
				t.stateInAttributeValueSingleQuotes( c );
				break;
			case BEFORE_ATTRIBUTE_VALUE:
				t.stateBeforeAttributeValue( c );
				break;
			case BEFORE_CLOSING_TAG_NAME:
				t.stateBeforeClosingTagName( c );
				break;
			case AFTER_CLOSING_TAG_NAME:
				t.stateAfterClosingTagName( c );
				break;
			case BEFORE_SPECIAL_S:
				t.stateBeforeSpecialS( c );
				break;
			case BEFORE_SPECIAL_T:
				t.stateBeforeSpecialT( c );
				break;
			case IN_ATTRIBUTE_VALUE_NQ:
				t.stateInAttributeValueNoQuotes( c );
				break;
			case IN_SELF_CLOSING_TAG:
				t.stateInSelfClosingTag( c );
				break;
			case IN_DECLARATION:
				t.stateInDeclaration( c );
				break;
			case BEFORE_DECLARATION:
				t.stateBeforeDeclaration( c );
				break;
			case BEFORE_COMMENT:
				t.stateBeforeComment( c );
				break;
			case IN_PROCESSING_INSTRUCTION:
				t.stateInProcessingInstruction( c );
				break;
			case IN_ENTITY:
				t.stateInEntity();
				break;
		}
		t.index++;
	}
	t.cleanup();
}

const METHODS: Array< keyof TokenizerInternals > = [
	'cleanup',
	'stateText',
	'stateSpecialStartSequence',
	'stateInSpecialTag',
	'stateCDATASequence',
	'stateInAttributeValueDoubleQuotes',
	'stateInAttributeName',
	'stateInCommentLike',
	'stateInSpecialComment',
	'stateBeforeAttributeName',
	'stateInTagName',
	'stateInClosingTagName',
	'stateBeforeTagName',
	'stateAfterAttributeName',
	'stateInAttributeValueSingleQuotes',
	'stateBeforeAttributeValue',
	'stateBeforeClosingTagName',
	'stateAfterClosingTagName',
	'stateBeforeSpecialS',
	'stateBeforeSpecialT',
	'stateInAttributeValueNoQuotes',
	'stateInSelfClosingTag',
	'stateInDeclaration',
	'stateBeforeDeclaration',
	'stateBeforeComment',
	'stateInProcessingInstruction',
	'stateInEntity',
];

/** A fresh Tokenizer (HTML mode, entities decoded) reporting to `callbacks`. */
function newTokenizer( callbacks: TokenizerCallbacks ): Tokenizer {
	return new Tokenizer( { xmlMode: false, decodeEntities: true }, callbacks );
}

function looksLikeTokenizer10( t: Tokenizer ): boolean {
	const internals = t as unknown as Record< string, unknown >;
	return (
		internals.state === TEXT &&
		internals.buffer === '' &&
		internals.index === 0 &&
		internals.offset === 0 &&
		internals.running === true &&
		METHODS.every( ( name ) => typeof internals[ name ] === 'function' )
	);
}

/**
 * Runs `html` once through `feed`, logging every callback with its
 * arguments, one entry per call (also what the tests compare).
 */
export function callbackLog(
	html: string,
	feed: ( html: string, callbacks: TokenizerCallbacks ) => void
): string[] {
	const log: string[] = [];
	const record =
		( name: string ) =>
		( ...args: number[] ): void => {
			log.push( [ name, ...args ].join( ' ' ) );
		};
	feed( html, {
		onattribdata: record( 'attribdata' ),
		onattribentity: record( 'attribentity' ),
		onattribend: record( 'attribend' ),
		onattribname: record( 'attribname' ),
		oncdata: record( 'cdata' ),
		onclosetag: record( 'closetag' ),
		oncomment: record( 'comment' ),
		ondeclaration: record( 'declaration' ),
		onend: record( 'end' ),
		onopentagend: record( 'opentagend' ),
		onopentagname: record( 'opentagname' ),
		onprocessinginstruction: record( 'processinginstruction' ),
		onselfclosingtag: record( 'selfclosingtag' ),
		ontext: record( 'text' ),
		ontextentity: record( 'textentity' ),
	} );
	return log;
}

/**
 * Every state and the end-of-input paths at least once: the probe that
 * decides whether the fast loop may drive this Tokenizer.
 */
export const TOKENIZER_PROBE =
	'<!DOCTYPE html><?xml x?><html lang=en><head><title>A &amp; B</title>' +
	'<style>p{}</style><script>if(a</b)x="</scr\x1c/script"&amp;</script ><xmp><b></xmp>' +
	'<textarea>&lt;</textarea></head><body class="a b" id=\'c\' hidden data-x = y>' +
	'<!-- c - -- --><!--><![CDATA[x]]]><!x><a href="/p?a=1&amp;b=2&copy=3" title=a&ampb>' +
	'T&nbsp;&#x41;&#65;&#0;&notit;&amp</a  ><br/><img alt=x/><DIV\tCLASS=x\n>' +
	'< p></ div></ ><x/><p >a<b </ p><a b="\u00e9">\u00e9&#x1F600;</A\n>' +
	'<svg><path d="M0"/></svg><p>end &am';

let fastLoopWorks: boolean | undefined;

/** Feeds `html` through the fast loop (no fallback check). */
function feedFast( html: string, callbacks: TokenizerCallbacks ): void {
	const tokenizer = newTokenizer( callbacks );
	const t = tokenizer as unknown as TokenizerInternals;
	// What `write` does before it parses.
	t.offset += t.buffer.length;
	t.buffer = html;
	parseWithRuns( t );
	tokenizer.end();
}

/** Feeds `html` through the Tokenizer's own loop. */
export function feedStock( html: string, callbacks: TokenizerCallbacks ): void {
	const tokenizer = newTokenizer( callbacks );
	tokenizer.write( html );
	tokenizer.end();
}

/** Whether the fast loop is in use (false: htmlparser2 is not the version it was written for). */
export function fastTokenizerActive(): boolean {
	if ( fastLoopWorks === undefined ) {
		fastLoopWorks =
			looksLikeTokenizer10( newTokenizer( {} as TokenizerCallbacks ) ) &&
			callbackLog( TOKENIZER_PROBE, feedFast ).join( '\n' ) ===
				callbackLog( TOKENIZER_PROBE, feedStock ).join( '\n' );
	}
	return fastLoopWorks;
}

/**
 * Tokenizes the whole of `html` (HTML mode, entities decoded) and ends:
 * the same callbacks, in the same order, with the same arguments as
 * `new Tokenizer( … ).write( html )` followed by `end()`.
 */
export function tokenizeHtml(
	html: string,
	callbacks: TokenizerCallbacks
): void {
	if ( fastTokenizerActive() ) {
		feedFast( html, callbacks );
	} else {
		feedStock( html, callbacks );
	}
}

/** For tests: {@link tokenizeHtml} with the fast loop, whatever the probe said. */
export const tokenizeHtmlFast = feedFast;
