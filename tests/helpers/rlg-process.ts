/**
 * A real `rlg serve` or `rlg worker` as a child process (the TypeScript
 * sources through tests/service/ts-register.js), for tests that must kill
 * one with SIGKILL: resolves once it logged its ready line (`listening`,
 * `worker ready`), with every JSON log line it wrote kept in `lines`.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface RlgProcess {
	child: ChildProcess;
	/** `rlg serve`: its base URL. */
	url: string;
	lines: Array< Record< string, unknown > >;
	exit: Promise< number | null >;
	/** SIGKILL, then wait for the exit. */
	kill9: () => Promise< void >;
	/** SIGTERM (graceful), then wait for the exit. */
	stop: () => Promise< void >;
}

const SERVICE = path.join( __dirname, '../service' );

export function startRlg(
	args: string[],
	env: Record< string, string >,
	ready = args[ 0 ] === 'worker' ? 'worker ready' : 'listening'
): Promise< RlgProcess > {
	const child = spawn(
		process.execPath,
		[
			'-r',
			path.join( SERVICE, 'ts-register.js' ),
			'-e',
			`require( ${ JSON.stringify(
				path.join( SERVICE, '../../src/service/cli.ts' )
			) } ).main( process.argv.slice( 1 ) )`,
			...args,
		],
		{
			stdio: [ 'ignore', 'pipe', 'pipe' ],
			env: {
				...process.env,
				RLG_LOG_LEVEL: 'info',
				// Partner pages parsed in the main thread: worker threads
				// would transpile the sources again (seconds per process).
				RLG_ANALYSIS_THREADS: '0',
				...env,
			},
		}
	);
	let stderr = '';
	child.stderr!.on( 'data', ( chunk ) => ( stderr += chunk ) );
	const exit = new Promise< number | null >( ( done ) =>
		child.on( 'exit', ( code ) => done( code ) )
	);
	const lines: RlgProcess[ 'lines' ] = [];
	return new Promise( ( resolve, reject ) => {
		createInterface( { input: child.stdout! } ).on( 'line', ( line ) => {
			let entry: Record< string, unknown >;
			try {
				entry = JSON.parse( line );
			} catch {
				return;
			}
			lines.push( entry );
			if ( entry.msg === ready ) {
				resolve( {
					child,
					url: String( entry.url ?? '' ),
					lines,
					exit,
					async kill9() {
						child.kill( 'SIGKILL' );
						await exit;
					},
					async stop() {
						child.kill( 'SIGTERM' );
						await exit;
					},
				} );
			}
		} );
		child.on( 'exit', ( code ) =>
			reject(
				new Error(
					`rlg ${ args[ 0 ] } exited (${ code }) before "${ ready }": ${ stderr }`
				)
			)
		);
	} );
}
