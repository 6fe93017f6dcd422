/**
 * Search Console writes the header of its Links exports in the language
 * of the user's interface: a Dutch admin's "Latest links" export starts
 * `Linkende pagina,Laatst gecrawld`, a German one's `Verlinkende
 * Seite,Zuletzt gecrawlt`. This table holds the column names per language
 * for the exports we read and for the one we refuse ("Top linked pages":
 * our own pages, no linking site in it), and the month names its dates
 * may use.
 *
 * Where the names come from: the English ones from Search Console's
 * exports; the "Last crawled" column in Dutch, German, French and Spanish
 * as it appears in Search Console exports quoted in public repositories;
 * the other names follow the wording of Search Console's Links report in
 * that language. Because a translated name may change, a two-column file
 * whose second column is a known "Last crawled" is read as a "Latest
 * links" export whatever its first column is called (see formats.ts).
 *
 * The languages: the ones the plugin is translated into (English, Dutch)
 * and German, then the most used other interface languages of Search
 * Console in Europe and the Americas.
 */

/** A Search Console interface language this table knows. */
export type GscLanguage = 'en' | 'nl' | 'de' | 'fr' | 'es' | 'it' | 'pt';

export interface GscHeaderNames {
	language: GscLanguage;
	/** The language's English name, for messages. */
	name: string;
	/** "Latest links" / "More sample links". */
	linkingPage: string[];
	lastCrawled: string[];
	/** "Top linking sites". */
	site: string[];
	linkingPages: string[];
	targetPages: string[];
	/** "Top linked pages" (refused: it lists our pages). */
	targetPage: string[];
	incomingLinks: string[];
	linkingSites: string[];
}

export const GSC_HEADERS: readonly GscHeaderNames[] = [
	{
		language: 'en',
		name: 'English',
		linkingPage: [ 'Linking page' ],
		lastCrawled: [ 'Last crawled' ],
		site: [ 'Site' ],
		linkingPages: [ 'Linking pages' ],
		targetPages: [ 'Target pages' ],
		targetPage: [ 'Target page' ],
		incomingLinks: [ 'Incoming links' ],
		linkingSites: [ 'Linking sites' ],
	},
	{
		language: 'nl',
		name: 'Dutch',
		linkingPage: [ 'Linkende pagina' ],
		lastCrawled: [ 'Laatst gecrawld' ],
		site: [ 'Site', 'Website' ],
		linkingPages: [ "Linkende pagina's" ],
		targetPages: [ "Doelpagina's" ],
		targetPage: [ 'Doelpagina', 'Gelinkte pagina' ],
		incomingLinks: [ 'Inkomende links', 'Binnenkomende links' ],
		linkingSites: [ 'Linkende sites' ],
	},
	{
		language: 'de',
		name: 'German',
		linkingPage: [ 'Verlinkende Seite', 'Verweisende Seite' ],
		lastCrawled: [ 'Zuletzt gecrawlt' ],
		site: [ 'Website' ],
		linkingPages: [ 'Verlinkende Seiten', 'Verweisende Seiten' ],
		targetPages: [ 'Zielseiten' ],
		targetPage: [ 'Zielseite' ],
		incomingLinks: [ 'Eingehende Links' ],
		linkingSites: [ 'Verlinkende Websites', 'Verweisende Websites' ],
	},
	{
		language: 'fr',
		name: 'French',
		linkingPage: [
			"Page d'origine du lien",
			'Page avec lien',
			'Page source',
		],
		lastCrawled: [ 'Dernière exploration' ],
		site: [ 'Site' ],
		linkingPages: [
			"Pages d'origine des liens",
			'Pages avec lien',
			'Pages sources',
		],
		targetPages: [ 'Pages cibles' ],
		targetPage: [ 'Page cible' ],
		incomingLinks: [ 'Liens entrants' ],
		linkingSites: [ "Sites d'origine des liens", 'Sites avec lien' ],
	},
	{
		language: 'es',
		name: 'Spanish',
		linkingPage: [ 'Página que enlaza', 'Página de enlace' ],
		lastCrawled: [ 'Último rastreo' ],
		site: [ 'Sitio', 'Sitio web' ],
		linkingPages: [ 'Páginas que enlazan' ],
		targetPages: [ 'Páginas de destino' ],
		targetPage: [ 'Página de destino' ],
		incomingLinks: [ 'Enlaces entrantes' ],
		linkingSites: [ 'Sitios que enlazan' ],
	},
	{
		language: 'it',
		name: 'Italian',
		linkingPage: [ 'Pagina che rimanda', 'Pagina di collegamento' ],
		lastCrawled: [ 'Ultima scansione' ],
		site: [ 'Sito' ],
		linkingPages: [ 'Pagine che rimandano', 'Pagine di collegamento' ],
		targetPages: [ 'Pagine di destinazione' ],
		targetPage: [ 'Pagina di destinazione' ],
		incomingLinks: [ 'Link in entrata' ],
		linkingSites: [ 'Siti che rimandano', 'Siti di collegamento' ],
	},
	{
		language: 'pt',
		name: 'Portuguese',
		linkingPage: [ 'Página de referência', 'Página com link' ],
		lastCrawled: [ 'Último rastreamento' ],
		site: [ 'Site' ],
		linkingPages: [ 'Páginas de referência', 'Páginas com links' ],
		targetPages: [ 'Páginas de destino' ],
		targetPage: [ 'Página de destino' ],
		incomingLinks: [ 'Links recebidos' ],
		linkingSites: [ 'Sites de referência', 'Sites com links' ],
	},
];

/**
 * Month names per language, full and as abbreviated in dates ("28 nov.
 * 2026", "8 de mayo de 2026", "28. Nov. 2026"), folded (lower case, no
 * accents). A token matches a month when it is one of its names or at
 * least three letters of the start of its full name.
 */
export const GSC_MONTHS: Record< GscLanguage, readonly string[][] > = {
	en: [
		[ 'january' ],
		[ 'february' ],
		[ 'march' ],
		[ 'april' ],
		[ 'may' ],
		[ 'june' ],
		[ 'july' ],
		[ 'august' ],
		[ 'september' ],
		[ 'october' ],
		[ 'november' ],
		[ 'december' ],
	],
	nl: [
		[ 'januari' ],
		[ 'februari' ],
		[ 'maart', 'mrt' ],
		[ 'april' ],
		[ 'mei' ],
		[ 'juni' ],
		[ 'juli' ],
		[ 'augustus' ],
		[ 'september' ],
		[ 'oktober' ],
		[ 'november' ],
		[ 'december' ],
	],
	de: [
		[ 'januar', 'janner' ],
		[ 'februar' ],
		[ 'marz' ],
		[ 'april' ],
		[ 'mai' ],
		[ 'juni' ],
		[ 'juli' ],
		[ 'august' ],
		[ 'september' ],
		[ 'oktober' ],
		[ 'november' ],
		[ 'dezember' ],
	],
	fr: [
		[ 'janvier' ],
		[ 'fevrier' ],
		[ 'mars' ],
		[ 'avril' ],
		[ 'mai' ],
		[ 'juin' ],
		[ 'juillet' ],
		[ 'aout' ],
		[ 'septembre' ],
		[ 'octobre' ],
		[ 'novembre' ],
		[ 'decembre' ],
	],
	es: [
		[ 'enero' ],
		[ 'febrero' ],
		[ 'marzo' ],
		[ 'abril' ],
		[ 'mayo' ],
		[ 'junio' ],
		[ 'julio' ],
		[ 'agosto' ],
		[ 'septiembre', 'setiembre' ],
		[ 'octubre' ],
		[ 'noviembre' ],
		[ 'diciembre' ],
	],
	it: [
		[ 'gennaio' ],
		[ 'febbraio' ],
		[ 'marzo' ],
		[ 'aprile' ],
		[ 'maggio' ],
		[ 'giugno' ],
		[ 'luglio' ],
		[ 'agosto' ],
		[ 'settembre' ],
		[ 'ottobre' ],
		[ 'novembre' ],
		[ 'dicembre' ],
	],
	pt: [
		[ 'janeiro' ],
		[ 'fevereiro' ],
		[ 'marco' ],
		[ 'abril' ],
		[ 'maio' ],
		[ 'junho' ],
		[ 'julho' ],
		[ 'agosto' ],
		[ 'setembro' ],
		[ 'outubro' ],
		[ 'novembro' ],
		[ 'dezembro' ],
	],
};

/** Lower case, single spaces, no accents, one kind of apostrophe. */
export function foldText( text: string ): string {
	return text
		.normalize( 'NFD' )
		.replace( /[\u0300-\u036f]/g, '' )
		.replace( /[\u2018\u2019\u02bc`´]/g, "'" )
		.trim()
		.replace( /\s+/g, ' ' )
		.toLowerCase();
}

/** Every language's names of one column, folded. */
export function gscNames(
	field: keyof Omit< GscHeaderNames, 'language' | 'name' >
) {
	return GSC_HEADERS.flatMap( ( names ) => names[ field ].map( foldText ) );
}

/**
 * The interface language a Search Console header was written in: the
 * first language one of whose column names it holds; null when none.
 */
export function gscLanguageOf( folded: readonly string[] ): GscLanguage | null {
	const cells = new Set( folded );
	const fields = [
		'linkingPage',
		'lastCrawled',
		'linkingPages',
		'targetPages',
	] as const;
	for ( const names of GSC_HEADERS ) {
		if (
			fields.some( ( field ) =>
				names[ field ].some( ( name ) => cells.has( foldText( name ) ) )
			)
		) {
			return names.language;
		}
	}
	return null;
}

/** The month (1–12) a folded token names in `language`, or null. */
export function monthNumber(
	token: string,
	language: GscLanguage
): number | null {
	const word = foldText( token ).replace( /\.$/, '' );
	if ( word.length < 3 ) {
		return null;
	}
	const months = GSC_MONTHS[ language ];
	const index = months.findIndex(
		( names ) =>
			names.includes( word ) ||
			( /^[a-z]+$/.test( word ) && names[ 0 ].startsWith( word ) )
	);
	return index >= 0 ? index + 1 : null;
}
