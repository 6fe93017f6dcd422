/**
 * A partner's history and alerts from stored checks: appeared, moved,
 * disappeared; failed checks never count as a removal.
 */
import type {
	Backlink,
	BacklinkStatus,
	Placement,
} from '../../src/core/schemas';
import type { StoredCheck } from '../../src/service/store/types';
import {
	alertsOf,
	historyOf,
	reciprocalSince,
} from '../../src/service/report/history';

let nextId = 1;

function backlink( placement: Placement ): Backlink {
	return {
		href: 'https://our.test/',
		text: 'Our site',
		rel: [],
		placement,
		hidden: null,
		isImage: false,
		block: 0,
		heading: null,
		inList: false,
		position: 0.5,
		pageUrl: 'http://partner.test/',
		foundOn: 'target-page',
		anchorClass: 'branded',
		toHomepage: true,
	};
}

function check(
	day: number,
	status: BacklinkStatus,
	placements: Placement[] = [],
	target = 'partner.test'
): StoredCheck {
	const checkedAt = new Date( Date.UTC( 2026, 0, day ) ).toISOString();
	return {
		id: nextId++,
		siteId: 1,
		targetKey: target,
		domain: 'partner.test',
		withHomepage: true,
		status,
		checkedAt,
		checkedAtMs: Date.parse( checkedAt ),
		result: {
			target: `http://${ target }/`,
			status,
			httpStatus: 200,
			detail: null,
			checkedAt,
			fromCache: false,
			page: null,
			links: placements.map( backlink ),
		},
		validators: { etag: null, lastModified: null },
		htmlHash: null,
	};
}

describe( 'partner history', () => {
	it( 'names each check by what changed since the previous one of the same target', () => {
		const checks = [
			check( 1, 'no-link' ),
			check( 2, 'links-back', [ 'content' ] ),
			check( 3, 'links-back', [ 'content' ] ),
			check( 4, 'timeout' ),
			check( 5, 'links-back', [ 'footer' ] ),
			check( 6, 'no-link' ),
			check( 2, 'links-back', [ 'content' ], 'partner.test/other' ),
		].reverse(); // the store answers newest first
		expect(
			historyOf( checks ).map(
				( entry ) =>
					`${ entry.checkedAt.slice( 8, 10 ) } ${ entry.target } ${ entry.event }`
			)
		).toEqual( [
			'01 http://partner.test/ first-check',
			'02 http://partner.test/ appeared',
			'02 http://partner.test/other/ first-check',
			'03 http://partner.test/ unchanged',
			'04 http://partner.test/ check-failed',
			'05 http://partner.test/ moved',
			'06 http://partner.test/ disappeared',
		] );
	} );

	it( 'raises stopped-linking since the first check that missed the link', () => {
		const alerts = alertsOf( 'partner.test', [
			check( 1, 'links-back', [ 'content' ] ),
			check( 2, 'blocked-by-bot-protection' ),
			check( 3, 'no-link' ),
			check( 4, 'no-link' ),
		] );
		expect( alerts ).toEqual( [
			{
				domain: 'partner.test',
				kind: 'stopped-linking',
				since: '2026-01-03T00:00:00.000Z',
				params: {
					target: 'http://partner.test/',
					lastSeen: '2026-01-01T00:00:00.000Z',
					status: 'no-link',
					missingChecks: 2,
					// The second miss, a day after the first, confirmed it.
					confirmedAt: '2026-01-04T00:00:00.000Z',
				},
			},
		] );
	} );

	it( 'waits for the removal to be confirmed by consecutive misses spread over a day', () => {
		const linked = check( 1, 'links-back', [ 'content' ] );
		// One miss: perhaps a bad night.
		expect(
			alertsOf( 'partner.test', [ linked, check( 2, 'no-link' ) ] )
		).toEqual( [] );
		// Two misses, but within an hour of each other.
		const soon = check( 2, 'no-link' );
		soon.checkedAtMs += 3_600_000 - 1;
		expect(
			alertsOf( 'partner.test', [ linked, check( 2, 'no-link' ), soon ] )
		).toEqual( [] );
		// Configurable: one miss is enough when asked so.
		expect(
			alertsOf( 'partner.test', [ linked, check( 2, 'no-link' ) ], {
				confirmChecks: 1,
				confirmHours: 0,
			} )
		).toEqual( [
			expect.objectContaining( {
				kind: 'stopped-linking',
				since: '2026-01-02T00:00:00.000Z',
			} ),
		] );
	} );

	it( 'does not alert when only failed checks follow a link (a bot wall is not a removal)', () => {
		expect(
			alertsOf( 'partner.test', [
				check( 1, 'links-back', [ 'content' ] ),
				check( 2, 'rate-limited' ),
				check( 3, 'timeout' ),
			] )
		).toEqual( [] );
	} );

	it( 'does not alert while another target of the partner still links back', () => {
		expect(
			alertsOf( 'partner.test', [
				check( 1, 'links-back', [ 'content' ] ),
				check( 2, 'no-link' ),
				check( 2, 'links-back', [ 'content' ], 'partner.test/b' ),
			] )
		).toEqual( [] );
	} );

	it( 'raises moved-to-boilerplate when the link left the content for the footer', () => {
		const alerts = alertsOf( 'partner.test', [
			check( 1, 'links-back', [ 'content' ] ),
			check( 2, 'links-back', [ 'footer' ] ),
			check( 3, 'links-back', [ 'footer' ] ),
		] );
		expect( alerts ).toEqual( [
			{
				domain: 'partner.test',
				kind: 'moved-to-boilerplate',
				since: '2026-01-02T00:00:00.000Z',
				params: { target: 'http://partner.test/', placement: 'footer' },
			},
		] );
		// Always in the footer: nothing moved.
		expect(
			alertsOf( 'partner.test', [
				check( 1, 'links-back', [ 'footer' ] ),
			] )
		).toEqual( [] );
	} );

	it( 'dates the partnership from the first check that found a link back', () => {
		expect(
			reciprocalSince( [
				check( 5, 'links-back', [ 'content' ] ),
				check( 3, 'links-back', [ 'content' ] ),
				check( 1, 'no-link' ),
			] )
		).toBe( '2026-01-03T00:00:00.000Z' );
		expect( reciprocalSince( [ check( 1, 'no-link' ) ] ) ).toBeNull();
	} );
} );
