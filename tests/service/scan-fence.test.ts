/**
 * A scan worker that wakes after its queue job expired (issue 17): the
 * queue has handed the scan to another worker meanwhile, which claimed it
 * as a newer attempt. The stale worker's next write is refused, it stops
 * with a log line and writes nothing more (not even `failed`), and the
 * successor's progress stands. Run on both stores, with the real scanner
 * and the real store; the "successor" takes the scan over through the
 * store exactly as a worker's scanner does (`claimScan`) and writes its
 * own progress with its attempt.
 */
import { Writable } from 'node:stream';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { CheckService } from '../../src/service/check-service';
import { createLogger } from '../../src/service/logger';
import type { HttpDocument, ScanHttp } from '../../src/service/scan/http';
import { createScanner } from '../../src/service/scan/scanner';
import { connectStore } from '../../src/service/store';
import type { Store } from '../../src/service/store';
import type { ScanStore } from '../../src/service/store/scan-types';
import { storeBackends } from '../helpers/store-backends';

const POSTS = 6;
const PER_PAGE = 2;

function document(
	url: string,
	body: unknown,
	headers: Record< string, string > = {}
): HttpDocument {
	return {
		status: 200,
		url,
		header: ( name ) => headers[ name ] ?? null,
		body: Buffer.from( JSON.stringify( body ) ),
	};
}

/** A WordPress of POSTS posts whose page 2 is answered only once `release()` is called. */
function stallingWordPress() {
	let release!: () => void;
	const released = new Promise< void >( ( resolve ) => {
		release = resolve;
	} );
	let stalled!: () => void;
	const reachedStall = new Promise< void >( ( resolve ) => {
		stalled = resolve;
	} );
	const http: ScanHttp = {
		async get( url ) {
			const query = new URL( url ).searchParams;
			const isPosts = /\/wp\/v2\/posts/.test( url );
			const total = isPosts ? POSTS : 0;
			const headers = {
				'x-wp-total': String( total ),
				'x-wp-totalpages': String( Math.ceil( total / PER_PAGE ) ),
			};
			if ( ! isPosts ) {
				return document( url, [], headers );
			}
			const page = Number( query.get( 'page' ) ?? '1' );
			if ( page === 2 ) {
				// The worker "hangs" here (a paused VM) past its job's expiry.
				stalled();
				await released;
			}
			const items = [];
			for (
				let id = ( page - 1 ) * PER_PAGE + 1;
				id <= Math.min( total, page * PER_PAGE );
				id++
			) {
				items.push( {
					id,
					link: `https://our.example/post-${ id }/`,
					modified_gmt: '2026-12-01T10:00:00',
					title: { rendered: `Post ${ id }` },
					content: {
						rendered: `<p>See <a href="https://partner-${ id }.example/">partner ${ id }</a>.</p>`,
					},
					status: 'publish',
				} );
			}
			return document( url, items, headers );
		},
		page: () => Promise.reject( new Error( 'no HTML pages on this site' ) ),
	};
	return { http, release, reachedStall };
}

const noChecks: CheckService = {
	async check( request ) {
		return { site: request.site, results: [] } as unknown as Awaited<
			ReturnType< CheckService[ 'check' ] >
		>;
	},
};

describe.each( storeBackends() )(
	'a stale scan worker is fenced off: $name',
	( backend ) => {
		let store: Store;
		let scanStore: ScanStore;

		beforeAll( () => backend.setup(), 90_000 );
		afterAll( () => backend.teardown() );

		beforeEach( async () => {
			store = await connectStore( await backend.location() );
			scanStore = store.openScanStore();
		} );

		afterEach( async () => {
			await scanStore.close();
			await store.close();
		} );

		it( 'refuses the woken worker its next write; it stops, writes nothing more, and the successor’s progress stands', async () => {
			const lines: Array< Record< string, unknown > > = [];
			const logger = createLogger( {
				level: 'info',
				destination: new Writable( {
					write( chunk, _encoding, done ) {
						lines.push( JSON.parse( String( chunk ) ) );
						done();
					},
				} ),
			} );
			const site = await store.ensureSite( {
				url: 'https://our.example/',
				siteKey: 'our.example',
			} );
			const wordpress = stallingWordPress();
			const stale = createScanner( {
				store,
				scanStore,
				checkService: noChecks,
				http: wordpress.http,
				settings: DEFAULT_SETTINGS,
				restPerPage: PER_PAGE,
				logger,
			} );
			const running = stale.scan( { site, claim: true } );
			running.catch( () => undefined );
			await wordpress.reachedStall;
			const first = ( await scanStore.unfinishedScan( site.id ) )!;
			expect( first ).toMatchObject( { attempt: 1, postsRead: 2 } );

			// The queue hands the expired job to another worker: it claims
			// the scan (attempt 2) and moves it on from the stored cursor.
			const successor = await scanStore.claimScan( first.id, 999_999 );
			expect( successor.attempt ).toBe( 2 );
			await scanStore.savePosts(
				first.id,
				[],
				[],
				{ cursor: { page: 4 }, postsRead: 6, postsTotal: 6 },
				successor.attempt
			);

			// The stale worker wakes up.
			wordpress.release();
			await expect( running ).rejects.toMatchObject( {
				code: 'ERR_SCAN_TAKEN_OVER',
			} );

			const after = await scanStore.getScan( first.id );
			expect( after ).toMatchObject( {
				state: 'running',
				error: null,
				phase: 'posts',
				cursor: { page: 4 },
				postsRead: 6,
				ownerPid: 999_999,
				attempt: 2,
			} );
			// Page 2 as the stale worker read it was not stored.
			expect(
				( await scanStore.listPosts( site.id, 0, 100 ) ).map(
					( post ) => post.url
				)
			).toEqual( [
				'https://our.example/post-1/',
				'https://our.example/post-2/',
			] );
			const stopped = lines.filter(
				( line ) => line.level === 40 && line.scan === first.id
			);
			expect( stopped ).toEqual( [
				expect.objectContaining( {
					attempt: 1,
					msg: 'scan taken over by another worker; this one stops without writing',
				} ),
			] );
			expect( lines.some( ( line ) => line.msg === 'scan failed' ) ).toBe(
				false
			);
		} );
	}
);
