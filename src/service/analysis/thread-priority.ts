/**
 * CPU priority of analysis workers. Parsing partner pages is throughput
 * work; the main thread answers sockets, WordPress and the store, and
 * every millisecond it waits for a core stretches every request in flight.
 * Workers therefore run some steps "nicer" than the service: on a busy
 * machine the scheduler gives the I/O thread the core first, and on a
 * shared host the PHP workers next to us do too. An idle machine still
 * gives the workers every free cycle, so nothing is slower when there is
 * no contention.
 *
 * Only on Linux, where a nice value belongs to one thread (setpriority on
 * "process" 0 means the calling thread). Elsewhere it would lower the whole
 * process, main thread included, so it is left alone there.
 */
import os from 'node:os';

// Imports nothing of the service: every worker loads this file at start.

/** Nicest value Linux allows. */
export const NICEST = 19;

/** Default steps below the service's priority. */
export const DEFAULT_ANALYSIS_NICENESS = 10;

export type PriorityChange =
	| { kind: 'lowered'; from: number; to: number }
	| { kind: 'unchanged'; reason: string };

/**
 * Makes the calling thread `steps` nicer (capped at 19). Never throws: a
 * priority is a preference, and a worker that cannot change it still works.
 */
export function lowerThreadPriority(
	steps: number,
	platform: NodeJS.Platform = process.platform
): PriorityChange {
	if ( steps <= 0 ) {
		return { kind: 'unchanged', reason: 'no change asked for' };
	}
	if ( platform !== 'linux' ) {
		return {
			kind: 'unchanged',
			reason: `per-thread priority is Linux-only (this is ${ platform })`,
		};
	}
	try {
		const from = os.getPriority();
		const to = Math.min( NICEST, from + steps );
		if ( to === from ) {
			return { kind: 'unchanged', reason: `already at ${ from }` };
		}
		os.setPriority( to );
		return { kind: 'lowered', from, to };
	} catch ( error ) {
		return {
			kind: 'unchanged',
			reason: error instanceof Error ? error.message : String( error ),
		};
	}
}
