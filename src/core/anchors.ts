/**
 * Anchor text classification: how an anchor relates to the keywords it could
 * be optimised for. Exact-match anchors in both directions of a link swap
 * are the clearest sign of a link scheme; branded, naked-URL and generic
 * anchors are what natural links mostly look like.
 *
 * Comparison is on folded text (text.ts: case, diacritics and punctuation
 * insensitive), word by word, where two words match when a light stemmer of
 * any supported language (en, nl, de, fr, es) maps them to the same stem
 * ("shoes"/"shoe", "fietsen"/"fiets"), or when the words run together
 * ("hardloop schoenen" = "hardloopschoenen").
 */
import { parse as parseDomain } from 'tldts';
import type { AnchorClass } from './schemas';
import { LANGUAGES } from './lexicon/languages';
import {
	ANCHOR_FILLER,
	COMPANY_SUFFIXES,
	GENERIC_ANCHORS,
	GENERIC_WORDS,
} from './lexicon/anchors';
import { foldText, stem, tokenize } from './text';
import { normalizeUrl, registrableDomain } from './url';

export interface AnchorContext {
	/**
	 * Keyword phrases an anchor could be optimised for: the site's keyword
	 * list, the post's focus keyphrase, the target page's title/H1 phrase.
	 */
	keywords: string[];
	/**
	 * More keyword phrases, specific to this link (the target page's title
	 * and H1). Same meaning as `keywords`; kept apart so that the shared
	 * list's index is built once for all the links of a post.
	 */
	extraKeywords?: string[];
	/** Brand names; an anchor that is (or names) one is branded. */
	brandTerms?: string[];
	/**
	 * The target site's own names (partner-names.ts: its stated site name,
	 * the title segments that name it, its domain words): an anchor naming
	 * one is branded, like a brand term's.
	 */
	partnerNames?: readonly string[];
	/** The link's target: its domain label ("acme" for acme.com) is a brand too. */
	targetUrl?: string;
	/** The anchor is an image; `text` is its alt text. */
	isImage?: boolean;
	/** Share of the anchor's words that must be keyword words (default 0.5). */
	partialMatchShare?: number;
}

export interface AnchorAnalysis {
	anchorClass: AnchorClass;
	/** The keyword phrase the anchor matches (exact- and partial-match). */
	keyword: string | null;
	/** The brand the anchor names (branded). */
	brand: string | null;
}

export const DEFAULT_PARTIAL_MATCH_SHARE = 0.5;

const GENERIC_PHRASES: ReadonlySet< string > = new Set(
	LANGUAGES.flatMap( ( language ) => GENERIC_ANCHORS[ language ] )
);

/**
 * A word and its stems in every supported language: distinct, in the
 * order first found (the token, the language-less stem, then each
 * language's). An array, not a Set: a handful of short strings, walked for
 * every anchor word, where a Set's iterators would be allocated each time.
 */
interface Word {
	token: string;
	stems: readonly string[];
}

function toWord( token: string ): Word {
	const stems = [ token ];
	const add = ( s: string ) => {
		if ( ! stems.includes( s ) ) {
			stems.push( s );
		}
	};
	add( stem( token, null ) );
	for ( const language of LANGUAGES ) {
		add( stem( token, language ) );
	}
	return { token, stems };
}

function sameWord( a: Word, b: Word ): boolean {
	for ( let i = 0; i < a.stems.length; i++ ) {
		if ( b.stems.includes( a.stems[ i ] ) ) {
			return true;
		}
	}
	return false;
}

/** Drop filler words from both ends; keep the phrase if nothing else is left. */
function trimFiller( tokens: string[] ): string[] {
	let start = 0;
	let end = tokens.length;
	while ( start < end && ANCHOR_FILLER.has( tokens[ start ] ) ) {
		start++;
	}
	while ( end > start && ANCHOR_FILLER.has( tokens[ end - 1 ] ) ) {
		end--;
	}
	return start === end ? tokens : tokens.slice( start, end );
}

interface Phrase {
	text: string;
	words: Word[];
	joined: string;
}

/**
 * Keyword and brand phrases recur on every call (the same 500 site keywords
 * for each of 100 links), so their analysis is memoised. Bounded: the cache
 * is dropped whole when full, which is cheap and keeps memory flat.
 */
const PHRASE_CACHE = new Map< string, Phrase | null >();
const PHRASE_CACHE_LIMIT = 5000;

function toPhrase( text: string ): Phrase | null {
	const cached = PHRASE_CACHE.get( text );
	if ( cached !== undefined ) {
		return cached;
	}
	const tokens = trimFiller( tokenize( text ) );
	const phrase =
		tokens.length === 0
			? null
			: { text, words: tokens.map( toWord ), joined: tokens.join( '' ) };
	if ( PHRASE_CACHE.size >= PHRASE_CACHE_LIMIT ) {
		PHRASE_CACHE.clear();
	}
	PHRASE_CACHE.set( text, phrase );
	return phrase;
}

/** Keyword phrases with a lookup from word stem (and run-together form) to phrase. */
interface KeywordIndex {
	phrases: Phrase[];
	/** Indexes into `phrases` of the phrases with a word of this stem. */
	withStem: ( key: string ) => readonly number[];
	/** Indexes into `phrases` of the phrases spelled this way without spaces. */
	joinedAs: ( joined: string ) => readonly number[];
}

const INDEX_CACHE = new Map< string, KeywordIndex >();
const INDEX_CACHE_LIMIT = 32;
const INDEX_BY_LIST = new WeakMap< readonly string[], KeywordIndex >();
const NONE: readonly number[] = [];

function push( map: Map< string, number[] >, key: string, value: number ) {
	const list = map.get( key );
	if ( ! list ) {
		map.set( key, [ value ] );
	} else if ( list[ list.length - 1 ] !== value ) {
		list.push( value );
	}
}

/**
 * A keyword list, indexed: the rules classify every link of a post against
 * the same few hundred keywords, so matching goes through stems instead of
 * comparing each anchor with each keyword; and the index is cached.
 */
function indexKeywords( keywords: readonly string[] ): KeywordIndex {
	// The same array object comes back for every link of a post: look it
	// up by identity before building a content key from it.
	const same = INDEX_BY_LIST.get( keywords );
	if ( same ) {
		return same;
	}
	const cacheKey = keywords.join( '\u0001' );
	const cached = INDEX_CACHE.get( cacheKey );
	if ( cached ) {
		INDEX_BY_LIST.set( keywords, cached );
		return cached;
	}
	const phrases = keywords
		.map( toPhrase )
		.filter( ( phrase ): phrase is Phrase => phrase !== null );
	const byStem = new Map< string, number[] >();
	const byJoined = new Map< string, number[] >();
	phrases.forEach( ( phrase, i ) => {
		push( byJoined, phrase.joined, i );
		for ( const word of phrase.words ) {
			for ( const s of word.stems ) {
				push( byStem, s, i );
			}
		}
	} );
	const index: KeywordIndex = {
		phrases,
		withStem: ( key ) => byStem.get( key ) ?? NONE,
		joinedAs: ( joined ) => byJoined.get( joined ) ?? NONE,
	};
	if ( INDEX_CACHE.size >= INDEX_CACHE_LIMIT ) {
		INDEX_CACHE.clear();
	}
	INDEX_CACHE.set( cacheKey, index );
	INDEX_BY_LIST.set( keywords, index );
	return index;
}

/**
 * The first phrase (in list order: the shared keywords, then the link's
 * own) that `anchor` equals: candidates are the phrases spelled the same
 * without spaces and those with a word matching the anchor's first word.
 */
function exactKeyword(
	indexes: readonly KeywordIndex[],
	anchor: Phrase
): Phrase | null {
	const first = anchor.words[ 0 ].stems;
	for ( const index of indexes ) {
		let best = -1;
		const joined = index.joinedAs( anchor.joined );
		for ( let k = 0; k < joined.length; k++ ) {
			const i = joined[ k ];
			if (
				( best < 0 || i < best ) &&
				phrasesEqual( anchor, index.phrases[ i ] )
			) {
				best = i;
			}
		}
		for ( let j = 0; j < first.length; j++ ) {
			const list = index.withStem( first[ j ] );
			for ( let k = 0; k < list.length; k++ ) {
				const i = list[ k ];
				if (
					( best < 0 || i < best ) &&
					phrasesEqual( anchor, index.phrases[ i ] )
				) {
					best = i;
				}
			}
		}
		if ( best >= 0 ) {
			return index.phrases[ best ];
		}
	}
	return null;
}

/**
 * The first phrase (in list order) with a word matching one of `words`.
 * Each stem's list is in ascending order, so its head is its first phrase.
 */
function firstKeywordWithAny(
	indexes: readonly KeywordIndex[],
	words: readonly Word[]
): Phrase | null {
	for ( const index of indexes ) {
		let best = -1;
		for ( const word of words ) {
			for ( const s of word.stems ) {
				const list = index.withStem( s );
				if ( list.length > 0 && ( best < 0 || list[ 0 ] < best ) ) {
					best = list[ 0 ];
				}
			}
		}
		if ( best >= 0 ) {
			return index.phrases[ best ];
		}
	}
	return null;
}

/**
 * Per keyword index, bestPartialKeyword's counters: how many anchor words
 * each phrase contains and the last word counted for it. Scratch space, not
 * a cache: every count is set back to zero (and every word to -1) before
 * the function returns, so the hundreds of anchors of a post allocate no
 * maps of their own. The function is synchronous and re-enters nothing.
 */
const COUNTERS = new WeakMap<
	KeywordIndex,
	{ hits: Int32Array; lastWord: Int32Array }
>();
const TOUCHED: number[] = [];

/**
 * The phrase that contains the most of `words` (each word counted once per
 * phrase), the first in list order among equals, with how many it contains.
 */
function bestPartialKeyword(
	indexes: readonly KeywordIndex[],
	words: readonly Word[]
): { keyword: Phrase; count: number } | null {
	let best: { keyword: Phrase; count: number } | null = null;
	for ( const index of indexes ) {
		let counters = COUNTERS.get( index );
		if ( ! counters ) {
			counters = {
				hits: new Int32Array( index.phrases.length ),
				lastWord: new Int32Array( index.phrases.length ).fill( -1 ),
			};
			COUNTERS.set( index, counters );
		}
		const { hits, lastWord } = counters;
		const touched = TOUCHED;
		touched.length = 0;
		for ( let w = 0; w < words.length; w++ ) {
			const stems = words[ w ].stems;
			for ( let j = 0; j < stems.length; j++ ) {
				const list = index.withStem( stems[ j ] );
				for ( let k = 0; k < list.length; k++ ) {
					const i = list[ k ];
					if ( lastWord[ i ] !== w ) {
						if ( hits[ i ] === 0 ) {
							touched.push( i );
						}
						lastWord[ i ] = w;
						hits[ i ]++;
					}
				}
			}
		}
		let bestHere = -1;
		let countHere = 0;
		for ( let t = 0; t < touched.length; t++ ) {
			const i = touched[ t ];
			const count = hits[ i ];
			if (
				count > countHere ||
				( count === countHere && i < bestHere )
			) {
				bestHere = i;
				countHere = count;
			}
			hits[ i ] = 0;
			lastWord[ i ] = -1;
		}
		touched.length = 0;
		// A later list wins only with more words: among equals the
		// earlier list's phrase comes first.
		if ( bestHere >= 0 && ( ! best || countHere > best.count ) ) {
			best = { keyword: index.phrases[ bestHere ], count: countHere };
		}
	}
	return best;
}

/**
 * Brand terms are the site's settings: the same array for every link of
 * every evaluation with those settings, so its phrases are looked up by the
 * array's identity (a real editor keeps one settings object between
 * keystrokes, so it gets the same benefit).
 */
const BRAND_PHRASES = new WeakMap< readonly string[], Phrase[] >();

function brandPhrases( brandTerms: readonly string[] ): Phrase[] {
	let phrases = BRAND_PHRASES.get( brandTerms );
	if ( ! phrases ) {
		phrases = brandTerms
			.map( toPhrase )
			.filter( ( phrase ): phrase is Phrase => phrase !== null );
		BRAND_PHRASES.set( brandTerms, phrases );
	}
	return phrases;
}

/**
 * Two phrases are the same when they are spelled the same without spaces,
 * or word for word — in any order ("moestuin tips" = "tips moestuin"), as
 * search engines treat a reordered keyword as the same query.
 */
function phrasesEqual( a: Phrase, b: Phrase ): boolean {
	if ( a.joined === b.joined ) {
		return true;
	}
	if ( a.words.length !== b.words.length ) {
		return false;
	}
	if ( a.words.every( ( word, i ) => sameWord( word, b.words[ i ] ) ) ) {
		return true;
	}
	if ( a.words.length > 4 ) {
		return false;
	}
	const used: boolean[] = b.words.map( () => false );
	return a.words.every( ( word ) => {
		const at = b.words.findIndex(
			( other, i ) => ! used[ i ] && sameWord( word, other )
		);
		if ( at < 0 ) {
			return false;
		}
		used[ at ] = true;
		return true;
	} );
}

/** Index of `needle`'s words inside `haystack`'s, or -1. */
function findPhrase( haystack: Word[], needle: Phrase ): number {
	outer: for ( let i = 0; i + needle.words.length <= haystack.length; i++ ) {
		for ( let j = 0; j < needle.words.length; j++ ) {
			if ( ! sameWord( haystack[ i + j ], needle.words[ j ] ) ) {
				continue outer;
			}
		}
		return i;
	}
	// A brand written as one word in the anchor ("BakkerijJansen").
	for ( let i = 0; i < haystack.length; i++ ) {
		if ( haystack[ i ].token === needle.joined ) {
			return i;
		}
	}
	return -1;
}

/**
 * The number of `haystack`'s words from `start` on that, run together,
 * spell `joined` ("Tuincentrum De Linde" for tuincentrum-delinde.nl's
 * "tuincentrumdelinde"), or 0.
 */
function joinedRunAt(
	haystack: Word[],
	start: number,
	joined: string
): number {
	let run = '';
	for (
		let j = start;
		j < haystack.length && run.length < joined.length;
		j++
	) {
		run += haystack[ j ].token;
		if ( run === joined ) {
			return j - start + 1;
		}
	}
	return 0;
}

/**
 * The anchor is a URL or a bare domain name ("example.com",
 * "www.example.nl/gids", "https://…"). A dotted word whose last label is not
 * a known public suffix ("Node.js") is not.
 */
export function isNakedUrl( text: string ): boolean {
	const outer = text.trim();
	// Most anchors are words with spaces between them: no URL, decided
	// before any copy is made (stripping the trailing punctuation below
	// never removes a space).
	if ( /\s/.test( outer ) ) {
		return false;
	}
	const trimmed = outer.replace( /[.,;:!?)]+$/, '' );
	if ( trimmed === '' ) {
		return false;
	}
	if ( /^https?:\/\//i.test( trimmed ) ) {
		return normalizeUrl( trimmed ) !== null;
	}
	if ( /^www\./i.test( trimmed ) ) {
		return normalizeUrl( 'http://' + trimmed ) !== null;
	}
	const host = trimmed.split( /[/?#]/ )[ 0 ].replace( /:\d+$/, '' );
	if ( /^\d{1,3}(\.\d{1,3}){3}$/.test( host ) ) {
		return true;
	}
	if ( ! /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test( host ) ) {
		return false;
	}
	const parsed = parseDomain( host );
	return (
		parsed.domain !== null &&
		( parsed.isIcann === true || parsed.isPrivate === true )
	);
}

/** The brand a domain spells: "acme" for www.acme.co.uk, "bakkerij jansen" for bakkerij-jansen.nl. */
export function domainBrand( url: string ): string | null {
	if ( typeof url !== 'string' ) {
		return computeDomainBrand( url );
	}
	const known = BRANDS.get( url );
	if ( known !== undefined ) {
		return known;
	}
	const brand = computeDomainBrand( url );
	if ( BRANDS.size >= BRAND_CACHE_LIMIT ) {
		BRANDS.clear();
	}
	BRANDS.set( url, brand );
	return brand;
}

/**
 * The brand of a target is asked for every link (anchor class, page
 * keywords) and each time costs a Public Suffix List parse: memoised per
 * URL, bounded like the phrase cache.
 */
const BRANDS = new Map< string, string | null >();
const BRAND_CACHE_LIMIT = 4096;

function computeDomainBrand( url: string ): string | null {
	const domain = registrableDomain( url );
	if ( ! domain ) {
		return null;
	}
	const label = parseDomain( domain ).domainWithoutSuffix;
	if ( ! label ) {
		return null;
	}
	const brand = label.replace( /[-_]+/g, ' ' ).trim();
	return brand === '' ? null : brand;
}

function isGeneric( folded: string, tokens: string[] ): boolean {
	if ( GENERIC_PHRASES.has( folded ) ) {
		return true;
	}
	let generic = 0;
	for ( const token of tokens ) {
		if ( GENERIC_WORDS.has( token ) ) {
			generic++;
		} else if ( ! ANCHOR_FILLER.has( token ) && ! isFillerVerb( token ) ) {
			return false;
		}
	}
	return generic > 0;
}

/** Verbs and adverbs that pad a generic anchor ("go", "ga", "jetzt", "now"). */
function isFillerVerb( token: string ): boolean {
	return /^(go|ga|gaan|now|nu|jetzt|sie|hier|please|svp|aqui|ici|full|whole|hele|ganzen|the|all)$/.test(
		token
	);
}

/** Words that say what the anchor is about: not filler, not generic. */
function meaningfulWords( words: Word[] ): Word[] {
	return words.filter(
		( word ) =>
			! ANCHOR_FILLER.has( word.token ) &&
			! GENERIC_WORDS.has( word.token )
	);
}

/**
 * The anchor names `brand`: partial-match when keyword words come with it
 * ("Acme running shoes"), else branded; null when it does not name it.
 */
function namedBrand(
	anchor: Phrase,
	brand: Phrase,
	indexes: readonly KeywordIndex[]
): AnchorAnalysis | null {
	let at = findPhrase( anchor.words, brand );
	let length = 0;
	if ( at >= 0 ) {
		length =
			anchor.words[ at ].token === brand.joined ? 1 : brand.words.length;
	} else {
		// The anchor spells apart what the brand runs together.
		for ( let i = 0; i < anchor.words.length && length === 0; i++ ) {
			length = joinedRunAt( anchor.words, i, brand.joined );
			at = i;
		}
		if ( length === 0 ) {
			return null;
		}
	}
	const rest = meaningfulWords( [
		...anchor.words.slice( 0, at ),
		...anchor.words.slice( at + length ),
	] ).filter( ( word ) => ! COMPANY_SUFFIXES.has( word.token ) );
	const keyword = firstKeywordWithAny( indexes, rest );
	return keyword
		? result( 'partial-match', keyword.text, brand.text )
		: result( 'branded', null, brand.text );
}

function result(
	anchorClass: AnchorClass,
	keyword: string | null = null,
	brand: string | null = null
): AnchorAnalysis {
	return { anchorClass, keyword, brand };
}

/**
 * Classify an anchor, with the keyword or brand it matched. Decision order
 * (first that applies wins):
 *
 * 1. `empty` (no letters or digits) — or `image` when the link is an image
 *    without alt text;
 * 2. `naked-url`: the anchor is a URL or domain name;
 * 3. `branded`: the anchor IS one of the given brand terms (an explicit
 *    brand beats a keyword that happens to equal it);
 * 4. `exact-match`: the anchor equals a keyword phrase, ignoring filler words
 *    at its edges ("the", "de", "les") and inflection;
 * 5. `branded` / `partial-match` for anchors naming a brand (given, or the
 *    target's domain label): with keyword words besides the brand it is
 *    `partial-match` ("Acme running shoes"), otherwise `branded` ("Acme BV");
 * 6. `partial-match`: at least `partialMatchShare` of the anchor's meaningful
 *    words are words of one keyword phrase;
 * 7. `generic`: a listed phrase ("klik hier", "lire la suite") or only
 *    generic and filler words ("click here to read this article");
 * 8. `image` for an image link whose alt text is none of the above;
 * 9. `other`.
 *
 * An image link with alt text is classified by its alt text (search engines
 * use the alt as the anchor), so a keyword-stuffed alt is still exact-match.
 */
export function analyzeAnchor(
	text: string,
	ctx: AnchorContext
): AnchorAnalysis {
	const folded = foldText( text );
	// Folded text is trimmed with single spaces: '' is the only text
	// without words.
	if ( folded === '' ) {
		return result( ctx.isImage ? 'image' : 'empty' );
	}
	if ( isNakedUrl( typeof text === 'string' ? text : '' ) ) {
		return result( 'naked-url' );
	}
	const anchor = toPhrase( folded );
	if ( ! anchor ) {
		return result( ctx.isImage ? 'image' : 'empty' );
	}

	const givenBrands = brandPhrases( ctx.brandTerms ?? [] );
	for ( const brand of givenBrands ) {
		if ( phrasesEqual( anchor, brand ) ) {
			return result( 'branded', null, brand.text );
		}
	}

	// The shared list, then the link's own phrases: "first" below is in
	// that order.
	const extra = indexKeywords( ctx.extraKeywords ?? [] );
	const indexes =
		extra.phrases.length === 0
			? [ indexKeywords( ctx.keywords ?? [] ) ]
			: [ indexKeywords( ctx.keywords ?? [] ), extra ];
	const exact = exactKeyword( indexes, anchor );
	if ( exact ) {
		return result( 'exact-match', exact.text );
	}

	// The given brands, then the target's domain label.
	for ( const brand of givenBrands ) {
		const named = namedBrand( anchor, brand, indexes );
		if ( named ) {
			return named;
		}
	}

	const targetBrand = ctx.targetUrl ? domainBrand( ctx.targetUrl ) : null;
	const targetPhrase = targetBrand ? toPhrase( targetBrand ) : null;
	if ( targetPhrase ) {
		const named = namedBrand( anchor, targetPhrase, indexes );
		if ( named ) {
			return named;
		}
	}
	// Then the partner's other names (its stated site name, a title
	// segment naming it): after the domain words, so that keyword words
	// beside those still make "Acme running shoes" partial-match.
	for ( const name of ctx.partnerNames ?? [] ) {
		const phrase = toPhrase( name );
		const named = phrase ? namedBrand( anchor, phrase, indexes ) : null;
		if ( named ) {
			return named;
		}
	}

	const share = ctx.partialMatchShare ?? DEFAULT_PARTIAL_MATCH_SHARE;
	const meaningful = meaningfulWords( anchor.words );
	if ( meaningful.length > 0 ) {
		const best = bestPartialKeyword( indexes, meaningful );
		if ( best && best.count / meaningful.length >= share ) {
			return result( 'partial-match', best.keyword.text );
		}
	}

	if ( isGeneric( folded, folded.split( ' ' ) ) ) {
		return result( ctx.isImage ? 'image' : 'generic' );
	}
	return result( ctx.isImage ? 'image' : 'other' );
}

/** The class of an anchor text; see {@link analyzeAnchor} for the rules. */
export function classifyAnchor(
	text: string,
	ctx: AnchorContext
): AnchorClass {
	return analyzeAnchor( text, ctx ).anchorClass;
}
