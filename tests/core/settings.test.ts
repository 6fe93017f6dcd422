import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/settings';

describe( 'settings', () => {
	it( 'fills every threshold with its default', () => {
		expect( parseSettings( {} ) ).toEqual( DEFAULT_SETTINGS );
		expect( DEFAULT_SETTINGS.maxReciprocalPartners ).toBe( 10 );
	} );

	it( 'names the field that is out of range', () => {
		expect( () => parseSettings( { maxReciprocalShare: 2 } ) ).toThrow(
			/maxReciprocalShare/
		);
	} );
} );
