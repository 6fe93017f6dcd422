/**
 * The site-wide report as the API, the CLI and the exports serve it:
 * summary, alerts, a page of partner rows (filtered, sorted and paged in
 * the store), and one partner's detail with its history and log.
 */
import type {
	PartnerDetail,
	PartnerDetailQuery,
	PartnerRow,
	ReportQuery,
	ReportResponse,
	ScanStatus,
} from '../../core/report';
import type { Settings } from '../../core/settings';
import { RlgError } from '../errors';
import type { SiteRecord, Store } from '../store/types';
import type { ScanRecord, ScanStore } from '../store/scan-types';
import { historyOf, HISTORY_LIMIT } from './history';
import {
	CursorError,
	decodeLinkCursor,
	decodePartnerCursor,
	encodeLinkCursor,
	encodePartnerCursor,
} from './cursor';

export interface ReportDeps {
	store: Store;
	scanStore: ScanStore;
	settings: Settings;
	now?: () => Date;
}

/** The public status of a scan (what ScanStatusSchema describes). */
export function toScanStatus( scan: ScanRecord ): ScanStatus {
	return {
		id: scan.id,
		site: scan.site,
		source: scan.source,
		state: scan.state,
		startedAt: scan.startedAt,
		finishedAt: scan.finishedAt,
		postsRead: scan.postsRead,
		postsTotal: scan.postsTotal,
		partnersChecked: scan.partnersChecked,
		partnersTotal: scan.partnersTotal,
		error: scan.error,
		changedSince: scan.full ? null : scan.modifiedAfter,
	};
}

export async function buildReport(
	deps: ReportDeps,
	site: SiteRecord,
	query: ReportQuery
): Promise< ReportResponse > {
	const { scanStore, settings } = deps;
	const now = ( deps.now ?? ( () => new Date() ) )();
	const day = 86_400_000;
	const counts = await scanStore.partnerCounts(
		site.id,
		new Date( now.getTime() - 30 * day ).toISOString(),
		new Date( now.getTime() - 90 * day ).toISOString()
	);
	const page = await partnerPage( scanStore, site.id, query );
	const lastScan = await scanStore.latestScan( site.id );
	return {
		site: site.url,
		generatedAt: now.toISOString(),
		summary: {
			partnerDomains: counts.partnerDomains,
			linkingBack: counts.linkingBack,
			reciprocalShare:
				counts.partnerDomains === 0
					? 0
					: counts.linkingBack / counts.partnerDomains,
			newPartners30: counts.newPartners30,
			newPartners90: counts.newPartners90,
			findings: await scanStore.findingCounts( site.id ),
			thresholds: thresholdsOf( settings ),
		},
		alerts: await scanStore.listAlerts( site.id ),
		partners: {
			rows: page.rows,
			total: page.total,
			page: query.page,
			perPage: query.perPage,
			nextCursor: page.nextCursor,
		},
		lastScan: lastScan ? toScanStatus( lastScan ) : null,
	};
}

/**
 * One page of the partner list: by number (`page`, OFFSET, for the report
 * table's numbered pages) or, with `after`, by keyset after the row that
 * cursor names. Either way it carries the cursor of the page after it
 * (`perPage + 1` rows are read to know whether there is one), so a client
 * can walk a list of any length by cursor at the cost of one page each.
 *
 * @throws CursorError (ERR_VALIDATION, field `after`) for a cursor that is
 *         not one, or was made for another order, or with `page` past 1.
 */
async function partnerPage(
	scanStore: ScanStore,
	siteId: number,
	query: ReportQuery
): Promise< { rows: PartnerRow[]; total: number; nextCursor: string | null } > {
	let rows: PartnerRow[];
	let total: number;
	if ( query.after !== undefined ) {
		if ( query.page !== 1 ) {
			throw new CursorError(
				'after',
				'a page is asked for either by number (page) or after a cursor, not both'
			);
		}
		const after = decodePartnerCursor( query.after, query );
		rows = await scanStore.partnersAfter(
			siteId,
			query,
			after,
			query.perPage + 1
		);
		// The filtered count only: the first row of the list stands in for the page.
		total = (
			await scanStore.queryPartners( siteId, {
				...query,
				page: 1,
				perPage: 1,
			} )
		).total;
	} else {
		const found = await scanStore.queryPartners( siteId, query );
		rows = found.rows;
		total = found.total;
	}
	const more =
		query.after !== undefined
			? rows.length > query.perPage
			: query.page * query.perPage < total &&
				rows.length === query.perPage;
	rows = rows.slice( 0, query.perPage );
	return {
		rows,
		total,
		nextCursor:
			more && rows.length > 0
				? encodePartnerCursor( query, rows[ rows.length - 1 ] )
				: null,
	};
}

/**
 * A partner's detail: its row, a page of our links to it (`linksPerPage`
 * from `linksAfter`, read by keyset, so a partner linked from every post
 * of a big site costs one page), the history and the log.
 */
export async function partnerDetail(
	deps: ReportDeps,
	site: SiteRecord,
	domain: string,
	paging: PartnerDetailQuery = { linksPerPage: 100 }
): Promise< PartnerDetail > {
	const { store, scanStore } = deps;
	const wanted = domain.trim().toLowerCase();
	const partner = await scanStore.getPartner( site.id, wanted );
	if ( ! partner ) {
		throw new RlgError(
			'ERR_PARTNER_UNKNOWN',
			`${ wanted } is not a partner of ${ site.url } (no link of the last scan points there)`
		);
	}
	const after =
		paging.linksAfter === undefined
			? null
			: decodeLinkCursor( paging.linksAfter );
	const links = await scanStore.linksToDomainAfter(
		site.id,
		wanted,
		after,
		paging.linksPerPage + 1
	);
	const page = links.slice( 0, paging.linksPerPage );
	const ourLinks = page.map( ( { postUrl, postTitle, link } ) => ( {
		postUrl,
		postTitle,
		href: link.href,
		text: link.text,
		rel: link.rel,
		placement: link.placement,
	} ) );
	const checks = await store.checkHistory( site.id, {
		domain: wanted,
		limit: HISTORY_LIMIT,
	} );
	return {
		partner,
		ourLinks,
		ourLinksTotal: partner.ourLinks,
		ourLinksNext:
			links.length > paging.linksPerPage
				? encodeLinkCursor( page[ page.length - 1 ] )
				: null,
		history: historyOf( checks ),
		log: await scanStore.listLog( site.id, wanted ),
	};
}

/** The thresholds the findings were computed with (shown beside them). */
export function thresholdsOf(
	settings: Settings
): Record< string, number | boolean > {
	return {
		maxReciprocalPartners: settings.maxReciprocalPartners,
		maxReciprocalShare: settings.maxReciprocalShare,
		velocityWindowDays: settings.velocityWindowDays,
		maxNewPartnersInWindow: settings.maxNewPartnersInWindow,
		maxOutboundDomainsPerBlock: settings.maxOutboundDomainsPerBlock,
		maxOutboundDomainsPerPost: settings.maxOutboundDomainsPerPost,
		minRelevance: settings.minRelevance,
		partialMatchShare: settings.partialMatchShare,
		minLinksInLinkList: settings.minLinksInLinkList,
		checkTtlHours: settings.checkTtlHours,
		blockPublishing: settings.blockPublishing,
	};
}
