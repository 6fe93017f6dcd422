/* Pair builders: one line per labelled pair (see types.ts). */
import type { Pair } from './types';

/** Builders of pairs of one split. */
export function labels( split: Pair[ 'split' ] ) {
	return {
		related: ( post: string, page: string, note?: string ): Pair => ( {
			post,
			page,
			related: true,
			split,
			...( note ? { note } : {} ),
		} ),
		unrelated: ( post: string, page: string, note?: string ): Pair => ( {
			post,
			page,
			related: false,
			split,
			...( note ? { note } : {} ),
		} ),
	};
}
