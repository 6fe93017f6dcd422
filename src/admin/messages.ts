/**
 * Words for the report page. Findings, statuses, placements and severities
 * are worded once, in the editor's src/editor/messages.ts, and reused here
 * (the report and the editor must not describe the same fact differently);
 * this module adds what only the report shows: history events, alerts,
 * thresholds, scan states and anchor classes. Every string goes through
 * `@wordpress/i18n` with the plugin's text domain.
 */
import { dateI18n, getSettings as getDateSettings } from '@wordpress/date';
import { __, sprintf } from '@wordpress/i18n';
import {
	PLACEMENTS,
	type AnchorClass,
	type BacklinkStatus,
	type Placement,
} from '../core/schemas';
import type { FindingCode } from '../core/findings';
import type { Alert, ScanState } from '../core/report';
import { HISTORY_EVENTS } from '../core/report';
import {
	backlinkStatusLabel,
	findingMessage,
	placementLabel,
	severityLabel,
	theirLinksSummary,
} from '../editor/messages';

export { findingMessage, placementLabel, severityLabel, theirLinksSummary };

type HistoryEvent = ( typeof HISTORY_EVENTS )[ number ];

export function statusLabel( status: BacklinkStatus | null ): string {
	return status === null
		? severityLabel( 'not-checked' )
		: backlinkStatusLabel( status );
}

/** The tone of a status badge: the page colours by meaning, not by code. */
export function statusTone(
	status: BacklinkStatus | null
): 'reciprocal' | 'one-way' | 'unknown' {
	if ( status === 'links-back' ) {
		return 'reciprocal';
	}
	return status === 'no-link' ? 'one-way' : 'unknown';
}

export function anchorClassLabel( anchorClass: AnchorClass ): string {
	switch ( anchorClass ) {
		case 'exact-match':
			return __( 'exact-match', 'reciprocal-link-guard' );
		case 'partial-match':
			return __( 'partial-match', 'reciprocal-link-guard' );
		case 'branded':
			return __( 'branded', 'reciprocal-link-guard' );
		case 'naked-url':
			return __( 'naked URL', 'reciprocal-link-guard' );
		case 'generic':
			return __( 'generic', 'reciprocal-link-guard' );
		case 'image':
			return __( 'image', 'reciprocal-link-guard' );
		case 'empty':
			return __( 'empty', 'reciprocal-link-guard' );
		case 'other':
			return __( 'other', 'reciprocal-link-guard' );
	}
}

/** A finding's short name (filter menu, summary, table cells): the editor's title. */
export function findingTitle( code: FindingCode ): string {
	return findingMessage( { code, severity: 'info', params: {} } ).title;
}

/**
 * The setting (from src/core/settings.ts) a finding is measured against,
 * so the summary can show the threshold beside its count.
 */
export const FINDING_THRESHOLDS: Partial<
	Record< FindingCode, readonly string[] >
> = {
	'too-many-partners': [ 'maxReciprocalPartners', 'maxReciprocalShare' ],
	'exchange-velocity': [ 'maxNewPartnersInWindow', 'velocityWindowDays' ],
	'many-outbound-domains-block': [ 'maxOutboundDomainsPerBlock' ],
	'many-outbound-domains-post': [ 'maxOutboundDomainsPerPost' ],
	'off-topic-partner': [ 'minRelevance' ],
	'footer-placement-ours': [ 'minLinksInLinkList' ],
	'exact-match-anchor-ours': [ 'partialMatchShare' ],
};

export function thresholdLabel(
	name: string,
	value: number | boolean
): string {
	const share = ( v: number | boolean ) =>
		typeof v === 'number' ? `${ Math.round( v * 100 ) }%` : String( v );
	const count = String( value );
	switch ( name ) {
		case 'maxReciprocalPartners':
			return sprintf(
				/* translators: %s: a number of partner domains. */
				__( 'limit %s partners', 'reciprocal-link-guard' ),
				count
			);
		case 'maxReciprocalShare':
			return sprintf(
				/* translators: %s: a percentage. */
				__( 'limit %s of outbound domains', 'reciprocal-link-guard' ),
				share( value )
			);
		case 'maxNewPartnersInWindow':
			return sprintf(
				/* translators: %s: a number of partners. */
				__( 'limit %s new partners', 'reciprocal-link-guard' ),
				count
			);
		case 'velocityWindowDays':
			return sprintf(
				/* translators: %s: a number of days. */
				__( 'within %s days', 'reciprocal-link-guard' ),
				count
			);
		case 'maxOutboundDomainsPerBlock':
			return sprintf(
				/* translators: %s: a number of domains. */
				__( 'limit %s domains per block', 'reciprocal-link-guard' ),
				count
			);
		case 'maxOutboundDomainsPerPost':
			return sprintf(
				/* translators: %s: a number of domains. */
				__( 'limit %s domains per post', 'reciprocal-link-guard' ),
				count
			);
		case 'minRelevance':
			return sprintf(
				/* translators: %s: a percentage. */
				__( 'relevance below %s', 'reciprocal-link-guard' ),
				share( value )
			);
		case 'minLinksInLinkList':
			return sprintf(
				/* translators: %s: a number of links. */
				__( 'lists of %s+ links', 'reciprocal-link-guard' ),
				count
			);
		case 'partialMatchShare':
			return sprintf(
				/* translators: %s: a percentage. */
				__(
					'partial match at %s keyword words',
					'reciprocal-link-guard'
				),
				share( value )
			);
	}
	return `${ name }: ${ String( value ) }`;
}

export function historyEventLabel( event: HistoryEvent ): string {
	switch ( event ) {
		case 'first-check':
			return __( 'First checked', 'reciprocal-link-guard' );
		case 'appeared':
			return __( 'Their link appeared', 'reciprocal-link-guard' );
		case 'moved':
			return __( 'Their link moved', 'reciprocal-link-guard' );
		case 'disappeared':
			return __( 'Their link disappeared', 'reciprocal-link-guard' );
		case 'unchanged':
			return __( 'Unchanged', 'reciprocal-link-guard' );
		case 'check-failed':
			return __( 'Check failed', 'reciprocal-link-guard' );
	}
}

export function alertSentence( alert: Alert ): string {
	switch ( alert.kind ) {
		case 'stopped-linking':
			return sprintf(
				/* translators: %s: the partner's domain. */
				__(
					'%s used to link back to this site and no longer does.',
					'reciprocal-link-guard'
				),
				alert.domain
			);
		case 'moved-to-boilerplate': {
			const placement = alert.params.placement;
			return typeof placement === 'string' &&
				( placement === 'partner-section' ||
					( PLACEMENTS as readonly string[] ).includes( placement ) )
				? sprintf(
						/* translators: 1: the partner's domain, 2: where on their page, e.g. "in the footer". */
						__(
							'%1$s moved its link to this site; it is now %2$s.',
							'reciprocal-link-guard'
						),
						alert.domain,
						placementLabel(
							placement as Placement | 'partner-section'
						)
					)
				: sprintf(
						/* translators: %s: the partner's domain. */
						__(
							'%s moved its link to this site out of the content, into a site-wide spot.',
							'reciprocal-link-guard'
						),
						alert.domain
					);
		}
	}
}

export function scanStateLabel( state: ScanState ): string {
	switch ( state ) {
		case 'queued':
			return __( 'Waiting to start', 'reciprocal-link-guard' );
		case 'running':
			return __( 'Scanning', 'reciprocal-link-guard' );
		case 'done':
			return __( 'Finished', 'reciprocal-link-guard' );
		case 'failed':
			return __( 'Failed', 'reciprocal-link-guard' );
		case 'interrupted':
			return __(
				'Interrupted (resumes when the service restarts)',
				'reciprocal-link-guard'
			);
	}
}

/**
 * WordPress's date settings (core prints them for the `wp-date` script:
 * the user's locale, the site's timezone, and Settings → General's date
 * and time formats), so the report's dates read as the rest of wp-admin's
 * and follow the site language, not the browser's.
 */
function siteFormats(): { date: string; time: string } {
	const { formats } = getDateSettings();
	return {
		date: formats.date || 'F j, Y',
		time: formats.time || 'g:i a',
	};
}

/** A date for tables, in the site's date format (day precision). */
export function formatDate( iso: string | null ): string {
	if ( ! iso ) {
		return '—';
	}
	const date = new Date( iso );
	if ( Number.isNaN( date.getTime() ) ) {
		return iso;
	}
	return dateI18n( siteFormats().date, date );
}

/** A date and time in the site's formats and timezone. */
export function formatDateTime( iso: string | null ): string {
	if ( ! iso ) {
		return '—';
	}
	const date = new Date( iso );
	if ( Number.isNaN( date.getTime() ) ) {
		return iso;
	}
	const formats = siteFormats();
	return dateI18n( `${ formats.date } ${ formats.time }`, date );
}

/**
 * The removal grace period of a partner (issue 9): "Missing since …,
 * confirming" until the configured misses over the configured hours have
 * passed, then "Removal confirmed, missing since …".
 */
export function removalLabel(
	removal:
		| {
				state: 'confirming' | 'confirmed';
				missingSince: string;
		  }
		| undefined
): string | null {
	if ( ! removal ) {
		return null;
	}
	return removal.state === 'confirmed'
		? sprintf(
				/* translators: %s: date the link was first found missing. */
				__(
					'Removal confirmed, missing since %s',
					'reciprocal-link-guard'
				),
				formatDateTime( removal.missingSince )
			)
		: sprintf(
				/* translators: %s: date the link was first found missing. */
				__( 'Missing since %s, confirming', 'reciprocal-link-guard' ),
				formatDateTime( removal.missingSince )
			);
}

export function formatPercent( share: number | null ): string {
	return share === null ? '—' : `${ Math.round( share * 100 ) }%`;
}
