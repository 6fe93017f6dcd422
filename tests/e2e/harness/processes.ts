/**
 * Child processes of the e2e environment: each in its own process group, so
 * teardown can stop a process together with everything it spawned.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './state';

export const RLG_BIN = path.join( ROOT, 'bin', 'rlg.js' );

export function stopGroup( pid: number ): void {
	try {
		process.kill( -pid, 'SIGTERM' );
	} catch {
		return;
	}
	const deadline = Date.now() + 3000;
	while ( Date.now() < deadline ) {
		try {
			process.kill( -pid, 0 );
		} catch {
			return;
		}
		spawnSync( 'sleep', [ '0.05' ] );
	}
	try {
		process.kill( -pid, 'SIGKILL' );
	} catch {
		// Exited between the check and the kill.
	}
}

export async function waitForUrl(
	url: string,
	isAlive: () => boolean,
	timeoutMs = 20000
): Promise< void > {
	const deadline = Date.now() + timeoutMs;
	let last = 'no answer';
	while ( Date.now() < deadline ) {
		if ( ! isAlive() ) {
			throw new Error( `The process serving ${ url } exited.` );
		}
		try {
			const response = await fetch( url, {
				signal: AbortSignal.timeout( 3000 ),
			} );
			await response.arrayBuffer();
			if ( response.ok ) {
				return;
			}
			last = `HTTP ${ response.status }`;
		} catch ( error ) {
			last = ( error as Error ).message;
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
	}
	throw new Error(
		`${ url } did not answer in ${ timeoutMs } ms (${ last }).`
	);
}

export interface StartedService {
	url: string;
	pid: number;
	dataDir: string;
	logFile: string;
}

/** Starts `rlg serve` on 127.0.0.1:port with its own data directory. */
export async function startService( options: {
	port: number;
	dataDir: string;
	logFile: string;
	resolve: string[];
} ): Promise< StartedService > {
	fs.mkdirSync( options.dataDir, { recursive: true } );
	const out = fs.openSync( options.logFile, 'a' );
	const args = [
		RLG_BIN,
		'serve',
		'--host',
		'127.0.0.1',
		'--port',
		String( options.port ),
	];
	for ( const entry of options.resolve ) {
		args.push( '--resolve', entry );
	}
	const child = spawn( process.execPath, args, {
		cwd: ROOT,
		detached: true,
		stdio: [ 'ignore', out, out ],
		env: {
			...process.env,
			RLG_DATA_DIR: options.dataDir,
			RLG_LOG_LEVEL: process.env.RLG_LOG_LEVEL ?? 'warn',
		},
	} );
	fs.closeSync( out );
	child.unref();
	let alive = true;
	child.once( 'exit', () => {
		alive = false;
	} );
	const url = `http://127.0.0.1:${ options.port }`;
	try {
		await waitForUrl( `${ url }/v1/health`, () => alive );
	} catch ( error ) {
		if ( child.pid ) {
			stopGroup( child.pid );
		}
		const log = fs.readFileSync( options.logFile, 'utf8' ).slice( -2000 );
		throw new Error( `${ ( error as Error ).message }\n${ log }` );
	}
	return {
		url,
		pid: child.pid as number,
		dataDir: options.dataDir,
		logFile: options.logFile,
	};
}

/** `rlg sites add <url> --json`: registers our WordPress and returns its key. */
export function registerSite( siteUrl: string, dataDir: string ): string {
	const result = spawnSync(
		process.execPath,
		[ RLG_BIN, 'sites', 'add', siteUrl, '--json' ],
		{
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, RLG_DATA_DIR: dataDir },
		}
	);
	if ( result.status !== 0 ) {
		throw new Error(
			`rlg sites add ${ siteUrl } failed: ${ result.stderr || result.stdout }`
		);
	}
	const parsed = JSON.parse( result.stdout ) as Record< string, unknown >;
	const key = parsed.key ?? parsed.siteKey;
	if ( typeof key !== 'string' || key === '' ) {
		throw new Error(
			`rlg sites add --json printed no key: ${ result.stdout }`
		);
	}
	return key;
}

/** Whether the built CLI has a command (the service may land after the harness). */
export function cliHasCommand( name: string ): boolean {
	if (
		! fs.existsSync(
			path.join( ROOT, 'build', 'node', 'service', 'cli.js' )
		)
	) {
		return false;
	}
	const result = spawnSync( process.execPath, [ RLG_BIN, name, '--help' ], {
		cwd: ROOT,
		encoding: 'utf8',
	} );
	return result.status === 0;
}
