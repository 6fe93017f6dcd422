/**
 * Errors from the plugin's REST routes, reduced to what the page needs to
 * decide what to say. The PHP side answers WP_Error codes
 * (rlg_service_unreachable, rlg_service_misconfigured, rlg_service_error);
 * api-fetch itself rejects with `fetch_error` when WordPress is not
 * reachable at all and `invalid_json` for a body it cannot parse.
 */
export type ServiceErrorKind =
	/** The service did not answer: down, wrong port, firewall. */
	| 'unreachable'
	/** The plugin has no service URL or key, or the service refused the key. */
	| 'misconfigured'
	/** The service answered with an error of its own. */
	| 'service'
	/** WordPress refused: not logged in, no capability, expired nonce. */
	| 'forbidden'
	/** WordPress itself did not answer (offline browser, server down). */
	| 'network'
	| 'other';

export interface ServiceError {
	kind: ServiceErrorKind;
	code: string;
	/** A sentence from the server (it names the service URL when it is about it). */
	message: string;
	/** HTTP status when there was a response. */
	status: number | null;
}

const KIND_BY_CODE: Record< string, ServiceErrorKind > = {
	rlg_service_unreachable: 'unreachable',
	rlg_service_misconfigured: 'misconfigured',
	rlg_service_error: 'service',
	rest_forbidden: 'forbidden',
	rest_cookie_invalid_nonce: 'forbidden',
	rest_not_logged_in: 'forbidden',
	fetch_error: 'network',
};

function statusOf( error: Record< string, unknown > ): number | null {
	const data = error.data as Record< string, unknown > | undefined;
	if ( data && typeof data.status === 'number' ) {
		return data.status;
	}
	return typeof error.status === 'number' ? error.status : null;
}

/** Anything api-fetch (or our own code) threw → a ServiceError. Never throws. */
export function toServiceError( error: unknown ): ServiceError {
	if ( error && typeof error === 'object' ) {
		const record = error as Record< string, unknown >;
		const code = typeof record.code === 'string' ? record.code : 'unknown';
		const message =
			typeof record.message === 'string' && record.message
				? record.message
				: String( code );
		const status = statusOf( record );
		let kind = KIND_BY_CODE[ code ];
		if ( ! kind ) {
			kind = status === 401 || status === 403 ? 'forbidden' : 'other';
		}
		return { kind, code, message, status };
	}
	return {
		kind: 'other',
		code: 'unknown',
		message: String( error ),
		status: null,
	};
}

/** The errors after which the whole page is about the service being away. */
export function isServiceDown( error: ServiceError | null ): boolean {
	return (
		error !== null &&
		( error.kind === 'unreachable' || error.kind === 'misconfigured' )
	);
}
