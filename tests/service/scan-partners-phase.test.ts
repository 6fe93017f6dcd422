/**
 * What a scan's partners phase leaves behind (issue 17: a 100,000-post
 * scan within 250 MB). It records the partner graph but does not analyse
 * it per batch: the answers of its check-service batches go unread, and
 * analysing the graph for each one read every stored partner page again
 * (a 2,000-partner scan: 40 batches, each reading up to 2,000 pages, the
 * main thread's largest garbage). The graph is read once, by the report,
 * whatever the number of batches, and still says what it knows there.
 * And once every partner is checked, before the report, the scanner lets
 * the process stop its analysis workers (their heaps were a fifth of the
 * report phase's peak).
 */
import fs from 'node:fs';
import type { BacklinkResult } from '../../src/core/schemas';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { createCheckService } from '../../src/service/check-service';
import type { TargetChecker } from '../../src/service/check-service';
import { createPartnerGraphCache } from '../../src/service/graph/partner-graph';
import type { HttpDocument, ScanHttp } from '../../src/service/scan/http';
import { createScanner } from '../../src/service/scan/scanner';
import { openStore, siteIdentity } from '../../src/service/store';
import type { SiteRecord, SqliteStore } from '../../src/service/store';
import { fakeChecker, tempDataDir } from './harness';

const PARTNERS = 6;

function document( url: string, body: unknown ): HttpDocument {
	return {
		status: 200,
		url,
		header: ( name ) =>
			( { 'x-wp-total': String( PARTNERS ), 'x-wp-totalpages': '1' } )[
				name
			] ?? null,
		body: Buffer.from( JSON.stringify( body ) ),
	};
}

/** A WordPress of one post per partner (no pages). */
const wordpress: ScanHttp = {
	async get( url ) {
		const type = /\/wp\/v2\/(posts|pages)/.exec( new URL( url ).pathname );
		if ( type?.[ 1 ] !== 'posts' ) {
			return { ...document( url, [] ), header: () => '0' };
		}
		return document(
			url,
			Array.from( { length: PARTNERS }, ( _, i ) => ( {
				id: i + 1,
				link: `https://our.example/post-${ i + 1 }/`,
				modified_gmt: '2026-12-01T10:00:00',
				title: { rendered: `Post ${ i + 1 }` },
				content: {
					rendered: `<p>See <a href="https://partner-${ i }.example/">partner ${ i }</a>.</p>`,
				},
				status: 'publish',
			} ) )
		);
	},
	page: () => Promise.reject( new Error( 'no HTML pages on this site' ) ),
};

/**
 * The harness's fake checker, which also reports each page it read for
 * the graph: every partner links to the next one and back to us.
 */
function graphChecker(): TargetChecker {
	const inner = fakeChecker();
	return {
		async checkTarget( target, ctx ): Promise< BacklinkResult > {
			const result = await inner.checkTarget( target, ctx );
			const n = Number( /partner-(\d+)/.exec( target )?.[ 1 ] );
			const next = `partner-${ ( n + 1 ) % PARTNERS }.example`;
			ctx.onPartnerPage?.( {
				pageUrl: target,
				domain: `partner-${ n }.example`,
				foundOn: 'target-page',
				target,
				readAt: new Date().toISOString(),
				linksToUs: 1,
				outbound: [
					{
						domain: next,
						links: 1,
						sample: `https://${ next }/`,
					},
				],
				outboundTotal: 1,
			} );
			return result;
		},
	};
}

describe( 'a scan and the partner graph', () => {
	let dataDir: string;
	let store: SqliteStore;
	let site: SiteRecord;

	beforeEach( async () => {
		dataDir = tempDataDir();
		store = openStore( { dataDir } );
		site = await store.ensureSite(
			siteIdentity( 'https://our.example/' )!
		);
	} );

	afterEach( async () => {
		await store.close();
		fs.rmSync( dataDir, { recursive: true, force: true } );
	} );

	it( 'records every partner page but reads the graph once, for the report, however many batches', async () => {
		// Every read of the stored graph, by the check service's cache or
		// by the report.
		let graphReads = 0;
		const counted = Object.create( store ) as SqliteStore;
		counted.partnerPages = async ( siteId ) => {
			graphReads++;
			return store.partnerPages( siteId );
		};
		const graph = createPartnerGraphCache( { store: counted } );
		const scanner = createScanner( {
			store: counted,
			scanStore: store.openScanStore(),
			checkService: createCheckService( {
				store: counted,
				checker: graphChecker(),
				settings: DEFAULT_SETTINGS,
				graph,
			} ),
			http: wordpress,
			settings: DEFAULT_SETTINGS,
			// Three batches of partners.
			partnerBatch: 2,
		} );

		const done = await scanner.scan( { site } );

		expect( done.state ).toBe( 'done' );
		expect( done.partnersChecked ).toBe( PARTNERS );
		// The pages are all recorded, and the graph read from them once.
		expect( await store.partnerPages( site.id ) ).toHaveLength( PARTNERS );
		expect( graphReads ).toBe( 1 );
	} );

	it( 'lets the process stop its analysis workers after the last partner batch, before the report', async () => {
		const events: string[] = [];
		const scanStore = store.openScanStore();
		const watched = Object.create( scanStore ) as typeof scanStore;
		watched.replacePartners = async ( ...args ) => {
			events.push( 'report written' );
			return scanStore.replacePartners( ...args );
		};
		const service = createCheckService( {
			store,
			checker: graphChecker(),
			settings: DEFAULT_SETTINGS,
		} );
		const scanner = createScanner( {
			store,
			scanStore: watched,
			checkService: {
				check: ( ...args ) => {
					events.push( 'partner batch' );
					return service.check( ...args );
				},
			},
			http: wordpress,
			settings: DEFAULT_SETTINGS,
			partnerBatch: 4,
			onPartnersChecked: async () => {
				events.push( 'partners checked' );
			},
		} );

		expect( ( await scanner.scan( { site } ) ).state ).toBe( 'done' );
		expect( events ).toEqual( [
			'partner batch',
			'partner batch',
			'partners checked',
			'report written',
		] );
	} );

	it( 'answers a check without the graph when the caller does not read it, and with it otherwise', async () => {
		let graphGets = 0;
		const cache = createPartnerGraphCache( { store } );
		const service = createCheckService( {
			store,
			checker: graphChecker(),
			settings: DEFAULT_SETTINGS,
			graph: {
				...cache,
				get: ( ...args ) => {
					graphGets++;
					return cache.get( ...args );
				},
			},
		} );
		const request = ( from: number ) => ( {
			site: site.url,
			links: [ 0, 1, 2 ].map( ( i ) => ( {
				url: `https://partner-${ ( from + i ) % PARTNERS }.example/`,
				anchorText: '',
			} ) ),
			homepage: false,
			fresh: false,
			keywords: [],
		} );
		const results: BacklinkResult[] = [];
		const without = await service.check( request( 0 ), site, {
			withoutGraph: true,
			onResult: ( result ) => results.push( result ),
		} );
		expect( graphGets ).toBe( 0 );
		expect( results ).toHaveLength( 3 );
		expect( without.results.map( ( r ) => r.status ) ).toEqual( [
			'links-back',
			'links-back',
			'links-back',
		] );
		expect( await store.partnerPages( site.id ) ).toHaveLength( 3 );

		// The same service, asked normally: the answers carry the graph.
		await service.check( request( 3 ), site );
		expect( graphGets ).toBeGreaterThan( 0 );
	} );
} );
