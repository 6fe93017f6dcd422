/**
 * Runs `rlg …` as a separate process from the TypeScript sources (through
 * ts-register.js), as a user's shell would: real argv parsing, real exit
 * code, real stdout and stderr.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface ProcessRun {
	code: number | null;
	stdout: string;
	stderr: string;
}

const CLI = path.join( __dirname, '../../src/service/cli.ts' );

/**
 * @param args the arguments after `rlg`
 * @param env  extra environment; JEST_WORKER_ID is removed so the CLI
 *             logs as it would for a user (jest silences logs otherwise)
 */
export function runRlg(
	args: string[],
	env: Record< string, string | undefined > = {}
): Promise< ProcessRun > {
	const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
	delete childEnv.JEST_WORKER_ID;
	if ( ! ( 'RLG_LOG_LEVEL' in env ) ) {
		delete childEnv.RLG_LOG_LEVEL;
	}
	const child = spawn(
		process.execPath,
		[
			'-r',
			path.join( __dirname, 'ts-register.js' ),
			'-e',
			`require( ${ JSON.stringify(
				CLI
			) } ).main( process.argv.slice( 1 ) )`,
			// Everything after -- is the script's, even --version.
			'--',
			...args,
		],
		{ stdio: [ 'ignore', 'pipe', 'pipe' ], env: childEnv }
	);
	let stdout = '';
	let stderr = '';
	child.stdout.on( 'data', ( chunk ) => ( stdout += chunk ) );
	child.stderr.on( 'data', ( chunk ) => ( stderr += chunk ) );
	return new Promise( ( resolve, reject ) => {
		child.on( 'error', reject );
		child.on( 'close', ( code ) => resolve( { code, stdout, stderr } ) );
	} );
}
