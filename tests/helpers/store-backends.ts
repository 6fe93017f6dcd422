/**
 * The two stores behind one interface, for contract tests that run the same
 * cases against both: SQLite in a temporary data directory, PostgreSQL in a
 * fresh database of a real server this helper starts (tests/helpers/
 * postgres.ts). Each `location()` is a new, empty store location.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StoreLocation } from '../../src/service/store';
import { startPostgres } from './postgres';
import type { TestPostgres } from './postgres';

export interface StoreBackend {
	name: 'sqlite' | 'postgres';
	/** Start what the backend needs (the PostgreSQL server); once per suite. */
	setup: () => Promise< void >;
	/** A new empty location (data directory or database). */
	location: () => Promise< StoreLocation >;
	/** Stop the server and delete every location made. */
	teardown: () => Promise< void >;
}

export function sqliteBackend(): StoreBackend {
	const dirs: string[] = [];
	return {
		name: 'sqlite',
		async setup() {},
		async location() {
			const dataDir = fs.mkdtempSync(
				path.join( os.tmpdir(), 'rlg-contract-' )
			);
			dirs.push( dataDir );
			return { dataDir };
		},
		async teardown() {
			for ( const dir of dirs.splice( 0 ) ) {
				fs.rmSync( dir, { recursive: true, force: true } );
			}
		},
	};
}

export function postgresBackend(): StoreBackend {
	let server: TestPostgres | undefined;
	const unused = path.join( os.tmpdir(), 'rlg-contract-unused' );
	return {
		name: 'postgres',
		async setup() {
			server = await startPostgres();
		},
		async location() {
			if ( ! server ) {
				throw new Error( 'postgresBackend().setup() was not awaited' );
			}
			// The data directory is not used when a database URL is given.
			return {
				dataDir: unused,
				databaseUrl: await server.createDatabase(),
			};
		},
		async teardown() {
			await server?.stop();
			server = undefined;
		},
	};
}

/** Both backends, for `describe.each`. */
export function storeBackends(): StoreBackend[] {
	return [ sqliteBackend(), postgresBackend() ];
}
