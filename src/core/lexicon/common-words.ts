/**
 * Frequent general-vocabulary words (FOLDED, after stop-word removal) that
 * occur in texts on any topic: "time", "people", "goed", "jaar". They are not
 * stop words (they do carry meaning) but sharing them says little about two
 * texts sharing a topic, so relevance gives them a low weight: the
 * document-frequency half of TF-IDF, taken from general language use because
 * a pair of texts has no corpus of its own.
 *
 * Stems are listed as the light stemmers produce them too, so both the word
 * and its stem are recognised.
 */
export const COMMON_WORDS: ReadonlySet< string > = new Set(
	`
	time times year years day days week weeks month months today people person
	thing good great best better bad big small little large long short high
	low old young important different easy hard simple free full whole part
	world life work works working way ways place places home lot lots kind
	number example examples point problem problems question questions fact
	case cases end start help need want know think look find found tell ask
	try call keep give take come came went made making love nice also just
	still real true sure able possible available today tomorrow yesterday
	buy buying bought sell price prices order app apps online account
	year jaar jaren dag dagen week weken maand maanden tijd mensen mens ding
	dingen goed goede beter best beste slecht groot grote klein kleine lang
	lange kort korte hoog hoge laag oud oude jong jonge belangrijk belangrijke
	verschillende makkelijk moeilijk eenvoudig gratis echt echte wereld leven
	werk werken manier manieren plek plekken thuis soort aantal voorbeeld
	voorbeelden punt probleem problemen vraag vragen geval einde begin helpen
	hulp willen weten denken kijken vinden vertellen vragen proberen houden
	geven nemen mooi mooie leuk leuke zeker mogelijk beschikbaar vandaag
	morgen gisteren kopen koop prijs prijzen bestellen app online onderweg
	account
	jahr jahre tag tage woche monat zeit menschen mensch ding dinge gut gute
	besser beste schlecht gross grosse klein kleine lang kurz hoch alt jung
	wichtig einfach kostenlos welt leben arbeit weise ort art zahl beispiel
	frage problem ende anfang helfen wissen denken finden geben nehmen schon
	schone moglich heute morgen gestern
	annee annees jour jours semaine mois temps gens personne chose choses bon
	bonne meilleur meilleure mauvais grand grande petit petite long longue
	haut vieux jeune important importante different facile difficile simple
	gratuit monde vie travail facon maniere endroit sorte nombre exemple
	question probleme fin debut aider savoir penser trouver donner prendre
	beau belle possible disponible aujourd hui demain hier
	ano anos dia dias semana mes tiempo gente persona cosa cosas bueno buena
	mejor malo grande pequeno pequena largo corto alto viejo joven importante
	diferente facil dificil sencillo gratis mundo vida trabajo forma manera
	lugar tipo numero ejemplo pregunta problema final inicio ayudar saber
	pensar encontrar dar tomar bonito bonita posible disponible hoy manana
	ayer
	paar keer honderd duizend hundert tausend hundred thousand mal halb half
	`
		.split( /\s+/ )
		.filter( Boolean )
);
