/**
 * Structured logs (pino, one JSON object per line). The service logs one
 * line per HTTP request and one per fetch; tests are quiet unless
 * RLG_LOG_LEVEL says otherwise.
 */
import pino from 'pino';
import type { Logger, DestinationStream } from 'pino';

export type { Logger };

export const LOG_LEVELS = [
	'fatal',
	'error',
	'warn',
	'info',
	'debug',
	'trace',
	'silent',
] as const;
export type LogLevel = ( typeof LOG_LEVELS )[ number ];

export interface LoggerOptions {
	level?: LogLevel;
	/** Where lines go; default stdout. The CLI passes stderr (fd 2). */
	destination?: DestinationStream | number;
}

/** The level from RLG_LOG_LEVEL, else silent under jest, else `fallback`. */
export function defaultLogLevel(
	fallback: LogLevel = 'info',
	env: NodeJS.ProcessEnv = process.env
): LogLevel {
	const fromEnv = env.RLG_LOG_LEVEL?.toLowerCase();
	if ( fromEnv && ( LOG_LEVELS as readonly string[] ).includes( fromEnv ) ) {
		return fromEnv as LogLevel;
	}
	return env.JEST_WORKER_ID ? 'silent' : fallback;
}

export function createLogger( options: LoggerOptions = {} ): Logger {
	const level = options.level ?? defaultLogLevel();
	const destination =
		typeof options.destination === 'number'
			? pino.destination( { fd: options.destination, sync: true } )
			: options.destination;
	return pino(
		{
			name: 'rlg',
			level,
			base: { pid: process.pid },
			timestamp: pino.stdTimeFunctions.isoTime,
			// Signatures are credentials for five minutes: never log them.
			redact: [ 'req.headers["x-rlg-signature"]' ],
		},
		destination ?? pino.destination( { fd: 1, sync: true } )
	);
}

/** A logger that drops everything (tests, library use). */
export function silentLogger(): Logger {
	return pino( { level: 'silent' } );
}
