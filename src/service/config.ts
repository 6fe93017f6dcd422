/**
 * Configuration of the service and the CLI: command-line flags win over
 * environment variables, which win over defaults.
 *
 *   RLG_DATA_DIR   data directory (database with the sites' keys and results)
 *   RLG_DATABASE_URL  postgres://… : use that PostgreSQL database instead of
 *                  the data directory's SQLite file (several processes)
 *   RLG_HOST       address `rlg serve` listens on (default 127.0.0.1)
 *   RLG_PORT       port (default 8787)
 *   RLG_TTL_HOURS  reuse stored results younger than this (default 24)
 *   RLG_SETTINGS   path of a JSON file with Settings (thresholds, keywords)
 *   RLG_LOG_LEVEL  fatal | error | warn | info | debug | trace | silent
 *   RLG_ANALYSIS_THREADS  worker threads parsing partner pages (0: main
 *                  thread); read by analysis/pool.ts
 *   RLG_ANALYSIS_NICE  steps nicer than the service those workers run
 *                  (Linux, 0 to 19, default 10); read by analysis/pool.ts
 *   RLG_HEAP_GROWING_PERCENT  heap growth past live data (default 50, 0: V8's
 *                  own); read by heap.ts at startup
 *   RLG_REQUEST_TIMEOUT_SECONDS, RLG_HEADERS_TIMEOUT_SECONDS,
 *   RLG_BODY_TIMEOUT_SECONDS, RLG_MAX_CONNECTIONS_PER_CLIENT  what one HTTP
 *                  client may hold (serviceLimitsFromEnv)
 *   RLG_SITE_FETCHES, RLG_SITE_FETCH_RATE, RLG_PAGE_TIMEOUT_SECONDS  each
 *                  site's share of the fetcher (serviceLimitsFromEnv)
 *   RLG_FETCHES    partner requests one process has in flight in all
 *                  (default 16; serviceLimitsFromEnv)
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseSettings } from '../core/settings';
import type { Settings } from '../core/settings';
import { RlgError } from './errors';
import { integerFromEnv, parseNumber } from './env-number';

export { integerFromEnv, parseNumber };
import type { ServerLimits } from './api/server-limits';
import type { FetcherOptions } from './fetch/fetch-page';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
/** Largest request body the API reads. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Where the data lives when nothing says otherwise: the XDG data directory
 * ($XDG_DATA_HOME/reciprocal-link-guard, else
 * ~/.local/share/reciprocal-link-guard), so `rlg check` run from any working
 * directory shares one store with `rlg serve`.
 */
export function defaultDataDir( env: NodeJS.ProcessEnv = process.env ): string {
	const base =
		env.XDG_DATA_HOME && path.isAbsolute( env.XDG_DATA_HOME )
			? env.XDG_DATA_HOME
			: path.join( os.homedir(), '.local', 'share' );
	return path.join( base, 'reciprocal-link-guard' );
}

export function resolveDataDir(
	flag: string | undefined,
	env: NodeJS.ProcessEnv = process.env
): string {
	return path.resolve( flag || env.RLG_DATA_DIR || defaultDataDir( env ) );
}

export function parsePort( value: string, name = '--port' ): number {
	return parseNumber( value, name, { min: 0, max: 65535, integer: true } );
}

export function parseTtlHours( value: string, name = '--ttl-hours' ): number {
	return parseNumber( value, name, { min: 0, max: 24 * 90 } );
}

/** Settings from a JSON file (RLG_SETTINGS or --settings), defaults filled. */
export function loadSettings( file: string | undefined ): Settings {
	if ( ! file ) {
		return parseSettings( {} );
	}
	let raw: unknown;
	try {
		raw = JSON.parse( fs.readFileSync( file, 'utf8' ) );
	} catch ( error ) {
		throw new RlgError(
			'ERR_CONFIG',
			`cannot read the settings file ${ file }: ${
				( error as Error ).message
			}`
		);
	}
	try {
		return parseSettings( raw );
	} catch ( error ) {
		throw new RlgError(
			'ERR_CONFIG',
			`invalid settings in ${ file }: ${ ( error as Error ).message }`
		);
	}
}

export interface CommonOptions {
	dataDir?: string;
	/** `--database` (commander fills it from RLG_DATABASE_URL too). */
	database?: string;
	ttlHours?: string;
	settings?: string;
}

export interface ResolvedCommonConfig {
	dataDir: string;
	/** A PostgreSQL URL, or null for the data directory's SQLite file. */
	databaseUrl: string | null;
	settings: Settings;
}

/** Data dir and settings (with the TTL override) for serve and check. */
export function resolveCommonConfig(
	options: CommonOptions,
	env: NodeJS.ProcessEnv = process.env
): ResolvedCommonConfig {
	const settings = loadSettings( options.settings || env.RLG_SETTINGS );
	const ttl = options.ttlHours ?? env.RLG_TTL_HOURS;
	if ( ttl !== undefined ) {
		settings.checkTtlHours = parseTtlHours(
			ttl,
			options.ttlHours !== undefined ? '--ttl-hours' : 'RLG_TTL_HOURS'
		);
	}
	return {
		dataDir: resolveDataDir( options.dataDir, env ),
		databaseUrl: resolveDatabaseUrl( options.database, env ),
		settings,
	};
}

/**
 * The PostgreSQL URL from `--database` or RLG_DATABASE_URL; null when
 * neither is set (SQLite in the data directory). Anything but a
 * postgres:// URL is an ERR_CONFIG naming where it came from.
 */
export function resolveDatabaseUrl(
	flag: string | undefined,
	env: NodeJS.ProcessEnv = process.env
): string | null {
	const value = flag ?? env.RLG_DATABASE_URL;
	if ( value === undefined || value.trim() === '' ) {
		return null;
	}
	if ( ! /^postgres(ql)?:\/\//i.test( value.trim() ) ) {
		throw new RlgError(
			'ERR_CONFIG',
			`${
				flag !== undefined ? '--database' : 'RLG_DATABASE_URL'
			} must be a postgres:// or postgresql:// URL`
		);
	}
	return value.trim();
}

/** True for addresses only this machine can reach. */
export function isLoopbackHost( host: string ): boolean {
	const bare = host.replace( /^\[|\]$/g, '' ).toLowerCase();
	if ( bare === 'localhost' ) {
		return true;
	}
	if ( net.isIPv4( bare ) ) {
		return bare.startsWith( '127.' );
	}
	if ( net.isIPv6( bare ) ) {
		return bare === '::1' || /^::ffff:127\./.test( bare );
	}
	return false;
}

let cachedVersion: string | undefined;

/** The package version, from the package.json above this file (src or build). */
export function readVersion(): string {
	if ( cachedVersion !== undefined ) {
		return cachedVersion;
	}
	let dir = __dirname;
	for ( let depth = 0; depth < 6; depth++ ) {
		const file = path.join( dir, 'package.json' );
		if ( fs.existsSync( file ) ) {
			const pkg = JSON.parse( fs.readFileSync( file, 'utf8' ) ) as {
				name?: string;
				version?: string;
			};
			if ( pkg.name === 'reciprocal-link-guard' && pkg.version ) {
				cachedVersion = pkg.version;
				return cachedVersion;
			}
		}
		dir = path.dirname( dir );
	}
	cachedVersion = '0.0.0';
	return cachedVersion;
}

export interface ServiceLimits {
	/** Timeouts and the connection cap of the HTTP server. */
	server: Partial< ServerLimits >;
	/** Each site's share of the fetcher, and the per-page deadline. */
	fetcher: Partial<
		Pick<
			FetcherOptions,
			| 'perSiteConcurrency'
			| 'perSiteRatePerSecond'
			| 'pageTimeoutMs'
			| 'globalConcurrency'
		>
	>;
}

/**
 * The limits of `rlg serve` from the environment (unset: the defaults in
 * api/server-limits.ts and fetch/fetch-page.ts); ERR_CONFIG naming the
 * variable when one is out of range.
 */
export function serviceLimitsFromEnv(
	env: NodeJS.ProcessEnv = process.env
): ServiceLimits {
	const seconds = ( name: string, max: number ) => {
		const value = integerFromEnv( env, name, 1, max );
		return value === undefined ? undefined : value * 1000;
	};
	return {
		server: {
			requestTimeoutMs: seconds( 'RLG_REQUEST_TIMEOUT_SECONDS', 3600 ),
			headersTimeoutMs: seconds( 'RLG_HEADERS_TIMEOUT_SECONDS', 600 ),
			bodyTimeoutMs: seconds( 'RLG_BODY_TIMEOUT_SECONDS', 3600 ),
			maxConnectionsPerClient: integerFromEnv(
				env,
				'RLG_MAX_CONNECTIONS_PER_CLIENT',
				0,
				100_000
			),
		},
		fetcher: {
			perSiteConcurrency: integerFromEnv(
				env,
				'RLG_SITE_FETCHES',
				1,
				1024
			),
			perSiteRatePerSecond: integerFromEnv(
				env,
				'RLG_SITE_FETCH_RATE',
				0,
				100_000
			),
			pageTimeoutMs: seconds( 'RLG_PAGE_TIMEOUT_SECONDS', 600 ),
			// The process's own total (one rlg worker's, one node's): with
			// slow partners a worker waits on sockets, and more in flight
			// per process is cheaper than more processes. The per-host
			// limit and each site's share still hold cluster-wide.
			globalConcurrency: integerFromEnv( env, 'RLG_FETCHES', 1, 1024 ),
		},
	};
}
