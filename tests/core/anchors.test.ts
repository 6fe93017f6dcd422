import {
	analyzeAnchor,
	classifyAnchor,
	domainBrand,
	isNakedUrl,
} from '../../src/core/anchors';
import { GENERIC_ANCHORS } from '../../src/core/lexicon/anchors';
import { LANGUAGES } from '../../src/core/lexicon/languages';
import { foldText, tokenize } from '../../src/core/text';

describe( 'text folding', () => {
	it( 'ignores case, diacritics and punctuation', () => {
		expect( foldText( '  Klík HIÉR!! ' ) ).toBe( 'klik hier' );
		expect( foldText( 'Straße – Œuvre, Ærø' ) ).toBe(
			'strasse oeuvre aero'
		);
		expect( foldText( '“Lees   meer…”' ) ).toBe( 'lees meer' );
	} );

	it( 'joins English contractions and splits French elision', () => {
		expect( tokenize( "Don't miss l'article d’Anne" ) ).toEqual( [
			'dont',
			'miss',
			'l',
			'article',
			'd',
			'anne',
		] );
	} );
} );

describe( 'classifyAnchor', () => {
	const ctx = {
		keywords: [ 'running shoes', 'hardloopschoenen kopen' ],
		brandTerms: [ 'Acme Sports' ],
	};

	it.each( [
		[ 'Running Shoes', 'exact-match' ],
		[ 'the running shoe', 'exact-match' ],
		[ 'RUNNING-SHOES!', 'exact-match' ],
		[ 'hardloopschoenen kopen', 'exact-match' ],
		[ 'Hardloopschoenen kópen', 'exact-match' ],
	] )( '%p is exact-match', ( anchor, expected ) => {
		expect( classifyAnchor( anchor, ctx ) ).toBe( expected );
	} );

	it( 'treats the focus keyphrase and the target title like any keyword', () => {
		expect(
			classifyAnchor( 'Beste fietsroutes in Drenthe', {
				keywords: [ 'beste fietsroutes in drenthe' ],
			} )
		).toBe( 'exact-match' );
		expect(
			classifyAnchor( 'Beste fietsroutes in Drenthe', { keywords: [] } )
		).toBe( 'other' );
	} );

	it( 'calls an anchor partial-match when enough of its words are keyword words', () => {
		expect( classifyAnchor( 'cheap running shoes', ctx ) ).toBe(
			'partial-match'
		);
		expect( classifyAnchor( 'klik hier voor hardloopschoenen', ctx ) ).toBe(
			'partial-match'
		);
		// One keyword word among four meaningful words: 0.25 < 0.5.
		expect(
			classifyAnchor( 'my grandmother loved evening running', ctx )
		).toBe( 'other' );
		// ... unless the threshold is lowered.
		expect(
			classifyAnchor( 'my grandmother loved evening running', {
				...ctx,
				partialMatchShare: 0.25,
			} )
		).toBe( 'partial-match' );
	} );

	it( 'recognises brands: given terms and the target domain label', () => {
		expect( classifyAnchor( 'Acme Sports', ctx ) ).toBe( 'branded' );
		expect( classifyAnchor( 'acme sports BV', ctx ) ).toBe( 'branded' );
		expect(
			classifyAnchor( 'Bakkerij Jansen', {
				keywords: [],
				targetUrl: 'https://www.bakkerij-jansen.nl/brood',
			} )
		).toBe( 'branded' );
		expect(
			classifyAnchor( 'BakkerijJansen', {
				keywords: [],
				targetUrl: 'https://bakkerijjansen.nl/',
			} )
		).toBe( 'branded' );
		expect(
			analyzeAnchor( 'Acme', {
				keywords: [],
				targetUrl: 'https://acme.co.uk/',
			} )
		).toEqual( { anchorClass: 'branded', keyword: null, brand: 'acme' } );
	} );

	it( 'names the first matching keyword: the shared list before the page phrases, then list order', () => {
		const lists = {
			keywords: [ 'trail shoes', 'running shoes', 'shoes running' ],
			extraKeywords: [ 'Running shoes', 'running socks' ],
		};
		expect( analyzeAnchor( 'running shoes', lists ).keyword ).toBe(
			'running shoes'
		);
		expect(
			analyzeAnchor( 'Running shoes', { ...lists, keywords: [] } ).keyword
		).toBe( 'Running shoes' );
		// Partial: the most words wins; among equals the earlier phrase.
		expect( analyzeAnchor( 'running gear', lists ) ).toEqual( {
			anchorClass: 'partial-match',
			keyword: 'running shoes',
			brand: null,
		} );
		expect( analyzeAnchor( 'running socks sale', lists ).keyword ).toBe(
			'running socks'
		);
		// Brand plus keyword words: the first phrase with any of them.
		expect(
			analyzeAnchor( 'Acme running gear', {
				...lists,
				targetUrl: 'https://acme.example/',
			} )
		).toEqual( {
			anchorClass: 'partial-match',
			keyword: 'running shoes',
			brand: 'acme',
		} );
	} );

	it( 'calls brand plus keyword partial-match', () => {
		expect( classifyAnchor( 'Acme Sports running shoes', ctx ) ).toBe(
			'partial-match'
		);
	} );

	it( 'lets a keyword beat a domain that merely spells it (exact-match domains)', () => {
		expect(
			classifyAnchor( 'running shoes', {
				keywords: [ 'running shoes' ],
				targetUrl: 'https://running-shoes.com/',
			} )
		).toBe( 'exact-match' );
		// An explicitly given brand wins over a keyword equal to it.
		expect(
			classifyAnchor( 'Running Shoes', {
				keywords: [ 'running shoes' ],
				brandTerms: [ 'Running Shoes' ],
			} )
		).toBe( 'branded' );
	} );

	it.each( [
		'example.com',
		'www.example.nl/gids',
		'https://partner.de/seite?x=1',
		'Example.co.uk.',
		'http://127.0.0.1:8080/',
	] )( '%p is naked-url', ( anchor ) => {
		expect( classifyAnchor( anchor, ctx ) ).toBe( 'naked-url' );
	} );

	it( 'does not take dotted product names for domains', () => {
		expect( isNakedUrl( 'Node.js' ) ).toBe( false );
		expect( isNakedUrl( 'e.g. this' ) ).toBe( false );
	} );

	it.each( [
		// en
		'click here',
		'Read more »',
		'website',
		'Learn more',
		'click here to read the full article',
		// nl
		'Klik hier',
		'lees meer',
		'hier',
		'deze site',
		'Lees verder...',
		// de
		'Mehr lesen',
		'hier klicken',
		'Weiterlesen',
		// fr
		'Cliquez ici',
		'En savoir plus',
		'lire la suite',
		// es
		'Haga clic aquí',
		'Leer más',
		'aquí',
	] )( '%p is generic', ( anchor ) => {
		expect( classifyAnchor( anchor, ctx ) ).toBe( 'generic' );
	} );

	it( 'classifies image links by their alt text', () => {
		expect( classifyAnchor( '', { ...ctx, isImage: true } ) ).toBe(
			'image'
		);
		expect(
			classifyAnchor( 'Photo of a shop front', { ...ctx, isImage: true } )
		).toBe( 'image' );
		expect(
			classifyAnchor( 'running shoes', { ...ctx, isImage: true } )
		).toBe( 'exact-match' );
	} );

	it( 'calls anchors without letters or digits empty', () => {
		expect( classifyAnchor( '', ctx ) ).toBe( 'empty' );
		expect( classifyAnchor( ' → … ', ctx ) ).toBe( 'empty' );
	} );

	it( 'leaves descriptive anchors as other', () => {
		expect(
			classifyAnchor( 'a study on marathon training loads', ctx )
		).toBe( 'other' );
	} );
} );

describe( 'domainBrand', () => {
	it( 'is the registrable label, hyphens as spaces', () => {
		expect( domainBrand( 'https://shop.bakkerij-jansen.co.uk/x' ) ).toBe(
			'bakkerij jansen'
		);
		expect( domainBrand( 'not a url at all' ) ).toBeNull();
	} );
} );

describe( 'generic anchor lexicon', () => {
	it.each( LANGUAGES )(
		'classifies every listed %s phrase as generic',
		( language ) => {
			const misfits = GENERIC_ANCHORS[ language ].filter(
				( phrase ) =>
					classifyAnchor( phrase, { keywords: [] } ) !== 'generic'
			);
			expect( misfits ).toEqual( [] );
		}
	);

	it( 'writes every entry folded, or it could never match', () => {
		for ( const language of LANGUAGES ) {
			for ( const phrase of GENERIC_ANCHORS[ language ] ) {
				expect( foldText( phrase ) ).toBe( phrase );
			}
		}
	} );
} );
