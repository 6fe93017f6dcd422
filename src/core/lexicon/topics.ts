/**
 * Topic families: the vocabulary of broad fields of interest in Dutch,
 * English and German (FOLDED: lower case, no diacritics). Two texts on one
 * field often share few words — a post on growing tomatoes and a page on
 * composting have "tuin" at best in common — yet a reader sees at once that
 * they belong together; and a garden post and a casino page are unrelated
 * however many words like "jaar" or "bonus" they share. The families let
 * relevance.ts see both: which field each text is about, from words it
 * would never match one by one.
 *
 * Entry syntax, per whitespace-separated word:
 * - `word`   the folded token itself or its light stem (text.ts stem());
 * - `word*`  any token starting with it (inflections and compounds whose
 *            first part it is: "tomat*" → "tomaten", "tomatenplant");
 * - `*word`  any token ending with it (compounds whose head it is:
 *            "*tomaat" → "trostomaat"); at least 4 letters.
 * A prefix entry is at least 4 letters; shorter words are listed whole,
 * because "hond*" would also match "honderd" and "bank*" "bankje".
 *
 * The lists are general field vocabulary, written for the fields, not for
 * particular pages. `SCHEME_FIELDS` are the fields of the sites that trade
 * links for money (gambling, loans and crypto, adult, pills, link lists):
 * a partner clearly in one of them, linked from a post that is not, is an
 * unrelated exchange with some confidence even when our post is too short
 * to show a field of its own.
 */
export const TOPIC_FIELDS = [
	'garden',
	'cooking',
	'running',
	'cycling',
	'pets',
	'travel',
	'home',
	'health',
	'cars',
	'finance',
	'gambling',
	'adult',
	'links',
] as const;
export type TopicField = ( typeof TOPIC_FIELDS )[ number ];

/** Fields whose sites are typical paid-link and link-farm partners. */
export const SCHEME_FIELDS: ReadonlySet< TopicField > = new Set( [
	'finance',
	'gambling',
	'adult',
	'links',
] );

/**
 * Neighbouring fields: texts of one and of the other are often linked for
 * good reasons (from the vegetable patch to the kitchen, a cycling holiday
 * and a bike workshop), so a difference between neighbours is no evidence
 * of an unrelated exchange.
 */
export const NEIGHBOUR_FIELDS: ReadonlyArray< [ TopicField, TopicField ] > = [
	[ 'garden', 'cooking' ],
	[ 'garden', 'home' ],
	[ 'cycling', 'travel' ],
	[ 'running', 'health' ],
	[ 'running', 'cycling' ],
	[ 'cooking', 'health' ],
	[ 'cars', 'travel' ],
];

type FieldWords = Partial< Record< TopicField, string > >;

const NL: FieldWords = {
	garden: `tuin* *tuin tuinier* moestuin* groentetuin* volkstuin* kweek*
		kweken zaai* zaad zaden zaadje* *zaad kiem* zaailing* oogst* plant
		planten plantje* *plant *planten vaste potgrond* *grond grond bodem*
		aarde *aarde compost* mest* bemest* groenbemester* mulch* onkruid*
		wied* schoffel* spade* gieter* snoei* snoeischaar* boom bomen *boom
		*bomen fruitbo* appelbo* perenbo* struik* heester* haag hagen heg
		heggen gazon* grasmat* gras *gras maai* grasmaai* verticuteer*
		verticuter* bloem* *bloem *bloemen bloei* bol bollen *bollen bolgewas*
		tulp* narcis* krokus* rozen rozenstruik* roos tomaat tomaten* *tomaat
		*tomaten sla slaplant* bonen boon *bonen stokboon* pompoen* courgette*
		komkommer* paprika* aardappel* pootaardappel* prei spinazie* wortel*
		kool koolplant* aardbei* framboos* bes bessen* kruiden* stek stekken
		stekje* slak slakken* naaktslak* bladluis* luizen rups* meeldauw*
		schimmelziekte* regenworm* bijen* vlinder* egel* wisselteelt* kas
		kassen kasplant* broeikas* moestuinbak* bloembak* plantenbak* vijver*
		border* borders perk* gieten begiet* ijsheiligen voorzaai* uitplant*
		verspen* dieven uitdieven hovenier* kwekerij* tuincentrum* zaaigoed*
		blad bladeren bladaarde* humus* veen* klaver* phacelia*`,
	cooking: `recept* kook* koken keuken* kookboek* bakken bakt gebak* bakker*
		oven* brood *brood broodje* deeg* meel *meel desem* zuurdesem* gist
		pan pannen *pan koekenpan* braadpan* mes messen *mes koksmes* snijplank*
		slijpsteen* soep* *soep saus* *saus bouillon* specerij* kruiderij* peper
		ui uien *ui knoflook* gember* olijfolie* boter* room *room slagroom*
		kaas* vlees* gehakt* kip *kip groentesoep* gerecht* maaltijd* diner*
		ontbijt* lunch* avondeten* smaak* smaakt proeven fruiten fruit
		schil* garneer* taart* koek* *koek cake* dessert* toetje* serveer*
		portie* chef* kok koks culinair* marinade* marineer* stoof* stoven
		roerbak* sudder* pureer* staafmixer* blender* rasp* keukengerei*
		kookwinkel* keukenwinkel* eetlepel* theelepel* snufje* nootmuskaat*
		kokosmelk* rijst* pasta* noedel* salade*`,
	running: `hardloop* hardlopen hardloper* loper lopers looppas* loopstijl*
		loopschoen* loopband* duurloop* herstelloop* marathon* halvemarathon*
		trainingsschema* interval* tempoloop* atleet* atletiek* sprint* kuit*
		kuiten blessure* scheenbeen* hartslag* wedstrijd* finish* pronatie*
		overpronatie* demping* sportschoen* trailrun* trailschoen* parkrun
		renner* loopgroep* looptraining* hardloopschoen*`,
	cycling: `fiets* *fiets *fietsen wielren* wielrenner* mountainbike* ketting*
		kettingolie* fietsband* binnenband* buitenband* bandenspanning*
		remblok* remmen versnelling* zadel* trapper* spaak spaken pedaal*
		fietspad* fietsroute* fietstocht* fietsvakantie* fietsenmaker* velg*
		derailleur* tandwiel* fietser* fietsers fietsenwinkel* ebike* bike
		bikes gravelbike* racefiets* fietstas* fietstassen*`,
	pets: `hond honden hondje* *hond hondenvoer* hondenschool* puppy* pup pups
		kat katten* *kat poes* kitten* kater* huisdier* dierenarts* dierlijk*
		*voer kattenvoer* hondenvoer* brokje* brokken aanlijn* uitlaat*
		zindelijk* kattenbak* krabpaal* vacht* konijn* cavia* hamster*
		dierenasiel* asieldier* vlooien* ontworm* castratie* gecastreerd*
		kennel* baasje* poot poten blaf* kwispel* snuffel* apport* riem
		hondenriem* halsband* tuig* hondentraining* gehoorzaam* fokker*
		nestje* kittenvoer* natvoer* droogvoer* taurine*`,
	travel: `vakantie* *vakantie reis reizen *reis rondreis* reisgids* hotel*
		camping* kampeer* kamperen tent tenten vlucht* vliegveld* strand*
		stedentrip* bezienswaardig* accommodatie* overnacht* pension* toerist*
		toeristisch* wandelroute* wandeling* wandelen* vakantiehuis* bagage*
		paspoort* excursie* uitzicht* dorp* dorpjes`,
	home: `verbouw* renovat* klus* klussen doehetzelf* verf* verven schilder*
		behang* vloer* laminaat* tegel* tegels badkamer* keukenblad* meubel*
		kast kasten *kast interieur* woonkamer* slaapkamer* isolat* isoleer*
		dakgoot* kozijn* boormachine* schroef* plint* stopcontact*`,
	health: `gezondheid* gezond ziekte* ziek *ziekte arts* huisarts* dokter*
		medicijn* medicatie* pil pillen tablet* symptoom* symptomen klacht*
		klachten therapie* behandeling* patient* ziekenhuis* apotheek*
		vitamine* supplement* afvallen* dieet* diabetes* bloeddruk* cholesterol*
		pijn* hoofdpijn* rugpijn* fysiotherap* mentale* stress*`,
	cars: `auto autos *auto automobiel* motor* kenteken* rijbewijs* garage*
		apk occasion* dealer* benzine* diesel* brandstof* elektrische* laadpaal*
		bestuurder* banden* bandenwissel* autoband* snelweg* parkeer* carkit*
		autoverzekering* voertuig*`,
	finance: `lening* lenen leen* leent geleend krediet* kredietverstrekker*
		doorlopend rente* hypothe* bank banken bankrekening* spaar* sparen
		spaarrekening* beleg* aandeel* aandelen belegger* geld* *geld aflos*
		maandlast* bkr schuld* schulden verzeker* *verzekering premie* polis*
		allrisk casco schadevrij* eigen risico* crypto* cryptomunt* bitcoin*
		ethereum* blockchain* wallet* munt munten *munt koers* beurs* *beurs
		rendement* invest* investeer* belasting* pensioen* oversluit*
		geldverstrekker* financier* financien* financiele* jaarlijkse
		kostenpercentage* inkomen* vermogen* dividend* trading* handelen
		offerte* boete* boetevrij* leenbedrag* looptijd* tokens token`,
	gambling: `casino* *casino gok* gokken gokje gokkast* poker* roulette*
		blackjack* jackpot* welkomstbonus* bonuscode* *bonus spins freespin*
		inzetvereist* speelautomaat* fruitautomaat* kansspel* weddenschap*
		wedden bookmaker* loterij* lotto* speelgeld* croupier* dobbel*
		gokverslaving* sportweddenschap* uitbetalingstabel* slots speelcasino*
		storting* stortingsbonus*`,
	adult: `sex* seks* erotiek* erotisch* escort* porno* naakt* viagra* dating*
		singles* hookup* webcam* camgirl*`,
	links: `linkruil* linkpartner* partnerlink* linklijst* linkpagina* startpagina*
		webgids* linkgids* linkbuilding* backlink* linkfarm* webcatalogus*
		linkdirectory* gastblog* gastartikel* linkruilen`,
};

const EN: FieldWords = {
	garden: `garden* *garden gardener* gardening grow growing grown grower*
		sow sowing sown seed seeds seedling* germinat* harvest* plant plants
		planting planted *plant houseplant* potting soil *soil topsoil*
		compost* manure* mulch* weed weeds weeding weedkiller* hoe spade trowel*
		prune* pruning secateur* tree trees *tree orchard* fruit shrub* hedge*
		hedging lawn* grass mow mowing mower* scarif* aerat* flower* *flower
		bloom* blossom* bulb* tulip* daffodil* crocus* rose roses perennial*
		annual* border borders bed beds raised tomato* chilli* chillies pepper*
		lettuce* bean beans pumpkin* courgette* zucchini* carrot* potato*
		onion* beetroot* cabbage* kale* strawberr* raspberr* herb herbs
		cutting* slug* snail* aphid* caterpillar* mildew* blight* earthworm*
		worm worms bee bees bumblebee* butterfl* hoverfl* pollinat* greenhouse*
		polytunnel* allotment* windowsill pot pots container* nursery* rootstock*
		graft* fertilis* fertiliz* feed feeding fungus* foliage* leaves leaf
		shoot* sucker* frost* hardy overwinter* vegetable* veg veggie*
		wildflower* meadow* pond* catmint* lavender* echinacea* foxglove*
		`,
	cooking: `recipe* cook* cooking kitchen* bake* baking baker* oven* bread*
		loaf loaves dough* flour* yeast* sourdough* focaccia* pan pans skillet*
		knife knives chef* chopping sauce* soup* stew* broth* stock spice*
		spices pepper salt garlic* ginger* onion* olive* butter* cream* cheese*
		meat* chicken* beef* pork* fish seafood* dish dishes meal* dinner*
		breakfast* lunch* supper* taste* tasty flavour* flavor* season*
		seasoning simmer* fry frying fried saute* roast* grill* boil* whisk*
		knead* serve serves serving* portion* teaspoon* tablespoon* curry*
		chickpea* lentil* rice pasta* noodle* salad* dessert* cake* pastry*
		biscuit* cookie* cookbook* castiron cookware* utensil* foodie*`,
	running: `run runs running runner* jog* jogging marathon* parkrun* race racing trail* treadmill* stride* pace* tempo*
		interval* sprint* gait* pronat* overpronat* cushion* shoe shoes
		trainer trainers calf calves injur* shin* hamstring* stretch*
		cooldown* warmup* couch athlet* finish* mileage* club`,
	cycling: `cycl* bike* *bike bicycle* bikepacking ride riding rider*
		puncture* tyre* tire* innertube* chain* derailleur* gear* gears
		saddle* pedal* brake* brakes handlebar* wheel* spoke* rim rims
		valve* gravel* roadbike* mountainbike* mtb sportive* peloton*
		velodrome* commut* pannier* bivvy*`,
	pets: `dog dogs puppy puppies pup pups cat cats kitten* feline*
		canine* pet pets vet vets veterinar* lead leash* collar* harness*
		litter* kibble* treats treat groom* fur* paw paws bark* barking
		wag* fetch* shelter* rescue* adopt* breed* breeder* neuter* spay*
		vaccinat* flea* fleas worming*  obedience* hamster*
		rabbit* guineapig* budgie* aquarium* tortoise* kennel*`,
	travel: `travel* trip* holiday* vacation* hotel* hostel* camping* campsite*
		tent flight* airport* beach* sightseeing* tour* tourist* itinerar*
		accommodation* passport* luggage* backpack* hike* hiking walk walking
		village* views view scenic*`,
	home: `diy renovat* decorat* paint* painting wallpaper* floor* flooring
		tile* tiles bathroom* kitchen worktop* furniture* cupboard* shelf*
		shelves insulat* plumb* plumbing drill* screw* skirting* socket*`,
	health: `health* healthy illness* disease* doctor* gp symptom* medic*
		medicine* pill pills tablet* therap* treatment* patient* hospital*
		pharmac* vitamin* supplement* diet* weightloss diabetes* bloodpressure cholesterol* pain* headache* physio* mental* stress*`,
	cars: `car cars vehicle* driver* driving motor* engine* petrol* diesel*
		fuel* garage* mot dealer* tyres ev evs charging* parking* motorway*
		mileage licence* license*`,
	finance: `loan* borrow* lend* lender* credit* debt* interest apr mortgage*
		bank bank* banking saving* savings invest* investment* investor*
		stock* shares dividend* fund funds pension* tax* insur* insurer*
		premium* policy excess claim* comprehensive
		crypto* cryptocurrenc* bitcoin* ethereum* blockchain* wallet* token*
		coin coins exchange* trading* trade* staking* apy yield* money* cash
		payday* instalment* repay* repayment* afford* budget* finance*
		financial* quote* quotes broker* equity*`,
	gambling: `casino* gambl* gamble* bet bets betting bettor* wager* wagering
		poker* roulette* blackjack* baccarat* jackpot* slot slots spins
		freespins bonus* bookmaker* bookie* odds lottery* lotto* bingo*
		croupier* dealer dice deposit* withdraw* payout* sportsbook*`,
	adult: `sex* sexy porn* erotic* escort* xxx nude* naked* viagra* cialis*
		dating* singles* hookup* webcam* camgirl* adult*`,
	links: `backlink* linkexchange* linkbuilding* directory* blogroll*
		guestpost* pagerank* linkfarm* linkswap*`,
};

const DE: FieldWords = {
	garden: `garten* *garten gartner* gartnerei* gemuse* *gemuse anbau* anbauen
		pflanz* *pflanze *pflanzen saat* saen gesat aussaat* samen* *samen
		keimen keimling* ernte* ernten erde *erde blumenerde* pflanzerde* boden*
		kompost* mist dunger* *dunger mulch* unkraut* jaten hacke* spaten*
		giesskanne* giessen rosenschere* baum baume *baum obstbaum* obstbaume*
		strauch* straucher* hecke* *hecke rasen* *rasen mahen rasenmaher*
		vertikut* blume* *blume *blumen blute* bluten blumenzwiebel* tulpe*
		narzisse* krokus* rose rosen *rose *rosen staude* beet beete *beet
		hochbeet* gemusebeet* tomate* *tomate *tomaten salat* bohne* kurbis*
		zucchini* mohre* mohren karotte* kartoffel* *kartoffel *kartoffeln kohl
		*kohl erdbeer* himbeer* beere* *beere krauter* steckling* schnecke*
		*schnecke *schnecken schneckenzaun* blattlaus* blattlause* raupe*
		mehltau* regenwurm* biene* *biene hummel* schmetterling* gewachshaus*
		fruhbeet* kubel* balkonkasten* blumentopf* gartencenter* baumschule*
		starkzehrer* schwachzehrer* mittelzehrer* vorkeimen vorgekeimt* knolle*
		*knolle laub *laub geholz* rasensode* grasnarbe* moos* kalkung* obst*
		apfelbaum* rosendunger* gemusegarten* kleingarten*`,
	cooking: `rezept* kochen kocht kuche *kuche kuchen* backen backt gebacken
		backerei* backofen* ofen brot *brot brotchen* teig* mehl *mehl
		sauerteig* hefe* pfanne* *pfanne topf *topf messer *messer kochmesser*
		schneidebrett* schleifstein* wetzstahl* suppe* *suppe eintopf* sosse*
		sauce* bruhe* gemusebruhe* gewurz* *gewurz pfeffer salz knoblauch*
		ingwer* zwiebeln olivenol* butter* sahne* kase* fleisch* hackfleisch*
		hahnchen* wurst* wurstchen* gericht* mahlzeit* abendessen* fruhstuck*
		mittagessen* geschmack* schmeckt schmecken abschmecken* wurzen anbraten*
		braten* andunsten* dunsten* kocheln* koecheln garen stuckgare* krume
		kruste* laib servier* portion* essloffel* teeloffel* prise torte*
		geback* nachtisch* dessert* nudel* reis linse* linsen *linsen lorbeer*
		kuchenmesser* kuchengerat* kochbuch* koch koche koch* brotgewurz*
		roggenbrot* roggen* weizen* vollkorn*`,
	running: `lauf laufe laufen laufer* lauft laufschuh* laufband* laufanalyse*
		laufstil* lauftreff* laufladen* dauerlauf* marathon* halbmarathon*
		trainingsplan* intervall* tempolauf* sprint* athlet* leichtathletik*
		wade waden verletzung* schienbein* puls* wettkampf* zieleinlauf*
		pronation* uberpronation* dampfung* sportschuh* trail* trailschuh*
		jogg* neutrallaufer*`,
	cycling: `fahrrad* *fahrrad radfahr* radtour* radweg* *radweg radreise*
		rennrad* mountainbike* kette ketten kettenreiniger* kettenol*
		kettenlehre* kettennieter* kettenschloss* kettenblatt* ritzel* reifen*
		schlauch* bremse* bremsen schaltung* sattel* pedal* speiche* felge*
		lenker* packtasche* fahrradwerkstatt* ebike* bike bikes radler*
		elberadweg* fernradweg*`,
	pets: `hund hunde *hund hundchen* hundeschule* hundefutter* welpe* welpen*
		katze katzen* *katze kater kitten* katzchen* haustier* tierarzt*
		futter* *futter katzenfutter* leckerli* gassi leine* halsband*
		katzenklo* kratzbaum* fell kaninchen* meerschwein* hamster* tierheim*
		floh flohe entwurm* kastr* zuchter* napf pfote* pfoten bellen* apport*
		ruckruf* gehorsam* impfpass* tier tiere welpenkurs* beisshemmung*`,
	travel: `urlaub* reise* *reise reisen rundreise* hotel* camping* zelt* zelten
		flug* flughafen* strand* stadtereise* sehenswurdig* unterkunft*
		ubernacht* pension* tourist* wander* ferienwohnung* gepack* reisepass*
		ausflug* aussicht* dorf dorfer`,
	home: `renovier* heimwerk* streichen farbe* tapete* fussboden* laminat*
		fliese* badezimmer* mobel* schrank* regal* dammung* bohrmaschine*
		schraube* steckdose* einrichtung* wohnzimmer* schlafzimmer*`,
	health: `gesundheit* gesund krankheit* krank *krankheit arzt arzte hausarzt*
		medikament* tablette* symptom* beschwerde* therapie* behandlung*
		patient* krankenhaus* apotheke* vitamin* nahrungserganzung* diat*
		abnehmen* diabetes* blutdruck* cholesterin* schmerz* kopfschmerz*
		ruckenschmerz* physiotherap* stress*`,
	cars: `auto autos *auto fahrzeug* *fahrzeug kfz fuhrerschein* werkstatt*
		tuv benzin* diesel* kraftstoff* tankstelle* ladesaule* autofahrer*
		autobahn* parkplatz* gebrauchtwagen* autohaus* motor* typklasse*
		regionalklasse* fahrleistung*`,
	finance: `kredit* *kredit ratenkredit* darlehen* leihen zins *zins zinsen
		zinssatz* effektiv* jahreszins* hypothek* baufinanzierung* bank banken
		sparen sparplan* sparkonto* anlage* anleger* aktie* aktien
		dividende* fonds depot* altersvorsorge* steuer* versicher* *versicherung
		versicherer* beitrag* police selbstbeteiligung* haftpflicht* teilkasko*
		vollkasko* schadenfreiheit* krypto* kryptowahrung* kryptoborse*
		bitcoin* ethereum* blockchain* wallet* coin coins borse* *borse
		kurs kurse kursschwankung* staking* rendite* invest* investier* geld
		*geld schufa* tilgung* sondertilgung* monatsrate* rate raten finanzier*
		finanz* laufzeit* einkommen* vermogen* schulden* trading* broker*
		token* kreditentscheidung* kfz-versicherung`,
	gambling: `casino* *casino glucksspiel* spielautomat* automatenspiel* poker*
		roulette* blackjack* baccarat* jackpot* freispiel* *bonus bonus
		einzahlungsbonus* umsatzbedingung* wette wetten sportwette* buchmacher*
		lotterie* lotto* spielbank* croupier* wurfel spielsucht* auszahlung*
		slots spins`,
	adult: `sex* erotik* erotisch* escort* porno* nackt* viagra* dating*
		singles* webcam* seitensprung*`,
	links: `linktausch* linkpartner* backlink* linkverzeichnis* webkatalog*
		linkliste* linkseite* linkbuilding* gastartikel* gastbeitrag* linkfarm*`,
};

export const TOPIC_WORDS: Readonly< Record< 'nl' | 'en' | 'de', FieldWords > > =
	{ nl: NL, en: EN, de: DE };
