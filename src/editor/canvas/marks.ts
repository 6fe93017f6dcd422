/**
 * Inline marks in the editor canvas, as a stylesheet. Marking links by
 * editing their markup would leak into the saved post (rich text reads the
 * DOM back into the block), so links are targeted from outside with
 * attribute selectors on the href exactly as written in the block.
 */
import type { Severity } from '../../core';

export interface LinkMark {
	/** hrefs as written in the blocks for this target. */
	rawHrefs: readonly string[];
	severity: Severity;
	/** Shown as a tooltip on hover. */
	message: string;
}

/** Where the block content lives, in the iframed and the inline canvas. */
export const CANVAS_SCOPE = '.editor-styles-wrapper';

const COLORS: Record< Severity, string > = {
	critical: '#cc1818',
	warning: '#b26200',
	info: '#2271b1',
};

const RANK: Record< Severity, number > = { critical: 0, warning: 1, info: 2 };

/** A CSS string literal (for selectors and `content`). */
export function cssString( value: string ): string {
	return (
		'"' +
		value
			.replace( /\\/g, '\\\\' )
			.replace( /"/g, '\\"' )
			.replace( /[\r\n\f]+/g, ' ' )
			.replace( /</g, '\\3c ' ) +
		'"'
	);
}

/**
 * One rule set per distinct href: the worst severity wins the colour and
 * every message goes into the tooltip.
 */
export function buildMarksCss(
	marks: readonly LinkMark[],
	scope: string = CANVAS_SCOPE
): string {
	const byHref = new Map<
		string,
		{ severity: Severity; messages: string[] }
	>();
	for ( const mark of marks ) {
		for ( const href of mark.rawHrefs ) {
			const entry = byHref.get( href ) ?? {
				severity: mark.severity,
				messages: [],
			};
			if ( RANK[ mark.severity ] < RANK[ entry.severity ] ) {
				entry.severity = mark.severity;
			}
			if ( ! entry.messages.includes( mark.message ) ) {
				entry.messages.push( mark.message );
			}
			byHref.set( href, entry );
		}
	}
	const rules: string[] = [];
	for ( const [ href, { severity, messages } ] of byHref ) {
		const selector = `${ scope } a[href=${ cssString( href ) }]`;
		const color = COLORS[ severity ];
		rules.push(
			`${ selector }{text-decoration:underline wavy ${ color };text-decoration-thickness:2px;text-underline-offset:3px;outline:1px dashed ${ color };outline-offset:2px;position:relative}`,
			`${ selector }:hover::after{content:${ cssString(
				messages.join( ' · ' )
			) };position:absolute;left:0;top:calc(100% + 6px);z-index:1000;width:max-content;max-width:320px;padding:6px 8px;border-radius:2px;background:#1e1e1e;color:#fff;font:normal 12px/1.4 -apple-system,BlinkMacSystemFont,"Segoe UI",sans-serif;white-space:normal;text-decoration:none;pointer-events:none}`
		);
	}
	return rules.join( '\n' );
}
