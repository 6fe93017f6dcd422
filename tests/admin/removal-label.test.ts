import { removalLabel } from '../../src/admin/messages';

describe( 'removalLabel (issue 9 grace period in the report)', () => {
	it( 'says nothing while the partner links', () => {
		expect( removalLabel( undefined ) ).toBeNull();
	} );

	it( 'says since when the link is missing and that the removal is still being confirmed', () => {
		const label = removalLabel( {
			state: 'confirming',
			missingSince: '2026-11-20T08:00:00.000Z',
		} );
		expect( label ).toMatch( /^Missing since .*2026.*, confirming$/ );
	} );

	it( 'says a confirmed removal is confirmed', () => {
		expect(
			removalLabel( {
				state: 'confirmed',
				missingSince: '2026-11-20T08:00:00.000Z',
			} )
		).toMatch( /^Removal confirmed, missing since .*2026/ );
	} );
} );
