/**
 * Runs `rlg …` in this process through the real entry point (commander
 * program, error mapping, exit codes) and captures what it prints.
 */
import { main } from '../../src/service/cli';

export interface CliRun {
	exitCode: number;
	stdout: string;
	stderr: string;
}

export async function runCli( args: string[] ): Promise< CliRun > {
	let stdout = '';
	let stderr = '';
	const out = jest
		.spyOn( process.stdout, 'write' )
		.mockImplementation( ( chunk: string | Uint8Array ) => {
			stdout += chunk.toString();
			return true;
		} );
	const err = jest
		.spyOn( process.stderr, 'write' )
		.mockImplementation( ( chunk: string | Uint8Array ) => {
			stderr += chunk.toString();
			return true;
		} );
	process.exitCode = undefined;
	try {
		await main( args );
	} finally {
		out.mockRestore();
		err.mockRestore();
	}
	const exitCode = Number( process.exitCode ?? 0 );
	process.exitCode = undefined;
	return { exitCode, stdout, stderr };
}
