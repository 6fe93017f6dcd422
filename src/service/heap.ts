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
 *
 * The young generation is bounded too. V8 starts it at 1 MB per
 * semi-space and doubles it, up to 16 MB, whenever many objects survive a
 * scavenge, which a process full of requests in flight always has: the
 * main thread of a scan then held 32 MB of young space for its few MB of
 * short-lived objects (issue 17). Its maximum is fixed when the process
 * starts (`--max-semi-space-size`, which `rlg` cannot pass to itself), but
 * the growth factor is read at every growth: a factor of 1 keeps the young
 * generation at its starting size. Measured on a scan of 350 posts and
 * 1,000 partners: peak RSS 309 → 261 MB, CPU time 33.0 → 34.5 s (within
 * this machine's noise). Worker threads set their own young generation
 * (analysis/pool.ts).
 *
 * RLG_SEMI_SPACE_GROWTH overrides the factor (0 leaves V8's own, 2).
 *
 * Every worker thread is a new V8 isolate, and configuring an isolate's
 * heap raises the process-wide growth factor back to at least 2 (V8's
 * Heap::ConfigureHeap), so the bound was gone the moment a scan started
 * its analysis workers: the main thread's young generation grew to 32 MB
 * again (issue 17, measured in the partners phase of a 2,000-partner
 * scan). The flags are therefore applied again whenever a worker thread
 * comes online.
 */
import v8 from 'node:v8';
import { integerFromEnv } from './env-number';

export const DEFAULT_HEAP_GROWING_PERCENT = 50;

export const DEFAULT_SEMI_SPACE_GROWTH = 1;

/** The young generation's growth factor to use (0: V8's own). */
export function semiSpaceGrowth(
	env: NodeJS.ProcessEnv = process.env
): number {
	return (
		integerFromEnv( env, 'RLG_SEMI_SPACE_GROWTH', 0, 4 ) ??
		DEFAULT_SEMI_SPACE_GROWTH
	);
}

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
 * collection, so setting it at startup takes effect at once; it is set
 * again each time a worker thread comes online (see above).
 */
export function boundHeapGrowth( env: NodeJS.ProcessEnv = process.env ): void {
	const percent = heapGrowingPercent( env );
	const growth = semiSpaceGrowth( env );
	const flags: string[] = [];
	if ( percent > 0 ) {
		flags.push( `--heap-growing-percent=${ percent }` );
	}
	if ( growth > 0 ) {
		flags.push( `--semi-space-growth-factor=${ growth }` );
	}
	applied = flags;
	apply();
	if ( ! watching ) {
		watching = true;
		// Every worker thread (the analysis pool's, and any other) resets
		// the flags while it starts; once it is online they hold again.
		process.on( 'worker', ( worker ) => {
			worker.once( 'online', apply );
		} );
	}
}

/** The flags of the last boundHeapGrowth() (none before it). */
let applied: string[] = [];
let watching = false;

function apply(): void {
	for ( const flag of applied ) {
		v8.setFlagsFromString( flag );
	}
}
