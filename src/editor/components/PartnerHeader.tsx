/* @jsxRuntime classic */
/* @jsx createElement */
/**
 * A partner's header in the sidebar list: a button that opens or closes
 * its links, saying at a glance whether the partner links back and how many
 * problems its links have.
 */
import { createElement, memo } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { GroupItem, GroupSummary } from '../links/sidebar-items';

function summaryLabel( summary: GroupSummary, linkCount: number ): string {
	switch ( summary ) {
		case 'links-back':
			return __( 'links back', 'reciprocal-link-guard' );
		case 'checking':
			return __( 'checking', 'reciprocal-link-guard' );
		case 'no-link':
			return __( 'no link back', 'reciprocal-link-guard' );
		case 'could-not-check':
			return __( 'could not check', 'reciprocal-link-guard' );
		default:
			return sprintf(
				/* translators: %d: number of links. */
				_n( '%d link', '%d links', linkCount, 'reciprocal-link-guard' ),
				linkCount
			);
	}
}

/** "domain — links back, 2 problems" */
export function partnerTitle( item: GroupItem ): string {
	const summary = summaryLabel( item.summary, item.linkCount );
	return item.problems
		? sprintf(
				/* translators: 1: domain, 2: status summary, 3: number of problems. */
				_n(
					'%1$s — %2$s, %3$d problem',
					'%1$s — %2$s, %3$d problems',
					item.problems,
					'reciprocal-link-guard'
				),
				item.domain,
				summary,
				item.problems
			)
		: sprintf(
				/* translators: 1: domain, 2: status summary. */
				__( '%1$s — %2$s', 'reciprocal-link-guard' ),
				item.domain,
				summary
			);
}

function Header( {
	item,
	onToggle,
}: {
	item: GroupItem;
	onToggle: ( domain: string, open: boolean ) => void;
} ) {
	const modifier = item.worst ? ` rlg-partner__header--${ item.worst }` : '';
	return (
		<h3 className={ `rlg-partner__heading${ modifier }` }>
			<button
				type="button"
				className="rlg-partner__toggle"
				aria-expanded={ item.open }
				onClick={ () => onToggle( item.domain, ! item.open ) }
			>
				<span className="rlg-partner__chevron" aria-hidden="true">
					{ item.open ? '▾' : '▸' }
				</span>
				<span className="rlg-partner__title">
					{ partnerTitle( item ) }
				</span>
				{ item.open ? null : (
					<span className="rlg-partner__count">
						{ sprintf(
							/* translators: %d: number of links. */
							_n(
								'%d link',
								'%d links',
								item.linkCount,
								'reciprocal-link-guard'
							),
							item.linkCount
						) }
					</span>
				) }
			</button>
		</h3>
	);
}

export const PartnerHeader = memo(
	Header,
	( a, b ) =>
		a.onToggle === b.onToggle &&
		a.item.domain === b.item.domain &&
		a.item.open === b.item.open &&
		a.item.linkCount === b.item.linkCount &&
		a.item.problems === b.item.problems &&
		a.item.worst === b.item.worst &&
		a.item.summary === b.item.summary
);
