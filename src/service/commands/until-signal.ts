/**
 * Keep a long-running command (`rlg serve`, `rlg worker`) alive until
 * SIGINT or SIGTERM, then close it once. A failed close is logged and
 * leaves exit code 2, so a process manager sees the unclean stop.
 */
import type { Logger } from '../logger';

/**
 * Resolves after the first SIGINT/SIGTERM has been handled by `close`.
 *
 * @param logger   Where the stop and a failed close are logged.
 * @param stopping The log message when a signal arrives.
 * @param close    Stops the command's work (server, queue worker).
 */
export function untilSignalled(
	logger: Logger,
	stopping: string,
	close: () => Promise< void >
): Promise< void > {
	return new Promise< void >( ( resolve ) => {
		const stop = ( signal: NodeJS.Signals ) => {
			process.off( 'SIGINT', stop );
			process.off( 'SIGTERM', stop );
			logger.info( { signal }, stopping );
			close().then( resolve, ( error ) => {
				logger.error( { err: error }, 'shutdown failed' );
				process.exitCode = 2;
				resolve();
			} );
		};
		process.on( 'SIGINT', stop );
		process.on( 'SIGTERM', stop );
	} );
}
