/**
 * Where on the page a link sits. Three layers of evidence, strongest first:
 *
 * 1. Region hints on the link's ancestors (landmark elements, ARIA roles,
 *    class/id words in five languages). The OUTERMOST site region decides
 *    (a "recent comments" widget inside a sidebar is sidebar; a widget
 *    area inside a footer is footer); inside a header or navigation zone
 *    the nearest of header/navigation decides (menu vs. logo).
 * 2. Weak words ("menu", "widget", "social") count only where the link
 *    density of the hinted block backs them up, so a recipe `menu-card`
 *    full of prose stays content. Hints on wrappers that contain the main
 *    content (`body.has-sidebar`, `#content.site-content`) are ignored.
 * 3. Without any hint: the main content block (the `main` landmark, or the
 *    element holding the most running text, widened to its content-hinted
 *    ancestor) is content; link blocks before it are header or navigation,
 *    after it footer (or sidebar when they share a table row with it).
 *    When the whole page is one block (no structure at all), link-only
 *    blocks before the first and after the last paragraph of running
 *    text are navigation/header and footer.
 */
import type { Placement } from '../schemas';
import {
	TAG_CODE_DIV,
	TAG_CODE_LI,
	TAG_CODE_OL,
	TAG_CODE_P,
	TAG_CODE_UL,
	TAG_ROOT,
	TAG_TABLE_ROW,
	pageRangeOf,
	textOf,
	wordingOf,
} from './document';
import type { DocumentModel, ElementTable } from './document';
import {
	findArticle,
	inParts,
	isLayoutWrapper,
	isRemoved,
	markTeaserRows,
} from './article';
import type { Prose } from './article';
import {
	isAbsorbing,
	isFollowLine,
	isPersonalLine,
	isRelatedHeading,
	isSocialHref,
	isSubscribeLine,
} from './vocabulary';
import type { HintKind } from './vocabulary';

/** Weak hints need at least this share of link text in their block. */
const WEAK_HINT_MIN_LINK_DENSITY = 0.5;
/** How far up the hint chain we look (bounded work on pathological nesting). */
const MAX_HINT_CHAIN = 64;
/** Climb from the densest text block while added text outweighs added links this much. */
const CLIMB_TEXT_TO_LINK_RATIO = 2;
/** …or, to take in the page's h1, while links are at most this multiple of text. */
const CLIMB_FOR_H1_RATIO = 3;
/** A main block holding this share of all text means "no structure found". */
const WHOLE_PAGE_SHARE = 0.9;
/** A link group under a "Related posts" heading: links and density. */
const RELATED_MIN_LINKS = 2;
const RELATED_MIN_LINK_DENSITY = 0.5;
/**
 * …or, for a list with a link in every item ("The strange life and
 * <a>mysterious death of a virtuoso coder</a>"), this density.
 */
const RELATED_LIST_MIN_LINK_DENSITY = 0.3;
/** How far up from a link we look for its link group. */
const MAX_GROUP_CLIMB = 8;

/** A paragraph that is (nearly) all one link, and short: a teaser line. */
const LINK_PARAGRAPH_MAX_CHARS = 150;
const LINK_PARAGRAPH_MIN_DENSITY = 0.8;
const LINK_PARAGRAPH_MIN_ANCHOR = 25;
/** A teaser list has at least this many links. */
const TEASER_LIST_MIN_LINKS = 2;

/** A block with at least this many links before the content is a menu. */
const MENU_MIN_LINKS = 3;

export interface MainContent {
	/** Element index of the main content block, or -1 when there is no text. */
	element: number;
	/** The main block is the whole page: fall back to running-text order. */
	wholePage: boolean;
	/**
	 * The article: `element` and the siblings joined to it, in document
	 * order. Only `[ element ]` when the article finder found nothing.
	 */
	parts: number[];
	/**
	 * Per element, 1 when the cleaning step took it out of the article (a
	 * link-heavy list, a teaser row, a short link box); null when no
	 * article was found.
	 */
	removed: Uint8Array | null;
	/** Voting paragraph text per subtree; null when no article was found. */
	prose: Prose | null;
	/** 1 inside a teaser row; null when no article was found. */
	inTeaser: Uint8Array | null;
}

function contains(
	elements: ElementTable,
	ancestor: number,
	node: number
): boolean {
	return ancestor <= node && node <= elements.last[ ancestor ];
}

function linkDensity( elements: ElementTable, index: number ): number {
	const text = elements.text[ index ];
	if ( text === 0 ) {
		return elements.links[ index ] > 0 ? 1 : 0;
	}
	return elements.linkText[ index ] / text;
}

function isRoot( elements: ElementTable, index: number ): boolean {
	return elements.tagKind[ index ] === TAG_ROOT;
}

function findMainByDensity( model: DocumentModel ): MainContent {
	const { elements } = model;
	let best = -1;
	// 1. A `main` landmark (element or role) that is not hidden.
	for ( let index = 0; index < elements.count; index++ ) {
		const hint = elements.hint( index );
		if (
			hint?.kind === 'content' &&
			hint.strength === 3 &&
			elements.hiddenCode[ index ] === 0 &&
			( best === -1 || elements.text[ index ] > elements.text[ best ] )
		) {
			best = index;
		}
	}
	if ( best >= 0 && elements.text[ best ] > 0 ) {
		return {
			element: best,
			wholePage: false,
			parts: [ best ],
			removed: null,
			prose: null,
			inTeaser: null,
		};
	}
	// 2. The text container holding the most running text.
	best = -1;
	for ( let index = 0; index < elements.count; index++ ) {
		const ownText = elements.ownText[ index ];
		if (
			ownText > 0 &&
			elements.hiddenCode[ index ] === 0 &&
			( best === -1 || ownText > elements.ownText[ best ] )
		) {
			best = index;
		}
	}
	if ( best === -1 ) {
		return {
			element: -1,
			wholePage: false,
			parts: [],
			removed: null,
			prose: null,
			inTeaser: null,
		};
	}
	// 2a. Widen to the outermost content-hinted ancestor that holds no
	// header/footer/sidebar region (the article, not the page wrapper).
	let hinted = -1;
	for (
		let index = best, steps = 0;
		index >= 0 && steps < 10000;
		index = elements.parent[ index ], steps++
	) {
		if (
			isRoot( elements, index ) ||
			elements.containsRegion[ index ] === 1
		) {
			break;
		}
		if ( elements.hint( index )?.kind === 'content' ) {
			hinted = index;
		}
	}
	let main = hinted;
	if ( main === -1 ) {
		// 2b. Climb while what the parent adds is mostly text, not links.
		main = best;
		for ( let steps = 0; steps < 10000; steps++ ) {
			const child = main;
			const parent = elements.parent[ child ];
			if ( parent < 0 ) {
				break;
			}
			const addedLinks =
				elements.linkText[ parent ] - elements.linkText[ child ];
			const addedText =
				elements.text[ parent ] -
				elements.linkText[ parent ] -
				( elements.text[ child ] - elements.linkText[ child ] );
			const mostlyText =
				addedLinks * CLIMB_TEXT_TO_LINK_RATIO <= addedText;
			const bringsTitle =
				elements.containsH1[ parent ] === 1 &&
				elements.containsH1[ child ] === 0 &&
				addedLinks <= addedText * CLIMB_FOR_H1_RATIO;
			if ( ! mostlyText && ! bringsTitle ) {
				break;
			}
			main = parent;
		}
	}
	// A content-hinted block is the article even when the page has little
	// else; a block found only by climbing that covers the page is not.
	const wholePage =
		isRoot( elements, main ) ||
		( hinted === -1 &&
			elements.text[ main ] >= model.totalText * WHOLE_PAGE_SHARE );
	return {
		element: main,
		wholePage,
		parts: [ main ],
		removed: null,
		prose: null,
		inTeaser: null,
	};
}

/**
 * The article (Readability-style scoring, see article.ts); when no
 * paragraph of text votes for one, the older density climb.
 */
export function findMainContent( model: DocumentModel ): MainContent {
	const article = findArticle( model );
	if ( article ) {
		return {
			element: article.top,
			wholePage: false,
			parts: article.parts,
			removed: article.removed,
			prose: article.prose,
			inTeaser: article.inTeaser,
		};
	}
	// Without an article, teaser rows (a homepage grid) are still not
	// editorial content.
	return { ...findMainByDensity( model ), inTeaser: markTeaserRows( model ) };
}

function inMain(
	elements: ElementTable,
	main: MainContent,
	index: number
): boolean {
	return main.element >= 0 && inParts( elements, main.parts, index );
}

/** The part of the article that holds `index`, or -1. */
function partOf(
	elements: ElementTable,
	main: MainContent,
	index: number
): number {
	for ( const part of main.parts ) {
		if ( contains( elements, part, index ) ) {
			return part;
		}
	}
	return -1;
}

interface AcceptedHint {
	kind: HintKind;
	strength: number;
	element: number;
}

/**
 * The hints on a node's ancestor chain (nearest first) that survive
 * validation. `from` is the first element to consider (the link itself).
 */
function acceptedHints(
	model: DocumentModel,
	main: MainContent,
	from: number
): AcceptedHint[] {
	const { elements } = model;
	const accepted: AcceptedHint[] = [];
	let index =
		elements.hintCode[ from ] !== 0 ? from : elements.hintParent[ from ];
	for ( let steps = 0; index >= 0 && steps < MAX_HINT_CHAIN; steps++ ) {
		const hint = elements.hint( index );
		const next = elements.hintParent[ index ];
		if ( ! hint || hint.kind === 'content' || isRoot( elements, index ) ) {
			index = next;
			continue;
		}
		// Layout wrappers (`body.right-sidebar`, `.content-sidebar-wrap`),
		// also inside the article (`l-sidebar-fixed` around the text).
		if (
			( main.element >= 0 &&
				contains( elements, index, main.element ) ) ||
			( main.prose !== null &&
				isLayoutWrapper( elements, main.prose, index ) )
		) {
			index = next;
			continue;
		}
		const insideMain =
			main.element >= 0 &&
			( main.wholePage || inMain( elements, main, index ) );
		if ( hint.strength === 1 ) {
			// A weak word on the link itself says nothing (`btn-secondary`),
			// and inside the content it needs a link-heavy block.
			if (
				index === from ||
				( insideMain &&
					linkDensity( elements, index ) <
						WEAK_HINT_MIN_LINK_DENSITY )
			) {
				index = next;
				continue;
			}
		}
		if ( hint.kind === 'header' && insideMain && ! main.wholePage ) {
			// An article's own header (title, byline) is content.
			index = next;
			continue;
		}
		accepted.push( {
			kind: hint.kind,
			strength: hint.strength,
			element: index,
		} );
		index = next;
	}
	return accepted;
}

const SITE_REGIONS: ReadonlySet< HintKind > = new Set( [
	'header',
	'navigation',
	'sidebar',
	'footer',
	'comments',
] );

/** The placement an in-article boilerplate hint stands for. */
function finerPlacement( kind: HintKind ): Placement {
	switch ( kind ) {
		case 'related':
		case 'promo':
			return 'related';
		case 'share':
			return 'share';
		case 'author':
			return 'author-box';
		case 'tags':
			return 'tags';
		case 'breadcrumbs':
			return 'breadcrumbs';
		case 'comments':
			return 'comments';
		case 'header':
			return 'header';
		case 'navigation':
			return 'navigation';
		case 'sidebar':
			return 'sidebar';
		default:
			return 'footer';
	}
}

/** The placement the hints decide, or null when they say nothing. */
function placementFromHints( hints: AcceptedHint[] ): Placement | null {
	let zone: AcceptedHint | null = null;
	for ( const hint of hints ) {
		if ( SITE_REGIONS.has( hint.kind ) ) {
			zone = hint; // Keeps the outermost.
		}
	}
	if ( zone ) {
		if ( isAbsorbing( zone.kind ) ) {
			return zone.kind as Placement;
		}
		// Header or navigation zone: breadcrumbs are breadcrumbs; a menu
		// anywhere inside it makes the link navigation
		// (`header__menu-item` is a menu item, not the logo); the rest of
		// a header is header.
		if ( hints.some( ( hint ) => hint.kind === 'breadcrumbs' ) ) {
			return 'breadcrumbs';
		}
		return hints.some(
			( hint ) => hint.kind === 'navigation' || hint.kind === 'related'
		)
			? 'navigation'
			: 'header';
	}
	const nearest = hints[ 0 ];
	if ( ! nearest ) {
		return null;
	}
	return finerPlacement( nearest.kind );
}

/**
 * The link sits in a group of links (an ancestor holding several links and
 * little else: a list, a row of cards) that follows a "Related posts"-style
 * heading. Cards have their own title headings, so every link-dense
 * ancestor up to the first one with real text is tried.
 */
function isUnderRelatedHeading(
	context: PlacementContext,
	main: number,
	node: number
): boolean {
	const { elements } = context.model;
	let index = elements.parent[ node ];
	for ( let steps = 0; index > main && steps < MAX_GROUP_CLIMB; steps++ ) {
		if ( elements.links[ index ] >= RELATED_MIN_LINKS ) {
			if (
				linkDensity( elements, index ) <
				( isLinkList( elements, index )
					? RELATED_LIST_MIN_LINK_DENSITY
					: RELATED_MIN_LINK_DENSITY )
			) {
				// One item of a list says little: its list decides.
				if ( elements.tagCode[ index ] !== TAG_CODE_LI ) {
					return false;
				}
				index = elements.parent[ index ];
				continue;
			}
			if (
				isRelatedHeading( elements.headingBefore( index ) ) ||
				isRelatedHeading( labelBefore( context, index ) )
			) {
				return true;
			}
		}
		index = elements.parent[ index ];
	}
	return false;
}

/** A ul or ol with at least as many links as items. */
function isLinkList( elements: ElementTable, index: number ): boolean {
	const code = elements.tagCode[ index ];
	return (
		( code === TAG_CODE_UL || code === TAG_CODE_OL ) &&
		elements.listItems[ index ] > 0 &&
		elements.links[ index ] >= elements.listItems[ index ]
	);
}

/** A label is a short line of text… */
const LABEL_MAX_CHARS = 80;
/** …and sibling lists longer than this are not searched for one. */
const MAX_LABEL_SIBLINGS = 200;

/**
 * The text of the block right before `index` when it reads as a label:
 * its nearest preceding sibling with text, short and without links. Many
 * themes style the heading of a "More stories" list as a div or a
 * paragraph (`<div class="heading-h3">`), not an h-element.
 */
function labelBefore(
	context: PlacementContext,
	index: number
): string | null {
	context.labels ??= new Map();
	let label = context.labels.get( index );
	if ( label === undefined ) {
		label = findLabelBefore( context.model, index );
		context.labels.set( index, label );
	}
	return label;
}

function findLabelBefore( model: DocumentModel, index: number ): string | null {
	const { elements } = model;
	const parent = elements.parent[ index ];
	if ( parent < 0 ) {
		return null;
	}
	let label = -1;
	for (
		let child = parent + 1, steps = 0;
		child < index && steps < MAX_LABEL_SIBLINGS;
		child = elements.last[ child ] + 1, steps++
	) {
		if ( elements.text[ child ] > 0 ) {
			label = child;
		}
	}
	if (
		label < 0 ||
		elements.links[ label ] > 0 ||
		elements.text[ label ] > LABEL_MAX_CHARS
	) {
		return null;
	}
	return textOf( model, label, LABEL_MAX_CHARS * 20 );
}

/** A tagline (follow us, subscribe) is a short block. */
const TAGLINE_MAX_CHARS = 300;

/** What a short block's wording says it is (see {@link taglinePlacement}). */
type LineKind =
	'none' | 'follow-person' | 'follow-outlet' | 'subscribe' | 'read-more';

/**
 * "READ MORE: <a>…</a>", "Related: …", "Lees ook: …", "Lesen Sie auch:
 * …": a prefix and a colon (or an arrow), read on the page's own markup
 * from the block's first text ("Read more</b>:" too). Not "See also:",
 * which introduces an editorial cross-reference (a Wikipedia hatnote).
 */
const READ_MORE_PREFIX =
	/^\s*(?:read (?:more|also|next)|also read|related(?: (?:article|articles|story|stories|content|reading))?|more(?: on this| from us)?|lees (?:ook|meer)|ook interessant|lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|(?:à |a )?lire aussi|(?:lee|leer) tambi[eé]n|te puede interesar)\s*(?:<[^>]*>\s*)*(?::|»|›|→|&gt;|&raquo;)/i;
/** Such a line has at most this much text outside its links. */
const READ_MORE_MAX_OWN_CHARS = 40;

/**
 * One cheap test before the phrase tests: a word that starts any of them.
 * Most blocks have none.
 */
const LINE_CUE =
	/follow|volg|folg|suiv|s[ií]gu|subscri|sign|abonn|aanmeld|meld|inscri|suscr/i;

/** The kind of line a block is, read once per block of a page. */
function lineKind( context: PlacementContext, block: number ): LineKind {
	const { model } = context;
	context.lines ??= new Map();
	const known = context.lines.get( block );
	if ( known !== undefined ) {
		return known;
	}
	let kind: LineKind = 'none';
	if ( model.elements.text[ block ] <= TAGLINE_MAX_CHARS ) {
		// The cue on the page's own markup first: no new string for the
		// many blocks that have none (a cue in an attribute only costs the
		// full read).
		const range = pageRangeOf( model, block, TAGLINE_MAX_CHARS * 20 );
		if (
			model.elements.blockText[ block ] <= READ_MORE_MAX_OWN_CHARS &&
			model.elements.links[ block ] > 0 &&
			READ_MORE_PREFIX.test( range )
		) {
			kind = 'read-more';
		} else if ( LINE_CUE.test( range ) ) {
			const text = wordingOf( range );
			if ( isFollowLine( text ) ) {
				kind = isPersonalLine( text )
					? 'follow-person'
					: 'follow-outlet';
			} else if ( isSubscribeLine( text, model.siteName ) ) {
				kind = 'subscribe';
			}
		}
	}
	context.lines.set( block, kind );
	return kind;
}

/**
 * A link in a short line that asks the reader to follow the outlet or
 * the author on social networks ("Follow her on Twitter @name"), to
 * subscribe to the publication, or to read another story ("READ MORE:
 * …"): the line sits in the article, it is not part of it. Social links there are `share`; the other links of an
 * author's note (a book, a website) are an author bio (`author-box`), of
 * the outlet's line a promotion (`related`), as are links in a subscribe
 * line.
 */
function taglinePlacement(
	context: PlacementContext,
	element: number,
	href: string
): Placement | null {
	const kind = lineKind( context, context.model.elements.block[ element ] );
	switch ( kind ) {
		case 'follow-person':
			return isSocialHref( href ) ? 'share' : 'author-box';
		case 'follow-outlet':
			return isSocialHref( href ) ? 'share' : 'related';
		case 'subscribe':
		case 'read-more':
			return 'related';
		default:
			return null;
	}
}

/** The ancestor of `node` that contains `target`, or -1. */
function commonAncestor(
	elements: ElementTable,
	node: number,
	target: number
): number {
	for (
		let index = node, steps = 0;
		index >= 0 && steps < 10000;
		index = elements.parent[ index ], steps++
	) {
		if ( contains( elements, index, target ) ) {
			return index;
		}
	}
	return -1;
}

function menuOrHeader( elements: ElementTable, node: number ): Placement {
	return elements.links[ elements.block[ node ] ] >= MENU_MIN_LINKS
		? 'navigation'
		: 'header';
}

export interface PlacementContext {
	model: DocumentModel;
	main: MainContent;
	/** What each block's wording says it is, once read (see lineKind). */
	lines?: Map< number, LineKind >;
	/** The label before each link group, once read (see labelBefore). */
	labels?: Map< number, string | null >;
}

/**
 * Paths of author, tag, category and topic archives in the common CMSs
 * (WordPress, Drupal, Ghost, Blogger, news CMSs), in five languages.
 */
const ARCHIVE_PATH =
	/\/(author|authors|auteur|autor|autore|tag|tags|category|categories|categorie|kategorie|categoria|topics|label|labels|onderwerp|thema|themen|rubriek|trefwoord|schlagwort|etiqueta|etiquette|redactie|profile|profiel)(\/|\?|$)/i;

/** Whether the raw href points at an author, tag or category archive. */
export function isArchiveHref( href: string ): boolean {
	return ARCHIVE_PATH.test( href );
}

/** Calls to subscribe or sign up (a newsletter box inside the article). */
const SUBSCRIBE_TEXT =
	/\b(subscribe|sign up|newsletter|abonneer|aanmelden|nieuwsbrief|abonnieren|anmelden|abonnez|inscrivez|suscr[ií]bete)\b/i;

/** What the classifier reads of the link itself, beside its element. */
export interface LinkSignals {
	/** The link is inside an h1. */
	inH1: boolean;
	/** It carries `rel="author"` (a byline). */
	authorLink: boolean;
	/** Resolved href. */
	href: string;
	/** Whitespace-collapsed anchor text. */
	text: string;
}

/**
 * A link that is a whole short paragraph of its own, with a title for a
 * text ("Related: How the moon got its craters"): a teaser line.
 */
function isLinkParagraph(
	elements: ElementTable,
	element: number,
	anchor: string
): boolean {
	const block = elements.block[ element ];
	const text = elements.text[ block ];
	const tag = elements.tagCode[ block ];
	return (
		( tag === TAG_CODE_P || tag === TAG_CODE_DIV ) &&
		anchor.length >= LINK_PARAGRAPH_MIN_ANCHOR &&
		elements.inList[ element ] === 0 &&
		text > 0 &&
		text <= LINK_PARAGRAPH_MAX_CHARS &&
		elements.linkText[ block ] >= text * LINK_PARAGRAPH_MIN_DENSITY
	);
}

/**
 * An inline element inside a paragraph that holds several links with
 * titles for text and nothing else: a hover card or "more on this person"
 * popup rendered into the sentence, not part of it.
 */
function isInlineLinkCluster(
	elements: ElementTable,
	element: number
): boolean {
	const block = elements.block[ element ];
	for (
		let node = elements.parent[ element ], steps = 0;
		node > block && steps < MAX_GROUP_CLIMB;
		node = elements.parent[ node ], steps++
	) {
		const links = elements.links[ node ];
		if (
			links >= TEASER_LIST_MIN_LINKS + 1 &&
			elements.linkText[ node ] >= elements.text[ node ] * 0.9 &&
			elements.linkText[ node ] >= links * LINK_PARAGRAPH_MIN_ANCHOR
		) {
			return true;
		}
	}
	return false;
}

/**
 * A list whose items are nothing but links with titles for text (on
 * average 25 characters or more): a list of teasers ("More stories"),
 * not a list of sources (short names) or of steps (prose).
 */
function isTeaserList( elements: ElementTable, element: number ): boolean {
	if ( elements.inList[ element ] === 0 ) {
		return false;
	}
	let list = elements.parent[ element ];
	for ( let steps = 0; list >= 0 && steps < 4; steps++ ) {
		const code = elements.tagCode[ list ];
		if ( code === TAG_CODE_UL || code === TAG_CODE_OL ) {
			break;
		}
		list = elements.parent[ list ];
	}
	if (
		list < 0 ||
		( elements.tagCode[ list ] !== TAG_CODE_UL &&
			elements.tagCode[ list ] !== TAG_CODE_OL )
	) {
		return false;
	}
	const links = elements.links[ list ];
	return (
		links >= TEASER_LIST_MIN_LINKS &&
		elements.linkText[ list ] >= elements.text[ list ] * 0.9 &&
		elements.linkText[ list ] >= links * LINK_PARAGRAPH_MIN_ANCHOR
	);
}

/** Where the link at `element` sits. */
export function classifyPlacement(
	context: PlacementContext,
	element: number,
	link: LinkSignals
): Placement {
	const { model, main } = context;
	const { elements } = model;
	const hints = acceptedHints( model, main, element );
	const { inH1, authorLink } = link;
	// The page's h1 is its title, and so content, even in a block called
	// "*-header"; but not inside a landmark banner (blogs that use h1 for
	// the site name) or a menu.
	if (
		inH1 &&
		hints.every( ( hint ) => hint.kind === 'header' && hint.strength < 3 )
	) {
		return 'content';
	}
	const fromHints = placementFromHints( hints );
	if ( fromHints ) {
		return fromHints;
	}
	if ( inH1 ) {
		return 'content';
	}
	if ( main.removed === null && main.inTeaser?.[ element ] === 1 ) {
		return 'related';
	}
	if ( main.element < 0 ) {
		return 'content';
	}
	if ( main.wholePage ) {
		if ( model.firstRunning < 0 ) {
			return 'content';
		}
		if ( element < model.firstRunning ) {
			return menuOrHeader( elements, element );
		}
		if ( element > elements.last[ model.lastRunning ] ) {
			return 'footer';
		}
		return 'content';
	}
	const part = partOf( elements, main, element );
	if ( part >= 0 ) {
		if ( authorLink ) {
			return 'tags';
		}
		if ( isUnderRelatedHeading( context, part, element ) ) {
			return 'related';
		}
		if (
			main.removed !== null &&
			isRemoved( elements, main.removed, element, part )
		) {
			return isArchiveHref( link.href )
				? 'tags'
				: removedPlacement( model, element );
		}
		if ( main.inTeaser !== null && main.inTeaser[ element ] === 1 ) {
			return 'related';
		}
		if ( SUBSCRIBE_TEXT.test( link.text ) ) {
			return 'related';
		}
		if (
			isLinkParagraph( elements, element, link.text ) ||
			isTeaserList( elements, element ) ||
			isInlineLinkCluster( elements, element )
		) {
			return 'related';
		}
		return taglinePlacement( context, element, link.href ) ?? 'content';
	}
	if ( authorLink || isArchiveHref( link.href ) ) {
		return 'tags';
	}
	// Between the page's title and the article: the byline and date line.
	if (
		model.h1Element >= 0 &&
		element > model.h1Element &&
		element < main.parts[ 0 ] &&
		elements.links[ elements.block[ element ] ] < MENU_MIN_LINKS
	) {
		return 'tags';
	}
	if ( element < main.parts[ 0 ] ) {
		return menuOrHeader( elements, element );
	}
	const shared = commonAncestor( elements, element, main.element );
	return shared >= 0 && elements.tagKind[ shared ] === TAG_TABLE_ROW
		? 'sidebar'
		: 'footer';
}

/**
 * A link the cleaning step took out of the article: a weak hint on the
 * way up names its kind (`post-meta` → tags, `social` → share); an
 * unnamed link-heavy block inside an article is a row of teasers.
 */
function removedPlacement( model: DocumentModel, element: number ): Placement {
	const { elements } = model;
	let index =
		elements.hintCode[ element ] !== 0
			? element
			: elements.hintParent[ element ];
	for ( let steps = 0; index >= 0 && steps < MAX_HINT_CHAIN; steps++ ) {
		const hint = elements.hint( index );
		if ( hint !== null && hint.kind !== 'content' ) {
			return finerPlacement( hint.kind );
		}
		index = elements.hintParent[ index ];
	}
	return 'related';
}

/** Whether text in `element` belongs to boilerplate (for the text sample). */
export function isBoilerplate(
	context: PlacementContext,
	element: number
): boolean {
	const { model, main } = context;
	if ( main.element >= 0 && ! main.wholePage ) {
		const part = partOf( model.elements, main, element );
		if ( part < 0 ) {
			return true;
		}
		if (
			main.removed !== null &&
			isRemoved( model.elements, main.removed, element, part )
		) {
			return true;
		}
	}
	return placementFromHints( acceptedHints( model, main, element ) ) !== null;
}
