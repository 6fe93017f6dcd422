/**
 * A real, throwaway PostgreSQL server for the tests: Debian's `postgresql`
 * package (installed by .ci/run), a cluster (a copy of one `initdb` made
 * once per machine) in a temporary directory, on a free loopback port with its unix socket in that
 * directory, stopped and deleted by `stop()`. Nothing is mocked.
 *
 * PostgreSQL refuses to run as root, and the tests (and CI) run as root:
 * then the cluster belongs to the `postgres` system user (created by the
 * package; `nobody` when it is missing), and initdb and the server are
 * started through `setpriv`, which execs them as that user, so the pid we
 * hold is the server's own.
 *
 * Tuned for tests, not for safety: fsync, synchronous_commit and full page
 * writes are off. A server left behind by a killed test run stops by
 * itself within a minute once its directory is gone (PostgreSQL rechecks
 * its lock file).
 *
 *   RLG_TEST_PG_BIN   directory of initdb/postgres, when not in
 *                     /usr/lib/postgresql/<version>/bin or on PATH
 */
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface TestPostgres {
	/** Superuser URL of the `postgres` database of the cluster. */
	adminUrl: string;
	port: number;
	/** A new empty database; returns its URL. */
	createDatabase: () => Promise< string >;
	/** Stop the server and delete the cluster. */
	stop: () => Promise< void >;
}

/** Directory with initdb and postgres: the newest Debian install, else PATH. */
export function postgresBinDir(): string {
	if ( process.env.RLG_TEST_PG_BIN ) {
		return process.env.RLG_TEST_PG_BIN;
	}
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync( root )
		? fs
				.readdirSync( root )
				.filter( ( v ) =>
					fs.existsSync( path.join( root, v, 'bin', 'initdb' ) )
				)
				.sort( ( a, b ) => Number( b ) - Number( a ) )
		: [];
	if ( versions.length > 0 ) {
		return path.join( root, versions[ 0 ], 'bin' );
	}
	for ( const dir of ( process.env.PATH ?? '' ).split( ':' ) ) {
		if ( dir && fs.existsSync( path.join( dir, 'initdb' ) ) ) {
			return dir;
		}
	}
	throw new Error(
		'PostgreSQL server binaries (initdb, postgres) not found: install Debian\'s "postgresql" package (.ci/run does) or set RLG_TEST_PG_BIN'
	);
}

interface RunAs {
	uid: number;
	gid: number;
	/** Prefix that runs a command as that user (empty when we are not root). */
	prefix: string[];
}

function runAs(): RunAs {
	if ( process.getuid?.() !== 0 ) {
		return {
			uid: process.getuid?.() ?? 0,
			gid: process.getgid?.() ?? 0,
			prefix: [],
		};
	}
	const passwd = fs.readFileSync( '/etc/passwd', 'utf8' ).split( '\n' );
	const entry = ( name: string ) =>
		passwd
			.find( ( line ) => line.startsWith( `${ name }:` ) )
			?.split( ':' );
	const user = entry( 'postgres' ) ?? entry( 'nobody' );
	if ( ! user ) {
		throw new Error(
			'running as root and neither a "postgres" nor a "nobody" user exists to run PostgreSQL as'
		);
	}
	const uid = Number( user[ 2 ] );
	const gid = Number( user[ 3 ] );
	return {
		uid,
		gid,
		prefix: [
			'setpriv',
			`--reuid=${ uid }`,
			`--regid=${ gid }`,
			'--clear-groups',
			'--',
		],
	};
}

async function freePort(): Promise< number > {
	return new Promise( ( resolve, reject ) => {
		const server = net.createServer();
		server.once( 'error', reject );
		server.listen( 0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close( () => resolve( port ) );
		} );
	} );
}

async function waitUntilReady(
	url: string,
	server: ChildProcess,
	log: () => string
): Promise< void > {
	const deadline = Date.now() + 60_000;
	for (;;) {
		if ( server.exitCode !== null ) {
			throw new Error(
				`PostgreSQL exited with code ${ server.exitCode }:\n${ log() }`
			);
		}
		const client = new Client( { connectionString: url } );
		try {
			await client.connect();
			await client.end();
			return;
		} catch ( error ) {
			await client.end().catch( () => undefined );
			if ( Date.now() > deadline ) {
				throw new Error(
					`PostgreSQL did not accept connections within 60 s (${
						( error as Error ).message
					}):\n${ log() }`
				);
			}
			await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
		}
	}
}

let databaseCounter = 0;

/**
 * A cluster made by initdb once per machine (per PostgreSQL build and
 * user) in the temporary directory, copied for each server: initdb costs
 * seconds, a copy a fraction of one. Made under a private name and renamed
 * into place, so concurrent test workers never see half of one.
 */
function clusterTemplate( bin: string, user: RunAs ): string {
	const tag = crypto
		.createHash( 'sha1' )
		.update( `${ bin }|${ user.uid }|v1` )
		.digest( 'hex' )
		.slice( 0, 12 );
	const template = path.join( os.tmpdir(), `rlg-pg-template-${ tag }` );
	if ( fs.existsSync( path.join( template, 'PG_VERSION' ) ) ) {
		return template;
	}
	const building = fs.mkdtempSync( `${ template }.tmp-` );
	fs.chownSync( building, user.uid, user.gid );
	const data = path.join( building, 'data' );
	const [ command, ...prefixArgs ] = [
		...user.prefix,
		path.join( bin, 'initdb' ),
	];
	try {
		execFileSync(
			command,
			[
				...prefixArgs,
				'-D',
				data,
				'--auth=trust',
				'--username=rlg',
				'--encoding=UTF8',
				'--locale=C',
				'--no-sync',
			],
			{ stdio: 'pipe' }
		);
		fs.renameSync( data, template );
	} catch ( error ) {
		if ( ! fs.existsSync( path.join( template, 'PG_VERSION' ) ) ) {
			const stderr = ( error as { stderr?: Buffer } ).stderr?.toString();
			throw new Error( `initdb failed: ${ stderr ?? error }` );
		}
		// Another worker renamed its template into place first: use that.
	} finally {
		fs.rmSync( building, { recursive: true, force: true } );
	}
	return template;
}

/** Start a fresh cluster (a copy of the machine's template; about a second). */
export async function startPostgres(): Promise< TestPostgres > {
	const bin = postgresBinDir();
	const user = runAs();
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-pg-' ) );
	fs.chownSync( dir, user.uid, user.gid );
	const data = path.join( dir, 'data' );
	const logFile = path.join( dir, 'server.log' );
	try {
		execFileSync( 'cp', [ '-a', clusterTemplate( bin, user ), data ], {
			stdio: 'pipe',
		} );
	} catch ( error ) {
		fs.rmSync( dir, { recursive: true, force: true } );
		throw error;
	}
	let server: ChildProcess | undefined;
	let port = 0;
	// A port found free may be taken before the server binds it: retry.
	for ( let attempt = 0; attempt < 5; attempt++ ) {
		port = await freePort();
		const [ run, ...runArgs ] = [
			...user.prefix,
			path.join( bin, 'postgres' ),
		];
		const log = fs.openSync( logFile, 'a' );
		server = spawn(
			run,
			[
				...runArgs,
				'-D',
				data,
				'-p',
				String( port ),
				'-k',
				dir,
				'-c',
				'listen_addresses=127.0.0.1',
				'-c',
				'fsync=off',
				'-c',
				'synchronous_commit=off',
				'-c',
				'full_page_writes=off',
				'-c',
				'max_connections=200',
				'-c',
				'shared_buffers=32MB',
			],
			{ stdio: [ 'ignore', log, log ] }
		);
		fs.closeSync( log );
		const adminUrl = `postgres://rlg@127.0.0.1:${ port }/postgres`;
		try {
			await waitUntilReady( adminUrl, server, () =>
				fs.readFileSync( logFile, 'utf8' )
			);
			break;
		} catch ( error ) {
			server.kill( 'SIGKILL' );
			if (
				attempt === 4 ||
				! /could not bind|Address already in use/.test(
					fs.readFileSync( logFile, 'utf8' )
				)
			) {
				fs.rmSync( dir, { recursive: true, force: true } );
				throw error;
			}
		}
	}
	const running = server!;
	// If this process dies without stop(), do not leave the server behind.
	const killOnExit = () => running.kill( 'SIGKILL' );
	process.once( 'exit', killOnExit );
	const adminUrl = `postgres://rlg@127.0.0.1:${ port }/postgres`;
	return {
		adminUrl,
		port,
		async createDatabase() {
			databaseCounter += 1;
			const name = `rlg_${ process.pid }_${ databaseCounter }`;
			const client = new Client( { connectionString: adminUrl } );
			await client.connect();
			try {
				await client.query( `CREATE DATABASE ${ name }` );
			} finally {
				await client.end();
			}
			return `postgres://rlg@127.0.0.1:${ port }/${ name }`;
		},
		async stop() {
			process.removeListener( 'exit', killOnExit );
			if ( running.exitCode === null ) {
				const exited = new Promise( ( resolve ) =>
					running.once( 'exit', resolve )
				);
				// Fast shutdown: open connections are cut, nothing to keep.
				running.kill( 'SIGINT' );
				const timer = setTimeout(
					() => running.kill( 'SIGKILL' ),
					10_000
				);
				await exited;
				clearTimeout( timer );
			}
			fs.rmSync( dir, { recursive: true, force: true } );
		},
	};
}
