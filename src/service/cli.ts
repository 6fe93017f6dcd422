/**
 * The `rlg` command line. Each command lives in ./commands/ and registers
 * itself on the commander program; this file only wires them together and
 * maps failures to exit codes (0 ok, 1 findings, 2 error).
 */
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands';
import { boundHeapGrowth } from './heap';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export function buildProgram(): Command {
	const program = new Command( 'rlg' )
		.description(
			'Reciprocal Link Guard: find reciprocal links and link-scheme risks.'
		)
		.showHelpAfterError()
		.exitOverride();
	for ( const register of COMMANDS ) {
		register( program );
	}
	return program;
}

export async function main( argv: string[] ): Promise< void > {
	const program = buildProgram();
	try {
		boundHeapGrowth();
		await program.parseAsync( argv, { from: 'user' } );
	} catch ( error ) {
		if ( error instanceof CommanderError ) {
			// Help and version are "errors" to commander but successes to us.
			process.exitCode = error.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
			return;
		}
		const message =
			error instanceof Error ? error.message : String( error );
		process.stderr.write( `rlg: ${ message }\n` );
		process.exitCode = EXIT_ERROR;
	}
}
