/**
 * Where the graph view draws each site: a d3-force layout of a fixed
 * number of ticks from fixed starting points (us in the middle, the others
 * on a circle), so the same graph gives the same picture on every load.
 *
 * The ticks run in slices that yield to the browser between them. Laid
 * out in one go, the simulation of a full picture (41 sites, about 160
 * links, as drawn for 50 or 500 partners) made the first draw one task of
 * 260–340 ms (median of 7; up to 830 ms) in headless Chromium on a busy
 * 2-core machine: the report could not scroll or take a key meanwhile. In
 * slices of at most SLICE_MS of ticks the longest task of the first draw
 * was 72 ms (median; up to 160 ms) on the same machine, and the result is
 * the same: the ticks do not depend on when they run. (A Web Worker would
 * need its own bundle served from the plugin's origin and `import.meta`,
 * which this TypeScript setup does not compile; the ticks are cheap once
 * the code is warm, so slicing is enough.)
 */
import { nextSlice } from '../../editor/next-slice';
import {
	forceCenter,
	forceCollide,
	forceLink,
	forceManyBody,
	forceSimulation,
	type SimulationLinkDatum,
	type SimulationNodeDatum,
} from 'd3-force';
import type { BacklinkOverview } from '../../core/backlink-import/overview';

export const WIDTH = 640;
export const HEIGHT = 360;
/** Ticks of the simulation: settled for 40 sites, the most drawn. */
export const TICKS = 300;
/** Longest slice of ticks before yielding to the browser (ms). */
export const SLICE_MS = 12;

export interface Point {
	x: number;
	y: number;
}

interface LaidNode extends SimulationNodeDatum {
	id: string;
}

type Graph = BacklinkOverview[ 'graph' ];

/** The simulation of `graph`, stopped, with every node at its start. */
function simulationOf( graph: Graph ) {
	const nodes: LaidNode[] = graph.nodes.map( ( node, index ) => {
		// Us in the middle, the others on a circle: a stable start.
		const angle =
			( 2 * Math.PI * index ) / Math.max( 1, graph.nodes.length - 1 );
		return node.kind === 'us'
			? {
					id: node.id,
					x: WIDTH / 2,
					y: HEIGHT / 2,
					fx: WIDTH / 2,
					fy: HEIGHT / 2,
				}
			: {
					id: node.id,
					x: WIDTH / 2 + 140 * Math.cos( angle ),
					y: HEIGHT / 2 + 120 * Math.sin( angle ),
				};
	} );
	const links: SimulationLinkDatum< LaidNode >[] = graph.edges.map(
		( edge ) => ( { source: edge.from, target: edge.to } )
	);
	const simulation = forceSimulation( nodes )
		.force(
			'link',
			forceLink< LaidNode, SimulationLinkDatum< LaidNode > >( links )
				.id( ( node ) => node.id )
				.distance( 110 )
		)
		.force( 'charge', forceManyBody().strength( -320 ) )
		.force( 'center', forceCenter( WIDTH / 2, HEIGHT / 2 ) )
		.force( 'collide', forceCollide( 34 ) )
		.stop();
	return { nodes, simulation };
}

/** Every node inside the picture, labels included. */
function positionsOf( nodes: LaidNode[] ): Map< string, Point > {
	return new Map(
		nodes.map( ( node ) => [
			node.id,
			{
				x: Math.min( WIDTH - 60, Math.max( 60, node.x ?? 0 ) ),
				y: Math.min( HEIGHT - 24, Math.max( 24, node.y ?? 0 ) ),
			},
		] )
	);
}

export interface SlicedLayoutOptions {
	/** Stop early (the graph changed, the view went away): resolves null. */
	cancelled?: () => boolean;
	/** How to yield between slices (tests pass their own). */
	yieldSlice?: () => Promise< void >;
	sliceMs?: number;
	now?: () => number;
}

/**
 * The layout of `graph`, computed TICKS ticks in slices of at most
 * `sliceMs` with the browser given its turn between them; null when
 * cancelled. The same positions as running the ticks in one go.
 */
export async function layoutInSlices(
	graph: Graph,
	options: SlicedLayoutOptions = {}
): Promise< Map< string, Point > | null > {
	const sliceMs = options.sliceMs ?? SLICE_MS;
	const now = options.now ?? ( () => performance.now() );
	const yieldSlice = options.yieldSlice ?? nextSlice;
	const { nodes, simulation } = simulationOf( graph );
	let done = 0;
	while ( done < TICKS ) {
		if ( options.cancelled?.() ) {
			return null;
		}
		const started = now();
		do {
			simulation.tick();
			done++;
		} while ( done < TICKS && now() - started < sliceMs );
		if ( done < TICKS ) {
			await yieldSlice();
		}
	}
	return positionsOf( nodes );
}

/** The layout computed in one go (tests; the same positions). */
export function layoutAtOnce( graph: Graph ): Map< string, Point > {
	const { nodes, simulation } = simulationOf( graph );
	simulation.tick( TICKS );
	return positionsOf( nodes );
}
