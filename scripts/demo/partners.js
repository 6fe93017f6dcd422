'use strict';
/**
 * The demo's partner sites: one HTTP server on loopback that answers for
 * every named host by its Host header. The service reaches them through
 * `--resolve name:port:127.0.0.1` (its SSRF guard stays on), so the demo
 * never touches the internet.
 *
 * Each site shows one case the plugin should recognise:
 *   tuinhulp.test       natural in-content link back to one of our posts
 *   zaadwinkel.test     footer "Partners" list on every page, exact-match anchor (footer swap)
 *   moestuinforum.test  its homepage links to our homepage; our post links to its homepage
 *                       (a friends-section backlink, no homepage swap: our end is a post)
 *   kasplanten.test     keyword-stuffed anchors back to us; ours to them is stuffed too
 *   bloembollen.test    a backlink hidden with display:none
 *   casinobonus.test    links back, but is about casino bonuses (unrelated partner)
 * Only moestuinforum's and zaadwinkel's homepages link to us (the homepage
 * swap and the site-wide footer); the others link from the page we link to.
 *   linkgids.test       a link directory: 60 "partners" on one page, us among them
 *   tuincentrum.test    never links back (a plain outbound link, for contrast)
 */
const http = require( 'node:http' );

const KEYWORDS = [
	'biologisch tuinieren',
	'moestuin tips',
	'kasplanten kopen',
];

const GARDEN_TEXT =
	'<p>Compost, mulch en wisselteelt houden een moestuin gezond zonder gif. Zaai bonen en sla in het voorjaar, geef water vroeg in de ochtend en laat de bodem nooit kaal liggen in de winter.</p>' +
	'<p>Een groenbemester zoals phacelia of klaver voedt de grond en lokt bijen naar de tuin.</p>';

function page( title, body, { footer = '', head = '' } = {} ) {
	return [
		'<!doctype html>',
		'<html lang="nl">',
		`<head><meta charset="utf-8"><title>${ title }</title>${ head }</head>`,
		'<body>',
		`<header><nav><a href="/">Home</a> <a href="/over-ons/">Over ons</a></nav></header>`,
		`<main><h1>${ title }</h1>${ body }</main>`,
		`<footer>${ footer }<p>© ${ title }</p></footer>`,
		'</body>',
		'</html>',
	].join( '\n' );
}

/**
 * Routes per host. `home` is our WordPress's homepage URL (with a trailing
 * slash), `post( slug )` the URL of one of our demo posts.
 *
 * @param {{ home: string, post: ( slug: string ) => string }} ours
 * @return {Record<string, Record<string, string>>} host → path → HTML ('*' = any path).
 */
function partnerSites( ours ) {
	const { home } = ours;
	const directoryLinks = Array.from(
		{ length: 59 },
		( _, i ) =>
			`<li><a href="http://site-${ i + 1 }.example/">Tuinsite ${
				i + 1
			}</a></li>`
	);
	directoryLinks.splice(
		23,
		0,
		`<li><a href="${ home }">moestuin tips</a></li>`
	);
	return {
		'tuinhulp.test': {
			'/': page(
				'Tuinhulp',
				`${ GARDEN_TEXT }<p>Lees onze <a href="/composteren/">compostgids</a>.</p>`
			),
			'/composteren/': page(
				'Composteren voor beginners',
				`${ GARDEN_TEXT }<p>Een compostvat vullen doe je in laagjes: groen, bruin, groen. Bij <a href="${ ours.post(
					'compost-maken-in-tien-weken'
				) }">De Moestuinier las ik hoe zij hun hoop in tien weken rijp krijgen</a>, en dat werkt ook in een kleine stadstuin.</p>`
			),
		},
		'zaadwinkel.test': {
			'*': page(
				'Zaadwinkel',
				`${ GARDEN_TEXT }<p>Biologische zaden van oude rassen: tomaat, boon, pompoen.</p>`,
				{
					footer: `<h2>Partners</h2><ul><li><a href="${ home }">biologisch tuinieren</a></li><li><a href="http://bloemenweb.example/">Bloemenweb</a></li><li><a href="http://tuinmeubels.example/">Tuinmeubels</a></li></ul>`,
				}
			),
		},
		'moestuinforum.test': {
			'/': page(
				'Moestuinforum',
				`${ GARDEN_TEXT }<p>Vragen over je moestuin? Ons forum helpt.</p><h2>Vrienden van het forum</h2><p><a href="${ home }">De Moestuinier</a></p>`
			),
			'*': page(
				'Moestuinforum',
				`${ GARDEN_TEXT }<p>Een draad over slakken in de sla.</p>`
			),
		},
		'kasplanten.test': {
			'/': page(
				'Kasplanten',
				`${ GARDEN_TEXT }<p>Tomaten, paprika en komkommer uit eigen kas.</p>`
			),
			'/tomaten-voorzaaien/': page(
				'Tomaten voorzaaien',
				`${ GARDEN_TEXT }<p>Zaai tomaten in maart op de vensterbank of in de kas. Meer weten over <a href="${ home }">biologisch tuinieren</a>? Lees dan ook <a href="${ home }">moestuin tips</a>.</p>`
			),
		},
		'bloembollen.test': {
			'/': page(
				'Bloembollen',
				`${ GARDEN_TEXT }<p>Tulpen, narcissen en krokussen voor elke tuin.</p>`
			),
			'/tulpen-planten/': page(
				'Tulpen planten',
				`${ GARDEN_TEXT }<p>Tulpen, narcissen en krokussen plant je in oktober, twee keer zo diep als de bol hoog is.</p><div style="display:none"><a href="${ home }">moestuin tips</a></div>`
			),
		},
		'casinobonus.test': {
			'/': page(
				'Casino bonussen',
				'<p>Gokkasten, poker en roulette met een welkomstbonus. Jackpotkansen en free spins voor elk spel.</p>'
			),
			'/vrienden/': page(
				'Casino bonussen',
				'<p>Gokkasten, poker en roulette met een welkomstbonus. Jackpotkansen, uitbetalingstabellen en free spins voor elk spel in het online casino.</p><p>Inzetten, gokken en winnen met de beste bonuscodes van deze maand.</p>' +
					`<p><a href="${ home }">Vrienden</a></p>`
			),
		},
		'linkgids.test': {
			'/': page(
				'Linkgids Tuin',
				`<p>De grootste gids met tuinlinks. Ruil een link met ons!</p><p><a href="/tuin/">Alle tuinsites</a></p>`
			),
			'/tuin/': page(
				'Tuinsites',
				`<p>Alle partners in de categorie tuin:</p><ul>${ directoryLinks.join(
					''
				) }</ul>`
			),
		},
		'tuincentrum.test': {
			'*': page(
				'Tuincentrum De Linde',
				`${ GARDEN_TEXT }<p>Open van maandag tot zaterdag.</p>`
			),
		},
	};
}

/**
 * Starts the partner server.
 *
 * @param {Object}                                             options
 * @param {number}                                             options.port 0 for any free port.
 * @param {{ home: string, post: ( slug: string ) => string }} options.ours Our site's URLs.
 * @return {Promise<{ port: number, hosts: string[], url: ( host: string, path?: string ) => string, resolveEntries: string[], close: () => Promise<void> }>} The running server.
 */
async function startPartners( { port, ours } ) {
	const sites = partnerSites( ours );
	const server = http.createServer( ( req, res ) => {
		const host = String( req.headers.host ?? '' )
			.replace( /:\d+$/, '' )
			.toLowerCase();
		const routes = sites[ host ];
		const path = ( req.url ?? '/' ).split( '?' )[ 0 ];
		if ( routes && path === '/robots.txt' ) {
			res.writeHead( 200, { 'content-type': 'text/plain' } );
			res.end( 'User-agent: *\nAllow: /\n' );
			return;
		}
		const body = routes ? ( routes[ path ] ?? routes[ '*' ] ) : undefined;
		if ( body === undefined ) {
			res.writeHead( 404, { 'content-type': 'text/plain' } );
			res.end( 'not found' );
			return;
		}
		res.writeHead( 200, { 'content-type': 'text/html; charset=utf-8' } );
		res.end( req.method === 'HEAD' ? undefined : body );
	} );
	// Keep-alive sockets would hold close() open: track and end them.
	const sockets = new Set();
	server.on( 'connection', ( socket ) => {
		sockets.add( socket );
		socket.on( 'close', () => sockets.delete( socket ) );
	} );
	await new Promise( ( resolve, reject ) => {
		server.once( 'error', reject );
		server.listen( port, '127.0.0.1', resolve );
	} );
	const actual = server.address().port;
	const hosts = Object.keys( sites );
	return {
		port: actual,
		hosts,
		url: ( host, path = '/' ) => `http://${ host }:${ actual }${ path }`,
		resolveEntries: hosts.map(
			( host ) => `${ host }:${ actual }:127.0.0.1`
		),
		close: () =>
			new Promise( ( resolve ) => {
				for ( const socket of sockets ) {
					socket.destroy();
				}
				server.close( () => resolve() );
			} ),
	};
}

module.exports = { KEYWORDS, partnerSites, startPartners };
