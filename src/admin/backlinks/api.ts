/**
 * The backlinks part of the report: its lists (GET, forwarded by the
 * report route) and the import form's upload (POST to the plugin's
 * backlink import route, which checks and signs it for the service).
 */
import apiFetch from '@wordpress/api-fetch';
import { z } from 'zod';
import {
	BacklinkImportSummarySchema,
	BacklinksReportSchema,
	type BacklinkImportSummary,
	type BacklinksReport,
} from '../../core/backlink-import/summary';
import { toServiceError } from '../errors';
import { REST_NAMESPACE } from '../query';

export const BACKLINKS_REPORT_PATH = `/${ REST_NAMESPACE }/report/backlinks`;
export const BACKLINK_IMPORT_PATH = `/${ REST_NAMESPACE }/backlinks/import`;

async function call< T >(
	schema: z.ZodType< T >,
	options: Parameters< typeof apiFetch >[ 0 ]
): Promise< T > {
	let body: unknown;
	try {
		body = await apiFetch( options );
	} catch ( error ) {
		throw toServiceError( error );
	}
	const parsed = schema.safeParse( body );
	if ( ! parsed.success ) {
		throw toServiceError( {
			code: 'rlg_unexpected_response',
			message: `The service answered in an unexpected shape (${
				parsed.error.issues[ 0 ]?.path.join( '.' ) || 'root'
			}).`,
		} );
	}
	return parsed.data;
}

export function fetchBacklinks(): Promise< BacklinksReport > {
	return call( BacklinksReportSchema, { path: BACKLINKS_REPORT_PATH } );
}

/** The file's bytes as base64 (the route carries them in JSON). */
export function fileToBase64( file: Blob ): Promise< string > {
	return new Promise( ( resolve, reject ) => {
		const reader = new FileReader();
		reader.onload = () => {
			const url = String( reader.result );
			resolve( url.slice( url.indexOf( ',' ) + 1 ) );
		};
		reader.onerror = () => reject( reader.error );
		reader.readAsDataURL( file );
	} );
}

export async function importBacklinks( input: {
	file: File;
	format: string;
	competitor: string;
} ): Promise< BacklinkImportSummary > {
	const content = await fileToBase64( input.file );
	const answer = await call(
		z.object( { import: BacklinkImportSummarySchema } ),
		{
			path: BACKLINK_IMPORT_PATH,
			method: 'POST',
			data: {
				fileName: input.file.name,
				format: input.format,
				competitor: input.competitor.trim() || null,
				content,
			},
		}
	);
	return answer.import;
}
