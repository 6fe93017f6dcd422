/**
 * The partner graph analysed (issue 19) on the fixture webs: each pattern
 * is found where it is, with the chain of pages, and nothing is found in
 * the clean neighbourhood.
 */
import { analyzePartnerGraph } from '../../../src/core/graph/analyze';
import {
	BARE_WEB,
	CLEAN_WEB,
	FOOTPRINT_WEB,
	NETWORK_WEB,
	RING_WEB,
	partnerPagesOf,
	type GraphWeb,
} from '../../helpers/graph-webs';

const US = 'our.test';

function analyse( ...webs: GraphWeb[] ) {
	return analyzePartnerGraph( {
		us: [ US, 'old-our.test' ],
		pages: webs.flatMap( ( web ) => partnerPagesOf( web ) ),
	} );
}

describe( 'analyzePartnerGraph', () => {
	it( 'finds nothing in the clean neighbourhood', () => {
		const graph = analyse( CLEAN_WEB, BARE_WEB );
		expect( graph.rings ).toEqual( [] );
		expect( graph.networks ).toEqual( [] );
		expect( graph.footprints ).toEqual( [] );
		expect( graph.byPartner.size ).toBe( 0 );
		expect( graph.partners ).toContain( 'clean-d.test' );
	} );

	it( 'finds the rings through us, with the page of each hop', () => {
		const graph = analyse( RING_WEB, CLEAN_WEB );
		expect(
			graph.rings.map( ( ring ) => [ ring.sites, ring.confidence ] )
		).toEqual( [
			[ [ US, 'ring-b.test', 'ring-c.test', US ], 'medium' ],
			[ [ US, 'ring-d.test', 'ring-e.test', 'ring-c.test', US ], 'low' ],
			[ [ US, 'ring-e.test', 'ring-c.test', US ], 'medium' ],
		] );
		expect( graph.byPartner.get( 'ring-b.test' )?.rings[ 0 ].hops ).toEqual(
			[
				{
					from: US,
					to: 'ring-b.test',
					pageUrl: 'https://ring-b.test/article/growing-notes',
					source: 'our-link',
				},
				{
					from: 'ring-b.test',
					to: 'ring-c.test',
					pageUrl: 'https://ring-b.test/article/growing-notes',
					source: 'partner-page',
				},
				{
					from: 'ring-c.test',
					to: US,
					pageUrl: 'https://ring-c.test/article/growing-notes',
					source: 'partner-page',
				},
			]
		);
		// ring-c links back itself: the pair is judged, it starts no ring.
		expect( graph.byPartner.has( 'ring-c.test' ) ).toBe( false );
	} );

	it( 'closes a ring with an imported backlink, at low confidence', () => {
		const graph = analyzePartnerGraph( {
			us: [ US ],
			pages: partnerPagesOf( {
				'b.test': {
					ours: true,
					linksToUs: false,
					outbound: [ 'c.test' ],
				},
			} ),
			linksToUs: [
				{
					domain: 'c.test',
					pageUrl: null,
					source: 'imported',
					via: 'ahrefs',
				},
			],
		} );
		expect( graph.rings ).toEqual( [
			expect.objectContaining( {
				sites: [ US, 'b.test', 'c.test', US ],
				confidence: 'low',
			} ),
		] );
		expect( graph.rings[ 0 ].hops[ 2 ] ).toEqual( {
			from: 'c.test',
			to: US,
			pageUrl: null,
			source: 'imported',
		} );
	} );

	it( 'runs no ring through a site everybody links to', () => {
		const graph = analyzePartnerGraph( {
			us: [ US ],
			pages: partnerPagesOf( {
				'b.test': {
					ours: true,
					linksToUs: false,
					outbound: [ 'wikipedia.org' ],
				},
			} ),
			linksToUs: [
				{ domain: 'wikipedia.org', pageUrl: null, source: 'imported' },
			],
		} );
		expect( graph.rings ).toEqual( [] );
	} );

	it( 'finds the network of partners linking to each other and to us', () => {
		const graph = analyse( NETWORK_WEB, CLEAN_WEB );
		expect( graph.networks ).toEqual( [
			expect.objectContaining( {
				members: [ 'net-a.test', 'net-b.test', 'net-c.test' ],
				memberCount: 3,
				edgeCount: 3,
				confidence: 'medium',
			} ),
		] );
		expect(
			graph.networks[ 0 ].hops.map(
				( hop ) => `${ hop.from }>${ hop.to }`
			)
		).toEqual( [
			'net-a.test>net-b.test',
			'net-b.test>net-c.test',
			'net-c.test>net-a.test',
		] );
		expect( graph.byPartner.get( 'net-b.test' )?.network ).toBe(
			graph.networks[ 0 ]
		);
		// Two partners linking to each other are no network yet.
		const pair = analyse( {
			'net-a.test': NETWORK_WEB[ 'net-a.test' ],
			'net-b.test': { ...NETWORK_WEB[ 'net-b.test' ], outbound: [] },
		} );
		expect( pair.networks ).toEqual( [] );
	} );

	it( 'finds the shared footprint, not the platforms everybody links to', () => {
		const graph = analyse( FOOTPRINT_WEB, CLEAN_WEB );
		expect( graph.footprints ).toEqual( [
			expect.objectContaining( {
				members: [ 'fp-a.test', 'fp-b.test', 'fp-c.test', 'fp-d.test' ],
				memberCount: 4,
				shared: [
					'dir-four.test',
					'dir-one.test',
					'dir-three.test',
					'dir-two.test',
				],
				sharedCount: 4,
				confidence: 'medium',
			} ),
		] );
		expect( graph.footprints[ 0 ].pages[ 0 ] ).toBe(
			'https://fp-a.test/article/growing-notes'
		);
		// The clean partners share the platforms and one topical site.
		expect( graph.byPartner.has( 'clean-a.test' ) ).toBe( false );
	} );

	it( 'counts our aliases as us and keeps its output bounded', () => {
		const pages = partnerPagesOf( {
			'b.test': { ours: true, linksToUs: false, outbound: [ 'c.test' ] },
			'c.test': { ours: true, linksToUs: false, outbound: [] },
		} );
		// c.test links to our old domain: that is a link to us.
		pages[ 1 ].outbound.push( {
			domain: 'old-our.test',
			links: 1,
			sample: 'https://old-our.test/',
		} );
		pages[ 1 ].linksToUs = 1;
		expect(
			analyzePartnerGraph( { us: [ US, 'old-our.test' ], pages } ).rings
		).toHaveLength( 1 );
	} );
} );
