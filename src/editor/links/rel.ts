/**
 * The one-click "safe" fixes: add rel="nofollow" or rel="sponsored" to the
 * links of a block that point at one target. Works on the block's HTML
 * attribute text so the rest of the author's markup is left byte for byte.
 */
import {
	encodeAttribute,
	findAnchorTags,
	relTokens,
	type AnchorTag,
} from './anchor-tags';

export const REL_FIXES = [ 'nofollow', 'sponsored' ] as const;
export type RelFix = ( typeof REL_FIXES )[ number ];

export interface RelFixResult {
	html: string;
	/** How many `<a>` tags were changed (0 when all already had the token). */
	changed: number;
}

/** The rel value after adding `token`: existing tokens keep their order. */
export function mergeRel( existing: string | null, token: RelFix ): string {
	const tokens = relTokens( existing );
	return tokens.includes( token )
		? tokens.join( ' ' )
		: [ ...tokens, token ].join( ' ' );
}

function rewriteTag( html: string, tag: AnchorTag, token: RelFix ): string {
	const source = html.slice( tag.start, tag.end );
	const rel = tag.attributes.find( ( a ) => a.name === 'rel' );
	const value = encodeAttribute( mergeRel( rel ? rel.value : null, token ) );
	if ( rel ) {
		return (
			source.slice( 0, rel.start - tag.start ) +
			`rel="${ value }"` +
			source.slice( rel.end - tag.start )
		);
	}
	const last = tag.attributes[ tag.attributes.length - 1 ];
	const insertAt = ( last ? last.end : tag.start + 2 ) - tag.start;
	return (
		source.slice( 0, insertAt ) +
		` rel="${ value }"` +
		source.slice( insertAt )
	);
}

/**
 * Add `token` to the rel of every `<a>` whose href `matches`. Tags that
 * already carry the token are left untouched (and not counted).
 */
export function addRelToLinks(
	html: string,
	matches: ( href: string ) => boolean,
	token: RelFix
): RelFixResult {
	let out = '';
	let cursor = 0;
	let changed = 0;
	for ( const tag of findAnchorTags( html ) ) {
		if ( tag.href === null || ! matches( tag.href ) ) {
			continue;
		}
		const rel = tag.attributes.find( ( a ) => a.name === 'rel' );
		if ( relTokens( rel?.value ).includes( token ) ) {
			continue;
		}
		out += html.slice( cursor, tag.start ) + rewriteTag( html, tag, token );
		cursor = tag.end;
		changed++;
	}
	return { html: out + html.slice( cursor ), changed };
}
