/**
 * How far the JavaScript heap may grow between garbage collections.
 *
 * V8 sizes its heap from the machine's memory and, on a big machine, lets
 * it grow to several times the live data before collecting: a 10,000-post
 * scan peaked at 700 MB RSS for about 110 MB of live data, on a machine
 * with 25 GB. `rlg` is a long-running batch worker (scans, `serve`), often
 * on shared hosts: growing the heap by at most 50% over the live data
 * keeps the peak in proportion to the work. Measured with `npm run bench`
 * (benchmark 5): peak RSS 399 MB for 1,000 posts and 446 MB for 10,000
 * (was 454 / 671 MB), at the same posts per second.
 *
 * RLG_HEAP_GROWING_PERCENT overrides it; 0 leaves V8's own heuristics.
 */
import v8 from 'node:v8';
import { integerFromEnv } from './config';

export const DEFAULT_HEAP_GROWING_PERCENT = 50;

/** The percentage to use, from the environment or the default. */
export function heapGrowingPercent(
	env: NodeJS.ProcessEnv = process.env
): number {
	return (
		integerFromEnv( env, 'RLG_HEAP_GROWING_PERCENT', 0, 400 ) ??
		DEFAULT_HEAP_GROWING_PERCENT
	);
}

/**
 * Applies {@link heapGrowingPercent} to this process (worker threads
 * included: V8 flags are process-wide). V8 reads the flag at every
 * collection, so setting it at startup takes effect at once.
 */
export function boundHeapGrowth( env: NodeJS.ProcessEnv = process.env ): void {
	const percent = heapGrowingPercent( env );
	if ( percent > 0 ) {
		v8.setFlagsFromString( `--heap-growing-percent=${ percent }` );
	}
}
