/**
 * State of the report page. One reducer, no WordPress imports: the store
 * registration (index.ts) wires it into @wordpress/data, tests drive it
 * directly.
 */
import type {
	PartnerDetail,
	PartnerLogEntry,
	ReportQuery,
	ReportResponse,
	ScanStatus,
} from '../../core/report';
import type { ServiceError } from '../errors';
import { DEFAULT_QUERY } from '../query';

export interface Remote< T > {
	data: T | null;
	error: ServiceError | null;
	loading: boolean;
}

export interface ReportState {
	query: ReportQuery;
	/**
	 * The table and summary. `path` is the request in flight (or last
	 * answered): an answer for an older path is dropped, so typing in the
	 * search box cannot leave the table showing an earlier, slower query.
	 */
	report: Remote< ReportResponse > & { path: string | null };
	/** The partner whose detail is open, or null for the table. */
	openDomain: string | null;
	partners: Record< string, Remote< PartnerDetail > >;
	/** "Check again" of one partner in flight, or its failure, per partner. */
	rechecks: Record<
		string,
		{ checking: boolean; error: ServiceError | null }
	>;
	/** Saving a relationship-log note, per partner. */
	logSaves: Record< string, { saving: boolean; error: ServiceError | null } >;
	scan: {
		/** The latest scan status we heard of (start, poll, or the report's lastScan). */
		status: ScanStatus | null;
		starting: boolean;
		error: ServiceError | null;
	};
}

export type ReportAction =
	| { type: 'SET_QUERY'; query: ReportQuery }
	| { type: 'REPORT_REQUEST'; path: string }
	| { type: 'REPORT_RECEIVE'; path: string; report: ReportResponse }
	| { type: 'REPORT_FAIL'; path: string; error: ServiceError }
	| { type: 'OPEN_PARTNER'; domain: string | null }
	| { type: 'PARTNER_REQUEST'; domain: string }
	| { type: 'PARTNER_RECEIVE'; domain: string; detail: PartnerDetail }
	| { type: 'PARTNER_FAIL'; domain: string; error: ServiceError }
	| { type: 'RECHECK_REQUEST'; domain: string }
	| { type: 'RECHECK_DONE'; domain: string }
	| { type: 'RECHECK_FAIL'; domain: string; error: ServiceError }
	| { type: 'LOG_SAVE_REQUEST'; domain: string }
	| { type: 'LOG_SAVED'; domain: string; entry: PartnerLogEntry }
	| { type: 'LOG_SAVE_FAIL'; domain: string; error: ServiceError }
	| { type: 'SCAN_START_REQUEST' }
	| { type: 'SCAN_RECEIVE'; status: ScanStatus | null }
	| { type: 'SCAN_FAIL'; error: ServiceError };

export function initialState(
	query: ReportQuery = DEFAULT_QUERY
): ReportState {
	return {
		query,
		report: { data: null, error: null, loading: false, path: null },
		openDomain: null,
		partners: {},
		rechecks: {},
		logSaves: {},
		scan: { status: null, starting: false, error: null },
	};
}

/**
 * Which of two statuses of (possibly) different scans is the one to show:
 * the newer scan, and for the same scan the one that got further. Polls can
 * answer out of order; a late "running 40%" must not undo "done".
 */
export function newerScanStatus(
	current: ScanStatus | null,
	next: ScanStatus | null
): ScanStatus | null {
	if ( ! next ) {
		return current;
	}
	if ( ! current || next.id > current.id ) {
		return next;
	}
	if ( next.id < current.id ) {
		return current;
	}
	const finished = ( status: ScanStatus ) =>
		status.state !== 'queued' && status.state !== 'running';
	if ( finished( current ) && ! finished( next ) ) {
		return current;
	}
	if ( ! finished( current ) && ! finished( next ) ) {
		const progress = ( status: ScanStatus ) =>
			status.postsRead + status.partnersChecked;
		return progress( next ) >= progress( current ) ? next : current;
	}
	return next;
}

function withPartner(
	state: ReportState,
	domain: string,
	partner: Remote< PartnerDetail >
): ReportState {
	return { ...state, partners: { ...state.partners, [ domain ]: partner } };
}

export function reducer(
	state: ReportState = initialState(),
	action: ReportAction
): ReportState {
	switch ( action.type ) {
		case 'SET_QUERY':
			return { ...state, query: action.query };
		case 'REPORT_REQUEST':
			return {
				...state,
				// Keep the previous data on screen while the next page loads.
				report: { ...state.report, loading: true, path: action.path },
			};
		case 'REPORT_RECEIVE':
			if ( action.path !== state.report.path ) {
				return state;
			}
			return {
				...state,
				report: {
					data: action.report,
					error: null,
					loading: false,
					path: action.path,
				},
				scan: {
					...state.scan,
					status: newerScanStatus(
						state.scan.status,
						action.report.lastScan
					),
				},
			};
		case 'REPORT_FAIL':
			if ( action.path !== state.report.path ) {
				return state;
			}
			return {
				...state,
				report: {
					...state.report,
					error: action.error,
					loading: false,
				},
			};
		case 'OPEN_PARTNER':
			return { ...state, openDomain: action.domain };
		case 'PARTNER_REQUEST':
			return withPartner( state, action.domain, {
				data: state.partners[ action.domain ]?.data ?? null,
				error: null,
				loading: true,
			} );
		case 'PARTNER_RECEIVE':
			return withPartner( state, action.domain, {
				data: action.detail,
				error: null,
				loading: false,
			} );
		case 'PARTNER_FAIL':
			// The detail shown before stays on screen beside the error.
			return withPartner( state, action.domain, {
				data: state.partners[ action.domain ]?.data ?? null,
				error: action.error,
				loading: false,
			} );
		case 'RECHECK_REQUEST':
		case 'RECHECK_DONE':
			return {
				...state,
				rechecks: {
					...state.rechecks,
					[ action.domain ]: {
						checking: action.type === 'RECHECK_REQUEST',
						error: null,
					},
				},
			};
		case 'RECHECK_FAIL':
			return {
				...state,
				rechecks: {
					...state.rechecks,
					[ action.domain ]: { checking: false, error: action.error },
				},
			};
		case 'LOG_SAVE_REQUEST':
			return {
				...state,
				logSaves: {
					...state.logSaves,
					[ action.domain ]: { saving: true, error: null },
				},
			};
		case 'LOG_SAVED': {
			const partner = state.partners[ action.domain ];
			const partners =
				partner?.data &&
				! partner.data.log.some(
					( entry ) => entry.id === action.entry.id
				)
					? {
							...state.partners,
							[ action.domain ]: {
								...partner,
								data: {
									...partner.data,
									log: [ ...partner.data.log, action.entry ],
								},
							},
						}
					: state.partners;
			return {
				...state,
				partners,
				logSaves: {
					...state.logSaves,
					[ action.domain ]: { saving: false, error: null },
				},
			};
		}
		case 'LOG_SAVE_FAIL':
			return {
				...state,
				logSaves: {
					...state.logSaves,
					[ action.domain ]: { saving: false, error: action.error },
				},
			};
		case 'SCAN_START_REQUEST':
			return {
				...state,
				scan: { ...state.scan, starting: true, error: null },
			};
		case 'SCAN_RECEIVE':
			return {
				...state,
				scan: {
					status: newerScanStatus( state.scan.status, action.status ),
					starting: false,
					error: null,
				},
			};
		case 'SCAN_FAIL':
			return {
				...state,
				scan: { ...state.scan, starting: false, error: action.error },
			};
	}
	return state;
}
