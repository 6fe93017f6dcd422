/**
 * Issue 9 over the signed HTTP API, with the report: a partner's link that
 * disappears is "confirming" in the check answer, in the partner row of the
 * report after a scan, and in its history; the partner's evidence exports
 * as JSON and CSV (GET /v1/report/partners/:domain/evidence).
 */
import type { FastifyInstance } from 'fastify';
import {
	PartnerDetailSchema,
	ReportChangesSchema,
	ReportResponseSchema,
	ScanStatusSchema,
} from '../../src/core/report';
import { CheckResponseSchema } from '../../src/core/schemas';
import { SettingsSchema } from '../../src/core/settings';
import { EVIDENCE_CSV_COLUMNS } from '../../src/service/verdicts/evidence';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';
import { bindFakeWordPress, createFakeWordPress } from '../helpers/fake-sites';
import { signedSend, startLiveHarness } from './harness';
import type { LiveHarness } from './harness';

const KEY = 'c'.repeat( 64 );
/** Two misses confirm at once here: the hours are tested with a clock elsewhere. */
const SETTINGS = SettingsSchema.parse( { removalConfirmHours: 0 } );

describe( 'removal grace period and evidence over the API', () => {
	let web: PartnerWeb;
	let live: LiveHarness | undefined;
	let app: FastifyInstance;
	let siteUrl: string;
	let target: string;

	const signed = ( method: 'GET' | 'POST', url: string, body?: unknown ) =>
		signedSend( app, { method, url, body, site: siteUrl, key: KEY } );

	const check = async () => {
		const reply = await signed( 'POST', '/v1/check', {
			site: siteUrl,
			links: [ { url: target } ],
			fresh: true,
		} );
		expect( reply.statusCode ).toBe( 200 );
		return CheckResponseSchema.parse( reply.json() ).results[ 0 ];
	};

	const scan = async () => {
		const started = await signed( 'POST', '/v1/scan', {} );
		expect( started.statusCode ).toBe( 202 );
		let status = ScanStatusSchema.parse( started.json() );
		for ( let i = 0; i < 400 && status.state === 'running'; i++ ) {
			await new Promise( ( resolve ) => setTimeout( resolve, 25 ) );
			status = ScanStatusSchema.parse(
				( await signed( 'GET', '/v1/scan/status' ) ).json()
			);
		}
		expect( status.state ).toBe( 'done' );
	};

	beforeAll( async () => {
		const wp = createFakeWordPress( { host: 'our.example' } );
		wp.add( {
			title: 'Tools',
			content:
				'<p>Our friends at <a href="http://fading.test/post">Fading</a>.</p>',
		} );
		web = await startPartnerWeb( {
			'our.example': { '*': wp.handler },
			'fading.test': { '/': html( '<p>Home of Fading.</p>' ) },
		} );
		bindFakeWordPress( wp, web );
		siteUrl = web.url( 'our.example' );
		target = web.url( 'fading.test', '/post' );
		web.route(
			'fading.test',
			'/post',
			html( `<p>Thanks to <a href="${ siteUrl }">Our Example</a>.</p>` )
		);
		live = await startLiveHarness( {
			siteUrl,
			secret: KEY,
			settings: SETTINGS,
			resolveMap: web.resolveMap,
		} );
		app = live.app;
	} );

	afterAll( async () => {
		await live?.close();
		await web.close();
	} );

	it( 'shows "confirming" after one miss, in the check answer, the report row and the history', async () => {
		expect( ( await check() ).status ).toBe( 'links-back' );
		web.route( 'fading.test', '/post', html( '<p>Redesigned.</p>' ) );
		const missing = await check();
		expect( missing.status ).toBe( 'no-link' );
		expect( missing.removal ).toMatchObject( {
			state: 'confirming',
			misses: 1,
		} );

		await scan();

		const report = ReportResponseSchema.parse(
			( await signed( 'GET', '/v1/report' ) ).json()
		);
		const row = report.partners.rows.find(
			( p ) => p.domain === 'fading.test'
		);
		expect( row?.status ).toBe( 'no-link' );
		expect( row?.removal ).toMatchObject( { state: 'confirming' } );
		expect( report.alerts ).toEqual( [] );

		const detail = PartnerDetailSchema.parse(
			( await signed( 'GET', '/v1/report/partners/fading.test' ) ).json()
		);
		expect(
			detail.history.map( ( e ) => [ e.event, e.removal?.state ?? null ] )
		).toEqual(
			expect.arrayContaining( [
				[ 'first-check', null ],
				[ 'disappeared', 'confirming' ],
			] )
		);
	} );

	it( 'confirms the removal on the second miss, raising the stopped-linking alert', async () => {
		const confirmed = await check();
		expect( confirmed.removal ).toMatchObject( {
			state: 'confirmed',
			misses: expect.any( Number ),
		} );
		expect( confirmed.removal!.misses ).toBeGreaterThanOrEqual( 2 );

		await scan();
		const report = ReportResponseSchema.parse(
			( await signed( 'GET', '/v1/report' ) ).json()
		);
		expect(
			report.partners.rows.find( ( p ) => p.domain === 'fading.test' )
				?.removal?.state
		).toBe( 'confirmed' );
		expect( report.alerts ).toMatchObject( [
			{
				domain: 'fading.test',
				kind: 'stopped-linking',
				since: confirmed.removal!.missingSince,
			},
		] );
	} );

	it( 'GET /v1/report/changes: the removal is news from the check that confirmed it (the e-mail digest)', async () => {
		const report = ReportResponseSchema.parse(
			( await signed( 'GET', '/v1/report' ) ).json()
		);
		const alert = report.alerts[ 0 ];
		const confirmedAt = String( alert.params.confirmedAt );
		// Missing since the first miss, confirmed by a later check.
		expect( Date.parse( confirmedAt ) ).toBeGreaterThan(
			Date.parse( alert.since )
		);
		const changes = async ( since: string ) => {
			const reply = await signed(
				'GET',
				`/v1/report/changes?since=${ encodeURIComponent( since ) }`
			);
			expect( reply.statusCode ).toBe( 200 );
			return ReportChangesSchema.parse( reply.json() );
		};
		// A digest sent between the first miss and the confirmation still
		// hears of it; one sent after the confirmation does not again.
		const between = new Date( Date.parse( alert.since ) + 1 ).toISOString();
		expect( ( await changes( between ) ).alerts ).toMatchObject( [
			{ domain: 'fading.test', kind: 'stopped-linking' },
		] );
		const after = await changes( confirmedAt );
		expect( after.alerts ).toEqual( [] );
		expect( Date.parse( after.until ) ).toBeGreaterThanOrEqual(
			Date.parse( confirmedAt )
		);

		const bad = await signed( 'GET', '/v1/report/changes?since=yesterday' );
		expect( bad.statusCode ).toBe( 400 );
		expect( bad.json() ).toMatchObject( {
			code: 'ERR_VALIDATION',
			message: 'since: must be an ISO 8601 date and time',
		} );
	} );

	it( "exports the partner's evidence as JSON and CSV", async () => {
		const json = await signed(
			'GET',
			'/v1/report/partners/fading.test/evidence'
		);
		expect( json.statusCode ).toBe( 200 );
		const evidence = json.json();
		expect( evidence.domain ).toBe( 'fading.test' );
		expect(
			evidence.records.map( ( r: { status: string } ) => r.status )[ 0 ]
		).toBe( 'links-back' );
		expect( evidence.records[ 0 ] ).toMatchObject( {
			target,
			finalUrl: target,
			httpStatus: 200,
			htmlHash: expect.stringMatching( /^[0-9a-f]{64}$/ ),
			links: [
				{
					href: siteUrl,
					text: 'Our Example',
					rel: [],
					placement: 'content',
					seenBy: [ 'http' ],
				},
			],
		} );

		const csv = await signed(
			'GET',
			'/v1/report/partners/fading.test/evidence?format=csv'
		);
		expect( csv.statusCode ).toBe( 200 );
		expect( csv.headers.get( 'content-type' ) ).toContain( 'text/csv' );
		const lines = csv.text().trimEnd().split( '\r\n' );
		expect( lines[ 0 ] ).toBe( EVIDENCE_CSV_COLUMNS.join( ',' ) );
		expect( lines[ 1 ] ).toContain( `,links-back,${ target },200,` );
		expect( lines[ 1 ] ).toContain(
			`,${ siteUrl },Our Example,,content,,http,false`
		);
		expect( lines.length - 1 ).toBe( evidence.records.length );

		const unknown = await signed(
			'GET',
			'/v1/report/partners/nobody.test/evidence'
		);
		expect( unknown.statusCode ).toBe( 404 );
		expect( unknown.json().code ).toBe( 'ERR_PARTNER_UNKNOWN' );
	} );
} );
