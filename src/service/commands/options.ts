/**
 * Options shared by the service's commands (serve, check, sites), declared
 * once so they read the same everywhere.
 */
import { Option } from 'commander';

export function dataDirOption(): Option {
	return new Option(
		'--data-dir <dir>',
		'data directory (database with site keys and results; keep it private)'
	).env( 'RLG_DATA_DIR' );
}

export function databaseOption(): Option {
	return new Option(
		'--database <url>',
		"PostgreSQL database (postgres://user:password@host/db) instead of the data directory's SQLite file"
	).env( 'RLG_DATABASE_URL' );
}

export function resolveOption(): Option {
	return new Option(
		'--resolve <host:port:address>',
		'route a host name to an address, as curl --resolve (repeatable; tests and demos)'
	).argParser( ( value: string, previous: string[] | undefined ) => [
		...( previous ?? [] ),
		value,
	] );
}

export function ttlOption(): Option {
	return new Option(
		'--ttl-hours <hours>',
		'reuse stored results younger than this (default 24; settings.checkTtlHours)'
	).env( 'RLG_TTL_HOURS' );
}

export function settingsOption(): Option {
	return new Option(
		'--settings <file>',
		'JSON file with Settings (thresholds, keywords, brand terms)'
	).env( 'RLG_SETTINGS' );
}

/** Write one line (or several) to stdout. */
export function print( text: string ): void {
	process.stdout.write( text.endsWith( '\n' ) ? text : `${ text }\n` );
}
