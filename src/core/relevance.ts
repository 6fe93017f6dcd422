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
	fieldShare,
	neighbourFields,
	SCHEME_FIELDS,
	topicOverlap,
	topicProfile,
	type TopicField,
	type TopicProfile,
} from './topics';
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

/** A token's term and whether it is general vocabulary, or null when it is no content term. */
function contentTermOf(
	token: string,
	language: Language | null
): { term: string; common: boolean } | null {
	if ( token.length < 2 || /^\d+$/.test( token ) ) {
		return null;
	}
	if ( isStopWord( token, language ) ) {
		return null;
	}
	if ( language && token.length < 4 && isStopWord( token, null ) ) {
		return null;
	}
	const term = stem( token, language );
	return {
		term,
		common: COMMON_WORDS.has( token ) || COMMON_WORDS.has( term ),
	};
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
	// A text repeats its words: each distinct token is judged and stemmed
	// once (null: not a content term).
	const judged = new Map<
		string,
		{ term: string; common: boolean } | null
	>();
	for ( const token of tokens ) {
		let verdict = judged.get( token );
		if ( verdict === undefined ) {
			verdict = contentTermOf( token, language );
			judged.set( token, verdict );
		}
		if ( verdict === null ) {
			continue;
		}
		const { term, common } = verdict;
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
 * The terms of `other` that a long term of `own` starts or ends with (and
 * that `own` lacks as a word of its own), at half weight, into `additions`.
 */
function addCompoundParts(
	own: ReadonlyMap< string, number >,
	other: ReadonlyMap< string, number >,
	additions: Map< string, number >
): void {
	forEachCompoundPart( own, ( part, weight ) => {
		if ( other.has( part ) ) {
			additions.set(
				part,
				Math.max( additions.get( part ) ?? 0, weight / 2 )
			);
		}
	} );
}

/**
 * Every start and end of a long term of `own` that could stand for a word
 * of another text (long enough, shorter than the term, not a term of `own`
 * itself), with the term's weight, in a fixed order: the one walk both
 * compound-part functions share, so they cannot disagree.
 */
function forEachCompoundPart(
	own: ReadonlyMap< string, number >,
	visit: ( part: string, weight: number ) => void
): void {
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
					! own.has( part )
				) {
					visit( part, weight );
				}
			}
		}
	}
}

/**
 * Share of a short text's weight that the other text contains, counting
 * only topical terms as contained: a shared "best" or "online" does not make
 * a casino title relevant to a running post.
 */
function coverage(
	short: TermVector,
	shortWeights: Weights,
	longWeights: Weights
): number {
	let total = 0;
	let covered = 0;
	shortWeights.forEach( ( term, weight ) => {
		total += weight;
		if ( longWeights.has( term ) && ( short.idf.get( term ) ?? 1 ) === 1 ) {
			covered += weight;
		}
	} );
	return total === 0 ? 0 : covered / total;
}

/**
 * A text's weights plus the compound parts it gained from the other text,
 * read in that order (the order the sums below always used, so scores are
 * the same to the last bit) without copying the text's own weights for
 * every pair.
 */
class Weights {
	constructor(
		readonly own: ReadonlyMap< string, number >,
		readonly added: ReadonlyMap< string, number >
	) {}

	has( term: string ): boolean {
		return this.own.has( term ) || this.added.has( term );
	}

	get( term: string ): number | undefined {
		return this.own.get( term ) ?? this.added.get( term );
	}

	forEach( visit: ( term: string, weight: number ) => void ): void {
		this.own.forEach( ( weight, term ) => visit( term, weight ) );
		this.added.forEach( ( weight, term ) => visit( term, weight ) );
	}
}

/** A compound part of a text's long terms: its heaviest half weight, and when it was first found. */
interface CompoundPart {
	weight: number;
	rank: number;
}

interface PreparedVector extends TermVector {
	weights: Map< string, number >;
	/** Sum of the squared weights, in the weights' order (the norm's first terms). */
	squares: number;
	/** Term → its place in `weights`. */
	place: Map< string, number >;
	/** Built on first use: parts of this text's long terms that it lacks as terms. */
	parts?: Map< string, CompoundPart >;
}

/**
 * The compound parts that addCompoundParts would find in `own` (this
 * text's terms), for any other text: each part's heaviest half weight and
 * the order of first discovery, so a pair only looks up the other text's
 * terms instead of cutting every long term of this text again.
 */
function compoundPartsOf(
	own: ReadonlyMap< string, number >
): Map< string, CompoundPart > {
	const parts = new Map< string, CompoundPart >();
	let rank = 0;
	forEachCompoundPart( own, ( part, weight ) => {
		const known = parts.get( part );
		if ( known ) {
			known.weight = Math.max( known.weight, weight / 2 );
		} else {
			parts.set( part, {
				weight: Math.max( 0, weight / 2 ),
				rank: rank++,
			} );
		}
	} );
	return parts;
}

/**
 * A text tokenised once and vectorised once per fallback language, to be
 * compared with many others: the rules compare one post with every partner
 * page it links to, and tokenising and weighting the post is most of the
 * cost of each comparison. Holds nothing beyond the one text.
 */
export interface PreparedText {
	readonly tokens: string[];
	/** The text's own language (null: too little text to tell). */
	readonly language: Language | null;
	/** Vectors by fallback language (see vectorize). */
	readonly vectors: Map< Language | null, PreparedVector >;
}

/**
 * A number run into a word ("1tuinsite", "23moestuin": list items whose
 * text was joined without a space) is cut off the word, so the word counts.
 */
const LEADING_NUMBER = /^\d+(?=\p{L}{3})/u;

export function prepareText( text: string ): PreparedText {
	const tokens =
		typeof text === 'string'
			? tokenize( text ).map( ( token ) =>
					LEADING_NUMBER.test( token )
						? token.replace( LEADING_NUMBER, '' )
						: token
				)
			: [];
	return {
		tokens,
		language: detectLanguage( tokens ),
		vectors: new Map(),
	};
}

function vectorOf(
	text: PreparedText,
	fallback: Language | null
): PreparedVector {
	// Only a text without a language of its own depends on the fallback.
	const key = text.language ?? fallback;
	let vector = text.vectors.get( key );
	if ( ! vector ) {
		const plain = vectorize( text.tokens, key );
		const own = weights( plain );
		let squares = 0;
		const place = new Map< string, number >();
		for ( const [ term, weight ] of own ) {
			squares += weight * weight;
			place.set( term, place.size );
		}
		vector = { ...plain, weights: own, squares, place };
		text.vectors.set( key, vector );
	}
	return vector;
}

/**
 * Relevance of two prepared texts, with the evidence behind it; the same
 * result, bit for bit, as {@link relevanceDetails} of their strings.
 */
export function relevanceOfPrepared(
	a: PreparedText,
	b: PreparedText
): RelevanceDetails {
	const va = vectorOf( a, b.language );
	const vb = vectorOf( b, va.language );
	// a's compound parts that b has as terms, in the order of discovery.
	va.parts ??= compoundPartsOf( va.weights );
	const partsOfA: Array< [ string, CompoundPart ] > = [];
	for ( const term of vb.weights.keys() ) {
		const part = va.parts.get( term );
		if ( part ) {
			partsOfA.push( [ term, part ] );
		}
	}
	partsOfA.sort( ( x, y ) => x[ 1 ].rank - y[ 1 ].rank );
	const addedA = new Map< string, number >();
	for ( const [ term, part ] of partsOfA ) {
		addedA.set( term, part.weight );
	}
	const addedB = new Map< string, number >();
	addCompoundParts( vb.weights, va.weights, addedB );
	const wa = new Weights( va.weights, addedA );
	const wb = new Weights( vb.weights, addedB );

	// The dot product in a's order (own terms, then added parts), found
	// from b's side: b is one partner page, a may be a long post.
	const matches: Array< [ number, string ] > = [];
	wb.forEach( ( term ) => {
		const at = va.place.get( term );
		if ( at !== undefined ) {
			matches.push( [ at, term ] );
		}
	} );
	matches.sort( ( x, y ) => x[ 0 ] - y[ 0 ] );
	const shared: Array< [ string, number ] > = [];
	let dot = 0;
	const addShared = ( term: string, weight: number ) => {
		const other = wb.get( term ) as number;
		dot += weight * other;
		shared.push( [ term, weight * other ] );
	};
	for ( const [ , term ] of matches ) {
		addShared( term, va.weights.get( term ) as number );
	}
	// Every added part of a is a term of b by construction.
	addedA.forEach( ( weight, term ) => addShared( term, weight ) );

	let squaresA = va.squares;
	addedA.forEach( ( weight ) => {
		squaresA += weight * weight;
	} );
	let squaresB = 0;
	wb.forEach( ( _term, weight ) => {
		squaresB += weight * weight;
	} );
	const denominator = Math.sqrt( squaresA ) * Math.sqrt( squaresB );
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

/** Relevance with the evidence behind it. Never throws; empty texts score 0. */
export function relevanceDetails( a: string, b: string ): RelevanceDetails {
	return relevanceOfPrepared( prepareText( a ), prepareText( b ) );
}

/** Topic relevance of two texts in [0, 1]; see the module comment. */
export function relevance( a: string, b: string ): number {
	return relevanceDetails( a, b ).score;
}

// ---------------------------------------------------------------------------
// Off-topic assessment: relevance plus topic fields, with a confidence.

/** Topic overlap at or above which two texts share a field (related). */
export const RELATED_OVERLAP = 0.25;
/** A field with less than this share of a text is foreign to it. */
const FOREIGN_SHARE = 0.1;
/** A text "is about" its dominant field with this much weight and share. */
const CLEAR_FIELD_WEIGHT = 3;
const CLEAR_FIELD_SHARE = 0.4;
/** Content terms each side needs for a strong (high-confidence) verdict. */
const STRONG_POST_TERMS = 20;
const STRONG_PAGE_TERMS = 40;
/** Without fields, only long texts that share nothing are judged (low). */
const LONG_TEXT_TERMS = 80;
/**
 * A page whose most frequent term makes up this share of its content
 * terms (with at least LIST_MIN_TERMS of them) is a generated list — "Tuinsite 1 …
 * Tuinsite 59" — not prose on a topic.
 */
const LIST_TERM_SHARE = 1 / 3;
const LIST_MIN_TERMS = 30;

export type Confidence = 'low' | 'medium' | 'high';

export type OffTopicReason =
	/** Both texts are clearly about different fields. */
	| 'fields-differ'
	/** Their page is clearly about a field of paid-link sites our text is not. */
	| 'scheme-field'
	/** Their page is a generated list of links, no text on a topic. */
	| 'link-list'
	/** No field known for either text; long texts that share no terms. */
	| 'no-shared-terms';

export interface OffTopicAssessment {
	offTopic: boolean;
	/** How sure the verdict is; null when nothing was judged. */
	confidence: Confidence | null;
	reason: OffTopicReason | null;
	/** Term relevance (the best of post and site, when a site was given). */
	score: number;
	/** Share of topic fields the texts have in common, in [0, 1]. */
	overlap: number;
	/** The field each side is clearly about, or null. */
	fields: [ TopicField | null, TopicField | null ];
	/** Whether the site's topic (its other posts) was part of the verdict. */
	againstSite: boolean;
	details: RelevanceDetails;
}

interface ProfiledText extends PreparedText {
	profile?: TopicProfile;
	profileLanguage?: Language | null;
}

function profileOf(
	text: PreparedText,
	fallback: Language | null
): TopicProfile {
	const own = text as ProfiledText;
	const language = text.language ?? fallback;
	if ( own.profile && own.profileLanguage === language ) {
		return own.profile;
	}
	const tokens: string[] = [];
	for ( const token of text.tokens ) {
		if ( contentTermOf( token, language ) ) {
			tokens.push( token );
		}
	}
	own.profile = topicProfile( tokens, language );
	own.profileLanguage = language;
	return own.profile;
}

function clearField( profile: TopicProfile ): TopicField | null {
	return profile.dominant &&
		( profile.weights.get( profile.dominant ) ?? 0 ) >=
			CLEAR_FIELD_WEIGHT &&
		profile.dominantShare >= CLEAR_FIELD_SHARE
		? profile.dominant
		: null;
}

function isGeneratedList( text: PreparedText, fallback: Language | null ) {
	const vector = vectorOf( text, fallback );
	if ( vector.count < LIST_MIN_TERMS ) {
		return false;
	}
	let most = 0;
	for ( const freq of vector.tf.values() ) {
		most = Math.max( most, freq );
	}
	return most / vector.count >= LIST_TERM_SHARE;
}

const RANK: Record< Confidence, number > = { low: 0, medium: 1, high: 2 };

/** One side (our post, or our site) against their page. */
function assessOne(
	ours: PreparedText,
	page: PreparedText,
	minRelevance: number
): OffTopicAssessment {
	const details = relevanceOfPrepared( ours, page );
	const [ ourLanguage, theirLanguage ] = details.languages;
	const ourProfile = profileOf( ours, theirLanguage );
	const pageProfile = profileOf( page, ourLanguage );
	const overlap = topicOverlap( ourProfile, pageProfile );
	const fields: [ TopicField | null, TopicField | null ] = [
		clearField( ourProfile ),
		clearField( pageProfile ),
	];
	const verdict = (
		confidence: Confidence | null,
		reason: OffTopicReason | null
	): OffTopicAssessment => ( {
		offTopic: reason !== null,
		confidence,
		reason,
		score: details.score,
		overlap,
		fields,
		againstSite: false,
		details,
	} );
	const [ ourTerms, pageTerms ] = details.termCounts;
	if ( details.score >= minRelevance || ourTerms === 0 || pageTerms === 0 ) {
		return verdict( null, null );
	}
	// A generated list shows no topic of its own, whatever its labels
	// ("Tuinsite 1 … Tuinsite 59" is a link directory, not a garden page).
	if ( isGeneratedList( page, ourLanguage ) ) {
		return verdict( 'medium', 'link-list' );
	}
	if ( overlap >= RELATED_OVERLAP ) {
		return verdict( null, null );
	}
	const [ ourField, pageField ] = fields;
	const strong =
		ourTerms >= STRONG_POST_TERMS &&
		pageTerms >= STRONG_PAGE_TERMS &&
		details.score < minRelevance / 2 &&
		overlap < FOREIGN_SHARE;
	if (
		ourField &&
		pageField &&
		ourField !== pageField &&
		! neighbourFields( ourField, pageField )
	) {
		return verdict( strong ? 'high' : 'medium', 'fields-differ' );
	}
	if (
		pageField &&
		SCHEME_FIELDS.has( pageField ) &&
		fieldShare( ourProfile, pageField ) < FOREIGN_SHARE
	) {
		return verdict( 'medium', 'scheme-field' );
	}
	if (
		ourProfile.total === 0 &&
		pageProfile.total === 0 &&
		ourTerms >= LONG_TEXT_TERMS &&
		pageTerms >= LONG_TEXT_TERMS &&
		details.score < minRelevance / 2
	) {
		return verdict( 'low', 'no-shared-terms' );
	}
	return verdict( null, null );
}

/**
 * Whether their page is off-topic for our post — and, when the site's
 * other posts are known (`site`: their titles and text), for our site:
 * a partner on the site's subject is no off-topic partner because one
 * short post does not show it. Off-topic needs low term relevance AND no
 * shared topic field, plus evidence of a difference: both texts clearly
 * about different fields, their page clearly in a field of paid-link
 * sites (gambling, loans, crypto, adult, link lists) that ours is not, or
 * a generated link list. `confidence`: high only with enough text on both
 * sides and nothing in common; otherwise medium; low for long texts that
 * merely share no words (no field known for either).
 */
export function assessOffTopic(
	post: PreparedText,
	page: PreparedText,
	minRelevance: number,
	site: PreparedText | null = null
): OffTopicAssessment {
	const byPost = assessOne( post, page, minRelevance );
	if ( ! site || ! byPost.offTopic ) {
		return byPost;
	}
	const bySite = assessOne( site, page, minRelevance );
	if ( ! bySite.offTopic ) {
		return { ...bySite, againstSite: true };
	}
	// Off-topic for the post and for the site: the better-founded verdict.
	const better =
		RANK[ bySite.confidence! ] > RANK[ byPost.confidence! ]
			? { ...bySite, againstSite: true }
			: byPost;
	return better;
}
