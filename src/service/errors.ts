/**
 * The service's one typed error. Callers branch on `code` (stable, upper
 * snake case with an `ERR_` prefix), never on the human `message`.
 */
export class RlgError extends Error {
	readonly code: string;

	constructor( code: string, message: string, options?: ErrorOptions ) {
		super( message, options );
		this.name = 'RlgError';
		this.code = code;
	}
}

/** Narrows an unknown thrown value to an RlgError, optionally with a given code. */
export function isRlgError( value: unknown, code?: string ): value is RlgError {
	return (
		value instanceof RlgError &&
		( code === undefined || value.code === code )
	);
}
