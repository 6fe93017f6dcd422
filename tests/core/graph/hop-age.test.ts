/**
 * The age of an imported hop (issue 19): a link an export last saw more
 * than STALE_HOP_MONTHS calendar months ago is stale; unknown dates are not.
 */
import {
	STALE_HOP_MONTHS,
	isStaleLastSeen,
} from '../../../src/core/graph/hop-age';

describe( 'isStaleLastSeen', () => {
	const now = new Date( '2026-12-07T23:00:00.000Z' );

	it( `is stale past ${ STALE_HOP_MONTHS } calendar months, not on the day`, () => {
		expect( STALE_HOP_MONTHS ).toBe( 12 );
		expect( isStaleLastSeen( '2025-12-06', now ) ).toBe( true );
		expect( isStaleLastSeen( '2025-12-07', now ) ).toBe( false );
		expect( isStaleLastSeen( '2026-11-28', now ) ).toBe( false );
		expect( isStaleLastSeen( '2019-01-01T00:00:00Z', now ) ).toBe( true );
	} );

	it( 'says nothing is old when the date is missing or unreadable', () => {
		expect( isStaleLastSeen( null, now ) ).toBe( false );
		expect( isStaleLastSeen( undefined, now ) ).toBe( false );
		expect( isStaleLastSeen( '28 nov. 2026', now ) ).toBe( false );
	} );
} );
