/**
 * "Check again" for one partner (POST /v1/report/partners/:domain/check):
 * the partner's pages are fetched again, ignoring stored results, and the
 * report's row for it changes with what the partner shows now.
 */
import type { FastifyInstance } from 'fastify';
import { PartnerDetailSchema, ScanStatusSchema } from '../../src/core/report';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { signRequest } from '../../src/service/auth';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';
import { bindFakeWordPress, createFakeWordPress } from '../helpers/fake-sites';
import { send, startLiveHarness } from './harness';
import type { LiveHarness, Reply } from './harness';

const KEY = 'd'.repeat( 64 );

describe( 'POST /v1/report/partners/:domain/check', () => {
	let web: PartnerWeb;
	let live: LiveHarness;
	let app: FastifyInstance;
	let siteUrl: string;
	let partnerLinksBack = true;
	let fetches = 0;

	function signed(
		method: 'GET' | 'POST',
		url: string,
		body?: unknown
	): Promise< Reply > {
		const payload = body === undefined ? '' : JSON.stringify( body );
		return send( app, {
			method,
			url,
			headers: {
				...signRequest( {
					site: siteUrl,
					key: KEY,
					method,
					path: url,
					body: payload,
				} ),
				...( payload ? { 'content-type': 'application/json' } : {} ),
			},
			payload: payload || undefined,
		} );
	}

	beforeAll( async () => {
		const wp = createFakeWordPress( { host: 'our.example' } );
		web = await startPartnerWeb( {
			'our.example': { '*': wp.handler },
			'partner-a.test': {
				'/': ( _req, res, w ) => {
					fetches++;
					res.writeHead( 200, { 'content-type': 'text/html' } );
					res.end(
						html(
							partnerLinksBack
								? `<main><article><p>Read <a href="${ w.url(
										'our.example'
									) }">our friends</a> on gardens.</p></article></main>`
								: '<main><article><p>Nothing about anyone.</p></article></main>'
						)
					);
				},
			},
		} );
		wp.add( {
			title: 'Gardening',
			content: `<p>Our friends write <a href="${ web.url(
				'partner-a.test'
			) }">a garden blog</a> too.</p>`,
		} );
		bindFakeWordPress( wp, web );
		siteUrl = web.url( 'our.example' );
		live = await startLiveHarness( {
			siteUrl,
			secret: KEY,
			settings: { ...DEFAULT_SETTINGS, minRelevance: 0 },
			resolveMap: web.resolveMap,
		} );
		app = live.app;
		const started = await signed( 'POST', '/v1/scan', {} );
		if ( started.statusCode !== 202 ) {
			throw new Error( `scan not started: ${ started.text() }` );
		}
		let state = ScanStatusSchema.parse( started.json() ).state;
		for ( let i = 0; i < 400 && state === 'running'; i++ ) {
			await new Promise( ( resolve ) => setTimeout( resolve, 25 ) );
			state = ScanStatusSchema.parse(
				( await signed( 'GET', '/v1/scan/status' ) ).json()
			).state;
		}
		if ( state !== 'done' ) {
			throw new Error( `the scan ended ${ state }` );
		}
	} );

	afterAll( async () => {
		await live?.close();
		await web?.close();
	} );

	it( 'fetches the partner again and answers its new detail', async () => {
		const before = PartnerDetailSchema.parse(
			(
				await signed( 'GET', '/v1/report/partners/partner-a.test' )
			).json()
		);
		expect( before.partner.status ).toBe( 'links-back' );

		partnerLinksBack = false;
		const fetchesBefore = fetches;
		const reply = await signed(
			'POST',
			'/v1/report/partners/partner-a.test/check'
		);
		expect( reply.statusCode ).toBe( 200 );
		const after = PartnerDetailSchema.parse( reply.json() );
		// A stored result younger than the TTL was not used.
		expect( fetches ).toBeGreaterThan( fetchesBefore );
		expect( after.partner.status ).toBe( 'no-link' );
		expect( after.history.length ).toBeGreaterThan( before.history.length );
		// The report itself has the new status too.
		const report = ( await signed( 'GET', '/v1/report' ) ).json();
		expect(
			report.partners.rows.find(
				( p: { domain: string } ) => p.domain === 'partner-a.test'
			).status
		).toBe( 'no-link' );
	} );

	it( 'answers 404 for a domain that is not a partner', async () => {
		const reply = await signed(
			'POST',
			'/v1/report/partners/nobody.test/check'
		);
		expect( reply.statusCode ).toBe( 404 );
		expect( reply.json().code ).toBe( 'ERR_PARTNER_UNKNOWN' );
	} );

	it( 'needs a signature', async () => {
		const reply = await send( app, {
			method: 'POST',
			url: '/v1/report/partners/partner-a.test/check',
		} );
		expect( reply.statusCode ).toBe( 401 );
	} );
} );
