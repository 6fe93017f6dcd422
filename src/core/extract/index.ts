/**
 * @file Link extraction and placement: what a page links to, where on the
 * page each link sits, whether a reader can see it, and the page facts the
 * rules need (title, h1, language, main text, robots, canonical).
 *
 * Pure and synchronous: runs in the block editor and in the service.
 */
import type { ExtractedLink, HiddenReason } from '../schemas';
import { normalizeUrl } from '../url';
import {
	buildDocument,
	collapseWhitespace,
	isSpace,
	relTokens,
} from './document';
import type { DocumentModel } from './document';
import { classifyPlacement, findMainContent, isBoilerplate } from './placement';
import type { PlacementContext } from './placement';

export interface HtmlFacts {
	title: string;
	h1: string;
	lang: string | null;
	/** Up to {@link TEXT_SAMPLE_CHARS} of main text, boilerplate excluded. */
	textSample: string;
	metaRobots: string | null;
	/** `og:site_name` (else `application-name`): the site's own name. */
	siteName: string | null;
	/** Absolute canonical URL, or null. */
	canonical: string | null;
}

export interface AnalyzeOptions {
	/**
	 * The HTML is a fragment (a post body, block markup), not a page: every
	 * visible link is `content`; block, heading, list and position are still
	 * computed for rules about trailing link lists.
	 */
	fragment?: boolean;
	/**
	 * Only links whose normalised href passes this test are returned (and
	 * only they pay for text and placement). Block numbers, positions and
	 * the facts are the same as without it: callers that keep a few links
	 * of a big page (the backlink checker keeps links to our site) get
	 * exactly the entries the unfiltered result would have had.
	 *
	 * The answer must depend only on the URL's scheme, host and port: when
	 * the page's own origin is not kept, its relative links are dropped
	 * without being resolved.
	 */
	keepLink?: ( href: string ) => boolean;
}

export interface HtmlAnalysis {
	links: ExtractedLink[];
	facts: HtmlFacts;
}

export const TEXT_SAMPLE_CHARS = 4000;

/**
 * A copy of `text` that does not point into the page. V8 makes a `slice`
 * of 13 or more characters a view on the whole string, so a link text or
 * href cut from a 2 MB page kept all 2 MB alive for as long as the result
 * lived (a cache, a scan report). Shorter strings are copies already.
 */
function detached( text: string ): string {
	return text.length < 13 ? text : ( ' ' + text ).slice( 1 );
}

/**
 * A reference that resolves against an http(s) base to a URL on the base's
 * host: a path, a query or a relative path, which the URL parser never
 * refuses. Conservative on purpose: a leading space or control character, a
 * possible scheme ("mailto:", "java\nscript:"), a leading "//" or "\" (host
 * references in http), a tab or line break anywhere (the parser drops those,
 * which can make "/\n/evil.test" a host reference) and over-long hrefs all
 * take the full parse.
 */
const SAME_HOST_REFERENCE =
	/^(?:\/(?![/\\])|[.?]|[A-Za-z0-9][A-Za-z0-9+.-]*(?![A-Za-z0-9+.:-]))[^\t\n\r]*$/;

function isSameHostReference( href: string ): boolean {
	return href.length <= 8192 && SAME_HOST_REFERENCE.test( href );
}

/** `rel="author"`: the link names the article's author (a byline). */
function isAuthorRel( rel: string | undefined ): boolean {
	return rel !== undefined && /(^|\s)author(\s|$)/i.test( rel );
}

/** Targets that are not pages: skipped before URL resolution. */
function isFragmentOnly( href: string ): boolean {
	const trimmed = href.trim();
	return trimmed === '' || trimmed.startsWith( '#' );
}

function resolveBase( model: DocumentModel, baseUrl: string ): string {
	if ( model.baseHref !== null ) {
		const resolved = normalizeUrl( model.baseHref, baseUrl );
		if ( resolved !== null ) {
			return resolved;
		}
	}
	return baseUrl;
}

/**
 * Appends text to a whitespace-collapsed, left-trimmed string, the way
 * `collapseWhitespace( a + b )` would read it: each whitespace run becomes
 * one space, written only once more text follows (so the end is trimmed
 * too). Stretches whose spaces are all single (most running text) are
 * copied in one slice.
 */
class CollapsedText {
	text = '';
	private pendingSpace = false;

	/** A whitespace run between two pieces (the sample's block separator). */
	space(): void {
		this.pendingSpace = true;
	}

	append( source: string, start: number, end: number ): void {
		let i = start;
		while ( i < end ) {
			if ( isSpace( source.charCodeAt( i ) ) ) {
				this.pendingSpace = true;
				i++;
				continue;
			}
			// From a non-space up to the first whitespace that is not one
			// space followed by a non-space: needs no change.
			let j = i + 1;
			while ( j < end ) {
				const code = source.charCodeAt( j );
				if ( ! isSpace( code ) ) {
					j++;
				} else if (
					code === 32 &&
					j + 1 < end &&
					! isSpace( source.charCodeAt( j + 1 ) )
				) {
					j += 2;
				} else {
					break;
				}
			}
			if ( this.pendingSpace && this.text !== '' ) {
				this.text += ' ';
			}
			this.pendingSpace = false;
			this.text += source.slice( i, j );
			i = j;
		}
	}
}

/**
 * The text sample: the chunks outside boilerplate, a space between two
 * blocks, whitespace collapsed, the first {@link TEXT_SAMPLE_CHARS}. It
 * stops where the collapsed chunks (not trimmed, with the separators) reach
 * twice that, as it always has, or once the sample is full, which cannot
 * change it: text is only ever appended.
 */
function textSample(
	model: DocumentModel,
	context: PlacementContext | null
): string {
	const sample = new CollapsedText();
	/** Length of the chunks as collapsed one by one, with separators. */
	let piecesLength = 0;
	let previousBlock = -1;
	// Consecutive chunks mostly share an element: ask once per run.
	let lastElement = -1;
	let lastIsBoilerplate = false;
	for ( const chunk of model.chunks ) {
		if ( context ) {
			if ( chunk.element !== lastElement ) {
				lastElement = chunk.element;
				lastIsBoilerplate = isBoilerplate( context, chunk.element );
			}
			if ( lastIsBoilerplate ) {
				continue;
			}
		}
		// Text of two blocks ("Tips</h2><p>We") must not fuse into one word;
		// inline pieces of one block ("gar<b>den</b>") must stay joined.
		const block = model.elements.block[ chunk.element ];
		if ( block !== previousBlock && piecesLength > 0 ) {
			sample.space();
			piecesLength++;
		}
		previousBlock = block;
		sample.append( chunk.source, chunk.start, chunk.end );
		piecesLength += chunk.runsLength;
		if (
			piecesLength >= TEXT_SAMPLE_CHARS * 2 ||
			sample.text.length >= TEXT_SAMPLE_CHARS
		) {
			break;
		}
	}
	return sample.text.slice( 0, TEXT_SAMPLE_CHARS );
}

/**
 * Every `<a href>` with an http(s) target, in document order, with its
 * placement and visibility, plus the page facts.
 *
 * @param html    The page (or, with `fragment`, a piece of body HTML).
 * @param baseUrl Absolute URL the page was fetched from; `<base href>` in
 *                the page overrides it, as in a browser.
 */
export function analyzeHtml(
	html: string,
	baseUrl: string,
	options: AnalyzeOptions = {}
): HtmlAnalysis {
	return analyzeModel(
		buildDocument( typeof html === 'string' ? html : '' ),
		baseUrl,
		options
	);
}

/** A fragment's analysis with what joining it to its neighbours needs. */
export interface FragmentAnalysis extends HtmlAnalysis {
	/** Characters of text in the fragment (links' positions are shares of it). */
	textLength: number;
	/** The last heading in the fragment: the heading of links after it. */
	lastHeading: string | null;
}

/**
 * {@link analyzeHtml} of a fragment (`fragment: true`), plus its text length
 * and last heading, so that a post analysed block by block (the editor,
 * issue 20: only changed blocks are parsed again) can give each link the
 * position and heading the whole post's analysis would: text between
 * top-level fragments does not count, and a heading runs on into the next
 * fragment.
 */
export function analyzeFragment(
	html: string,
	baseUrl: string
): FragmentAnalysis {
	const model = buildDocument( typeof html === 'string' ? html : '' );
	const { headings } = model.elements;
	return {
		...analyzeModel( model, baseUrl, { fragment: true } ),
		textLength: model.totalText,
		lastHeading:
			headings.length > 0
				? detached( headings[ headings.length - 1 ] )
				: null,
	};
}

function analyzeModel(
	model: DocumentModel,
	baseUrl: string,
	options: AnalyzeOptions
): HtmlAnalysis {
	const base = resolveBase( model, baseUrl );
	const fragment = options.fragment === true;
	const keepLink = options.keepLink;
	const context: PlacementContext | null = fragment
		? null
		: { model, main: findMainContent( model ) };

	const blockIds = new Map< number, number >();
	// Menus, footers and archives repeat the same hrefs many times a page;
	// with one base per page, each distinct href is normalised once.
	const normalized = new Map< string, string | null >();
	/** The returned copy of each kept href (see {@link detached}). */
	const keptHrefs = new Map< string, string >();
	const links: ExtractedLink[] = [];
	// Many links share the heading above them: one copy each.
	const headings = new Map< string, string >();
	const detachedHeading = ( heading: string ): string => {
		let copy = headings.get( heading );
		if ( copy === undefined ) {
			copy = detached( heading );
			headings.set( heading, copy );
		}
		return copy;
	};
	// Relative links point at the page's own host: when that is not kept,
	// they need a block number but no resolving (a third of a page's links).
	const baseHref = keepLink === undefined ? null : normalizeUrl( base );
	const dropRelative =
		keepLink !== undefined && baseHref !== null && ! keepLink( baseHref );
	for ( const link of model.links ) {
		if ( isFragmentOnly( link.rawHref ) ) {
			continue;
		}
		if ( dropRelative && isSameHostReference( link.rawHref ) ) {
			const block = model.elements.block[ link.element ];
			if ( ! blockIds.has( block ) ) {
				blockIds.set( block, blockIds.size );
			}
			continue;
		}
		let href = normalized.get( link.rawHref );
		if ( href === undefined ) {
			href = normalizeUrl( link.rawHref, base );
			normalized.set( link.rawHref, href );
		}
		if ( href === null ) {
			continue;
		}
		const { elements } = model;
		const block = elements.block[ link.element ];
		let blockId = blockIds.get( block );
		if ( blockId === undefined ) {
			blockId = blockIds.size;
			blockIds.set( block, blockId );
		}
		if ( keepLink !== undefined && ! keepLink( href ) ) {
			continue;
		}
		// Copied only once kept (keepLink drops most), once per href.
		let copy = keptHrefs.get( link.rawHref );
		if ( copy === undefined ) {
			copy = detached( href );
			keptHrefs.set( link.rawHref, copy );
		}
		href = copy;
		const text = detached( collapseWhitespace( link.text ) );
		const hidden: HiddenReason | null = elements.hidden( link.element );
		links.push( {
			href,
			text:
				text !== ''
					? text
					: detached( link.altParts?.join( ' ' ) ?? '' ),
			rel: relTokens( link.rawRel ),
			placement: context
				? classifyPlacement( context, link.element, {
						inH1: link.inH1,
						authorLink: isAuthorRel( link.rawRel ),
						href,
						text,
					} )
				: 'content',
			hidden,
			isImage: link.hasImage && text === '',
			block: blockId,
			heading:
				link.heading === null ? null : detachedHeading( link.heading ),
			inList: elements.inList[ link.element ] === 1,
			// The running text around the link: its block's text outside links.
			contextChars: elements.blockText[ block ],
			position:
				model.totalText > 0
					? Math.min( 1, link.textOffset / model.totalText )
					: 0,
		} );
	}

	const canonicalUrl =
		model.canonicalHref !== null
			? normalizeUrl( model.canonicalHref, base )
			: null;
	const canonical = canonicalUrl === null ? null : detached( canonicalUrl );
	return {
		links,
		facts: {
			title: detached( model.title ),
			h1: detached( model.h1 ),
			lang: model.lang === null ? null : detached( model.lang ),
			textSample: detached( textSample( model, context ) ),
			metaRobots:
				model.metaRobots === null ? null : detached( model.metaRobots ),
			siteName:
				model.siteName === null
					? null
					: detached( model.siteName.slice( 0, 200 ) ),
			canonical,
		},
	};
}

/** {@link analyzeHtml} without the page facts. */
export function extractLinks(
	html: string,
	baseUrl: string,
	options: AnalyzeOptions = {}
): ExtractedLink[] {
	return analyzeHtml( html, baseUrl, options ).links;
}

export { streamHtml } from './parse';
export type { HtmlEvents, Attributes as HtmlAttributes } from './parse';
export { hiddenReasonOf, parseInlineStyle } from './hidden';
