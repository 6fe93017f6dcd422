/**
 * Labels the report page shows for codes from the contracts: backlink
 * statuses, placements, finding titles (short, for filters and counts),
 * history events, alerts and thresholds. Every string goes through
 * `@wordpress/i18n` with the plugin's text domain. The sentence explaining a
 * finding in full is the editor's (src/editor/messages.ts): one wording.
 */
import { __, sprintf } from '@wordpress/i18n';
import type { BacklinkStatus, Placement, AnchorClass } from '../core/schemas';
import type { FindingCode, Severity } from '../core/findings';
import type { Alert, ScanState } from '../core/report';
import { HISTORY_EVENTS } from '../core/report';

type HistoryEvent = ( typeof HISTORY_EVENTS )[ number ];

export function statusLabel( status: BacklinkStatus | null ): string {
	switch ( status ) {
		case 'links-back':
			return __( 'Links back', 'reciprocal-link-guard' );
		case 'no-link':
			return __( 'No link back', 'reciprocal-link-guard' );
		case 'blocked-by-robots':
			return __( 'Blocked by robots.txt', 'reciprocal-link-guard' );
		case 'blocked-by-bot-protection':
			return __( 'Blocked by bot protection', 'reciprocal-link-guard' );
		case 'rate-limited':
			return __( 'Rate limited', 'reciprocal-link-guard' );
		case 'refused-unsafe-address':
			return __( 'Refused: private address', 'reciprocal-link-guard' );
		case 'timeout':
			return __( 'Timed out', 'reciprocal-link-guard' );
		case 'http-error':
			return __( 'HTTP error', 'reciprocal-link-guard' );
		case 'not-html':
			return __( 'Not an HTML page', 'reciprocal-link-guard' );
		case 'too-large':
			return __( 'Page too large', 'reciprocal-link-guard' );
		case 'unreachable':
			return __( 'Unreachable', 'reciprocal-link-guard' );
		case 'invalid-url':
			return __( 'Invalid URL', 'reciprocal-link-guard' );
		case null:
			return __( 'Not checked yet', 'reciprocal-link-guard' );
	}
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

export function placementLabel( placement: Placement ): string {
	switch ( placement ) {
		case 'content':
			return __( 'Content', 'reciprocal-link-guard' );
		case 'header':
			return __( 'Header', 'reciprocal-link-guard' );
		case 'navigation':
			return __( 'Navigation', 'reciprocal-link-guard' );
		case 'sidebar':
			return __( 'Sidebar', 'reciprocal-link-guard' );
		case 'footer':
			return __( 'Footer', 'reciprocal-link-guard' );
		case 'comments':
			return __( 'Comments', 'reciprocal-link-guard' );
	}
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

export function severityLabel( severity: Severity ): string {
	switch ( severity ) {
		case 'info':
			return __( 'Info', 'reciprocal-link-guard' );
		case 'warning':
			return __( 'Warning', 'reciprocal-link-guard' );
		case 'critical':
			return __( 'Critical', 'reciprocal-link-guard' );
	}
}

/** A finding's short name, for the filter menu, the summary and table cells. */
export function findingTitle( code: FindingCode ): string {
	switch ( code ) {
		case 'reciprocal-link':
			return __( 'Reciprocal link', 'reciprocal-link-guard' );
		case 'exact-match-anchor-ours':
			return __( 'Exact-match anchor (ours)', 'reciprocal-link-guard' );
		case 'exact-match-anchor-theirs':
			return __( 'Exact-match anchor (theirs)', 'reciprocal-link-guard' );
		case 'exact-match-anchor-both':
			return __(
				'Exact-match anchors both ways',
				'reciprocal-link-guard'
			);
		case 'identical-anchors':
			return __( 'Identical anchors', 'reciprocal-link-guard' );
		case 'generic-anchor':
			return __( 'Generic anchor', 'reciprocal-link-guard' );
		case 'footer-placement-ours':
			return __( 'Our link in a link list', 'reciprocal-link-guard' );
		case 'boilerplate-backlink':
			return __(
				'Their link in footer/sidebar',
				'reciprocal-link-guard'
			);
		case 'homepage-swap':
			return __( 'Homepage swap', 'reciprocal-link-guard' );
		case 'too-many-partners':
			return __( 'Too many partners', 'reciprocal-link-guard' );
		case 'exchange-velocity':
			return __( 'Burst of new exchanges', 'reciprocal-link-guard' );
		case 'many-outbound-domains-block':
			return __(
				'Many outbound domains in a block',
				'reciprocal-link-guard'
			);
		case 'many-outbound-domains-post':
			return __(
				'Many outbound domains in a post',
				'reciprocal-link-guard'
			);
		case 'off-topic-partner':
			return __( 'Off-topic partner', 'reciprocal-link-guard' );
		case 'hidden-link-ours':
			return __( 'Hidden link (ours)', 'reciprocal-link-guard' );
		case 'hidden-link-theirs':
			return __( 'Hidden link (theirs)', 'reciprocal-link-guard' );
		case 'followed-both-ways':
			return __( 'Followed both ways', 'reciprocal-link-guard' );
		case 'backlink-not-indexable':
			return __( 'Their page is not indexable', 'reciprocal-link-guard' );
		case 'cloaked-backlink':
			return __( 'Cloaked backlink', 'reciprocal-link-guard' );
	}
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
				(
					[
						'header',
						'navigation',
						'sidebar',
						'footer',
						'comments',
					] as string[]
				 ).includes( placement )
				? sprintf(
						/* translators: 1: the partner's domain, 2: where on their page (footer, sidebar…). */
						__(
							'%1$s moved its link to this site into the %2$s.',
							'reciprocal-link-guard'
						),
						alert.domain,
						placementLabel( placement as Placement ).toLowerCase()
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

/** Short date for tables: the site's locale, day precision. */
export function formatDate( iso: string | null ): string {
	if ( ! iso ) {
		return '—';
	}
	const date = new Date( iso );
	if ( Number.isNaN( date.getTime() ) ) {
		return iso;
	}
	return date.toLocaleDateString( undefined, {
		year: 'numeric',
		month: 'short',
		day: 'numeric',
	} );
}

export function formatDateTime( iso: string | null ): string {
	if ( ! iso ) {
		return '—';
	}
	const date = new Date( iso );
	if ( Number.isNaN( date.getTime() ) ) {
		return iso;
	}
	return date.toLocaleString( undefined, {
		year: 'numeric',
		month: 'short',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
	} );
}

export function formatPercent( share: number | null ): string {
	return share === null ? '—' : `${ Math.round( share * 100 ) }%`;
}
