/**
 * `rlg scan`'s progress bars on a terminal: a bar that has not moved has no
 * estimate yet, which cli-progress itself prints as garbage ("NFs").
 */
import cliProgress from 'cli-progress';
import { etaText } from '../../src/service/commands/scan';

const OPTIONS = { autopaddingChar: ' ' } as cliProgress.Options;

describe( 'scan progress ETA', () => {
	it( 'says – while there is no estimate', () => {
		expect( etaText( Infinity, OPTIONS, 5 ) ).toBe( '–' );
		expect( etaText( NaN, OPTIONS, 5 ) ).toBe( '–' );
	} );

	it( 'formats a finite estimate as cli-progress does', () => {
		expect( etaText( 7, OPTIONS, 5 ) ).toBe(
			cliProgress.Format.TimeFormat( 7, OPTIONS, 5 )
		);
		expect( etaText( 125, OPTIONS, 5 ) ).toBe( ' 2m 5s' );
	} );
} );
