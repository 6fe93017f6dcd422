/**
 * The partner graph analysed (issue 19): rings through us, networks of
 * partners that link to each other, shared footprints. Pure: the service
 * loads the pages from its store, the rules read what this returns.
 *
 * The graph: nodes are sites (`siteKey`s), with us as one node whatever
 * URL of ours a link named. Edges:
 * - us → P: a page of P we link to (a partner page read as `target-page`);
 * - X → Y: a page of X we read links to Y (its outbound domains);
 * - X → us: a page of X we read holds links to us (`linksToUs`), or an
 *   imported backlink export says so (`LinkToUs` with source `imported`).
 *
 * Each pattern accuses, so each is drawn narrowly and carries the chain of
 * pages a person can open to check it, and how sure it is.
 */
import { commonDomainSet } from './common-domains';
import { isStaleLastSeen } from './hop-age';
import {
	MAX_FOOTPRINT_DOMAINS,
	MAX_GROUP_MEMBERS,
	MAX_RINGS_PER_PARTNER,
	type Footprint,
	type GraphConfidence,
	type GraphHop,
	type LinkToUsInput,
	type Network,
	type PartnerGraphFacts,
	type PartnerPage,
	type Ring,
} from './schemas';

/** A footprint needs at least this many partners… */
export const FOOTPRINT_MIN_MEMBERS = 3;
/** …that all link to at least this many of the same unrelated sites. */
export const FOOTPRINT_MIN_SHARED = 3;
/** A network needs at least this many partners linking to each other. */
export const NETWORK_MIN_MEMBERS = 3;
/**
 * Sites linked by more partners than this are ubiquitous in this web (a
 * platform missing from the common list), not the trace of a group; it
 * also bounds the pair counting.
 */
const FOOTPRINT_MAX_LINKERS = 200;

export interface PartnerGraphInput {
	/** Our site's keys (`siteKey` of the home URL first, then aliases). */
	us: readonly string[];
	/** The partner pages read for our site (the store's partner graph). */
	pages: readonly PartnerPage[];
	/**
	 * More "X links to us" edges, e.g. from imported backlink exports.
	 * Partner pages with links to us need not be repeated here.
	 */
	linksToUs?: readonly LinkToUsInput[];
	/** Sites everybody links to, besides COMMON_DOMAINS. */
	commonDomains?: readonly string[];
	/** When the analysis is made: the age of imported hops (default now). */
	now?: Date;
}

export interface PartnerGraphAnalysis {
	/** Our node (the first of `us`). */
	us: string;
	/** Partners we link to, sorted. */
	partners: string[];
	rings: Ring[];
	networks: Network[];
	footprints: Footprint[];
	/** What the graph says about each partner we link to (only those with something). */
	byPartner: Map< string, PartnerGraphFacts >;
}

interface Edge {
	pageUrl: string | null;
	source: GraphHop[ 'source' ];
	/** When an export last saw it (imported edges). */
	lastSeen?: string | null;
}

const CONFIDENCE_RANK: Record< GraphConfidence, number > = {
	high: 0,
	medium: 1,
	low: 2,
};

/** Analyse the partner graph of one site. */
export function analyzePartnerGraph(
	input: PartnerGraphInput
): PartnerGraphAnalysis {
	const ourKeys = new Set( input.us.map( ( key ) => key.toLowerCase() ) );
	const us = input.us[ 0 ]?.toLowerCase() ?? '';
	const common = commonDomainSet( input.commonDomains );
	const node = ( domain: string ) => {
		const key = domain.toLowerCase();
		return ourKeys.has( key ) ? us : key;
	};

	/** us → P: the URL of ours' target, i.e. the page of P we link to. */
	const ourLinks = new Map< string, string >();
	/** X → Y (Y not us): the page of X that links to Y. */
	const out = new Map< string, Map< string, Edge > >();
	/** X → us. */
	const toUs = new Map< string, Edge >();
	const toUsFoundOn = new Map< string, PartnerPage[ 'foundOn' ] >();

	// Newest pages first (the store's order): the first edge seen is kept.
	for ( const page of input.pages ) {
		const from = node( page.domain );
		if ( from === us ) {
			continue;
		}
		if ( page.foundOn === 'target-page' && ! ourLinks.has( from ) ) {
			ourLinks.set( from, page.target );
		}
		if ( page.linksToUs > 0 ) {
			// A page we link to is better evidence than their homepage.
			if (
				! toUs.has( from ) ||
				( page.foundOn === 'target-page' &&
					toUsFoundOn.get( from ) === 'homepage' )
			) {
				toUs.set( from, {
					pageUrl: page.pageUrl,
					source: 'partner-page',
				} );
				toUsFoundOn.set( from, page.foundOn );
			}
		}
		let targets = out.get( from );
		if ( ! targets ) {
			targets = new Map();
			out.set( from, targets );
		}
		for ( const outbound of page.outbound ) {
			const to = node( outbound.domain );
			if ( to === from || to === us || targets.has( to ) ) {
				continue;
			}
			targets.set( to, {
				pageUrl: page.pageUrl,
				source: 'partner-page',
			} );
		}
	}
	for ( const link of input.linksToUs ?? [] ) {
		const from = node( link.domain );
		if ( from !== us && ! toUs.has( from ) ) {
			toUs.set( from, {
				pageUrl: link.pageUrl ?? null,
				source:
					link.source === 'imported' ? 'imported' : 'partner-page',
				lastSeen: link.lastSeen ?? null,
			} );
		}
	}

	const partners = [ ...ourLinks.keys() ].sort();
	const byPartner = new Map< string, PartnerGraphFacts >();
	const factsOf = ( partner: string ) => {
		let facts = byPartner.get( partner );
		if ( ! facts ) {
			facts = { rings: [], network: null, footprint: null };
			byPartner.set( partner, facts );
		}
		return facts;
	};
	const ourHop = ( partner: string ): GraphHop => ( {
		from: us,
		to: partner,
		pageUrl: ourLinks.get( partner ) ?? null,
		source: 'our-link',
	} );
	const now = input.now ?? new Date();
	const hop = ( from: string, to: string, edge: Edge ): GraphHop => ( {
		from,
		to,
		pageUrl: edge.pageUrl,
		source: edge.source,
		...( edge.lastSeen
			? {
					lastSeen: edge.lastSeen,
					stale: isStaleLastSeen( edge.lastSeen, now ),
				}
			: {} ),
	} );
	/** Stale hops of a ring: each one makes it count less. */
	const staleCount = ( ring: Ring ) =>
		ring.hops.filter( ( h ) => h.stale === true ).length;

	// Rings: us → B → C (→ D) → us where B does not link to us itself, so
	// no pair shows the exchange. The middle sites are no common platform.
	const rings: Ring[] = [];
	for ( const b of partners ) {
		if ( toUs.has( b ) ) {
			continue;
		}
		const found: Ring[] = [];
		for ( const [ c, bc ] of out.get( b ) ?? [] ) {
			if ( common.has( c ) ) {
				continue;
			}
			const cu = toUs.get( c );
			if ( cu ) {
				found.push( {
					sites: [ us, b, c, us ],
					hops: [ ourHop( b ), hop( b, c, bc ), hop( c, us, cu ) ],
					// Two pages we read ourselves; an export may be old (a
					// hop it last saw long ago is marked stale and ranks
					// the ring below fresh ones, as low as it goes already).
					confidence: cu.source === 'partner-page' ? 'medium' : 'low',
				} );
				continue;
			}
			for ( const [ d, cd ] of out.get( c ) ?? [] ) {
				const du = toUs.get( d );
				if ( d === b || common.has( d ) || ! du ) {
					continue;
				}
				found.push( {
					sites: [ us, b, c, d, us ],
					hops: [
						ourHop( b ),
						hop( b, c, bc ),
						hop( c, d, cd ),
						hop( d, us, du ),
					],
					// A longer chain is likelier to be chance.
					confidence: 'low',
				} );
			}
		}
		found.sort(
			( x, y ) =>
				CONFIDENCE_RANK[ x.confidence ] -
					CONFIDENCE_RANK[ y.confidence ] ||
				staleCount( x ) - staleCount( y ) ||
				x.sites.length - y.sites.length ||
				x.sites.join( ' ' ).localeCompare( y.sites.join( ' ' ) )
		);
		if ( found.length > 0 ) {
			factsOf( b ).rings = found.slice( 0, MAX_RINGS_PER_PARTNER );
			rings.push( ...found );
		}
	}

	// Networks: partners that link back to us and to each other, as
	// groups (connected through partner-to-partner links either way).
	const reciprocal = partners.filter( ( p ) => toUs.has( p ) );
	const reciprocalSet = new Set( reciprocal );
	const groupOf = unionFind( reciprocal );
	const memberHops: Array< [ string, GraphHop ] > = [];
	for ( const p of reciprocal ) {
		for ( const [ q, edge ] of out.get( p ) ?? [] ) {
			if ( reciprocalSet.has( q ) ) {
				groupOf.union( p, q );
				memberHops.push( [ p, hop( p, q, edge ) ] );
			}
		}
	}
	const networks: Network[] = [];
	for ( const members of groupOf.groups() ) {
		if ( members.length < NETWORK_MIN_MEMBERS ) {
			continue;
		}
		const inGroup = new Set( members );
		const hops = memberHops
			.filter( ( [ p ] ) => inGroup.has( p ) )
			.map( ( [ , h ] ) => h );
		const density =
			hops.length / ( members.length * ( members.length - 1 ) );
		const network: Network = {
			members: members.slice( 0, MAX_GROUP_MEMBERS ),
			memberCount: members.length,
			hops: hops.slice( 0, MAX_GROUP_MEMBERS ),
			edgeCount: hops.length,
			// Everyone linking to everyone is a deliberate group.
			confidence:
				density >= 0.5 && members.length >= 4 ? 'high' : 'medium',
		};
		networks.push( network );
		for ( const member of members ) {
			factsOf( member ).network = network;
		}
	}

	// Shared footprints: partners linking back to us whose pages link to
	// the same unrelated sites (not us, not our partners, not a platform).
	const candidates = new Map< string, string[] >();
	for ( const p of reciprocal ) {
		for ( const y of out.get( p )?.keys() ?? [] ) {
			if ( common.has( y ) || ourLinks.has( y ) ) {
				continue;
			}
			let linkers = candidates.get( y );
			if ( ! linkers ) {
				linkers = [];
				candidates.set( y, linkers );
			}
			linkers.push( p );
		}
	}
	const pairShared = new Map< string, number >();
	for ( const linkers of candidates.values() ) {
		if (
			linkers.length < FOOTPRINT_MIN_MEMBERS ||
			linkers.length > FOOTPRINT_MAX_LINKERS
		) {
			continue;
		}
		for ( let i = 0; i < linkers.length; i++ ) {
			for ( let j = i + 1; j < linkers.length; j++ ) {
				const key = `${ linkers[ i ] }\n${ linkers[ j ] }`;
				pairShared.set( key, ( pairShared.get( key ) ?? 0 ) + 1 );
			}
		}
	}
	const footprintGroups = unionFind( reciprocal );
	for ( const [ key, shared ] of pairShared ) {
		if ( shared >= FOOTPRINT_MIN_SHARED ) {
			const [ p, q ] = key.split( '\n' );
			footprintGroups.union( p, q );
		}
	}
	const footprints: Footprint[] = [];
	for ( const members of footprintGroups.groups() ) {
		if ( members.length < FOOTPRINT_MIN_MEMBERS ) {
			continue;
		}
		// The sites most of the group links to (two in three at least).
		const quorum = Math.max(
			FOOTPRINT_MIN_MEMBERS,
			Math.ceil( ( members.length * 2 ) / 3 )
		);
		const inGroup = new Set( members );
		const shared = [ ...candidates ]
			.map( ( [ y, linkers ] ) => ( {
				y,
				n: linkers.filter( ( p ) => inGroup.has( p ) ).length,
			} ) )
			.filter( ( { n } ) => n >= quorum )
			.sort( ( a, b ) => b.n - a.n || a.y.localeCompare( b.y ) )
			.map( ( { y } ) => y );
		if ( shared.length < FOOTPRINT_MIN_SHARED ) {
			continue;
		}
		const footprint: Footprint = {
			members: members.slice( 0, MAX_GROUP_MEMBERS ),
			memberCount: members.length,
			shared: shared.slice( 0, MAX_FOOTPRINT_DOMAINS ),
			sharedCount: shared.length,
			pages: members
				.slice( 0, MAX_GROUP_MEMBERS )
				.map(
					( member ) =>
						out.get( member )?.get( shared[ 0 ] )?.pageUrl ?? ''
				),
			confidence: footprintConfidence( shared.length, members.length ),
		};
		footprints.push( footprint );
		for ( const member of members ) {
			factsOf( member ).footprint = footprint;
		}
	}

	return { us, partners, rings, networks, footprints, byPartner };
}

/** Five shared sites among four partners is no chance; three may be. */
function footprintConfidence(
	shared: number,
	members: number
): GraphConfidence {
	if ( shared >= 5 && members >= 4 ) {
		return 'high';
	}
	return shared >= 4 ? 'medium' : 'low';
}

/** Groups of items joined pairwise; each group sorted, groups by first member. */
function unionFind( items: readonly string[] ) {
	const parent = new Map( items.map( ( item ) => [ item, item ] ) );
	const find = ( item: string ): string => {
		let root = item;
		while ( parent.get( root ) !== root ) {
			root = parent.get( root )!;
		}
		parent.set( item, root );
		return root;
	};
	return {
		union( a: string, b: string ) {
			const ra = find( a );
			const rb = find( b );
			if ( ra !== rb ) {
				parent.set( ra < rb ? rb : ra, ra < rb ? ra : rb );
			}
		},
		groups(): string[][] {
			const byRoot = new Map< string, string[] >();
			for ( const item of items ) {
				const root = find( item );
				byRoot.set( root, [ ...( byRoot.get( root ) ?? [] ), item ] );
			}
			return [ ...byRoot.values() ]
				.map( ( group ) => group.sort() )
				.sort( ( a, b ) => a[ 0 ].localeCompare( b[ 0 ] ) );
		},
	};
}
