/**
 * Applies a rel fix to a block's attributes. Blocks keep links in two
 * ways: as HTML inside rich-text attributes (paragraph, heading, list item,
 * HTML block …) or as dedicated url/href + rel attributes (button, image).
 * Only attributes that change are returned, for updateBlockAttributes.
 */
import { relTokens } from './anchor-tags';
import { addRelToLinks, mergeRel, type RelFix } from './rel';

/** RichTextData (WordPress 6.5+) or a plain HTML string. */
function htmlOf( value: unknown ): string | null {
	if ( typeof value === 'string' ) {
		return value;
	}
	if (
		value &&
		typeof value === 'object' &&
		typeof ( value as { toHTMLString?: unknown } ).toHTMLString ===
			'function'
	) {
		return ( value as { toHTMLString: () => string } ).toHTMLString();
	}
	return null;
}

export interface RelAttributesFix {
	attributes: Record< string, unknown >;
	/** Links changed; 0 means nothing to update. */
	changed: number;
}

export function relFixAttributes(
	attributes: Readonly< Record< string, unknown > >,
	matches: ( href: string ) => boolean,
	token: RelFix
): RelAttributesFix {
	const update: Record< string, unknown > = {};
	let changed = 0;
	// An image block's `url` is the image itself; its link is `href`.
	const linkUrl = [ attributes.href, attributes.url ].find(
		( v ): v is string => typeof v === 'string' && v !== ''
	);
	if ( 'rel' in attributes && linkUrl !== undefined && matches( linkUrl ) ) {
		const current =
			typeof attributes.rel === 'string' ? attributes.rel : null;
		if ( ! relTokens( current ).includes( token ) ) {
			update.rel = mergeRel( current, token );
			changed++;
		}
	}
	for ( const [ name, value ] of Object.entries( attributes ) ) {
		if ( name === 'rel' || name === 'url' || name === 'href' ) {
			continue;
		}
		const html = htmlOf( value );
		if ( html === null || ! /<a[\s>]/i.test( html ) ) {
			continue;
		}
		const result = addRelToLinks( html, matches, token );
		if ( result.changed > 0 ) {
			update[ name ] = result.html;
			changed += result.changed;
		}
	}
	return { attributes: update, changed };
}
