/**
 * The attributes the document model reads, and nothing else. The parser
 * asks {@link ReadAttributes.slot} about every attribute name and builds
 * the value only for these, so `src`, `srcset`, `data-*` (often long JSON)
 * and the rest are never copied out of the page. One object serves every
 * tag of a parse: the model reads it while the element opens and keeps
 * only the strings.
 *
 * Adding an attribute the model reads means adding it here: a name missing
 * from this list always reads as `undefined`.
 */
import { equalsLowerAscii } from './parse';
import type { AttributeSink } from './parse';

const READ = [
	// Region hints (document.ts elementHint, landmarkHint).
	'class',
	'id',
	'role',
	'aria-label',
	'aria-labelledby',
	'itemprop',
	'data-elementor-type',
	// Hidden state (hidden.ts, and aria-hidden in document.ts).
	'style',
	'hidden',
	'aria-hidden',
	// Links, images and head facts.
	'href',
	'rel',
	'alt',
	'lang',
	'name',
	'content',
	// <meta property="og:site_name">: the site's own name (a brand).
	'property',
] as const;

type ReadName = ( typeof READ )[ number ];

const SLOT_BY_NAME = new Map< string, number >(
	READ.map( ( name, slot ) => [ name, slot ] )
);

/**
 * Whether a name with non-ASCII characters could lower-case to a listed
 * one. The only such character is the Kelvin sign, which `toLowerCase()`
 * maps to "k" (tests/core/extract-attributes checks every code point), so
 * only a listed name with a "k" could; today none has one, and names that
 * fail the ASCII comparison need no second look.
 */
const NON_ASCII_CAN_MATCH = READ.some( ( name ) => name.includes( 'k' ) );

/** Slots by name length, so most names are rejected by one array read. */
const SLOTS_BY_LENGTH: number[][] = [];
READ.forEach( ( name, slot ) => {
	( SLOTS_BY_LENGTH[ name.length ] ??= [] ).push( slot );
} );

export class ReadAttributes
	implements
		AttributeSink< ReadAttributes >,
		Partial< Record< ReadName, string > >
{
	private readonly values: Array< string | undefined > = new Array(
		READ.length
	).fill( undefined );
	/**
	 * The slots set since the last reset, so a reset clears only those:
	 * most tags set one or two slots, and clearing all of them (`fill`)
	 * for every tag was a visible share of the parse.
	 */
	private readonly written = new Uint8Array( READ.length );
	private writtenCount = 0;

	reset(): void {
		for ( let i = 0; i < this.writtenCount; i++ ) {
			this.values[ this.written[ i ] ] = undefined;
		}
		this.writtenCount = 0;
	}

	slot( html: string, start: number, end: number ): number {
		const slots = SLOTS_BY_LENGTH[ end - start ];
		if ( slots === undefined ) {
			// No listed name has this length, and no name with non-ASCII
			// characters lower-cases to a listed one of another length:
			// the only characters `toLowerCase()` maps to ASCII are A-Z and
			// the Kelvin sign, one for one (tests/core/extract-attributes).
			return -1;
		}
		for ( let i = 0; i < slots.length; i++ ) {
			const slot = slots[ i ];
			if ( equalsLowerAscii( html, start, end, READ[ slot ] ) ) {
				return slot;
			}
		}
		if ( ! NON_ASCII_CAN_MATCH ) {
			return -1;
		}
		// Exactness for odd names: what `toLowerCase()` would make of them.
		for ( let i = start; i < end; i++ ) {
			if ( html.charCodeAt( i ) >= 128 ) {
				return (
					SLOT_BY_NAME.get(
						html.slice( start, end ).toLowerCase()
					) ?? -1
				);
			}
		}
		return -1;
	}

	set( slot: number, value: string ): void {
		// The first of two same-named attributes wins, as in browsers.
		if ( this.values[ slot ] === undefined ) {
			this.values[ slot ] = value;
			this.written[ this.writtenCount++ ] = slot;
		}
	}

	current(): ReadAttributes {
		return this;
	}

	get class(): string | undefined {
		return this.values[ 0 ];
	}
	get id(): string | undefined {
		return this.values[ 1 ];
	}
	get role(): string | undefined {
		return this.values[ 2 ];
	}
	get 'aria-label'(): string | undefined {
		return this.values[ 3 ];
	}
	get 'aria-labelledby'(): string | undefined {
		return this.values[ 4 ];
	}
	get itemprop(): string | undefined {
		return this.values[ 5 ];
	}
	get 'data-elementor-type'(): string | undefined {
		return this.values[ 6 ];
	}
	get style(): string | undefined {
		return this.values[ 7 ];
	}
	get hidden(): string | undefined {
		return this.values[ 8 ];
	}
	get 'aria-hidden'(): string | undefined {
		return this.values[ 9 ];
	}
	get href(): string | undefined {
		return this.values[ 10 ];
	}
	get rel(): string | undefined {
		return this.values[ 11 ];
	}
	get alt(): string | undefined {
		return this.values[ 12 ];
	}
	get lang(): string | undefined {
		return this.values[ 13 ];
	}
	get name(): string | undefined {
		return this.values[ 14 ];
	}
	get content(): string | undefined {
		return this.values[ 15 ];
	}
	get property(): string | undefined {
		return this.values[ 16 ];
	}
}
