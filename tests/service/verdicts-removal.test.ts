import { removalState } from '../../src/service/verdicts/removal';

const POLICY = { confirmChecks: 2, confirmHours: 24 };
const at = ( hours: number ) =>
	new Date( Date.UTC( 2026, 10, 20, 8 ) + hours * 3_600_000 ).toISOString();

describe( 'removalState', () => {
	it( 'is undefined for a partner that never linked, and while the link is there', () => {
		expect(
			removalState(
				[
					{ status: 'no-link', checkedAt: at( 0 ) },
					{ status: 'no-link', checkedAt: at( 48 ) },
				],
				POLICY
			)
		).toBeUndefined();
		expect(
			removalState(
				[
					{ status: 'no-link', checkedAt: at( 0 ) },
					{ status: 'links-back', checkedAt: at( 1 ) },
				],
				POLICY
			)
		).toBeUndefined();
	} );

	it( 'stays confirming with enough misses but too little time, and with enough time but one miss', () => {
		expect(
			removalState(
				[
					{ status: 'links-back', checkedAt: at( 0 ) },
					{ status: 'no-link', checkedAt: at( 1 ) },
					{ status: 'no-link', checkedAt: at( 2 ) },
					{ status: 'no-link', checkedAt: at( 3 ) },
				],
				POLICY
			)
		).toEqual( {
			state: 'confirming',
			missingSince: at( 1 ),
			lastSeen: at( 0 ),
			misses: 3,
		} );
		expect(
			removalState(
				[
					{ status: 'links-back', checkedAt: at( 0 ) },
					{ status: 'no-link', checkedAt: at( 100 ) },
				],
				POLICY
			)?.state
		).toBe( 'confirming' );
	} );

	it( 'ignores failed checks (neither a miss nor a reset) and takes the checks in time order', () => {
		expect(
			removalState(
				[
					{ status: 'no-link', checkedAt: at( 30 ) },
					{ status: 'timeout', checkedAt: at( 10 ) },
					{
						status: 'blocked-by-bot-protection',
						checkedAt: at( 40 ),
					},
					{ status: 'links-back', checkedAt: at( 0 ) },
					{ status: 'no-link', checkedAt: at( 5 ) },
				],
				POLICY
			)
		).toEqual( {
			state: 'confirmed',
			missingSince: at( 5 ),
			lastSeen: at( 0 ),
			misses: 2,
		} );
	} );

	it( 'starts counting again after the link came back', () => {
		expect(
			removalState(
				[
					{ status: 'links-back', checkedAt: at( 0 ) },
					{ status: 'no-link', checkedAt: at( 10 ) },
					{ status: 'no-link', checkedAt: at( 40 ) },
					{ status: 'links-back', checkedAt: at( 50 ) },
					{ status: 'no-link', checkedAt: at( 60 ) },
				],
				POLICY
			)
		).toEqual( {
			state: 'confirming',
			missingSince: at( 60 ),
			lastSeen: at( 50 ),
			misses: 1,
		} );
	} );
} );
