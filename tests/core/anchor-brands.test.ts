/**
 * Issue 15 item 3: anchor classes separate our keywords (and their close
 * variants) from names — the partner's own name (stated site name, title
 * segments naming the site, domain words) and our brand terms are branded.
 */
import { classifyAnchor } from '../../src/core/anchors';
import { analyzeHtml } from '../../src/core/extract';
import { namesBrand, partnerNames } from '../../src/core/partner-names';
import { evaluatePost } from '../../src/core/rules';
import { SettingsSchema } from '../../src/core/settings';
import { ourLink, page, post, result } from './fixtures/rules';

const DEMO = SettingsSchema.parse( {
	keywords: [ 'biologisch tuinieren', 'moestuin tips', 'kasplanten kopen' ],
	brandTerms: [ 'De Moestuinier', 'Moestuinier' ],
} );

describe( 'the partner’s name is branded', () => {
	// The demo's "Zaden kiezen voor het voorjaar" links to
	// tuincentrum.test ("Tuincentrum De Linde"), which never links back.
	it( 'does not call our anchor "Tuincentrum De Linde" exact-match when it is their title', () => {
		const href = 'http://tuincentrum.test:8889/';
		const link = ourLink( { href, text: 'Tuincentrum De Linde' } );
		const input = post(
			[ link ],
			[
				result( href, [], {
					page: page( href, {
						title: 'Tuincentrum De Linde',
						h1: 'Tuincentrum De Linde',
						textSample: 'Open van maandag tot zaterdag.',
					} ),
				} ),
			]
		);
		const findings = evaluatePost( input, DEMO );
		expect(
			findings.filter( ( f ) => f.code.startsWith( 'exact-match' ) )
		).toEqual( [] );
	} );

	it( 'knows the name from the domain words alone (the editor before a check)', () => {
		expect(
			classifyAnchor( 'Tuincentrum De Linde', {
				keywords: DEMO.keywords,
				targetUrl: 'https://www.tuincentrum-delinde.nl/',
			} )
		).toBe( 'branded' );
		expect(
			classifyAnchor( 'Bakkerij Jansen B.V.', {
				keywords: [],
				targetUrl: 'https://bakkerijjansen.nl/',
			} )
		).toBe( 'branded' );
	} );

	it( 'takes the stated site name (og:site_name) as a name', () => {
		const html =
			'<html><head><title>Boodschappen online bestellen</title>' +
			'<meta property="og:site_name" content="Albert Heijn"></head>' +
			'<body><h1>Boodschappen</h1><p>Tekst.</p></body></html>';
		const { facts } = analyzeHtml( html, 'https://www.ah.nl/' );
		expect( facts.siteName ).toBe( 'Albert Heijn' );
		const names = partnerNames( 'https://www.ah.nl/', {
			title: facts.title,
			h1: facts.h1,
			siteName: facts.siteName,
		} );
		expect( names ).toEqual( [ 'Albert Heijn', 'ah' ] );
		expect(
			classifyAnchor( 'Albert Heijn', {
				keywords: [ 'boodschappen online bestellen' ],
				partnerNames: names,
				targetUrl: 'https://www.ah.nl/',
			} )
		).toBe( 'branded' );
		expect(
			classifyAnchor( 'boodschappen online bestellen', {
				keywords: [ 'boodschappen online bestellen' ],
				partnerNames: names,
				targetUrl: 'https://www.ah.nl/',
			} )
		).toBe( 'exact-match' );
	} );

	it( 'keeps title segments that are keywords, drops those that name the site', () => {
		expect(
			partnerNames( 'https://tuincentrum.test/', {
				title: 'Vaste planten kopen | Tuincentrum De Linde',
				h1: 'Vaste planten kopen',
				siteName: null,
			} )
		).toEqual( [ 'Tuincentrum De Linde', 'tuincentrum' ] );
		expect( namesBrand( 'Vaste planten kopen', 'tuincentrum' ) ).toBe(
			false
		);
		expect( namesBrand( 'Moestuinforum NL', 'moestuinforum' ) ).toBe(
			true
		);
		// A short domain word inside a longer word names nothing.
		expect( namesBrand( 'Tuinmeubelen kopen', 'tuin' ) ).toBe( false );
	} );

	it( 'still calls their title keyword exact-match', () => {
		const href = 'https://tuincentrum.test/vaste-planten/';
		const link = ourLink( { href, text: 'vaste planten kopen' } );
		const input = post(
			[ link ],
			[
				result( href, [], {
					page: page( href, {
						title: 'Vaste planten kopen | Tuincentrum De Linde',
						h1: 'Vaste planten kopen',
					} ),
				} ),
			]
		);
		expect( evaluatePost( input, DEMO ).map( ( f ) => f.code ) ).toContain(
			'exact-match-anchor-ours'
		);
	} );

	it( 'does not launder keywords: brand plus keyword words is partial-match, a configured keyword stays exact', () => {
		expect(
			classifyAnchor( 'Stride running shoes', {
				keywords: [ 'running shoes' ],
				targetUrl: 'https://stride.com/',
				partnerNames: [ 'Stride Running Shoes', 'stride' ],
			} )
		).toBe( 'partial-match' );
		// An exact-match domain is no excuse for an exact-match anchor.
		expect(
			classifyAnchor( 'biologisch tuinieren', {
				keywords: DEMO.keywords,
				targetUrl: 'https://biologisch-tuinieren.nl/',
				partnerNames: [ 'Biologisch Tuinieren' ],
			} )
		).toBe( 'exact-match' );
	} );

	it( 'calls our own brand terms branded', () => {
		expect(
			classifyAnchor( 'De Moestuinier', {
				keywords: DEMO.keywords,
				brandTerms: DEMO.brandTerms,
			} )
		).toBe( 'branded' );
	} );
} );

describe( 'close variants of our keywords stay exact-match', () => {
	const ctx = {
		keywords: [
			'biologisch tuinieren',
			'moestuin tips',
			'running shoe',
			'Gartengeräte kaufen',
		],
	};
	it.each( [
		[ 'Biologisch Tuinieren', 'case' ],
		[ 'tips moestuin', 'word order' ],
		[ 'moestuintips', 'run together' ],
		[ 'running shoes', 'plural' ],
		[ 'the Running Shoes', 'filler word' ],
		[ 'Gartengerate kaufen', 'diacritics' ],
		[ 'Gartengeräten kaufen', 'German inflection' ],
		[ 'moestuin tip', 'Dutch singular' ],
	] )( '%p (%s)', ( anchor ) => {
		expect( classifyAnchor( anchor, ctx ) ).toBe( 'exact-match' );
	} );
} );
