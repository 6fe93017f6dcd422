/**
 * The words and numbers of the untranslated reports (HTML, CLI summary).
 */
import {
	localDate,
	localDateTime,
	percent,
	plural,
} from '../../src/service/report/format';

describe( 'report formatting', () => {
	it( 'counts nouns with the right plural', () => {
		expect( plural( 1, 'post' ) ).toBe( '1 post' );
		expect( plural( 0, 'post' ) ).toBe( '0 posts' );
		expect( plural( 3, 'partner link' ) ).toBe( '3 partner links' );
	} );

	it( 'shows shares as percentages, as wp-admin does', () => {
		expect( percent( 0.049 ) ).toBe( '5%' );
		expect( percent( 0.875 ) ).toBe( '88%' );
		expect( percent( null ) ).toBe( '–' );
	} );

	it( 'shows times in the local zone with the zone named', () => {
		const iso = '2026-12-07T15:58:05.177Z';
		expect( localDateTime( iso, { timeZone: 'Europe/Amsterdam' } ) ).toBe(
			'7 Dec 2026, 16:58 CET'
		);
		expect( localDateTime( iso, { timeZone: 'UTC' } ) ).toBe(
			'7 Dec 2026, 15:58 UTC'
		);
		// Late in the UTC evening is the next day in Tokyo.
		expect(
			localDate( '2026-12-07T20:00:00Z', { timeZone: 'Asia/Tokyo' } )
		).toBe( '8 Dec 2026' );
		expect( localDateTime( null ) ).toBe( '' );
	} );
} );
