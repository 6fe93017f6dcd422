/**
 * One pass over the HTML that records what the placement classifier and the
 * page facts need: a flat element table (parent, subtree range, region
 * hint, text and link totals), the links, and a few head facts. Everything
 * an element inherits (hidden state, region hint chain, block, list) is
 * computed when it opens, and subtree totals are added to the parent when
 * it closes, so the pass is linear and never recurses.
 */
import type { HiddenReason } from '../schemas';
import { hiddenReasonOf } from './hidden';
import { ReadAttributes } from './attributes';
import { streamHtmlRanges } from './parse';
import { hintOfToken, strongerHint, tokenWords } from './vocabulary';
import type { Hint, HintKind } from './vocabulary';

/** Hidden reasons stored as small numbers (0 = visible). */
const HIDDEN_CODE: Readonly< Record< HiddenReason, number > > = {
	'display-none': 1,
	'visibility-hidden': 2,
	'hidden-attribute': 3,
	'zero-font-size': 4,
	'zero-size': 5,
	'off-screen': 6,
	'aria-hidden': 7,
	noscript: 8,
	template: 9,
};
const HIDDEN_BY_CODE: Array< HiddenReason | null > = [ null ];
for ( const [ reason, code ] of Object.entries( HIDDEN_CODE ) ) {
	HIDDEN_BY_CODE[ code ] = reason as HiddenReason;
}

/**
 * Hints stored as small numbers (0 = none): a hint is only a kind and a
 * strength, so each kind-and-strength pair has one shared, frozen object.
 */
const HINT_KIND_CODE: Readonly< Record< HintKind, number > > = {
	header: 0,
	navigation: 1,
	sidebar: 2,
	footer: 3,
	comments: 4,
	related: 5,
	share: 6,
	content: 7,
	author: 8,
	tags: 9,
	breadcrumbs: 10,
	promo: 11,
};
const HINT_BY_CODE: Array< Hint | null > = [ null ];
for ( const [ kind, code ] of Object.entries( HINT_KIND_CODE ) ) {
	for ( const strength of [ 1, 2, 3 ] as const ) {
		HINT_BY_CODE[ 1 + code * 3 + strength - 1 ] = Object.freeze( {
			kind: kind as HintKind,
			strength,
		} );
	}
}
function hintCode( hint: Hint | null ): number {
	return hint === null
		? 0
		: 1 + HINT_KIND_CODE[ hint.kind ] * 3 + hint.strength - 1;
}

/**
 * What the article finder (placement.ts) needs to know about a tag, after
 * Mozilla Readability's scoring: which tags hold paragraphs, which start
 * with a bonus or a penalty, which are cleaned when link-heavy.
 */
export const TAG_CODE_OTHER = 0;
export const TAG_CODE_DIV = 1;
export const TAG_CODE_P = 2;
export const TAG_CODE_PRE = 3;
export const TAG_CODE_TD = 4;
export const TAG_CODE_BLOCKQUOTE = 5;
export const TAG_CODE_SECTION = 6;
/** h2–h6. */
export const TAG_CODE_HEADING = 7;
export const TAG_CODE_H1 = 8;
export const TAG_CODE_UL = 9;
export const TAG_CODE_OL = 10;
export const TAG_CODE_LI = 11;
/** dl, dd, dt. */
export const TAG_CODE_DL = 12;
export const TAG_CODE_FORM = 13;
export const TAG_CODE_TABLE = 14;
export const TAG_CODE_TH = 15;
export const TAG_CODE_ADDRESS = 16;
export const TAG_CODE_FIELDSET = 17;
export const TAG_CODE_ARTICLE = 18;
export const TAG_CODE_FIGURE = 19;
export const TAG_CODE_FOOTER = 20;
export const TAG_CODE_ASIDE = 21;
export const TAG_CODE_BODY = 22;
export const TAG_CODE_HTML = 23;

const TAG_CODES: Readonly< Record< string, number > > = {
	div: TAG_CODE_DIV,
	p: TAG_CODE_P,
	pre: TAG_CODE_PRE,
	td: TAG_CODE_TD,
	blockquote: TAG_CODE_BLOCKQUOTE,
	section: TAG_CODE_SECTION,
	h1: TAG_CODE_H1,
	h2: TAG_CODE_HEADING,
	h3: TAG_CODE_HEADING,
	h4: TAG_CODE_HEADING,
	h5: TAG_CODE_HEADING,
	h6: TAG_CODE_HEADING,
	ul: TAG_CODE_UL,
	ol: TAG_CODE_OL,
	li: TAG_CODE_LI,
	dl: TAG_CODE_DL,
	dd: TAG_CODE_DL,
	dt: TAG_CODE_DL,
	form: TAG_CODE_FORM,
	table: TAG_CODE_TABLE,
	th: TAG_CODE_TH,
	address: TAG_CODE_ADDRESS,
	fieldset: TAG_CODE_FIELDSET,
	article: TAG_CODE_ARTICLE,
	figure: TAG_CODE_FIGURE,
	footer: TAG_CODE_FOOTER,
	aside: TAG_CODE_ASIDE,
	body: TAG_CODE_BODY,
	html: TAG_CODE_HTML,
};

/** Counted per subtree for the article finder's cleaning step. */
const COUNT_NONE = 0;
const COUNT_IMAGE = 1;
const COUNT_INPUT = 2;
const COUNT_EMBED = 3;
const COUNT_LIST_ITEM = 4;
const COUNTED: Readonly< Record< string, number > > = {
	img: COUNT_IMAGE,
	input: COUNT_INPUT,
	iframe: COUNT_EMBED,
	embed: COUNT_EMBED,
	object: COUNT_EMBED,
	li: COUNT_LIST_ITEM,
};

/** What placement needs to know about a tag name. */
export const TAG_OTHER = 0;
/** `html` or `body`. */
export const TAG_ROOT = 1;
export const TAG_TABLE_ROW = 2;
/** article/aside/main/nav/section: header/footer inside are not site regions. */
export const TAG_SCOPING = 3;

/**
 * The element table, one column per field, indexed by element number
 * (document order). Columns instead of one object per element: a 2 MB page
 * has about 28,000 elements, all alive until the analysis ends, and as
 * objects they were most of what the garbage collector copied. Hints,
 * hidden reasons and headings are stored as numbers for the same reason
 * and read through the methods below.
 */
/** Columns of the element table, by type (see ElementTable.allocate). */
const INT32_COLUMNS = 23;
const UINT8_COLUMNS = 10;

export class ElementTable {
	count = 0;
	private capacity: number;
	/** Text of each heading, in order; `headingIndex` points into it. */
	readonly headings: string[] = [];
	/** TAG_ROOT, TAG_TABLE_ROW, TAG_SCOPING or TAG_OTHER. */
	tagKind!: Uint8Array;
	hintCode!: Uint8Array;
	hiddenCode!: Uint8Array;
	/** Hidden state descendants inherit (adds aria-hidden containers). */
	hiddenForChildrenCode!: Uint8Array;
	/** The last heading that closed before this element opened, or -1. */
	headingIndex!: Int32Array;
	parent!: Int32Array;
	/** Index of the last element in this element's subtree. */
	last!: Int32Array;
	/** Nearest ancestor (not self) that carries a hint, or -1. */
	hintParent!: Int32Array;
	/** Nearest block-level container (self included). */
	block!: Int32Array;
	/** Nearest text container for main-content scoring (self included). */
	container!: Int32Array;
	/** Visible text length of the subtree, and the part inside links. */
	text!: Int32Array;
	linkText!: Int32Array;
	links!: Int32Array;
	/** Non-link text whose nearest text container is this element. */
	ownText!: Int32Array;
	/** Non-link text whose nearest block is this element. */
	blockText!: Int32Array;
	/** 1 or 0. */
	inList!: Uint8Array;
	/** Inside article/aside/main/nav/section: header/footer here are not site regions. */
	scoped!: Uint8Array;
	containsH1!: Uint8Array;
	/** Subtree holds a header/footer/sidebar region hint (strength >= 2). */
	containsRegion!: Uint8Array;
	/** What the article finder needs to know about the tag (TAG_CODE_*). */
	tagCode!: Uint8Array;
	/**
	 * Class/id weight for the article finder: +25 for each of class and id
	 * that names content, -25 for each that names a boilerplate region.
	 * Stored with an offset of 50 (0..100).
	 */
	weightCode!: Uint8Array;
	/** Commas in the subtree's visible text (a sign of running prose). */
	commas!: Int32Array;
	/** Commas in the non-link text whose nearest block is this element. */
	blockCommas!: Int32Array;
	/** Paragraph-like elements in the subtree (p, divs with own text). */
	paragraphs!: Int32Array;
	/** `li` elements, images, form inputs and embeds in the subtree. */
	listItems!: Int32Array;
	images!: Int32Array;
	inputs!: Int32Array;
	embeds!: Int32Array;
	/** Element children (not text). */
	children!: Int32Array;
	/** The most non-link text one block of the subtree holds on its own. */
	longestBlock!: Int32Array;
	/**
	 * A hash of the tag name and the raw class attribute: elements with
	 * the same shape in the page's markup (the chunks of a split article,
	 * the cards of a teaser row) share it. 0 for an element without class.
	 */
	signature!: Int32Array;
	/**
	 * Where the subtree's visible text lies in the page: the start of its
	 * first text range plus one (0: no text of the page's own, only
	 * entities or none) and the end of its last. Read through
	 * {@link textOf}, for the few blocks whose wording a rule reads.
	 */
	textFrom!: Int32Array;
	textTo!: Int32Array;

	constructor( capacity: number ) {
		this.capacity = Math.max( 16, capacity );
		this.allocate( null );
	}

	hint( index: number ): Hint | null {
		return HINT_BY_CODE[ this.hintCode[ index ] ];
	}

	hidden( index: number ): HiddenReason | null {
		return HIDDEN_BY_CODE[ this.hiddenCode[ index ] ];
	}

	hiddenForChildren( index: number ): HiddenReason | null {
		return HIDDEN_BY_CODE[ this.hiddenForChildrenCode[ index ] ];
	}

	headingBefore( index: number ): string | null {
		const heading = this.headingIndex[ index ];
		return heading < 0 ? null : this.headings[ heading ];
	}

	/** Room for one more element; returns its index. Numbers start at 0. */
	add(): number {
		if ( this.count === this.capacity ) {
			this.grow();
		}
		return this.count++;
	}

	/** Stores the columns that are not plain numbers. */
	setCoded(
		index: number,
		hint: Hint | null,
		hidden: HiddenReason | null,
		hiddenForChildren: HiddenReason | null
	): void {
		this.hintCode[ index ] = hintCode( hint );
		this.hiddenCode[ index ] = hidden === null ? 0 : HIDDEN_CODE[ hidden ];
		this.hiddenForChildrenCode[ index ] =
			hiddenForChildren === null ? 0 : HIDDEN_CODE[ hiddenForChildren ];
	}

	private grow(): void {
		this.capacity *= 2;
		this.allocate( this );
	}

	/**
	 * All columns as views on one buffer of `capacity` rows, copied from
	 * `old` when it grows. One allocation instead of one per column: a
	 * typed array's own buffer costs far more to set up than its view.
	 */
	private allocate( old: ElementTable | null ): void {
		const n = this.capacity;
		const buffer = new ArrayBuffer(
			n * ( 4 * INT32_COLUMNS + UINT8_COLUMNS )
		);
		let offset = 0;
		const int32 = ( previous: Int32Array | undefined ): Int32Array => {
			const column = new Int32Array( buffer, offset, n );
			offset += 4 * n;
			if ( previous !== undefined ) {
				column.set( previous );
			}
			return column;
		};
		const uint8 = ( previous: Uint8Array | undefined ): Uint8Array => {
			const column = new Uint8Array( buffer, offset, n );
			offset += n;
			if ( previous !== undefined ) {
				column.set( previous );
			}
			return column;
		};
		// Int32 columns first: their offsets stay multiples of 4.
		this.headingIndex = int32( old?.headingIndex );
		this.parent = int32( old?.parent );
		this.last = int32( old?.last );
		this.hintParent = int32( old?.hintParent );
		this.block = int32( old?.block );
		this.container = int32( old?.container );
		this.text = int32( old?.text );
		this.linkText = int32( old?.linkText );
		this.links = int32( old?.links );
		this.ownText = int32( old?.ownText );
		this.blockText = int32( old?.blockText );
		this.commas = int32( old?.commas );
		this.blockCommas = int32( old?.blockCommas );
		this.paragraphs = int32( old?.paragraphs );
		this.listItems = int32( old?.listItems );
		this.images = int32( old?.images );
		this.inputs = int32( old?.inputs );
		this.embeds = int32( old?.embeds );
		this.children = int32( old?.children );
		this.longestBlock = int32( old?.longestBlock );
		this.signature = int32( old?.signature );
		this.textFrom = int32( old?.textFrom );
		this.textTo = int32( old?.textTo );
		this.tagKind = uint8( old?.tagKind );
		this.hintCode = uint8( old?.hintCode );
		this.hiddenCode = uint8( old?.hiddenCode );
		this.hiddenForChildrenCode = uint8( old?.hiddenForChildrenCode );
		this.inList = uint8( old?.inList );
		this.scoped = uint8( old?.scoped );
		this.containsH1 = uint8( old?.containsH1 );
		this.containsRegion = uint8( old?.containsRegion );
		this.tagCode = uint8( old?.tagCode );
		this.weightCode = uint8( old?.weightCode );
	}

	/** Class/id weight of an element (-50..50), see `weightCode`. */
	weight( index: number ): number {
		return this.weightCode[ index ] - 50;
	}
}

export interface LinkRecord {
	element: number;
	rawHref: string;
	/** The raw `rel` attribute; tokens are only built for returned links. */
	rawRel: string | undefined;
	/** The link's text events joined, as they came. */
	text: string;
	/** Image alt texts, whitespace-collapsed; null until the first one. */
	altParts: string[] | null;
	hasImage: boolean;
	textOffset: number;
	heading: string | null;
	inH1: boolean;
}

/**
 * A piece of visible text for the text sample: `source[ start, end )`, a
 * range of the page or a decoded entity. Whitespace is collapsed only
 * when the sample reads it, and the sample stops long before the last
 * chunk on big pages.
 */
export interface TextChunk {
	element: number;
	source: string;
	start: number;
	end: number;
	/** `collapseRuns( source.slice( start, end ) ).length`. */
	runsLength: number;
}

export interface DocumentModel {
	/** The page the model was built from (see {@link textOf}). */
	source: string;
	elements: ElementTable;
	links: LinkRecord[];
	chunks: TextChunk[];
	totalText: number;
	title: string;
	h1: string;
	lang: string | null;
	baseHref: string | null;
	metaRobots: string | null;
	/**
	 * The site's name as the page states it: `og:site_name`, else
	 * `application-name` (the partner's own name, not a keyword).
	 */
	siteName: string | null;
	canonicalHref: string | null;
	/** Element of the first h1, or -1. */
	h1Element: number;
	/** First and last element whose own block holds running text, or -1. */
	firstRunning: number;
	lastRunning: number;
}

const BLOCK_TAGS = new Set( [
	'address',
	'article',
	'aside',
	'blockquote',
	'body',
	'center',
	'details',
	'dialog',
	'div',
	'dl',
	'fieldset',
	'figcaption',
	'figure',
	'footer',
	'form',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'header',
	'html',
	'main',
	'nav',
	'ol',
	'p',
	'pre',
	'section',
	'table',
	'td',
	'th',
	'ul',
] );

const CONTAINER_TAGS = new Set( [
	'article',
	'aside',
	'body',
	'center',
	'dd',
	'details',
	'div',
	'figure',
	'footer',
	'form',
	'header',
	'html',
	'main',
	'nav',
	'section',
	'td',
	'th',
] );

const HEADINGS = new Set( [ 'h1', 'h2', 'h3', 'h4', 'h5', 'h6' ] );
const SCOPING = new Set( [ 'article', 'aside', 'main', 'nav', 'section' ] );
const SKIP_TEXT = new Set( [ 'script', 'style', 'textarea', 'select' ] );
const LIST_ITEMS = new Set( [ 'li', 'dd', 'dt' ] );

/** What the sets above say about a tag: one lookup per element. */
interface TagInfo {
	block: boolean;
	/** Custom elements (`<x-widget>`) are containers too. */
	container: boolean;
	heading: boolean;
	scoping: boolean;
	skipText: boolean;
	listItem: boolean;
	landmark: boolean;
	/** TAG_ROOT, TAG_TABLE_ROW, TAG_SCOPING or TAG_OTHER. */
	kind: number;
	/** TAG_CODE_*. */
	code: number;
	/** COUNT_*. */
	counted: number;
}

function tagKindOf( tag: string ): number {
	if ( tag === 'html' || tag === 'body' ) {
		return TAG_ROOT;
	}
	if ( tag === 'tr' ) {
		return TAG_TABLE_ROW;
	}
	return SCOPING.has( tag ) ? TAG_SCOPING : TAG_OTHER;
}

const TAG_INFO_LIMIT = 1024;
const tagInfoCache = new Map< string, TagInfo >();

function tagInfo( tag: string ): TagInfo {
	const cached = tagInfoCache.get( tag );
	if ( cached !== undefined ) {
		return cached;
	}
	const info: TagInfo = Object.freeze( {
		block: BLOCK_TAGS.has( tag ),
		container: CONTAINER_TAGS.has( tag ) || tag.includes( '-' ),
		heading: HEADINGS.has( tag ),
		scoping: SCOPING.has( tag ),
		skipText: SKIP_TEXT.has( tag ),
		listItem: LIST_ITEMS.has( tag ),
		landmark: LANDMARK_TAGS.has( tag ),
		kind: tagKindOf( tag ),
		code: TAG_CODES[ tag ] ?? TAG_CODE_OTHER,
		counted: COUNTED[ tag ] ?? COUNT_NONE,
	} );
	// Pages of made-up element names must not grow the cache without end.
	if ( tagInfoCache.size < TAG_INFO_LIMIT ) {
		tagInfoCache.set( tag, info );
	}
	return info;
}

/** Non-link text of at least this length makes a block "running text". */
export const RUNNING_TEXT_CHARS = 80;

/** Keeps the text sample and heading buffers bounded on huge pages. */
const MAX_CHUNK_CHARS = 20000;
const MAX_HEADING_CHARS = 300;

/**
 * Whether a UTF-16 code unit is matched by `\s` in a JavaScript regular
 * expression (ECMAScript WhiteSpace + LineTerminator), so the counts below
 * agree exactly with `text.replace( /\s+/g, ' ' ).trim()`.
 */
export function isSpace( code: number ): boolean {
	if ( code <= 32 ) {
		return code === 32 || ( code >= 9 && code <= 13 );
	}
	if ( code < 160 ) {
		return false;
	}
	return (
		code === 160 ||
		code === 5760 ||
		( code >= 8192 && code <= 8202 ) ||
		code === 8232 ||
		code === 8233 ||
		code === 8239 ||
		code === 8287 ||
		code === 12288 ||
		code === 65279
	);
}

/**
 * `collapseRuns( text.slice( start, end ) ).length` of the last
 * {@link collapsedLength} call: the same scan gives both.
 */
let lastRunsLength = 0;
/** Commas seen by the last {@link collapsedLength} call. */
let lastCommas = 0;

/** Commas of the scripts Readability counts (Latin, Arabic, CJK …). */
function isComma( code: number ): boolean {
	return (
		code === 44 ||
		code === 0x060c ||
		code === 0xfe50 ||
		code === 0xfe10 ||
		code === 0xfe11 ||
		code === 0x2e41 ||
		code === 0x2e34 ||
		code === 0x2e32 ||
		code === 0xff0c
	);
}

/**
 * `text.replace( /\s+/g, ' ' ).trim().length` without building either
 * string: the text handler runs for every text node, and on large pages
 * those throwaway strings were a good part of the garbage collector's work.
 * Also leaves the untrimmed length in {@link lastRunsLength}: the text
 * sample needs it for most text nodes, and one scan is half the cost of two.
 *
 * Each whitespace run counts one, except a run at either end when there is
 * anything else; all-whitespace text is one run, and 0 trimmed.
 */
function collapsedLength( text: string, start: number, end: number ): number {
	let nonSpace = 0;
	let runs = 0;
	let commas = 0;
	let inRun = false;
	for ( let i = start; i < end; i++ ) {
		const code = text.charCodeAt( i );
		if ( isSpace( code ) ) {
			if ( ! inRun ) {
				runs++;
				inRun = true;
			}
		} else {
			nonSpace++;
			inRun = false;
			if ( code === 44 || ( code > 1547 && isComma( code ) ) ) {
				commas++;
			}
		}
	}
	lastRunsLength = nonSpace + runs;
	lastCommas = commas;
	if ( nonSpace === 0 ) {
		return 0;
	}
	const leading = isSpace( text.charCodeAt( start ) ) ? 1 : 0;
	const trailing = inRun ? 1 : 0;
	return nonSpace + runs - leading - trailing;
}

/**
 * Whitespace runs that `/\s+/g` would change: two or more whitespace
 * characters, or one that is not a plain space. A run that starts with a
 * space and goes on matches the first branch from its start, so every match
 * is a whole run, as with `/\s+/g`.
 */
const CHANGED_RUN = /\s\s+|[^\S ]/g;

/**
 * `text.replace( /\s+/g, ' ' )`: each whitespace run as one space, not
 * trimmed. In running text every single space between two words is a
 * match of `/\s+/g`, replaced by itself; {@link CHANGED_RUN} skips those,
 * which made this several times cheaper on text-heavy pages.
 */
export function collapseRuns( text: string ): string {
	return text.replace( CHANGED_RUN, ' ' );
}

/** `text.replace( /\s+/g, ' ' ).trim()`. */
export function collapseWhitespace( text: string ): string {
	return collapseRuns( text ).trim();
}

/**
 * What a block's range of the page holds besides words, in one pattern:
 * scripts and styles with their bodies, comments, tags (also one cut off
 * at the end of the range), and the entities that matter for reading
 * words (spaces, apostrophes, `&amp;`); other entities stay as written.
 */
const MARKUP =
	/<(script|style)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<[^>]*>?|&(?:(nbsp|#160|#xa0|ensp|emsp|thinsp)|(rsquo|lsquo|#8217|#8216|#39|apos|#x27)|(amp));/gi;

function readMarkup(
	match: string,
	script: string | undefined,
	space: string | undefined,
	apostrophe: string | undefined,
	amp: string | undefined
): string {
	if ( apostrophe !== undefined ) {
		return "'";
	}
	if ( amp !== undefined ) {
		return '&';
	}
	return ' ';
}

/**
 * An element's range of the page, as written (tags and all): from its
 * first to its last text, at most `max` characters. Cheap (a slice), for
 * a quick test before {@link wordingOf}.
 */
export function pageRangeOf(
	model: DocumentModel,
	index: number,
	max = 2000
): string {
	const { elements } = model;
	const from = elements.textFrom[ index ];
	if ( from === 0 ) {
		return '';
	}
	const to = Math.min( elements.textTo[ index ], from - 1 + max );
	return model.source.slice( from - 1, to );
}

/**
 * The visible wording of a range of the page: tags dropped, spaces and
 * apostrophes decoded, whitespace collapsed. Approximate, and meant for
 * phrase tests on short blocks.
 */
export function wordingOf( range: string ): string {
	return collapseWhitespace( range.replace( MARKUP, readMarkup ) );
}

/**
 * The visible wording of an element, read back from its range of the
 * page (see {@link wordingOf}); at most `max` characters of the page are
 * read, so a rule never slices a whole article.
 */
export function textOf(
	model: DocumentModel,
	index: number,
	max = 2000
): string {
	return wordingOf( pageRangeOf( model, index, max ) );
}

/**
 * The hints landmarks, roles and builder markers give: shared and frozen
 * (like the word hints), instead of a new object per element.
 */
const fixedHint = (
	kind: Hint[ 'kind' ],
	strength: Hint[ 'strength' ]
): Hint => Object.freeze( { kind, strength } );
const NAVIGATION_3 = fixedHint( 'navigation', 3 );
const SIDEBAR_3 = fixedHint( 'sidebar', 3 );
const HEADER_3 = fixedHint( 'header', 3 );
const FOOTER_3 = fixedHint( 'footer', 3 );
const COMMENTS_3 = fixedHint( 'comments', 3 );
const CONTENT_3 = fixedHint( 'content', 3 );
const CONTENT_2 = fixedHint( 'content', 2 );
const HEADER_2 = fixedHint( 'header', 2 );
const FOOTER_2 = fixedHint( 'footer', 2 );
const BREADCRUMBS_3 = fixedHint( 'breadcrumbs', 3 );

function landmarkHint(
	tag: string,
	attributes: ReadAttributes,
	scoped: boolean
): Hint | null {
	const named =
		attributes[ 'aria-label' ] !== undefined ||
		attributes[ 'aria-labelledby' ] !== undefined;
	switch ( tag ) {
		case 'nav':
			return NAVIGATION_3;
		case 'aside':
			return ! scoped || named ? SIDEBAR_3 : null;
		case 'header':
			return scoped ? null : HEADER_3;
		case 'footer':
			return scoped ? null : FOOTER_3;
		case 'main':
			return CONTENT_3;
		case 'article':
			return CONTENT_2;
		default:
			return null;
	}
}

function roleHint( role: string | undefined ): Hint | null {
	switch ( role?.trim().toLowerCase().split( /\s+/ )[ 0 ] ) {
		case 'banner':
			return HEADER_3;
		case 'navigation':
			return NAVIGATION_3;
		case 'complementary':
			return SIDEBAR_3;
		case 'contentinfo':
			return FOOTER_3;
		case 'comment':
			return COMMENTS_3;
		case 'main':
			return CONTENT_3;
		case 'article':
			return CONTENT_2;
		default:
			return null;
	}
}

function builderHint( attributes: ReadAttributes ): Hint | null {
	// Elementor marks its theme-builder templates explicitly.
	const type = attributes[ 'data-elementor-type' ];
	if ( type === undefined ) {
		return null;
	}
	if ( type === 'header' ) {
		return HEADER_2;
	}
	if ( type === 'footer' ) {
		return FOOTER_2;
	}
	if ( /^(single|wp-post|wp-page|archive)/.test( type ) ) {
		return CONTENT_2;
	}
	return null;
}

const LANDMARK_TAGS = new Set( [
	'nav',
	'aside',
	'header',
	'footer',
	'main',
	'article',
] );

/**
 * The class/id weight of the element {@link elementHint} last looked at
 * (see `ElementTable.weightCode`): set as a side result so no object is
 * built per element.
 */
let lastWeight = 0;

/**
 * +25 when a class or id value names content, -25 for boilerplate. Weak
 * words only count against a block when they rarely name prose (`meta`,
 * `ad`, `widget`); `menu` (a restaurant's menu card), `social` or `logo`
 * say too little.
 */
function weightOf( hint: Hint | null ): number {
	if ( hint === null ) {
		return 0;
	}
	if ( hint.kind === 'content' ) {
		return 25;
	}
	if (
		hint.strength >= 2 ||
		hint.kind === 'tags' ||
		hint.kind === 'promo' ||
		hint.kind === 'sidebar'
	) {
		return -25;
	}
	return 0;
}

function elementHint(
	tag: string,
	info: TagInfo,
	attributes: ReadAttributes,
	scoped: boolean
): Hint | null {
	lastWeight = 0;
	if (
		attributes.class === undefined &&
		attributes.id === undefined &&
		attributes.role === undefined &&
		attributes[ 'aria-label' ] === undefined &&
		attributes.itemprop === undefined &&
		attributes[ 'data-elementor-type' ] === undefined &&
		! info.landmark
	) {
		return null; // Most elements: nothing to look at.
	}
	// Folded one hint at a time (same order, same tie-breaks as
	// strongestHint over the list) so no per-element array is built.
	let best = strongerHint(
		strongerHint(
			landmarkHint( tag, attributes, scoped ),
			roleHint( attributes.role )
		),
		builderHint( attributes )
	);
	const itemprop = attributes.itemprop;
	if ( itemprop !== undefined && /articlebody|blogpost/i.test( itemprop ) ) {
		best = strongerHint( best, CONTENT_2 );
	}
	// A heading's class names the heading (`date-header`, `widget-title`),
	// not a page region.
	const { class: className, id } = attributes;
	if ( className ) {
		lastWeight += valueWeight( className );
	}
	if ( id ) {
		lastWeight += valueWeight( id );
	}
	if ( ! info.heading ) {
		if ( className ) {
			best = strongerHint( best, tokensHint( className ) );
		}
		if ( id ) {
			best = strongerHint( best, tokensHint( id ) );
		}
	}
	const label = attributes[ 'aria-label' ];
	let labelHint: Hint | null = null;
	if ( label && tokenWords( label ).length <= 3 ) {
		labelHint = hintOfToken( label );
		best = strongerHint( best, labelHint );
	}
	// `<nav aria-label="Breadcrumb">`, `<nav class="breadcrumbs">`: the
	// landmark says navigation, the name says which kind.
	if (
		best !== null &&
		best.kind === 'navigation' &&
		( labelHint?.kind === 'breadcrumbs' ||
			( className !== undefined &&
				tokensHint( className )?.kind === 'breadcrumbs' ) ||
			( id !== undefined && tokensHint( id )?.kind === 'breadcrumbs' ) )
	) {
		return BREADCRUMBS_3;
	}
	return best;
}

/**
 * The strongest hint among the whitespace-separated tokens of a class or id
 * value (as `value.split( /\s+/ )` without the empty strings).
 */
function computeTokensHint( value: string ): Hint | null {
	let best: Hint | null = null;
	let start = -1;
	for ( let i = 0; i <= value.length; i++ ) {
		const space = i === value.length || isSpace( value.charCodeAt( i ) );
		if ( ! space ) {
			if ( start < 0 ) {
				start = i;
			}
		} else if ( start >= 0 ) {
			best = strongerHint( best, hintOfToken( value.slice( start, i ) ) );
			start = -1;
		}
	}
	return best;
}

/**
 * Pages repeat the same class strings hundreds of times (`menu-item
 * menu-item-type-post_type …`), so the folded hint is remembered per whole
 * attribute value. Folding a value's hint into `best` in one step gives the
 * same hint as folding its tokens one by one: `strongerHint` keeps the
 * first of the strongest, so the fold is associative. Bounded like the
 * token cache in vocabulary.ts, and for the same reason; the hints are the
 * frozen shared ones `hintOfToken` returns.
 */
const VALUE_HINT_CACHE_LIMIT = 4096;
const valueHintCache = new Map< string, Hint | null >();

function tokensHint( value: string ): Hint | null {
	const cached = valueHintCache.get( value );
	if ( cached !== undefined ) {
		return cached;
	}
	const hint = computeTokensHint( value );
	if ( valueHintCache.size >= VALUE_HINT_CACHE_LIMIT ) {
		valueHintCache.clear();
	}
	valueHintCache.set( value, hint );
	return hint;
}

const valueWeightCache = new Map< string, number >();

/**
 * Readability's class weight of one class or id value: +25 when a token
 * names content, -25 when one names boilerplate (both: 0), so
 * `node node--type-article node--sticky` and `post-tags` weigh what
 * their words say together. Memoised like {@link tokensHint}.
 */
function valueWeight( value: string ): number {
	const cached = valueWeightCache.get( value );
	if ( cached !== undefined ) {
		return cached;
	}
	let positive = 0;
	let negative = 0;
	for ( const token of value.split( /\s+/ ) ) {
		if ( token === '' ) {
			continue;
		}
		const weight = weightOf( hintOfToken( token ) );
		if ( weight > 0 ) {
			positive = 25;
		} else if ( weight < 0 ) {
			negative = -25;
		}
	}
	if ( valueWeightCache.size >= VALUE_HINT_CACHE_LIMIT ) {
		valueWeightCache.clear();
	}
	valueWeightCache.set( value, positive + negative );
	return positive + negative;
}

/** `rel` tokens, lower-cased, in order, without duplicates. */
export function relTokens( rel: string | undefined ): string[] {
	if ( ! rel ) {
		return [];
	}
	const tokens: string[] = [];
	for ( const token of rel.toLowerCase().split( /\s+/ ) ) {
		if ( token !== '' && ! tokens.includes( token ) ) {
			// A long token may be a view on the whole page (see index.ts).
			tokens.push(
				token.length < 13 ? token : ( ' ' + token ).slice( 1 )
			);
		}
	}
	return tokens;
}

/**
 * Elements per byte of HTML to reserve room for: real pages have about
 * 1/70, dense markup up to twice that; the table doubles beyond it.
 */
const ELEMENTS_PER_BYTE = 1 / 32;

/* eslint-disable no-bitwise -- hashing: FNV-1a is 32-bit arithmetic. */
/**
 * FNV-1a of the tag name and the class value (see
 * `ElementTable.signature`); 0 when there is no class.
 */
function shapeSignature( tag: string, className: string | undefined ): number {
	if ( className === undefined || className === '' ) {
		return 0;
	}
	let hash = 0x811c9dc5;
	for ( let i = 0; i < tag.length; i++ ) {
		hash = Math.imul( hash ^ tag.charCodeAt( i ), 0x01000193 );
	}
	hash = Math.imul( hash ^ 32, 0x01000193 );
	for ( let i = 0; i < className.length; i++ ) {
		hash = Math.imul( hash ^ className.charCodeAt( i ), 0x01000193 );
	}
	return hash === 0 ? 1 : hash;
}
/* eslint-enable no-bitwise */

export function buildDocument( html: string ): DocumentModel {
	const elements = new ElementTable(
		Math.ceil( html.length * ELEMENTS_PER_BYTE )
	);
	const links: LinkRecord[] = [];
	const chunks: TextChunk[] = [];
	const stack: number[] = [];
	/** Index into `links` of the innermost open link, per open `a`. */
	const linkStack: number[] = [];
	/** Top of `linkStack` when it is a link; -1 otherwise (no `a`, or no href). */
	let openLink = -1;
	let chunkChars = 0;
	let totalText = 0;
	let skipTextDepth = 0;
	let headingDepth = 0;
	let headingTag = '';
	let headingBuffer = '';
	let lastHeading: string | null = null;
	/** Index of `lastHeading` in `elements.headings`, or -1. */
	let lastHeadingIndex = -1;
	let h1Depth = 0;
	let inTitle = false;
	/** SVG has its own <title> (an icon's name), not the page's. */
	let svgDepth = 0;
	let titleText = '';
	let titleDone = false;
	let firstH1 = '';
	let lang: string | null = null;
	let baseHref: string | null = null;
	let metaRobots: string | null = null;
	let ogSiteName: string | null = null;
	let applicationName: string | null = null;
	let canonicalHref: string | null = null;
	let firstRunning = -1;
	let lastRunning = -1;
	let h1Element = -1;

	/**
	 * Text `source[ start, end )`: a range of the page, or a decoded entity.
	 * Sliced only where it is kept (title, heading, link text, sample).
	 */
	const onText = ( source: string, start: number, end: number ): void => {
		if ( inTitle ) {
			titleText += source.slice( start, end );
			return;
		}
		if ( skipTextDepth > 0 || stack.length === 0 ) {
			return;
		}
		const index = stack[ stack.length - 1 ];
		const length = collapsedLength( source, start, end );
		const runsLength = lastRunsLength;
		if ( headingDepth > 0 && headingBuffer.length < MAX_HEADING_CHARS ) {
			headingBuffer += collapseRuns( source.slice( start, end ) );
		}
		if ( openLink >= 0 ) {
			links[ openLink ].text += source.slice( start, end );
		}
		if ( length === 0 ) {
			return;
		}
		const hiddenForChildren = elements.hiddenForChildren( index );
		if (
			hiddenForChildren === 'noscript' ||
			hiddenForChildren === 'template'
		) {
			return;
		}
		totalText += length;
		if ( source === html ) {
			if ( elements.textFrom[ index ] === 0 ) {
				elements.textFrom[ index ] = start + 1;
			}
			elements.textTo[ index ] = end;
		}
		elements.text[ index ] += length;
		elements.commas[ index ] += lastCommas;
		if ( openLink >= 0 ) {
			elements.linkText[ index ] += length;
		} else {
			elements.ownText[ elements.container[ index ] ] += length;
			const block = elements.block[ index ];
			elements.blockText[ block ] += length;
			elements.blockCommas[ block ] += lastCommas;
		}
		// Link text is part of what a reader (and a relevance score) sees.
		if ( chunkChars < MAX_CHUNK_CHARS && hiddenForChildren === null ) {
			chunks.push( { element: index, source, start, end, runsLength } );
			chunkChars += runsLength;
		}
	};

	streamHtmlRanges( html, new ReadAttributes(), {
		open( tag, attributes ) {
			const info = tagInfo( tag );
			const index = elements.add();
			const parent = stack.length > 0 ? stack[ stack.length - 1 ] : -1;
			const hasParent = parent >= 0;
			const scoped = hasParent
				? elements.scoped[ parent ] === 1 ||
					elements.tagKind[ parent ] === TAG_SCOPING
				: false;
			const hidden = hiddenReasonOf(
				tag,
				attributes,
				hasParent ? elements.hiddenForChildren( parent ) : null
			);
			const hint = elementHint( tag, info, attributes, scoped );
			elements.tagKind[ index ] = info.kind;
			elements.tagCode[ index ] = info.code;
			elements.weightCode[ index ] = 50 + lastWeight;
			elements.signature[ index ] = shapeSignature(
				tag,
				attributes.class
			);
			switch ( info.counted ) {
				case COUNT_IMAGE:
					elements.images[ index ] = 1;
					break;
				case COUNT_INPUT:
					elements.inputs[ index ] = 1;
					break;
				case COUNT_EMBED:
					elements.embeds[ index ] = 1;
					break;
				case COUNT_LIST_ITEM:
					elements.listItems[ index ] = 1;
					break;
			}
			if ( info.code === TAG_CODE_P ) {
				elements.paragraphs[ index ] = 1;
			}
			if ( hasParent ) {
				elements.children[ parent ]++;
			}
			elements.setCoded(
				index,
				hint,
				hidden,
				hidden ??
					( attributes[ 'aria-hidden' ]?.trim().toLowerCase() ===
					'true'
						? 'aria-hidden'
						: null )
			);
			elements.headingIndex[ index ] = lastHeadingIndex;
			elements.parent[ index ] = parent;
			elements.last[ index ] = index;
			// The parent itself when it carries a hint, else its nearest
			// hinted ancestor.
			let hintParent = -1;
			if ( hasParent ) {
				hintParent =
					elements.hintCode[ parent ] !== 0
						? parent
						: elements.hintParent[ parent ];
			}
			elements.hintParent[ index ] = hintParent;
			elements.block[ index ] =
				info.block || ! hasParent ? index : elements.block[ parent ];
			elements.container[ index ] =
				info.container || ! hasParent
					? index
					: elements.container[ parent ];
			elements.inList[ index ] =
				hasParent &&
				( elements.inList[ parent ] === 1 || info.listItem )
					? 1
					: 0;
			elements.scoped[ index ] = scoped ? 1 : 0;
			elements.containsH1[ index ] = tag === 'h1' ? 1 : 0;
			elements.containsRegion[ index ] =
				hint !== null &&
				hint.strength >= 2 &&
				( hint.kind === 'header' ||
					hint.kind === 'footer' ||
					hint.kind === 'sidebar' )
					? 1
					: 0;
			stack.push( index );

			if ( info.skipText ) {
				skipTextDepth++;
			}
			if ( tag === 'svg' ) {
				svgDepth++;
			}
			switch ( tag ) {
				case 'html':
					lang ??= attributes.lang?.trim() || null;
					break;
				case 'title':
					inTitle = ! titleDone && svgDepth === 0;
					break;
				case 'base':
					if ( baseHref === null && attributes.href !== undefined ) {
						baseHref = attributes.href;
					}
					break;
				case 'meta':
					if (
						metaRobots === null &&
						attributes.name?.trim().toLowerCase() === 'robots' &&
						attributes.content !== undefined
					) {
						metaRobots = collapseWhitespace( attributes.content );
					}
					if ( attributes.content !== undefined ) {
						const key = (
							attributes.property ??
							attributes.name ??
							''
						)
							.trim()
							.toLowerCase();
						if ( key === 'og:site_name' && ogSiteName === null ) {
							ogSiteName =
								collapseWhitespace( attributes.content ) ||
								null;
						} else if (
							key === 'application-name' &&
							applicationName === null
						) {
							applicationName =
								collapseWhitespace( attributes.content ) ||
								null;
						}
					}
					break;
				case 'link':
					if (
						canonicalHref === null &&
						relTokens( attributes.rel ).includes( 'canonical' ) &&
						attributes.href !== undefined
					) {
						canonicalHref = attributes.href;
					}
					break;
				case 'img': {
					// A named anchor (<a> without href) is not a link.
					if ( openLink >= 0 ) {
						const link = links[ openLink ];
						link.hasImage = true;
						const alt = collapseWhitespace( attributes.alt ?? '' );
						if ( alt !== '' ) {
							( link.altParts ??= [] ).push( alt );
						}
					}
					break;
				}
				case 'a':
					if ( attributes.href !== undefined ) {
						elements.links[ index ] = 1;
						openLink = links.length;
						linkStack.push( openLink );
						links.push( {
							element: index,
							rawHref: attributes.href,
							rawRel: attributes.rel,
							text: '',
							altParts: null,
							hasImage: false,
							textOffset: totalText,
							heading: lastHeading,
							inH1: h1Depth > 0,
						} );
					} else {
						openLink = -1;
						linkStack.push( -1 );
					}
					break;
			}
			if ( info.heading ) {
				if ( headingDepth === 0 ) {
					headingTag = tag;
					headingBuffer = '';
				}
				headingDepth++;
				if ( tag === 'h1' ) {
					h1Depth++;
					if ( h1Element < 0 ) {
						h1Element = index;
					}
				}
			}
		},

		close( tag ) {
			const index = stack.pop() as number;
			const info = tagInfo( tag );
			elements.last[ index ] = elements.count - 1;
			if ( info.skipText ) {
				skipTextDepth--;
			}
			if ( tag === 'svg' ) {
				svgDepth--;
			}
			if ( tag === 'title' && inTitle ) {
				inTitle = false;
				titleDone = true;
			}
			if ( tag === 'a' ) {
				linkStack.pop();
				const top =
					linkStack.length > 0
						? linkStack[ linkStack.length - 1 ]
						: -1;
				openLink = top >= 0 ? top : -1;
			}
			if ( info.heading && headingDepth > 0 ) {
				headingDepth--;
				if ( tag === 'h1' ) {
					h1Depth--;
				}
				if ( headingDepth === 0 ) {
					const heading = collapseWhitespace( headingBuffer );
					if ( heading !== '' ) {
						lastHeading = heading;
						lastHeadingIndex = elements.headings.length;
						elements.headings.push( heading );
						if ( headingTag === 'h1' && firstH1 === '' ) {
							firstH1 = heading;
						}
					}
				}
			}
			if (
				elements.blockText[ index ] >= RUNNING_TEXT_CHARS &&
				elements.hiddenCode[ index ] === 0
			) {
				if ( firstRunning === -1 || index < firstRunning ) {
					firstRunning = index;
				}
				lastRunning = Math.max( lastRunning, index );
			}
			// Readability reads a div with text of its own as a paragraph.
			if (
				elements.tagCode[ index ] === TAG_CODE_DIV &&
				elements.blockText[ index ] > 0
			) {
				elements.paragraphs[ index ]++;
			}
			if (
				elements.blockText[ index ] > elements.longestBlock[ index ]
			) {
				elements.longestBlock[ index ] = elements.blockText[ index ];
			}
			const parent = elements.parent[ index ];
			if ( parent >= 0 ) {
				if (
					elements.longestBlock[ index ] >
					elements.longestBlock[ parent ]
				) {
					elements.longestBlock[ parent ] =
						elements.longestBlock[ index ];
				}
				elements.commas[ parent ] += elements.commas[ index ];
				elements.paragraphs[ parent ] += elements.paragraphs[ index ];
				elements.listItems[ parent ] += elements.listItems[ index ];
				elements.images[ parent ] += elements.images[ index ];
				elements.inputs[ parent ] += elements.inputs[ index ];
				elements.embeds[ parent ] += elements.embeds[ index ];
				elements.text[ parent ] += elements.text[ index ];
				elements.linkText[ parent ] += elements.linkText[ index ];
				elements.links[ parent ] += elements.links[ index ];
				if ( elements.containsH1[ index ] === 1 ) {
					elements.containsH1[ parent ] = 1;
				}
				if ( elements.containsRegion[ index ] === 1 ) {
					elements.containsRegion[ parent ] = 1;
				}
				// Children close after the parent's earlier text, so only an
				// empty start and a later end need taking over.
				if ( elements.textFrom[ index ] !== 0 ) {
					if ( elements.textFrom[ parent ] === 0 ) {
						elements.textFrom[ parent ] =
							elements.textFrom[ index ];
					}
					elements.textTo[ parent ] = elements.textTo[ index ];
				}
			}
		},

		text( start, end ) {
			onText( html, start, end );
		},

		entity( data ) {
			onText( data, 0, data.length );
		},
	} );

	return {
		source: html,
		elements,
		links,
		chunks,
		totalText,
		title: collapseWhitespace( titleText ),
		h1: firstH1,
		lang,
		baseHref,
		metaRobots,
		siteName: ogSiteName ?? applicationName,
		canonicalHref,
		h1Element,
		firstRunning,
		lastRunning,
	};
}
