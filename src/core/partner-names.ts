/**
 * The partner's own name, from what we know of its page: the name the page
 * states (`og:site_name`, `application-name`), the title segments and H1
 * that name the site (they contain its domain words: "Tuincentrum De
 * Linde" on tuincentrum.test, "Stride Running" on stride.com), and the
 * domain words themselves ("bakkerij jansen" for bakkerij-jansen.nl).
 *
 * An anchor that is the partner's name is branded — what natural links
 * mostly look like — never exact-match: a title segment that is a name is
 * not a keyword the anchor could be optimised for. Where only the URL is
 * known (the editor before a check, a partner that was not fetched), the
 * domain words are all there is, and they suffice for names spelled like
 * the domain.
 */
import { domainBrand } from './anchors';
import type { PageFacts } from './schemas';
import { foldText, tokenize } from './text';

/** Splits a title into its segments ("Running shoes | Stride"). */
export const TITLE_SEPARATOR = /\s+[-–—|:·•»~]+\s+|\s*[|·•»]\s*/;

/** A name is short: a title segment of more words is a headline, not a name. */
const MAX_NAME_WORDS = 5;

/** Domain words shorter than this ("ah", "nu") are matched only whole. */
const MIN_CONTAINED_BRAND = 4;

/** A phrase as names are compared: folded, without spaces. */
export function nameKey( phrase: string ): string {
	return foldText( phrase ).replace( / /g, '' );
}

/**
 * Whether `phrase` names the site whose domain words are `brand`: its
 * words include the domain's words in a row ("Tuincentrum De Linde" /
 * "tuincentrum"), or run together they are the domain ("Tuincentrum De
 * Linde" / "tuincentrum delinde"), or they start with it and it is most
 * of the phrase ("Moestuinforum NL" / "moestuinforum").
 */
export function namesBrand( phrase: string, brand: string ): boolean {
	const words = tokenize( phrase );
	const brandWords = tokenize( brand );
	if ( words.length === 0 || brandWords.length === 0 ) {
		return false;
	}
	const key = words.join( '' );
	const brandJoined = brandWords.join( '' );
	if ( key === brandJoined ) {
		return true;
	}
	if ( brandJoined.length < MIN_CONTAINED_BRAND ) {
		return false;
	}
	for ( let i = 0; i + brandWords.length <= words.length; i++ ) {
		if ( brandWords.every( ( word, j ) => words[ i + j ] === word ) ) {
			return true;
		}
		// Their domain runs words together that the name spells apart.
		let joined = '';
		for (
			let j = i;
			j < words.length && joined.length < brandJoined.length;
			j++
		) {
			joined += words[ j ];
			if ( joined === brandJoined ) {
				return true;
			}
		}
	}
	return (
		key.startsWith( brandJoined ) && brandJoined.length * 2 >= key.length
	);
}

const NAMES = new Map< string, string[] >();
const NAMES_LIMIT = 2048;

/**
 * The partner's names, most explicit first: the stated site name, the
 * title segments and H1 that name the domain, the domain words. Distinct
 * by {@link nameKey}; empty when nothing is known.
 */
export function partnerNames(
	targetUrl: string,
	page: Pick< PageFacts, 'title' | 'h1' | 'siteName' > | null
): string[] {
	const brand = domainBrand( targetUrl );
	const title = page?.title ?? '';
	const h1 = page?.h1 ?? '';
	const siteName = page?.siteName ?? '';
	const memo = `${ brand }\u0001${ siteName }\u0001${ title }\u0001${ h1 }`;
	const known = NAMES.get( memo );
	if ( known ) {
		return known;
	}
	const names: string[] = [];
	const keys = new Set< string >();
	const add = ( name: string ) => {
		const trimmed = name.trim();
		const key = nameKey( trimmed );
		if ( key !== '' && ! keys.has( key ) ) {
			keys.add( key );
			names.push( trimmed );
		}
	};
	if (
		siteName.trim() !== '' &&
		tokenize( siteName ).length <= MAX_NAME_WORDS
	) {
		add( siteName );
	}
	if ( brand ) {
		for ( const phrase of [ ...title.split( TITLE_SEPARATOR ), h1 ] ) {
			if (
				tokenize( phrase ).length <= MAX_NAME_WORDS &&
				namesBrand( phrase, brand )
			) {
				add( phrase );
			}
		}
		add( brand );
	}
	if ( NAMES.size >= NAMES_LIMIT ) {
		NAMES.clear();
	}
	NAMES.set( memo, names );
	return names;
}
