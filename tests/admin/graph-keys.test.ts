/**
 * Arrow keys in the report's graph view (src/admin/backlinks/graph-keys.ts):
 * from a site to the neighbour in the arrow's direction, never to a site
 * it has no link with, nowhere when nothing lies that way.
 */
import type { GraphEdge } from '../../src/core/backlink-import/overview';
import {
	isGraphArrowKey,
	neighbourInDirection,
} from '../../src/admin/backlinks/graph-keys';

const edge = ( from: string, to: string ): GraphEdge => ( {
	from,
	to,
	source: 'our-link',
} );

//            up.test (0,-100)
// left.test (-50,0)   us (0,0)   near-side.test (20,35)   far.test (60,5)
//                     stranger.test (0,40): no link with us
const POSITIONS = new Map( [
	[ 'us', { x: 0, y: 0 } ],
	[ 'up.test', { x: 0, y: -100 } ],
	[ 'left.test', { x: -50, y: 0 } ],
	[ 'near-side.test', { x: 20, y: 35 } ],
	[ 'far.test', { x: 60, y: 5 } ],
	[ 'stranger.test', { x: 0, y: 40 } ],
] );
const EDGES = [
	edge( 'us', 'up.test' ),
	edge( 'left.test', 'us' ),
	edge( 'us', 'near-side.test' ),
	edge( 'far.test', 'us' ),
	edge( 'up.test', 'stranger.test' ),
];

describe( 'neighbourInDirection', () => {
	const go = ( from: string, key: string ) =>
		neighbourInDirection( from, key, EDGES, POSITIONS );

	it( 'moves to the linked site the arrow points at, either link direction', () => {
		expect( go( 'us', 'ArrowUp' ) ).toBe( 'up.test' );
		expect( go( 'us', 'ArrowLeft' ) ).toBe( 'left.test' );
		// near-side.test is closer but 60 degrees off; far.test straight on.
		expect( go( 'us', 'ArrowRight' ) ).toBe( 'far.test' );
		// Down: only near-side.test lies that way among our neighbours
		// (stranger.test is nearer and straight below, but not linked).
		expect( go( 'us', 'ArrowDown' ) ).toBe( 'near-side.test' );
		expect( go( 'up.test', 'ArrowDown' ) ).toBe( 'us' );
	} );

	it( 'goes nowhere when no neighbour lies that way, or on other keys', () => {
		expect( go( 'left.test', 'ArrowLeft' ) ).toBeNull();
		expect( go( 'us', 'Enter' ) ).toBeNull();
		expect( go( 'nobody.test', 'ArrowUp' ) ).toBeNull();
		expect( isGraphArrowKey( 'ArrowUp' ) ).toBe( true );
		expect( isGraphArrowKey( 'Tab' ) ).toBe( false );
	} );
} );
