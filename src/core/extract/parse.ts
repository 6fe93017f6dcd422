/**
 * A linear-time HTML event stream on top of htmlparser2's Tokenizer.
 *
 * Why not htmlparser2's `Parser`: it keeps its open-element stack with
 * `Array#unshift`, which is O(depth) per open tag, so a page with 100k
 * unclosed tags takes quadratic time (about 8 s on a laptop). This module
 * keeps the Parser's tree-construction rules (implied closes, void elements,
 * foreign content) but uses a push/pop stack plus a per-name counter, so an
 * unmatched close tag is rejected in O(1) and every element is pushed and
 * popped exactly once. Entities are decoded by the Tokenizer, which
 * `tokenizer.ts` drives with a faster main loop (same callbacks).
 *
 * Speed (this runs for every byte the checker and the scan fetch): tag
 * names are interned, so no string is built per tag; an
 * {@link AttributeSink} decides per attribute name whether its value is
 * wanted at all, so the values nobody reads (`src`, `srcset`, `data-*`
 * JSON) are never sliced out of the page; and text is reported as a range
 * of the page, so the reader slices only what it keeps.
 */
import type { TokenizerCallbacks } from 'htmlparser2';
import { tokenizeHtml } from './tokenizer';

export type Attributes = Record< string, string >;

export interface HtmlEvents {
	open: ( name: string, attributes: Attributes ) => void;
	close: ( name: string ) => void;
	text: ( data: string ) => void;
}

/**
 * Collects the attributes of one start tag. The parser asks for a slot per
 * attribute name and only builds the value of names that get one.
 */
export interface AttributeSink< A > {
	/** A new start tag begins: forget the previous tag's attributes. */
	reset: () => void;
	/**
	 * Slot for the attribute named `html[ start, end )` (raw, not yet
	 * lower-cased), or -1 when its value is not wanted.
	 */
	slot: ( html: string, start: number, end: number ) => number;
	/** The value of the attribute in `slot`; the first one of a name wins. */
	set: ( slot: number, value: string ) => void;
	/** What `open` receives for the current tag. */
	current: () => A;
}

/**
 * Events with text as ranges of the page. `open` gets the sink's
 * attributes, which may be one object reused for every tag: read them
 * during the call, do not keep the object.
 */
export interface HtmlRangeEvents< A > {
	open: ( name: string, attributes: A ) => void;
	close: ( name: string ) => void;
	/** Text `html[ start, end )`, entities not included. */
	text: ( start: number, end: number ) => void;
	/** One decoded character reference (`&amp;` → "&"). */
	entity: ( data: string ) => void;
}

const P_TAG = new Set( [ 'p' ] );
const FORM_TAGS = new Set( [
	'input',
	'option',
	'optgroup',
	'select',
	'button',
	'datalist',
	'textarea',
] );
const DD_DT = new Set( [ 'dd', 'dt' ] );
const TABLE_SECTIONS = new Set( [ 'thead', 'tbody' ] );

/** Same table as htmlparser2's Parser: opening X implicitly closes Y. */
const OPEN_IMPLIES_CLOSE = new Map< string, Set< string > >( [
	[ 'tr', new Set( [ 'tr', 'th', 'td' ] ) ],
	[ 'th', new Set( [ 'th' ] ) ],
	[ 'td', new Set( [ 'thead', 'th', 'td' ] ) ],
	[ 'body', new Set( [ 'head', 'link', 'script' ] ) ],
	[ 'li', new Set( [ 'li' ] ) ],
	[ 'option', new Set( [ 'option' ] ) ],
	[ 'optgroup', new Set( [ 'optgroup', 'option' ] ) ],
	[ 'dd', DD_DT ],
	[ 'dt', DD_DT ],
	[ 'tbody', TABLE_SECTIONS ],
	[ 'tfoot', TABLE_SECTIONS ],
	...[ 'select', 'input', 'output', 'button', 'datalist', 'textarea' ].map(
		( tag ): [ string, Set< string > ] => [ tag, FORM_TAGS ]
	),
	...[
		'p',
		'h1',
		'h2',
		'h3',
		'h4',
		'h5',
		'h6',
		'address',
		'article',
		'aside',
		'blockquote',
		'details',
		'div',
		'dl',
		'fieldset',
		'figcaption',
		'figure',
		'footer',
		'form',
		'header',
		'hr',
		'main',
		'nav',
		'ol',
		'pre',
		'section',
		'table',
		'ul',
	].map( ( tag ): [ string, Set< string > ] => [ tag, P_TAG ] ),
] );

export const VOID_ELEMENTS = new Set( [
	'area',
	'base',
	'basefont',
	'br',
	'col',
	'command',
	'embed',
	'frame',
	'hr',
	'img',
	'input',
	'isindex',
	'keygen',
	'link',
	'meta',
	'param',
	'source',
	'track',
	'wbr',
] );

const FOREIGN_ROOTS = new Set( [ 'svg', 'math' ] );

/** ASCII upper case to lower case; every other code unit unchanged. */
function lowerAscii( code: number ): number {
	return code >= 65 && code <= 90 ? code + 32 : code;
}

/**
 * Whether `html[ start, end )` lower-cased is `name` (all ASCII). Exact
 * for any input: the only non-ASCII character that `toLowerCase()` maps
 * to ASCII is the Kelvin sign (to "k"), and callers fall back to
 * `toLowerCase()` for names with non-ASCII characters anyway.
 */
export function equalsLowerAscii(
	html: string,
	start: number,
	end: number,
	name: string
): boolean {
	if ( end - start !== name.length ) {
		return false;
	}
	for ( let i = 0; i < name.length; i++ ) {
		if (
			lowerAscii( html.charCodeAt( start + i ) ) !== name.charCodeAt( i )
		) {
			return false;
		}
	}
	return true;
}

/**
 * Tag names, lower-cased, without building a string per tag: a small
 * open-addressing table keyed by a hash of the lower-cased code units hands
 * back the same string for every `<div>`, `<DIV>` and `</div>`. Names with
 * non-ASCII characters take `toLowerCase()` and are not interned. The
 * strings are the ones `slice().toLowerCase()` gives, so nothing
 * downstream can tell the difference, except that Set and Map lookups on
 * them no longer hash a fresh string each time.
 */
const NAME_TABLE_SIZE = 1024; // A power of two: slots are hash bits.
const NAME_TABLE_MAX = NAME_TABLE_SIZE / 2;

/**
 * The same string as the engine's own copy of it, the one property names
 * and string literals use (`Object.keys` hands out property names). The
 * model compares every tag name with literals (`tag === 'a'`, `switch`)
 * and looks it up in Maps; with both sides the engine's copy, that is a
 * pointer comparison instead of a character one. Same characters either
 * way, so nothing can tell the difference but the time.
 */
function internalized( name: string ): string {
	return Object.keys( { [ name ]: 0 } )[ 0 ] ?? name;
}

/* eslint-disable no-bitwise -- hashing: 32-bit arithmetic and table-slot masks. */
class NameTable {
	private names: Array< string | undefined > = [];
	private count = 0;

	constructor() {
		this.clear();
	}

	private clear(): void {
		this.names = new Array( NAME_TABLE_SIZE ).fill( undefined );
		this.count = 0;
	}

	lower( html: string, start: number, end: number ): string {
		let hash = end - start;
		for ( let i = start; i < end; i++ ) {
			const code = html.charCodeAt( i );
			if ( code >= 128 ) {
				return html.slice( start, end ).toLowerCase();
			}
			// 32-bit multiply, no division: this runs for every tag.
			hash = ( Math.imul( hash, 31 ) + lowerAscii( code ) ) | 0;
		}
		let at = ( hash ^ ( hash >>> 10 ) ) & ( NAME_TABLE_SIZE - 1 );
		for (;;) {
			const name = this.names[ at ];
			if ( name === undefined ) {
				break;
			}
			if ( equalsLowerAscii( html, start, end, name ) ) {
				return name;
			}
			at = ( at + 1 ) & ( NAME_TABLE_SIZE - 1 );
		}
		const name = internalized( html.slice( start, end ).toLowerCase() );
		// Pages of thousands of made-up custom elements: start again rather
		// than probe a crowded table (strings handed out stay valid).
		if ( this.count >= NAME_TABLE_MAX ) {
			this.clear();
			at = ( hash ^ ( hash >>> 10 ) ) & ( NAME_TABLE_SIZE - 1 );
		}
		this.names[ at ] = name;
		this.count++;
		return name;
	}
}
/* eslint-enable no-bitwise */

/** Shared by all parses: the same names recur on every page. */
const tagNames = new NameTable();

/**
 * Every attribute, names lower-cased, first occurrence of a name wins.
 * A fresh object per tag: the public {@link streamHtml} hands it out.
 */
class AllAttributes implements AttributeSink< Attributes > {
	private attributes: Attributes = {};
	private name = '';

	reset(): void {
		this.attributes = {};
	}

	slot( html: string, start: number, end: number ): number {
		this.name = html.slice( start, end ).toLowerCase();
		return 0;
	}

	set( _slot: number, value: string ): void {
		if (
			! Object.prototype.hasOwnProperty.call( this.attributes, this.name )
		) {
			this.attributes[ this.name ] = value;
		}
	}

	current(): Attributes {
		return this.attributes;
	}
}

/**
 * Streams `html` as open/close/text events with a well-formed nesting:
 * every open gets exactly one close, unclosed elements are closed at the end.
 */
export function streamHtml( html: string, events: HtmlEvents ): void {
	streamHtmlRanges( html, new AllAttributes(), {
		open: events.open,
		close: events.close,
		text: ( start, end ) => events.text( html.slice( start, end ) ),
		entity: events.text,
	} );
}

/**
 * {@link streamHtml} for readers that want only some attributes and slice
 * text themselves. Same events, same order, same text boundaries.
 */
export function streamHtmlRanges< A >(
	html: string,
	sink: AttributeSink< A >,
	events: HtmlRangeEvents< A >
): void {
	const size = html.length;
	/**
	 * `html.slice( start, end )` semantics for the Tokenizer's indices: at
	 * the end of some malformed inputs it reports a start of -1, which
	 * `slice` reads as "the last character". Ranges are passed on with
	 * both ends resolved this way, so a reader that scans the range sees
	 * exactly the string `slice` would have given.
	 */
	const from = ( index: number ): number =>
		index < 0 ? Math.max( size + index, 0 ) : Math.min( index, size );
	const to = ( start: number, end: number ): number =>
		Math.max( from( start ), from( end ) );
	/**
	 * One record per distinct tag name in this parse: the tree rules for
	 * it and how many are open. The stack holds these, so an open or a
	 * close costs one Map lookup instead of one per rule.
	 */
	interface TagState {
		name: string;
		implied: Set< string > | undefined;
		isVoid: boolean;
		isForeign: boolean;
		open: number;
	}
	const tagStates = new Map< string, TagState >();
	const stateOf = ( name: string ): TagState => {
		let state = tagStates.get( name );
		if ( state === undefined ) {
			state = {
				name,
				implied: OPEN_IMPLIES_CLOSE.get( name ),
				isVoid: VOID_ELEMENTS.has( name ),
				isForeign: FOREIGN_ROOTS.has( name ),
				open: 0,
			};
			tagStates.set( name, state );
		}
		return state;
	};
	const stack: TagState[] = [];
	let foreignDepth = 0;
	let tag: TagState | null = null;
	let attributeSlot = -1;
	let attributeValue = '';

	const pop = (): void => {
		const top = stack.pop() as TagState;
		top.open--;
		if ( top.isForeign ) {
			foreignDepth--;
		}
		events.close( top.name );
	};

	const openElement = ( state: TagState ): void => {
		const implied = state.implied;
		if ( implied ) {
			while (
				stack.length > 0 &&
				implied.has( stack[ stack.length - 1 ].name )
			) {
				pop();
			}
		}
		// A link cannot contain a link: the HTML parser closes the first one.
		if ( state.name === 'a' && state.open > 0 ) {
			closeElement( state );
		}
		events.open( state.name, sink.current() );
		if ( state.isVoid ) {
			events.close( state.name );
			return;
		}
		stack.push( state );
		state.open++;
		if ( state.isForeign ) {
			foreignDepth++;
		}
	};

	function closeElement( state: TagState ): void {
		if ( state.open === 0 ) {
			return; // Stray end tag: ignored, as browsers do.
		}
		while ( stack.length > 0 ) {
			const top = stack[ stack.length - 1 ];
			pop();
			if ( top === state ) {
				return;
			}
		}
	}

	const callbacks: TokenizerCallbacks = {
		onattribdata( start, end ) {
			if ( attributeSlot >= 0 ) {
				attributeValue += html.slice( start, end );
			}
		},
		onattribentity( codepoint ) {
			if ( attributeSlot >= 0 ) {
				attributeValue += String.fromCodePoint( codepoint );
			}
		},
		onattribend() {
			if ( attributeSlot >= 0 ) {
				sink.set( attributeSlot, attributeValue );
				attributeValue = '';
			}
		},
		onattribname( start, end ) {
			attributeSlot = sink.slot( html, from( start ), to( start, end ) );
		},
		oncdata() {},
		onclosetag( start, end ) {
			const state = stateOf(
				tagNames.lower( html, from( start ), to( start, end ) )
			);
			if ( state.isVoid ) {
				return;
			}
			closeElement( state );
		},
		oncomment() {},
		ondeclaration() {},
		onend() {
			while ( stack.length > 0 ) {
				pop();
			}
		},
		onopentagend() {
			if ( tag !== null ) {
				openElement( tag );
			}
		},
		onopentagname( start, end ) {
			tag = stateOf(
				tagNames.lower( html, from( start ), to( start, end ) )
			);
			sink.reset();
		},
		onprocessinginstruction() {},
		onselfclosingtag() {
			if ( tag === null ) {
				return;
			}
			const state = tag;
			openElement( state );
			// `<x/>` closes itself only in SVG/MathML, as in the HTML parser.
			if (
				foreignDepth > 0 &&
				! state.isVoid &&
				stack[ stack.length - 1 ] === state
			) {
				pop();
			}
		},
		ontext( start, end ) {
			events.text( from( start ), to( start, end ) );
		},
		ontextentity( codepoint ) {
			events.entity( String.fromCodePoint( codepoint ) );
		},
	};

	tokenizeHtml( html, callbacks );
}
