/**
 * PostgreSQL URLs, without loading the driver: the SQLite path (every
 * `rlg check` on one machine) never loads node-postgres.
 */

/** True for a `postgres://` or `postgresql://` URL. */
export function isPostgresUrl( value: string ): boolean {
	return /^postgres(ql)?:\/\//i.test( value );
}

/** The URL without its password, for messages and logs. */
export function redactUrl( url: string ): string {
	try {
		const parsed = new URL( url );
		if ( parsed.password ) {
			parsed.password = '***';
		}
		return parsed.toString();
	} catch {
		return 'the database URL';
	}
}
