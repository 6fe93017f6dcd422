import { DEFAULT_SETTINGS } from '../../src/core';
import { evaluateSite } from '../../src/core/rules';
import {
	orderLines,
	sitePartnersLine,
	type PanelLine,
} from '../../src/editor/components/prepublish-lines';

const partnersFinding = ( stats: {
	outboundDomains: number;
	reciprocalPartners: number;
	newReciprocalPartners: number;
} ) =>
	evaluateSite( stats, DEFAULT_SETTINGS ).find(
		( f ) => f.code === 'too-many-partners'
	);

describe( 'the site-wide partners line', () => {
	it( 'says the share that is over its limit (the demo: 7 of 8 link back)', () => {
		const stats = {
			outboundDomains: 8,
			reciprocalPartners: 7,
			newReciprocalPartners: 7,
		};
		const line = sitePartnersLine(
			stats,
			DEFAULT_SETTINGS,
			partnersFinding( stats )
		);
		expect( line.state ).toBe( 'warning' );
		expect( line.label ).toBe(
			'Reciprocal partners site-wide: 88% of linked sites link back (7 of 8); limit 25%'
		);
	} );

	it( 'says both limits when both are exceeded (critical)', () => {
		const stats = {
			outboundDomains: 20,
			reciprocalPartners: 12,
			newReciprocalPartners: 0,
		};
		const line = sitePartnersLine(
			stats,
			DEFAULT_SETTINGS,
			partnersFinding( stats )
		);
		expect( line.state ).toBe( 'critical' );
		expect( line.label ).toBe(
			'Reciprocal partners site-wide: 60% of linked sites link back (12 of 20); limit 25%; 12 partners; limit 10'
		);
	} );

	it( 'shows the count against its limit when nothing is exceeded', () => {
		const stats = {
			outboundDomains: 40,
			reciprocalPartners: 2,
			newReciprocalPartners: 0,
		};
		const line = sitePartnersLine(
			stats,
			DEFAULT_SETTINGS,
			partnersFinding( stats )
		);
		expect( line.state ).toBe( 'pass' );
		expect( line.label ).toBe(
			'Reciprocal partners site-wide: 2 of 10 allowed'
		);
	} );

	it( 'is "not checked" without counts', () => {
		expect(
			sitePartnersLine( null, DEFAULT_SETTINGS, undefined ).state
		).toBe( 'not-checked' );
	} );
} );

describe( 'the order of the lines', () => {
	it( 'puts critical lines first and keeps the order within a state', () => {
		const line = ( key: string, state: PanelLine[ 'state' ] ) => ( {
			key,
			state,
			label: key,
		} );
		expect(
			orderLines( [
				line( 'partners', 'pass' ),
				line( 'in-post', 'info' ),
				line( 'a', 'pass' ),
				line( 'b', 'warning' ),
				line( 'velocity', 'critical' ),
				line( 'c', 'not-checked' ),
			] ).map( ( l ) => l.key )
		).toEqual( [ 'velocity', 'b', 'in-post', 'c', 'partners', 'a' ] );
	} );
} );
