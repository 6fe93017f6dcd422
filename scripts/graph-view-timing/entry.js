/**
 * The report's graph view alone in a page, for run.js: `prepare( n )`
 * builds the overview of a report with n partners (imported backlinks,
 * partner pages, rings and networks) outside the measured part;
 * `drawGraph()` renders the graph view and resolves when its nodes are
 * drawn, with the milliseconds that took.
 */
import { createElement, createRoot } from '@wordpress/element';
import { buildBacklinkOverview } from '../../src/core/backlink-import/overview';
import { GraphView } from '../../src/admin/backlinks/graph-view';

const STATUSES = [ 'no-link', 'links-back' ];

function overviewInput( n ) {
	const us = 'our.test';
	const partners = Array.from( { length: n }, ( _, i ) => ( {
		domain: `p${ i }.test`,
		ourPosts: 2,
		ourLinks: 3,
		status: STATUSES[ i % 2 ],
	} ) );
	const referrers = [
		...partners.map( ( partner, i ) => ( {
			owner: '',
			domain: i % 3 === 0 ? partner.domain : `r${ i }.test`,
			links: 2,
			samplePage: `https://r${ i }.test/a`,
			sampleAnchor: null,
			allQualified: false,
			formats: [ 'gsc' ],
		} ) ),
		...Array.from( { length: 3 * n }, ( _, i ) => ( {
			owner: `competitor${ i % 3 }.test`,
			domain: `r${ i }.test`,
			links: 1,
			samplePage: null,
			sampleAnchor: null,
			allQualified: false,
			formats: [ 'ahrefs' ],
		} ) ),
	];
	const partnerLinks = partners.flatMap( ( partner, i ) =>
		Array.from( { length: 10 }, ( _, j ) => ( {
			partner: partner.domain,
			domain:
				j % 2
					? `r${ ( i * 7 + j ) % ( 2 * n ) }.test`
					: `p${ ( i + j ) % n }.test`,
			pageUrl: `https://${ partner.domain }/x`,
		} ) )
	);
	const rings = Array.from( { length: Math.floor( n / 10 ) }, ( _, i ) => [
		us,
		`p${ i }.test`,
		`r${ i * 3 + 1 }.test`,
		us,
	] );
	const networks = Array.from( { length: Math.floor( n / 50 ) }, ( _, i ) => [
		`p${ i * 5 }.test`,
		`p${ i * 5 + 1 }.test`,
		`p${ i * 5 + 2 }.test`,
	] );
	return { us, partners, referrers, partnerLinks, rings, networks };
}

let graph = null;

window.prepare = ( n ) => {
	graph = buildBacklinkOverview( overviewInput( n ) ).graph;
	return { nodes: graph.nodes.length, edges: graph.edges.length };
};

window.drawGraph = () =>
	new Promise( ( resolve ) => {
		const host = document.createElement( 'div' );
		document.body.appendChild( host );
		const start = performance.now();
		createRoot( host ).render( createElement( GraphView, { graph } ) );
		const poll = () => {
			if ( host.querySelector( '.rlg-graph__node' ) ) {
				resolve( performance.now() - start );
			} else {
				window.requestAnimationFrame( poll );
			}
		};
		window.requestAnimationFrame( poll );
	} );
