/**
 * Selectors of the report store. Pure functions of ReportState; they return
 * parts of the state (never new objects) so useSelect does not re-render for
 * nothing.
 */
import type {
	PartnerDetail,
	ReportQuery,
	ReportResponse,
	ScanStatus,
} from '../../core/report';
import { isServiceDown, type ServiceError } from '../errors';
import { isScanActive as isActive } from '../scan-progress';
import type { ReportState } from './reducer';

export function getQuery( state: ReportState ): ReportQuery {
	return state.query;
}

export function getReport( state: ReportState ): ReportResponse | null {
	return state.report.data;
}

export function getReportError( state: ReportState ): ServiceError | null {
	return state.report.error;
}

export function isReportLoading( state: ReportState ): boolean {
	return state.report.loading;
}

/** Nothing to show yet: the first request has not answered. */
export function isReportPending( state: ReportState ): boolean {
	return state.report.data === null && state.report.error === null;
}

/** The service is away or not configured (the page explains, the controls step back). */
export function isServiceUnavailable( state: ReportState ): boolean {
	return (
		isServiceDown( state.report.error ) || isServiceDown( state.scan.error )
	);
}

export function getOpenDomain( state: ReportState ): string | null {
	return state.openDomain;
}

export function getPartnerDetail(
	state: ReportState,
	domain: string
): PartnerDetail | null {
	return state.partners[ domain ]?.data ?? null;
}

export function getPartnerError(
	state: ReportState,
	domain: string
): ServiceError | null {
	return state.partners[ domain ]?.error ?? null;
}

export function isPartnerLoading(
	state: ReportState,
	domain: string
): boolean {
	return state.partners[ domain ]?.loading ?? false;
}

/** Whether "Check again" of this partner is running. */
export function isRecheckingPartner(
	state: ReportState,
	domain: string
): boolean {
	return state.rechecks[ domain ]?.checking ?? false;
}

/** Why the last "Check again" of this partner failed, or null. */
export function getRecheckError(
	state: ReportState,
	domain: string
): ServiceError | null {
	return state.rechecks[ domain ]?.error ?? null;
}

export function isSavingLog( state: ReportState, domain: string ): boolean {
	return state.logSaves[ domain ]?.saving ?? false;
}

export function getLogSaveError(
	state: ReportState,
	domain: string
): ServiceError | null {
	return state.logSaves[ domain ]?.error ?? null;
}

export function getScanStatus( state: ReportState ): ScanStatus | null {
	return state.scan.status;
}

export function isScanStarting( state: ReportState ): boolean {
	return state.scan.starting;
}

export function isScanActive( state: ReportState ): boolean {
	return state.scan.starting || isActive( state.scan.status );
}

export function getScanError( state: ReportState ): ServiceError | null {
	return state.scan.error;
}
