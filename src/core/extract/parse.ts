/**
 * A linear-time HTML event stream on top of htmlparser2's Tokenizer.
 *
 * Why not htmlparser2's `Parser`: it keeps its open-element stack with
 * `Array#unshift`, which is O(depth) per open tag, so a page with 100k
 * unclosed tags takes quadratic time (about 8 s on a laptop). This module
 * keeps the Parser's tree-construction rules (implied closes, void elements,
 * foreign content) but uses a push/pop stack plus a per-name counter, so an
 * unmatched close tag is rejected in O(1) and every element is pushed and
 * popped exactly once. Entities are decoded by the Tokenizer.
 */
import { Tokenizer } from 'htmlparser2';
import type { TokenizerCallbacks } from 'htmlparser2';

export type Attributes = Record< string, string >;

export interface HtmlEvents {
	open: ( name: string, attributes: Attributes ) => void;
	close: ( name: string ) => void;
	text: ( data: string ) => void;
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

/**
 * Streams `html` as open/close/text events with a well-formed nesting:
 * every open gets exactly one close, unclosed elements are closed at the end.
 */
export function streamHtml( html: string, events: HtmlEvents ): void {
	const stack: string[] = [];
	const openCount = new Map< string, number >();
	let foreignDepth = 0;
	let tagName = '';
	let attributes: Attributes = {};
	let attributeName = '';
	let attributeValue = '';

	const pop = (): void => {
		const name = stack.pop() as string;
		openCount.set( name, ( openCount.get( name ) ?? 1 ) - 1 );
		if ( FOREIGN_ROOTS.has( name ) ) {
			foreignDepth--;
		}
		events.close( name );
	};

	const openElement = ( name: string, attrs: Attributes ): void => {
		const implied = OPEN_IMPLIES_CLOSE.get( name );
		if ( implied ) {
			while (
				stack.length > 0 &&
				implied.has( stack[ stack.length - 1 ] )
			) {
				pop();
			}
		}
		// A link cannot contain a link: the HTML parser closes the first one.
		if ( name === 'a' && ( openCount.get( 'a' ) ?? 0 ) > 0 ) {
			closeElement( 'a' );
		}
		events.open( name, attrs );
		if ( VOID_ELEMENTS.has( name ) ) {
			events.close( name );
			return;
		}
		stack.push( name );
		openCount.set( name, ( openCount.get( name ) ?? 0 ) + 1 );
		if ( FOREIGN_ROOTS.has( name ) ) {
			foreignDepth++;
		}
	};

	function closeElement( name: string ): void {
		if ( ( openCount.get( name ) ?? 0 ) === 0 ) {
			return; // Stray end tag: ignored, as browsers do.
		}
		while ( stack.length > 0 ) {
			const top = stack[ stack.length - 1 ];
			pop();
			if ( top === name ) {
				return;
			}
		}
	}

	const callbacks: TokenizerCallbacks = {
		onattribdata( start, end ) {
			attributeValue += html.slice( start, end );
		},
		onattribentity( codepoint ) {
			attributeValue += String.fromCodePoint( codepoint );
		},
		onattribend() {
			if (
				! Object.prototype.hasOwnProperty.call(
					attributes,
					attributeName
				)
			) {
				attributes[ attributeName ] = attributeValue;
			}
			attributeValue = '';
		},
		onattribname( start, end ) {
			attributeName = html.slice( start, end ).toLowerCase();
		},
		oncdata() {},
		onclosetag( start, end ) {
			const name = html.slice( start, end ).toLowerCase();
			if ( VOID_ELEMENTS.has( name ) ) {
				return;
			}
			closeElement( name );
		},
		oncomment() {},
		ondeclaration() {},
		onend() {
			while ( stack.length > 0 ) {
				pop();
			}
		},
		onopentagend() {
			openElement( tagName, attributes );
		},
		onopentagname( start, end ) {
			tagName = html.slice( start, end ).toLowerCase();
			attributes = {};
		},
		onprocessinginstruction() {},
		onselfclosingtag() {
			const name = tagName;
			openElement( name, attributes );
			// `<x/>` closes itself only in SVG/MathML, as in the HTML parser.
			if (
				foreignDepth > 0 &&
				! VOID_ELEMENTS.has( name ) &&
				stack[ stack.length - 1 ] === name
			) {
				pop();
			}
		},
		ontext( start, end ) {
			events.text( html.slice( start, end ) );
		},
		ontextentity( codepoint ) {
			events.text( String.fromCodePoint( codepoint ) );
		},
	};

	const tokenizer = new Tokenizer(
		{ xmlMode: false, decodeEntities: true },
		callbacks
	);
	tokenizer.write( html );
	tokenizer.end();
}
