/**
 * The scan streams (issue 17: a 100,000-post site must scan in bounded
 * memory): it asks the site for the next page of posts only after the
 * previous one is stored, keeps no post once its page is stored, and hands
 * partners to the check service a bounded batch at a time. The site is a
 * fake WordPress REST API behind a `ScanHttp` that makes each page of
 * posts when asked (no network, no stored site), the store the real SQLite
 * one. A scanner that collected posts (or their links) in an array, or read
 * the whole listing before storing it, fails here whatever the machine's
 * memory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { CheckService } from '../../src/service/check-service';
import type { HttpDocument, ScanHttp } from '../../src/service/scan/http';
import { createScanner } from '../../src/service/scan/scanner';
import { openStore } from '../../src/service/store';
import type { SqliteStore } from '../../src/service/store';
import type { ScanStore } from '../../src/service/store/scan-types';

const POSTS = 40;
const PER_PAGE = 8;
const PARTNER_BATCH = 7;
const PARTNERS = 40;

v8.setFlagsFromString( '--expose-gc' );
const gc = vm.runInNewContext( 'gc' ) as () => void;

/** Full collections until finalizers have run (they run as tasks). */
async function collect(): Promise< void > {
	for ( let i = 0; i < 2; i++ ) {
		gc();
		await new Promise( ( resolve ) => setImmediate( resolve ) );
	}
}

function document(
	url: string,
	status: number,
	body: unknown,
	headers: Record< string, string > = {}
): HttpDocument {
	return {
		status,
		url,
		header: ( name ) => headers[ name ] ?? null,
		body: Buffer.from( JSON.stringify( body ) ),
	};
}

/**
 * A WordPress of `POSTS` posts (no pages), each linking to two of
 * `PARTNERS` partner sites, made page by page; `beforeListing` runs before
 * each page of posts is answered.
 */
function lazyWordPress( beforeListing: ( page: number ) => Promise< void > ) {
	let served = 0;
	const http: ScanHttp = {
		async get( url ) {
			const parsed = new URL( url );
			const type = /\/wp\/v2\/(posts|pages)/.exec(
				parsed.pathname
			)?.[ 1 ];
			const query = parsed.searchParams;
			const perPage = Number( query.get( 'per_page' ) );
			const total = type === 'posts' ? POSTS : 0;
			const totalPages = Math.ceil( total / perPage );
			const page = Number( query.get( 'page' ) ?? '1' );
			const headers = {
				'x-wp-total': String( total ),
				'x-wp-totalpages': String( totalPages ),
			};
			if ( page > Math.max( totalPages, 1 ) ) {
				return document( url, 400, {
					code: 'rest_post_invalid_page_number',
				} );
			}
			if ( query.get( '_fields' ) === 'id' ) {
				return document( url, 200, [], headers );
			}
			await beforeListing( page );
			const items = [];
			for (
				let id = ( page - 1 ) * perPage + 1;
				id <= Math.min( total, page * perPage );
				id++
			) {
				const links = [ id, id * 7 ]
					.map(
						( n ) =>
							`<a href="https://partner-${ n % PARTNERS }.example/">partner</a>`
					)
					.join( ' and ' );
				items.push( {
					id,
					link: `https://our.example/post-${ id }/`,
					modified_gmt: '2026-12-01T10:00:00',
					title: { rendered: `Post ${ id }` },
					content: {
						rendered: `<p>${ 'Garden words. '.repeat( 200 ) }See ${ links }.</p>`,
					},
					status: 'publish',
				} );
			}
			served += items.length;
			return document( url, 200, items, headers );
		},
		page: () => Promise.reject( new Error( 'no HTML pages on this site' ) ),
	};
	return { http, served: () => served };
}

describe( 'a site scan streams its posts', () => {
	let dir: string;
	let store: SqliteStore;

	beforeEach( () => {
		dir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-scan-stream-' ) );
		store = openStore( { dataDir: dir } );
	} );

	afterEach( async () => {
		await store.close();
		fs.rmSync( dir, { recursive: true, force: true } );
	} );

	it( 'holds at most a page of posts, stores each before reading the next, and checks partners in batches', async () => {
		const scanStore = store.openScanStore();
		let saved = 0;
		let maxAhead = 0;
		// Posts and their link lists handed to the store and not yet collected.
		const alive = {
			posts: new Set< number >(),
			links: new Set< number >(),
		};
		let maxAlive = 0;
		const finalizer = new FinalizationRegistry<
			[ 'posts' | 'links', number ]
		>( ( [ kind, key ] ) => alive[ kind ].delete( key ) );
		let key = 0;
		// The real store, watched: every post handed to it is tracked until
		// the garbage collector has taken it.
		const watched: ScanStore = Object.create( scanStore );
		watched.savePosts = async ( id, posts, unchanged, progress ) => {
			for ( const post of posts ) {
				key++;
				alive.posts.add( key );
				alive.links.add( key );
				finalizer.register( post, [ 'posts', key ] );
				finalizer.register( post.links, [ 'links', key ] );
			}
			await scanStore.savePosts( id, posts, unchanged, progress );
			saved += posts.length;
		};
		const site = lazyWordPress( async () => {
			// Before the next page: every earlier page is stored, and no post
			// of a stored page is still reachable.
			maxAhead = Math.max( maxAhead, site.served() - saved );
			await collect();
			maxAlive = Math.max( maxAlive, alive.posts.size, alive.links.size );
		} );
		const batches: number[] = [];
		const checkService: CheckService = {
			async check( request ) {
				batches.push( request.links.length );
				return {
					site: request.site,
					results: [],
				} as unknown as Awaited<
					ReturnType< CheckService[ 'check' ] >
				>;
			},
		};
		const scanner = createScanner( {
			store,
			scanStore: watched,
			checkService,
			http: site.http,
			settings: DEFAULT_SETTINGS,
			restPerPage: PER_PAGE,
			partnerBatch: PARTNER_BATCH,
		} );
		const record = await store.ensureSite( {
			url: 'https://our.example/',
			siteKey: 'our.example',
		} );

		const done = await scanner.scan( { site: record } );
		await collect();

		expect( done.state ).toBe( 'done' );
		expect( done.postsRead ).toBe( POSTS );
		expect( saved ).toBe( POSTS );
		// The page being read is the only one not yet stored.
		expect( maxAhead ).toBe( 0 );
		// Asking for the next page, at most the page just stored is still
		// reachable (its loop variables), never the pages before it.
		expect( maxAlive ).toBeLessThanOrEqual( PER_PAGE );
		expect( alive.posts.size ).toBeLessThanOrEqual( PER_PAGE );
		// Every partner once, never more than a batch per call.
		expect( batches.reduce( ( a, b ) => a + b, 0 ) ).toBe( PARTNERS );
		expect( Math.max( ...batches ) ).toBeLessThanOrEqual( PARTNER_BATCH );
		await scanStore.close();
	} );
} );
