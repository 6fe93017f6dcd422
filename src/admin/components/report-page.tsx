/**
 * Tools → Reciprocal links: alerts, summary, the partner table (or one
 * partner's detail), "Scan now" and the CSV export. When the service cannot
 * be reached the page still renders, says why, and offers the settings.
 */
import { Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useCallback, useEffect, useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { FindingCode } from '../../core/findings';
import type { ReportQuery } from '../../core/report';
import type { AdminConfig } from '../config';
import { useScanPolling } from '../hooks/use-scan-polling';
import { useUrlSync } from '../hooks/use-url-sync';
import { formatDateTime } from '../messages';
import {
	DEFAULT_QUERY,
	isFiltered,
	toggleSort,
	type SortField,
} from '../query';
import { reportStore } from '../store';
import { AlertsBar } from './alerts-bar';
import { CsvExportButton } from './csv-export-button';
import { Pagination } from './pagination';
import { PartnerDetail } from './partner-detail';
import { PartnerFilters } from './partner-filters';
import { PartnerTable } from './partner-table';
import { ScanNowButton } from './scan-now-button';
import { ServiceUnavailableNotice } from './service-unavailable-notice';
import { Summary } from './summary';
import { BacklinksSection } from '../backlinks/backlinks-section';

export function ReportPage( { config }: { config: AdminConfig } ) {
	useUrlSync();
	useScanPolling();
	const { query, report, error, loading, pending, unavailable, openDomain } =
		useSelect( ( select ) => {
			const store = select( reportStore );
			return {
				query: store.getQuery(),
				report: store.getReport(),
				error: store.getReportError(),
				loading: store.isReportLoading(),
				pending: store.isReportPending(),
				unavailable: store.isServiceUnavailable(),
				openDomain: store.getOpenDomain(),
			};
		}, [] );
	const { setQuery, refreshReport, openPartner, closePartner } =
		useDispatch( reportStore );
	const lastOpened = useRef< string | null >( null );

	const onChange = useCallback(
		( change: Partial< ReportQuery > ) => setQuery( change ),
		[ setQuery ]
	);
	const onOpen = useCallback(
		( domain: string ) => {
			lastOpened.current = domain;
			openPartner( domain );
			window.scrollTo( { top: 0 } );
		},
		[ openPartner ]
	);

	// Back from a partner: focus returns to its row in the table.
	useEffect( () => {
		if ( openDomain === null && lastOpened.current ) {
			const button = document.querySelector< HTMLElement >(
				`.rlg-domain[data-domain="${ CSS.escape( lastOpened.current ) }"]`
			);
			button?.focus();
		}
	}, [ openDomain ] );

	return (
		<div className="rlg-report">
			<div className="rlg-report__header">
				<div className="rlg-report__intro">
					{ report && (
						<p className="rlg-muted">
							{ sprintf(
								/* translators: 1: the site's URL, 2: date and time. */
								__(
									'Report for %1$s, generated %2$s.',
									'reciprocal-link-guard'
								),
								report.site,
								formatDateTime( report.generatedAt )
							) }
						</p>
					) }
				</div>
				<div className="rlg-report__actions">
					<ScanNowButton disabled={ unavailable } />
					<CsvExportButton
						query={ query }
						disabled={ unavailable || ! report }
					/>
				</div>
			</div>

			{ error && (
				<ServiceUnavailableNotice
					error={ error }
					config={ config }
					onRetry={ () => refreshReport() }
				/>
			) }

			{ pending && (
				<p className="rlg-loading">
					<Spinner />{ ' ' }
					{ __( 'Loading the report…', 'reciprocal-link-guard' ) }
				</p>
			) }

			{ report && (
				<AlertsBar alerts={ report.alerts } onOpenPartner={ onOpen } />
			) }

			{ openDomain !== null ? (
				<PartnerDetail
					domain={ openDomain }
					onClose={ () => closePartner() }
				/>
			) : (
				report && (
					<>
						<Summary
							summary={ report.summary }
							onFilterFinding={ ( finding: FindingCode ) =>
								onChange( { finding } )
							}
						/>
						<section
							className="rlg-table"
							aria-labelledby="rlg-table-title"
						>
							<h2 id="rlg-table-title">
								{ __( 'Partners', 'reciprocal-link-guard' ) }{ ' ' }
								{ loading && <Spinner /> }
							</h2>
							<PartnerFilters
								query={ query }
								onChange={ onChange }
							/>
							<PartnerTable
								rows={ report.partners.rows }
								query={ query }
								loading={ loading }
								filtered={ isFiltered( query ) }
								onSort={ ( orderBy: SortField ) =>
									setQuery(
										toggleSortChange( query, orderBy )
									)
								}
								onOpen={ onOpen }
								onClearFilters={ () =>
									onChange( {
										search: DEFAULT_QUERY.search,
										status: undefined,
										finding: undefined,
										placement: undefined,
									} )
								}
							/>
							<div className="tablenav bottom">
								<Pagination
									page={ report.partners.page }
									perPage={ report.partners.perPage }
									total={ report.partners.total }
									onPage={ ( page ) => onChange( { page } ) }
								/>
							</div>
						</section>
						<BacklinksSection />
					</>
				)
			) }
		</div>
	);
}

/** The store's change for a header click (toggleSort minus the page reset, which setQuery does). */
function toggleSortChange(
	query: ReportQuery,
	field: SortField
): Partial< ReportQuery > {
	const next = toggleSort( query, field );
	return { orderBy: next.orderBy, order: next.order };
}
