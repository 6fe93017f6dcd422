/**
 * Search and filters above the partner table. Search waits for a pause in
 * typing (one request per pause, not per key); the menus apply at once.
 */
import { SearchControl, SelectControl } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { FINDING_CODES } from '../../core/findings';
import type { ReportQuery } from '../../core/report';
import { BACKLINK_STATUSES, PLACEMENTS } from '../../core/schemas';
import { findingTitle, placementLabel, statusLabel } from '../messages';
import { PER_PAGE_CHOICES } from '../query';

export const SEARCH_DELAY_MS = 350;

interface Props {
	query: ReportQuery;
	onChange: ( change: Partial< ReportQuery > ) => void;
}

export function PartnerFilters( { query, onChange }: Props ) {
	const [ search, setSearch ] = useState( query.search );

	// The store may change the search (back button, "clear filters"): follow it.
	useEffect( () => setSearch( query.search ), [ query.search ] );

	useEffect( () => {
		if ( search === query.search ) {
			return;
		}
		const timer = setTimeout(
			() => onChange( { search } ),
			SEARCH_DELAY_MS
		);
		return () => clearTimeout( timer );
	}, [ search, query.search, onChange ] );

	const any = __( 'Any', 'reciprocal-link-guard' );
	return (
		<div className="rlg-filters" role="search">
			<SearchControl
				className="rlg-filters__search"
				label={ __( 'Search partners', 'reciprocal-link-guard' ) }
				placeholder={ __(
					'Search domains, anchors, posts…',
					'reciprocal-link-guard'
				) }
				value={ search }
				onChange={ ( value: string ) => setSearch( value ) }
				__nextHasNoMarginBottom
			/>
			<SelectControl
				label={ __( 'Status', 'reciprocal-link-guard' ) }
				value={ query.status ?? '' }
				options={ [
					{ value: '', label: any },
					...BACKLINK_STATUSES.map( ( status ) => ( {
						value: status,
						label: statusLabel( status ),
					} ) ),
				] }
				onChange={ ( value: string ) =>
					onChange( {
						status: ( value ||
							undefined ) as ReportQuery[ 'status' ],
					} )
				}
				__nextHasNoMarginBottom
			/>
			<SelectControl
				label={ __( 'Finding', 'reciprocal-link-guard' ) }
				value={ query.finding ?? '' }
				options={ [
					{ value: '', label: any },
					...FINDING_CODES.map( ( code ) => ( {
						value: code,
						label: findingTitle( code ),
					} ) ),
				] }
				onChange={ ( value: string ) =>
					onChange( {
						finding: ( value ||
							undefined ) as ReportQuery[ 'finding' ],
					} )
				}
				__nextHasNoMarginBottom
			/>
			<SelectControl
				label={ __( 'Their link placed in', 'reciprocal-link-guard' ) }
				value={ query.placement ?? '' }
				options={ [
					{ value: '', label: any },
					...PLACEMENTS.map( ( placement ) => ( {
						value: placement,
						label: placementLabel( placement ),
					} ) ),
				] }
				onChange={ ( value: string ) =>
					onChange( {
						placement: ( value ||
							undefined ) as ReportQuery[ 'placement' ],
					} )
				}
				__nextHasNoMarginBottom
			/>
			<SelectControl
				className="rlg-filters__per-page"
				label={ __( 'Per page', 'reciprocal-link-guard' ) }
				value={ String( query.perPage ) }
				options={ PER_PAGE_CHOICES.map( ( n ) => ( {
					value: String( n ),
					label: String( n ),
				} ) ) }
				onChange={ ( value: string ) =>
					onChange( { perPage: Number( value ) } )
				}
				__nextHasNoMarginBottom
			/>
		</div>
	);
}
