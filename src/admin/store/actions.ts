/**
 * Actions of the report store: plain actions for the reducer, and thunks
 * that talk to the REST routes. Thunks never throw at their caller: failures
 * land in the state, where the page shows them.
 */
import type {
	PartnerDetail,
	PartnerLogEntry,
	ReportQuery,
	ReportResponse,
	ScanStatus,
} from '../../core/report';
import * as api from '../api';
import { toServiceError } from '../errors';
import { reportPath, updateQuery } from '../query';
import type { ReportAction, ReportState } from './reducer';
import * as selectors from './selectors';

interface ThunkArgs {
	dispatch: ( action: ReportAction | Thunk ) => unknown;
	select: { [ K in keyof typeof selectors ]: ( ...args: any[] ) => any } & {
		getQuery: () => ReportQuery;
		getScanStatus: () => ScanStatus | null;
	};
}
type Thunk = ( args: ThunkArgs ) => Promise< unknown > | unknown;

export function receiveReport(
	path: string,
	report: ReportResponse
): ReportAction {
	return { type: 'REPORT_RECEIVE', path, report };
}

export function receivePartner(
	domain: string,
	detail: PartnerDetail
): ReportAction {
	return { type: 'PARTNER_RECEIVE', domain, detail };
}

export function receiveScanStatus( status: ScanStatus | null ): ReportAction {
	return { type: 'SCAN_RECEIVE', status };
}

export function closePartner(): ReportAction {
	return { type: 'OPEN_PARTNER', domain: null };
}

/** Loads the report for the current query. */
export const refreshReport =
	(): Thunk =>
	async ( { dispatch, select } ) => {
		const query = select.getQuery();
		const path = reportPath( query );
		dispatch( { type: 'REPORT_REQUEST', path } );
		try {
			const report = await api.fetchReport( query );
			dispatch( receiveReport( path, report ) );
		} catch ( error ) {
			dispatch( {
				type: 'REPORT_FAIL',
				path,
				error: toServiceError( error ),
			} );
		}
	};

/** Changes filters/sort/page (back to page 1 unless only the page changed) and reloads. */
export const setQuery =
	( change: Partial< ReportQuery > ): Thunk =>
	async ( { dispatch, select } ) => {
		dispatch( {
			type: 'SET_QUERY',
			query: updateQuery( select.getQuery(), change ),
		} );
		await dispatch( refreshReport() );
	};

/** Replaces the whole query (from the URL, on back/forward) and reloads. */
export const replaceQuery =
	( query: ReportQuery ): Thunk =>
	async ( { dispatch } ) => {
		dispatch( { type: 'SET_QUERY', query } );
		await dispatch( refreshReport() );
	};

export const loadPartner =
	( domain: string ): Thunk =>
	async ( { dispatch } ) => {
		dispatch( { type: 'PARTNER_REQUEST', domain } );
		try {
			dispatch(
				receivePartner( domain, await api.fetchPartner( domain ) )
			);
		} catch ( error ) {
			dispatch( {
				type: 'PARTNER_FAIL',
				domain,
				error: toServiceError( error ),
			} );
		}
	};

export const openPartner =
	( domain: string ): Thunk =>
	async ( { dispatch } ) => {
		dispatch( { type: 'OPEN_PARTNER', domain } );
		await dispatch( loadPartner( domain ) );
	};

/**
 * "Check again" for one partner: its pages are fetched again, the detail
 * shows what they say now, and the table and summary reload (its status
 * and findings may have changed).
 */
export const recheckPartner =
	( domain: string ): Thunk =>
	async ( { dispatch } ) => {
		dispatch( { type: 'RECHECK_REQUEST', domain } );
		try {
			const detail = await api.recheckPartner( domain );
			dispatch( receivePartner( domain, detail ) );
			dispatch( { type: 'RECHECK_DONE', domain } );
		} catch ( error ) {
			dispatch( {
				type: 'RECHECK_FAIL',
				domain,
				error: toServiceError( error ),
			} );
			return;
		}
		await dispatch( refreshReport() );
	};

/**
 * Saves a note to the partner's relationship log. Resolves to the saved
 * entry (it is in the partner's log in the state already) or null.
 */
export const addLogEntry =
	( domain: string, note: string ): Thunk =>
	async ( { dispatch } ): Promise< PartnerLogEntry | null > => {
		dispatch( { type: 'LOG_SAVE_REQUEST', domain } );
		try {
			const entry = await api.postPartnerLog( domain, note );
			dispatch( { type: 'LOG_SAVED', domain, entry } );
			return entry;
		} catch ( error ) {
			dispatch( {
				type: 'LOG_SAVE_FAIL',
				domain,
				error: toServiceError( error ),
			} );
			return null;
		}
	};

export const startScan =
	( full = false ): Thunk =>
	async ( { dispatch } ) => {
		dispatch( { type: 'SCAN_START_REQUEST' } );
		try {
			dispatch( receiveScanStatus( await api.postScan( full ) ) );
		} catch ( error ) {
			const failure = toServiceError( error );
			if ( failure.status === 409 ) {
				// A scan is already running (scheduled, or started elsewhere): follow it.
				dispatch( { type: 'SCAN_RECEIVE', status: null } );
				await dispatch( pollScanStatus() );
				return;
			}
			dispatch( { type: 'SCAN_FAIL', error: failure } );
		}
	};

/**
 * One poll of the scan status. When the scan we were watching has just
 * finished, the report is reloaded so the table shows what it found.
 */
export const pollScanStatus =
	(): Thunk =>
	async ( { dispatch, select } ) => {
		// Read before the request on purpose: the answer is compared with it.
		// eslint-disable-next-line @wordpress/no-unused-vars-before-return
		const before = select.getScanStatus();
		let status: ScanStatus | null;
		try {
			status = await api.fetchScanStatus();
		} catch ( error ) {
			dispatch( { type: 'SCAN_FAIL', error: toServiceError( error ) } );
			return;
		}
		dispatch( receiveScanStatus( status ) );
		const after = select.getScanStatus();
		const wasActive =
			before?.state === 'queued' || before?.state === 'running';
		const isActive =
			after?.state === 'queued' || after?.state === 'running';
		if ( wasActive && ! isActive ) {
			await dispatch( refreshReport() );
		}
	};

export type { ReportState };
