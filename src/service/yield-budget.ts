/**
 * Long synchronous work in small pieces: the service answers every site
 * (and `/v1/health`) from one event loop, so a request that reads,
 * reclassifies, validates and serialises many large stored results must
 * let others in between. `createYielder()` gives a `pause()` to call
 * between items: it yields to the event loop (setImmediate: pending I/O
 * runs first) once `budgetMs` of work has passed since the last yield, and
 * costs next to nothing otherwise.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Longest stretch of synchronous work between two yields, by default.
 * Every request that yields runs one stretch per turn of the event loop,
 * and a health probe needs a few turns (accept, read, answer): with three
 * heavy requests, 10 ms stretches kept it waiting 35–45 ms (p50) and 4 ms
 * ones about 21 ms, with as many heavy requests served (tests/reliability/
 * health.test.ts, same machine, same run).
 */
export const DEFAULT_YIELD_BUDGET_MS = 4;

export interface Yielder {
	/** Yields to the event loop if this stretch of work has used its budget. */
	pause: () => Promise< void >;
}

export function createYielder( budgetMs = DEFAULT_YIELD_BUDGET_MS ): Yielder {
	let since = performance.now();
	return {
		async pause() {
			if ( performance.now() - since >= budgetMs ) {
				await nextTurn();
				since = performance.now();
			}
		},
	};
}

/** `fn` over `items` in order, yielding between items when the budget is used. */
export async function mapYielding< T, R >(
	items: readonly T[],
	fn: ( item: T, index: number ) => R,
	yielder: Yielder = createYielder()
): Promise< R[] > {
	const out: R[] = [];
	for ( let index = 0; index < items.length; index++ ) {
		await yielder.pause();
		out.push( fn( items[ index ], index ) );
	}
	return out;
}
