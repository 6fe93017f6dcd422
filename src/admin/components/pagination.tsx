/**
 * Server-side pagination under the table, in the style of WordPress's list
 * tables (first, previous, "page x of y", next, last).
 */
import { Button } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';
import { pageCount } from '../query';

interface Props {
	page: number;
	perPage: number;
	total: number;
	onPage: ( page: number ) => void;
}

export function Pagination( { page, perPage, total, onPage }: Props ) {
	const pages = pageCount( total, perPage );
	const go = (
		target: number,
		label: string,
		text: string,
		disabled: boolean
	) => (
		<Button
			variant="secondary"
			size="small"
			className="rlg-pagination__button"
			label={ label }
			showTooltip={ false }
			disabled={ disabled }
			__experimentalIsFocusable
			onClick={ () => onPage( target ) }
		>
			<span aria-hidden="true">{ text }</span>
		</Button>
	);
	return (
		<nav
			className="rlg-pagination tablenav-pages"
			aria-label={ __( 'Partner table pages', 'reciprocal-link-guard' ) }
		>
			<span className="displaying-num">
				{ sprintf(
					/* translators: %d: number of partners matching the filters. */
					_n(
						'%d partner',
						'%d partners',
						total,
						'reciprocal-link-guard'
					),
					total
				) }
			</span>
			{ pages > 1 && (
				<span className="pagination-links">
					{ go(
						1,
						__( 'First page', 'reciprocal-link-guard' ),
						'«',
						page <= 1
					) }
					{ go(
						page - 1,
						__( 'Previous page', 'reciprocal-link-guard' ),
						'‹',
						page <= 1
					) }
					<span
						className="rlg-pagination__current"
						aria-current="page"
					>
						{ sprintf(
							/* translators: 1: current page, 2: number of pages. */
							__( 'Page %1$d of %2$d', 'reciprocal-link-guard' ),
							page,
							pages
						) }
					</span>
					{ go(
						page + 1,
						__( 'Next page', 'reciprocal-link-guard' ),
						'›',
						page >= pages
					) }
					{ go(
						pages,
						__( 'Last page', 'reciprocal-link-guard' ),
						'»',
						page >= pages
					) }
				</span>
			) }
		</nav>
	);
}
