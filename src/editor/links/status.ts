/**
 * From a link and what the store knows about its target to the status the
 * sidebar shows, and the grouping of links by partner domain.
 */
import type { Finding } from '../../core';
import type { CheckEntry, EditorLink, LinkStatus } from '../types';

export function linkStatus(
	link: EditorLink,
	entry: CheckEntry | undefined,
	serviceConfigured: boolean
): LinkStatus {
	if ( ! link.external ) {
		return { kind: 'internal' };
	}
	if ( ! entry ) {
		return serviceConfigured
			? { kind: 'waiting' }
			: { kind: 'not-checked', why: 'no-service' };
	}
	switch ( entry.state ) {
		case 'checking':
			return { kind: 'checking' };
		case 'failed':
			// "Could not check" is about the partner; a service that did not
			// answer leaves the partner unchecked (explained once, above).
			if ( entry.serviceWide ) {
				return { kind: 'not-checked', why: 'service-down' };
			}
			return {
				kind: 'could-not-check',
				reason: 'service-error',
				detail: entry.error.message,
			};
		case 'done': {
			const { result } = entry;
			if ( result.status === 'links-back' ) {
				return { kind: 'links-back', result };
			}
			if ( result.status === 'no-link' ) {
				return { kind: 'no-link', result };
			}
			return {
				kind: 'could-not-check',
				reason: result.status,
				detail: result.detail ?? '',
			};
		}
	}
}

export interface PartnerGroup {
	domain: string;
	links: EditorLink[];
	/** Findings about any link of this partner, most severe first. */
	findings: Finding[];
}

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 } as const;

export function bySeverity( a: Finding, b: Finding ): number {
	return SEVERITY_RANK[ a.severity ] - SEVERITY_RANK[ b.severity ];
}

/** The findings about one link (matched by the target's urlKey). */
export function findingsForKey(
	findings: readonly Finding[],
	key: string,
	keyOf: ( url: string ) => string
): Finding[] {
	return findings
		.filter(
			( f ) => f.linkUrl !== undefined && keyOf( f.linkUrl ) === key
		)
		.sort( bySeverity );
}

/**
 * Something to fix. "Links back to us" only describes the relationship
 * (issue 18): it is never a problem, even as a warning over the site's
 * partner limits, where the site-wide finding says what to do.
 */
export function isProblem( finding: Finding ): boolean {
	return finding.severity !== 'info' && finding.code !== 'reciprocal-link';
}

/**
 * External links grouped by partner domain, in the order partners first
 * appear in the post; partners with the most severe problems first.
 * Findings are keyed once (not filtered per partner): at 1,000 links that
 * was a million comparisons.
 */
export function groupByPartner(
	links: readonly EditorLink[],
	findings: readonly Finding[],
	keyOf: ( url: string ) => string
): PartnerGroup[] {
	const groups = new Map< string, PartnerGroup >();
	for ( const link of links ) {
		if ( ! link.external ) {
			continue;
		}
		const group = groups.get( link.domain ) ?? {
			domain: link.domain,
			links: [],
			findings: [],
		};
		group.links.push( link );
		groups.set( link.domain, group );
	}
	const domainOfKey = new Map< string, string >();
	for ( const group of groups.values() ) {
		for ( const link of group.links ) {
			domainOfKey.set( link.key, group.domain );
		}
	}
	for ( const finding of findings ) {
		if ( finding.linkUrl === undefined ) {
			continue;
		}
		const domain = domainOfKey.get( keyOf( finding.linkUrl ) );
		if ( domain !== undefined ) {
			groups.get( domain )!.findings.push( finding );
		}
	}
	for ( const group of groups.values() ) {
		group.findings.sort( bySeverity );
	}
	const worst = ( g: PartnerGroup ) => {
		const problem = g.findings.find( isProblem );
		return problem ? SEVERITY_RANK[ problem.severity ] : 3;
	};
	return [ ...groups.values() ]
		.map( ( group, order ) => ( { group, order } ) )
		.sort(
			( a, b ) => worst( a.group ) - worst( b.group ) || a.order - b.order
		)
		.map( ( { group } ) => group );
}
