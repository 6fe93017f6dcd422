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
			: { kind: 'not-checked' };
	}
	switch ( entry.state ) {
		case 'checking':
			return { kind: 'checking' };
		case 'failed':
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
 * External links grouped by partner domain, in the order partners first
 * appear in the post; partners with the most severe findings first.
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
	for ( const group of groups.values() ) {
		const keys = new Set( group.links.map( ( l ) => l.key ) );
		group.findings = findings
			.filter(
				( f ) =>
					f.linkUrl !== undefined && keys.has( keyOf( f.linkUrl ) )
			)
			.sort( bySeverity );
	}
	const worst = ( g: PartnerGroup ) =>
		g.findings.length ? SEVERITY_RANK[ g.findings[ 0 ].severity ] : 3;
	return [ ...groups.values() ]
		.map( ( group, order ) => ( { group, order } ) )
		.sort(
			( a, b ) => worst( a.group ) - worst( b.group ) || a.order - b.order
		)
		.map( ( { group } ) => group );
}
