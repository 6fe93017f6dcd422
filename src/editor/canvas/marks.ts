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

/** The tooltip's box, shared by every mark. */
const TOOLTIP_BOX =
	'position:absolute;left:0;top:calc(100% + 6px);z-index:1000;width:max-content;max-width:320px;padding:6px 8px;border-radius:2px;background:#1e1e1e;color:#fff;font:normal 12px/1.4 -apple-system,BlinkMacSystemFont,"Segoe UI",sans-serif;white-space:normal;text-decoration:none;pointer-events:none';

function underline( color: string ): string {
	return `text-decoration:underline wavy ${ color };text-decoration-thickness:2px;text-underline-offset:3px;outline:1px dashed ${ color };outline-offset:2px;position:relative`;
}

/**
 * Per distinct href: the worst severity wins the colour and every message
 * goes into the tooltip. Hrefs share rules (one per colour, one for the
 * tooltip box, one per tooltip text), so a post with hundreds of marked
 * links gets a stylesheet of a few rules with long selector lists, not
 * two full rules per link: the canvas parses it again on every change
 * (issue 20).
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
	if ( byHref.size === 0 ) {
		return '';
	}
	const bySeverity = new Map< Severity, string[] >();
	const byTooltip = new Map< string, string[] >();
	const hovers: string[] = [];
	for ( const [ href, { severity, messages } ] of byHref ) {
		const selector = `${ scope } a[href=${ cssString( href ) }]`;
		const hover = `${ selector }:hover::after`;
		const sameColour = bySeverity.get( severity );
		if ( sameColour ) {
			sameColour.push( selector );
		} else {
			bySeverity.set( severity, [ selector ] );
		}
		const tooltip = messages.join( ' · ' );
		const sameText = byTooltip.get( tooltip );
		if ( sameText ) {
			sameText.push( hover );
		} else {
			byTooltip.set( tooltip, [ hover ] );
		}
		hovers.push( hover );
	}
	const rules: string[] = [];
	for ( const severity of [ 'info', 'warning', 'critical' ] as const ) {
		const selectors = bySeverity.get( severity );
		if ( selectors ) {
			// Later rules win: critical last.
			rules.push(
				`${ selectors.join( ',' ) }{${ underline( COLORS[ severity ] ) }}`
			);
		}
	}
	rules.push( `${ hovers.join( ',' ) }{${ TOOLTIP_BOX }}` );
	for ( const [ tooltip, selectors ] of byTooltip ) {
		rules.push(
			`${ selectors.join( ',' ) }{content:${ cssString( tooltip ) }}`
		);
	}
	return rules.join( '\n' );
}
