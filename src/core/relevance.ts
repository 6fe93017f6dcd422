/**
 * Topic relevance between two texts (our post, their page) from term
 * statistics: a cosine similarity of weighted term vectors, in [0, 1].
 *
 * Pipeline for each text:
 * 1. fold and tokenise (text.ts), detect the language from its stop words;
 * 2. drop stop words of that language (plus short function words of the
 *    other supported languages and web boilerplate: "menu", "cookies");
 * 3. light stemming for the language ("schoenen" → "schoen");
 * 4. weight = (1 + ln tf) × idf, where idf is 1 for topical words and
 *    COMMON_WEIGHT for general vocabulary ("time", "goed", "jahr"): the pair
 *    has no corpus of its own to take document frequencies from, so general
 *    language use stands in for it;
 * 5. compounds: a long term of one text that starts or ends with a term of
 *    the other ("hardloopschoen" / "schoen", "keukengerei" / "keuken")
 *    contributes that term at half weight. Dutch and German write compounds
 *    as one word, which would otherwise hide most of the overlap.
 *
 * The score is the cosine of the two vectors; when one text is very short
 * (a bare title and heading) it is at least half the share of the short
 * text's topical terms that the other text contains (see SHORT_TEXT_TERMS). Texts in different languages
 * share almost no terms and score near 0 whatever their topics:
 * {@link relevanceDetails} reports both languages so a caller can refuse to
 * judge such a pair (the off-topic rule does).
 */
import { COMMON_WORDS } from './lexicon/common-words';
import { DEFAULT_SETTINGS } from './settings';
import {
	detectLanguage,
	isStopWord,
	stem,
	tokenize,
	type Language,
} from './text';

/**
 * Below this score a reciprocal partner is off-topic (`settings.minRelevance`,
 * default 0.08). Calibrated on the pairs in tests/core/relevance.test.ts:
 * texts on the same subject written independently (a running-shoe review and
 * a running shop, a cooking blog and a kitchen shop) score 0.15–0.6; texts on
 * unrelated subjects (a cooking blog and a car insurer, a garden blog and a
 * casino) score below 0.04, from the odd shared general word. 0.08 sits in
 * the gap, nearer the off-topic side so that a thin but real overlap still
 * counts as on-topic: the rule accuses a partner, so it should err towards
 * silence.
 */
export const RELEVANCE_THRESHOLD = DEFAULT_SETTINGS.minRelevance;

/** idf stand-in for general vocabulary (topical words weigh 1). */
export const COMMON_WEIGHT = 0.3;

/**
 * A text with fewer content terms than this (a title and heading without
 * body text) is too short for cosine, which punishes the difference in
 * length: it is judged by how much of it the longer text covers instead,
 * scaled by SHORT_TEXT_FACTOR so that a fully covered title scores like a
 * clearly on-topic page, not like a duplicate.
 */
const SHORT_TEXT_TERMS = 20;
const SHORT_TEXT_FACTOR = 0.5;

/** Terms shorter than this are not matched inside compounds. */
const MIN_COMPOUND_PART = 4;

export interface RelevanceDetails {
	/** Cosine similarity in [0, 1]. */
	score: number;
	/** Detected language of each text (null: too little text to tell). */
	languages: [ Language | null, Language | null ];
	/** Content terms of each text after stop-word removal. */
	termCounts: [ number, number ];
	/** The shared terms that weigh most, heaviest first (at most 10). */
	sharedTerms: string[];
}

interface TermVector {
	language: Language | null;
	/** Term → raw frequency. */
	tf: Map< string, number >;
	/** Term → idf stand-in (1 or COMMON_WEIGHT). */
	idf: Map< string, number >;
	count: number;
}

/**
 * @param fallback Language to assume when the text is too short to tell its
 *                 own (a bare title): the other text's language.
 */
function vectorize(
	tokens: string[],
	fallback: Language | null = null
): TermVector {
	const language = detectLanguage( tokens ) ?? fallback;
	const tf = new Map< string, number >();
	const idf = new Map< string, number >();
	let count = 0;
	for ( const token of tokens ) {
		if ( token.length < 2 || /^\d+$/.test( token ) ) {
			continue;
		}
		if ( isStopWord( token, language ) ) {
			continue;
		}
		if ( language && token.length < 4 && isStopWord( token, null ) ) {
			continue;
		}
		const term = stem( token, language );
		const common = COMMON_WORDS.has( token ) || COMMON_WORDS.has( term );
		tf.set( term, ( tf.get( term ) ?? 0 ) + 1 );
		if ( ! idf.has( term ) || ! common ) {
			idf.set( term, common ? COMMON_WEIGHT : 1 );
		}
		count++;
	}
	return { language, tf, idf, count };
}

function weights( vector: TermVector ): Map< string, number > {
	const result = new Map< string, number >();
	for ( const [ term, freq ] of vector.tf ) {
		result.set(
			term,
			( 1 + Math.log( freq ) ) * ( vector.idf.get( term ) ?? 1 )
		);
	}
	return result;
}

/**
 * Add, at half weight, the terms of `other` that a long term of `own`
 * starts or ends with (and that `own` lacks as a word of its own).
 */
function addCompoundParts(
	own: Map< string, number >,
	other: Map< string, number >
): void {
	const additions = new Map< string, number >();
	for ( const [ term, weight ] of own ) {
		if ( term.length < MIN_COMPOUND_PART * 2 ) {
			continue;
		}
		for (
			let cut = MIN_COMPOUND_PART;
			cut <= term.length - MIN_COMPOUND_PART + 1;
			cut++
		) {
			for ( const part of [
				term.slice( 0, cut ),
				term.slice( cut - 1 ),
			] ) {
				if (
					part.length >= MIN_COMPOUND_PART &&
					part.length <= term.length - 3 &&
					other.has( part ) &&
					! own.has( part )
				) {
					additions.set(
						part,
						Math.max( additions.get( part ) ?? 0, weight / 2 )
					);
				}
			}
		}
	}
	for ( const [ part, weight ] of additions ) {
		own.set( part, weight );
	}
}

/**
 * Share of a short text's weight that the other text contains, counting
 * only topical terms as contained: a shared "best" or "online" does not make
 * a casino title relevant to a running post.
 */
function coverage(
	short: TermVector,
	shortWeights: Map< string, number >,
	longWeights: Map< string, number >
): number {
	let total = 0;
	let covered = 0;
	for ( const [ term, weight ] of shortWeights ) {
		total += weight;
		if ( longWeights.has( term ) && ( short.idf.get( term ) ?? 1 ) === 1 ) {
			covered += weight;
		}
	}
	return total === 0 ? 0 : covered / total;
}

function norm( vector: Map< string, number > ): number {
	let sum = 0;
	for ( const weight of vector.values() ) {
		sum += weight * weight;
	}
	return Math.sqrt( sum );
}

/**
 * One post is compared with each of its partners' pages in turn, so the
 * tokens of recent texts are memoised (bounded; dropped whole when full).
 */
const TOKEN_CACHE = new Map< string, string[] >();
const TOKEN_CACHE_LIMIT = 16;

function tokensOf( text: string ): string[] {
	if ( typeof text !== 'string' ) {
		return [];
	}
	let tokens = TOKEN_CACHE.get( text );
	if ( ! tokens ) {
		tokens = tokenize( text );
		if ( TOKEN_CACHE.size >= TOKEN_CACHE_LIMIT ) {
			TOKEN_CACHE.clear();
		}
		TOKEN_CACHE.set( text, tokens );
	}
	return tokens;
}

const LANGUAGE_OF = new WeakMap< string[], Language | null >();
const VECTOR_OF = new WeakMap<
	string[],
	Map< Language | null, TermVector & { weights: Map< string, number > } >
>();

function languageOf( tokens: string[] ): Language | null {
	if ( ! LANGUAGE_OF.has( tokens ) ) {
		LANGUAGE_OF.set( tokens, detectLanguage( tokens ) );
	}
	return LANGUAGE_OF.get( tokens ) ?? null;
}

/** vectorize + weights, memoised per (cached) token list and fallback language. */
function vectorOf(
	tokens: string[],
	fallback: Language | null
): TermVector & { weights: Map< string, number > } {
	let byFallback = VECTOR_OF.get( tokens );
	if ( ! byFallback ) {
		byFallback = new Map();
		VECTOR_OF.set( tokens, byFallback );
	}
	let vector = byFallback.get( fallback );
	if ( ! vector ) {
		const plain = vectorize( tokens, fallback );
		vector = { ...plain, weights: weights( plain ) };
		byFallback.set( fallback, vector );
	}
	return vector;
}

/** Relevance with the evidence behind it. Never throws; empty texts score 0. */
export function relevanceDetails( a: string, b: string ): RelevanceDetails {
	const tokensA = tokensOf( a );
	const tokensB = tokensOf( b );
	const va = vectorOf( tokensA, languageOf( tokensB ) );
	const vb = vectorOf( tokensB, va.language );
	const wa = new Map( va.weights );
	const wb = new Map( vb.weights );
	const originalA = new Map( wa );
	addCompoundParts( wa, wb );
	addCompoundParts( wb, originalA );

	const shared: Array< [ string, number ] > = [];
	let dot = 0;
	for ( const [ term, weight ] of wa ) {
		const other = wb.get( term );
		if ( other !== undefined ) {
			dot += weight * other;
			shared.push( [ term, weight * other ] );
		}
	}
	const denominator = norm( wa ) * norm( wb );
	let score = denominator === 0 ? 0 : dot / denominator;
	const shorter =
		va.count <= vb.count
			? ( [ va, wa, wb ] as const )
			: ( [ vb, wb, wa ] as const );
	if ( shorter[ 0 ].count > 0 && shorter[ 0 ].count < SHORT_TEXT_TERMS ) {
		score = Math.max(
			score,
			SHORT_TEXT_FACTOR *
				coverage( shorter[ 0 ], shorter[ 1 ], shorter[ 2 ] )
		);
	}
	score = Math.min( 1, Math.max( 0, score ) );
	shared.sort(
		( x, y ) => y[ 1 ] - x[ 1 ] || x[ 0 ].localeCompare( y[ 0 ] )
	);
	return {
		score,
		languages: [ va.language, vb.language ],
		termCounts: [ va.count, vb.count ],
		sharedTerms: shared.slice( 0, 10 ).map( ( [ term ] ) => term ),
	};
}

/** Topic relevance of two texts in [0, 1]; see the module comment. */
export function relevance( a: string, b: string ): number {
	return relevanceDetails( a, b ).score;
}
