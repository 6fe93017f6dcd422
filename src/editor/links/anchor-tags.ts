/**
 * A small scanner for `<a>` start tags in block HTML. The editor needs the
 * href exactly as written (to target it with a CSS selector in the canvas)
 * and must rewrite one attribute of one tag without re-serialising the rest
 * of the block (a full parse/serialise round trip would reformat the
 * author's markup). So this works on the source text and reports offsets.
 */

export interface AnchorAttribute {
	/** Lower-cased attribute name. */
	name: string;
	/** Decoded value; '' for a bare attribute. */
	value: string;
	/** Offsets of the whole `name="value"` text within the HTML. */
	start: number;
	end: number;
}

export interface AnchorTag {
	/** Offset of `<` and just after `>`. */
	start: number;
	end: number;
	attributes: AnchorAttribute[];
	/** Decoded href, or null when the tag has none. */
	href: string | null;
}

const NAMED_ENTITIES: Record< string, string > = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
};

/** Decode the character references an attribute value can carry. */
export function decodeAttribute( value: string ): string {
	return value.replace(
		/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi,
		( whole, ref: string ) => {
			if ( ref[ 0 ] === '#' ) {
				const code =
					ref[ 1 ] === 'x' || ref[ 1 ] === 'X'
						? parseInt( ref.slice( 2 ), 16 )
						: parseInt( ref.slice( 1 ), 10 );
				return Number.isFinite( code ) && code <= 0x10ffff
					? String.fromCodePoint( code )
					: whole;
			}
			return NAMED_ENTITIES[ ref.toLowerCase() ] ?? whole;
		}
	);
}

/** Escape a value for a double-quoted attribute. */
export function encodeAttribute( value: string ): string {
	return value
		.replace( /&/g, '&amp;' )
		.replace( /"/g, '&quot;' )
		.replace( /</g, '&lt;' )
		.replace( />/g, '&gt;' );
}

const ATTRIBUTE =
	/\s*([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/y;

function parseAttributes(
	html: string,
	from: number
): { attributes: AnchorAttribute[]; end: number } | null {
	const attributes: AnchorAttribute[] = [];
	let index = from;
	while ( index < html.length ) {
		// Skip whitespace and stray slashes (`<a href=x />`).
		while ( index < html.length && /[\s/]/.test( html[ index ] ) ) {
			index++;
		}
		if ( html[ index ] === '>' ) {
			return { attributes, end: index + 1 };
		}
		ATTRIBUTE.lastIndex = index;
		const match = ATTRIBUTE.exec( html );
		if ( ! match || match[ 0 ].length === 0 ) {
			return null;
		}
		const rawValue = match[ 2 ] ?? match[ 3 ] ?? match[ 4 ] ?? '';
		const nameStart = index + match[ 0 ].indexOf( match[ 1 ] );
		attributes.push( {
			name: match[ 1 ].toLowerCase(),
			value: decodeAttribute( rawValue ),
			start: nameStart,
			end: index + match[ 0 ].length,
		} );
		index += match[ 0 ].length;
	}
	return null;
}

/** Every `<a …>` start tag in document order, skipping comments. */
export function findAnchorTags( html: string ): AnchorTag[] {
	const tags: AnchorTag[] = [];
	let index = 0;
	while ( index < html.length ) {
		const lt = html.indexOf( '<', index );
		if ( lt === -1 ) {
			break;
		}
		if ( html.startsWith( '<!--', lt ) ) {
			const close = html.indexOf( '-->', lt + 4 );
			index = close === -1 ? html.length : close + 3;
			continue;
		}
		const isAnchor =
			( html[ lt + 1 ] === 'a' || html[ lt + 1 ] === 'A' ) &&
			/[\s>/]/.test( html[ lt + 2 ] ?? '' );
		if ( ! isAnchor ) {
			index = lt + 1;
			continue;
		}
		const parsed = parseAttributes( html, lt + 2 );
		if ( ! parsed ) {
			index = lt + 1;
			continue;
		}
		const href = parsed.attributes.find( ( a ) => a.name === 'href' );
		tags.push( {
			start: lt,
			end: parsed.end,
			attributes: parsed.attributes,
			href: href ? href.value : null,
		} );
		index = parsed.end;
	}
	return tags;
}

/** Split a rel attribute into lower-cased tokens. */
export function relTokens( rel: string | null | undefined ): string[] {
	return ( rel ?? '' )
		.toLowerCase()
		.split( /\s+/ )
		.filter( ( token ) => token.length > 0 );
}
