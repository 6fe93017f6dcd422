/**
 * Topic profiles: which broad fields of interest (lexicon/topics.ts) a
 * text is about, from its words. Term overlap (relevance.ts) misses texts
 * on one field written with different words — growing tomatoes and
 * composting — and is fooled by shared general words; the profile sees the
 * field behind the words.
 *
 * A profile counts each distinct word once per field it belongs to, with
 * a weight that grows slowly with repetition (1 + ln tf, at most 2): a
 * word repeated in a list ("Tuinsite 1 … Tuinsite 59") must not outweigh a
 * paragraph of prose.
 */
import {
	NEIGHBOUR_FIELDS,
	TOPIC_FIELDS,
	TOPIC_WORDS,
	type TopicField,
} from './lexicon/topics';
import { stem, type Language } from './text';

export { SCHEME_FIELDS, TOPIC_FIELDS, type TopicField } from './lexicon/topics';

/** Whether two fields are neighbours (lexicon/topics.ts NEIGHBOUR_FIELDS). */
export function neighbourFields( a: TopicField, b: TopicField ): boolean {
	return NEIGHBOUR_FIELDS.some(
		( [ x, y ] ) => ( x === a && y === b ) || ( x === b && y === a )
	);
}

/** Affix entries shorter than this are ignored ("*ui" would match "bui"). */
const MIN_AFFIX = 4;
/** The most a repeated word adds to its field. */
const MAX_WORD_WEIGHT = 2;

interface FieldMatcher {
	exact: Map< string, TopicField[] >;
	prefixes: Map< string, TopicField[] >;
	suffixes: Map< string, TopicField[] >;
	/** Token → fields (memo; bounded). */
	memo: Map< string, readonly TopicField[] >;
}

const MATCHERS = new Map< Language, FieldMatcher | null >();
const MEMO_LIMIT = 20000;
const NONE: readonly TopicField[] = [];

function add(
	map: Map< string, TopicField[] >,
	key: string,
	field: TopicField
): void {
	const list = map.get( key );
	if ( ! list ) {
		map.set( key, [ field ] );
	} else if ( ! list.includes( field ) ) {
		list.push( field );
	}
}

function matcherFor( language: Language ): FieldMatcher | null {
	if ( MATCHERS.has( language ) ) {
		return MATCHERS.get( language ) ?? null;
	}
	const lists = ( TOPIC_WORDS as Record< string, unknown > )[ language ] as
		Partial< Record< TopicField, string > > | undefined;
	if ( ! lists ) {
		MATCHERS.set( language, null );
		return null;
	}
	const matcher: FieldMatcher = {
		exact: new Map(),
		prefixes: new Map(),
		suffixes: new Map(),
		memo: new Map(),
	};
	for ( const field of TOPIC_FIELDS ) {
		for ( const entry of ( lists[ field ] ?? '' ).split( /\s+/ ) ) {
			if ( entry === '' ) {
				continue;
			}
			if ( entry.endsWith( '*' ) ) {
				const prefix = entry.slice( 0, -1 );
				if ( prefix.length >= MIN_AFFIX ) {
					add( matcher.prefixes, prefix, field );
				} else {
					add( matcher.exact, prefix, field );
				}
			} else if ( entry.startsWith( '*' ) ) {
				const suffix = entry.slice( 1 );
				if ( suffix.length >= MIN_AFFIX ) {
					add( matcher.suffixes, suffix, field );
				}
			} else {
				add( matcher.exact, entry, field );
				add( matcher.exact, stem( entry, language ), field );
			}
		}
	}
	MATCHERS.set( language, matcher );
	return matcher;
}

/**
 * The fields a folded token belongs to: the word or its stem listed
 * whole, else the longest listed start of it, else the longest listed end
 * (the head of a compound).
 */
export function fieldsOfToken(
	token: string,
	language: Language | null
): readonly TopicField[] {
	if ( ! language ) {
		return NONE;
	}
	const matcher = matcherFor( language );
	if ( ! matcher ) {
		return NONE;
	}
	const known = matcher.memo.get( token );
	if ( known ) {
		return known;
	}
	let fields: readonly TopicField[] =
		matcher.exact.get( token ) ??
		matcher.exact.get( stem( token, language ) ) ??
		NONE;
	if ( fields === NONE ) {
		for ( let end = token.length; end >= MIN_AFFIX; end-- ) {
			const found = matcher.prefixes.get( token.slice( 0, end ) );
			if ( found ) {
				fields = found;
				break;
			}
		}
	}
	if ( fields === NONE ) {
		for ( let start = 1; token.length - start >= MIN_AFFIX; start++ ) {
			const found = matcher.suffixes.get( token.slice( start ) );
			if ( found ) {
				fields = found;
				break;
			}
		}
	}
	if ( matcher.memo.size >= MEMO_LIMIT ) {
		matcher.memo.clear();
	}
	matcher.memo.set( token, fields );
	return fields;
}

export interface TopicProfile {
	/** Field → weight (each distinct word 1 + ln tf, at most 2). */
	weights: Map< TopicField, number >;
	/** Sum of the field weights. */
	total: number;
	/** The heaviest field, or null without any field word. */
	dominant: TopicField | null;
	/** The dominant field's share of `total`. */
	dominantShare: number;
	/** Distinct words that belong to some field. */
	fieldWords: number;
}

/**
 * The topic profile of a text's content tokens (folded, stop words
 * removed), in its language. Languages without a topic lexicon (fr, es)
 * and texts without a language get an empty profile.
 */
export function topicProfile(
	tokens: readonly string[],
	language: Language | null
): TopicProfile {
	const tf = new Map< string, number >();
	for ( const token of tokens ) {
		tf.set( token, ( tf.get( token ) ?? 0 ) + 1 );
	}
	const weights = new Map< TopicField, number >();
	let total = 0;
	let fieldWords = 0;
	for ( const [ token, count ] of tf ) {
		const fields = fieldsOfToken( token, language );
		if ( fields.length === 0 ) {
			continue;
		}
		fieldWords++;
		const weight = Math.min( MAX_WORD_WEIGHT, 1 + Math.log( count ) );
		for ( const field of fields ) {
			weights.set( field, ( weights.get( field ) ?? 0 ) + weight );
			total += weight;
		}
	}
	let dominant: TopicField | null = null;
	let best = 0;
	for ( const field of TOPIC_FIELDS ) {
		const weight = weights.get( field ) ?? 0;
		if ( weight > best ) {
			best = weight;
			dominant = field;
		}
	}
	return {
		weights,
		total,
		dominant,
		dominantShare: total === 0 ? 0 : best / total,
		fieldWords,
	};
}

/** A field's share of a profile's weight (0 for an empty profile). */
export function fieldShare( profile: TopicProfile, field: TopicField ): number {
	return profile.total === 0
		? 0
		: ( profile.weights.get( field ) ?? 0 ) / profile.total;
}

/**
 * How much two profiles agree: the sum over fields of the smaller share,
 * 1 for the same mix of fields, 0 for no field in common.
 */
export function topicOverlap( a: TopicProfile, b: TopicProfile ): number {
	if ( a.total === 0 || b.total === 0 ) {
		return 0;
	}
	let overlap = 0;
	for ( const [ field, weight ] of a.weights ) {
		const other = b.weights.get( field );
		if ( other !== undefined ) {
			overlap += Math.min( weight / a.total, other / b.total );
		}
	}
	return overlap;
}
