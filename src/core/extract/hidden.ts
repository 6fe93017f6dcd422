/**
 * Why an element is invisible to a reader, judged from its own markup only
 * (attributes and the inline `style`): external stylesheets are out of
 * reach, and link schemes that hide links do it inline far more often than
 * not, because the trick has to survive theme changes.
 */
import type { HiddenReason } from '../schemas';

/** Declarations of an inline style, property names lower-cased. */
export function parseInlineStyle( style: string ): Map< string, string > {
	const declarations = new Map< string, string >();
	for ( const declaration of style.split( ';' ) ) {
		const colon = declaration.indexOf( ':' );
		if ( colon <= 0 ) {
			continue;
		}
		const property = declaration.slice( 0, colon ).trim().toLowerCase();
		const value = declaration
			.slice( colon + 1 )
			.replace( /!important/i, '' )
			.trim()
			.toLowerCase();
		if ( property !== '' ) {
			declarations.set( property, value );
		}
	}
	return declarations;
}

/** A CSS length in px (em/rem counted as 16px), or null when not a length. */
export function cssLengthPx( value: string | undefined ): number | null {
	if ( value === undefined ) {
		return null;
	}
	const match = /^(-?\d*\.?\d+)(px|em|rem|pt|vw|vh|%)?$/.exec( value.trim() );
	if ( ! match ) {
		return null;
	}
	const number = Number( match[ 1 ] );
	switch ( match[ 2 ] ) {
		case 'em':
		case 'rem':
			return number * 16;
		case 'pt':
			return ( number * 4 ) / 3;
		case '%':
		case 'vw':
		case 'vh':
			// Relative to something we cannot see; only zero is certain.
			return number === 0 ? 0 : null;
		default:
			return number;
	}
}

/** Pushing content this far out of the viewport only ever hides it. */
const OFF_SCREEN_PX = -500;

function isOffScreen( style: Map< string, string > ): boolean {
	const position = style.get( 'position' );
	if ( position === 'absolute' || position === 'fixed' ) {
		for ( const side of [ 'left', 'top', 'right' ] ) {
			const px = cssLengthPx( style.get( side ) );
			if ( px !== null && px <= OFF_SCREEN_PX ) {
				return true;
			}
		}
	}
	for ( const property of [ 'text-indent', 'margin-left', 'margin-top' ] ) {
		const px = cssLengthPx( style.get( property ) );
		if ( px !== null && px <= OFF_SCREEN_PX ) {
			return true;
		}
	}
	const transform = style.get( 'transform' );
	if ( transform ) {
		const match = /translate(?:x|3d)?\(\s*(-?\d*\.?\d+(?:px|em|rem))/.exec(
			transform
		);
		const px = match ? cssLengthPx( match[ 1 ] ) : null;
		if ( px !== null && px <= OFF_SCREEN_PX ) {
			return true;
		}
	}
	return false;
}

function isZeroSize( style: Map< string, string > ): boolean {
	const width = cssLengthPx( style.get( 'width' ) );
	const height = cssLengthPx( style.get( 'height' ) );
	if ( width === 0 && height === 0 ) {
		return true;
	}
	// A 0/1px box only hides its content when it also clips the overflow.
	const clips = /hidden|clip/.test(
		`${ style.get( 'overflow' ) ?? '' } ${ style.get( 'overflow-x' ) ?? '' } ${
			style.get( 'overflow-y' ) ?? ''
		}`
	);
	if ( ! clips ) {
		return false;
	}
	const maxHeight = cssLengthPx( style.get( 'max-height' ) );
	const maxWidth = cssLengthPx( style.get( 'max-width' ) );
	return [ width, height, maxHeight, maxWidth ].some(
		( px ) => px !== null && px <= 1
	);
}

/**
 * How an element's own markup changes the hidden state it inherits.
 * Visibility and font size are inherited properties a descendant can reset
 * (`font-size:0` on a wrapper is a common inline-block whitespace hack,
 * with the real size set again on the children); the others cannot be
 * undone from inside.
 */
export function hiddenReasonOf(
	tag: string,
	attributes: { readonly style?: string; readonly hidden?: string },
	inherited: HiddenReason | null
): HiddenReason | null {
	const style =
		attributes.style !== undefined
			? parseInlineStyle( attributes.style )
			: null;
	let reason = inherited;
	if (
		reason === 'visibility-hidden' &&
		style?.get( 'visibility' ) === 'visible'
	) {
		reason = null;
	}
	if ( reason === 'zero-font-size' && style?.has( 'font-size' ) ) {
		const px = cssLengthPx( style.get( 'font-size' ) );
		if ( px === null || px > 0 ) {
			reason = null;
		}
	}
	if ( reason !== null ) {
		return reason;
	}
	if ( tag === 'template' ) {
		return 'template';
	}
	if ( tag === 'noscript' ) {
		return 'noscript';
	}
	if ( attributes.hidden !== undefined ) {
		return 'hidden-attribute';
	}
	if ( style === null ) {
		return null;
	}
	if ( style.get( 'display' ) === 'none' ) {
		return 'display-none';
	}
	const visibility = style.get( 'visibility' );
	if ( visibility === 'hidden' || visibility === 'collapse' ) {
		return 'visibility-hidden';
	}
	if ( cssLengthPx( style.get( 'font-size' ) ) === 0 ) {
		return 'zero-font-size';
	}
	if ( isZeroSize( style ) ) {
		return 'zero-size';
	}
	if ( isOffScreen( style ) ) {
		return 'off-screen';
	}
	return null;
}
