/* @jest-environment jsdom */
/**
 * Where the marks stylesheet goes (issue 20): only into the documents
 * that show blocks, since every document it is in parses it and matches
 * it against its own elements on every change.
 */
import { applyMarks } from '../../src/editor/canvas/inject';

const STYLE = 'reciprocal-link-guard-marks';

function canvasFrame(): Document {
	const frame = document.createElement( 'iframe' );
	frame.name = 'editor-canvas';
	document.body.appendChild( frame );
	const doc = frame.contentDocument!;
	doc.body.className = 'editor-styles-wrapper';
	return doc;
}

describe( 'applyMarks', () => {
	afterEach( () => {
		document.body.innerHTML = '';
		document.getElementById( STYLE )?.remove();
	} );

	it( 'puts the sheet into the iframe canvas only, not the editor page', () => {
		const canvas = canvasFrame();
		applyMarks( 'a{color:red}' );
		expect( canvas.getElementById( STYLE )?.textContent ).toBe(
			'a{color:red}'
		);
		expect( document.getElementById( STYLE ) ).toBeNull();
	} );

	it( 'uses the editor page when it shows the blocks itself', () => {
		const wrapper = document.createElement( 'div' );
		wrapper.className = 'editor-styles-wrapper';
		document.body.appendChild( wrapper );
		applyMarks( 'a{color:red}' );
		expect( document.getElementById( STYLE )?.textContent ).toBe(
			'a{color:red}'
		);
	} );

	it( 'moves the sheet when the canvas moves into an iframe, and removes it', () => {
		applyMarks( 'a{color:red}' );
		// No document shows blocks yet: every one gets it.
		expect( document.getElementById( STYLE ) ).not.toBeNull();
		const canvas = canvasFrame();
		applyMarks( 'a{color:blue}' );
		expect( document.getElementById( STYLE ) ).toBeNull();
		expect( canvas.getElementById( STYLE )?.textContent ).toBe(
			'a{color:blue}'
		);
		applyMarks( '' );
		expect( canvas.getElementById( STYLE ) ).toBeNull();
	} );
} );

describe( 'applyMarks again with the same sheet', () => {
	it( 'neither reads nor rewrites the sheet, and writes a changed one', () => {
		const canvas = canvasFrame();
		applyMarks( 'a{color:red}' );
		const style = canvas.getElementById( STYLE )!;
		// The iframe's own realm: its elements inherit from its Node.
		const FrameNode = ( canvas.defaultView as unknown as typeof window )
			.Node;
		const read = jest.spyOn( FrameNode.prototype, 'textContent', 'get' );
		const write = jest.spyOn( FrameNode.prototype, 'textContent', 'set' );
		try {
			applyMarks( 'a{color:red}' );
			expect( read ).not.toHaveBeenCalled();
			expect( write ).not.toHaveBeenCalled();
			applyMarks( 'a{color:blue}' );
			expect( write ).toHaveBeenCalledTimes( 1 );
			expect( write ).toHaveBeenCalledWith( 'a{color:blue}' );
		} finally {
			read.mockRestore();
			write.mockRestore();
		}
		expect( canvas.getElementById( STYLE ) ).toBe( style );
		document.body.innerHTML = '';
	} );
} );
