/**
 * The report's graph layout in slices (src/admin/backlinks/graph-layout.ts):
 * the same positions as the ticks run in one go, never a slice longer than
 * asked, and a cancelled layout stops.
 */
import { buildBacklinkOverview } from '../../src/core/backlink-import/overview';
import {
	TICKS,
	layoutAtOnce,
	layoutInSlices,
} from '../../src/admin/backlinks/graph-layout';

const STATUSES = [ 'no-link', 'links-back' ] as const;

/** A full picture: 40 sites of 500 partners, rings and imported links. */
function bigGraph() {
	const partners = Array.from( { length: 500 }, ( _, i ) => ( {
		domain: `p${ i }.test`,
		ourPosts: 1,
		ourLinks: 1,
		status: STATUSES[ i % 2 ],
	} ) );
	return buildBacklinkOverview( {
		us: 'our.test',
		partners,
		referrers: partners.map( ( p, i ) => ( {
			owner: '',
			domain: i % 3 === 0 ? p.domain : `r${ i }.test`,
			links: 1,
			samplePage: null,
			sampleAnchor: null,
			allQualified: false,
			formats: [ 'gsc' ],
		} ) ),
		partnerLinks: partners.map( ( p, i ) => ( {
			partner: p.domain,
			domain: `r${ i + 1 }.test`,
			pageUrl: null,
		} ) ),
		rings: Array.from( { length: 20 }, ( _, i ) => [
			'our.test',
			`p${ i }.test`,
			`r${ i * 3 + 1 }.test`,
			'our.test',
		] ),
	} ).graph;
}

describe( 'graph layout in slices', () => {
	it( 'gives the positions of the ticks run at once, yielding between slices', async () => {
		const graph = bigGraph();
		expect( graph.nodes ).toHaveLength( 41 );
		// A clock that moves 1 ms per reading: a slice of 5 ms is a few ticks.
		let clock = 0;
		let yields = 0;
		const sliced = await layoutInSlices( graph, {
			sliceMs: 5,
			now: () => clock++,
			yieldSlice: async () => {
				yields++;
			},
		} );
		expect( sliced ).toEqual( layoutAtOnce( graph ) );
		// Each slice reads the clock once to start and once per tick.
		expect( yields ).toBeGreaterThanOrEqual( TICKS / 5 - 1 );
		expect( [ ...sliced!.values() ].every( ( p ) => p.x >= 60 ) ).toBe(
			true
		);
	} );

	it( 'stops when cancelled', async () => {
		let slices = 0;
		const result = await layoutInSlices( bigGraph(), {
			sliceMs: 0,
			cancelled: () => slices >= 3,
			yieldSlice: async () => {
				slices++;
			},
		} );
		expect( result ).toBeNull();
		expect( slices ).toBe( 3 );
	} );
} );
