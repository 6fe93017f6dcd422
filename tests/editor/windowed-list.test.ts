/**
 * The sidebar's windowing (issue 20): whatever the number of items, only
 * those within the visible stretch (plus a margin) are rendered, at the
 * offsets their measured or estimated heights give.
 */
import {
	WINDOW_FROM_ITEMS,
	windowOf,
} from '../../src/editor/hooks/useWindowedList';

const keys = ( count: number ) =>
	Array.from( { length: count }, ( _, i ) => `row:${ i }` );

describe( 'windowOf', () => {
	it( 'renders a bounded number of items for any list size', () => {
		for ( const count of [ 100, 1000, 10000 ] ) {
			const { items, totalHeight } = windowOf(
				keys( count ),
				() => 100,
				{ top: 0, height: 800 },
				600
			);
			expect( totalHeight ).toBe( count * 100 );
			// 800 px visible + 600 px below: 15 items of 100 px, not `count`.
			expect( items.length ).toBeLessThanOrEqual( 15 );
			expect( items[ 0 ] ).toEqual( { index: 0, key: 'row:0', top: 0 } );
		}
	} );

	it( 'follows the scroll position, with the margin above and below', () => {
		const { items } = windowOf(
			keys( 1000 ),
			() => 100,
			{ top: 50_000, height: 800 },
			200
		);
		expect( items[ 0 ].index ).toBe( 498 );
		expect( items[ items.length - 1 ].index ).toBe( 509 );
		expect( items[ 0 ].top ).toBe( 49_800 );
	} );

	it( 'renders a short list whole', () => {
		const { items } = windowOf(
			keys( WINDOW_FROM_ITEMS ),
			() => 500,
			{ top: 0, height: 800 },
			0
		);
		expect( items ).toHaveLength( WINDOW_FROM_ITEMS );
	} );

	it( 'places items by their measured heights, estimates for the others', () => {
		const measured = new Map( [ [ 'row:1', 300 ] ] );
		const { items, totalHeight } = windowOf(
			keys( 4 ),
			( key ) => measured.get( key ) ?? 50,
			{ top: 0, height: 1000 },
			0
		);
		expect( items.map( ( i ) => i.top ) ).toEqual( [ 0, 50, 350, 400 ] );
		expect( totalHeight ).toBe( 450 );
	} );
} );
