/**
 * Per-language word lists and light stemmers for English, Dutch, German,
 * French and Spanish. Every word is written FOLDED (see text.ts: lower case,
 * no diacritics), because it is compared with folded tokens.
 *
 * The stop-word lists are function words (articles, pronouns, auxiliaries,
 * prepositions, conjunctions, common adverbs) plus the few words that
 * appear on every web page whatever its topic ("home", "menu", "cookies"),
 * since relevance is measured on text scraped from web pages.
 */
export const LANGUAGES = [ 'en', 'nl', 'de', 'fr', 'es' ] as const;
export type Language = ( typeof LANGUAGES )[ number ];

function words( list: string ): Set< string > {
	return new Set( list.split( /\s+/ ).filter( Boolean ) );
}

/** Boilerplate of web pages in any language. */
const WEB = `home menu search login logout cookie cookies privacy policy
	contact copyright reserved rights terms share tweet facebook twitter
	instagram linkedin youtube pinterest whatsapp email mail newsletter
	subscribe comment comments reply posted read more click here www http
	https com org net`;

/**
 * The web boilerplate words on their own: stop words in every language, so
 * they tell nothing about which language a text is in.
 */
export const WEB_WORDS: ReadonlySet< string > = words( WEB );

export const STOP_WORDS: Record< Language, Set< string > > = {
	en: words( `${ WEB }
		a about above after again against all almost also although always am
		among an and another any anyone anything are aren around as at away
		back be became because become becomes been before being below between
		both but by can cannot could couldn did didn do does doesn doing don
		done down during each either else enough etc even ever every few first
		for from further get gets getting give given go goes going got had
		hadn has hasn have haven having he her here hers herself him himself
		his how however i if in into is isn it its itself just last least
		less let like made make makes many may me might mine more most much
		must my myself need never new next no nor not now of off often on
		once one only onto or other others our ours ourselves out over own
		per perhaps put rather really right said same say says see seem seems
		several shall she should shouldn show since so some something still
		such take than that the their theirs them themselves then there
		therefore these they thing things this those though through thus to
		too toward towards under until up upon us use used uses using very
		via was wasn way we well were weren what whatever when where whether
		which while who whom whose why will with within without won would
		wouldn yes yet you your yours yourself yourselves ll re ve
		dont doesnt didnt isnt arent wasnt werent cant couldnt wont wouldnt
		shouldnt im ive youre youve theyre weve hes shes thats theres lets
		two three four five six seven eight nine ten second third` ),
	nl: words( `${ WEB }
		aan aangezien al alle alleen alles als altijd ander andere anders
		bij binnen boven breed buiten daar daarna daarom dan dat de deze die
		dit doch doen door dus echter een eens eigen en enig enige er erg
		haar had hadden heb hebben hebt heeft hem hen het hier hij hoe hun
		ieder iedere iemand iets ik in is ja je jij jou jouw jullie kan
		kon konden kun kunnen kunt laat maar me meer men met mij mijn moet
		moeten na naar nadat niet niets nog nu of om omdat ons onze ook op
		over te tegen toch toen tot u uit uw van veel voor vooral waar
		waarom wanneer want waren was wat we wel welk welke wie wij wil
		willen worden wordt zal ze zelf zich zij zijn zo zoals zonder zou
		zouden zullen zeer zeker steeds dezelfde hetzelfde elk elke ergens
		hier hierbij hoewel jezelf mezelf onder ongeveer opnieuw sinds soms
		telkens tussen vaak vanaf verder via vrij waarin waarop weer weinig
		wordt zoals zowel zelfs beetje klik hier lees meer verder lezen
		gaan gaat ging kom komen komt krijg krijgen krijgt maak maakt maken
		gemaakt geen heel hele nieuw nieuwe eerste tweede alsof daarbij
		daardoor daarmee daarvan erop ervan ermee erin hen hun zn zon mee
		twee drie vier vijf zes zeven acht negen tien derde vorig vorige
		neem neemt nam namen af toe` ),
	de: words( `${ WEB }
		aber alle allem allen aller alles als also am an ander andere anderem
		anderen anderer anderes auch auf aus bei bin bis bist da damit dann
		das dass dein deine dem den denn der des dich die dies diese diesem
		diesen dieser dieses dir doch dort du durch ein eine einem einen
		einer eines er es etwas euch euer eure fur gegen gewesen hab habe
		haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre
		ihrem ihren ihrer im in indem ins ist jede jedem jeden jeder jedes
		jetzt kann kein keine keinem keinen keiner konnen konnte machen man
		manche manchem manchen mancher mein meine meinem meinen meiner mit
		muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein
		seine seinem seinen seiner seit sich sie sind so solche soll sollte
		sondern sonst uber um und uns unser unsere unter viel vom von vor
		wahrend war waren warst was weg weil weiter welche welchem welchen
		welcher welches wenn werde werden wie wieder will wir wird wirst wo
		wollen wollte wurde wurden zu zum zur zwar zwischen mehr lesen hier
		klicken neu neue neuen ganz immer schon sowie bereits wurde
		zwei drei vier funf sechs sieben acht neun zehn erst erste ersten
		ersten zweite dritte beim zum` ),
	fr: words( `${ WEB }
		a ai aie aient aies ait alors as au aucun aucune aupres auquel aura
		aurai auraient aurais aurait auras aurez auriez aurions aurons auront
		aussi autre autres aux avaient avais avait avant avec avez aviez
		avions avoir avons ayant ayez ayons bon c ca car ce ceci cela celle
		celles celui cependant certain certaine certaines certains ces cet
		cette ceux chacun chaque chez ci comme comment d dans de des deja
		depuis donc dont du elle elles en encore entre est et etaient etais
		etait etant ete etes etiez etions etre eu eux fait faire fois font
		furent fut ici il ils j je jusqu jusque l la le les leur leurs lors
		lui m ma mais me meme memes mes moi mon n ne ni nos notre nous on
		ont ou par parce pas peu peut plus pour pourquoi puis qu quand que
		quel quelle quelles quels qui quoi s sa sans se selon ses si sien
		soi soient sois soit sommes son sont sous suis sur t ta te tes toi
		ton tous tout toute toutes tres tu un une vers voici voila vos votre
		vous y cliquez ici savoir lire suite plus` ),
	es: words( `${ WEB }
		a al algo algun alguna algunas alguno algunos ante antes aqui asi
		aun aunque cada como con contra cual cuales cuando de del desde
		donde dos durante e el ella ellas ello ellos en entre era erais eran
		eras eres es esa esas ese eso esos esta estaba estaban estado estais
		estamos estan estar estas este esto estos estoy fue fueron fui ha
		habia habian haber hace hacen hacer hacia han has hasta hay he la
		las le les lo los mas me mi mis mientras muy nada ni no nos nosotros
		nuestra nuestras nuestro nuestros o os otra otras otro otros para
		pero poco por porque pues que quien quienes se sea segun ser si
		sido siempre sin sino sobre son su sus tambien tan tanto te tener
		tiene tienen todo todos tu tus u un una unas uno unos usted ustedes
		y ya yo haga clic leer aqui mas puede pueden ver sitio web` ),
};

function undouble( word: string ): string {
	return /([^aeiou])\1$/.test( word ) ? word.slice( 0, -1 ) : word;
}

/** English: plural -s/-es/-ies, -ing and -ed with a vowel left, final -e. */
function stemEn( word: string ): string {
	let w = word;
	if ( w.length <= 3 ) {
		return w;
	}
	if ( /ies$/.test( w ) && ! /[ae]ies$/.test( w ) ) {
		w = w.slice( 0, -3 ) + 'y';
	} else if ( /(ss|x|ch|sh|z)es$/.test( w ) ) {
		w = w.slice( 0, -2 );
	} else if ( /s$/.test( w ) && ! /(us|ss|is)$/.test( w ) ) {
		w = w.slice( 0, -1 );
	}
	if (
		w.length > 5 &&
		/ing$/.test( w ) &&
		/[aeiouy]/.test( w.slice( 0, -3 ) )
	) {
		w = undouble( w.slice( 0, -3 ) );
	} else if (
		w.length > 4 &&
		/ed$/.test( w ) &&
		! /eed$/.test( w ) &&
		/[aeiouy]/.test( w.slice( 0, -2 ) )
	) {
		w = undouble( w.slice( 0, -2 ) );
	}
	if ( w.length > 3 && w.endsWith( 'e' ) ) {
		w = w.slice( 0, -1 );
	}
	return w;
}

/**
 * Dutch: plural -en/-s, diminutive -tje(s), final -e; after -en the final
 * consonant is undoubled (bakken → bak) or the open vowel restored
 * (lopen → loop), and v/z devoiced (schrijven → schrijf, huizen → huis).
 */
function stemNl( word: string ): string {
	let w = word;
	if ( w.length <= 3 ) {
		return w;
	}
	if ( w.length > 6 && /tjes?$/.test( w ) ) {
		return w.replace( /tjes?$/, '' );
	}
	if ( w.length > 4 && w.endsWith( 'en' ) ) {
		w = w.slice( 0, -2 );
		if ( /([^aeiou])\1$/.test( w ) ) {
			w = w.slice( 0, -1 );
		} else if ( /(^|[^aeiou])[aeou][^aeiouyjw]$/.test( w ) ) {
			w = w.slice( 0, -1 ) + w.slice( -2 );
		}
		return w.replace( /v$/, 'f' ).replace( /z$/, 's' );
	}
	// Plural -s only where Dutch uses it: after -el/-em/-en/-er, -je, a
	// vowel, or in loans on -ng ("campings"); never "fiets" → "fiet".
	if ( /(e[lmnr]|je|ng|[aeiouy])s$/.test( w ) ) {
		return w.slice( 0, -1 );
	}
	if ( w.length > 4 && w.endsWith( 'e' ) ) {
		return w.slice( 0, -1 );
	}
	return w;
}

/** German (after umlaut folding): the inflectional endings -ern, -em/-en/-er/-es, -e/-n/-s. */
function stemDe( word: string ): string {
	const w = word;
	if ( w.length > 6 && w.endsWith( 'ern' ) ) {
		return w.slice( 0, -3 );
	}
	if ( w.length > 5 && /(em|en|er|es)$/.test( w ) ) {
		return w.slice( 0, -2 );
	}
	if ( w.length > 4 && /[ens]$/.test( w ) ) {
		return w.slice( 0, -1 );
	}
	return w;
}

/** French: plural -s/-x (-aux → -al), then a final feminine -e. */
function stemFr( word: string ): string {
	let w = word;
	if ( w.length <= 4 ) {
		return w;
	}
	if ( w.endsWith( 'aux' ) ) {
		return w.slice( 0, -3 ) + 'al';
	}
	if ( /[sx]$/.test( w ) ) {
		w = w.slice( 0, -1 );
	}
	if ( w.length > 4 && w.endsWith( 'e' ) ) {
		w = w.slice( 0, -1 );
	}
	return w;
}

/** Spanish: plural -ces → -z, -es after a consonant, -s, then a final gender vowel. */
function stemEs( word: string ): string {
	let w = word;
	if ( w.length <= 4 ) {
		return w;
	}
	if ( w.endsWith( 'ces' ) ) {
		return w.slice( 0, -3 ) + 'z';
	}
	if ( /[^aeiou]es$/.test( w ) ) {
		w = w.slice( 0, -2 );
	} else if ( w.endsWith( 's' ) ) {
		w = w.slice( 0, -1 );
	}
	if ( w.length > 4 && /[aoe]$/.test( w ) ) {
		w = w.slice( 0, -1 );
	}
	return w;
}

export const STEMMERS: Record< Language, ( word: string ) => string > = {
	en: stemEn,
	nl: stemNl,
	de: stemDe,
	fr: stemFr,
	es: stemEs,
};
