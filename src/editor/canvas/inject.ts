/**
 * Puts the marks stylesheet where the block content is: the editor page
 * itself (WordPress 6.5 with most themes) and/or the `editor-canvas`
 * iframe (6.6+, block themes, device previews). The iframe can be
 * replaced at any time, so callers re-apply periodically.
 */
import { CANVAS_SCOPE } from './marks';

const STYLE_ID = 'reciprocal-link-guard-marks';

function canvasDocuments( root: Document ): Document[] {
	const documents = [ root ];
	root.querySelectorAll< HTMLIFrameElement >(
		'iframe[name="editor-canvas"]'
	).forEach( ( frame ) => {
		try {
			if ( frame.contentDocument?.head ) {
				documents.push( frame.contentDocument );
			}
		} catch {
			// A cross-origin frame is not the editor canvas; skip it.
		}
	} );
	return documents;
}

/**
 * The text each sheet was last given. The sheet is re-applied every 2 s
 * and after each analysis; reading a big sheet's textContent back to
 * compare builds the whole string again each time (a 1,000-link post's
 * marks: the plugin's largest self time in a profiled first check,
 * issue 20). A sheet someone else replaced is a new element, not here.
 */
const WRITTEN = new WeakMap< Element, string >();

function applyTo( doc: Document, css: string ): void {
	let style = doc.getElementById( STYLE_ID );
	if ( ! css ) {
		style?.remove();
		return;
	}
	if ( ! style ) {
		style = doc.createElement( 'style' );
		style.id = STYLE_ID;
		doc.head.appendChild( style );
	}
	if ( WRITTEN.get( style ) !== css ) {
		style.textContent = css;
		WRITTEN.set( style, css );
	}
}

/**
 * The sheet goes only where blocks are shown (`.editor-styles-wrapper`:
 * the iframe canvas, or the editor page itself without one), and is
 * removed elsewhere: each document parses it and matches it against its
 * own elements on every change, and the editor page is big (issue 20).
 * Where no document shows blocks yet, every one gets it.
 */
export function applyMarks( css: string, root: Document = document ): void {
	const documents = canvasDocuments( root );
	const holding = documents.filter(
		( doc ) => doc.querySelector( CANVAS_SCOPE ) !== null
	);
	const targets = holding.length ? holding : documents;
	for ( const doc of documents ) {
		applyTo( doc, targets.includes( doc ) ? css : '' );
	}
}

/** The block's element in whichever canvas holds it. */
export function findBlockElement(
	clientId: string,
	root: Document = document
): HTMLElement | null {
	for ( const doc of canvasDocuments( root ).reverse() ) {
		const element = doc.querySelector< HTMLElement >(
			`[data-block="${ clientId.replace( /"/g, '' ) }"]`
		);
		if ( element ) {
			return element;
		}
	}
	return null;
}
