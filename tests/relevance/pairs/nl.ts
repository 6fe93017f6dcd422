/* Dutch texts of the relevance pair set (see types.ts). */
import { labels } from './label';
import type { Pair, PairText } from './types';

const { related, unrelated } = labels( 'tune' );

const post = ( field: string, title: string, text: string ): PairText => ( {
	lang: 'nl',
	field,
	kind: 'post',
	title,
	text,
} );
const page = ( field: string, title: string, text: string ): PairText => ( {
	lang: 'nl',
	field,
	kind: 'page',
	title,
	text,
} );

export const NL_TEXTS: Record< string, PairText > = {
	'nl-tomaten': post(
		'garden',
		'Tomaten op het balkon',
		`Dit jaar staan er zes tomatenplanten op ons balkon. We zaaiden ze half maart op de vensterbank en zetten de jonge planten na de ijsheiligen buiten, in emmers met verse potgrond.

Elke ochtend krijgen ze water aan de voet, nooit over het blad, en om de week wat tomatenvoeding. De zijscheuten knijpen we weg zodra ze een paar centimeter lang zijn. De eerste trostomaten kleuren nu rood.`
	),
	'nl-compost': page(
		'garden',
		'Composteren: van keukenafval tot zwarte aarde',
		`Composteren is niets anders dan bacteriën, schimmels en wormen het werk laten doen. Een goede composthoop heeft een mengsel nodig van groen materiaal, zoals grasmaaisel, groenteresten en koffiedik, en bruin materiaal, zoals herfstbladeren, stro en versnipperde takken. Te veel groen wordt een stinkende, natte massa; te veel bruin verteert nauwelijks.

Leg de hoop aan op de kale grond, zodat regenwormen er vanuit de bodem in kunnen kruipen. Werk in lagen van ongeveer twintig centimeter en houd het geheel vochtig als een uitgeknepen spons. Na een paar weken warmt de kern op tot zestig graden: dan zijn de microben volop aan het werk. Door de hoop elke maand om te zetten komt er zuurstof bij en verteert alles gelijkmatig.

Wat mag er niet op? Vlees, vis, zuivel en gekookte etensresten lokken ratten. Zieke planten en onkruid met rijpe zaden kun je beter bij het gft-afval doen. Eierschalen mogen wel, al verteren ze langzaam.

Na zes tot twaalf maanden is de compost rijp: donker, kruimelig en met de geur van bosgrond. Zeef de grove delen eruit en gooi ze terug op een nieuwe hoop. Rijpe compost werk je in het voorjaar door de bovenste laag van de bedden, of je strooit hem in de herfst als mulchlaag rond vaste planten en struiken.`
	),
	'nl-snoeien': page(
		'garden',
		'Fruitbomen snoeien in de winter',
		`Appel- en perenbomen snoei je in de winter, als ze in rust zijn en je de vorm van de kroon goed ziet. Kies een droge dag zonder strenge vorst. Een scherpe snoeischaar en een snoeizaag zijn genoeg voor de meeste bomen; ontsmet het gereedschap als je van boom naar boom gaat.

Begin met het weghalen van dood, ziek en beschadigd hout. Daarna zijn de takken aan de beurt die kruisen of naar binnen groeien: een open kroon laat licht en lucht door, waardoor schurft en meeldauw minder kans krijgen. Waterloten, de rechte scheuten die in één seizoen omhoog schieten, haal je bij de basis weg.

Jonge bomen krijgen de eerste jaren een vormsnoei: drie of vier gesteltakken rond een centrale leider. Bij oudere bomen gaat het om verjonging: elk jaar een paar oude, afgedragen takken eruit, zodat er jong vruchthout bijkomt. Snoei nooit meer dan een kwart van de kroon in één winter, anders reageert de boom met een woud van nieuwe scheuten.

Steenvruchten zoals pruim en kers snoei je juist na de oogst in de zomer, omdat de wonden dan sneller dichtgaan en de kans op loodglans kleiner is.`
	),
	'nl-slakken': post(
		'garden',
		'Slakken in de moestuin: wat bij ons werkt',
		`Na een natte week was de helft van onze jonge sla opgegeten. Bierbakjes vingen er wat, maar het echte verschil maakten we 's avonds met een zaklamp: slakken rapen en ver weg uitzetten.

Sinds we de paden kort houden en pas 's ochtends water geven, is het veel rustiger. Een egel die onder de houtstapel woont, helpt ook mee.`
	),
	'nl-gazon': page(
		'garden',
		'Je gazon weer groen na de winter',
		`Een gazon dat na de winter geel en mosachtig is, knapt in het voorjaar snel op met een paar vaste stappen. Wacht tot de grond is opgedroogd en de bodemtemperatuur boven de acht graden ligt, meestal half april.

Maai eerst op een hoge stand en hark het losse mos en dode gras eruit. Bij veel vervilting helpt verticuteren: messen snijden door de viltlaag, zodat water, lucht en voeding weer bij de wortels komen. Strooi daarna een organische gazonmest met veel stikstof. Kale plekken vul je met graszaad en een dun laagje dressgrond; houd ze drie weken vochtig.

Maai in het seizoen wekelijks en nooit meer dan een derde van de grashalm tegelijk. Een gazon dat kort gemaaid wordt, droogt in de zomer sneller uit en laat onkruid en mos de ruimte. Is de bodem zuur, dan kan wat kalk in de herfst de mosgroei remmen.`
	),
	'nl-bollen': post(
		'garden',
		'Tulpen planten voor een vrolijk voorjaar',
		`In oktober gingen er tweehonderd tulpenbollen de grond in, in groepjes tussen de vaste planten. Twee keer zo diep als de bol hoog is, met de punt naar boven, en dan de aarde goed aandrukken.

Over vijf maanden weten we of de eekhoorns ze hebben laten liggen.`
	),
	'nl-zuurdesem': post(
		'cooking',
		'Mijn eerste zuurdesembrood',
		`Na een week voeden borrelde mijn desem eindelijk. Meel, water, zout en geduld: meer is het niet. Het deeg rees een nacht in de koelkast en ging de volgende ochtend in een gietijzeren pan de oven in, op 240 graden.

De korst kraakte, de kruim was open en licht zuur. Volgende keer wat meer volkoren.`
	),
	'nl-keukenmessen': page(
		'cooking',
		'Japanse koksmessen en slijpstenen',
		`Een goed koksmes is het belangrijkste gereedschap in de keuken. Onze Japanse messen zijn gesmeed van hard koolstofstaal en daardoor scherper en langer scherp dan de meeste Europese messen. Een santoku is een allrounder voor groente, vis en vlees; met een gyuto snijd je grote stukken en met een petty-mes schil en garneer je.

Hard staal vraagt wel om zorg. Was het mes met de hand, droog het direct af en snijd op een plank van hout of kunststof, nooit op glas of steen. Slijp het regelmatig op een waterslijpsteen: begin met korrel 1000 voor het gewone onderhoud en maak de snede af op korrel 3000 of 6000. Houd een constante hoek van ongeveer vijftien graden aan.

In onze winkel vind je messen vanaf 59 euro, slijpstenen, messenblokken en snijplanken van eikenhout. Bestel je voor 16.00 uur, dan wordt je pakket dezelfde dag verstuurd. Twijfel je welk mes bij jouw manier van koken past? Onze koks geven in de winkel graag advies.`
	),
	'nl-soep': page(
		'cooking',
		'Recept: romige pompoensoep met gember',
		`Voor vier personen heb je een flinke flespompoen nodig, een ui, twee teentjes knoflook, een duimpje verse gember, een liter groentebouillon en een scheut kokosmelk.

Schil de pompoen, haal de zaadlijsten eruit en snijd het vruchtvlees in blokjes. Fruit de gesnipperde ui glazig in wat olijfolie, voeg de knoflook en geraspte gember toe en bak een minuut mee. Doe de pompoen erbij, schenk de bouillon erop en laat twintig minuten zachtjes koken tot de blokjes zacht zijn.

Pureer de soep met een staafmixer, roer de kokosmelk erdoor en breng op smaak met zout, peper en een snufje nootmuskaat. Serveer met geroosterde pompoenpitten en een stuk vers brood. De soep is in de vriezer drie maanden houdbaar.`
	),
	'nl-marathon': post(
		'running',
		'Op weg naar mijn eerste marathon',
		`Zestien weken voor Rotterdam begon mijn schema: drie keer per week lopen, met op zondag een duurloop die elke week een paar kilometer langer wordt. Op dinsdag doe ik intervallen op de baan.

Het lastigste is rust nemen. Na de 28 kilometer van vorige week voelden mijn kuiten zo zwaar dat ik de herstelloop heb overgeslagen. Nog zes weken.`
	),
	'nl-loopschoenen': page(
		'running',
		'Hardloopschoenen kiezen bij Runnersplein',
		`De juiste hardloopschoen hangt af van je voet, je loopstijl en de afstanden die je loopt. In onze winkel meten we je voeten en filmen we je looppas op de loopband, zodat we zien of je voet bij de landing naar binnen kantelt. Overpronatie vraagt om een schoen met meer steun aan de binnenkant; lopers met een neutrale afwikkeling kiezen vaak een lichtere, soepele schoen.

Voor lange duurlopen en een marathon is demping belangrijk, zeker voor zwaardere lopers. Wie vooral korte, snelle trainingen doet, heeft meer aan een lage, reactieve schoen met een kleine drop. Trailschoenen hebben een grover profiel voor bospaden en modder.

Vervang je schoenen na zeshonderd tot achthonderd kilometer: de tussenzool verliest dan zijn veerkracht, ook als de buitenkant nog goed lijkt. Kom gerust langs om een paar modellen te proberen op onze testbaan. Leden van een atletiekvereniging krijgen tien procent korting.`
	),
	'nl-fietsvakantie': post(
		'cycling',
		'Tien dagen fietsen langs de Moezel',
		`Van Metz naar Koblenz, met de tent achterop: tien dagen, bijna vierhonderd kilometer, en geen enkele steile helling. Het fietspad volgt de rivier langs wijngaarden en kleine dorpen.

We kampeerden op campings aan het water en aten elke avond ergens een Flammkuchen. Alleen de laatste dag, met tegenwind en regen, was zwaar.`
	),
	'nl-fietsenmaker': page(
		'cycling',
		'Zelf je fiets onderhouden',
		`Met een beetje onderhoud rijdt je fiets jaren zonder problemen. Het belangrijkste is de ketting: maak hem elke maand schoon met een doek en een ontvetter, en smeer hem daarna dun met kettingolie. Een droge, roestige ketting slijt snel en neemt de tandwielen mee.

Controleer wekelijks de bandenspanning. De juiste druk staat op de zijkant van de band; te zachte banden rollen zwaar en krijgen sneller een lekke band. Plakken doe je met bandenlichters, schuurpapier en een plakset: zoek het gat door de binnenband in een emmer water te houden.

Remmen stel je bij met de stelschroef aan de remhendel. Als de remblokken tot de slijtgroeven zijn afgesleten, vervang je ze. Laat je fiets eens per jaar nakijken in onze werkplaats: we controleren de lagers, de spaken, de versnellingen en de verlichting, en je krijgt een overzicht van wat er vervangen moet worden.`
	),
	'nl-puppy': post(
		'pets',
		'Onze puppy zindelijk maken',
		`Sinds twee weken woont Bo bij ons, een pup van negen weken. Na elk slaapje, na het eten en na het spelen gaan we meteen naar buiten, naar hetzelfde plekje in de tuin.

Plast hij daar, dan volgt een feestje en een brokje. Ongelukjes binnen ruimen we zonder iets te zeggen op. Het gaat al elke dag beter.`
	),
	'nl-kattenvoer': page(
		'pets',
		'Welk kattenvoer past bij jouw kat?',
		`Katten zijn echte vleeseters: hun voer moet vooral dierlijke eiwitten bevatten, plus taurine, een aminozuur dat ze niet zelf kunnen aanmaken. Let op het etiket: vlees of vis hoort bovenaan de ingrediëntenlijst te staan, niet granen.

Natvoer bevat veel vocht, en dat is goed voor katten die weinig drinken en gevoelig zijn voor blaasproblemen. Droogvoer is handig en goed voor het gebit, maar zet er altijd vers water naast. Veel eigenaren combineren beide.

Een kitten tot een jaar heeft meer energie nodig dan een volwassen kat en krijgt speciaal kittenvoer. Oudere katten en gecastreerde katers worden sneller te zwaar; kies dan een lichtere variant en weeg je kat regelmatig. Verander van voer altijd geleidelijk, in een week, om maagproblemen te voorkomen.`
	),
	'nl-casino': page(
		'gambling',
		'De beste online casino bonussen van 2026',
		`Op zoek naar een online casino met een royale welkomstbonus? Wij vergelijken elke maand de bonussen van alle casino's met een Nederlandse vergunning. Bij de meeste aanbieders krijg je bij je eerste storting honderd procent extra speelgeld, vaak aangevuld met free spins op populaire gokkasten.

Let wel op de inzetvereisten: een bonus moet je meestal dertig tot veertig keer rondspelen voordat je winst kunt laten uitbetalen. Ook tellen niet alle spellen even zwaar mee. Slots tellen meestal volledig, bij blackjack en roulette vaak maar tien procent.

In onze ranglijst vind je de casino's met de snelste uitbetalingen, de hoogste jackpots en het grootste aanbod live casino. Speel verantwoord: stel een limiet in voor je stortingen en je speeltijd. Gokken is niet geschikt voor spelers onder de 24 jaar.`
	),
	'nl-lening': page(
		'finance',
		'Persoonlijke lening vergelijken',
		`Een persoonlijke lening is een lening met een vast bedrag, een vaste rente en een vaste looptijd. Je betaalt elke maand hetzelfde bedrag terug tot de lening is afgelost. Dat maakt je maandlasten voorspelbaar, anders dan bij een doorlopend krediet.

De rente hangt af van het leenbedrag, de looptijd en je persoonlijke situatie. Vergelijk daarom altijd het jaarlijkse kostenpercentage van verschillende geldverstrekkers. Een lening oversluiten naar een lagere rente kan honderden euro's schelen, en boetevrij aflossen is bij een persoonlijke lening altijd toegestaan.

Voordat je geld leent, toetst de kredietverstrekker je inkomen en vaste lasten en kijkt hij bij het BKR of je al andere leningen hebt. Leen niet meer dan je nodig hebt: geld lenen kost geld. Vraag vrijblijvend een offerte aan en ontvang binnen een werkdag een persoonlijk voorstel.`
	),
	'nl-crypto': page(
		'finance',
		'Bitcoin kopen in vijf minuten',
		`Bij onze cryptobeurs koop je bitcoin, ethereum en meer dan tweehonderd andere munten met iDEAL. Open een gratis account, verifieer je identiteit en je kunt direct beginnen met handelen. De transactiekosten zijn 0,25 procent per order.

Je crypto bewaar je in je eigen wallet bij ons platform, beveiligd met tweestapsverificatie. Liever zelf de sleutels beheren? Stuur je munten dan naar een hardware wallet. Met een automatisch spaarplan koop je elke maand voor een vast bedrag, zodat je niet hoeft te raden naar het juiste moment.

Let op: de koers van cryptomunten schommelt sterk. Investeer alleen geld dat je kunt missen en spreid je beleggingen. Staking levert tot zes procent rendement per jaar op bepaalde munten.`
	),
	'nl-autoverzekering': page(
		'finance',
		'Autoverzekering: WA, beperkt casco of allrisk?',
		`Een WA-verzekering is in Nederland verplicht voor elke auto met een kenteken. Ze dekt de schade die je met je auto aan anderen toebrengt, niet de schade aan je eigen auto. Met beperkt casco ben je daarnaast verzekerd tegen diefstal, brand, storm en ruitschade. Een allriskverzekering dekt ook schade aan je eigen auto als je zelf een ongeluk veroorzaakt.

Voor een nieuwe auto kies je meestal allrisk; is de auto ouder dan zes of zeven jaar, dan is beperkt casco vaak voordeliger. Je schadevrije jaren bepalen je korting op de premie: na een schade ga je een aantal treden terug op de bonus-malusladder.

Bereken je premie online en sluit direct af. Het eigen risico kies je zelf; een hoger eigen risico verlaagt de maandpremie.`
	),
};

export const NL_PAIRS: Pair[] = [
	// Same field, little shared vocabulary.
	related( 'nl-tomaten', 'nl-compost' ),
	related( 'nl-tomaten', 'nl-snoeien' ),
	related( 'nl-tomaten', 'nl-gazon' ),
	related( 'nl-slakken', 'nl-compost' ),
	related( 'nl-slakken', 'nl-snoeien' ),
	related( 'nl-slakken', 'nl-gazon' ),
	related( 'nl-bollen', 'nl-compost' ),
	related( 'nl-bollen', 'nl-gazon' ),
	related( 'nl-bollen', 'nl-snoeien' ),
	related(
		'nl-tomaten',
		'nl-soep',
		'borderline: from the vegetable patch to the kitchen'
	),
	related( 'nl-zuurdesem', 'nl-keukenmessen' ),
	related( 'nl-zuurdesem', 'nl-soep' ),
	related( 'nl-marathon', 'nl-loopschoenen' ),
	related( 'nl-fietsvakantie', 'nl-fietsenmaker' ),
	related( 'nl-puppy', 'nl-kattenvoer', 'borderline: both about pets' ),
	// Unrelated: spam fields and other fields.
	unrelated( 'nl-tomaten', 'nl-casino' ),
	unrelated( 'nl-tomaten', 'nl-lening' ),
	unrelated( 'nl-tomaten', 'nl-crypto' ),
	unrelated( 'nl-slakken', 'nl-autoverzekering' ),
	unrelated( 'nl-bollen', 'nl-casino' ),
	unrelated( 'nl-zuurdesem', 'nl-crypto' ),
	unrelated( 'nl-zuurdesem', 'nl-lening' ),
	unrelated( 'nl-marathon', 'nl-casino' ),
	unrelated( 'nl-marathon', 'nl-autoverzekering' ),
	unrelated( 'nl-fietsvakantie', 'nl-lening' ),
	unrelated( 'nl-fietsvakantie', 'nl-crypto' ),
	unrelated( 'nl-puppy', 'nl-casino' ),
	unrelated( 'nl-puppy', 'nl-crypto' ),
	unrelated( 'nl-tomaten', 'nl-fietsenmaker' ),
	unrelated( 'nl-zuurdesem', 'nl-loopschoenen' ),
	unrelated( 'nl-puppy', 'nl-compost' ),
	unrelated( 'nl-fietsvakantie', 'nl-kattenvoer' ),
	unrelated( 'nl-slakken', 'nl-keukenmessen' ),
	unrelated( 'nl-marathon', 'nl-compost' ),
];

// Held out: written after the relevance code and lexicon were changed,
// only scored (see types.ts).
const held = labels( 'holdout' );

export const NL_HOLDOUT_TEXTS: Record< string, PairText > = {
	'nl-aardbeien': post(
		'garden',
		'Aardbeien in hangpotten',
		`Onze aardbeien hangen dit jaar in drie hangpotten aan de schutting, buiten bereik van de merels. In april kregen ze verse aarde en een handje koemestkorrels.

De eerste vruchten waren half mei rijp. De uitlopers knippen we weg, behalve een paar die we in kleine potjes laten wortelen voor volgend jaar.`
	),
	'nl-regenton': page(
		'garden',
		'Regenwater opvangen met een regenton',
		`Planten houden van regenwater: het is zacht, bevat geen kalk en heeft de temperatuur van de buitenlucht. Met een regenton aan de regenpijp vang je in een natte week honderden liters op, genoeg om de bloembakken en de moestuin door een droge periode te helpen.

Zet de ton op een paar stoeptegels, zodat je er een gieter onder kunt zetten. Een vulautomaat in de regenpijp zorgt dat de ton niet overloopt: is hij vol, dan stroomt het water gewoon weer naar het riool. Kies een ton met een deksel, want open water trekt muggen aan en kinderen of huisdieren kunnen erin vallen.

In de winter leeg je de ton en koppel je hem af, anders kan hij bij strenge vorst scheuren. Wie meer ruimte heeft, kan een ondergrondse tank laten plaatsen en het water ook voor het toilet gebruiken.`
	),
	'nl-vijver': page(
		'garden',
		'Een kleine vijver aanleggen',
		`Een vijver trekt binnen een seizoen kikkers, libellen en vogels naar je tuin. Kies een plek met een paar uur zon per dag, niet onder bomen die in de herfst hun blad erin laten vallen.

Graaf de kuil in terrassen: een moerasrand van tien centimeter diep, een plantenzone van dertig centimeter en een diep deel van minstens tachtig centimeter, zodat het water in de winter niet tot op de bodem bevriest. Leg een laag zand en beschermvlies neer en daarover vijverfolie van EPDM.

Zet waterplanten in manden met voedselarme grond: zuurstofplanten onder water, waterlelies in het diepe deel en gele lis of dotterbloemen in de moerasrand. Een vijver zonder vissen blijft helderder en is beter voor amfibieën.`
	),
	'nl-poker': page(
		'gambling',
		'Online poker spelen voor echt geld',
		`Texas Hold'em is de populairste pokervariant bij online pokerrooms. Elke speler krijgt twee kaarten en deelt vijf gemeenschappelijke kaarten op tafel. Wie de beste hand van vijf kaarten maakt of alle tegenstanders laat folden, wint de pot.

Bij onze aanbevolen pokerrooms speel je cashgames vanaf een paar cent per hand en dagelijkse toernooien met gegarandeerde prijzenpotten. Nieuwe spelers krijgen een stortingsbonus die vrijkomt naarmate je meer raked hands speelt, plus gratis tickets voor freerolls.

Leer eerst de handwaarden en de positie aan tafel kennen voordat je met echt geld speelt, en stel een bankroll vast die je kunt missen. Gokken kan verslavend zijn.`
	),
	'nl-zorgverzekering': page(
		'finance',
		'Zorgverzekering 2027 vergelijken',
		`Iedereen die in Nederland woont of werkt, is verplicht een basisverzekering af te sluiten. De inhoud van het basispakket is bij alle verzekeraars gelijk, maar de premie en de keuze aan zorgverleners verschillen. Bij een naturapolis heeft je verzekeraar contracten met zorgverleners; bij een restitutiepolis kies je zelf.

Het verplichte eigen risico is 385 euro per jaar. Kies je voor een vrijwillig hoger eigen risico, dan daalt je maandpremie. Aanvullende verzekeringen dekken onder meer de tandarts, fysiotherapie en brillen.

Overstappen kan elk jaar tot en met 31 december. Vergelijk de polissen en sluit direct online af.`
	),
	'nl-wandelen': page(
		'travel',
		'Wandelroute: over de heide bij Hilversum',
		`Deze rondwandeling van twaalf kilometer begint bij het station en voert over de Westerheide, een van de grootste heidevelden van het Gooi. In augustus kleurt de heide paars en grazen er schapen met een herder.

Volg de rood-witte markering van het Gooise Wandelpad tot aan de Tafelbergheide, waar je vanaf de heuvel tot aan de skyline van Amsterdam kijkt. Bij de theeschenkerij halverwege kun je iets drinken.

Draag stevige schoenen: na regen zijn de zandpaden modderig. Honden mogen mee, maar aangelijnd zolang de schaapskudde in de buurt is.`
	),
	'nl-knutselen': post(
		'crafts',
		'Knutselen met kurken en wc-rolletjes',
		`Op regenachtige woensdagen knutselen we met wat er in huis is. Van lege wc-rolletjes maakten de kinderen een kasteel met kantelen, van kurken een vlot dat echt bleef drijven in de badkuip.

Lijm, verf en een schaar zijn genoeg. Het mooiste werk staat nu op de vensterbank.`
	),
	'nl-bijenhotel': post(
		'garden',
		'Een bijenhotel voor de solitaire bijen',
		`In maart hingen we een bijenhotel op de zonnige zuidmuur: holle bamboestengels en een blok hardhout met geboorde gaatjes. Binnen een week vlogen de eerste metselbijen af en aan.

Ze sluiten de gangetjes af met modder. Volgend voorjaar komen de nieuwe bijen eruit.`
	),
};

export const NL_HOLDOUT_PAIRS: Pair[] = [
	held.related( 'nl-aardbeien', 'nl-regenton' ),
	held.related( 'nl-aardbeien', 'nl-vijver' ),
	held.related( 'nl-aardbeien', 'nl-compost' ),
	held.related( 'nl-bijenhotel', 'nl-vijver' ),
	held.related( 'nl-bijenhotel', 'nl-regenton' ),
	held.related( 'nl-bijenhotel', 'nl-snoeien' ),
	held.related( 'nl-tomaten', 'nl-regenton' ),
	held.related( 'nl-slakken', 'nl-vijver' ),
	held.related(
		'nl-fietsvakantie',
		'nl-wandelen',
		'borderline: both about outdoor holidays'
	),
	held.unrelated( 'nl-aardbeien', 'nl-poker' ),
	held.unrelated( 'nl-aardbeien', 'nl-zorgverzekering' ),
	held.unrelated( 'nl-bijenhotel', 'nl-poker' ),
	held.unrelated( 'nl-bijenhotel', 'nl-crypto' ),
	held.unrelated( 'nl-knutselen', 'nl-poker' ),
	held.unrelated( 'nl-knutselen', 'nl-lening' ),
	held.unrelated( 'nl-knutselen', 'nl-compost' ),
	held.unrelated( 'nl-marathon', 'nl-zorgverzekering' ),
	held.unrelated( 'nl-puppy', 'nl-poker' ),
	held.unrelated( 'nl-zuurdesem', 'nl-vijver' ),
	held.unrelated( 'nl-aardbeien', 'nl-wandelen' ),
];
