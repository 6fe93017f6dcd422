/**
 * The relevance pair set (issue 15 item 2), all languages: texts and
 * labelled pairs. See types.ts for what the labels mean.
 */
import { DE_HOLDOUT_PAIRS, DE_HOLDOUT_TEXTS, DE_PAIRS, DE_TEXTS } from './de';
import { EN_HOLDOUT_PAIRS, EN_HOLDOUT_TEXTS, EN_PAIRS, EN_TEXTS } from './en';
import { NL_HOLDOUT_PAIRS, NL_HOLDOUT_TEXTS, NL_PAIRS, NL_TEXTS } from './nl';
import type { Pair, PairText } from './types';

export type { Lang, Pair, PairText } from './types';

export const TEXTS: Record< string, PairText > = {
	...NL_TEXTS,
	...EN_TEXTS,
	...DE_TEXTS,
	...NL_HOLDOUT_TEXTS,
	...EN_HOLDOUT_TEXTS,
	...DE_HOLDOUT_TEXTS,
};

export const PAIRS: Pair[] = [
	...NL_PAIRS,
	...EN_PAIRS,
	...DE_PAIRS,
	...NL_HOLDOUT_PAIRS,
	...EN_HOLDOUT_PAIRS,
	...DE_HOLDOUT_PAIRS,
];

/** Title and body as the rules get them (title first, as a post's text). */
export function fullText( id: string ): string {
	const text = TEXTS[ id ];
	if ( ! text ) {
		throw new Error( `relevance pairs: no text "${ id }"` );
	}
	return `${ text.title }\n${ text.text }`;
}
