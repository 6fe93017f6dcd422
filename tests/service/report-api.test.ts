/**
 * The scan and report routes over real HTTP, signed like /v1/check: start
 * a scan of a local fake WordPress, follow its status, page and filter the
 * report, open a partner, write to the relationship log, export CSV.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import {
	PartnerDetailSchema,
	ReportResponseSchema,
	ScanStatusSchema,
} from '../../src/core/report';
import { signRequest } from '../../src/service/auth';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';
import { bindFakeWordPress, createFakeWordPress } from '../helpers/fake-sites';
import { send, signedSend, startLiveHarness } from './harness';
import type { LiveHarness } from './harness';

const KEY = 'b'.repeat( 64 );

describe( 'scan and report API', () => {
	let web: PartnerWeb;
	let live: LiveHarness | undefined;
	let app: FastifyInstance;
	let siteUrl: string;

	const signed = ( method: 'GET' | 'POST', url: string, body?: unknown ) =>
		signedSend( app, { method, url, body, site: siteUrl, key: KEY } );

	beforeAll( async () => {
		const wp = createFakeWordPress( { host: 'our.example' } );
		wp.add( {
			title: 'Tools',
			content:
				'<p><a href="http://partner-a.test/">Partner A</a>, <a href="http://partner-b.test/">Partner B</a> and <a href="http://partner-c.test/">C</a>.</p>',
		} );
		const backlink =
			( where: 'content' | 'footer' ) =>
			(
				_req: unknown,
				res: import( 'node:http' ).ServerResponse,
				w: PartnerWeb
			) => {
				const link = `<a href="${ w.url( 'our.example' ) }">Our example</a>`;
				res.writeHead( 200, { 'content-type': 'text/html' } );
				res.end(
					html(
						where === 'content'
							? `<main><article><p>Good read: ${ link } on tools.</p></article></main>`
							: `<main><p>Tools.</p></main><footer class="site-footer">${ link }</footer>`
					)
				);
			};
		web = await startPartnerWeb( {
			'our.example': { '*': wp.handler },
			'partner-a.test': { '/': backlink( 'content' ) },
			'partner-b.test': { '/': backlink( 'footer' ) },
			'partner-c.test': { '/': html( '<p>No link here.</p>' ) },
		} );
		bindFakeWordPress( wp, web );
		siteUrl = web.url( 'our.example' );
		live = await startLiveHarness( {
			siteUrl,
			secret: KEY,
			settings: DEFAULT_SETTINGS,
			resolveMap: web.resolveMap,
		} );
		app = live.app;
	} );

	afterAll( async () => {
		await live?.close();
		await web.close();
	} );

	it( 'refuses unsigned requests', async () => {
		const reply = await send( app, { method: 'GET', url: '/v1/report' } );
		expect( reply.statusCode ).toBe( 401 );
	} );

	it( 'has no status before the first scan', async () => {
		const reply = await signed( 'GET', '/v1/scan/status' );
		expect( reply.statusCode ).toBe( 404 );
		expect( reply.json().code ).toBe( 'ERR_NO_SCAN' );
	} );

	it( 'refuses to scan a site other than the signing one', async () => {
		const reply = await signed( 'POST', '/v1/scan', {
			site: 'https://someone.else/',
		} );
		expect( reply.statusCode ).toBe( 403 );
		expect( reply.json() ).toMatchObject( {
			code: 'ERR_SITE_MISMATCH',
			field: 'site',
		} );
	} );

	it( 'starts a scan in the background and reports its progress until done', async () => {
		const started = await signed( 'POST', '/v1/scan', {} );
		expect( started.statusCode ).toBe( 202 );
		const status = ScanStatusSchema.parse( started.json() );
		expect( status ).toMatchObject( {
			state: 'running',
			source: 'wp-rest',
		} );
		let current = status;
		for ( let i = 0; i < 400 && current.state === 'running'; i++ ) {
			await new Promise( ( resolve ) => setTimeout( resolve, 25 ) );
			current = ScanStatusSchema.parse(
				( await signed( 'GET', '/v1/scan/status' ) ).json()
			);
		}
		expect( current ).toMatchObject( {
			id: status.id,
			state: 'done',
			postsRead: 1,
			partnersChecked: 3,
			partnersTotal: 3,
		} );
	} );

	it( 'serves the report, filtered and paged on the server', async () => {
		const all = ReportResponseSchema.parse(
			( await signed( 'GET', '/v1/report' ) ).json()
		);
		expect( all.summary ).toMatchObject( {
			partnerDomains: 3,
			linkingBack: 2,
		} );
		expect( all.lastScan?.state ).toBe( 'done' );
		const page = ReportResponseSchema.parse(
			(
				await signed(
					'GET',
					'/v1/report?status=links-back&perPage=1&page=2&orderBy=domain&order=asc'
				)
			).json()
		);
		expect( page.partners ).toMatchObject( {
			total: 2,
			page: 2,
			perPage: 1,
		} );
		expect( page.partners.rows.map( ( r ) => r.domain ) ).toEqual( [
			'partner-b.test',
		] );
		const footer = ReportResponseSchema.parse(
			( await signed( 'GET', '/v1/report?placement=footer' ) ).json()
		);
		expect( footer.partners.rows.map( ( r ) => r.domain ) ).toEqual( [
			'partner-b.test',
		] );
		const search = ReportResponseSchema.parse(
			( await signed( 'GET', '/v1/report?search=-c' ) ).json()
		);
		expect( search.partners.rows.map( ( r ) => r.domain ) ).toEqual( [
			'partner-c.test',
		] );
	} );

	it( 'names the field of an invalid query', async () => {
		const reply = await signed( 'GET', '/v1/report?perPage=500' );
		expect( reply.statusCode ).toBe( 400 );
		expect( reply.json() ).toMatchObject( {
			code: 'ERR_VALIDATION',
			field: 'perPage',
		} );
	} );

	it( 'walks the partner list by cursor in a stable order, refusing a page size or cursor it cannot use', async () => {
		for ( const order of [ 'asc', 'desc' ] ) {
			const seen: string[] = [];
			let url = `/v1/report?perPage=1&orderBy=ourLinks&order=${ order }`;
			for ( let round = 0; round < 10; round++ ) {
				const page = ReportResponseSchema.parse(
					( await signed( 'GET', url ) ).json()
				);
				expect( page.partners.rows.length ).toBeLessThanOrEqual( 1 );
				expect( page.partners.total ).toBe( 3 );
				seen.push( ...page.partners.rows.map( ( r ) => r.domain ) );
				if ( ! page.partners.nextCursor ) {
					break;
				}
				url = `/v1/report?perPage=1&orderBy=ourLinks&order=${ order }&after=${ page.partners.nextCursor }`;
			}
			// Equal link counts: the domain decides, in both directions.
			expect( seen ).toEqual( [
				'partner-a.test',
				'partner-b.test',
				'partner-c.test',
			] );
		}
		// A numbered page hands on a cursor too.
		const first = ReportResponseSchema.parse(
			( await signed( 'GET', '/v1/report?perPage=2' ) ).json()
		);
		const next = ReportResponseSchema.parse(
			(
				await signed(
					'GET',
					`/v1/report?perPage=2&after=${ first.partners.nextCursor }`
				)
			).json()
		);
		expect( next.partners.rows.map( ( r ) => r.domain ) ).toEqual( [
			'partner-c.test',
		] );
		expect( next.partners.nextCursor ).toBeNull();

		for ( const [ query, field, message ] of [
			[ 'perPage=0', 'perPage', 'from 1 to 200' ],
			[ 'perPage=ten', 'perPage', 'from 1 to 200' ],
			[ 'after=%25%25', 'after', 'not a cursor' ],
			[ 'after=eyJ4IjoxfQ', 'after', 'not a cursor of the partner list' ],
			[
				`orderBy=status&after=${ first.partners.nextCursor }`,
				'after',
				'sorted by domain asc, not by status asc',
			],
			[
				`page=2&after=${ first.partners.nextCursor }`,
				'after',
				'either by number (page) or after a cursor',
			],
		] ) {
			const reply = await signed( 'GET', `/v1/report?${ query }` );
			expect( { query, status: reply.statusCode } ).toEqual( {
				query,
				status: 400,
			} );
			expect( reply.json() ).toMatchObject( {
				code: 'ERR_VALIDATION',
				field,
				message: expect.stringContaining( message ),
			} );
		}
		for ( const [ query, field ] of [
			[ 'linksPerPage=0', 'linksPerPage' ],
			[ 'linksPerPage=501', 'linksPerPage' ],
			[ 'linksAfter=WzFd', 'linksAfter' ],
		] ) {
			const reply = await signed(
				'GET',
				`/v1/report/partners/partner-a.test?${ query }`
			);
			expect( { query, status: reply.statusCode } ).toEqual( {
				query,
				status: 400,
			} );
			expect( reply.json() ).toMatchObject( {
				code: 'ERR_VALIDATION',
				field,
				message: expect.stringMatching( new RegExp( `^${ field }: ` ) ),
			} );
		}
		const detail = PartnerDetailSchema.parse(
			(
				await signed(
					'GET',
					'/v1/report/partners/partner-a.test?linksPerPage=1'
				)
			).json()
		);
		expect( detail ).toMatchObject( {
			ourLinksTotal: 1,
			ourLinksNext: null,
		} );
		expect( detail.ourLinks ).toHaveLength( 1 );
	} );

	it( 'opens a partner with our links, their history and the log', async () => {
		const logged = await signed( 'POST', '/v1/partner-log', {
			domain: 'partner-a.test',
			author: 'ann',
			note: 'Swapped links in January, agreed by mail',
		} );
		expect( logged.statusCode ).toBe( 201 );
		expect( logged.json() ).toMatchObject( {
			domain: 'partner-a.test',
			author: 'ann',
		} );
		const empty = await signed( 'POST', '/v1/partner-log', {
			domain: 'partner-a.test',
			author: 'ann',
			note: '  ',
		} );
		expect( empty.statusCode ).toBe( 400 );
		expect( empty.json().field ).toBe( 'note' );

		const detail = PartnerDetailSchema.parse(
			(
				await signed( 'GET', '/v1/report/partners/partner-a.test' )
			).json()
		);
		expect( detail.partner.status ).toBe( 'links-back' );
		expect( detail.ourLinks ).toEqual( [
			expect.objectContaining( {
				text: 'Partner A',
				postTitle: 'Tools',
			} ),
		] );
		expect( detail.history ).toEqual( [
			expect.objectContaining( {
				event: 'first-check',
				status: 'links-back',
			} ),
		] );
		expect( detail.log.map( ( e ) => e.note ) ).toEqual( [
			'Swapped links in January, agreed by mail',
		] );

		const unknown = await signed(
			'GET',
			'/v1/report/partners/nobody.test'
		);
		expect( unknown.statusCode ).toBe( 404 );
		expect( unknown.json().code ).toBe( 'ERR_PARTNER_UNKNOWN' );
	} );

	it( 'exports the partner table as CSV with the log', async () => {
		const { port } = app.server.address() as AddressInfo;
		const headers = signRequest( {
			site: siteUrl,
			key: KEY,
			method: 'GET',
			path: '/v1/report/export.csv',
			body: '',
		} );
		const response = await fetch(
			`http://127.0.0.1:${ port }/v1/report/export.csv`,
			{ headers }
		);
		expect( response.status ).toBe( 200 );
		expect( response.headers.get( 'content-type' ) ).toMatch(
			/^text\/csv/
		);
		expect( response.headers.get( 'content-disposition' ) ).toMatch(
			/^attachment; filename="reciprocal-links-our\.example[^"]*\.csv"$/
		);
		const lines = ( await response.text() ).trim().split( '\r\n' );
		expect( lines[ 0 ] ).toMatch( /^domain,status,/ );
		expect(
			lines.slice( 1 ).map( ( line ) => line.split( ',' )[ 0 ] )
		).toEqual( [ 'partner-a.test', 'partner-b.test', 'partner-c.test' ] );
		expect( lines[ 1 ] ).toContain( 'ann: Swapped links in January' );
		expect( lines[ 2 ] ).toContain( ',links-back,' );
		expect( lines[ 2 ] ).toContain( ',footer,' );

		// The table as filtered and sorted in the report, without paging.
		const exportPath =
			'/v1/report/export.csv?status=links-back&orderBy=domain&order=desc&page=2&perPage=1';
		const filtered = await fetch(
			`http://127.0.0.1:${ port }${ exportPath }`,
			{
				headers: signRequest( {
					site: siteUrl,
					key: KEY,
					method: 'GET',
					path: exportPath,
					body: '',
				} ),
			}
		);
		const rows = ( await filtered.text() )
			.trim()
			.split( '\r\n' )
			.slice( 1 );
		expect( rows.map( ( line ) => line.split( ',' )[ 0 ] ) ).toEqual( [
			'partner-b.test',
			'partner-a.test',
		] );
	} );
} );
