import { isServiceDown, toServiceError } from '../../src/admin/errors';
import { DEFAULT_QUERY } from '../../src/admin/query';
import {
	isScanActive,
	scanProgress,
	unchangedSince,
} from '../../src/admin/scan-progress';
import { findingsByRule } from '../../src/admin/summary-rows';
import { timelineItems } from '../../src/admin/timeline';
import { readUrlState, writeUrlState } from '../../src/admin/url-state';
import type { PartnerHistoryEntry } from '../../src/core/report';
import { scanStatus } from './fixtures';

describe( 'address bar state', () => {
	it( 'keeps the admin page slug and writes the table page as `paged`', () => {
		const search = writeUrlState( '?page=reciprocal-link-guard', {
			query: { ...DEFAULT_QUERY, page: 2, status: 'no-link' },
			partner: 'tuinpartner.nl',
		} );
		expect( search ).toBe(
			'?page=reciprocal-link-guard&paged=2&status=no-link&partner=tuinpartner.nl'
		);
		expect( readUrlState( search ) ).toEqual( {
			query: { ...DEFAULT_QUERY, page: 2, status: 'no-link' },
			partner: 'tuinpartner.nl',
		} );
	} );

	it( 'removes its own args when the state is back to the defaults', () => {
		expect(
			writeUrlState( '?page=rlg&paged=3&search=x&partner=a.nl', {
				query: DEFAULT_QUERY,
				partner: null,
			} )
		).toBe( '?page=rlg' );
	} );

	it( 'reads a page without args as the default table', () => {
		expect( readUrlState( '?page=rlg' ) ).toEqual( {
			query: DEFAULT_QUERY,
			partner: null,
		} );
	} );
} );

describe( 'scan progress', () => {
	it( 'is indeterminate while the number of posts is unknown', () => {
		expect( scanProgress( scanStatus( { postsTotal: null } ) ) ).toEqual( {
			fraction: null,
			phase: 'posts',
			active: true,
		} );
	} );

	it( 'fills the first half with posts read and the second with partners checked', () => {
		expect(
			scanProgress( scanStatus( { postsRead: 20, postsTotal: 40 } ) )
				.fraction
		).toBeCloseTo( 0.25 );
		const checking = scanProgress(
			scanStatus( {
				postsRead: 40,
				postsTotal: 40,
				partnersChecked: 5,
				partnersTotal: 10,
			} )
		);
		expect( checking.fraction ).toBeCloseTo( 0.75 );
		expect( checking.phase ).toBe( 'partners' );
	} );

	it( 'never goes past full when the counts overshoot', () => {
		expect(
			scanProgress(
				scanStatus( {
					postsRead: 45,
					postsTotal: 40,
					partnersChecked: 12,
					partnersTotal: 10,
				} )
			).fraction
		).toBe( 1 );
	} );

	it( 'is full when done and unknown when the scan failed', () => {
		expect( scanProgress( scanStatus( { state: 'done' } ) ).fraction ).toBe(
			1
		);
		expect( scanProgress( scanStatus( { state: 'failed' } ) ) ).toEqual( {
			fraction: null,
			phase: 'finished',
			active: false,
		} );
		expect( isScanActive( scanStatus( { state: 'interrupted' } ) ) ).toBe(
			false
		);
		expect( isScanActive( scanStatus( { state: 'queued' } ) ) ).toBe(
			true
		);
		expect( isScanActive( null ) ).toBe( false );
	} );

	it( 'says an incremental scan found no changed post, not "0 of 0 posts"', () => {
		const since = '2026-12-07T18:37:24.992Z';
		expect(
			unchangedSince(
				scanStatus( {
					state: 'done',
					postsRead: 0,
					postsTotal: 0,
					changedSince: since,
				} )
			)
		).toBe( since );
		// A full scan of a site without posts, a running scan, or one that read posts: the counts say it.
		expect(
			unchangedSince(
				scanStatus( {
					state: 'done',
					postsTotal: 0,
					changedSince: null,
				} )
			)
		).toBeNull();
		expect(
			unchangedSince(
				scanStatus( {
					state: 'running',
					postsTotal: 0,
					changedSince: since,
				} )
			)
		).toBeNull();
		expect(
			unchangedSince(
				scanStatus( {
					state: 'done',
					postsRead: 2,
					postsTotal: 2,
					changedSince: since,
				} )
			)
		).toBeNull();
	} );
} );

describe( 'REST errors', () => {
	it( 'recognises the plugin’s service errors by code and keeps the sentence', () => {
		const error = toServiceError( {
			code: 'rlg_service_unreachable',
			message: 'The service at http://127.0.0.1:7777 did not answer.',
			data: { status: 502 },
		} );
		expect( error ).toEqual( {
			kind: 'unreachable',
			code: 'rlg_service_unreachable',
			message: 'The service at http://127.0.0.1:7777 did not answer.',
			status: 502,
		} );
		expect( isServiceDown( error ) ).toBe( true );
	} );

	it( 'treats an expired nonce as "log in again", not as a service problem', () => {
		const error = toServiceError( {
			code: 'rest_cookie_invalid_nonce',
			message: 'Cookie check failed',
			data: { status: 403 },
		} );
		expect( error.kind ).toBe( 'forbidden' );
		expect( isServiceDown( error ) ).toBe( false );
	} );

	it( 'turns anything thrown into an error with a message', () => {
		expect( toServiceError( 'boom' ) ).toMatchObject( {
			kind: 'other',
			message: 'boom',
		} );
		expect( toServiceError( { code: 'fetch_error' } ).kind ).toBe(
			'network'
		);
	} );
} );

describe( 'findings summary', () => {
	it( 'sums per rule and puts rules with critical findings first', () => {
		const rows = findingsByRule( [
			{ code: 'generic-anchor', severity: 'info', count: 4 },
			{ code: 'homepage-swap', severity: 'warning', count: 1 },
			{ code: 'homepage-swap', severity: 'critical', count: 2 },
			{ code: 'generic-anchor', severity: 'info', count: 1 },
		] );
		expect( rows ).toEqual( [
			{
				code: 'homepage-swap',
				counts: { info: 0, warning: 1, critical: 2 },
			},
			{
				code: 'generic-anchor',
				counts: { info: 5, warning: 0, critical: 0 },
			},
		] );
	} );
} );

describe( 'history timeline', () => {
	const entry = (
		checkedAt: string,
		event: PartnerHistoryEntry[ 'event' ]
	): PartnerHistoryEntry => ( {
		checkedAt,
		event,
		target: 'https://tuinpartner.nl/',
		status: event === 'disappeared' ? 'no-link' : 'links-back',
		links: [],
	} );

	it( 'shows changes newest first and folds unchanged checks into the change before them', () => {
		const items = timelineItems( [
			entry( '2026-11-03T00:00:00Z', 'unchanged' ),
			entry( '2026-11-01T00:00:00Z', 'first-check' ),
			entry( '2026-11-10T00:00:00Z', 'disappeared' ),
			entry( '2026-11-02T00:00:00Z', 'unchanged' ),
		] );
		expect(
			items.map( ( item ) => [ item.entry.event, item.unchangedAfter ] )
		).toEqual( [
			[ 'disappeared', 0 ],
			[ 'first-check', 2 ],
		] );
	} );
} );
