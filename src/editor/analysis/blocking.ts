/**
 * Which findings lock publishing, and which rules are site-wide rather
 * than about one post.
 */
import type { Finding, FindingCode, Settings } from '../../core';

export const SITE_RULE_CODES: readonly FindingCode[] = [
	'too-many-partners',
	'exchange-velocity',
];

/** Findings that lock publishing under the admin's blocking settings. */
export function blockingFindings(
	findings: readonly Finding[],
	settings: Settings
): Finding[] {
	if ( ! settings.blockPublishing ) {
		return [];
	}
	return findings.filter(
		( f ) =>
			f.severity === 'critical' &&
			settings.blockingCodes.includes( f.code )
	);
}
