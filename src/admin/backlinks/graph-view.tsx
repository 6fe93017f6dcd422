/**
 * A small picture of us, our partners and the sites linking to us through
 * them, with the rings and networks found. Laid out with d3-force in
 * slices that leave the browser its turn (graph-layout.ts: the same
 * picture on every load), drawn as SVG by React. Every node is a focusable button:
 * Tab moves through them, the arrow keys from a site to the site it links
 * with in that direction (graph-keys.ts), and the focused node's links are
 * highlighted and described below the picture. The same graph is a list too, for screen
 * readers and for reading.
 */
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type {
	BacklinkOverview,
	GraphEdge,
	GraphNode,
} from '../../core/backlink-import/overview';
import { HEIGHT, WIDTH, layoutInSlices, type Point } from './graph-layout';
import { isGraphArrowKey, neighbourInDirection } from './graph-keys';

type Graph = BacklinkOverview[ 'graph' ];

/**
 * The positions of `graph`'s sites once laid out (in slices that leave the
 * browser its turn, see graph-layout.ts); null until then.
 */
function useLayout( graph: Graph ): Map< string, Point > | null {
	const [ laid, setLaid ] = useState< {
		graph: Graph;
		positions: Map< string, Point >;
	} | null >( null );
	useEffect( () => {
		let cancelled = false;
		layoutInSlices( graph, { cancelled: () => cancelled } ).then(
			( positions ) => {
				if ( positions && ! cancelled ) {
					setLaid( { graph, positions } );
				}
			}
		);
		return () => {
			cancelled = true;
		};
	}, [ graph ] );
	return laid?.graph === graph ? laid.positions : null;
}

export function roleLabel( role: GraphNode[ 'roles' ][ number ] ): string {
	switch ( role ) {
		case 'links-back':
			return __( 'links back', 'reciprocal-link-guard' );
		case 'both-ways':
			return __( 'links both ways (imported)', 'reciprocal-link-guard' );
		case 'through-partner':
			return __(
				'links to us through a partner',
				'reciprocal-link-guard'
			);
		case 'ring':
			return __( 'part of a ring', 'reciprocal-link-guard' );
		case 'network':
			return __( 'part of a network', 'reciprocal-link-guard' );
	}
}

export function edgeLabel( edge: GraphEdge ): string {
	let how: string;
	switch ( edge.source ) {
		case 'our-link':
			how = __( 'our posts', 'reciprocal-link-guard' );
			break;
		case 'partner-check':
			how = __( 'found by the check', 'reciprocal-link-guard' );
			break;
		case 'imported':
			how = __( 'imported export', 'reciprocal-link-guard' );
			break;
		case 'partner-page':
			how = __( 'partner page', 'reciprocal-link-guard' );
			break;
		case 'ring':
			how = __( 'ring', 'reciprocal-link-guard' );
			break;
	}
	return sprintf(
		/* translators: 1: a site, 2: another site, 3: where the link is known from (e.g. "imported export"). */
		__( '%1$s links to %2$s (%3$s)', 'reciprocal-link-guard' ),
		edge.from,
		edge.to,
		how
	);
}

const KIND_LABEL = {
	us: () => __( 'our site', 'reciprocal-link-guard' ),
	partner: () => __( 'partner', 'reciprocal-link-guard' ),
	linker: () => __( 'site linking to us', 'reciprocal-link-guard' ),
};

function nodeDescription( node: GraphNode, edges: GraphEdge[] ): string {
	const kind = KIND_LABEL[ node.kind ]();
	const parts = [ kind, ...node.roles.map( roleLabel ) ];
	const own = edges.filter( ( e ) => e.from === node.id || e.to === node.id );
	return `${ node.id }: ${ parts.join( ', ' ) }. ${ own
		.map( edgeLabel )
		.join( '; ' ) }`;
}

function nodeClass( node: GraphNode ): string {
	const classes = [ 'rlg-graph__node', `is-${ node.kind }` ];
	if ( node.roles.includes( 'ring' ) ) {
		classes.push( 'is-ring' );
	} else if ( node.roles.includes( 'network' ) ) {
		classes.push( 'is-network' );
	} else if ( node.roles.includes( 'through-partner' ) ) {
		classes.push( 'is-through' );
	} else if ( node.roles.includes( 'both-ways' ) ) {
		classes.push( 'is-both' );
	}
	return classes.join( ' ' );
}

export function GraphView( { graph }: { graph: Graph } ) {
	const laid = useLayout( graph );
	const [ focused, setFocused ] = useState< string | null >( null );
	const svg = useRef< SVGSVGElement >( null );
	/** An arrow key on a node: focus the neighbour that way, if any. */
	const onNodeKey = (
		id: string,
		event: { key: string; preventDefault: () => void }
	) => {
		if ( ! laid || ! isGraphArrowKey( event.key ) ) {
			return;
		}
		// The page does not scroll under a keyboard user following links.
		event.preventDefault();
		const next = neighbourInDirection( id, event.key, graph.edges, laid );
		if ( next !== null ) {
			svg.current
				?.querySelector< SVGGElement >(
					`[data-node="${ CSS.escape( next ) }"]`
				)
				?.focus();
		}
	};
	if ( graph.nodes.length <= 1 ) {
		return (
			<p className="rlg-muted">
				{ __(
					'Nothing to draw yet: no ring, no network of partners and no relationship in the imported backlinks.',
					'reciprocal-link-guard'
				) }
			</p>
		);
	}
	const focusedNode = graph.nodes.find( ( n ) => n.id === focused );
	return (
		<div
			className="rlg-graph"
			data-layout={ laid ? 'done' : 'running' }
			aria-busy={ ! laid }
		>
			{ ! laid && (
				<p className="rlg-graph__pending rlg-muted">
					{ __( 'Drawing the graph…', 'reciprocal-link-guard' ) }
				</p>
			) }
			{ laid && (
				<svg
					ref={ svg }
					className="rlg-graph__svg"
					viewBox={ `0 0 ${ WIDTH } ${ HEIGHT }` }
					role="group"
					aria-label={ __(
						'Link graph: us, our partners and the sites linking to us through them',
						'reciprocal-link-guard'
					) }
					aria-describedby="rlg-graph-list"
				>
					<defs>
						<marker
							id="rlg-arrow"
							viewBox="0 0 10 10"
							refX="24"
							refY="5"
							markerWidth="7"
							markerHeight="7"
							orient="auto-start-reverse"
						>
							<path d="M 0 0 L 10 5 L 0 10 z" />
						</marker>
					</defs>
					{ graph.edges.map( ( edge ) => {
						const from = laid.get( edge.from );
						const to = laid.get( edge.to );
						if ( ! from || ! to ) {
							return null;
						}
						const active =
							focused !== null &&
							( edge.from === focused || edge.to === focused );
						return (
							<line
								key={ `${ edge.from } ${ edge.to } ${ edge.source }` }
								className={ `rlg-graph__edge is-${ edge.source }${ active ? ' is-active' : '' }` }
								x1={ from.x }
								y1={ from.y }
								x2={ to.x }
								y2={ to.y }
								markerEnd="url(#rlg-arrow)"
							/>
						);
					} ) }
					{ graph.nodes.map( ( node ) => {
						const at = laid.get( node.id );
						return (
							<g
								key={ node.id }
								className={ nodeClass( node ) }
								transform={ `translate(${ at?.x ?? 0 },${ at?.y ?? 0 })` }
								tabIndex={ 0 }
								role="button"
								aria-label={ nodeDescription(
									node,
									graph.edges
								) }
								data-node={ node.id }
								onFocus={ () => setFocused( node.id ) }
								onKeyDown={ ( event ) =>
									onNodeKey( node.id, event )
								}
								onBlur={ () => setFocused( null ) }
								onMouseEnter={ () => setFocused( node.id ) }
								onMouseLeave={ () => setFocused( null ) }
							>
								<circle r={ node.kind === 'us' ? 16 : 11 } />
								<text
									y={ node.kind === 'us' ? 30 : 24 }
									textAnchor="middle"
								>
									{ node.id }
								</text>
							</g>
						);
					} ) }
				</svg>
			) }
			<p className="rlg-graph__caption" aria-live="polite">
				{ focusedNode
					? nodeDescription( focusedNode, graph.edges )
					: __(
							'Tab to a site to see its links; the arrow keys go on to the sites it links with.',
							'reciprocal-link-guard'
						) }
			</p>
			{ graph.omitted > 0 && (
				<p className="rlg-muted">
					{ sprintf(
						/* translators: %d: number of sites not drawn. */
						__(
							'%d more sites are not drawn to keep the picture readable; the lists above have them all.',
							'reciprocal-link-guard'
						),
						graph.omitted
					) }
				</p>
			) }
			<details className="rlg-graph__list-wrap">
				<summary>
					{ __( 'The graph as a list', 'reciprocal-link-guard' ) }
				</summary>
				<ul id="rlg-graph-list" className="rlg-graph__list">
					{ graph.nodes.map( ( node ) => (
						<li key={ node.id }>
							{ nodeDescription( node, graph.edges ) }
						</li>
					) ) }
				</ul>
			</details>
		</div>
	);
}
