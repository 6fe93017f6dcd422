/**
 * Every error the API answers is JSON `{ code, message, field? }` with a
 * stable code. This module turns whatever was thrown (our errors, Fastify's,
 * zod's, a bug) into that shape and an HTTP status.
 */
import type { ZodError } from 'zod';
import type { ApiError } from '../../core/schemas';
import { AuthError } from '../auth/verify';
import { RlgError } from '../errors';

/** A refusal with an HTTP status, thrown by route handlers. */
export class HttpError extends RlgError {
	readonly statusCode: number;
	readonly field?: string;

	constructor(
		statusCode: number,
		code: string,
		message: string,
		field?: string
	) {
		super( code, message );
		this.name = 'HttpError';
		this.statusCode = statusCode;
		this.field = field;
	}
}

/**
 * A 400 that names the offending field. Of several problems the one
 * nearest the root is reported: "links: at most 100 links" says more about
 * 10,000 links than a complaint about the 5,000th URL.
 */
export function validationError( error: ZodError ): HttpError {
	const issue = [ ...error.issues ].sort(
		( a, b ) => a.path.length - b.path.length
	)[ 0 ];
	const field = issue.path.map( String ).join( '.' ) || '(body)';
	return new HttpError(
		400,
		'ERR_VALIDATION',
		`${ field }: ${ issue.message }`,
		field
	);
}

/** Fastify's own error codes mapped to ours. */
const FASTIFY_ERRORS: Record< string, { status: number; code: string } > = {
	FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'ERR_BODY_TOO_LARGE' },
	FST_ERR_CTP_INVALID_MEDIA_TYPE: {
		status: 415,
		code: 'ERR_UNSUPPORTED_MEDIA_TYPE',
	},
	FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
		status: 400,
		code: 'ERR_BAD_REQUEST',
	},
	FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'ERR_INVALID_JSON' },
	FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'ERR_INVALID_JSON' },
};

export interface MappedError {
	status: number;
	body: ApiError;
	/** Unexpected: log it with its stack. */
	internal: boolean;
}

export function mapError( error: unknown ): MappedError {
	if ( error instanceof AuthError ) {
		return {
			status: 401,
			body: { code: error.code, message: error.message },
			internal: false,
		};
	}
	if ( error instanceof HttpError ) {
		return {
			status: error.statusCode,
			body: {
				code: error.code,
				message: error.message,
				...( error.field !== undefined ? { field: error.field } : {} ),
			},
			internal: false,
		};
	}
	const { code, statusCode, message } = error as {
		code?: string;
		statusCode?: number;
		message?: string;
	};
	const known = code ? FASTIFY_ERRORS[ code ] : undefined;
	if ( known ) {
		return {
			status: known.status,
			body: { code: known.code, message: message ?? known.code },
			internal: false,
		};
	}
	if (
		typeof statusCode === 'number' &&
		statusCode >= 400 &&
		statusCode < 500
	) {
		return {
			status: statusCode,
			body: {
				code: 'ERR_BAD_REQUEST',
				message: message ?? 'bad request',
			},
			internal: false,
		};
	}
	return {
		status: 500,
		body: {
			code: 'ERR_INTERNAL',
			message:
				'the service failed to answer this request; the service log has the details',
		},
		internal: true,
	};
}
