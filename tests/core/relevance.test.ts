import fc from 'fast-check';
import {
	RELEVANCE_THRESHOLD,
	prepareText,
	relevance,
	relevanceDetails,
	relevanceOfPrepared,
} from '../../src/core/relevance';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import {
	ANCHOR_FILLER,
	COMPANY_SUFFIXES,
	GENERIC_WORDS,
	PARTNER_SECTION_WORDS,
} from '../../src/core/lexicon/anchors';
import { COMMON_WORDS } from '../../src/core/lexicon/common-words';
import { LANGUAGES, STOP_WORDS } from '../../src/core/lexicon/languages';
import { detectLanguage, foldText, stem, tokenize } from '../../src/core/text';
import { PAGES, POSTS } from './fixtures/relevance-texts';

const ON_TOPIC: Array< [ keyof typeof POSTS, keyof typeof PAGES ] > = [
	[ 'runningShoes', 'runningShop' ],
	[ 'kookblog', 'keukenwinkel' ],
	[ 'fietsvakantie', 'fietsverhuur' ],
	[ 'tomatenGarten', 'saatgut' ],
];

const OFF_TOPIC: Array< [ keyof typeof POSTS, keyof typeof PAGES ] > = [
	[ 'runningShoes', 'casino' ],
	[ 'runningShoes', 'cryptoExchange' ],
	[ 'kookblog', 'autoverzekering' ],
	[ 'kookblog', 'hypotheek' ],
	[ 'fietsvakantie', 'autoverzekering' ],
	[ 'fietsvakantie', 'hypotheek' ],
	[ 'fietsvakantie', 'keukenwinkel' ],
	[ 'tomatenGarten', 'kredit' ],
];

describe( 'relevance', () => {
	it( 'documents its threshold as the settings default', () => {
		expect( RELEVANCE_THRESHOLD ).toBe( DEFAULT_SETTINGS.minRelevance );
	} );

	it.each( ON_TOPIC )(
		'scores %s against %s (same subject) above the threshold',
		( post, page ) => {
			expect( relevance( POSTS[ post ], PAGES[ page ] ) ).toBeGreaterThan(
				RELEVANCE_THRESHOLD * 2
			);
		}
	);

	it.each( OFF_TOPIC )(
		'scores %s against %s (unrelated subject) below the threshold',
		( post, page ) => {
			expect( relevance( POSTS[ post ], PAGES[ page ] ) ).toBeLessThan(
				RELEVANCE_THRESHOLD / 2
			);
		}
	);

	it( 'ranks the on-topic page first for every post', () => {
		for ( const [ post, page ] of ON_TOPIC ) {
			const best = ( Object.keys( PAGES ) as Array< keyof typeof PAGES > )
				.map( ( name ) => ( {
					name,
					score: relevance( POSTS[ post ], PAGES[ name ] ),
				} ) )
				.sort( ( a, b ) => b.score - a.score )[ 0 ];
			expect( best.name ).toBe( page );
		}
	} );

	it( 'counts a short on-topic title and heading as relevant', () => {
		expect(
			relevance(
				POSTS.runningShoes,
				'Marathon racing shoes | Stride\nRunning shoes for race day'
			)
		).toBeGreaterThan( RELEVANCE_THRESHOLD );
		expect(
			relevance(
				POSTS.runningShoes,
				'Best online casino bonus 2024 | LuckySpin\nClaim your welcome bonus today'
			)
		).toBeLessThan( RELEVANCE_THRESHOLD );
	} );

	it( 'matches Dutch and German compounds with their parts', () => {
		const withCompounds = relevanceDetails(
			'Welke hardloopschoenen kies je voor een marathon?',
			'Schoenen voor de marathon'
		);
		expect( withCompounds.sharedTerms ).toContain( 'schoen' );
	} );

	it( 'scores a prepared text reused against many others as a fresh one, in any order', () => {
		// The rules prepare the post once and compare it with every partner
		// page: nothing one pair adds (compound parts) may leak into the next.
		const texts = [
			...Object.values( POSTS ),
			...Object.values( PAGES ),
			'Welke hardloopschoenen kies je voor een marathon?',
			'Schoenen voor de marathon',
			'Keukengerei en keukenmessen | Keuken',
			'',
		];
		for ( const post of texts ) {
			const prepared = prepareText( post );
			for ( const others of [ texts, [ ...texts ].reverse() ] ) {
				for ( const other of others ) {
					expect(
						relevanceOfPrepared( prepared, prepareText( other ) )
					).toEqual( relevanceDetails( post, other ) );
					expect(
						relevanceOfPrepared( prepareText( other ), prepared )
					).toEqual( relevanceDetails( other, post ) );
				}
			}
		}
	} );

	it( 'is symmetric, 1 for identical texts and 0 for empty ones', () => {
		const a = POSTS.kookblog;
		const b = PAGES.keukenwinkel;
		expect( relevance( a, b ) ).toBeCloseTo( relevance( b, a ), 10 );
		expect( relevance( a, a ) ).toBeCloseTo( 1, 10 );
		expect( relevance( '', b ) ).toBe( 0 );
		expect( relevance( 'the and of', 'de het een' ) ).toBe( 0 );
	} );

	it( 'ignores stop words and page boilerplate', () => {
		expect(
			relevance(
				'Home | Contact | Privacy policy | the and of this that',
				'Home Contact Privacy Cookies and the this that of'
			)
		).toBe( 0 );
	} );

	it( 'reports the languages so different-language pairs can be left alone', () => {
		const details = relevanceDetails( POSTS.kookblog, PAGES.runningShop );
		expect( details.languages ).toEqual( [ 'nl', 'en' ] );
	} );

	it( 'stays within [0, 1] for any input', () => {
		fc.assert(
			fc.property( fc.string(), fc.string(), ( a, b ) => {
				const score = relevance( a, b );
				return score >= 0 && score <= 1;
			} )
		);
		expect(
			relevance( POSTS.kookblog, POSTS.kookblog )
		).toBeLessThanOrEqual( 1 );
	} );
} );

describe( 'language detection and stemming', () => {
	it( 'detects the language of running text', () => {
		expect( detectLanguage( tokenize( POSTS.kookblog ) ) ).toBe( 'nl' );
		expect( detectLanguage( tokenize( POSTS.runningShoes ) ) ).toBe( 'en' );
		expect( detectLanguage( tokenize( POSTS.tomatenGarten ) ) ).toBe(
			'de'
		);
		expect( detectLanguage( tokenize( 'Acme' ) ) ).toBeNull();
	} );

	it.each( [
		[ 'en', 'shoes', 'shoe' ],
		[ 'en', 'running', 'run' ],
		[ 'en', 'stories', 'story' ],
		[ 'nl', 'fietsen', 'fiets' ],
		[ 'nl', 'lopen', 'loop' ],
		[ 'nl', 'bakken', 'bak' ],
		[ 'nl', 'tafels', 'tafel' ],
		[ 'de', 'schuhe', 'schuh' ],
		[ 'fr', 'chevaux', 'cheval' ],
		[ 'es', 'ciudades', 'ciudad' ],
	] as const )( '%s: %s and %s share a stem', ( language, a, b ) => {
		expect( stem( a, language ) ).toBe( stem( b, language ) );
	} );

	it( 'does not strip a Dutch word-final s that is no plural', () => {
		expect( stem( 'fiets', 'nl' ) ).toBe( 'fiets' );
	} );
} );

describe( 'word lists', () => {
	it( 'are written folded, or they could never match a folded token', () => {
		const lists: Array< [ string, Iterable< string > ] > = [
			...LANGUAGES.map( ( language ): [ string, Iterable< string > ] => [
				`stop words ${ language }`,
				STOP_WORDS[ language ],
			] ),
			[ 'common words', COMMON_WORDS ],
			[ 'generic words', GENERIC_WORDS ],
			[ 'anchor filler', ANCHOR_FILLER ],
			[ 'partner sections', PARTNER_SECTION_WORDS ],
			[ 'company suffixes', COMPANY_SUFFIXES ],
		];
		for ( const [ name, words ] of lists ) {
			const unfolded = [ ...words ].filter(
				( word ) => foldText( word ) !== word
			);
			expect( { name, unfolded } ).toEqual( { name, unfolded: [] } );
		}
	} );
} );
