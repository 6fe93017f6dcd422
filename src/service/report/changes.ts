/**
 * What changed in a site's report since a moment: the content of the
 * plugin's e-mail digest (GET /v1/report/changes?since=). The service
 * knows every stored check, so the plugin keeps only the time of its last
 * digest and never compares reports itself.
 *
 * - Alerts count from when they became true: a removal from the check that
 *   confirmed it (`params.confirmedAt`), a move from the check that saw it.
 * - A critical finding counts as new when the partner's link to us
 *   appeared, moved or was first checked after `since`, or when we first
 *   linked to the partner after it. A finding that turns critical only
 *   because our own post or the settings changed is not news here (the
 *   editor shows it where it was made).
 */
import type { Alert, PartnerRow, ReportChanges } from '../../core/report';
import type { SiteRecord, Store } from '../store/types';
import type { ScanStore } from '../store/scan-types';
import { HISTORY_LIMIT, historyOf } from './history';

export interface ChangesDeps {
	store: Store;
	scanStore: ScanStore;
	now?: () => Date;
}

/** When an alert became news. */
export function alertNoticedAt( alert: Alert ): string {
	const confirmed = alert.params.confirmedAt;
	return typeof confirmed === 'string' ? confirmed : alert.since;
}

/** When the partner's link to us last changed, or it became a partner: the later. */
async function partnerChangedAt(
	store: Store,
	site: SiteRecord,
	row: PartnerRow
): Promise< number > {
	let latest = Date.parse( row.firstSeen );
	const checks = await store.checkHistory( site.id, {
		domain: row.domain,
		limit: HISTORY_LIMIT,
	} );
	for ( const entry of historyOf( checks ) ) {
		if (
			entry.event === 'first-check' ||
			entry.event === 'appeared' ||
			entry.event === 'moved'
		) {
			latest = Math.max( latest, Date.parse( entry.checkedAt ) );
		}
	}
	return latest;
}

/** The report's changes after `since` (an ISO date). */
export async function reportChanges(
	deps: ChangesDeps,
	site: SiteRecord,
	since: string
): Promise< ReportChanges > {
	const sinceMs = Date.parse( since );
	const until = ( deps.now?.() ?? new Date() ).toISOString();
	const alerts = ( await deps.scanStore.listAlerts( site.id ) ).filter(
		( alert ) => Date.parse( alertNoticedAt( alert ) ) > sinceMs
	);
	const criticalFindings: ReportChanges[ 'criticalFindings' ] = [];
	for await ( const row of deps.scanStore.allPartners( site.id ) ) {
		const critical = row.findings.filter(
			( finding ) => finding.severity === 'critical'
		);
		if ( critical.length === 0 ) {
			continue;
		}
		const changedAt = await partnerChangedAt( deps.store, site, row );
		if ( changedAt <= sinceMs ) {
			continue;
		}
		for ( const finding of critical ) {
			criticalFindings.push( {
				domain: row.domain,
				since: new Date( changedAt ).toISOString(),
				finding,
			} );
		}
	}
	return { site: site.url, since, until, alerts, criticalFindings };
}
