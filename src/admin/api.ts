/**
 * The report page's requests, all through the plugin's REST routes (the PHP
 * side signs them and forwards them to the service). Every answer is checked
 * against the shared contract: a service that drifted from it shows as an
 * error naming the field, not as a blank table or a crash further down.
 */
import apiFetch from '@wordpress/api-fetch';
import type { z } from 'zod';
import {
	PartnerDetailSchema,
	PartnerLogEntrySchema,
	ReportResponseSchema,
	ScanStatusSchema,
	type PartnerDetail,
	type PartnerLogEntry,
	type ReportQuery,
	type ReportResponse,
	type ScanStatus,
} from '../core/report';
import { toServiceError, type ServiceError } from './errors';
import {
	PARTNER_LOG_PATH,
	SCAN_PATH,
	SCAN_STATUS_PATH,
	exportFileName,
	exportPath,
	partnerCheckPath,
	partnerLinksPath,
	partnerPath,
	reportPath,
} from './query';

function checked< T >(
	schema: z.ZodType< T >,
	value: unknown,
	what: string
): T {
	const result = schema.safeParse( value );
	if ( result.success ) {
		return result.data;
	}
	const issue = result.error.issues[ 0 ];
	const error: ServiceError = {
		kind: 'service',
		code: 'rlg_unexpected_response',
		message: `The service answered ${ what } in an unexpected shape (${
			issue?.path.join( '.' ) || 'root'
		}: ${ issue?.message ?? 'invalid' }).`,
		status: null,
	};
	throw error;
}

async function request< T >(
	schema: z.ZodType< T >,
	what: string,
	options: Parameters< typeof apiFetch >[ 0 ]
): Promise< T > {
	let body: unknown;
	try {
		body = await apiFetch( options );
	} catch ( error ) {
		throw toServiceError( error );
	}
	return checked( schema, body, what );
}

export function fetchReport( query: ReportQuery ): Promise< ReportResponse > {
	return request( ReportResponseSchema, 'the report', {
		path: reportPath( query ),
	} );
}

export function fetchPartner( domain: string ): Promise< PartnerDetail > {
	return request( PartnerDetailSchema, `the partner ${ domain }`, {
		path: partnerPath( domain ),
	} );
}

/** The page of our links to a partner after the cursor `after` (its detail's `ourLinksNext`). */
export function fetchPartnerLinks(
	domain: string,
	after: string
): Promise< PartnerDetail > {
	return request( PartnerDetailSchema, `the partner ${ domain }`, {
		path: partnerLinksPath( domain, after ),
	} );
}

/**
 * "Check again": the service fetches the partner's pages again (no stored
 * result) and answers the partner's new detail.
 */
export function recheckPartner( domain: string ): Promise< PartnerDetail > {
	return request( PartnerDetailSchema, `the partner ${ domain }`, {
		path: partnerCheckPath( domain ),
		method: 'POST',
	} );
}

/** Saves a relationship-log note; the server fills in the author from the logged-in user. */
export function postPartnerLog(
	domain: string,
	note: string
): Promise< PartnerLogEntry > {
	return request( PartnerLogEntrySchema, 'the saved note', {
		path: PARTNER_LOG_PATH,
		method: 'POST',
		data: { domain, note },
	} );
}

export function postScan( full: boolean ): Promise< ScanStatus > {
	return request( ScanStatusSchema, 'the new scan', {
		path: SCAN_PATH,
		method: 'POST',
		data: { full },
	} );
}

/**
 * The latest scan of the site, or null when it was never scanned (the
 * service answers 404 then).
 */
export async function fetchScanStatus(): Promise< ScanStatus | null > {
	try {
		return await request( ScanStatusSchema.nullable(), 'the scan status', {
			path: SCAN_STATUS_PATH,
		} );
	} catch ( error ) {
		if ( ( error as ServiceError ).status === 404 ) {
			return null;
		}
		throw error;
	}
}

/**
 * The CSV of every partner matching the current filters. Fetched (not a
 * plain link) so the REST nonce goes along and a failure can be shown on
 * the page instead of as a downloaded error document. Accepts the body as
 * raw text/csv, or as a JSON string when the route is a plain WP REST route.
 */
export async function fetchExport(
	query: ReportQuery,
	now: Date = new Date()
): Promise< { csv: string; fileName: string } > {
	let response: Response;
	try {
		response = await apiFetch< Response, false >( {
			path: exportPath( query ),
			parse: false,
		} );
	} catch ( error ) {
		// With parse: false, api-fetch rejects with the Response itself on HTTP errors.
		if ( error instanceof Response ) {
			let body: unknown = null;
			try {
				body = await error.json();
			} catch {
				body = { code: 'rlg_export_failed', status: error.status };
			}
			throw toServiceError( {
				status: error.status,
				...( body as object ),
			} );
		}
		throw toServiceError( error );
	}
	const type = response.headers.get( 'content-type' ) ?? '';
	const text = await response.text();
	let csv = text;
	if ( type.includes( 'json' ) ) {
		const parsed: unknown = JSON.parse( text );
		if ( typeof parsed !== 'string' ) {
			throw toServiceError( parsed );
		}
		csv = parsed;
	}
	const disposition = response.headers.get( 'content-disposition' ) ?? '';
	const named = /filename="?([^";]+)"?/i.exec( disposition );
	return { csv, fileName: named ? named[ 1 ] : exportFileName( query, now ) };
}
