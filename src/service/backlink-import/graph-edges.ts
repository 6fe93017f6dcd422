/**
 * Imported backlinks and the partner graph (issue 19 part 1) meet here:
 *
 * - `importedLinksToUs`: every site an import of ours says links to us, as
 *   the graph's "X links to us" edges (`LinkToUs` with source `imported`),
 *   so the ring rule sees links no partner page showed;
 * - `partnerLinksOf`: the partner pages' outbound domains as "partner B
 *   links to X" for the overview's "who links to us through a partner".
 */
import type { PartnerLinkInput } from '../../core/backlink-import';
import type { LinkToUsInput } from '../../core/graph/schemas';
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
	} ) );
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
