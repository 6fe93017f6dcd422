/**
 * The backlinks part of the report (GET /v1/report/backlinks, `rlg
 * backlinks`): the site's imports and what they say next to the scan —
 * reciprocity from both directions, Link Intersect and the graph view
 * (core `buildBacklinkOverview`).
 */
import { buildBacklinkOverview } from '../../core/backlink-import';
import type {
	BacklinksReport,
	OurPartnerInput,
	PartnerLinkInput,
} from '../../core/backlink-import';
import { siteKey } from '../../core/url';
import type { BacklinkStore } from '../store/backlink-types';
import type { ScanStore } from '../store/scan-types';
import type { SiteRecord, Store } from '../store/types';
import { importedLinksToUs, partnerLinksOf } from './graph-edges';
import { loadPartnerGraph } from '../graph/partner-graph';

/**
 * Rings and networks of the partner graph with our imported backlinks as
 * "X links to us" edges, as the graph rules find them.
 */
async function graphGroupsOf(
	deps: BacklinksReportDeps,
	site: SiteRecord
): Promise< { rings: string[][]; networks: string[][] } > {
	const analysis = await loadPartnerGraph(
		{
			store: deps.store,
			linksToUs: ( siteId ) =>
				importedLinksToUs( deps.backlinks, siteId ),
		},
		site
	);
	return {
		rings: analysis.rings.map( ( ring ) => ring.sites ),
		networks: analysis.networks.map( ( network ) => network.members ),
	};
}
import { toSummary } from './import-file';

export interface BacklinksReportDeps {
	store: Store;
	backlinks: BacklinkStore;
	scanStore: ScanStore;
	/**
	 * Links of our partners' pages to other sites, for "who links to us
	 * through a partner" (default: the store's partner graph).
	 */
	partnerLinks?: ( site: SiteRecord ) => Promise< PartnerLinkInput[] >;
	/**
	 * Rings and networks for the picture (default: the partner graph
	 * analysed with our imported backlinks).
	 */
	graphGroups?: (
		site: SiteRecord
	) => Promise< { rings: string[][]; networks: string[][] } >;
}

export async function backlinksReport(
	deps: BacklinksReportDeps,
	site: SiteRecord
): Promise< BacklinksReport > {
	const partners: OurPartnerInput[] = [];
	for await ( const row of deps.scanStore.allPartners( site.id ) ) {
		partners.push( {
			domain: row.domain,
			ourPosts: row.ourPosts,
			ourLinks: row.ourLinks,
			status: row.status,
		} );
	}
	const [ imports, referrers, partnerLinks, groups ] = await Promise.all( [
		deps.backlinks.listImports( site.id ),
		deps.backlinks.referringDomains( site.id ),
		deps.partnerLinks
			? deps.partnerLinks( site )
			: partnerLinksOf( deps.store, site.id ),
		deps.graphGroups
			? deps.graphGroups( site )
			: graphGroupsOf( deps, site ),
	] );
	return {
		imports: imports.map( toSummary ),
		overview: buildBacklinkOverview( {
			us: siteKey( site.url ) ?? site.url,
			referrers,
			partners,
			partnerLinks,
			rings: groups.rings,
			networks: groups.networks,
		} ),
	};
}
