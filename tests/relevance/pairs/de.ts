/* German texts of the relevance pair set (see types.ts). */
import { labels } from './label';
import type { Pair, PairText } from './types';

const { related, unrelated } = labels( 'tune' );

const post = ( field: string, title: string, text: string ): PairText => ( {
	lang: 'de',
	field,
	kind: 'post',
	title,
	text,
} );
const page = ( field: string, title: string, text: string ): PairText => ( {
	lang: 'de',
	field,
	kind: 'page',
	title,
	text,
} );

export const DE_TEXTS: Record< string, PairText > = {
	'de-kartoffeln': post(
		'garden',
		'Kartoffeln im Kübel',
		`Dieses Jahr haben wir Kartoffeln in drei großen Kübeln auf der Terrasse gezogen. Die vorgekeimten Knollen kamen Anfang April in eine Handbreit Erde, und jedes Mal, wenn das Laub zwanzig Zentimeter hoch war, haben wir nachgefüllt.

Im August kippten wir die Kübel einfach um: fast vier Kilo Frühkartoffeln aus einem einzigen Topf. Nächstes Jahr probieren wir eine festkochende Sorte.`
	),
	'de-hochbeet': page(
		'garden',
		'Ein Hochbeet richtig befüllen',
		`Ein Hochbeet wird in Schichten befüllt, die nach und nach verrotten und dabei Wärme und Nährstoffe abgeben. Ganz unten liegt ein engmaschiges Drahtgitter gegen Wühlmäuse. Darauf folgt eine Schicht aus grobem Gehölzschnitt, Ästen und Zweigen, etwa dreißig Zentimeter hoch.

Die zweite Schicht besteht aus umgedrehten Rasensoden oder Laub, die dritte aus halbverrottetem Kompost oder Mist. Ganz oben kommt eine zwanzig bis dreißig Zentimeter dicke Lage aus hochwertiger Pflanzerde, gemischt mit reifem Kompost.

Im ersten Jahr ist das Beet sehr nährstoffreich: Starkzehrer wie Zucchini, Kohl und Tomaten wachsen hier prächtig. Ab dem dritten Jahr pflanzt man eher Mittel- und Schwachzehrer wie Möhren, Salat und Kräuter. Weil die Füllung jedes Jahr etwas absackt, füllt man im Frühjahr mit Kompost und Erde auf. Nach etwa fünf bis sieben Jahren wird das Hochbeet komplett neu aufgesetzt.`
	),
	'de-rosen': page(
		'garden',
		'Rosen schneiden im Frühjahr',
		`Der wichtigste Rosenschnitt findet im Frühjahr statt, wenn die Forsythien blühen. Dann ist die Gefahr starker Fröste vorbei, und die Knospen sind gut zu erkennen. Man braucht eine scharfe Rosenschere und dicke Handschuhe.

Zuerst entfernt man erfrorene, kranke und abgestorbene Triebe. Beetrosen und Edelrosen werden danach kräftig auf drei bis fünf Augen zurückgeschnitten; schwache Triebe schneidet man stärker zurück als starke. Der Schnitt erfolgt schräg, etwa einen halben Zentimeter über einer nach außen zeigenden Knospe, damit das Wasser ablaufen kann.

Strauchrosen und Kletterrosen werden nur ausgelichtet: alte, vergreiste Triebe nimmt man bodennah heraus, damit junge nachwachsen können. Einmal blühende Ramblerrosen schneidet man erst nach der Blüte im Sommer. Nach dem Schnitt freuen sich alle Rosen über eine Gabe organischen Rosendüngers.`
	),
	'de-schnecken': post(
		'garden',
		'Schnecken im Salatbeet',
		`Nach dem verregneten Mai war unser Salat in zwei Nächten verschwunden. Bierfallen haben nur wenig gebracht. Geholfen hat ein Schneckenzaun aus Blech rund um das Beet und das abendliche Absammeln mit der Taschenlampe.

Seit wir morgens statt abends gießen, sind es deutlich weniger geworden.`
	),
	'de-rasen': page(
		'garden',
		'Rasenpflege im Frühjahr',
		`Nach dem Winter braucht der Rasen etwas Aufmerksamkeit. Sobald der Boden abgetrocknet ist und der Rasen zu wachsen beginnt, meist im April, wird er zum ersten Mal gemäht, nicht kürzer als vier bis fünf Zentimeter.

Ist der Rasen verfilzt oder vermoost, hilft Vertikutieren: Die Messer des Vertikutierers ritzen die Grasnarbe an und ziehen Moos und Rasenfilz heraus. Danach wird gedüngt, am besten mit einem organischen Langzeitdünger. Kahle Stellen sät man mit passendem Rasensamen nach und hält sie einige Wochen gleichmäßig feucht.

Im Sommer gilt: lieber seltener und dafür durchdringend wässern, damit die Wurzeln in die Tiefe wachsen. Ein saurer Boden fördert Moos; eine Bodenanalyse zeigt, ob eine Kalkung im Herbst sinnvoll ist.`
	),
	'de-brot': post(
		'cooking',
		'Roggenbrot mit Sauerteig',
		`Mein erstes Roggenbrot ist endlich gelungen. Der Sauerteig stand zwölf Stunden warm, dann kamen Mehl, Wasser, Salz und etwas Brotgewürz dazu. Nach der Stückgare ging der Laib bei 250 Grad in den Ofen, später bei 200 Grad weiter.

Die Kruste ist kräftig, die Krume saftig. Am besten schmeckt es am zweiten Tag.`
	),
	'de-messer': page(
		'cooking',
		'Küchenmesser richtig schärfen',
		`Ein scharfes Messer ist sicherer als ein stumpfes, weil es nicht abrutscht. Zum Schärfen eignet sich ein Wasserschleifstein am besten. Der Stein wird vorher zehn Minuten gewässert und rutschfest auf ein feuchtes Tuch gelegt.

Für die meisten Küchenmesser nutzt man zuerst die Körnung 1000, um einen feinen Grat zu erzeugen, und poliert danach mit Körnung 3000 oder 6000. Den Schleifwinkel hält man möglichst gleichmäßig: bei europäischen Messern etwa zwanzig Grad, bei japanischen Messern etwa fünfzehn Grad.

Zwischendurch genügt ein Wetzstahl oder ein Keramikstab, um die Schneide wieder aufzurichten. Messer gehören nicht in die Spülmaschine: Hitze und aggressive Reiniger greifen Klinge und Griff an. In unserem Shop finden Sie Schleifsteine, Messerblöcke und Kochmesser aus Solingen und Japan.`
	),
	'de-eintopf': page(
		'cooking',
		'Linseneintopf wie bei Oma',
		`Für einen großen Topf Linseneintopf braucht man 300 Gramm Tellerlinsen, zwei Kartoffeln, zwei Möhren, ein Stück Sellerie, eine Stange Lauch, eine Zwiebel und einen Liter Gemüsebrühe.

Die Zwiebel in Würfeln in etwas Butter andünsten, das klein geschnittene Gemüse dazugeben und kurz mitbraten. Die gewaschenen Linsen und die Brühe dazugeben, ein Lorbeerblatt hineinlegen und alles etwa vierzig Minuten köcheln lassen, bis die Linsen weich sind.

Zum Schluss mit Salz, Pfeffer und einem Schuss Essig abschmecken. Wer mag, erwärmt ein paar Wiener Würstchen im Eintopf. Am nächsten Tag schmeckt er noch besser.`
	),
	'de-halbmarathon': post(
		'running',
		'Mein erster Halbmarathon',
		`Zwölf Wochen Training, dreimal pro Woche: ein langer Lauf am Sonntag, Intervalle am Dienstag, ein lockerer Dauerlauf dazwischen. Beim Halbmarathon in Hamburg lief ich die ersten fünfzehn Kilometer zu schnell.

Die letzten drei Kilometer waren hart, aber ich kam nach 2:04 ins Ziel. Nächstes Jahr will ich unter zwei Stunden bleiben.`
	),
	'de-laufschuhe': page(
		'running',
		'Den richtigen Laufschuh finden',
		`Ein Laufschuh muss zu Fuß, Laufstil und Trainingsumfang passen. In unserem Laufladen machen wir eine kostenlose Laufanalyse auf dem Laufband und sehen, ob Ihr Fuß beim Aufsetzen nach innen knickt. Bei starker Überpronation empfehlen wir einen Stabilitätsschuh, Neutralläufer haben die größte Auswahl.

Für lange Läufe und den Marathon ist eine gute Dämpfung wichtig. Wer kurze, schnelle Einheiten läuft, greift zu einem leichten Schuh mit geringer Sprengung. Für Waldwege und Trails gibt es Schuhe mit grobem Profil.

Nach etwa 600 bis 800 Kilometern lässt die Dämpfung nach, auch wenn der Schuh noch gut aussieht. Mitglieder eines Lauftreffs erhalten bei uns zehn Prozent Rabatt.`
	),
	'de-radtour': post(
		'cycling',
		'Mit dem Rad an der Elbe entlang',
		`Eine Woche von Dresden nach Magdeburg auf dem Elberadweg: flach, gut ausgeschildert und fast immer am Wasser. Übernachtet haben wir in kleinen Pensionen, das Gepäck in zwei Packtaschen.

Der schönste Tag war die Strecke durch die Weinberge bei Meißen. Nur der Gegenwind kurz vor Magdeburg hat uns geärgert.`
	),
	'de-fahrradwerkstatt': page(
		'cycling',
		'Fahrradkette pflegen und wechseln',
		`Die Kette ist das am stärksten beanspruchte Teil am Fahrrad. Schmutz und Sand wirken wie Schleifpapier und verschleißen Kette, Ritzel und Kettenblätter. Reinigen Sie die Kette deshalb regelmäßig mit einem Lappen und etwas Kettenreiniger und ölen Sie sie danach sparsam.

Mit einer Kettenlehre messen Sie die Längung. Ist die Kette um mehr als 0,5 Prozent gelängt, sollte sie gewechselt werden, bevor auch die Ritzel Schaden nehmen. Dazu braucht man einen Kettennieter oder ein Kettenschloss.

In unserer Werkstatt prüfen wir beim Frühjahrscheck außerdem Bremsen, Schaltung, Lager, Reifen und Beleuchtung. Termine können Sie online buchen.`
	),
	'de-katze': post(
		'pets',
		'Unsere Katze zieht um',
		`Beim Umzug in die neue Wohnung hatten wir große Sorge um Minka. Die ersten Tage blieb sie in einem ruhigen Zimmer mit Katzenklo, Futter und ihrer alten Decke.

Inzwischen hat sie alle Fensterbänke erobert und schläft am liebsten auf der Heizung.`
	),
	'de-hundeschule': page(
		'pets',
		'Welpenkurs in unserer Hundeschule',
		`In den ersten Lebensmonaten lernt ein Hund besonders schnell. In unserem Welpenkurs spielen Welpen bis zur sechzehnten Lebenswoche unter Aufsicht miteinander und lernen dabei Beißhemmung und Körpersprache.

Die Halter üben Grundsignale wie Sitz, Platz und Rückruf, immer mit positiver Verstärkung: gewünschtes Verhalten wird mit Futter, Spiel oder Lob belohnt. Außerdem gewöhnen wir die Welpen an Alltagsreize wie Straßenverkehr, fremde Menschen und Geräusche.

Der Kurs umfasst acht Stunden und findet samstags auf unserem eingezäunten Gelände statt. Bitte bringen Sie den Impfpass, Leckerlis und ein Spielzeug mit.`
	),
	'de-casino': page(
		'gambling',
		'Online Casino Bonus ohne Einzahlung',
		`Sie suchen ein Online Casino mit Bonus ohne Einzahlung? Wir vergleichen die Angebote aller Anbieter mit deutscher Lizenz. Neue Spieler erhalten oft Freispiele an beliebten Spielautomaten oder einen Einzahlungsbonus von hundert Prozent.

Achten Sie auf die Umsatzbedingungen: Der Bonus muss meist dreißig- bis vierzigmal umgesetzt werden, bevor Gewinne ausgezahlt werden. Tischspiele wie Roulette und Blackjack zählen oft nur teilweise.

In unserer Bestenliste finden Sie Casinos mit schnellen Auszahlungen, hohen Jackpots und Live Casino. Spielen Sie verantwortungsvoll. Glücksspiel ab 18 Jahren.`
	),
	'de-kredit': page(
		'finance',
		'Ratenkredit vergleichen und sparen',
		`Mit einem Ratenkredit finanzieren Sie Auto, Möbel oder Urlaub zu festen Monatsraten. Zinssatz, Laufzeit und Rate stehen bei Vertragsabschluss fest, sodass Sie genau planen können.

Vergleichen Sie den effektiven Jahreszins verschiedener Banken: Schon ein Prozentpunkt macht bei einem Kredit über zehntausend Euro mehrere Hundert Euro aus. Sondertilgungen sind bei vielen Angeboten kostenlos möglich.

Für die Kreditentscheidung prüft die Bank Ihr Einkommen und Ihre Schufa-Auskunft. Beantragen Sie den Kredit online, legitimieren Sie sich per Video-Ident und erhalten Sie das Geld oft schon nach zwei Werktagen.`
	),
	'de-krypto': page(
		'finance',
		'Bitcoin kaufen: So geht der Einstieg',
		`Auf unserer Kryptobörse kaufen Sie Bitcoin, Ethereum und über hundert weitere Kryptowährungen schon ab einem Euro. Registrieren Sie sich kostenlos, bestätigen Sie Ihre Identität und zahlen Sie per Überweisung ein.

Ihre Coins liegen sicher in einer Wallet mit Zwei-Faktor-Authentifizierung. Mit einem Sparplan investieren Sie automatisch jede Woche einen festen Betrag. Durch Staking erzielen Sie bis zu fünf Prozent Rendite pro Jahr.

Kryptowährungen unterliegen starken Kursschwankungen. Investieren Sie nur Geld, dessen Verlust Sie verkraften können.`
	),
	'de-kfz': page(
		'finance',
		'Kfz-Versicherung wechseln und sparen',
		`Die Kfz-Haftpflicht ist für jedes zugelassene Fahrzeug Pflicht. Sie zahlt Schäden, die Sie mit Ihrem Auto anderen zufügen. Die Teilkasko deckt zusätzlich Diebstahl, Brand, Hagel, Glasbruch und Wildunfälle, die Vollkasko auch selbst verschuldete Schäden am eigenen Fahrzeug.

Die Höhe des Beitrags hängt von Typklasse, Regionalklasse, Fahrleistung und Schadenfreiheitsklasse ab. Eine höhere Selbstbeteiligung senkt den Beitrag.

Wechseln Sie bis zum 30. November zu einem günstigeren Versicherer und sparen Sie oft mehrere Hundert Euro im Jahr.`
	),
};

export const DE_PAIRS: Pair[] = [
	related( 'de-kartoffeln', 'de-hochbeet' ),
	related( 'de-kartoffeln', 'de-rosen' ),
	related( 'de-kartoffeln', 'de-rasen' ),
	related( 'de-schnecken', 'de-hochbeet' ),
	related( 'de-schnecken', 'de-rosen' ),
	related( 'de-schnecken', 'de-rasen' ),
	related(
		'de-kartoffeln',
		'de-eintopf',
		'borderline: from the garden to the pot'
	),
	related( 'de-brot', 'de-messer' ),
	related( 'de-brot', 'de-eintopf' ),
	related( 'de-halbmarathon', 'de-laufschuhe' ),
	related( 'de-radtour', 'de-fahrradwerkstatt' ),
	related( 'de-katze', 'de-hundeschule', 'borderline: both about pets' ),
	unrelated( 'de-kartoffeln', 'de-casino' ),
	unrelated( 'de-kartoffeln', 'de-kredit' ),
	unrelated( 'de-schnecken', 'de-krypto' ),
	unrelated( 'de-schnecken', 'de-kfz' ),
	unrelated( 'de-brot', 'de-casino' ),
	unrelated( 'de-brot', 'de-krypto' ),
	unrelated( 'de-halbmarathon', 'de-kredit' ),
	unrelated( 'de-halbmarathon', 'de-casino' ),
	unrelated( 'de-radtour', 'de-kfz' ),
	unrelated( 'de-radtour', 'de-krypto' ),
	unrelated( 'de-katze', 'de-casino' ),
	unrelated( 'de-katze', 'de-kredit' ),
	unrelated( 'de-kartoffeln', 'de-fahrradwerkstatt' ),
	unrelated( 'de-brot', 'de-hundeschule' ),
	unrelated( 'de-halbmarathon', 'de-rosen' ),
	unrelated( 'de-katze', 'de-fahrradwerkstatt' ),
	unrelated( 'de-radtour', 'de-messer' ),
	unrelated( 'de-schnecken', 'de-laufschuhe' ),
];

// Held out: written after the relevance code and lexicon were changed,
// only scored (see types.ts).
const held = labels( 'holdout' );

export const DE_HOLDOUT_TEXTS: Record< string, PairText > = {
	'de-erdbeeren': post(
		'garden',
		'Erdbeeren im Balkonkasten',
		`Seit April wachsen unsere Erdbeeren in zwei langen Balkonkästen. Wir haben sie in frische Erde gesetzt und Stroh darunter gelegt, damit die Früchte nicht faulen.

Die ersten reifen Beeren gab es Mitte Mai. Die Ausläufer lassen wir in kleinen Töpfen anwurzeln.`
	),
	'de-regentonne': page(
		'garden',
		'Regenwasser sammeln und nutzen',
		`Regenwasser ist weich, kalkarm und hat Außentemperatur: ideal zum Gießen. Eine Regentonne am Fallrohr sammelt bei einem kräftigen Schauer schnell mehrere Hundert Liter.

Ein Regensammler im Fallrohr leitet das Wasser in die Tonne und schaltet bei voller Tonne automatisch zurück. Stellen Sie die Tonne erhöht auf, damit eine Gießkanne unter den Hahn passt, und verschließen Sie sie mit einem Deckel gegen Mücken und Algen.

Vor dem ersten Frost wird die Tonne geleert, sonst kann sie platzen. Für größere Gärten lohnt sich eine unterirdische Zisterne mit Pumpe.`
	),
	'de-teich': page(
		'garden',
		'Einen naturnahen Gartenteich anlegen',
		`Ein Gartenteich lockt Libellen, Frösche und Vögel in den Garten. Wählen Sie einen Platz mit einigen Stunden Sonne, aber nicht direkt unter Bäumen.

Heben Sie die Grube in Stufen aus: eine flache Sumpfzone, eine Flachwasserzone und eine Tiefwasserzone von mindestens achtzig Zentimetern, damit der Teich im Winter nicht durchfriert. Auf eine Sandschicht und ein Schutzvlies kommt die Teichfolie.

Setzen Sie Wasserpflanzen in Pflanzkörbe mit nährstoffarmer Erde: Unterwasserpflanzen für Sauerstoff, Seerosen in der Tiefe und Sumpfdotterblumen am Rand.`
	),
	'de-sportwetten': page(
		'gambling',
		'Sportwetten Bonus: die besten Wettanbieter',
		`Wir vergleichen die Wettanbieter mit deutscher Lizenz. Neukunden erhalten einen Einzahlungsbonus von bis zu hundert Euro oder eine Gratiswette auf das nächste Bundesligaspiel.

Unsere Tipps zu jedem Spieltag helfen bei Kombiwetten, Livewetten und Torschützenwetten. Mit der Cash-out-Funktion sichern Sie sich Ihren Gewinn schon vor dem Abpfiff.

Beachten Sie die Umsatzbedingungen des Bonus. Glücksspiel kann süchtig machen. Teilnahme ab 18 Jahren.`
	),
	'de-bausparen': page(
		'finance',
		'Bausparvertrag: lohnt sich das noch?',
		`Mit einem Bausparvertrag sparen Sie zunächst einen Teil der Bausparsumme an und erhalten danach ein Darlehen zu einem heute festgelegten Zinssatz. Das schützt vor steigenden Bauzinsen.

Während der Sparphase gibt es Wohnungsbauprämie und Arbeitnehmersparzulage, wenn Ihr Einkommen unter bestimmten Grenzen liegt. Achten Sie auf die Abschlussgebühr von meist einem Prozent der Bausparsumme.

Ob sich der Vertrag lohnt, hängt davon ab, wann Sie bauen oder kaufen wollen und wie sich die Zinsen entwickeln.`
	),
	'de-stricken': post(
		'crafts',
		'Mein erster selbst gestrickter Pullover',
		`Drei Monate lang habe ich abends an diesem Pullover gestrickt, aus einer weichen Merinowolle mit Nadelstärke vier. Das Rückenteil musste ich zweimal auftrennen.

Jetzt passt er, und die Ärmel sind sogar gleich lang.`
	),
	'de-wanderung': page(
		'travel',
		'Wanderung auf den Watzmann',
		`Der Aufstieg zum Watzmannhaus beginnt an der Wimbachbrücke bei Ramsau und führt über Almen und durch Bergwald. Für die Strecke bis zur Hütte sollte man gut vier Stunden einplanen.

Von dort geht es am nächsten Morgen über den Grat zum Hocheck. Trittsicherheit und Schwindelfreiheit sind nötig, bei Nässe und Gewitter sollte man umkehren.

Reservieren Sie die Übernachtung im Watzmannhaus rechtzeitig und prüfen Sie vor dem Aufbruch den Bergwetterbericht.`
	),
	'de-samen': post(
		'garden',
		'Saatgut selbst gewinnen',
		`Von unseren alten Bohnensorten und Tomaten nehmen wir jedes Jahr Samen ab. Die Bohnen lassen wir an der Pflanze trocknen, die Tomatensamen gären zwei Tage im Glas.

Beschriftete Papiertüten im Keller, und im Frühjahr geht es wieder los.`
	),
};

export const DE_HOLDOUT_PAIRS: Pair[] = [
	held.related( 'de-erdbeeren', 'de-regentonne' ),
	held.related( 'de-erdbeeren', 'de-teich' ),
	held.related( 'de-erdbeeren', 'de-hochbeet' ),
	held.related( 'de-samen', 'de-regentonne' ),
	held.related( 'de-samen', 'de-rosen' ),
	held.related( 'de-samen', 'de-teich' ),
	held.related( 'de-schnecken', 'de-teich' ),
	held.related( 'de-kartoffeln', 'de-regentonne' ),
	held.related(
		'de-radtour',
		'de-wanderung',
		'borderline: both about outdoor trips'
	),
	held.unrelated( 'de-erdbeeren', 'de-sportwetten' ),
	held.unrelated( 'de-erdbeeren', 'de-bausparen' ),
	held.unrelated( 'de-samen', 'de-sportwetten' ),
	held.unrelated( 'de-samen', 'de-kredit' ),
	held.unrelated( 'de-stricken', 'de-sportwetten' ),
	held.unrelated( 'de-stricken', 'de-krypto' ),
	held.unrelated( 'de-stricken', 'de-teich' ),
	held.unrelated( 'de-halbmarathon', 'de-bausparen' ),
	held.unrelated( 'de-katze', 'de-sportwetten' ),
	held.unrelated( 'de-brot', 'de-teich' ),
	held.unrelated( 'de-erdbeeren', 'de-wanderung' ),
];
