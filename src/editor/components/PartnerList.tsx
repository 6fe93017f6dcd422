/* @jsxRuntime classic */
/* @jsx createElement */
/**
 * The partners and their links, windowed: only the items in (or near) the
 * sidebar's visible area are rendered, so a post with 1,000 links renders
 * a few dozen rows, not 10,000 DOM nodes (issue 20). A filter (text, and
 * problems only) narrows the list; partners beyond the first few start
 * collapsed.
 *
 * Windowing (hooks/useWindowedList.ts) scrolls within the editor's own
 * sidebar panel, so the sidebar keeps one scrollbar.
 */
import { CheckboxControl, SearchControl } from '@wordpress/components';
import {
	createElement,
	useCallback,
	useMemo,
	useState,
} from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { Finding } from '../../core';
import type { FixAction } from '../analysis/fixes';
import {
	OPEN_GROUPS,
	sidebarItems,
	type SidebarItem,
} from '../links/sidebar-items';
import type { PartnerGroup } from '../links/status';
import type { CheckEntry, EditorLink } from '../types';
import { useWindowedList } from '../hooks/useWindowedList';
import { LinkRow } from './LinkRow';
import { PartnerHeader } from './PartnerHeader';

export interface PartnerListProps {
	groups: PartnerGroup[];
	checks: Readonly< Record< string, CheckEntry > >;
	findingsByKey: Map< string, Finding[] >;
	serviceConfigured: boolean;
	onShow: ( link: EditorLink ) => void;
	onAction: ( link: EditorLink, action: FixAction ) => void;
}

/** A post with more links than this gets the filter even with few partners. */
const FILTER_FROM_LINKS = 20;

export function PartnerList( {
	groups,
	checks,
	findingsByKey,
	serviceConfigured,
	onShow,
	onAction,
}: PartnerListProps ) {
	const linkCount = groups.reduce( ( n, g ) => n + g.links.length, 0 );
	const [ query, setQuery ] = useState( '' );
	const [ problemsOnly, setProblemsOnly ] = useState( false );
	const [ toggled, setToggled ] = useState< ReadonlyMap< string, boolean > >(
		() => new Map()
	);
	const onToggle = useCallback( ( domain: string, open: boolean ) => {
		setToggled( ( before ) => new Map( before ).set( domain, open ) );
	}, [] );

	const items = useMemo(
		() =>
			sidebarItems( groups, {
				checks,
				serviceConfigured,
				findings: findingsByKey,
				query: query.trim().toLowerCase(),
				problemsOnly,
				toggled,
			} ),
		[
			groups,
			checks,
			serviceConfigured,
			findingsByKey,
			query,
			problemsOnly,
			toggled,
		]
	);

	const keys = useMemo( () => items.map( ( item ) => item.key ), [ items ] );
	const estimate = useCallback(
		( index: number ) => ( items[ index ]?.kind === 'group' ? 44 : 110 ),
		[ items ]
	);
	const windowed = useWindowedList( keys, estimate );

	const problemGroups = groups.filter( ( g ) =>
		items.some(
			( item ) =>
				item.kind === 'group' &&
				item.domain === g.domain &&
				item.problems > 0
		)
	).length;

	return (
		<div className="rlg-partner-list">
			{ groups.length > OPEN_GROUPS || linkCount > FILTER_FROM_LINKS ? (
				<div className="rlg-filter">
					<SearchControl
						__nextHasNoMarginBottom
						value={ query }
						onChange={ setQuery }
						label={ __(
							'Filter partners and links',
							'reciprocal-link-guard'
						) }
						placeholder={ __(
							'Filter by site, anchor or address',
							'reciprocal-link-guard'
						) }
					/>
					<CheckboxControl
						__nextHasNoMarginBottom
						label={ __( 'Problems only', 'reciprocal-link-guard' ) }
						checked={ problemsOnly }
						onChange={ setProblemsOnly }
					/>
				</div>
			) : null }
			<p className="screen-reader-text" aria-live="polite">
				{ sprintf(
					/* translators: 1: number of partner sites shown, 2: of them with problems. */
					_n(
						'%1$d partner site listed, %2$d with problems.',
						'%1$d partner sites listed, %2$d with problems.',
						items.filter( ( i ) => i.kind === 'group' ).length,
						'reciprocal-link-guard'
					),
					items.filter( ( i ) => i.kind === 'group' ).length,
					problemGroups
				) }
			</p>
			{ items.length === 0 && groups.length > 0 ? (
				<p className="rlg-filter__empty">
					{ __(
						'No partner matches the filter.',
						'reciprocal-link-guard'
					) }
				</p>
			) : null }
			<div
				ref={ windowed.listRef }
				className="rlg-window"
				style={ { height: windowed.totalHeight } }
			>
				{ windowed.items.map( ( { index, key, top } ) => {
					const item = items[ index ];
					return (
						<div
							key={ key }
							ref={ windowed.measureRef }
							data-window-key={ key }
							className={ `rlg-item rlg-item--${ item.kind }` }
							data-rlg-domain={ item.domain }
							style={ { transform: `translateY(${ top }px)` } }
						>
							{ renderItem( item ) }
						</div>
					);
				} ) }
			</div>
		</div>
	);

	function renderItem( item: SidebarItem ) {
		if ( item.kind === 'group' ) {
			return <PartnerHeader item={ item } onToggle={ onToggle } />;
		}
		return (
			<LinkRow
				link={ item.link }
				serviceConfigured={ serviceConfigured }
				findings={ item.findings }
				onShow={ onShow }
				onAction={ onAction }
			/>
		);
	}
}
