/**
 * The site-wide report as the API, the CLI and the exports serve it:
 * summary, alerts, a page of partner rows (filtered, sorted and paged in
 * the store), and one partner's detail with its history and log.
 */
import type {
	PartnerDetail,
	ReportQuery,
	ReportResponse,
	ScanStatus,
} from '../../core/report';
import type { Settings } from '../../core/settings';
import { RlgError } from '../errors';
import type { SiteRecord, Store } from '../store/types';
import type { ScanRecord, ScanStore } from '../store/scan-types';
import { historyOf, HISTORY_LIMIT } from './history';

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
	const page = await scanStore.queryPartners( site.id, query );
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
		},
		lastScan: lastScan ? toScanStatus( lastScan ) : null,
	};
}

export async function partnerDetail(
	deps: ReportDeps,
	site: SiteRecord,
	domain: string
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
	const ourLinks = ( await scanStore.linksToDomain( site.id, wanted ) ).map(
		( { postUrl, postTitle, link } ) => ( {
			postUrl,
			postTitle,
			href: link.href,
			text: link.text,
			rel: link.rel,
			placement: link.placement,
		} )
	);
	const checks = await store.checkHistory( site.id, {
		domain: wanted,
		limit: HISTORY_LIMIT,
	} );
	return {
		partner,
		ourLinks,
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
