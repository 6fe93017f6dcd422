/**
 * Region hints from class, id and aria-label words, in the languages the
 * product ships in (en, nl, de, fr, es). A hint is only a vote: the
 * classifier weighs it against landmarks, link density and position, so a
 * word like "menu" in a restaurant's `menu-card` does not make a dish
 * description navigation.
 */

/** What a region hint says about the links inside it. */
export type HintKind =
	| 'header'
	| 'navigation'
	| 'sidebar'
	| 'footer'
	| 'comments'
	/** Related/recommended posts: navigation even inside an article. */
	| 'related'
	/** Share bars and social buttons. */
	| 'share'
	/** An author box or bio. */
	| 'author'
	/** Tags, categories, bylines and post meta. */
	| 'tags'
	| 'breadcrumbs'
	/** Newsletter sign-ups, ads, promotions: teasers for something else. */
	| 'promo'
	| 'content';

/**
 * 1 = a weak word ("menu", "widget", "social") that needs support from
 * link density; 2 = a word that names a region outright ("footer",
 * "sidebar", "comments"); 3 = an HTML landmark element or ARIA role.
 */
export type HintStrength = 1 | 2 | 3;

export interface Hint {
	kind: HintKind;
	strength: HintStrength;
}

interface WordRule {
	kind: HintKind;
	strength: HintStrength;
}

const rule = ( kind: HintKind, strength: HintStrength ): WordRule => ( {
	kind,
	strength,
} );

/** Whole words (after splitting on - _ and camelCase). */
const WORDS = new Map< string, WordRule >( [
	// Footer.
	...[
		'footer',
		'colophon',
		'voettekst',
		'fusszeile',
		'fußzeile',
		'piedepage',
		'piedepagina',
		'footnav',
	].map( ( word ): [ string, WordRule ] => [ word, rule( 'footer', 2 ) ] ),
	...[ 'copyright', 'foot' ].map( ( word ): [ string, WordRule ] => [
		word,
		rule( 'footer', 1 ),
	] ),
	// Sidebar.
	...[
		'sidebar',
		'zijbalk',
		'zijkolom',
		'seitenleiste',
		'blogroll',
		'linkcat',
		'sidebars',
	].map( ( word ): [ string, WordRule ] => [ word, rule( 'sidebar', 2 ) ] ),
	...[ 'widget', 'widgets', 'aside', 'secondary', 'rail', 'xoxo' ].map(
		( word ): [ string, WordRule ] => [ word, rule( 'sidebar', 1 ) ]
	),
	// Navigation.
	...[
		'nav',
		'navbar',
		'navigation',
		'navigatie',
		'navigazione',
		'navegacion',
		'pagination',
		'pager',
		'prevnext',
		'nextprev',
		'menubar',
		'paginering',
	].map( ( word ): [ string, WordRule ] => [
		word,
		rule( 'navigation', 2 ),
	] ),
	...[ 'menu', 'menus', 'tabs', 'navlinks', 'submenu' ].map(
		( word ): [ string, WordRule ] => [ word, rule( 'navigation', 1 ) ]
	),
	// Header.
	...[ 'header', 'masthead', 'kopfzeile', 'cabecera', 'encabezado' ].map(
		( word ): [ string, WordRule ] => [ word, rule( 'header', 2 ) ]
	),
	...[
		'banner',
		'topbar',
		'branding',
		'brand',
		'logo',
		'kop',
		'announcement',
	].map( ( word ): [ string, WordRule ] => [ word, rule( 'header', 1 ) ] ),
	// Comments.
	...[
		'comments',
		'comment',
		'commentlist',
		'respond',
		'reacties',
		'reactie',
		'kommentare',
		'kommentar',
		'commentaires',
		'commentaire',
		'comentarios',
		'comentario',
		'disqus',
		'replies',
	].map( ( word ): [ string, WordRule ] => [ word, rule( 'comments', 2 ) ] ),
	// Boilerplate that lives inside articles.
	...[
		'related',
		'relatedposts',
		'similaires',
		'similares',
		'gerelateerd',
		'verwandte',
		'recommendations',
		'recommended',
		'outbrain',
		'taboola',
		'yarpp',
		'recirc',
		'recirculation',
		'trending',
		'popular',
		'mostpopular',
		'mostread',
		'readnext',
		'upnext',
		'suggested',
		'zergnet',
		'morestories',
	].map( ( word ): [ string, WordRule ] => [ word, rule( 'related', 2 ) ] ),
	...[ 'teaser', 'teasers', 'promos' ].map(
		( word ): [ string, WordRule ] => [ word, rule( 'related', 1 ) ]
	),
	// Breadcrumbs.
	...[
		'breadcrumb',
		'breadcrumbs',
		'crumbs',
		'crumb',
		'kruimelpad',
		'broodkruimels',
		'brotkrumen',
		'brotkrumennavigation',
	].map( ( word ): [ string, WordRule ] => [
		word,
		rule( 'breadcrumbs', 2 ),
	] ),
	// Tags, categories, bylines, post meta.
	...[
		'tags',
		'taglist',
		'tagcloud',
		'tagged',
		'categories',
		'keywords',
		'byline',
		'bylines',
		'dateline',
		'writtenby',
		'postmeta',
		'schlagworte',
		'trefwoorden',
		'etiquetas',
		'etiquettes',
		'categorieen',
		'kategorien',
	].map( ( word ): [ string, WordRule ] => [ word, rule( 'tags', 2 ) ] ),
	...[ 'meta', 'author', 'authors', 'auteur', 'autor' ].map(
		( word ): [ string, WordRule ] => [ word, rule( 'tags', 1 ) ]
	),
	// Author boxes.
	...[ 'authorbox', 'authorbio', 'authorinfo', 'bio', 'biography' ].map(
		( word ): [ string, WordRule ] => [ word, rule( 'author', 2 ) ]
	),
	// Promotions: newsletter boxes, ads, sponsored blocks.
	...[
		'newsletter',
		'subscribe',
		'subscription',
		'signup',
		'promo',
		'promotion',
		'sponsored',
		'sponsor',
		'advert',
		'advertisement',
		'advertising',
		'adsense',
		'paywall',
		'nieuwsbrief',
		'anzeige',
		'werbung',
		'publicite',
		'publicidad',
	].map( ( word ): [ string, WordRule ] => [ word, rule( 'promo', 2 ) ] ),
	...[ 'ad', 'ads', 'dfp', 'gpt' ].map( ( word ): [ string, WordRule ] => [
		word,
		rule( 'promo', 1 ),
	] ),
	...[
		'share',
		'sharing',
		'sharedaddy',
		'addtoany',
		'partage',
		'partager',
		'delen',
		'teilen',
		'compartir',
		'sharebar',
		'addthis',
		'shareaholic',
		'sharethis',
	].map( ( word ): [ string, WordRule ] => [ word, rule( 'share', 2 ) ] ),
	...[ 'social', 'deel', 'teile' ].map( ( word ): [ string, WordRule ] => [
		word,
		rule( 'share', 1 ),
	] ),
	// Content.
	...[
		'content',
		'main',
		'entry',
		'post',
		'hentry',
		'article',
		'story',
		'inhalt',
		'inhoud',
		'hoofdinhoud',
		'contenu',
		'contenido',
		'bericht',
		'berichttekst',
		'beitrag',
		'artikel',
		'articulo',
		'entrada',
		'texte',
		'tekst',
		'body',
	].map( ( word ): [ string, WordRule ] => [ word, rule( 'content', 1 ) ] ),
] );

/**
 * Two-word phrases that mean something neither word does alone
 * (`pied-de-page`, `barra-lateral`, `site-info`, `top-bar` …).
 */
const PHRASES = new Map< string, WordRule >( [
	[ 'pied de page', rule( 'footer', 2 ) ],
	[ 'pie de pagina', rule( 'footer', 2 ) ],
	[ 'pie de página', rule( 'footer', 2 ) ],
	[ 'site info', rule( 'footer', 2 ) ],
	[ 'barra lateral', rule( 'sidebar', 2 ) ],
	[ 'barre laterale', rule( 'sidebar', 2 ) ],
	[ 'widget area', rule( 'sidebar', 2 ) ],
	[ 'fil ariane', rule( 'breadcrumbs', 2 ) ],
	[ 'migas de pan', rule( 'breadcrumbs', 2 ) ],
	[ 'cat links', rule( 'tags', 2 ) ],
	[ 'tag cloud', rule( 'tags', 2 ) ],
	[ 'tag list', rule( 'tags', 2 ) ],
	[ 'category links', rule( 'tags', 2 ) ],
	[ 'tag links', rule( 'tags', 2 ) ],
	[ 'tags links', rule( 'tags', 2 ) ],
	[ 'post tags', rule( 'tags', 2 ) ],
	[ 'entry tags', rule( 'tags', 2 ) ],
	[ 'entry categories', rule( 'tags', 2 ) ],
	[ 'post categories', rule( 'tags', 2 ) ],
	[ 'entry meta', rule( 'tags', 2 ) ],
	[ 'post meta', rule( 'tags', 2 ) ],
	[ 'article meta', rule( 'tags', 2 ) ],
	[ 'about the author', rule( 'author', 2 ) ],
	[ 'over de auteur', rule( 'author', 2 ) ],
	[ 'author details', rule( 'author', 2 ) ],
	[ 'author card', rule( 'author', 2 ) ],
	[ 'author profile', rule( 'author', 2 ) ],
	[ 'author info', rule( 'author', 2 ) ],
	[ 'most popular', rule( 'related', 2 ) ],
	[ 'read next', rule( 'related', 2 ) ],
	[ 'up next', rule( 'related', 2 ) ],
	[ 'more from', rule( 'related', 2 ) ],
	[ 'you may like', rule( 'related', 2 ) ],
	[ 'top bar', rule( 'header', 1 ) ],
	[ 'en tete', rule( 'header', 2 ) ],
	[ 'en tête', rule( 'header', 2 ) ],
	[ 'author box', rule( 'author', 2 ) ],
	[ 'about author', rule( 'author', 2 ) ],
	[ 'author bio', rule( 'author', 2 ) ],
	[ 'most read', rule( 'related', 2 ) ],
	[ 'lees ook', rule( 'related', 2 ) ],
	[ 'ook interessant', rule( 'related', 2 ) ],
	[ 'auch interessant', rule( 'related', 2 ) ],
	[ 'lire aussi', rule( 'related', 2 ) ],
	[ 'read more', rule( 'related', 1 ) ],
	[ 'more stories', rule( 'related', 2 ) ],
	// Links to the previous and next post (`next-prev`, `previous-post`):
	// post navigation, which themes put right under the text.
	[ 'next prev', rule( 'navigation', 2 ) ],
	[ 'prev next', rule( 'navigation', 2 ) ],
	[ 'previous next', rule( 'navigation', 2 ) ],
	[ 'next previous', rule( 'navigation', 2 ) ],
	[ 'previous post', rule( 'navigation', 2 ) ],
	[ 'prev post', rule( 'navigation', 2 ) ],
	[ 'next post', rule( 'navigation', 2 ) ],
	[ 'previous article', rule( 'navigation', 2 ) ],
	[ 'prev article', rule( 'navigation', 2 ) ],
	[ 'next article', rule( 'navigation', 2 ) ],
	[ 'previous story', rule( 'navigation', 2 ) ],
	[ 'next story', rule( 'navigation', 2 ) ],
	[ 'vorig bericht', rule( 'navigation', 2 ) ],
	[ 'volgend bericht', rule( 'navigation', 2 ) ],
] );

/**
 * First words of the classes WordPress and similar CMSs put on the post
 * element for its terms and state (`category-news`, `tag-sponsored`,
 * `format-standard`, `type-post`): what follows is a slug, not a region.
 */
const TERM_PREFIXES = new Set( [
	'tag',
	'category',
	'format',
	'type',
	'status',
	'postid',
	'term',
	'taxonomy',
] );

/**
 * Words that, in front of "header"/"footer"/"meta", mean the article's own
 * header or footer (`entry-footer`, `post-header`, `card-footer`): part of
 * the content, not a site region.
 */
const CONTENT_OWNERS = new Set( [
	'entry',
	'post',
	'article',
	'card',
	'node',
	'item',
	'blog',
	'page',
	'product',
	'story',
	'beitrag',
	'bericht',
	'entrada',
	'modal',
	'panel',
	'dialog',
	'section',
	'table',
	'accordion',
] );

/**
 * Prefixes of page-builder tokens that call every block a "widget" or
 * "element": in `elementor-widget-text-editor` the word "widget" says
 * nothing about the page region.
 */
const BUILDER_PREFIXES = [
	'elementor',
	'e-con',
	'et_pb',
	'fl-',
	'vc_',
	'wp-block',
];

/**
 * Dutch and German glue words together (`hauptnavigation`,
 * `hoofdmenu`, `seitenmenue`): a word ending in a navigation stem is one.
 */
function compoundRule( word: string ): WordRule | undefined {
	if ( /.(navigation|navigatie|navi)$/.test( word ) ) {
		return rule( 'navigation', 2 );
	}
	if ( /.(menu|menue|menü)$/.test( word ) && word.length > 6 ) {
		return rule( 'navigation', 1 );
	}
	return undefined;
}

/**
 * Splits one class/id token into lower-case words: `SITE_FOOTER` →
 * [site, footer], `siteFooter` → [site, footer], `primary-nav__menu` →
 * [primary, nav, menu].
 */
export function tokenWords( token: string ): string[] {
	return token
		.replace( /([a-z0-9])([A-Z])/g, '$1 $2' )
		.toLowerCase()
		.split( /[^a-z0-9\u00c0-\u024f]+/ )
		.filter( ( word ) => word !== '' );
}

function isBuilderToken( token: string ): boolean {
	const lower = token.toLowerCase();
	return BUILDER_PREFIXES.some( ( prefix ) => lower.startsWith( prefix ) );
}

/**
 * Pages repeat the same few hundred class/id tokens thousands of times
 * (`menu-item`, `wp-block-group`): remembering each token's hint saves the
 * split and the map lookups. Bounded so a page of unique generated tokens
 * cannot grow it without limit; cleared, not evicted, when full (cheap and
 * good enough: real pages fit many times over). The cached hints are shared
 * objects, so they are frozen: nobody may edit a hint in place.
 */
const HINT_CACHE_LIMIT = 4096;
const hintCache = new Map< string, Readonly< Hint > | null >();

/** The hint one class/id token gives, if any (memoised per token). */
export function hintOfToken( token: string ): Hint | null {
	const cached = hintCache.get( token );
	if ( cached !== undefined ) {
		return cached;
	}
	const hint = computeHintOfToken( token );
	if ( hintCache.size >= HINT_CACHE_LIMIT ) {
		hintCache.clear();
	}
	hintCache.set( token, hint === null ? null : Object.freeze( hint ) );
	return hint;
}

function computeHintOfToken( token: string ): Hint | null {
	const words = tokenWords( token );
	if ( words.length === 0 ) {
		return null;
	}
	let content: Hint | null = null;
	for ( let index = 0; index < words.length; index++ ) {
		const word = words[ index ];
		const phrase =
			index + 2 < words.length
				? PHRASES.get(
						`${ word } ${ words[ index + 1 ] } ${ words[ index + 2 ] }`
					)
				: undefined;
		const pair =
			phrase ??
			( index + 1 < words.length
				? PHRASES.get( `${ word } ${ words[ index + 1 ] }` )
				: undefined );
		if ( pair ) {
			return { kind: pair.kind, strength: pair.strength };
		}
		if ( index === 0 && words.length > 1 && TERM_PREFIXES.has( word ) ) {
			// WordPress term classes on the article itself
			// (`tag-sponsored`, `category-ads`) name a term, not a region.
			return null;
		}
		const found = WORDS.get( word ) ?? compoundRule( word );
		if ( ! found ) {
			continue;
		}
		if ( found.kind === 'content' ) {
			content ??= { kind: 'content', strength: found.strength };
			continue;
		}
		if (
			( word === 'widget' || word === 'widgets' ) &&
			isBuilderToken( token )
		) {
			continue;
		}
		if (
			( found.kind === 'header' || found.kind === 'footer' ) &&
			words
				.slice( 0, index )
				.some( ( before ) => CONTENT_OWNERS.has( before ) )
		) {
			// entry-footer, post-header …: the article's own header/footer.
			return { kind: 'content', strength: 1 };
		}
		return { kind: found.kind, strength: found.strength };
	}
	return content;
}

const ABSORBING: ReadonlySet< HintKind > = new Set( [
	'footer',
	'sidebar',
	'comments',
] );

/**
 * The strongest hint among several tokens of one element; on a tie a
 * region that absorbs everything inside it (footer, sidebar, comments)
 * beats one that does not.
 */
export function strongestHint( hints: Array< Hint | null > ): Hint | null {
	let best: Hint | null = null;
	for ( const hint of hints ) {
		best = strongerHint( best, hint );
	}
	return best;
}

/**
 * One step of {@link strongestHint}: `hint` if it beats `best`, else `best`.
 * Lets callers fold hints as they find them instead of collecting a list.
 */
export function strongerHint(
	best: Hint | null,
	hint: Hint | null
): Hint | null {
	if ( ! hint ) {
		return best;
	}
	if (
		best === null ||
		hint.strength > best.strength ||
		( hint.strength === best.strength &&
			best.kind === 'content' &&
			hint.kind !== 'content' ) ||
		( hint.strength === best.strength &&
			ABSORBING.has( hint.kind ) &&
			! ABSORBING.has( best.kind ) &&
			best.kind !== 'content' )
	) {
		return hint;
	}
	return best;
}

export function isAbsorbing( kind: HintKind ): boolean {
	return ABSORBING.has( kind );
}

/**
 * Headings that introduce a list of links to other pages of the site
 * ("Related posts", "Lees ook", "À lire aussi"…): a link-dense block under
 * one is navigation even when its markup has no telling class.
 */
const RELATED_HEADING =
	/^(related|similar|recommended|you (may|might) (also )?like|read (also|more|next)|more (from|on|stories|articles|posts|like this)|more\b.{0,30}\b(stories|articles|posts|news|reads|coverage)\b|see also|lees ook|ook interessant|meer (nieuws|lezen|artikelen)|gerelateerd|lesen sie auch|auch interessant|weitere (artikel|beiträge)|ähnliche|verwandte|(à )?lire aussi|articles? (similaires|liés)|sur le même sujet|te puede interesar|(artículos|entradas|posts) relacionad[oa]s|leer también|relacionad[oa]s)/i;

export function isRelatedHeading( heading: string | null ): boolean {
	return heading !== null && RELATED_HEADING.test( heading.trim() );
}

/** Social networks a "follow us" line points to. */
const SOCIAL_HOST =
	/^https?:\/\/([a-z0-9-]+\.)*(twitter\.com|x\.com|facebook\.com|fb\.com|instagram\.com|youtube\.com|youtu\.be|linkedin\.com|tiktok\.com|pinterest\.[a-z.]+|threads\.net|bsky\.app|mastodon\.social|t\.me|flipboard\.com)(\/|$)/i;

/** Whether a resolved href points at a social network (a profile, a page). */
export function isSocialHref( href: string ): boolean {
	return SOCIAL_HOST.test( href );
}

/**
 * "Follow us on Twitter", "follow him @name", "Volg ons op Facebook",
 * "Folgen Sie uns auf Instagram", "Suivez-nous sur X": the line that ends
 * many articles, naming the outlet's or the author's social accounts.
 */
const FOLLOW_LINE = new RegExp(
	// The verb (case of its first letter only: names follow it)…
	'\\b(?:[Ff]ollow|FOLLOW|[Vv]olg|[Ff]olg(?:e|t|en)(?: [Ss]ie)?|[Ss]uivez|[Ss][i\u00ed]gue)' +
		// …whom: a pronoun, or a name (capitalised words: "NBC Latino")…
		"\\s*(?:-?nous|nos|us|US|him|her|me|them|ons|hem|haar|mij|uns|ihm|ihr|mir|[A-Z0-9][\\w.&'\u2019-]*(?: [A-Z0-9][\\w.&'\u2019-]*){0,3})\\b" +
		// …where: "on Twitter", "at Twitter", ": Twitter", "@name".
		'\\s*:?\\s*(?:(?:on|at|via|op|auf|sur|en) )?(?:[Tt]witter|X\\b|[Ff]acebook|[Ii]nstagram|[Yy]ou[Tt]ube|[Ll]inked[Ii]n|[Tt]ik[Tt]ok|[Pp]interest|[Tt]hreads|[Bb]luesky|[Mm]astodon|@\\w)'
);

/** Whether a short block's text is a "follow us / follow her on …" line. */
export function isFollowLine( text: string ): boolean {
	return FOLLOW_LINE.test( text );
}

/**
 * A person, not the outlet: "follow him", "her book", "hij schrijft",
 * "folgen Sie ihm". ("sie", "er", "elle" are left out: they are also the
 * polite "you" or common words.)
 */
const PERSONAL_PRONOUN =
	/\b(him|her|his|he|she|me|my|hem|haar|hij|zijn|mij|mijn|ihm|ihr|ihre|seine?|mir|mein|lui|moi|[eé]l)\b/i;

/**
 * Whether a follow line is about a person (the author's note: "Anna
 * writes about …; follow her on Twitter") rather than the outlet ("Follow
 * us on Instagram", "Follow Newsbeat on Facebook").
 */
export function isPersonalLine( text: string ): boolean {
	return PERSONAL_PRONOUN.test( text );
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** A call to subscribe or sign up… */
const SUBSCRIBE_CALL =
	'\\b(?:subscribe|subscription|sign up|signup|abonneer|abonnement|aanmelden|meld je aan|abonnieren|abonniere|anmelden|abonnez-vous|abonnez|inscrivez-vous|suscr[i\u00ed]bete|suscripci[o\u00f3]n)';
/** …with, for its object, the publication: "to our …", "for us"… */
const SUBSCRIBE_TO_US = new RegExp(
	`${ SUBSCRIBE_CALL }\\s+(?:(?:to|for|of|on|voor|op|bij|f\u00fcr|auf|bei|\u00e0|a)\\s+)?(?:our|us|ons|onze|unseren?|uns|notre|nos|nuestr[oa]s?)\\b`,
	'i'
);
/** …or, in the same sentence, a newsletter, a magazine or the inbox. */
const SUBSCRIBE_TO_LETTER = new RegExp(
	`${ SUBSCRIBE_CALL }\\b[^.!?]{0,80}\\b(?:newsletters?|magazines?|inbox|nieuwsbrief|tijdschrift|zeitschrift|bolet[i\u00ed]n)\\b`,
	'i'
);
const SUBSCRIBE_CALL_END = new RegExp(
	`${ SUBSCRIBE_CALL }\\s+(?:(?:to|for|of|on|voor|op|bij|f\u00fcr|auf|bei|\u00e0|a)\\s+)?$`,
	'i'
);

/**
 * Whether a short block's text asks the reader to subscribe to the
 * publication ("Sign up for our daily newsletter", "Subscribe to our
 * sister magazine", "Subscribe to <site name>"), a promotion, not the
 * article. The publication must be what is subscribed to: "sign up at
 * any branch desk or through our website" is not such a call.
 * `siteName` (og:site_name) names the publication.
 */
export function isSubscribeLine(
	text: string,
	siteName: string | null
): boolean {
	if ( SUBSCRIBE_TO_US.test( text ) || SUBSCRIBE_TO_LETTER.test( text ) ) {
		return true;
	}
	const name = siteName?.trim().toLowerCase() ?? '';
	if ( name.length < 3 ) {
		return false;
	}
	// "Subscribe to WIRED": the call right before the name, as a word.
	const lower = text.toLowerCase();
	for (
		let at = lower.indexOf( name );
		at >= 0;
		at = lower.indexOf( name, at + 1 )
	) {
		if (
			! WORD_CHAR.test( lower.charAt( at + name.length ) ) &&
			SUBSCRIBE_CALL_END.test( lower.slice( Math.max( 0, at - 40 ), at ) )
		) {
			return true;
		}
	}
	return false;
}
