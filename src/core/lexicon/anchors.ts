/**
 * Anchor and section vocabularies in English, Dutch, German, French and
 * Spanish, written FOLDED (lower case, no diacritics, punctuation as
 * spaces) because they are compared with folded text.
 */
import type { Language } from './languages';

/**
 * Whole anchors that say nothing about the target. Compared with the full
 * folded anchor; see GENERIC_WORDS for the open-ended variants.
 */
export const GENERIC_ANCHORS: Record< Language, readonly string[] > = {
	en: [
		'click here',
		'click',
		'here',
		'read more',
		'more',
		'learn more',
		'find out more',
		'more info',
		'more information',
		'continue reading',
		'read the full article',
		'full article',
		'website',
		'web site',
		'this website',
		'this site',
		'site',
		'the website',
		'their website',
		'official website',
		'homepage',
		'home page',
		'link',
		'this link',
		'visit',
		'visit website',
		'visit site',
		'visit their website',
		'go to website',
		'go here',
		'check it out',
		'this article',
		'this post',
		'this page',
		'page',
		'source',
		'details',
		'see more',
		'view more',
		'see here',
		'download',
	],
	nl: [
		'klik hier',
		'klik',
		'hier',
		'hierzo',
		'lees meer',
		'meer',
		'meer lezen',
		'lees verder',
		'verder lezen',
		'meer info',
		'meer informatie',
		'lees het hele artikel',
		'lees hier',
		'website',
		'webpagina',
		'deze site',
		'deze website',
		'de website',
		'hun website',
		'site',
		'link',
		'deze link',
		'via deze link',
		'bezoek',
		'bezoek de website',
		'bezoek website',
		'naar de website',
		'ga naar de website',
		'ga naar',
		'bekijk',
		'bekijk hier',
		'bekijk de website',
		'zie hier',
		'dit artikel',
		'deze pagina',
		'pagina',
		'bron',
		'download',
	],
	de: [
		'hier klicken',
		'klicken sie hier',
		'klick hier',
		'hier',
		'mehr lesen',
		'weiterlesen',
		'hier weiterlesen',
		'jetzt lesen',
		'hier lesen',
		'mehr',
		'mehr erfahren',
		'mehr infos',
		'mehr informationen',
		'weitere informationen',
		'webseite',
		'website',
		'diese seite',
		'diese webseite',
		'zur website',
		'zur webseite',
		'seite',
		'startseite',
		'link',
		'dieser link',
		'besuchen',
		'zum artikel',
		'dieser artikel',
		'quelle',
		'details',
		'hier entlang',
	],
	fr: [
		'cliquez ici',
		'cliquer ici',
		'clique ici',
		'ici',
		'en savoir plus',
		'lire la suite',
		'la suite',
		'suite',
		'lire plus',
		'plus',
		'plus d infos',
		'plus d informations',
		'site',
		'site web',
		'site internet',
		'ce site',
		'ce site web',
		'le site',
		'lien',
		'ce lien',
		'visitez',
		'visiter le site',
		'voir le site',
		'voir plus',
		'voir ici',
		'cet article',
		'cette page',
		'page',
		'source',
		'accueil',
	],
	es: [
		'haga clic aqui',
		'haz clic aqui',
		'haga click aqui',
		'clic aqui',
		'click aqui',
		'pulse aqui',
		'pincha aqui',
		'aqui',
		'leer mas',
		'lee mas',
		'seguir leyendo',
		'continuar leyendo',
		'mas',
		'mas informacion',
		'mas info',
		'saber mas',
		'ver mas',
		'sitio',
		'sitio web',
		'este sitio',
		'esta web',
		'web',
		'pagina web',
		'pagina',
		'enlace',
		'este enlace',
		'visitar',
		'visite el sitio',
		'fuente',
		'este articulo',
		'detalles',
	],
};

/**
 * Words that carry no information about a target: an anchor made only of
 * these and stop words ("click here to read this article", "hier lezen")
 * is generic even when it is not one of the listed phrases.
 */
export const GENERIC_WORDS: ReadonlySet< string > = new Set(
	`click clicking klik klikken klicken klick cliquez cliquer clique clic
	here hier hierzo ici aqui
	read reading lees lezen lesen weiterlesen lire leer lee leyendo
	more meer mehr plus mas
	continue verder weiter suite seguir continuar
	website websites site sites webseite webpagina sitio web homepage
	startseite accueil
	link links lien enlace
	page pagina seite
	article artikel articulo post bericht
	info information informatie informationen informations informacion
	details detalles
	visit bezoek besuchen visitez visiter visita visitar
	view see bekijk zie voir ver
	source bron quelle fuente
	download`
		.split( /\s+/ )
		.filter( Boolean )
);

/**
 * Words that, in a short heading, announce a partners/links section: the
 * "partner page" Google's guidelines call out ("Partners", "Onze sponsoren",
 * "Blogroll", "Nuttige links", "Partnerseiten", "Sites amis", "Enlaces").
 */
export const PARTNER_SECTION_WORDS: ReadonlySet< string > = new Set(
	`partner partners partnersite partnersites partnerseite partnerseiten
	partnerlinks linkpartner linkpartners partnerblogs
	sponsor sponsors sponsoren sponsoring sponsorer patrocinadores
	partenaire partenaires socios colaboradores
	blogroll blogrolls linkroll
	friends vrienden freunde amis amigos amigas
	links liens enlaces weblinks linkliste linktipps linklijst
	linkruil linkruilen linktausch linkexchange`
		.split( /\s+/ )
		.filter( Boolean )
);

/**
 * Legal-form suffixes that may follow a brand in an anchor ("Acme BV",
 * "Acme GmbH") without making it anything but branded.
 */
export const COMPANY_SUFFIXES: ReadonlySet< string > = new Set(
	`bv nv vof gmbh ag kg ug ltd llc inc co corp plc sa sarl sas sl srl
	company team official`
		.split( /\s+/ )
		.filter( Boolean )
);

/**
 * Articles, prepositions, conjunctions and possessives that may surround a
 * keyword in an anchor without changing it: "the best running shoes" is the
 * keyword "best running shoes". Deliberately narrow (no "new", "web", "top"):
 * trimming a word that carries meaning would turn a different phrase into
 * an exact match.
 */
export const ANCHOR_FILLER: ReadonlySet< string > = new Set(
	`a an the of for to in on at by with and or from about your our my their
	his her its this that these those
	de het een van voor naar op bij met en of je jouw uw onze ons mijn hun
	zijn haar dit deze die dat over
	der das den dem des ein eine einen einem einer eines von fur zu zum zur
	im am an auf mit und oder ihr ihre unser unsere mein meine sein seine
	dein deine uber
	le la les l un une du d au aux en pour par sur avec et ou votre vos
	notre nos mon ma mes sa ses leur leurs ce cet cette ces
	el los las unos unas del al para por con y o su sus tu tus nuestro
	nuestra mi mis este esta estos estas`
		.split( /\s+/ )
		.filter( Boolean )
);
