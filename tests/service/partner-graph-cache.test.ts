/**
 * The partner graph the service answers with (issue 19): analysed once per
 * site while nothing changes, again when pages were recorded (at once when
 * asked fresh, else after a short while), one load shared by requests
 * finishing together; a partner's facts go on its result, stale ones off.
 */
import type { PartnerPage } from '../../src/core/graph/schemas';
import type { BacklinkResult } from '../../src/core/schemas';
import {
	createPartnerGraphCache,
	withGraphFacts,
} from '../../src/service/graph/partner-graph';
import type { SiteRecord } from '../../src/service/store/types';
import { RING_WEB, partnerPagesOf } from '../helpers/graph-webs';

const SITE: SiteRecord = {
	id: 7,
	url: 'https://our.test/',
	siteKey: 'our.test',
	secret: null,
	alternateUrls: [ 'https://old-our.test/' ],
	allowRendered: false,
	createdAt: '2026-01-01T00:00:00.000Z',
};

function fakeStore( pages: PartnerPage[] ) {
	const store = {
		loads: 0,
		async partnerPages( siteId: number ) {
			expect( siteId ).toBe( SITE.id );
			store.loads++;
			return pages;
		},
	};
	return store;
}

describe( 'createPartnerGraphCache', () => {
	it( 'loads once while nothing is recorded, and again when asked fresh after a record', async () => {
		let clock = 0;
		const store = fakeStore( partnerPagesOf( RING_WEB ) );
		const cache = createPartnerGraphCache( {
			store,
			now: () => clock,
		} );
		const first = await cache.get( SITE );
		expect( first.us ).toBe( 'our.test' );
		expect( first.byPartner.get( 'ring-b.test' )?.rings ).toHaveLength( 1 );
		await cache.get( SITE, { fresh: true } );
		expect( store.loads ).toBe( 1 );

		cache.invalidate( SITE.id );
		clock += 500;
		// A streamed answer may use the analysis a moment longer…
		await cache.get( SITE );
		expect( store.loads ).toBe( 1 );
		// …the final answer may not; two finishing together share a load.
		await Promise.all( [
			cache.get( SITE, { fresh: true } ),
			cache.get( SITE, { fresh: true } ),
		] );
		expect( store.loads ).toBe( 2 );
		clock += 60_000;
		await cache.get( SITE );
		expect( store.loads ).toBe( 3 );
	} );

	it( 'loads again when the store’s graph version moves (another process wrote), not before', async () => {
		let clock = 0;
		let version = 'v1';
		let reads = 0;
		const store = Object.assign( fakeStore( partnerPagesOf( RING_WEB ) ), {
			async graphVersion( siteId: number ) {
				expect( siteId ).toBe( SITE.id );
				reads++;
				return version;
			},
		} );
		const cache = createPartnerGraphCache( { store, now: () => clock } );
		await cache.get( SITE );
		clock += 5_000;
		await cache.get( SITE );
		await cache.get( SITE, { fresh: true } );
		expect( store.loads ).toBe( 1 );
		expect( reads ).toBe( 3 );

		// Written elsewhere: the next check analyses again, long before
		// the minute is up; callers at once share one read and one load.
		version = 'v2';
		clock += 5_000;
		await Promise.all( [ cache.get( SITE ), cache.get( SITE ) ] );
		expect( store.loads ).toBe( 2 );
		expect( reads ).toBe( 4 );
		// Within the streaming moment the version is not asked again.
		clock += 500;
		await cache.get( SITE );
		expect( reads ).toBe( 4 );
	} );

	it( 'forgets a failed load', async () => {
		let fail = true;
		const cache = createPartnerGraphCache( {
			store: {
				async partnerPages() {
					if ( fail ) {
						throw new Error( 'database gone' );
					}
					return [];
				},
			},
		} );
		await expect( cache.get( SITE ) ).rejects.toThrow( 'database gone' );
		fail = false;
		await expect( cache.get( SITE ) ).resolves.toMatchObject( {
			rings: [],
		} );
	} );
} );

describe( 'withGraphFacts', () => {
	const result = ( target: string, graph?: BacklinkResult[ 'graph' ] ) =>
		( {
			target,
			status: 'no-link',
			httpStatus: 200,
			detail: null,
			checkedAt: '2026-12-01T00:00:00.000Z',
			fromCache: true,
			page: null,
			links: [],
			...( graph ? { graph } : {} ),
		} ) as BacklinkResult;

	it( 'puts the partner’s facts on its result and takes stale ones off', async () => {
		const analysis = await createPartnerGraphCache( {
			store: fakeStore( partnerPagesOf( RING_WEB ) ),
		} ).get( SITE );
		const ringB = withGraphFacts(
			result( 'http://www.ring-b.test:8080/article' ),
			analysis
		);
		expect( ringB.graph?.rings[ 0 ].sites ).toEqual( [
			'our.test',
			'ring-b.test',
			'ring-c.test',
			'our.test',
		] );
		const stale = withGraphFacts(
			result( 'https://ring-c.test/', ringB.graph ),
			analysis
		);
		expect( stale ).not.toHaveProperty( 'graph' );
	} );
} );
