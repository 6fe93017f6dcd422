import fs from 'node:fs';
import { setImmediate as tick } from 'node:timers/promises';
import type { BacklinkResult } from '../../src/core/schemas';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import pino from 'pino';
import {
	UNSAFE_ADDRESS_DETAIL,
	createCheckService,
} from '../../src/service/check-service';
import type { TargetChecker } from '../../src/service/check-service';
import { openStore, siteIdentity } from '../../src/service/store';
import type { SiteRecord, SqliteStore } from '../../src/service/store';
import {
	SITE_URL,
	fakeChecker,
	signedSend,
	startHarness,
	tempDataDir,
} from './harness';

/** A checker whose answers wait until the test opens the gate. */
function gatedChecker() {
	const inner = fakeChecker();
	let open: () => void = () => undefined;
	const gate = new Promise< void >( ( resolve ) => {
		open = resolve;
	} );
	const checker: TargetChecker = {
		async checkTarget( target, ctx ): Promise< BacklinkResult > {
			const result = inner.checkTarget( target, ctx );
			await gate;
			return result;
		},
	};
	return { checker, calls: inner.calls, open };
}

describe( 'check service', () => {
	let dataDir: string;
	let store: SqliteStore;
	let site: SiteRecord;

	beforeEach( async () => {
		dataDir = tempDataDir();
		store = openStore( { dataDir } );
		site = await store.ensureSite( siteIdentity( SITE_URL )! );
	} );

	afterEach( async () => {
		await store.close();
		fs.rmSync( dataDir, { recursive: true, force: true } );
	} );

	const request = ( keywords: string[] = [] ) => ( {
		site: SITE_URL,
		links: [ { url: 'https://partner.example/a', anchorText: '' } ],
		homepage: true,
		fresh: false,
		keywords,
	} );

	it( 'lets a second request for a target being checked wait for that check', async () => {
		const gated = gatedChecker();
		const service = createCheckService( {
			store,
			checker: gated.checker,
			settings: DEFAULT_SETTINGS,
		} );
		const first = service.check( request(), site );
		while ( gated.calls.length === 0 ) {
			await tick();
		}
		const second = service.check( request( [ 'garden furniture' ] ), site );
		gated.open();
		const [ a, b ] = await Promise.all( [ first, second ] );
		expect( gated.calls ).toEqual( [ 'https://partner.example/a' ] );
		expect( a.results[ 0 ].status ).toBe( 'links-back' );
		// Joined, but classified with its own keywords.
		expect( b.results[ 0 ].links[ 0 ].anchorClass ).toBe( 'exact-match' );
		expect( a.results[ 0 ].links[ 0 ].anchorClass ).not.toBe(
			'exact-match'
		);
		expect( await store.checkHistory( site.id ) ).toHaveLength( 1 );
	} );

	it( 're-checks a transient failure sooner than the TTL', async () => {
		let now = Date.parse( '2026-03-01T00:00:00Z' );
		let status: BacklinkResult[ 'status' ] = 'timeout';
		const calls: string[] = [];
		const service = createCheckService( {
			store,
			settings: DEFAULT_SETTINGS,
			now: () => new Date( now ),
			checker: {
				async checkTarget( target ) {
					calls.push( target );
					return {
						target,
						status,
						httpStatus: null,
						detail: null,
						checkedAt: new Date( now ).toISOString(),
						fromCache: false,
						page: null,
						links: [],
					};
				},
			},
		} );
		await service.check( request(), site );
		now += 10 * 60_000;
		expect(
			( await service.check( request(), site ) ).results[ 0 ].fromCache
		).toBe( true );
		now += 10 * 60_000;
		status = 'no-link';
		expect(
			( await service.check( request(), site ) ).results[ 0 ]
		).toMatchObject( { status: 'no-link', fromCache: false } );
		// A definitive answer is kept for the whole TTL (24 h).
		now += 23 * 3_600_000;
		expect(
			( await service.check( request(), site ) ).results[ 0 ].fromCache
		).toBe( true );
		now += 2 * 3_600_000;
		expect(
			( await service.check( request(), site ) ).results[ 0 ].fromCache
		).toBe( false );
		expect( calls ).toHaveLength( 3 );
	} );
} );

describe( 'internal addresses in check results (issue 16, item 7)', () => {
	it( 'tells the client only that the address is not allowed; what the name resolved to goes to the service log', async () => {
		const logs: string[] = [];
		const checker: TargetChecker = {
			async checkTarget( target ) {
				return {
					target,
					status: 'refused-unsafe-address',
					httpStatus: null,
					detail: 'db.internal resolves to 10.0.0.5, which is private',
					checkedAt: new Date().toISOString(),
					fromCache: false,
					page: null,
					links: [],
				};
			},
		};
		const harness = await startHarness( {
			checker,
			logger: pino(
				{ level: 'info' },
				{ write: ( line: string ) => logs.push( line ) }
			),
		} );
		try {
			const ask = () =>
				signedSend( harness.app, {
					method: 'POST',
					url: '/v1/check',
					body: {
						site: SITE_URL,
						links: [ { url: 'http://db.internal/' } ],
					},
				} );
			for ( const response of [ await ask(), await ask() ] ) {
				// Fresh, then from the store: neither says where it points.
				const [ result ] = response.json().results;
				expect( result.status ).toBe( 'refused-unsafe-address' );
				expect( result.detail ).toBe( UNSAFE_ADDRESS_DETAIL );
				expect( JSON.stringify( response.json() ) ).not.toMatch(
					/10\.0\.0\.5|resolves/
				);
			}
			expect( logs.join( '' ) ).toContain(
				'db.internal resolves to 10.0.0.5'
			);
		} finally {
			await harness.close();
		}
	} );
} );
