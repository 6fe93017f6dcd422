/**
 * What the CLI shows of the service's structured logs. A terminal user
 * wants sentences, not pino's JSON: by default a warning becomes one line
 * (`rlg: warning: scan: page not read: https://… (http-error 404)`) and
 * error records are dropped, because the command prints its failure once
 * itself (cli.ts). `--verbose` or RLG_LOG_LEVEL brings back the full JSON
 * lines, stack traces included, for bug reports and log collectors.
 */
import { Writable } from 'node:stream';
import { createLogger, LOG_LEVELS } from '../logger';
import type { Logger, LogLevel } from '../logger';

let verbose = false;

/** Set once per run from the global `--verbose` option. */
export function setVerbose( value: boolean ): void {
	verbose = value;
}

export function isVerbose(): boolean {
	return verbose;
}

/** The RLG_LOG_LEVEL the user asked for, if it names a level. */
function levelFromEnv( env: NodeJS.ProcessEnv ): LogLevel | undefined {
	const level = env.RLG_LOG_LEVEL?.toLowerCase();
	return level && ( LOG_LEVELS as readonly string[] ).includes( level )
		? ( level as LogLevel )
		: undefined;
}

/** Fields worth a human's attention, in the order they are shown. */
const DETAIL_FIELDS = [ 'url', 'status', 'detail', 'reason' ] as const;

/**
 * One pino JSON line as a sentence, or null for records the CLI prints
 * itself (error and fatal).
 */
export function humanLogLine( json: string ): string | null {
	let record: Record< string, unknown >;
	try {
		record = JSON.parse( json ) as Record< string, unknown >;
	} catch {
		return json.trim() ? `rlg: ${ json.trim() }` : null;
	}
	const level = Number( record.level );
	if ( level >= 50 ) {
		return null;
	}
	const label = level >= 40 ? 'warning' : 'info';
	const details = DETAIL_FIELDS.map( ( field ) => record[ field ] )
		.filter(
			( value ) =>
				( typeof value === 'string' && value !== '' ) ||
				typeof value === 'number'
		)
		.map( String );
	const [ first, ...rest ] = details;
	const tail = first
		? `: ${ first }${ rest.length ? ` (${ rest.join( ', ' ) })` : '' }`
		: '';
	return `rlg: ${ label }: ${ String( record.msg ?? '' ) }${ tail }`;
}

function humanStream( target: NodeJS.WritableStream ): Writable {
	return new Writable( {
		write( chunk: Buffer | string, _encoding, callback ) {
			for ( const json of chunk.toString().split( '\n' ) ) {
				const line = json.trim() ? humanLogLine( json ) : null;
				if ( line !== null ) {
					target.write( `${ line }\n` );
				}
			}
			callback();
		},
	} );
}

/**
 * The logger a command hands to the scanner and checker: JSON on stderr
 * at RLG_LOG_LEVEL (or debug with --verbose), else warnings as sentences.
 * Silent under jest unless RLG_LOG_LEVEL says otherwise.
 */
export function cliLogger( env: NodeJS.ProcessEnv = process.env ): Logger {
	const asked = levelFromEnv( env );
	if ( asked || verbose ) {
		return createLogger( { level: asked ?? 'debug', destination: 2 } );
	}
	if ( env.JEST_WORKER_ID ) {
		return createLogger( { level: 'silent', destination: 2 } );
	}
	return createLogger( {
		level: 'warn',
		destination: humanStream( process.stderr ),
	} );
}
