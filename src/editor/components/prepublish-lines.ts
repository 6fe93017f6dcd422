/**
 * The pre-publish panel's lines as data: the site-wide partners line with
 * the reason that matters (the share of linked sites that link back against
 * its limit, or the count against its limit), and the order of all lines —
 * most severe first, so a critical line never sits below the passes.
 */
import { __, sprintf } from '@wordpress/i18n';
import type { Finding, Settings } from '../../core';
import { formatShare } from '../messages';
import type { CheckState, EditorSiteStats } from '../types';

export interface PanelLine {
	key: string;
	state: CheckState;
	label: string;
	detail?: string;
}

const RANK: Record< CheckState, number > = {
	critical: 0,
	warning: 1,
	info: 2,
	'not-checked': 3,
	pass: 4,
};

/** Most severe first; lines of the same state keep their order. */
export function orderLines( lines: readonly PanelLine[] ): PanelLine[] {
	return lines
		.map( ( line, index ) => ( { line, index } ) )
		.sort(
			( a, b ) =>
				RANK[ a.line.state ] - RANK[ b.line.state ] || a.index - b.index
		)
		.map( ( { line } ) => line );
}

/**
 * "Reciprocal partners site-wide: …" with the limit that is exceeded, or
 * the count against its limit when none is.
 *
 * @param stats    The site's counts (null when the service did not say).
 * @param settings The settings the rules used.
 * @param finding  The too-many-partners finding, if any.
 */
export function sitePartnersLine(
	stats: EditorSiteStats | null | undefined,
	settings: Settings | undefined,
	finding: Finding | undefined
): PanelLine {
	if ( ! stats || ! settings ) {
		return {
			key: 'site-partners',
			state: 'not-checked',
			label: __(
				'Reciprocal partners site-wide: unknown',
				'reciprocal-link-guard'
			),
		};
	}
	const partners = stats.reciprocalPartners;
	const share =
		stats.outboundDomains > 0 ? partners / stats.outboundDomains : 0;
	const overShare =
		partners >= settings.minPartnersForShare &&
		share > settings.maxReciprocalShare;
	const overCount = partners > settings.maxReciprocalPartners;
	const reasons: string[] = [];
	if ( overShare ) {
		reasons.push(
			sprintf(
				/* translators: 1: share of linked sites, e.g. 88%, 2: partners, 3: linked sites, 4: the limit, e.g. 25%. */
				__(
					'%1$s of linked sites link back (%2$d of %3$d); limit %4$s',
					'reciprocal-link-guard'
				),
				formatShare( share ),
				partners,
				stats.outboundDomains,
				formatShare( settings.maxReciprocalShare )
			)
		);
	}
	if ( overCount ) {
		reasons.push(
			sprintf(
				/* translators: 1: number of partners, 2: the limit. */
				__( '%1$d partners; limit %2$d', 'reciprocal-link-guard' ),
				partners,
				settings.maxReciprocalPartners
			)
		);
	}
	const state: CheckState = finding ? finding.severity : 'pass';
	return {
		key: 'site-partners',
		state,
		label:
			reasons.length > 0
				? sprintf(
						/* translators: %s: why, e.g. "88% of linked sites link back (7 of 8); limit 25%". */
						__(
							'Reciprocal partners site-wide: %s',
							'reciprocal-link-guard'
						),
						reasons.join( '; ' )
					)
				: sprintf(
						/* translators: 1: number of partners, 2: limit. */
						__(
							'Reciprocal partners site-wide: %1$d of %2$d allowed',
							'reciprocal-link-guard'
						),
						partners,
						settings.maxReciprocalPartners
					),
	};
}
