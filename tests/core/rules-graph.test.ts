/**
 * The graph and link rules of issue 19 through evaluatePost: each fires on
 * the facts of its pattern, with evidence and a sensible severity, and is
 * silent on a clean exchange.
 */
import { analyzePartnerGraph } from '../../src/core/graph/analyze';
import type {
	PartnerGraphFacts,
	PartnerPage,
} from '../../src/core/graph/schemas';
import { findingEvidence } from '../../src/core/graph/evidence';
import type { Finding, FindingCode } from '../../src/core/findings';
import { evaluatePost } from '../../src/core/rules';
import type { BacklinkResult } from '../../src/core/schemas';
import {
	FOOTPRINT_WEB,
	NETWORK_WEB,
	RING_WEB,
	partnerPagesOf,
} from '../helpers/graph-webs';
import { SETTINGS, ourLink, post, reciprocal, result } from './fixtures/rules';

const GRAPH_CODES: FindingCode[] = [
	'link-ring',
	'partner-network',
	'shared-footprint',
	'link-context',
	'weak-destination',
];

function graphFindings( input: Parameters< typeof evaluatePost >[ 0 ] ) {
	return evaluatePost( input, SETTINGS ).filter( ( f ) =>
		GRAPH_CODES.includes( f.code )
	);
}

/** What the fixture web's graph says about one of its partners. */
function factsFor(
	web: Parameters< typeof partnerPagesOf >[ 0 ],
	partner: string
): PartnerGraphFacts {
	const facts = analyzePartnerGraph( {
		us: [ 'hardloopblog.nl' ],
		pages: partnerPagesOf( web ),
	} ).byPartner.get( partner );
	expect( facts ).toBeDefined();
	return facts!;
}

function withGraph(
	r: BacklinkResult,
	graph: PartnerGraphFacts
): BacklinkResult {
	return { ...r, graph };
}

describe( 'link-ring', () => {
	it( 'warns on our link to the partner that starts a ring, with the chain', () => {
		const link = ourLink();
		const r = withGraph(
			result( link.href, [] ),
			factsFor( RING_WEB, 'ring-b.test' )
		);
		const findings = graphFindings( post( [ link ], [ r ] ) );
		expect( findings ).toEqual( [
			{
				code: 'link-ring',
				severity: 'warning',
				linkUrl: link.href,
				params: {
					partner: 'stride-runstore.com',
					confidence: 'medium',
					sites: [
						'hardloopblog.nl',
						'ring-b.test',
						'ring-c.test',
						'hardloopblog.nl',
					],
					pages: [
						'https://ring-b.test/article/growing-notes',
						'https://ring-b.test/article/growing-notes',
						'https://ring-c.test/article/growing-notes',
					],
					sources: [ 'our-link', 'partner-page', 'partner-page' ],
					lastSeen: [ '', '', '' ],
					staleHops: [],
					rings: 1,
				},
			},
		] );
	} );

	it( 'says when an export last saw an imported hop, and ranks a ring on one seen over 12 months ago below a fresh one', () => {
		const now = new Date( '2026-12-07T12:00:00.000Z' );
		const bPage: PartnerPage = {
			pageUrl: 'https://b.test/post',
			domain: 'b.test',
			foundOn: 'target-page',
			target: 'https://b.test/post',
			readAt: '2026-12-01T00:00:00.000Z',
			linksToUs: 0,
			outbound: [
				{ domain: 'c.test', links: 1, sample: 'https://c.test/' },
				{ domain: 'd.test', links: 1, sample: 'https://d.test/' },
			],
			outboundTotal: 2,
		};
		const imported = ( domain: string, lastSeen: string ) => ( {
			domain,
			pageUrl: `https://${ domain }/links`,
			source: 'imported' as const,
			via: 'ahrefs',
			lastSeen,
		} );
		const both = analyzePartnerGraph( {
			us: [ 'hardloopblog.nl' ],
			pages: [ bPage ],
			linksToUs: [
				imported( 'c.test', '2025-12-06' ),
				imported( 'd.test', '2025-12-08' ),
			],
			now,
		} ).byPartner.get( 'b.test' )!;
		// d.test's link was seen 11 months and 30 days ago, c.test's a day
		// more than 12 months: c's ring counts less, though it sorts first
		// by name.
		expect( both.rings.map( ( ring ) => ring.sites[ 2 ] ) ).toEqual( [
			'd.test',
			'c.test',
		] );
		expect( both.rings.map( ( ring ) => ring.hops[ 2 ] ) ).toEqual( [
			expect.objectContaining( { lastSeen: '2025-12-08', stale: false } ),
			expect.objectContaining( { lastSeen: '2025-12-06', stale: true } ),
		] );

		const link = ourLink( { href: 'https://b.test/post' } );
		const [ finding ] = graphFindings(
			post(
				[ link ],
				[
					withGraph( result( link.href, [] ), {
						...both,
						rings: [ both.rings[ 1 ] ],
					} ),
				]
			)
		);
		expect( finding.params ).toMatchObject( {
			confidence: 'low',
			lastSeen: [ '', '', '2025-12-06' ],
			staleHops: [ 'c.test → hardloopblog.nl' ],
		} );
		expect( findingEvidence( finding ) ).toContain(
			'last seen: c.test → hardloopblog.nl 2025-12-06 (over 12 months ago: the link may be gone)'
		);
	} );

	it( 'is only info for a ring of four sites', () => {
		const link = ourLink();
		const r = withGraph(
			result( link.href, [] ),
			factsFor( RING_WEB, 'ring-d.test' )
		);
		expect( graphFindings( post( [ link ], [ r ] ) ) ).toEqual( [
			expect.objectContaining( {
				code: 'link-ring',
				severity: 'info',
				params: expect.objectContaining( { confidence: 'low' } ),
			} ),
		] );
	} );
} );

describe( 'partner-network and shared-footprint', () => {
	it( 'warn on a partner of a network, naming the group and its links', () => {
		const { link, result: r } = reciprocal();
		const findings = graphFindings(
			post(
				[ link ],
				[ withGraph( r, factsFor( NETWORK_WEB, 'net-a.test' ) ) ]
			)
		);
		expect( findings ).toEqual( [
			expect.objectContaining( {
				code: 'partner-network',
				severity: 'warning',
				params: expect.objectContaining( {
					members: [ 'net-a.test', 'net-b.test', 'net-c.test' ],
					memberCount: 3,
					links: [
						'net-a.test → net-b.test',
						'net-b.test → net-c.test',
						'net-c.test → net-a.test',
					],
					confidence: 'medium',
				} ),
			} ),
		] );
	} );

	it( 'warn on a partner of a footprint, naming the shared sites', () => {
		const { link, result: r } = reciprocal();
		const findings = graphFindings(
			post(
				[ link ],
				[ withGraph( r, factsFor( FOOTPRINT_WEB, 'fp-b.test' ) ) ]
			)
		);
		expect( findings ).toEqual( [
			expect.objectContaining( {
				code: 'shared-footprint',
				severity: 'warning',
				params: expect.objectContaining( {
					memberCount: 4,
					sharedCount: 4,
					shared: expect.arrayContaining( [ 'dir-one.test' ] ),
				} ),
			} ),
		] );
	} );

	it( 'are silent without graph facts, and on a second link to the same partner', () => {
		const { link, result: r } = reciprocal();
		expect( graphFindings( post( [ link ], [ r ] ) ) ).toEqual( [] );
		const again = { ...link, position: 0.9 };
		expect(
			graphFindings(
				post(
					[ link, again ],
					[ withGraph( r, factsFor( NETWORK_WEB, 'net-a.test' ) ) ]
				)
			)
		).toHaveLength( 1 );
	} );
} );

describe( 'link-context', () => {
	function exchange( ours?: number, theirs?: number, placement = 'content' ) {
		const { link, result: r } = reciprocal(
			ours === undefined ? {} : { contextChars: ours },
			{
				...( theirs === undefined ? {} : { contextChars: theirs } ),
				placement: placement as 'content',
			}
		);
		return graphFindings( post( [ link ], [ r ] ) ).filter(
			( f: Finding ) => f.code === 'link-context'
		);
	}

	it( 'warns when both links stand alone, informs when one does', () => {
		expect( exchange( 0, 3 ) ).toEqual( [
			expect.objectContaining( {
				severity: 'warning',
				params: expect.objectContaining( {
					side: 'both',
					ourContext: 0,
					theirContext: 3,
				} ),
			} ),
		] );
		expect( exchange( 400, 0 ) ).toEqual( [
			expect.objectContaining( {
				severity: 'info',
				params: expect.objectContaining( { side: 'theirs' } ),
			} ),
		] );
		expect( exchange( 10, 400 ) ).toEqual( [
			expect.objectContaining( {
				severity: 'info',
				params: expect.objectContaining( { side: 'ours' } ),
			} ),
		] );
	} );

	it( 'is silent on links in running text, uncounted context, and their footer links', () => {
		expect( exchange( 400, 250 ) ).toEqual( [] );
		expect( exchange( undefined, undefined ) ).toEqual( [] );
		// A bare footer link is boilerplate-backlink's finding.
		expect( exchange( 400, 0, 'footer' ) ).toEqual( [] );
		// Not an exchange: our bare link to a site that does not link back.
		const bare = ourLink( { contextChars: 0 } );
		expect(
			graphFindings( post( [ bare ], [ result( bare.href, [] ) ] ) )
		).toEqual( [] );
	} );
} );

describe( 'weak-destination', () => {
	function exchange( ourHref?: string, theirHref?: string ) {
		const { link, result: r } = reciprocal(
			ourHref ? { href: ourHref } : {},
			theirHref ? { href: theirHref } : {},
			ourHref ? { target: ourHref } : {}
		);
		return graphFindings( post( [ link ], [ r ] ) ).filter(
			( f ) => f.code === 'weak-destination'
		);
	}

	it( 'warns when both links point at a homepage or pricing page', () => {
		expect(
			exchange(
				'https://www.stride-runstore.com/',
				'https://www.hardloopblog.nl/'
			)
		).toEqual( [
			expect.objectContaining( {
				severity: 'warning',
				params: expect.objectContaining( {
					ours: 'homepage',
					theirs: 'homepage',
				} ),
			} ),
		] );
		expect(
			exchange(
				'https://www.stride-runstore.com/prijzen/',
				'https://www.hardloopblog.nl/'
			)[ 0 ].params
		).toMatchObject( { ours: 'pricing', theirs: 'homepage' } );
	} );

	it( 'informs when one side does, and is silent between articles', () => {
		expect( exchange( 'https://www.stride-runstore.com/pricing' ) ).toEqual(
			[
				expect.objectContaining( {
					severity: 'info',
					params: expect.objectContaining( {
						ours: 'pricing',
						theirs: null,
					} ),
				} ),
			]
		);
		expect( exchange() ).toEqual( [] );
		// "prices" inside a slug is an article about prices.
		expect(
			exchange(
				'https://www.stride-runstore.com/blog/why-shoe-prices-rise'
			)
		).toEqual( [] );
	} );
} );
