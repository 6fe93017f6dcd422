/**
 * Which findings lock publishing, and which rules are site-wide rather
 * than about one post.
 */
import type { Finding, FindingCode, Settings } from '../../core';
import { siteKey } from '../../core/url';

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

/**
 * Blocking codes grouped by the partner site each finding is about (the
 * partner log is per partner); post-wide findings go under our own site.
 */
export function codesByPartner(
	blockers: readonly Finding[],
	ownSite: string
): Record< string, string[] > {
	const byDomain: Record< string, string[] > = {};
	for ( const finding of blockers ) {
		const domain =
			( finding.linkUrl ? siteKey( finding.linkUrl ) : null ) ?? ownSite;
		byDomain[ domain ] = [
			...new Set( [ ...( byDomain[ domain ] ?? [] ), finding.code ] ),
		];
	}
	return byDomain;
}
