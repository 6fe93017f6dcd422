/**
 * Reciprocity from both directions, Link Intersect and the graph view
 * (src/core/backlink-import/overview.ts): each list holds exactly the
 * sites it should, and stays empty on a clean neighbourhood.
 */
import {
	MAX_GRAPH_NODES,
	buildBacklinkOverview,
} from '../../src/core/backlink-import';
import type {
	OurPartnerInput,
	ReferrerInput,
} from '../../src/core/backlink-import';

const US = 'moestuinier.test';

function referrer(
	owner: string,
	domain: string,
	patch: Partial< ReferrerInput > = {}
): ReferrerInput {
	return {
		owner,
		domain,
		links: 1,
		samplePage: `https://${ domain }/page`,
		sampleAnchor: null,
		allQualified: false,
		formats: [ 'ahrefs' ],
		...patch,
	};
}

function partner(
	domain: string,
	status: OurPartnerInput[ 'status' ] = 'no-link',
	ourLinks = 1
): OurPartnerInput {
	return { domain, ourPosts: 1, ourLinks, status };
}

describe( 'backlink overview', () => {
	it( 'lists sites that link to us and that we link to, followed links first', () => {
		const overview = buildBacklinkOverview( {
			us: US,
			referrers: [
				referrer( '', 'zaadwinkel.test', { links: 12 } ),
				referrer( '', 'tuinhulp.test', {
					allQualified: true,
					links: 40,
				} ),
				referrer( '', 'onbekend.test' ),
			],
			partners: [
				partner( 'tuinhulp.test', 'links-back' ),
				// Their link is in the export, the check did not see it.
				partner( 'zaadwinkel.test', 'no-link' ),
				partner( 'tuincentrum.test', 'no-link' ),
			],
		} );
		expect( overview.referringDomains ).toBe( 3 );
		expect( overview.bothWays.rows.map( ( r ) => r.domain ) ).toEqual( [
			'zaadwinkel.test',
			'tuinhulp.test',
		] );
		expect( overview.bothWays.rows[ 0 ] ).toMatchObject( {
			links: 12,
			status: 'no-link',
			ourLinks: 1,
		} );
		expect( overview.throughPartner.total ).toBe( 0 );
	} );

	it( 'finds who links to us through a partner: us → partner → site → us', () => {
		const overview = buildBacklinkOverview( {
			us: US,
			referrers: [
				referrer( '', 'derde.test' ),
				referrer( '', 'los.test' ),
			],
			partners: [ partner( 'kasplanten.test', 'no-link' ) ],
			partnerLinks: [
				{
					partner: 'kasplanten.test',
					domain: 'derde.test',
					pageUrl: 'https://kasplanten.test/links',
				},
				// The same chain again, from another page: listed once.
				{
					partner: 'kasplanten.test',
					domain: 'derde.test',
					pageUrl: null,
				},
				// A partner linking to a site that does not link to us.
				{
					partner: 'kasplanten.test',
					domain: 'niemand.test',
					pageUrl: null,
				},
				// A site we do not link to is no partner of ours.
				{ partner: 'vreemd.test', domain: 'los.test', pageUrl: null },
			],
		} );
		expect( overview.throughPartner.rows ).toEqual( [
			{
				domain: 'derde.test',
				samplePage: 'https://derde.test/page',
				partner: 'kasplanten.test',
				partnerPage: 'https://kasplanten.test/links',
				partnerStatus: 'no-link',
			},
		] );
		expect( overview.graph.edges ).toEqual(
			expect.arrayContaining( [
				{ from: US, to: 'kasplanten.test', source: 'our-link' },
				{
					from: 'kasplanten.test',
					to: 'derde.test',
					source: 'partner-page',
				},
				{ from: 'derde.test', to: US, source: 'imported' },
			] )
		);
	} );

	it( 'intersects competitor exports with ours and with whom we link to', () => {
		const overview = buildBacklinkOverview( {
			us: US,
			referrers: [
				referrer( '', 'gedeeld.test' ),
				referrer( 'rival-a.test', 'gedeeld.test' ),
				referrer( 'rival-b.test', 'gedeeld.test' ),
				referrer( 'rival-a.test', 'kans.test' ),
				referrer( 'rival-b.test', 'kans.test' ),
				referrer( 'rival-a.test', 'alleen-a.test' ),
				referrer( 'rival-b.test', 'relatie.test' ),
				referrer( 'rival-a.test', 'relatie.test' ),
			],
			partners: [ partner( 'relatie.test', 'no-link' ) ],
		} );
		expect( overview.competitors ).toEqual( [
			'rival-a.test',
			'rival-b.test',
		] );
		expect( overview.shared.rows ).toEqual( [
			{
				domain: 'gedeeld.test',
				competitors: [ 'rival-a.test', 'rival-b.test' ],
				linksToUs: true,
				weLinkToThem: false,
				status: null,
			},
		] );
		// Linked by both competitors, not by us; one we already link to first.
		expect( overview.gap.rows.map( ( r ) => r.domain ) ).toEqual( [
			'relatie.test',
			'kans.test',
		] );
		expect( overview.gap.rows[ 0 ].weLinkToThem ).toBe( true );
	} );

	it( 'stays silent on a clean neighbourhood', () => {
		const overview = buildBacklinkOverview( {
			us: US,
			referrers: [
				referrer( '', 'fan.test' ),
				referrer( '', 'nieuws.test' ),
			],
			partners: [ partner( 'wikipedia.test', 'no-link' ) ],
			partnerLinks: [
				{
					partner: 'wikipedia.test',
					domain: 'elders.test',
					pageUrl: null,
				},
			],
		} );
		expect( overview.bothWays.total ).toBe( 0 );
		expect( overview.throughPartner.total ).toBe( 0 );
		expect( overview.shared.total + overview.gap.total ).toBe( 0 );
		expect( overview.graph.nodes ).toEqual( [
			{ id: US, kind: 'us', roles: [] },
		] );
	} );

	it( 'draws rings and networks the graph rules found, and keeps the picture small', () => {
		const many = Array.from( { length: 60 }, ( _, index ) =>
			partner(
				`p${ String( index ).padStart( 2, '0' ) }.test`,
				'links-back'
			)
		);
		const overview = buildBacklinkOverview( {
			us: US,
			referrers: [],
			partners: [ partner( 'b.test' ), ...many ],
			rings: [ [ US, 'b.test', 'c.test', US ] ],
			networks: [ [ 'p58.test', 'p59.test' ] ],
		} );
		expect( overview.graph.nodes ).toHaveLength( MAX_GRAPH_NODES + 1 );
		expect( overview.graph.omitted ).toBe( 62 - MAX_GRAPH_NODES );
		const ids = overview.graph.nodes.map( ( node ) => node.id );
		// Part of a ring or a network: kept before plain partners.
		expect( ids ).toEqual(
			expect.arrayContaining( [
				'b.test',
				'c.test',
				'p58.test',
				'p59.test',
			] )
		);
		expect(
			overview.graph.nodes.find( ( node ) => node.id === 'c.test' )
		).toEqual( { id: 'c.test', kind: 'linker', roles: [ 'ring' ] } );
		expect( overview.graph.edges ).toEqual(
			expect.arrayContaining( [
				{ from: 'b.test', to: 'c.test', source: 'ring' },
				{ from: 'c.test', to: US, source: 'ring' },
			] )
		);
	} );
} );
