/**
 * The partner graph is filled as partner pages are read (issue 19): a
 * check keeps, per page read afresh, the domains it links to (not its own,
 * not ours), how many links to us it holds, and which of our links led to
 * it; a 304 keeps what is stored.
 */
import fs from 'node:fs';
import { CheckRequestSchema } from '../../src/core/schemas';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { createCheckService } from '../../src/service/check-service';
import { createFetcher } from '../../src/service/fetch';
import { openStore, siteIdentity } from '../../src/service/store';
import { createVerdictChecker } from '../../src/service/verdicts/checker';
import type { SiteRecord, SqliteStore } from '../../src/service/store';
import { html, startPartnerWeb, type PartnerWeb } from '../helpers/partner-web';
import { tempDataDir } from './harness';

describe( 'partner graph: recorded while partner pages are read', () => {
	let web: PartnerWeb;
	let fetcher: ReturnType< typeof createFetcher >;
	let dataDir: string;
	let store: SqliteStore;
	let site: SiteRecord;
	let us: string;

	beforeAll( async () => {
		web = await startPartnerWeb( {
			'our.test': { '/': html( '<h1>Us</h1>' ) },
			'b.test': {
				'/post': ( req, res, w ) => {
					if ( req.headers[ 'if-none-match' ] === '"v1"' ) {
						res.writeHead( 304, { etag: '"v1"' } );
						res.end();
						return;
					}
					res.writeHead( 200, {
						'content-type': 'text/html; charset=utf-8',
						etag: '"v1"',
					} );
					res.end(
						`<html><body><article><p>Read <a href="${ w.url(
							'our.test',
							'/tips'
						) }">their tips</a> and
							<a href="https://c.test/x">C</a>, <a href="https://www.c.test/y">C again</a>,
							<a href="https://shop.d.test/">D</a>, <a href="/about">about us</a>,
							<a href="https://b.test/other">ourselves</a>.</p></article></body></html>`
					);
				},
				'/': html( '<footer><a href="https://e.test/">E</a></footer>' ),
			},
		} );
		us = web.url( 'our.test', '/' );
		fetcher = createFetcher( {
			resolveMap: web.resolveMap,
			maxRetries: 0,
		} );
	} );

	afterAll( async () => {
		await fetcher.close();
		await web.close();
	} );

	beforeEach( async () => {
		dataDir = tempDataDir();
		store = openStore( { dataDir } );
		site = await store.ensureSite( siteIdentity( us )! );
	} );

	afterEach( async () => {
		await store.close();
		fs.rmSync( dataDir, { recursive: true, force: true } );
	} );

	async function check( fresh = false ) {
		const service = createCheckService( {
			store,
			// As `rlg serve` wires it (the verdict checker around the backlink checker).
			checker: createVerdictChecker( { fetcher } ),
			settings: DEFAULT_SETTINGS,
		} );
		return service.check(
			CheckRequestSchema.parse( {
				site: us,
				links: [ { url: web.url( 'b.test', '/post' ) } ],
				fresh,
			} ),
			site
		);
	}

	it( 'keeps the outbound domains of the target page and the homepage', async () => {
		const response = await check();
		expect( response.results[ 0 ].status ).toBe( 'links-back' );
		const pages = await store.partnerPages( site.id );
		const byFound = Object.fromEntries(
			pages.map( ( page ) => [ page.foundOn, page ] )
		);
		expect( byFound[ 'target-page' ] ).toMatchObject( {
			pageUrl: web.url( 'b.test', '/post' ),
			domain: 'b.test',
			target: web.url( 'b.test', '/post' ),
			linksToUs: 1,
			outboundTotal: 2,
			outbound: [
				{ domain: 'c.test', links: 2, sample: 'https://c.test/x' },
				{ domain: 'd.test', links: 1, sample: 'https://shop.d.test/' },
			],
		} );
		expect( byFound.homepage ).toMatchObject( {
			domain: 'b.test',
			linksToUs: 0,
			outbound: [ { domain: 'e.test', links: 1 } ],
		} );
	} );

	it( 'keeps the stored page when a 304 confirms it', async () => {
		await check();
		const targetPage = async () =>
			( await store.partnerPages( site.id ) ).find(
				( page ) => page.foundOn === 'target-page'
			);
		const before = await targetPage();
		await check( true );
		expect( await targetPage() ).toEqual( before );
	} );
} );
