/**
 * `rlg serve` as a real process: it listens, answers, and on SIGTERM stops
 * gracefully (exit code 0, nothing left holding the process open).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { tempDataDir } from './harness';

function rlg( args: string[], env: Record< string, string > = {} ) {
	return spawn(
		process.execPath,
		[
			'-r',
			path.join( __dirname, 'ts-register.js' ),
			'-e',
			`require( ${ JSON.stringify(
				path.join( __dirname, '../../src/service/cli.ts' )
			) } ).main( process.argv.slice( 1 ) )`,
			...args,
		],
		{
			stdio: [ 'ignore', 'pipe', 'pipe' ],
			env: { ...process.env, ...env },
		}
	);
}

// Each test starts a real process (sources transpiled on the fly).
jest.setTimeout( 90_000 );

describe( 'rlg serve', () => {
	let dataDir: string;
	beforeEach( () => {
		dataDir = tempDataDir();
	} );
	afterEach( () => fs.rmSync( dataDir, { recursive: true, force: true } ) );

	it( 'serves until SIGTERM, then shuts down cleanly with exit code 0', async () => {
		const child = rlg( [ 'serve', '--port', '0', '--data-dir', dataDir ], {
			RLG_LOG_LEVEL: 'info',
		} );
		const exit = new Promise< number | null >( ( resolve ) =>
			child.on( 'exit', ( code ) => resolve( code ) )
		);
		const messages: string[] = [];
		const listening = new Promise< string >( ( resolve, reject ) => {
			createInterface( { input: child.stdout } ).on( 'line', ( line ) => {
				const entry = JSON.parse( line );
				messages.push( entry.msg );
				if ( entry.msg === 'listening' ) {
					resolve( entry.url );
				}
			} );
			child.on( 'exit', () =>
				reject( new Error( 'rlg serve exited before listening' ) )
			);
		} );
		try {
			const url = await listening;
			const health = await fetch( `${ url }/v1/health` );
			expect( await health.json() ).toMatchObject( { ok: true } );
		} finally {
			child.kill( 'SIGTERM' );
		}
		expect( await exit ).toBe( 0 );
		expect( messages ).toEqual( [
			'listening',
			'request',
			'shutting down',
		] );
	} );

	it( 'refuses to listen on a public address without site keys (exit 2)', async () => {
		const child = rlg( [
			'serve',
			'--host',
			'0.0.0.0',
			'--port',
			'0',
			'--data-dir',
			dataDir,
		] );
		let stderr = '';
		child.stderr.on( 'data', ( chunk ) => ( stderr += chunk ) );
		const code = await new Promise< number | null >( ( resolve ) =>
			child.on( 'exit', resolve )
		);
		expect( code ).toBe( 2 );
		expect( stderr ).toContain( 'refusing to listen on 0.0.0.0' );
	} );
} );
