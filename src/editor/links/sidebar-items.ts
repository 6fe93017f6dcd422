/**
 * The sidebar's partner list as one flat list of items (a header per
 * partner, then its links when the partner is open), so it can be windowed:
 * only the items in view are rendered, whatever the size of the post
 * (issue 20). Partners with problems come first; beyond the first few,
 * partners start collapsed; a filter narrows the list by text and to
 * problems only.
 */
import type { Finding } from '../../core';
import type { CheckEntry, EditorLink } from '../types';
import { bySeverity, isProblem, linkStatus, type PartnerGroup } from './status';

export { isProblem };

/** Partners open when the sidebar first shows them (problems come first). */
export const OPEN_GROUPS = 5;

/** Findings by target key, most severe first: one pass over the findings. */
export function findingsByKey(
	findings: readonly Finding[],
	keyOf: ( url: string ) => string
): Map< string, Finding[] > {
	const byKey = new Map< string, Finding[] >();
	for ( const finding of findings ) {
		if ( finding.linkUrl === undefined ) {
			continue;
		}
		const key = keyOf( finding.linkUrl );
		const list = byKey.get( key );
		if ( list ) {
			list.push( finding );
		} else {
			byKey.set( key, [ finding ] );
		}
	}
	for ( const list of byKey.values() ) {
		list.sort( bySeverity );
	}
	return byKey;
}

export type GroupSummary =
	'links-back' | 'checking' | 'no-link' | 'could-not-check' | 'mixed';

export interface GroupItem {
	kind: 'group';
	key: string;
	domain: string;
	open: boolean;
	linkCount: number;
	problems: number;
	/** Most severe problem, for the header's colour. */
	worst: Finding[ 'severity' ] | null;
	summary: GroupSummary;
}

export interface RowItem {
	kind: 'row';
	key: string;
	domain: string;
	link: EditorLink;
	/** Findings about the target, on its first link only. */
	findings: Finding[];
}

export type SidebarItem = GroupItem | RowItem;

export interface ItemOptions {
	checks: Readonly< Record< string, CheckEntry > >;
	serviceConfigured: boolean;
	findings: Map< string, Finding[] >;
	/** Lower-cased text to look for in the domain, anchor or address. */
	query: string;
	problemsOnly: boolean;
	/** Partners the editor opened or closed by hand. */
	toggled: ReadonlyMap< string, boolean >;
}

function summarize(
	links: readonly EditorLink[],
	options: ItemOptions
): GroupSummary {
	const kinds = links.map(
		( link ) =>
			linkStatus(
				link,
				options.checks[ link.key ],
				options.serviceConfigured
			).kind
	);
	if ( kinds.includes( 'links-back' ) ) {
		return 'links-back';
	}
	if ( kinds.some( ( k ) => k === 'checking' || k === 'waiting' ) ) {
		return 'checking';
	}
	if ( kinds.every( ( k ) => k === 'no-link' ) ) {
		return 'no-link';
	}
	if ( kinds.every( ( k ) => k === 'could-not-check' ) ) {
		return 'could-not-check';
	}
	return 'mixed';
}

function matches( link: EditorLink, query: string ): boolean {
	return (
		link.link.text.toLowerCase().includes( query ) ||
		link.link.href.toLowerCase().includes( query )
	);
}

/** The flat list the sidebar windows over. */
export function sidebarItems(
	groups: readonly PartnerGroup[],
	options: ItemOptions
): SidebarItem[] {
	const items: SidebarItem[] = [];
	const filtering = options.query !== '' || options.problemsOnly;
	let shown = 0;
	for ( const group of groups ) {
		const problems = group.findings.filter( isProblem );
		if ( options.problemsOnly && problems.length === 0 ) {
			continue;
		}
		const domainMatches =
			options.query === '' ||
			group.domain.toLowerCase().includes( options.query );
		const links = domainMatches
			? group.links
			: group.links.filter( ( link ) => matches( link, options.query ) );
		if ( links.length === 0 ) {
			continue;
		}
		// A filter shows what it found; otherwise the first few partners
		// (problems first) are open and the rest wait for a click.
		const open =
			options.toggled.get( group.domain ) ??
			( filtering || shown < OPEN_GROUPS );
		shown++;
		items.push( {
			kind: 'group',
			key: `group:${ group.domain }`,
			domain: group.domain,
			open,
			linkCount: links.length,
			problems: problems.length,
			worst: problems.length ? problems[ 0 ].severity : null,
			summary: summarize( group.links, options ),
		} );
		if ( ! open ) {
			continue;
		}
		const seen = new Set< string >();
		for ( const link of links ) {
			const first = ! seen.has( link.key );
			seen.add( link.key );
			items.push( {
				kind: 'row',
				key: `row:${ link.id }`,
				domain: group.domain,
				link,
				findings: first
					? ( options.findings.get( link.key ) ?? [] )
					: [],
			} );
		}
	}
	return items;
}

/** Distinct external targets, and how many of them have a finished check. */
export function checkProgress(
	links: readonly EditorLink[],
	checks: Readonly< Record< string, CheckEntry > >
): { total: number; finished: number; checking: boolean } {
	const keys = new Set< string >();
	for ( const link of links ) {
		if ( link.external ) {
			keys.add( link.key );
		}
	}
	let finished = 0;
	let checking = false;
	for ( const key of keys ) {
		const entry = checks[ key ];
		if ( entry?.state === 'checking' ) {
			checking = true;
		} else if ( entry ) {
			finished++;
		}
	}
	return { total: keys.size, finished, checking };
}
