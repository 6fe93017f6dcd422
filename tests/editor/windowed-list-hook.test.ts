/* @jest-environment jsdom */
/**
 * useWindowedList measures the sidebar panel in an animation frame, not
 * while React commits (issue 20): reading layout or computed styles during
 * the commit forced the browser to lay out the whole editor with the new
 * sidebar before its first paint, and again after the render the
 * measurement caused.
 */
import { act, createElement } from 'react';
import { createRoot } from '@wordpress/element';
import { useWindowedList } from '../../src/editor/hooks/useWindowedList';

(
	globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
 ).IS_REACT_ACT_ENVIRONMENT = true;

const keys = Array.from( { length: 500 }, ( _, i ) => `row:${ i }` );

function List() {
	const windowed = useWindowedList( keys, () => 100 );
	return createElement(
		'div',
		{ ref: windowed.listRef, 'data-total': windowed.totalHeight },
		windowed.items.map( ( item ) =>
			createElement( 'div', {
				key: item.key,
				ref: windowed.measureRef,
				'data-window-key': item.key,
			} )
		)
	);
}

describe( 'useWindowedList', () => {
	const frames: FrameRequestCallback[] = [];
	beforeEach( () => {
		frames.length = 0;
		jest.spyOn( window, 'requestAnimationFrame' ).mockImplementation(
			( callback ) => frames.push( callback )
		);
		jest.spyOn( window, 'cancelAnimationFrame' ).mockImplementation(
			() => undefined
		);
		( window as unknown as { ResizeObserver: unknown } ).ResizeObserver =
			class {
				observe() {}
				unobserve() {}
				disconnect() {}
			};
	} );
	afterEach( () => jest.restoreAllMocks() );

	it( 'reads no layout or style while mounting, and measures the panel in the next frame', async () => {
		const panel = document.createElement( 'div' );
		panel.style.overflowY = 'auto';
		document.body.appendChild( panel );
		const host = document.createElement( 'div' );
		panel.appendChild( host );
		const rect = jest.spyOn( Element.prototype, 'getBoundingClientRect' );
		const style = jest.spyOn( window, 'getComputedStyle' );

		const root = createRoot( host );
		await act( async () => {
			root.render( createElement( List ) );
		} );
		// Mounted with a screenful of rows and nothing measured yet.
		expect( host.querySelectorAll( '[data-window-key]' ).length ).toBe(
			16
		);
		expect( rect ).not.toHaveBeenCalled();
		expect( style ).not.toHaveBeenCalled();

		// The next frame finds the panel and measures it.
		await act( async () => {
			frames.splice( 0 ).forEach( ( frame ) => frame( 0 ) );
		} );
		expect( style ).toHaveBeenCalled();
		expect( rect ).toHaveBeenCalled();
		await act( async () => root.unmount() );
		panel.remove();
	} );
} );
