/**
 * The shipped service in a child process: `node bin/rlg.js serve` on the
 * compiled build/node (built first when older than the sources), on a free
 * port of 127.0.0.1, partner names resolved to the local partner web.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PartnerWeb } from '../helpers/partner-web';

const ROOT = path.join( __dirname, '..', '..' );
const CLI = path.join( ROOT, 'build', 'node', 'service', 'cli.js' );

/** Newest modification time of the TypeScript the build compiles. */
function newestSource( dir: string ): number {
	let newest = 0;
	for ( const entry of fs.readdirSync( dir, { withFileTypes: true } ) ) {
		const file = path.join( dir, entry.name );
		if ( entry.isDirectory() ) {
			newest = Math.max( newest, newestSource( file ) );
		} else if ( entry.name.endsWith( '.ts' ) ) {
			newest = Math.max( newest, fs.statSync( file ).mtimeMs );
		}
	}
	return newest;
}

const LOCK = path.join( ROOT, 'build', '.rlg-reliability-build.lock' );

function isStale(): boolean {
	const sources = Math.max(
		newestSource( path.join( ROOT, 'src', 'core' ) ),
		newestSource( path.join( ROOT, 'src', 'service' ) )
	);
	return ! fs.existsSync( CLI ) || fs.statSync( CLI ).mtimeMs < sources;
}

/**
 * `npm run build:node` when the build is older than the sources. Suites in
 * parallel workers take a lock directory so that only one compiles and none
 * starts a half-written build.
 */
export function ensureBuild(): void {
	fs.mkdirSync( path.dirname( LOCK ), { recursive: true } );
	const sleeper = new Int32Array( new SharedArrayBuffer( 4 ) );
	for ( let waited = 0; ; waited += 200 ) {
		try {
			fs.mkdirSync( LOCK );
			break;
		} catch {
			if ( waited > 120_000 ) {
				fs.rmSync( LOCK, { recursive: true, force: true } ); // stale
			}
			Atomics.wait( sleeper, 0, 0, 200 );
		}
	}
	try {
		if ( isStale() ) {
			execFileSync( 'npm', [ 'run', '--silent', 'build:node' ], {
				cwd: ROOT,
				stdio: 'ignore',
			} );
		}
	} finally {
		fs.rmSync( LOCK, { recursive: true, force: true } );
	}
}

export interface Served {
	child: ChildProcess;
	url: string;
}

/**
 * `rlg serve` on a free port; resolves once it logs where it listens.
 * `env` adds to (or overrides) this process's environment; `nodeArgs` go
 * to node itself (`--cpu-prof`, which NODE_OPTIONS refuses).
 */
export function serve(
	dataDir: string,
	web: PartnerWeb,
	env: NodeJS.ProcessEnv = {},
	nodeArgs: string[] = []
): Promise< Served > {
	// The request log goes to a file, as a production log would: a pipe to
	// this (busy) test process would throttle the service's synchronous
	// log writes and the figures would measure the pipe.
	const logFile = path.join(
		fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-serve-log-' ) ),
		'serve.log'
	);
	const log = fs.openSync( logFile, 'w' );
	const child = spawn(
		process.execPath,
		[
			...nodeArgs,
			path.join( ROOT, 'bin', 'rlg.js' ),
			'serve',
			'--port',
			'0',
			'--data-dir',
			dataDir,
			...web.resolveArgs,
		],
		{
			stdio: [ 'ignore', log, 'pipe' ],
			env: { ...process.env, RLG_LOG_LEVEL: 'info', ...env },
		}
	);
	fs.closeSync( log );
	let stderr = '';
	child.stderr?.on( 'data', ( chunk ) => ( stderr += chunk ) );
	child.once( 'exit', () =>
		fs.rmSync( path.dirname( logFile ), { recursive: true, force: true } )
	);
	return new Promise( ( resolve, reject ) => {
		const started = Date.now();
		const poll = setInterval( () => {
			let head = '';
			try {
				const fd = fs.openSync( logFile, 'r' );
				const buffer = Buffer.alloc( 64 * 1024 );
				head = buffer
					.subarray(
						0,
						fs.readSync( fd, buffer, 0, buffer.length, 0 )
					)
					.toString();
				fs.closeSync( fd );
			} catch {}
			const match =
				/"url":"(http:\/\/127\.0\.0\.1:\d+)"[^\n]*"msg":"listening"/.exec(
					head
				);
			if ( match ) {
				clearInterval( poll );
				resolve( { child, url: match[ 1 ] } );
			} else if (
				child.exitCode !== null ||
				child.signalCode !== null ||
				Date.now() - started > 20_000
			) {
				clearInterval( poll );
				child.kill( 'SIGKILL' );
				reject( new Error( `rlg serve did not start: ${ stderr }` ) );
			}
		}, 25 );
	} );
}

/** Peak resident set of a live process (Linux), in bytes. */
export function peakRssOf( pid: number ): number | null {
	try {
		const status = fs.readFileSync( `/proc/${ pid }/status`, 'utf8' );
		const kb = /VmHWM:\s+(\d+) kB/.exec( status );
		return kb ? Number( kb[ 1 ] ) * 1024 : null;
	} catch {
		return null;
	}
}

export function exited( child: ChildProcess ): Promise< void > {
	return child.exitCode !== null || child.signalCode !== null
		? Promise.resolve()
		: new Promise( ( resolve ) => child.once( 'exit', () => resolve() ) );
}
