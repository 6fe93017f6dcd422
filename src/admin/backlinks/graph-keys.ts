/**
 * Arrow keys in the report's graph view (issue 19): from the focused site
 * to the site it links with (either way) that lies in the arrow's
 * direction in the picture, so a keyboard user can follow a ring or a
 * network link by link, as a mouse user follows the lines. Tab still goes
 * through every site in list order.
 */
import type { GraphEdge } from '../../core/backlink-import/overview';
import type { Point } from './graph-layout';

/** The arrow keys and their direction on screen (y grows downwards). */
const DIRECTIONS: Record< string, Point > = {
	ArrowRight: { x: 1, y: 0 },
	ArrowLeft: { x: -1, y: 0 },
	ArrowUp: { x: 0, y: -1 },
	ArrowDown: { x: 0, y: 1 },
};

/** Whether `key` (KeyboardEvent.key) moves between neighbours. */
export function isGraphArrowKey( key: string ): boolean {
	return key in DIRECTIONS;
}

/**
 * The neighbour of `from` (a site linked with it by an edge either way)
 * that `key` leads to: of those within 90 degrees of the arrow, the one
 * nearest once its angle off the arrow is weighed in (a neighbour straight
 * ahead beats a closer one off to the side). Null when the key is no
 * arrow or no neighbour lies that way.
 */
export function neighbourInDirection(
	from: string,
	key: string,
	edges: readonly GraphEdge[],
	positions: ReadonlyMap< string, Point >
): string | null {
	const direction = DIRECTIONS[ key ];
	const at = positions.get( from );
	if ( ! direction || ! at ) {
		return null;
	}
	const neighbours = new Set< string >();
	for ( const edge of edges ) {
		if ( edge.from === from && edge.to !== from ) {
			neighbours.add( edge.to );
		} else if ( edge.to === from && edge.from !== from ) {
			neighbours.add( edge.from );
		}
	}
	let best: { id: string; score: number } | null = null;
	for ( const id of [ ...neighbours ].sort() ) {
		const there = positions.get( id );
		if ( ! there ) {
			continue;
		}
		const dx = there.x - at.x;
		const dy = there.y - at.y;
		const distance = Math.hypot( dx, dy );
		const cos =
			distance === 0
				? 0
				: ( dx * direction.x + dy * direction.y ) / distance;
		if ( cos <= 0 ) {
			continue;
		}
		// cos 1 (straight ahead) keeps the distance; off to the side the
		// distance counts up to twice as much at 60 degrees.
		const score = distance / cos;
		if ( ! best || score < best.score ) {
			best = { id, score };
		}
	}
	return best?.id ?? null;
}
