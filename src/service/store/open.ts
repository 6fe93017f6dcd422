/**
 * Which store a process uses: the embedded SQLite file in the data
 * directory (the default, no setup), or a PostgreSQL database when a URL is
 * given (`--database postgres://…` / `RLG_DATABASE_URL`), for a service of
 * several processes on several machines.
 */
import { RlgError } from '../errors';
import { isPostgresUrl, redactUrl } from './database-url';
import { openStore } from './sqlite';
import type { Store } from './types';

export interface StoreLocation {
	/** The data directory (SQLite file); unused when `databaseUrl` is set. */
	dataDir: string;
	/** A `postgres://` URL: use that database instead of the data directory. */
	databaseUrl?: string | null;
	/**
	 * Check a SQLite file (PRAGMA quick_check) and refuse a damaged one
	 * (`rlg serve`); PostgreSQL checks its own pages.
	 */
	verify?: boolean;
}

/** Open (creating and migrating when needed) the configured store. */
export async function connectStore(
	location: StoreLocation
): Promise< Store > {
	if ( location.databaseUrl ) {
		if ( ! isPostgresUrl( location.databaseUrl ) ) {
			throw new RlgError(
				'ERR_CONFIG',
				`the database URL must start with postgres:// or postgresql://, got "${ redactUrl(
					location.databaseUrl
				) }"`
			);
		}
		// Loaded only when asked for: SQLite needs none of node-postgres.
		const { PgStore } = await import( './pg-store' );
		return PgStore.open( { url: location.databaseUrl } );
	}
	return openStore( { dataDir: location.dataDir, verify: location.verify } );
}

/** Where the store lives, for messages and logs (never a password). */
export function describeStore( location: StoreLocation ): string {
	return location.databaseUrl
		? redactUrl( location.databaseUrl )
		: location.dataDir;
}
