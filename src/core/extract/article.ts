/**
 * Finds the article on a page the way Mozilla Readability does, on the
 * element table instead of a DOM (no tree is built, nothing is removed):
 *
 * 1. **Score paragraphs.** Every paragraph-like block (p, pre, td, section,
 *    h2–h6, a div with text of its own) with at least 25 characters of
 *    text outside links scores 1 + (commas + 1) + one point per 100
 *    characters (at most 3). The score goes to its parent in full, the
 *    grandparent half, and three more ancestors a third of their level.
 *    Paragraphs inside a boilerplate region (a class, id, landmark or role
 *    that names a footer, sidebar, comments, related posts …) do not vote.
 * 2. **Pick the container.** Each voted-for element starts from a tag bonus
 *    (div +5; pre, td, blockquote +3; lists and forms -3; headings -5) and
 *    its class/id weight (±25 for content or boilerplate words), and its
 *    score is scaled by 1 - link density. The best one wins; it is widened
 *    to an ancestor shared by most close runners-up, to a parent that
 *    scores higher, and past parents of which it is the only child.
 * 3. **Join siblings** that score at least a fifth of the winner (and 10),
 *    or paragraphs of real prose with few links, and the other chunks of
 *    an article split over containers of the winner's shape.
 * 4. **Clean.** Inside the article, lists, divs, tables and forms are
 *    taken out when they look like boilerplate: a negative class weight,
 *    and, with fewer than 10 commas, more list items than paragraphs, a
 *    link density above 0.2 (0.5 for content-named blocks), a short text
 *    with links, several images for few paragraphs, form inputs or embeds.
 *    Inner blocks are judged first and their removal counts for the outer
 *    ones, as in Readability's bottom-up pass. `<footer>` and `<aside>`
 *    inside the article go too.
 *
 * Linear in the number of elements apart from the bounded ancestor walks
 * (5 levels per paragraph, the depth of the article per removed block).
 */
import {
	TAG_CODE_ADDRESS,
	TAG_CODE_ASIDE,
	TAG_CODE_BLOCKQUOTE,
	TAG_CODE_BODY,
	TAG_CODE_DIV,
	TAG_CODE_DL,
	TAG_CODE_FIELDSET,
	TAG_CODE_FIGURE,
	TAG_CODE_FOOTER,
	TAG_CODE_FORM,
	TAG_CODE_H1,
	TAG_CODE_HEADING,
	TAG_CODE_HTML,
	TAG_CODE_LI,
	TAG_CODE_OL,
	TAG_CODE_P,
	TAG_CODE_PRE,
	TAG_CODE_SECTION,
	TAG_CODE_TABLE,
	TAG_CODE_TD,
	TAG_CODE_TH,
	TAG_CODE_UL,
} from './document';
import type { DocumentModel, ElementTable } from './document';

/** A paragraph needs this much text outside links to vote. */
const MIN_PARAGRAPH_CHARS = 25;
/** How many ancestors a paragraph's score reaches. */
const SCORE_LEVELS = 5;
/** Runners-up within this share of the best score can widen the pick. */
const RUNNER_UP_SHARE = 0.75;
const RUNNERS_UP = 5;
const MIN_RUNNERS_UP_SHARING = 3;
/** Blocks with at least this many commas are prose: never cleaned by counts. */
const CLEAN_MIN_COMMAS = 10;
/** A block with this much text of its own outside links is prose. */
const PROSE_BLOCK_CHARS = 80;
/** A region hint counts as a page wrapper when it holds this share of the text. */
const WRAPPER_TEXT_SHARE = 0.8;
/** Bounded walks on pathological nesting. */
const MAX_CHAIN = 64;

export interface Article {
	/** The winning container. */
	top: number;
	/** `top` and the siblings joined to it, in document order. */
	parts: number[];
	/** 1 for elements the cleaning step took out of the article. */
	removed: Uint8Array;
	/** Voting paragraph text per subtree. */
	prose: Prose;
	/** 1 for elements inside a teaser row (see markTeaserRows). */
	inTeaser: Uint8Array;
}

const BOILERPLATE_KINDS = new Set( [
	'header',
	'navigation',
	'sidebar',
	'footer',
	'comments',
	'related',
	'share',
	'author',
	'tags',
	'breadcrumbs',
	'promo',
] );

function tagScore( code: number ): number {
	switch ( code ) {
		case TAG_CODE_DIV:
			return 5;
		case TAG_CODE_PRE:
		case TAG_CODE_TD:
		case TAG_CODE_BLOCKQUOTE:
			return 3;
		case TAG_CODE_ADDRESS:
		case TAG_CODE_OL:
		case TAG_CODE_UL:
		case TAG_CODE_DL:
		case TAG_CODE_LI:
		case TAG_CODE_FORM:
			return -3;
		case TAG_CODE_HEADING:
		case TAG_CODE_H1:
		case TAG_CODE_TH:
			return -5;
		default:
			return 0;
	}
}

function isParagraphLike( code: number ): boolean {
	return (
		code === TAG_CODE_P ||
		code === TAG_CODE_DIV ||
		code === TAG_CODE_PRE ||
		code === TAG_CODE_TD ||
		code === TAG_CODE_SECTION ||
		code === TAG_CODE_HEADING
	);
}

function linkDensity( elements: ElementTable, index: number ): number {
	const text = elements.text[ index ];
	return text === 0 ? 0 : elements.linkText[ index ] / text;
}

/** Hint kinds that name a part of the page layout (columns, bars). */
const LAYOUT_KINDS = new Set( [ 'header', 'navigation', 'sidebar', 'footer' ] );

/**
 * Prose of each subtree: the text of the paragraphs that may vote (see
 * {@link scoreCandidates}), summed bottom-up in one pass.
 */
export interface Prose {
	text: Int32Array;
	/** The whole page's. */
	total: number;
}

function measureProse( elements: ElementTable ): Prose {
	const text = new Int32Array( elements.count );
	let total = 0;
	for ( let index = elements.count - 1; index >= 0; index-- ) {
		const length = elements.blockText[ index ];
		if (
			length >= MIN_PARAGRAPH_CHARS &&
			isParagraphLike( elements.tagCode[ index ] ) &&
			elements.hiddenCode[ index ] === 0
		) {
			text[ index ] += length;
			total += length;
		}
		const parent = elements.parent[ index ];
		if ( parent >= 0 ) {
			text[ parent ] += text[ index ];
		}
	}
	return { text, total };
}

/**
 * A sidebar, header, footer or navigation class on an element that holds
 * most of the page's prose names a layout, not a region: the column that
 * has a sidebar beside it (`content-with-sidebar`, `l-sidebar-fixed`,
 * `has-header`). Landmarks (strength 3) are taken at their word.
 */
export function isLayoutWrapper(
	elements: ElementTable,
	prose: Prose,
	index: number
): boolean {
	const hint = elements.hint( index );
	return (
		hint !== null &&
		hint.strength === 2 &&
		LAYOUT_KINDS.has( hint.kind ) &&
		prose.text[ index ] * 2 >= prose.total
	);
}

/** A teaser row has at least this many cards of one shape… */
const TEASER_MIN_CARDS = 3;
/** …each with a short text… */
const TEASER_MAX_TEXT = 600;
/** …no block of prose this long… */
const TEASER_MAX_BLOCK = 300;
/** …at most this many links, with some link text (the title). */
const TEASER_MAX_LINKS = 6;
const TEASER_MIN_LINK_TEXT = 10;

/**
 * Per element, how many links up to and including it (in document
 * order) sit in a heading, and how many hold an image: prefix sums, so
 * a subtree's count is `at[ last ] - at[ index - 1 ]`.
 */
interface TitleLinks {
	inHeading: Int32Array;
	withImage: Int32Array;
}

function countTitleLinks( model: DocumentModel ): TitleLinks {
	const { elements } = model;
	const inHeading = new Int32Array( elements.count );
	const withImage = new Int32Array( elements.count );
	for ( const link of model.links ) {
		if ( link.hasImage ) {
			withImage[ link.element ] = 1;
		}
		for (
			let node = elements.parent[ link.element ], steps = 0;
			node >= 0 && steps < 4;
			node = elements.parent[ node ], steps++
		) {
			const code = elements.tagCode[ node ];
			if ( code === TAG_CODE_HEADING || code === TAG_CODE_H1 ) {
				inHeading[ link.element ] = 1;
				break;
			}
		}
	}
	for ( let index = 1; index < elements.count; index++ ) {
		inHeading[ index ] += inHeading[ index - 1 ];
		withImage[ index ] += withImage[ index - 1 ];
	}
	return { inHeading, withImage };
}

function inSubtree(
	elements: ElementTable,
	prefix: Int32Array,
	index: number
): number {
	return (
		prefix[ elements.last[ index ] ] -
		( index > 0 ? prefix[ index - 1 ] : 0 )
	);
}

/**
 * One card of a teaser row: a linked title (a link in a heading, or a
 * linked thumbnail with link text an eighth of the card's), little text.
 * A product in a list with its own unlinked heading and a paragraph
 * about it is not one.
 */
function isTeaserCard(
	elements: ElementTable,
	titleLinks: TitleLinks,
	index: number
): boolean {
	const links = elements.links[ index ];
	if (
		links < 1 ||
		links > TEASER_MAX_LINKS ||
		elements.linkText[ index ] < TEASER_MIN_LINK_TEXT ||
		elements.text[ index ] > TEASER_MAX_TEXT ||
		elements.longestBlock[ index ] >= TEASER_MAX_BLOCK
	) {
		return false;
	}
	return (
		inSubtree( elements, titleLinks.inHeading, index ) > 0 ||
		( inSubtree( elements, titleLinks.withImage, index ) > 0 &&
			elements.linkText[ index ] * 8 >= elements.text[ index ] )
	);
}

/**
 * Marks every element inside a teaser row: 3+ siblings of one shape
 * (same tag and class, ads or other blocks may sit between them) of
 * which at least two in three are cards (an image or heading, a linked
 * title, a short text). A "more stories" stream, a grid of related
 * posts: other pages' titles and summaries, never the article's text.
 */
export function markTeaserRows( model: DocumentModel ): Uint8Array {
	const { elements } = model;
	const titleLinks = countTitleLinks( model );
	const inTeaser = new Uint8Array( elements.count );
	/** Per shape among one parent's children: [ siblings, cards ]. */
	const shapes = new Map< number, [ number, number ] >();
	for ( let parent = 0; parent < elements.count; parent++ ) {
		if ( elements.children[ parent ] < TEASER_MIN_CARDS ) {
			continue;
		}
		shapes.clear();
		for (
			let child = parent + 1;
			child <= elements.last[ parent ];
			child = elements.last[ child ] + 1
		) {
			const signature = elements.signature[ child ];
			if ( signature === 0 ) {
				continue;
			}
			let counts = shapes.get( signature );
			if ( counts === undefined ) {
				counts = [ 0, 0 ];
				shapes.set( signature, counts );
			}
			counts[ 0 ]++;
			if ( isTeaserCard( elements, titleLinks, child ) ) {
				counts[ 1 ]++;
			}
		}
		for (
			let child = parent + 1;
			child <= elements.last[ parent ];
			child = elements.last[ child ] + 1
		) {
			const counts = shapes.get( elements.signature[ child ] );
			if (
				counts !== undefined &&
				counts[ 1 ] >= TEASER_MIN_CARDS &&
				counts[ 1 ] * 3 >= counts[ 0 ] * 2
			) {
				inTeaser[ child ] = 1;
			}
		}
	}
	// Everything inside a card is in the row (parents come first).
	for ( let index = 0; index < elements.count; index++ ) {
		const parent = elements.parent[ index ];
		if ( parent >= 0 && inTeaser[ parent ] === 1 ) {
			inTeaser[ index ] = 1;
		}
	}
	return inTeaser;
}

/**
 * Whether the element sits in a region whose hint names boilerplate
 * (strength 2 or more). A hinted element that holds the page's h1 or most
 * of its text is a layout wrapper (`body.has-sidebar`), not a region.
 */
function inBoilerplateRegion(
	model: DocumentModel,
	prose: Prose,
	index: number
): boolean {
	const { elements } = model;
	let node =
		elements.hintCode[ index ] !== 0 ? index : elements.hintParent[ index ];
	for ( let steps = 0; node >= 0 && steps < MAX_CHAIN; steps++ ) {
		const hint = elements.hint( node );
		if (
			hint !== null &&
			hint.strength >= 2 &&
			BOILERPLATE_KINDS.has( hint.kind ) &&
			elements.containsH1[ node ] === 0 &&
			elements.text[ node ] < model.totalText * WRAPPER_TEXT_SHARE &&
			! isLayoutWrapper( elements, prose, node )
		) {
			return true;
		}
		node = elements.hintParent[ node ];
	}
	return false;
}

/** Readability's starting score of a candidate: tag, class/id, landmark. */
function initialScore( elements: ElementTable, index: number ): number {
	const hint = elements.hint( index );
	const landmark =
		hint !== null && hint.kind === 'content' && hint.strength >= 2 ? 25 : 0;
	return (
		tagScore( elements.tagCode[ index ] ) +
		elements.weight( index ) +
		landmark
	);
}

function isRootCode( code: number ): boolean {
	return code === TAG_CODE_BODY || code === TAG_CODE_HTML;
}

/** Scores every candidate; NaN marks elements no paragraph voted for. */
function scoreCandidates(
	model: DocumentModel,
	prose: Prose,
	inTeaser: Uint8Array
): Float64Array {
	const { elements } = model;
	const scores = new Float64Array( elements.count ).fill( NaN );
	for ( let index = 0; index < elements.count; index++ ) {
		const length = elements.blockText[ index ];
		if (
			length < MIN_PARAGRAPH_CHARS ||
			! isParagraphLike( elements.tagCode[ index ] ) ||
			elements.hiddenCode[ index ] !== 0 ||
			inTeaser[ index ] === 1 ||
			inBoilerplateRegion( model, prose, index )
		) {
			continue;
		}
		const score =
			2 +
			elements.blockCommas[ index ] +
			Math.min( Math.floor( length / 100 ), 3 );
		let ancestor = elements.parent[ index ];
		for (
			let level = 0;
			level < SCORE_LEVELS && ancestor >= 0;
			level++, ancestor = elements.parent[ ancestor ]
		) {
			if ( elements.tagCode[ ancestor ] === TAG_CODE_HTML ) {
				break;
			}
			if ( Number.isNaN( scores[ ancestor ] ) ) {
				scores[ ancestor ] = initialScore( elements, ancestor );
			}
			let divider = level * 3;
			if ( level === 0 ) {
				divider = 1;
			} else if ( level === 1 ) {
				divider = 2;
			}
			scores[ ancestor ] += score / divider;
		}
	}
	for ( let index = 0; index < elements.count; index++ ) {
		if ( ! Number.isNaN( scores[ index ] ) ) {
			scores[ index ] *= 1 - linkDensity( elements, index );
		}
	}
	return scores;
}

function contains(
	elements: ElementTable,
	ancestor: number,
	node: number
): boolean {
	return ancestor <= node && node <= elements.last[ ancestor ];
}

/** The best candidate, widened as Readability widens it; -1 if none. */
function pickTop( elements: ElementTable, scores: Float64Array ): number {
	const best: number[] = [];
	for ( let index = 0; index < elements.count; index++ ) {
		const score = scores[ index ];
		if (
			Number.isNaN( score ) ||
			isRootCode( elements.tagCode[ index ] )
		) {
			continue;
		}
		let at = best.length;
		while ( at > 0 && scores[ best[ at - 1 ] ] < score ) {
			at--;
		}
		if ( at < RUNNERS_UP + 1 ) {
			best.splice( at, 0, index );
			if ( best.length > RUNNERS_UP + 1 ) {
				best.pop();
			}
		}
	}
	if ( best.length === 0 || ! ( scores[ best[ 0 ] ] > 0 ) ) {
		return -1;
	}
	let top = best[ 0 ];
	// Close runners-up that share an ancestor with the winner: the
	// article is split in parts (text, then more text after a figure).
	const close = best
		.slice( 1 )
		.filter(
			( index ) => scores[ index ] / scores[ top ] >= RUNNER_UP_SHARE
		);
	if ( close.length >= MIN_RUNNERS_UP_SHARING ) {
		for (
			let parent = elements.parent[ top ], steps = 0;
			parent >= 0 &&
			! isRootCode( elements.tagCode[ parent ] ) &&
			steps < MAX_CHAIN;
			parent = elements.parent[ parent ], steps++
		) {
			const sharing = close.filter( ( index ) =>
				contains( elements, parent, index )
			).length;
			if ( sharing >= MIN_RUNNERS_UP_SHARING ) {
				top = parent;
				break;
			}
		}
	}
	if ( Number.isNaN( scores[ top ] ) ) {
		scores[ top ] = initialScore( elements, top );
	}
	// A parent that scores higher holds more of the article.
	let lastScore = scores[ top ];
	const threshold = lastScore / 3;
	for (
		let parent = elements.parent[ top ], steps = 0;
		parent >= 0 &&
		! isRootCode( elements.tagCode[ parent ] ) &&
		steps < MAX_CHAIN;
		parent = elements.parent[ parent ], steps++
	) {
		const score = scores[ parent ];
		if ( Number.isNaN( score ) ) {
			continue;
		}
		if ( score < threshold ) {
			break;
		}
		if ( score > lastScore ) {
			top = parent;
			break;
		}
		lastScore = score;
	}
	// An only child says nothing its parent does not.
	for (
		let parent = elements.parent[ top ], steps = 0;
		parent >= 0 &&
		! isRootCode( elements.tagCode[ parent ] ) &&
		elements.children[ parent ] === 1 &&
		steps < MAX_CHAIN;
		parent = elements.parent[ parent ], steps++
	) {
		top = parent;
	}
	return top;
}

/** The winner and the siblings that belong with it. */
function joinSiblings(
	elements: ElementTable,
	scores: Float64Array,
	top: number
): number[] {
	const parent = elements.parent[ top ];
	if ( parent < 0 ) {
		return [ top ];
	}
	const topScore = Number.isNaN( scores[ top ] ) ? 0 : scores[ top ];
	const threshold = Math.max( 10, topScore * 0.2 );
	const parts: number[] = [];
	for (
		let sibling = parent + 1;
		sibling <= elements.last[ parent ];
		sibling = elements.last[ sibling ] + 1
	) {
		if ( sibling === top ) {
			parts.push( sibling );
			continue;
		}
		if ( elements.hiddenCode[ sibling ] !== 0 ) {
			continue;
		}
		const score = scores[ sibling ];
		if ( ! Number.isNaN( score ) && score >= threshold ) {
			parts.push( sibling );
			continue;
		}
		if (
			elements.tagCode[ sibling ] === TAG_CODE_P &&
			elements.text[ sibling ] > 80 &&
			linkDensity( elements, sibling ) < 0.25
		) {
			parts.push( sibling );
		}
	}
	return parts;
}

/** How far up from the winner a split article's other chunks are looked for. */
const SAME_SHAPE_LEVELS = 3;
/** A chunk needs this much voting paragraph text… */
const SAME_SHAPE_MIN_PROSE = 200;
/** …and at most this link density. */
const SAME_SHAPE_MAX_LINK_DENSITY = 0.3;

/**
 * The other chunks of an article split over several containers of the
 * same shape (same tag and class as the winner: `article__body` twice,
 * with an ad or a figure between): within a few levels of the winner,
 * elements of the winner's shape that hold prose with few links and sit
 * in no boilerplate region. The nearest level that has any wins.
 */
function sameShapeChunks(
	model: DocumentModel,
	prose: Prose,
	top: number
): number[] {
	const { elements } = model;
	const signature = elements.signature[ top ];
	if ( signature === 0 ) {
		return [];
	}
	let ancestor = elements.parent[ top ];
	for (
		let level = 0;
		level < SAME_SHAPE_LEVELS &&
		ancestor >= 0 &&
		! isRootCode( elements.tagCode[ ancestor ] );
		level++, ancestor = elements.parent[ ancestor ]
	) {
		const found: number[] = [];
		for (
			let index = ancestor + 1;
			index <= elements.last[ ancestor ];
			index++
		) {
			if ( index === top ) {
				index = elements.last[ top ];
				continue;
			}
			if (
				elements.signature[ index ] !== signature ||
				contains( elements, index, top )
			) {
				continue;
			}
			if (
				prose.text[ index ] >= SAME_SHAPE_MIN_PROSE &&
				linkDensity( elements, index ) <= SAME_SHAPE_MAX_LINK_DENSITY &&
				elements.hiddenCode[ index ] === 0 &&
				! inBoilerplateRegion( model, prose, index )
			) {
				found.push( index );
			}
			index = elements.last[ index ];
		}
		if ( found.length > 0 ) {
			return found;
		}
	}
	return [];
}

function isCleaned( code: number ): boolean {
	return (
		code === TAG_CODE_DIV ||
		code === TAG_CODE_UL ||
		code === TAG_CODE_TABLE ||
		code === TAG_CODE_FORM ||
		code === TAG_CODE_FIELDSET
	);
}

/** Subtree totals that shrink as inner blocks are taken out. */
interface Totals {
	text: Int32Array;
	linkText: Int32Array;
	commas: Int32Array;
	paragraphs: Int32Array;
	listItems: Int32Array;
	images: Int32Array;
	inputs: Int32Array;
	embeds: Int32Array;
}

function totalsOf( elements: ElementTable, from: number, to: number ): Totals {
	return {
		text: elements.text.slice( from, to + 1 ),
		linkText: elements.linkText.slice( from, to + 1 ),
		commas: elements.commas.slice( from, to + 1 ),
		paragraphs: elements.paragraphs.slice( from, to + 1 ),
		listItems: elements.listItems.slice( from, to + 1 ),
		images: elements.images.slice( from, to + 1 ),
		inputs: elements.inputs.slice( from, to + 1 ),
		embeds: elements.embeds.slice( from, to + 1 ),
	};
}

function hasFigureAncestor(
	elements: ElementTable,
	index: number,
	root: number
): boolean {
	for (
		let node = elements.parent[ index ], steps = 0;
		node >= root && steps < MAX_CHAIN;
		node = elements.parent[ node ], steps++
	) {
		if ( elements.tagCode[ node ] === TAG_CODE_FIGURE ) {
			return true;
		}
	}
	return false;
}

/** Readability's `_cleanConditionally` verdict on one block. */
function looksLikeBoilerplate(
	elements: ElementTable,
	totals: Totals,
	offset: number,
	index: number,
	root: number,
	prose: Prose
): boolean {
	const code = elements.tagCode[ index ];
	// A layout wrapper's class (`content-with-sidebar`) says nothing
	// against the text it holds.
	const weight = isLayoutWrapper( elements, prose, index )
		? 0
		: elements.weight( index );
	// Only the class weight, not the block's own content score: lists and
	// list items start from a negative tag score, and a list of prose
	// items with one captioned figure in it must not go for that
	// (Readability's `_cleanConditionally` uses a content score of 0).
	if ( weight < 0 ) {
		return true;
	}
	const at = index - offset;
	if ( totals.commas[ at ] >= CLEAN_MIN_COMMAS ) {
		return false;
	}
	const paragraphs = totals.paragraphs[ at ];
	const images = totals.images[ at ];
	const listItems = totals.listItems[ at ] - 100;
	const inputs = totals.inputs[ at ];
	const embeds = totals.embeds[ at ];
	const length = totals.text[ at ];
	const density = length === 0 ? 0 : totals.linkText[ at ] / length;
	const isList = code === TAG_CODE_UL;
	// Prose with links in it (a forum post, a short article) is not a
	// link box: it needs a link share above one half, not one fifth.
	const maxDensity =
		elements.longestBlock[ index ] >= PROSE_BLOCK_CHARS ? 0.5 : 0.2;
	return (
		( images > 1 &&
			paragraphs / images < 0.5 &&
			! hasFigureAncestor( elements, index, root ) ) ||
		( ! isList && listItems > paragraphs ) ||
		inputs > Math.floor( paragraphs / 3 ) ||
		( ! isList &&
			length < MIN_PARAGRAPH_CHARS &&
			( images === 0 || images > 2 ) &&
			totals.linkText[ at ] > 0 &&
			! hasFigureAncestor( elements, index, root ) ) ||
		( ! isList && weight < 25 && density > maxDensity ) ||
		( weight >= 25 && density > 0.5 ) ||
		( embeds === 1 && length < 75 ) ||
		embeds > 1
	);
}

/** Marks the blocks inside the article that cleaning takes out. */
function clean(
	elements: ElementTable,
	prose: Prose,
	parts: number[],
	top: number,
	removed: Uint8Array
): void {
	const first = parts[ 0 ];
	const end = elements.last[ parts[ parts.length - 1 ] ];
	const totals = totalsOf( elements, first, end );
	for ( const part of parts ) {
		// Inner blocks first (reverse document order), as Readability does.
		for ( let index = elements.last[ part ]; index >= part; index-- ) {
			if ( index === top || removed[ index ] === 1 ) {
				continue;
			}
			const code = elements.tagCode[ index ];
			let remove = code === TAG_CODE_FOOTER || code === TAG_CODE_ASIDE;
			// A hidden block's shape (a short box with one link) is not
			// what a reader sees, and says nothing of what it is: only its
			// class can name it. A link hidden in the text stays where it
			// is hidden, so its hidden reason is the finding, not "related".
			if (
				! remove &&
				isCleaned( code ) &&
				elements.hiddenCode[ index ] !== 0 &&
				elements.weight( index ) >= 0
			) {
				continue;
			}
			if ( ! remove && isCleaned( code ) ) {
				remove = looksLikeBoilerplate(
					elements,
					totals,
					first,
					index,
					part,
					prose
				);
			}
			if ( ! remove ) {
				continue;
			}
			removed[ index ] = 1;
			// What it held no longer counts for the blocks around it.
			const at = index - first;
			for (
				let node = elements.parent[ index ];
				node >= part;
				node = elements.parent[ node ]
			) {
				const up = node - first;
				totals.text[ up ] -= totals.text[ at ];
				totals.linkText[ up ] -= totals.linkText[ at ];
				totals.commas[ up ] -= totals.commas[ at ];
				totals.paragraphs[ up ] -= totals.paragraphs[ at ];
				totals.listItems[ up ] -= totals.listItems[ at ];
				totals.images[ up ] -= totals.images[ at ];
				totals.inputs[ up ] -= totals.inputs[ at ];
				totals.embeds[ up ] -= totals.embeds[ at ];
			}
		}
	}
}

/** The page's article, or null when no paragraph of text votes for one. */
export function findArticle( model: DocumentModel ): Article | null {
	const { elements } = model;
	const prose = measureProse( elements );
	const inTeaser = markTeaserRows( model );
	const scores = scoreCandidates( model, prose, inTeaser );
	const top = pickTop( elements, scores );
	if ( top < 0 ) {
		return null;
	}
	const parts = joinSiblings( elements, scores, top );
	for ( const chunk of sameShapeChunks( model, prose, top ) ) {
		if ( ! inParts( elements, parts, chunk ) ) {
			parts.push( chunk );
		}
	}
	parts.sort( ( a, b ) => a - b );
	const removed = new Uint8Array( elements.count );
	clean( elements, prose, parts, top, removed );
	return { top, parts, removed, prose, inTeaser };
}

/** Whether `index` lies in one of the article's parts. */
export function inParts(
	elements: ElementTable,
	parts: number[],
	index: number
): boolean {
	for ( const part of parts ) {
		if ( contains( elements, part, index ) ) {
			return true;
		}
	}
	return false;
}

/** Whether `index` or an ancestor up to its part was cleaned out. */
export function isRemoved(
	elements: ElementTable,
	removed: Uint8Array,
	index: number,
	stop: number
): boolean {
	for (
		let node = index, steps = 0;
		node >= stop && node >= 0 && steps < 10000;
		node = elements.parent[ node ], steps++
	) {
		if ( removed[ node ] === 1 ) {
			return true;
		}
	}
	return false;
}
