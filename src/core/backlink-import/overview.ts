/**
 * What imported backlinks say next to what the scan knows (issue 19):
 *
 * - **both ways**: a site links to us (an export says so) and we link to it
 *   somewhere on our site (the scan's outbound links), whether or not the
 *   partner check found their link: a reciprocal relationship that may
 *   have started from their side;
 * - **through a partner**: a site links to us, and a partner of ours (a
 *   site we link to) links to that site: us → partner → site → us, the
 *   three-way exchange no pairwise check sees;
 * - **Link Intersect**: sites linking to the competitors whose exports were
 *   imported, with whether they link to us too and whether we already
 *   have a relationship with them (we link to them);
 * - **graph**: a small picture of us, our partners and those sites.
 *
 * Pure: the service reads the store and passes plain lists in.
 */
import { z } from 'zod';
import { BacklinkStatusSchema } from '../schemas';
import type { BacklinkStatus } from '../schemas';

/** Rows of each list kept; the totals say how many there were. */
export const MAX_OVERVIEW_ROWS = 200;
/** Nodes of the graph view at most (besides us): readable at a glance. */
export const MAX_GRAPH_NODES = 40;

const domain = z.string().max( 260 );
const url = z.string().max( 2048 ).nullable();

export const BothWaysRowSchema = z.object( {
	domain,
	/** Imported links from it to us. */
	links: z.number().int(),
	samplePage: url,
	sampleAnchor: z.string().max( 300 ).nullable(),
	/** Every imported link from it is nofollow/ugc/sponsored. */
	allQualified: z.boolean(),
	formats: z.array( z.string() ),
	/** Our posts and links to it (the scan). */
	ourPosts: z.number().int(),
	ourLinks: z.number().int(),
	/** The partner check's latest status (null: not checked yet). */
	status: BacklinkStatusSchema.nullable(),
} );
export type BothWaysRow = z.infer< typeof BothWaysRowSchema >;

export const ThroughPartnerRowSchema = z.object( {
	/** The site linking to us. */
	domain,
	/** Its page that links to us (from the export), when known. */
	samplePage: url,
	/** The partner of ours that links to it. */
	partner: domain,
	/** The partner's page holding that link. */
	partnerPage: url,
	/** The partner check's status of that partner. */
	partnerStatus: BacklinkStatusSchema.nullable(),
} );
export type ThroughPartnerRow = z.infer< typeof ThroughPartnerRowSchema >;

export const IntersectRowSchema = z.object( {
	domain,
	/** The competitors it links to, sorted. */
	competitors: z.array( domain ),
	/** It links to us too (an import of ours lists it). */
	linksToUs: z.boolean(),
	/** We link to it somewhere (the scan): a relationship we already have. */
	weLinkToThem: z.boolean(),
	status: BacklinkStatusSchema.nullable(),
} );
export type IntersectRow = z.infer< typeof IntersectRowSchema >;

export const GraphNodeSchema = z.object( {
	id: domain,
	kind: z.enum( [ 'us', 'partner', 'linker' ] ),
	/** What the node is part of, for the list alternative and colours. */
	roles: z.array(
		z.enum( [
			'links-back',
			'both-ways',
			'through-partner',
			'ring',
			'network',
		] )
	),
} );
export type GraphNode = z.infer< typeof GraphNodeSchema >;

export const GraphEdgeSchema = z.object( {
	from: domain,
	to: domain,
	/** Where the edge is known from. */
	source: z.enum( [
		'our-link',
		'partner-check',
		'imported',
		'partner-page',
		'ring',
	] ),
} );
export type GraphEdge = z.infer< typeof GraphEdgeSchema >;

const listOf = < T extends z.ZodTypeAny >( row: T ) =>
	z.object( {
		rows: z.array( row ).max( MAX_OVERVIEW_ROWS ),
		total: z.number().int(),
	} );

export const BacklinkOverviewSchema = z.object( {
	/** Linking sites in our own imports. */
	referringDomains: z.number().int(),
	/** Competitors with an imported export, sorted. */
	competitors: z.array( domain ),
	bothWays: listOf( BothWaysRowSchema ),
	throughPartner: listOf( ThroughPartnerRowSchema ),
	/** Sites linking to a competitor and to us. */
	shared: listOf( IntersectRowSchema ),
	/** Sites linking to a competitor (two or more when there are) but not to us. */
	gap: listOf( IntersectRowSchema ),
	graph: z.object( {
		nodes: z.array( GraphNodeSchema ),
		edges: z.array( GraphEdgeSchema ),
		/** Nodes left out to keep the picture readable. */
		omitted: z.number().int(),
	} ),
} );
export type BacklinkOverview = z.infer< typeof BacklinkOverviewSchema >;

/** A linking site of an import (the store's ReferringDomain, as core needs it). */
export interface ReferrerInput {
	/** `''` for our own imports, else the competitor's siteKey. */
	owner: string;
	domain: string;
	links: number;
	samplePage: string | null;
	sampleAnchor: string | null;
	allQualified: boolean;
	formats: string[];
}

/** A site we link to (a row of the scan's partner table). */
export interface OurPartnerInput {
	domain: string;
	ourPosts: number;
	ourLinks: number;
	status: BacklinkStatus | null;
}

/** A partner page of ours linking to another site (the partner graph). */
export interface PartnerLinkInput {
	partner: string;
	domain: string;
	pageUrl: string | null;
}

export interface OverviewInput {
	/** Our node id (our siteKey). */
	us: string;
	referrers: readonly ReferrerInput[];
	partners: readonly OurPartnerInput[];
	/** Empty until the partner graph has read partner pages. */
	partnerLinks?: readonly PartnerLinkInput[];
	/** Rings the graph rules found: the sites in order, from us back to us. */
	rings?: readonly ( readonly string[] )[];
	/** Networks the graph rules found: their member sites. */
	networks?: readonly ( readonly string[] )[];
}

function bounded< T >( rows: T[] ): { rows: T[]; total: number } {
	return { rows: rows.slice( 0, MAX_OVERVIEW_ROWS ), total: rows.length };
}

/** The lists and the picture; every list sorted so a person finds the worst first. */
export function buildBacklinkOverview(
	input: OverviewInput
): BacklinkOverview {
	const partners = new Map( input.partners.map( ( p ) => [ p.domain, p ] ) );
	const ours = new Map< string, ReferrerInput >();
	const byCompetitor = new Map< string, Set< string > >();
	for ( const referrer of input.referrers ) {
		if ( referrer.owner === '' ) {
			ours.set( referrer.domain, referrer );
		} else {
			const set = byCompetitor.get( referrer.domain ) ?? new Set();
			set.add( referrer.owner );
			byCompetitor.set( referrer.domain, set );
		}
	}
	const competitors = [
		...new Set(
			input.referrers
				.filter( ( r ) => r.owner !== '' )
				.map( ( r ) => r.owner )
		),
	].sort();

	const bothWays: BothWaysRow[] = [];
	for ( const referrer of ours.values() ) {
		const partner = partners.get( referrer.domain );
		if ( partner ) {
			bothWays.push( {
				domain: referrer.domain,
				links: referrer.links,
				samplePage: referrer.samplePage,
				sampleAnchor: referrer.sampleAnchor,
				allQualified: referrer.allQualified,
				formats: referrer.formats,
				ourPosts: partner.ourPosts,
				ourLinks: partner.ourLinks,
				status: partner.status,
			} );
		}
	}
	// Followed links both ways first, then the most-linked.
	bothWays.sort(
		( a, b ) =>
			Number( a.allQualified ) - Number( b.allQualified ) ||
			b.links + b.ourLinks - ( a.links + a.ourLinks ) ||
			a.domain.localeCompare( b.domain )
	);

	const throughPartner: ThroughPartnerRow[] = [];
	const seenChain = new Set< string >();
	for ( const link of input.partnerLinks ?? [] ) {
		const referrer = ours.get( link.domain );
		const key = `${ link.partner } ${ link.domain }`;
		if (
			! referrer ||
			link.domain === input.us ||
			link.partner === link.domain ||
			! partners.has( link.partner ) ||
			seenChain.has( key )
		) {
			continue;
		}
		seenChain.add( key );
		throughPartner.push( {
			domain: link.domain,
			samplePage: referrer.samplePage,
			partner: link.partner,
			partnerPage: link.pageUrl,
			partnerStatus: partners.get( link.partner )?.status ?? null,
		} );
	}
	throughPartner.sort(
		( a, b ) =>
			a.domain.localeCompare( b.domain ) ||
			a.partner.localeCompare( b.partner )
	);

	const shared: IntersectRow[] = [];
	const gap: IntersectRow[] = [];
	const gapMin = Math.min( 2, competitors.length );
	for ( const [ site, owners ] of byCompetitor ) {
		const partner = partners.get( site );
		const row: IntersectRow = {
			domain: site,
			competitors: [ ...owners ].sort(),
			linksToUs: ours.has( site ),
			weLinkToThem: partner !== undefined,
			status: partner?.status ?? null,
		};
		if ( row.linksToUs ) {
			shared.push( row );
		} else if ( owners.size >= gapMin ) {
			gap.push( row );
		}
	}
	const intersectOrder = ( a: IntersectRow, b: IntersectRow ) =>
		b.competitors.length - a.competitors.length ||
		Number( b.weLinkToThem ) - Number( a.weLinkToThem ) ||
		a.domain.localeCompare( b.domain );
	shared.sort( intersectOrder );
	gap.sort( intersectOrder );

	return {
		referringDomains: ours.size,
		competitors,
		bothWays: bounded( bothWays ),
		throughPartner: bounded( throughPartner ),
		shared: bounded( shared ),
		gap: bounded( gap ),
		graph: graphView( input, partners, bothWays, throughPartner ),
	};
}

const ROLE_WEIGHT: Record< GraphNode[ 'roles' ][ number ], number > = {
	ring: 16,
	network: 8,
	'through-partner': 4,
	'both-ways': 2,
	'links-back': 1,
};

/**
 * Us, the partners that link back or are part of a relationship found
 * here, and the sites linking to us through a partner, with the edges that
 * show how: at most MAX_GRAPH_NODES, the most involved first.
 */
function graphView(
	input: OverviewInput,
	partners: Map< string, OurPartnerInput >,
	bothWays: BothWaysRow[],
	throughPartner: ThroughPartnerRow[]
): BacklinkOverview[ 'graph' ] {
	const roles = new Map< string, Set< GraphNode[ 'roles' ][ number ] > >();
	const kinds = new Map< string, GraphNode[ 'kind' ] >();
	const add = (
		id: string,
		kind: GraphNode[ 'kind' ],
		role: GraphNode[ 'roles' ][ number ]
	) => {
		if ( kinds.get( id ) !== 'partner' ) {
			kinds.set( id, kind );
		}
		const set = roles.get( id ) ?? new Set();
		set.add( role );
		roles.set( id, set );
	};
	for ( const partner of input.partners ) {
		if ( partner.status === 'links-back' ) {
			add( partner.domain, 'partner', 'links-back' );
		}
	}
	for ( const row of bothWays ) {
		add( row.domain, 'partner', 'both-ways' );
	}
	for ( const row of throughPartner ) {
		add( row.partner, 'partner', 'through-partner' );
		add( row.domain, 'linker', 'through-partner' );
	}
	for ( const ring of input.rings ?? [] ) {
		for ( const site of ring ) {
			if ( site !== input.us ) {
				add(
					site,
					partners.has( site ) ? 'partner' : 'linker',
					'ring'
				);
			}
		}
	}
	for ( const network of input.networks ?? [] ) {
		for ( const site of network ) {
			if ( site !== input.us ) {
				add( site, 'partner', 'network' );
			}
		}
	}
	// The most telling first: a ring or a network before a relationship
	// found here, before a partner that merely links back.
	const weight = ( id: string ) =>
		[ ...( roles.get( id ) ?? [] ) ].reduce(
			( sum, role ) => sum + ROLE_WEIGHT[ role ],
			0
		);
	const ranked = [ ...roles.keys() ].sort(
		( a, b ) => weight( b ) - weight( a ) || a.localeCompare( b )
	);
	const kept = new Set( ranked.slice( 0, MAX_GRAPH_NODES ) );
	const nodes: GraphNode[] = [
		{ id: input.us, kind: 'us', roles: [] },
		...[ ...kept ].sort().map( ( id ) => ( {
			id,
			kind: kinds.get( id ) ?? 'linker',
			roles: [ ...( roles.get( id ) ?? [] ) ].sort(),
		} ) ),
	];
	const edges: GraphEdge[] = [];
	const edgeKeys = new Set< string >();
	const edge = (
		from: string,
		to: string,
		source: GraphEdge[ 'source' ]
	) => {
		const key = `${ from } ${ to } ${ source }`;
		if (
			( from === input.us || kept.has( from ) ) &&
			( to === input.us || kept.has( to ) ) &&
			! edgeKeys.has( key )
		) {
			edgeKeys.add( key );
			edges.push( { from, to, source } );
		}
	};
	for ( const partner of input.partners ) {
		if ( kept.has( partner.domain ) ) {
			edge( input.us, partner.domain, 'our-link' );
			if ( partner.status === 'links-back' ) {
				edge( partner.domain, input.us, 'partner-check' );
			}
		}
	}
	for ( const row of bothWays ) {
		edge( row.domain, input.us, 'imported' );
	}
	for ( const row of throughPartner ) {
		edge( row.partner, row.domain, 'partner-page' );
		edge( row.domain, input.us, 'imported' );
	}
	for ( const ring of input.rings ?? [] ) {
		for ( let index = 0; index + 1 < ring.length; index++ ) {
			edge( ring[ index ], ring[ index + 1 ], 'ring' );
		}
	}
	return { nodes, edges, omitted: ranked.length - kept.size };
}
