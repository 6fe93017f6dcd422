/**
 * Check results gathered for a moment before they go to the store (issue
 * 20): every dispatch of results makes the editor evaluate the post again
 * and the sidebar update, so the answers of a hand-over in parallel, or of
 * polls in quick succession, land as one dispatch rather than one each.
 */
import type { BacklinkResult } from '../../core';

/** The longest a result waits for others before it is shown. */
export const RESULT_FLUSH_MS = 300;

export interface ResultBuffer {
	add: ( results: Record< string, BacklinkResult > ) => void;
	/** Dispatches what is waiting now (the job ended, or gave up). */
	flush: () => void;
}

/**
 * Results handed to `add` reach `deliver` at most `delayMs` later, merged
 * with those added meanwhile; `flush` delivers at once.
 */
export function createResultBuffer(
	deliver: ( results: Record< string, BacklinkResult > ) => void,
	delayMs = RESULT_FLUSH_MS,
	timers: {
		set: ( run: () => void, ms: number ) => unknown;
		clear: ( handle: unknown ) => void;
	} = {
		set: ( run, ms ) => setTimeout( run, ms ),
		clear: ( handle ) =>
			clearTimeout( handle as ReturnType< typeof setTimeout > ),
	}
): ResultBuffer {
	let waiting: Record< string, BacklinkResult > | null = null;
	let timer: unknown = null;
	const flush = () => {
		if ( timer !== null ) {
			timers.clear( timer );
			timer = null;
		}
		if ( waiting ) {
			const results = waiting;
			waiting = null;
			deliver( results );
		}
	};
	return {
		add( results ) {
			waiting = waiting ? { ...waiting, ...results } : { ...results };
			if ( timer === null ) {
				timer = timers.set( flush, delayMs );
			}
		},
		flush,
	};
}
