/**
 * The partner table: a WordPress list table (wp-list-table classes, so it
 * looks like the rest of wp-admin), sorted on the server by clicking column
 * headers. Each domain is a button that opens the partner's detail.
 */
import { __, _n, sprintf } from '@wordpress/i18n';
import type { PartnerRow, ReportQuery } from '../../core/report';
import { formatDate, formatPercent, placementLabel } from '../messages';
import { rowVerdict } from '../../core/their-links';
import type { SortField } from '../query';
import { FindingBadges } from './finding-badges';
import { StatusBadge } from './status-badge';

interface Props {
	rows: PartnerRow[];
	query: ReportQuery;
	loading: boolean;
	filtered: boolean;
	onSort: ( field: SortField ) => void;
	onOpen: ( domain: string ) => void;
	onClearFilters: () => void;
}

interface Column {
	key: string;
	label: string;
	sort?: SortField;
	className?: string;
}

function columns(): Column[] {
	return [
		{
			key: 'domain',
			label: __( 'Partner', 'reciprocal-link-guard' ),
			sort: 'domain',
			className: 'column-primary',
		},
		{
			key: 'ours',
			label: __( 'Our links', 'reciprocal-link-guard' ),
			sort: 'ourLinks',
			className: 'num',
		},
		{
			key: 'status',
			label: __( 'Links back?', 'reciprocal-link-guard' ),
			sort: 'status',
		},
		{
			key: 'theirs',
			label: __( 'Their links to us', 'reciprocal-link-guard' ),
		},
		{
			key: 'relevance',
			label: __( 'Relevance', 'reciprocal-link-guard' ),
			sort: 'relevance',
			className: 'num',
		},
		{
			key: 'firstSeen',
			label: __( 'First seen', 'reciprocal-link-guard' ),
			sort: 'firstSeen',
		},
		{
			key: 'lastChecked',
			label: __( 'Last checked', 'reciprocal-link-guard' ),
			sort: 'lastChecked',
		},
		{
			key: 'findings',
			label: __( 'Findings', 'reciprocal-link-guard' ),
			sort: 'findings',
		},
	];
}

function SortableHeader( {
	column,
	query,
	onSort,
}: {
	column: Column;
	query: ReportQuery;
	onSort: ( field: SortField ) => void;
} ) {
	if ( ! column.sort ) {
		return (
			<th
				scope="col"
				className={ `column-${ column.key } ${ column.className ?? '' }` }
			>
				{ column.label }
			</th>
		);
	}
	const sorted = query.orderBy === column.sort;
	const direction = sorted ? query.order : undefined;
	let ariaSort: 'ascending' | 'descending' | 'none' = 'none';
	if ( direction ) {
		ariaSort = direction === 'asc' ? 'ascending' : 'descending';
	}
	return (
		<th
			scope="col"
			aria-sort={ ariaSort }
			className={ `column-${ column.key } ${ column.className ?? '' } ${
				sorted ? `sorted ${ direction }` : 'sortable'
			}` }
		>
			<button
				type="button"
				className="rlg-sort"
				onClick={ () => onSort( column.sort as SortField ) }
			>
				<span>{ column.label }</span>
				<span className="rlg-sort__indicator" aria-hidden="true">
					{ direction === 'asc' && '▲' }
					{ direction === 'desc' && '▼' }
				</span>
				<span className="screen-reader-text">
					{ direction === 'asc' &&
						__(
							'(sorted ascending; activate to sort descending)',
							'reciprocal-link-guard'
						) }
					{ direction === 'desc' &&
						__(
							'(sorted descending; activate to sort ascending)',
							'reciprocal-link-guard'
						) }
					{ ! direction &&
						__( '(activate to sort)', 'reciprocal-link-guard' ) }
				</span>
			</button>
		</th>
	);
}

function TheirLinks( { row }: { row: PartnerRow } ) {
	if ( ! row.theirLinks.length ) {
		return <span className="rlg-muted">—</span>;
	}
	const shown = row.theirLinks.slice( 0, 2 );
	// All their links, not only those the row keeps (core: rowVerdict).
	const { total } = rowVerdict( row );
	return (
		<ul className="rlg-their-links">
			{ shown.map( ( link, index ) => (
				<li key={ index }>
					<span
						className={ `rlg-placement rlg-placement--${
							link.where ?? link.placement
						}` }
					>
						{ placementLabel( link.where ?? link.placement ) }
					</span>{ ' ' }
					<q>
						{ link.text ||
							__( '(no text)', 'reciprocal-link-guard' ) }
					</q>
					{ link.rel.length > 0 && (
						<span className="rlg-rel">
							{ ' ' }
							{ link.rel.join( ' ' ) }
						</span>
					) }
				</li>
			) ) }
			{ total > shown.length && (
				<li className="rlg-muted">
					{ sprintf(
						/* translators: %d: number of further links. */
						__( '+%d more', 'reciprocal-link-guard' ),
						total - shown.length
					) }
				</li>
			) }
		</ul>
	);
}

export function PartnerTable( {
	rows,
	query,
	loading,
	filtered,
	onSort,
	onOpen,
	onClearFilters,
}: Props ) {
	const cols = columns();
	return (
		<table
			className={ `wp-list-table widefat fixed striped table-view-list rlg-partners${
				loading ? ' is-loading' : ''
			}` }
			aria-busy={ loading }
		>
			<caption className="screen-reader-text">
				{ __(
					'Partner domains; column headers with buttons sort the table.',
					'reciprocal-link-guard'
				) }
			</caption>
			<thead>
				<tr>
					{ cols.map( ( column ) => (
						<SortableHeader
							key={ column.key }
							column={ column }
							query={ query }
							onSort={ onSort }
						/>
					) ) }
				</tr>
			</thead>
			<tbody>
				{ rows.length === 0 && (
					<tr className="no-items">
						<td className="colspanchange" colSpan={ cols.length }>
							{ filtered ? (
								<>
									{ __(
										'No partner matches these filters.',
										'reciprocal-link-guard'
									) }{ ' ' }
									<button
										type="button"
										className="button-link"
										onClick={ onClearFilters }
									>
										{ __(
											'Clear the filters',
											'reciprocal-link-guard'
										) }
									</button>
								</>
							) : (
								__(
									'No partners yet. Run a scan to find the sites this site links to.',
									'reciprocal-link-guard'
								)
							) }
						</td>
					</tr>
				) }
				{ rows.map( ( row ) => (
					// is-expanded: on narrow screens WordPress's list-table CSS then stacks
					// every cell under its column name instead of hiding it.
					<tr key={ row.domain } className="is-expanded">
						<td
							className="column-domain column-primary"
							data-colname={ cols[ 0 ].label }
						>
							<button
								type="button"
								className="button-link rlg-domain"
								data-domain={ row.domain }
								onClick={ () => onOpen( row.domain ) }
								aria-label={ sprintf(
									/* translators: %s: the partner's domain. */
									__(
										'Open the details of %s',
										'reciprocal-link-guard'
									),
									row.domain
								) }
							>
								<strong>{ row.domain }</strong>
							</button>
						</td>
						<td
							className="column-ours num"
							data-colname={ cols[ 1 ].label }
						>
							{ sprintf(
								/* translators: 1: number of links, 2: number of posts. */
								_n(
									'%1$d in %2$d post',
									'%1$d in %2$d posts',
									row.ourPosts,
									'reciprocal-link-guard'
								),
								row.ourLinks,
								row.ourPosts
							) }
						</td>
						<td
							className="column-status"
							data-colname={ cols[ 2 ].label }
						>
							<StatusBadge
								status={ row.status }
								removal={ row.removal }
							/>
						</td>
						<td
							className="column-theirs"
							data-colname={ cols[ 3 ].label }
						>
							<TheirLinks row={ row } />
						</td>
						<td
							className="column-relevance num"
							data-colname={ cols[ 4 ].label }
						>
							{ formatPercent( row.relevance ) }
						</td>
						<td
							className="column-firstSeen"
							data-colname={ cols[ 5 ].label }
						>
							{ formatDate( row.firstSeen ) }
						</td>
						<td
							className="column-lastChecked"
							data-colname={ cols[ 6 ].label }
						>
							{ formatDate( row.lastChecked ) }
						</td>
						<td
							className="column-findings"
							data-colname={ cols[ 7 ].label }
						>
							<FindingBadges findings={ row.findings } />
						</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}
