/**
 * Shared text normalisation for anchor classification and relevance: one
 * folding so that "Klik hier!", "klik  HIER" and "klík hiér" compare equal.
 *
 * Folding = Unicode compatibility decomposition, diacritics removed, the
 * letters that do not decompose (ß, æ, ø, œ, ł, đ, þ, ı) spelled out, lower
 * case, every run of characters that is neither a letter nor a digit turned
 * into one space. An apostrophe inside a word joins its halves ("don't" →
 * "dont", "zo'n" → "zon"), except French/Italian elision, which is split
 * off so the noun stays findable ("l'article" → "l article").
 */
import {
	STEMMERS,
	STOP_WORDS,
	WEB_WORDS,
	type Language,
	LANGUAGES,
} from './lexicon/languages';

export { LANGUAGES, type Language };

const LIGATURES: Record< string, string > = {
	ß: 'ss',
	æ: 'ae',
	ø: 'o',
	œ: 'oe',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ı: 'i',
	ĳ: 'ij',
};
const LIGATURE_PATTERN = new RegExp(
	'[' + Object.keys( LIGATURES ).join( '' ) + ']',
	'g'
);

/** French/Italian elided articles and pronouns: "l'article" → "l article". */
const ELISION = /\b([cdjlmnst]|qu)['’](?=\p{L})/gu;
/**
 * An apostrophe inside a word ("don't", "zo'n") joins its halves. No
 * lookbehind: older Safari versions that still run the block editor fail
 * to even parse it, which would take the whole bundle down.
 */
const INNER_APOSTROPHE = /(\p{L})['’`´](?=\p{L})/gu;

/**
 * The same anchors, titles and brand terms are folded again and again (per
 * link, per backlink, per rule), and NFKD plus the Unicode-property
 * replacements dominate an editor evaluation: folds of short texts are
 * memoised in a bounded map, dropped whole when full (as in url.ts). Long
 * texts (post bodies, page samples) are folded rarely and would only crowd
 * the map out.
 */
const FOLD_MEMO_LIMIT = 4096;
const FOLD_MEMO_MAX_LENGTH = 256;
const FOLDED = new Map< string, string >();

/**
 * Fold a text for comparison: lower case, no diacritics, punctuation and
 * symbols as single spaces, trimmed. Never throws; non-strings fold to ''.
 */
export function foldText( text: string ): string {
	if ( typeof text !== 'string' || text === '' ) {
		return '';
	}
	if ( text.length > FOLD_MEMO_MAX_LENGTH ) {
		return computeFold( text );
	}
	const known = FOLDED.get( text );
	if ( known !== undefined ) {
		return known;
	}
	const folded = computeFold( text );
	if ( FOLDED.size >= FOLD_MEMO_LIMIT ) {
		FOLDED.clear();
	}
	FOLDED.set( text, folded );
	return folded;
}

function computeFold( text: string ): string {
	return text
		.toLowerCase()
		.replace( LIGATURE_PATTERN, ( letter ) => LIGATURES[ letter ] )
		.normalize( 'NFKD' )
		.replace( /\p{M}+/gu, '' )
		.replace( ELISION, '$1 ' )
		.replace( INNER_APOSTROPHE, '$1' )
		.replace( /[^\p{L}\p{N}]+/gu, ' ' )
		.trim();
}

/** Folded words of a text, in order. */
export function tokenize( text: string ): string[] {
	const folded = foldText( text );
	return folded === '' ? [] : folded.split( ' ' );
}

/**
 * Stop word → the places in LANGUAGES of the languages it is a stop word
 * of; web words ("home", "menu") count for none. Built once from the word
 * lists, so detecting a language looks each token up once, not once per
 * language.
 */
const STOP_WORD_LANGUAGES = new Map< string, number[] >();
LANGUAGES.forEach( ( language, i ) => {
	for ( const word of STOP_WORDS[ language ] ) {
		if ( WEB_WORDS.has( word ) ) {
			continue;
		}
		const languages = STOP_WORD_LANGUAGES.get( word );
		if ( languages ) {
			languages.push( i );
		} else {
			STOP_WORD_LANGUAGES.set( word, [ i ] );
		}
	}
} );

/**
 * The language whose stop words make up the largest share of the tokens,
 * or null when fewer than two stop words of any language occur (too little
 * text to tell). Used to pick stop words and a stemmer; it does not need to
 * be right about short texts, only about the running text it is given.
 */
export function detectLanguage( tokens: string[] ): Language | null {
	// One lookup per token: which languages' stop words it is.
	const hits = LANGUAGES.map( () => 0 );
	for ( const token of tokens ) {
		const languages = STOP_WORD_LANGUAGES.get( token );
		if ( languages ) {
			for ( const i of languages ) {
				hits[ i ]++;
			}
		}
	}
	let best: Language | null = null;
	let bestHits = 1;
	for ( let i = 0; i < LANGUAGES.length; i++ ) {
		if ( hits[ i ] > bestHits ) {
			best = LANGUAGES[ i ];
			bestHits = hits[ i ];
		}
	}
	return best;
}

/** Whether a folded token is a stop word of `language` (of any language when null). */
export function isStopWord(
	token: string,
	language: Language | null
): boolean {
	if ( language ) {
		return STOP_WORDS[ language ].has( token );
	}
	return LANGUAGES.some( ( lang ) => STOP_WORDS[ lang ].has( token ) );
}

/**
 * Light stemming: strips inflection (plural, diminutive, some verb endings)
 * so "links"/"link", "fietsen"/"fiets", "Schuhe"/"Schuh" meet. Deliberately
 * conservative: over-stemming merges unrelated words and would inflate
 * relevance. Without a language only the plural -s is stripped.
 */
export function stem( token: string, language: Language | null ): string {
	if ( /\d/.test( token ) ) {
		return token;
	}
	if ( language ) {
		return STEMMERS[ language ]( token );
	}
	return token.length > 3 && /[^su]s$/.test( token )
		? token.slice( 0, -1 )
		: token;
}

/**
 * Content terms of a text: folded tokens without stop words and single
 * letters, stemmed for the detected (or given) language.
 */
export function contentTerms(
	text: string,
	language?: Language | null
): string[] {
	const tokens = tokenize( text );
	const lang = language === undefined ? detectLanguage( tokens ) : language;
	const terms: string[] = [];
	for ( const token of tokens ) {
		if ( token.length < 2 || isStopWord( token, lang ) ) {
			continue;
		}
		if ( lang && isStopWord( token, null ) && token.length < 4 ) {
			// Short function words of another language ("de", "la", "die")
			// in a mixed text carry no topic.
			continue;
		}
		terms.push( stem( token, lang ) );
	}
	return terms;
}
