/**
 * The `rlg` command line. Each command lives in ./commands/ and registers
 * itself on the commander program; this file only wires them together and
 * maps failures to exit codes (commands/exit-codes.ts).
 *
 * A failure the user can act on (an RlgError: bad argument, unreachable
 * site, refused address) is one line on stderr, `rlg: <what went wrong>`.
 * Anything else is a bug: one line too, and the stack trace with
 * `--verbose`.
 */
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands';
import { isVerbose, setVerbose } from './commands/cli-log';
import {
	EXIT_CODES_HELP,
	EXIT_ERROR,
	EXIT_OK,
	EXIT_UNCHECKED,
} from './commands/exit-codes';
import { isRlgError } from './errors';
import { boundHeapGrowth } from './heap';
import { packageVersion } from './version';

export {
	EXIT_ERROR,
	EXIT_FINDINGS,
	EXIT_OK,
	EXIT_UNCHECKED,
} from './commands/exit-codes';

/**
 * Error codes that mean "the network or a site did not let us check", not
 * "you asked for something wrong": exit code 3, worth retrying later.
 */
const UNCHECKED_CODES = new Set( [
	'ERR_DNS',
	'ERR_DNS_TIMEOUT',
	'ERR_SCAN_FETCH',
	'ERR_SCAN_SITEMAP',
	'ERR_SCAN_INTERRUPTED',
] );

export function buildProgram(): Command {
	const program = new Command( 'rlg' )
		.description(
			'Reciprocal Link Guard: find reciprocal links and link-scheme risks.'
		)
		.version( packageVersion(), '-V, --version', 'print the version' )
		.option(
			'--verbose',
			'show the service logs (JSON lines) and stack traces (or set RLG_LOG_LEVEL=debug)'
		)
		.addHelpText( 'after', `\n${ EXIT_CODES_HELP }` )
		.showHelpAfterError( '(rlg <command> --help for usage)' )
		.exitOverride()
		.hook( 'preAction', ( root ) => {
			setVerbose( root.opts().verbose === true );
		} );
	for ( const register of COMMANDS ) {
		register( program );
	}
	for ( const command of program.commands ) {
		// Subcommands report usage errors through main() too.
		command.exitOverride();
	}
	return program;
}

/** The exit code and the stderr text for a failure thrown by a command. */
export function describeFailure(
	error: unknown,
	verbose: boolean
): { exitCode: number; text: string } {
	if ( isRlgError( error ) ) {
		const detail = verbose && error.stack ? `\n${ error.stack }` : '';
		return {
			exitCode: UNCHECKED_CODES.has( error.code )
				? EXIT_UNCHECKED
				: EXIT_ERROR,
			text: `rlg: ${ error.message }${ detail }\n`,
		};
	}
	const message = error instanceof Error ? error.message : String( error );
	const stack = error instanceof Error ? error.stack : undefined;
	return {
		exitCode: EXIT_ERROR,
		text: verbose
			? `rlg: unexpected error: ${ stack ?? message }\n`
			: `rlg: unexpected error: ${ message } (run again with --verbose for the stack trace)\n`,
	};
}

export async function main( argv: string[] ): Promise< void > {
	const program = buildProgram();
	setVerbose( argv.includes( '--verbose' ) );
	try {
		boundHeapGrowth();
		await program.parseAsync( argv, { from: 'user' } );
	} catch ( error ) {
		if ( error instanceof CommanderError ) {
			// Help and version are "errors" to commander but successes to us;
			// commander has already printed the usage error.
			process.exitCode = error.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
			return;
		}
		const failure = describeFailure( error, isVerbose() );
		process.stderr.write( failure.text );
		process.exitCode = failure.exitCode;
	}
}
