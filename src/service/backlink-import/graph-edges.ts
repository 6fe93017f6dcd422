/**
 * Imported backlinks and the partner graph (issue 19 part 1) meet here:
 *
 * - `importedLinksToUs`: every site an import of ours says links to us, as
 *   the graph's "X links to us" edges (`LinkToUs` with source `imported`),
 *   so the ring rule sees links no partner page showed;
 * - `storedLinksToUs`: the same, read from a store's imports when asked,
 *   the source of those edges wherever the service analyses the graph
 *   (check service, report refresh after a scan or a partner re-check);
 * - `partnerLinksOf`: the partner pages' outbound domains as "partner B
 *   links to X" for the overview's "who links to us through a partner".
 */
import type { PartnerLinkInput } from '../../core/backlink-import';
import type { LinkToUsInput } from '../../core/graph/schemas';
import {
	createPartnerGraphCache,
	type PartnerGraphCache,
} from '../graph/partner-graph';
import type { BacklinkStore } from '../store/backlink-types';
import type { Store } from '../store/types';

/** Our imports' linking sites as graph edges into our site. */
export async function importedLinksToUs(
	backlinks: BacklinkStore,
	siteId: number
): Promise< LinkToUsInput[] > {
	const referrers = await backlinks.referringDomains( siteId, { owner: '' } );
	return referrers.map( ( referrer ) => ( {
		domain: referrer.domain,
		pageUrl: referrer.samplePage,
		source: 'imported' as const,
		via: referrer.formats.join( ',' ),
		lastSeen: referrer.lastSeen,
	} ) );
}

/**
 * "X links to us" edges of a site from the imports in `store`, read afresh
 * on each call (the partner graph cache calls it when it analyses the
 * graph: when the site's graph version changed, or a minute passed). The imports are read on their
 * own connection, closed again at once: on SQLite a connection to the
 * file, on PostgreSQL the store's pool.
 */
export function storedLinksToUs(
	store: Pick< Store, 'openBacklinkStore' >
): ( siteId: number ) => Promise< LinkToUsInput[] > {
	return async ( siteId ) => {
		const backlinks = store.openBacklinkStore();
		try {
			return await importedLinksToUs( backlinks, siteId );
		} finally {
			await backlinks.close();
		}
	};
}

/**
 * The partner graph a process answers with: the pages in `store` and the
 * site's imported backlinks. One per process (serve, worker, `rlg check`),
 * shared by every site's check service; it analyses again when the store's
 * graph version of the site moves, whichever process wrote.
 */
export function createStoredPartnerGraph(
	store: Pick< Store, 'partnerPages' | 'graphVersion' | 'openBacklinkStore' >
): PartnerGraphCache {
	return createPartnerGraphCache( {
		store,
		linksToUs: storedLinksToUs( store ),
	} );
}

/** "Partner B's page links to X", from the pages the checks read. */
export async function partnerLinksOf(
	store: Store,
	siteId: number
): Promise< PartnerLinkInput[] > {
	const links: PartnerLinkInput[] = [];
	for ( const page of await store.partnerPages( siteId ) ) {
		for ( const outbound of page.outbound ) {
			links.push( {
				partner: page.domain,
				domain: outbound.domain,
				pageUrl: page.pageUrl,
			} );
		}
	}
	return links;
}
