/* English texts of the relevance pair set (see types.ts). */
import { labels } from './label';
import type { Pair, PairText } from './types';

const { related, unrelated } = labels( 'tune' );

const post = ( field: string, title: string, text: string ): PairText => ( {
	lang: 'en',
	field,
	kind: 'post',
	title,
	text,
} );
const page = ( field: string, title: string, text: string ): PairText => ( {
	lang: 'en',
	field,
	kind: 'page',
	title,
	text,
} );

export const EN_TEXTS: Record< string, PairText > = {
	'en-chillies': post(
		'garden',
		'Growing chillies on a sunny windowsill',
		`I sowed my chilli seeds in February, two to a small pot, on a heat mat by the kitchen window. They took almost three weeks to germinate, which nearly made me give up.

Now the plants are knee high, flowering, and I brush them with a feather every few days to help pollination. Feeding starts when the first pods set.`
	),
	'en-raised-beds': page(
		'garden',
		'How to build and fill a raised bed',
		`A raised bed warms up faster in spring, drains better on heavy clay and saves your back. Untreated larch or Douglas fir boards last ten years or more; avoid old railway sleepers, which can leak tar into the soil. A bed 1.2 metres wide lets you reach the middle from both sides without stepping on the soil.

Fill the bottom third with coarse material: branches, twigs and upturned turf. Add a layer of half-rotted leaves or manure, then top off with thirty centimetres of good topsoil mixed with garden compost. The lower layers slowly break down and feed the bed for years, though the level will sink a little each season and needs topping up.

Plant closely: in a raised bed you can grow in blocks rather than rows, which shades out weeds. Lettuce, carrots, beetroot and herbs do especially well. Mulch the surface in summer to keep moisture in, and cover the bed with cardboard or a green manure over winter so the soil is not left bare.`
	),
	'en-hedges': page(
		'garden',
		'When and how to trim a hedge',
		`Most formal hedges need cutting once or twice a year. Privet, box and hawthorn grow quickly and look best with a trim in late spring and again in late summer; yew and holly are happy with a single cut in August. Always check for nesting birds before you start: it is an offence to disturb an active nest, so the main nesting season from March to August calls for care.

Shape the hedge so it is slightly wider at the base than at the top. This lets light reach the lower branches and stops the bottom from going bare. Use a taut string line as a guide for a level top, and work from the bottom upwards on the sides.

Hand shears give the neatest finish on small-leaved hedges, while a powered hedge trimmer saves hours on long runs. Large-leaved shrubs such as laurel are better cut with secateurs, because a trimmer slices the leaves in half and leaves them brown. Rake up the clippings and add them to the compost heap in thin layers.`
	),
	'en-bees': post(
		'garden',
		'Our first summer with a bee-friendly border',
		`Last autumn we dug up a strip of lawn and planted lavender, catmint, echinacea and a few foxgloves. This summer the border hummed from morning to dusk.

We counted bumblebees, honeybees, hoverflies and two kinds of butterfly. Next year we want to add early flowers, because nothing was in bloom in March.`
	),
	'en-orchard': page(
		'garden',
		'Planting a small orchard',
		`Even a garden of modest size has room for a few fruit trees if you choose the right rootstock. Apples on M26 or M9 stay under three metres, crop within three years and can be planted two to three metres apart. Plums on Pixy and pears on Quince C are similarly compact.

Plant bare-root trees between November and March, when they are dormant. Dig a wide, shallow hole, spread the roots out, and keep the graft union well above the soil. Drive a stake in on the side of the prevailing wind and tie the trunk with a flexible tie. Water well in the first two summers and keep a metre-wide circle around each trunk free of grass.

Most apples need a pollination partner that flowers at the same time, so check the flowering group before you buy. A crab apple nearby can do the job for several trees. Thin the fruitlets in June to one or two per cluster for larger, better-tasting fruit and to stop the tree cropping only every other year.`
	),
	'en-bread': post(
		'cooking',
		'A simple weekday focaccia',
		`This focaccia needs five minutes of work in the morning and bakes in twenty minutes after work. Mix flour, water, yeast and salt into a sticky dough and leave it in the fridge all day.

In the evening, tip it into an oiled tin, dimple it with your fingers, scatter rosemary and flaky salt, and bake it hot. It is gone before dinner is.`
	),
	'en-cast-iron': page(
		'cooking',
		'Caring for cast iron pans',
		`A cast iron pan will outlive you if you treat it right. Its non-stick surface comes from seasoning: thin layers of oil that have been heated until they bond to the metal. New pans are usually pre-seasoned, but the coating improves with every use.

After cooking, rinse the pan with hot water and scrub off stuck food with a brush or coarse salt. A little washing-up liquid will not harm a well-seasoned pan, but never leave it soaking in the sink. Dry it on the hob over low heat, then rub a few drops of oil into the surface with kitchen paper.

Cast iron holds heat beautifully, which makes it perfect for searing steak, frying potatoes or baking cornbread in the oven. Acidic dishes such as tomato sauce can strip a young seasoning, so wait until the pan is well broken in. If rust appears, scour it off with steel wool and re-season the pan in the oven at 230 degrees for an hour.`
	),
	'en-curry': page(
		'cooking',
		'Chickpea and spinach curry in thirty minutes',
		`This curry is a store-cupboard favourite: a tin of chickpeas, a tin of tomatoes, a bag of spinach and a few spices. It serves four.

Heat two tablespoons of oil in a deep pan and fry a chopped onion until golden. Add three cloves of garlic, a thumb of ginger and a green chilli, all finely chopped, and cook for a minute. Stir in a teaspoon each of cumin, coriander and turmeric and half a teaspoon of garam masala, and let the spices sizzle until fragrant.

Add the tomatoes and the drained chickpeas with a splash of water and simmer for fifteen minutes. Stir in the spinach a handful at a time until it wilts, then finish with a squeeze of lemon and a spoonful of yoghurt. Serve with rice or warm naan.`
	),
	'en-couch-5k': post(
		'running',
		'From the sofa to 5K in nine weeks',
		`I started the plan in January, running for one minute and walking for ninety seconds. Three times a week, always in the dark before work.

Last Saturday I ran my first parkrun without stopping: 34 minutes and a very red face. Next goal: a 10K in the autumn.`
	),
	'en-running-shop': page(
		'running',
		'Find your perfect running shoe',
		`Every runner is different, which is why our stores offer a free gait analysis. We watch you run on a treadmill for a minute and look at how your foot lands and rolls. Runners whose arches collapse inwards may benefit from a stability shoe; neutral runners have the widest choice.

Cushioning matters most on long runs and for heavier runners, while lightweight racing flats and carbon-plated shoes suit faster sessions and race day. If you run mostly on muddy trails, choose a trail shoe with deep lugs and a protective toe cap.

A running shoe lasts around 500 to 800 kilometres. Keep a note of when you bought your pair, and replace them when the midsole feels flat. Members of our run club get fifteen percent off and join our free Thursday evening group runs.`
	),
	'en-bikepacking': post(
		'cycling',
		'Bikepacking the South Downs Way',
		`Three days, 160 kilometres of chalk tracks, and a lot of pushing up hills that looked gentle on the map. We carried a bivvy bag each, a stove and far too many flapjacks.

The views from Ditchling Beacon made every climb worth it. My gravel bike coped fine, though wider tyres would have been kinder on the descents.`
	),
	'en-bike-repair': page(
		'cycling',
		'Fixing a puncture at the roadside',
		`Every cyclist should be able to fix a flat tyre. You need tyre levers, a spare inner tube or a patch kit, and a pump or CO2 inflator that fits your valves.

Shift into the smallest rear cog and release the brake if needed, then remove the wheel. Hook a tyre lever under the bead opposite the valve and run a second lever round the rim until one side of the tyre comes free. Pull out the tube and run your fingers carefully round the inside of the tyre to find the thorn or glass that caused the puncture: if you skip this, your new tube will go flat straight away.

Put a little air in the new tube so it holds its shape, push the valve through the rim and tuck the tube inside the tyre. Work the bead back over the rim with your thumbs, starting at the valve. Inflate to the pressure printed on the sidewall, refit the wheel and check that the brakes work before you ride off.`
	),
	'en-kitten': post(
		'pets',
		'Bringing home two rescue kittens',
		`Pepper and Salt came home from the shelter last week. We kept them in the spare room for the first days with their litter tray, food and a cardboard box to hide in.

Now they race through the whole house at three in the morning. The vet says they are healthy; vaccinations are booked for next month.`
	),
	'en-dog-training': page(
		'pets',
		'Teaching your dog to walk on a loose lead',
		`Pulling on the lead is the most common problem dog owners bring to our classes. Dogs pull because it works: every step forward on a tight lead is a reward. The fix is to make a loose lead the only way to move forward.

Start in a quiet place with tasty treats. Whenever the lead goes tight, stop and stand still. The moment your dog looks back or steps towards you and the lead slackens, mark it with a word such as "yes" and give a treat by your leg. Then walk on. Keep sessions short, five to ten minutes, and end on a success.

Gradually practise in busier places. A front-clip harness can help with strong dogs while they learn, but it is a management tool, not a training method. Avoid choke chains and prong collars: pain makes dogs anxious and often makes pulling worse. Our six-week loose lead course starts every month in the village hall.`
	),
	'en-casino': page(
		'gambling',
		'Top UK online casinos with free spins',
		`Looking for the best online casino bonus? We review every UK-licensed casino and rank them by welcome offer, game selection and payout speed. New players can claim up to 200 free spins on popular slots, or a 100 percent deposit match up to 500 pounds.

Before you claim a bonus, read the wagering requirements. A 35x wagering requirement means you must bet thirty-five times the bonus amount before you can withdraw any winnings. Table games such as blackjack and roulette often contribute only a fraction.

Our top-rated casinos offer live dealer games, progressive jackpots and withdrawals within 24 hours. Please gamble responsibly: set deposit limits, take breaks and never chase your losses. 18+ only.`
	),
	'en-payday': page(
		'finance',
		'Payday loans and short-term credit explained',
		`A payday loan is a small, short-term loan designed to cover an unexpected expense until your next payday. Amounts usually range from 100 to 1,000 pounds, repaid in one to six monthly instalments. Approval can be fast, often within minutes, and the money may reach your account the same day.

The cost is high. Interest on short-term credit is capped, but the representative APR can still run into hundreds of percent. Never borrow more than you can repay, and check whether a credit union loan, an overdraft or a budgeting advance would be cheaper.

Applying involves a credit check and an affordability assessment of your income and outgoings. Missing a repayment can damage your credit score and lead to fees. If you are struggling with debt, free and confidential advice is available from debt charities.`
	),
	'en-crypto': page(
		'finance',
		'Buy Bitcoin and Ethereum instantly',
		`Join millions of users trading crypto on our exchange. Buy Bitcoin, Ethereum, Solana and more than 250 tokens with a debit card or bank transfer, with fees from 0.1 percent per trade.

Your assets are stored in secure cold wallets, and two-factor authentication protects your account. Earn up to 7 percent APY by staking eligible coins, or set up recurring buys to invest a fixed amount every week.

Cryptoassets are highly volatile and unregulated in some jurisdictions. The value of your investment can go down as well as up, and you may lose all the money you invest. Only invest what you can afford to lose.`
	),
	'en-car-insurance': page(
		'finance',
		'Compare cheap car insurance quotes',
		`Compare car insurance quotes from over a hundred insurers in five minutes. Third party only is the legal minimum and covers damage you cause to other people and their property. Third party, fire and theft adds cover if your car is stolen or catches fire, and comprehensive cover also pays for damage to your own car.

Your premium depends on your age, your postcode, the car you drive, your annual mileage and your no-claims bonus. Adding an experienced named driver or fitting a telematics box can lower the price for young drivers. Paying annually rather than monthly usually saves money too.

Check the excess before you buy: a higher voluntary excess lowers the premium but means you pay more if you claim.`
	),
};

export const EN_PAIRS: Pair[] = [
	related( 'en-chillies', 'en-raised-beds' ),
	related( 'en-chillies', 'en-hedges' ),
	related( 'en-chillies', 'en-orchard' ),
	related( 'en-bees', 'en-raised-beds' ),
	related( 'en-bees', 'en-hedges' ),
	related( 'en-bees', 'en-orchard' ),
	related(
		'en-chillies',
		'en-curry',
		'borderline: growing chillies and cooking with them'
	),
	related( 'en-bread', 'en-cast-iron' ),
	related( 'en-bread', 'en-curry' ),
	related( 'en-couch-5k', 'en-running-shop' ),
	related( 'en-bikepacking', 'en-bike-repair' ),
	related( 'en-kitten', 'en-dog-training', 'borderline: both about pets' ),
	unrelated( 'en-chillies', 'en-casino' ),
	unrelated( 'en-chillies', 'en-payday' ),
	unrelated( 'en-bees', 'en-crypto' ),
	unrelated( 'en-bees', 'en-car-insurance' ),
	unrelated( 'en-bread', 'en-casino' ),
	unrelated( 'en-bread', 'en-payday' ),
	unrelated( 'en-couch-5k', 'en-crypto' ),
	unrelated( 'en-couch-5k', 'en-casino' ),
	unrelated( 'en-bikepacking', 'en-car-insurance' ),
	unrelated( 'en-bikepacking', 'en-payday' ),
	unrelated( 'en-kitten', 'en-casino' ),
	unrelated( 'en-kitten', 'en-crypto' ),
	unrelated( 'en-chillies', 'en-bike-repair' ),
	unrelated( 'en-bread', 'en-dog-training' ),
	unrelated( 'en-couch-5k', 'en-orchard' ),
	unrelated( 'en-kitten', 'en-bike-repair' ),
	unrelated( 'en-bikepacking', 'en-cast-iron' ),
	unrelated( 'en-bees', 'en-running-shop' ),
];

// Held out: written after the relevance code and lexicon were changed,
// only scored (see types.ts).
const held = labels( 'holdout' );

export const EN_HOLDOUT_TEXTS: Record< string, PairText > = {
	'en-potatoes': post(
		'garden',
		'Earthing up our first potatoes',
		`We chitted the seed potatoes on the windowsill in February and planted them out at Easter. Every time the shoots reached a hand high we drew soil up around them.

Yesterday we lifted the first plants: a bucket of small, waxy new potatoes, eaten within the hour with butter and mint.`
	),
	'en-water-butt': page(
		'garden',
		'Saving rainwater in the garden',
		`A single water butt connected to a downpipe can collect more than five thousand litres of rain in a year. Rainwater is better for ericaceous plants such as blueberries and camellias than hard tap water, and using it keeps your metered bill down.

Fit a diverter kit to the downpipe so the butt fills without overflowing, raise it on a stand so a watering can fits under the tap, and keep a lid on to stop algae and mosquitoes. Link two or three butts together if your roof is large.

In a dry spell, water in the early morning or evening, at the base of plants rather than over the leaves. A thick mulch of bark or compost reduces evaporation from the soil by up to seventy percent.`
	),
	'en-wildlife-pond': page(
		'garden',
		'Make a wildlife pond in a weekend',
		`Even a washing-up bowl sunk into the ground will attract insects, but a pond of a couple of square metres brings frogs, newts and dragonflies. Choose a sunny spot away from overhanging trees.

Give the pond at least one gently sloping side so hedgehogs and frogs can climb out, a shallow shelf for marginal plants and a deeper area in the middle. Line the hole with sand or old carpet, then a flexible liner, and fill it with rainwater rather than tap water, which is rich in nutrients that feed algae.

Plant native species such as water forget-me-not, marsh marigold and hornwort. Don't add fish: they eat tadpoles and insect larvae.`
	),
	'en-sportsbook': page(
		'gambling',
		'Best betting sites and free bets this weekend',
		`Compare the latest free bet offers from UK bookmakers. Bet 10 pounds on any football match and get 30 pounds in free bets, or boost your accumulator odds by up to fifty percent on Premier League games.

Our tipsters preview every weekend fixture with predictions for both teams to score, correct score and first goalscorer markets. In-play betting and cash out let you settle a bet before the final whistle.

Free bets expire after seven days and stakes are not returned. New customers only, 18+. Please bet responsibly.`
	),
	'en-mortgage': page(
		'finance',
		'Remortgaging: when to switch your deal',
		`When your fixed-rate mortgage ends, most lenders move you onto their standard variable rate, which is often several percentage points higher. Start looking for a new deal six months before your current one expires.

The loan-to-value ratio matters: as you pay down the mortgage and house prices rise, you may fall into a cheaper band. Compare arrangement fees as well as interest rates, because a low rate with a high fee can cost more on a small loan. Check for early repayment charges before you switch.

A mortgage broker can search the whole market and handle the application for you.`
	),
	'en-knitting': post(
		'crafts',
		'My first pair of hand-knitted socks',
		`It took me six weeks, two false starts and a lot of unpicking, but I finally finished a pair of socks. I used a merino and nylon yarn on 2.5 mm double-pointed needles.

Turning the heel was the scary part. The second sock went much faster than the first.`
	),
	'en-hike': page(
		'travel',
		'A day hike on Helvellyn via Striding Edge',
		`Striding Edge is the classic route to the summit of Helvellyn, England's third-highest mountain. Start from Glenridding and follow the path past the Hole in the Wall to the start of the ridge.

The scramble along the edge is exposed; in wind, rain or snow take the path just below the crest or choose another route. From the summit plateau, descend via Swirral Edge and Red Tarn back to the valley. Allow six to seven hours.

Carry a map, compass, waterproofs and plenty of food and water, and check the mountain weather forecast before you set off.`
	),
	'en-seed-swap': post(
		'garden',
		'Notes from our village seed swap',
		`Thirty people came to the village hall on Saturday with envelopes of saved seed: climbing beans, tomatoes, marigolds and some very old local peas.

I went home with far more than I brought, and a long list of people to ask for advice.`
	),
};

export const EN_HOLDOUT_PAIRS: Pair[] = [
	held.related( 'en-potatoes', 'en-water-butt' ),
	held.related( 'en-potatoes', 'en-wildlife-pond' ),
	held.related( 'en-potatoes', 'en-raised-beds' ),
	held.related( 'en-seed-swap', 'en-water-butt' ),
	held.related( 'en-seed-swap', 'en-orchard' ),
	held.related( 'en-seed-swap', 'en-wildlife-pond' ),
	held.related( 'en-bees', 'en-wildlife-pond' ),
	held.related( 'en-chillies', 'en-water-butt' ),
	held.related(
		'en-bikepacking',
		'en-hike',
		'borderline: both about outdoor trips'
	),
	held.unrelated( 'en-potatoes', 'en-sportsbook' ),
	held.unrelated( 'en-potatoes', 'en-mortgage' ),
	held.unrelated( 'en-seed-swap', 'en-sportsbook' ),
	held.unrelated( 'en-seed-swap', 'en-payday' ),
	held.unrelated( 'en-knitting', 'en-sportsbook' ),
	held.unrelated( 'en-knitting', 'en-crypto' ),
	held.unrelated( 'en-knitting', 'en-water-butt' ),
	held.unrelated( 'en-couch-5k', 'en-mortgage' ),
	held.unrelated( 'en-kitten', 'en-sportsbook' ),
	held.unrelated( 'en-bread', 'en-wildlife-pond' ),
	held.unrelated( 'en-potatoes', 'en-hike' ),
];
