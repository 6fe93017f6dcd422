/**
 * Per-site settings over real HTTP: what a site's admin saves in WordPress
 * (PUT /v1/site/settings) is what the service checks, scans and reports
 * that site with, on top of the service's own settings.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { ReportResponseSchema, ScanStatusSchema } from '../../src/core/report';
import { CheckResponseSchema } from '../../src/core/schemas';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Settings } from '../../src/core/settings';
import { signRequest } from '../../src/service/auth';
import {
	DATABASE_FILE,
	openStore,
	siteIdentity,
} from '../../src/service/store';
import type { SqliteStore } from '../../src/service/store';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';
import { bindFakeWordPress, createFakeWordPress } from '../helpers/fake-sites';
import {
	SITE_KEY,
	SITE_URL,
	send,
	signedSend,
	startHarness,
	startLiveHarness,
} from './harness';
import type { Harness, LiveHarness, Reply } from './harness';

const KEY = 'c'.repeat( 64 );
const ANCHOR = 'organic gardening tips';
// The service's own settings: a field the site never sets keeps this value.
const SERVICE_SETTINGS: Settings = { ...DEFAULT_SETTINGS, minRelevance: 0 };

describe( 'per-site settings (PUT/GET /v1/site/settings)', () => {
	let web: PartnerWeb;
	let dataDir: string;
	let store: SqliteStore;
	let live: LiveHarness | undefined;
	let app: FastifyInstance;
	let siteUrl: string;

	function signed(
		method: 'GET' | 'POST' | 'PUT',
		url: string,
		body?: unknown
	): Promise< Reply > {
		const payload = body === undefined ? '' : JSON.stringify( body );
		const headers = signRequest( {
			site: siteUrl,
			key: KEY,
			method,
			path: url,
			body: payload,
		} );
		return send( app, {
			method,
			url,
			headers: {
				...headers,
				...( payload ? { 'content-type': 'application/json' } : {} ),
			},
			payload: payload || undefined,
		} );
	}

	async function scanToEnd() {
		const started = await signed( 'POST', '/v1/scan', {} );
		expect( started.statusCode ).toBe( 202 );
		let current = ScanStatusSchema.parse( started.json() );
		for ( let i = 0; i < 400 && current.state === 'running'; i++ ) {
			await new Promise( ( resolve ) => setTimeout( resolve, 25 ) );
			current = ScanStatusSchema.parse(
				( await signed( 'GET', '/v1/scan/status' ) ).json()
			);
		}
		expect( current.state ).toBe( 'done' );
		return ReportResponseSchema.parse(
			( await signed( 'GET', '/v1/report' ) ).json()
		);
	}

	const exactMatchFindings = ( report: { summary: any } ) =>
		(
			report.summary.findings as Array< { code: string; count: number } >
		 ).filter( ( f ) => f.code.startsWith( 'exact-match-anchor' ) );

	beforeAll( async () => {
		const wp = createFakeWordPress( { host: 'our.example' } );
		web = await startPartnerWeb( {
			'our.example': { '*': wp.handler },
			'partner-a.test': {
				'/': ( _req, res, w ) => {
					res.writeHead( 200, { 'content-type': 'text/html' } );
					res.end(
						html(
							`<main><article><p>Read <a href="${ w.url(
								'our.example'
							) }">${ ANCHOR }</a> for more on gardens.</p></article></main>`
						)
					);
				},
			},
		} );
		wp.add( {
			title: 'Gardening',
			content: `<p>Our friends write <a href="${ web.url(
				'partner-a.test'
			) }">${ ANCHOR }</a> too.</p>`,
		} );
		bindFakeWordPress( wp, web );
		siteUrl = web.url( 'our.example' );
		live = await startLiveHarness( {
			siteUrl,
			secret: KEY,
			settings: SERVICE_SETTINGS,
			resolveMap: web.resolveMap,
		} );
		( { dataDir, store, app } = live );
	} );

	afterAll( async () => {
		await live?.close();
		await web?.close();
	} );

	it( 'refuses unsigned reads and writes with 401', async () => {
		const put = await send( app, {
			method: 'PUT',
			url: '/v1/site/settings',
			headers: { 'content-type': 'application/json' },
			payload: JSON.stringify( { keywords: [ ANCHOR ] } ),
		} );
		expect( put.statusCode ).toBe( 401 );
		expect( put.json().code ).toBe( 'ERR_AUTH_MISSING' );
		const get = await send( app, {
			method: 'GET',
			url: '/v1/site/settings',
		} );
		expect( get.statusCode ).toBe( 401 );
	} );

	it( 'serves the service settings to a site that stored none', async () => {
		const reply = await signed( 'GET', '/v1/site/settings' );
		expect( reply.statusCode ).toBe( 200 );
		expect( reply.json() ).toEqual( {
			site: siteUrl,
			own: {},
			effective: SERVICE_SETTINGS,
			alternateUrls: [],
			updatedAt: null,
		} );
	} );

	it( 'classifies the anchor by the service settings before the site sets keywords', async () => {
		const reply = await signed( 'POST', '/v1/check', {
			site: siteUrl,
			links: [ { url: web.url( 'partner-a.test' ), anchorText: ANCHOR } ],
		} );
		expect( reply.statusCode ).toBe( 200 );
		const [ result ] = CheckResponseSchema.parse( reply.json() ).results;
		expect( result.status ).toBe( 'links-back' );
		expect( result.links[ 0 ].anchorClass ).toBe( 'other' );
		expect( exactMatchFindings( await scanToEnd() ) ).toEqual( [] );
	} );

	it.each( [
		[ { maxReciprocalPartners: -1 }, 'maxReciprocalPartners' ],
		[ { keywords: [ 'ok', 7 ] }, 'keywords.1' ],
		[ { velocityWindowDays: 'thirty' }, 'velocityWindowDays' ],
		// A known setting with a wrong value is refused even beside
		// settings this service does not know.
		[
			{ checkJavaScriptLinks: true, maxReciprocalPartners: -1 },
			'maxReciprocalPartners',
		],
		[ { alternateUrls: [ 'ftp://old.example/' ] }, 'alternateUrls.0' ],
	] )( 'refuses %j with a 400 naming %s', async ( body, field ) => {
		const reply = await signed( 'PUT', '/v1/site/settings', body );
		expect( reply.statusCode ).toBe( 400 );
		expect( reply.json() ).toMatchObject( { code: 'ERR_VALIDATION' } );
		expect( reply.json().field ).toBe( field );
		expect( reply.json().message ).toMatch( new RegExp( `^${ field }: ` ) );
		// Nothing was stored by a refused request.
		expect( await store.getSiteSettings( 1 ) ).toBeNull();
	} );

	it( 'stores only the fields the site sent, with its alternate URLs', async () => {
		const reply = await signed( 'PUT', '/v1/site/settings', {
			keywords: [ ANCHOR ],
			maxReciprocalPartners: 0,
			velocityWindowDays: 7,
			alternateUrls: [ 'https://www.Old-Domain.example', siteUrl ],
		} );
		expect( reply.statusCode ).toBe( 200 );
		const answer = reply.json();
		expect( answer.own ).toEqual( {
			keywords: [ ANCHOR ],
			maxReciprocalPartners: 0,
			velocityWindowDays: 7,
		} );
		expect( answer.effective ).toEqual( {
			...SERVICE_SETTINGS,
			keywords: [ ANCHOR ],
			maxReciprocalPartners: 0,
			velocityWindowDays: 7,
		} );
		// Normalised, and the site's own URL is no alias of itself.
		expect( answer.alternateUrls ).toEqual( [
			'https://www.old-domain.example/',
		] );
		const site = await store.findSite( siteIdentity( siteUrl )!.siteKey );
		expect( site?.alternateUrls ).toEqual( [
			'https://www.old-domain.example/',
		] );
		expect(
			( await signed( 'GET', '/v1/site/settings' ) ).json().own
		).toEqual( answer.own );
	} );

	it( 'checks with the site keywords once they are stored', async () => {
		const reply = await signed( 'POST', '/v1/check', {
			site: siteUrl,
			links: [ { url: web.url( 'partner-a.test' ), anchorText: ANCHOR } ],
			fresh: true,
		} );
		const [ result ] = CheckResponseSchema.parse( reply.json() ).results;
		expect( result.links[ 0 ].anchorClass ).toBe( 'exact-match' );
	} );

	it( 'scans and reports with the site keywords and thresholds', async () => {
		const report = await scanToEnd();
		expect( report.summary.thresholds ).toMatchObject( {
			maxReciprocalPartners: 0,
			velocityWindowDays: 7,
			minRelevance: SERVICE_SETTINGS.minRelevance,
		} );
		expect( exactMatchFindings( report ).length ).toBeGreaterThan( 0 );
		expect( report.summary.findings.map( ( f ) => f.code ) ).toContain(
			'too-many-partners'
		);
	} );

	it( 'keeps the stored settings when the store is opened again (migration 2)', async () => {
		const again = openStore( { dataDir } );
		try {
			expect( again.schemaVersion() ).toBeGreaterThanOrEqual( 2 );
			const stored = await again.getSiteSettings(
				( await again.findSite( siteIdentity( siteUrl )!.siteKey ) )!.id
			);
			expect( stored?.settings ).toEqual( {
				keywords: [ ANCHOR ],
				maxReciprocalPartners: 0,
				velocityWindowDays: 7,
			} );
		} finally {
			await again.close();
		}
	} );
} );

describe( 'a settings push from a plugin newer than the service', () => {
	let harness: Harness;
	const FUTURE = [ 'checkJavaScriptLinks', 'maxPartnersPerCategory' ];

	beforeEach( async () => {
		harness = await startHarness();
	} );
	afterEach( async () => harness.close() );

	function put( body: unknown ) {
		return signedPut( harness, '/v1/site/settings', body );
	}

	it( 'applies the settings it knows and answers the unknown ones as ignored', async () => {
		const reply = await put( {
			keywords: [ 'garden furniture' ],
			checkJavaScriptLinks: true,
			velocityWindowDays: 14,
			maxPartnersPerCategory: 4,
		} );
		expect( reply.statusCode ).toBe( 200 );
		expect( reply.json().ignored ).toEqual( FUTURE );
		expect( reply.json().own ).toEqual( {
			keywords: [ 'garden furniture' ],
			velocityWindowDays: 14,
		} );
		expect( reply.json().effective ).toMatchObject( {
			keywords: [ 'garden furniture' ],
			velocityWindowDays: 14,
		} );
		expect( reply.json().effective ).not.toHaveProperty(
			'checkJavaScriptLinks'
		);
	} );

	it( 'stores nothing it did not validate: the ignored fields are not in the database', async () => {
		await put( { minRelevance: 0.2, checkJavaScriptLinks: 'yes' } );
		const db = new BetterSqlite3(
			path.join( harness.dataDir, DATABASE_FILE ),
			{ readonly: true }
		);
		try {
			const row = db
				.prepare(
					'SELECT settings FROM site_settings WHERE site_id = ?'
				)
				.get( harness.site.id ) as { settings: string };
			expect( JSON.parse( row.settings ) ).toEqual( {
				minRelevance: 0.2,
			} );
		} finally {
			db.close();
		}
		const read = await signedSend( harness.app, {
			method: 'GET',
			url: '/v1/site/settings',
		} );
		expect( read.json().own ).toEqual( { minRelevance: 0.2 } );
	} );

	it( 'answers an empty ignored list when every field is known', async () => {
		const reply = await put( { checkCloaking: true } );
		expect( reply.statusCode ).toBe( 200 );
		expect( reply.json().ignored ).toEqual( [] );
		expect( reply.json().own ).toEqual( { checkCloaking: true } );
	} );

	it( 'ignores a __proto__ field instead of letting it reach the settings', async () => {
		const reply = await signedPut(
			harness,
			'/v1/site/settings',
			'{"__proto__":{"blockPublishing":true},"maxNewPartnersInWindow":1}'
		);
		expect( reply.statusCode ).toBe( 200 );
		expect( reply.json().ignored ).toEqual( [ '__proto__' ] );
		expect( reply.json().own ).toEqual( { maxNewPartnersInWindow: 1 } );
		expect( reply.json().effective.blockPublishing ).toBe( false );
	} );

	it.each( [ [ '[]' ], [ 'null' ], [ '"checkCloaking"' ] ] )(
		'still refuses a body that is no object (%s) with a 400',
		async ( body ) => {
			const reply = await signedPut( harness, '/v1/site/settings', body );
			expect( reply.statusCode ).toBe( 400 );
			expect( reply.json().code ).toBe( 'ERR_VALIDATION' );
		}
	);
} );

/** PUT signed as the harness site; a string body is sent as is. */
function signedPut( harness: Harness, url: string, body: unknown ) {
	const payload = typeof body === 'string' ? body : JSON.stringify( body );
	return send( harness.app, {
		method: 'PUT',
		url,
		headers: {
			...signRequest( {
				site: SITE_URL,
				key: SITE_KEY,
				method: 'PUT',
				path: url,
				body: payload,
			} ),
			'content-type': 'application/json',
		},
		payload,
	} );
}

describe( 'GET /v1/stats with the site velocity window', () => {
	it( 'counts new partners within the window the site set', async () => {
		// The app's clock is 10 days ahead of the checks: the partners are
		// new within the default 30-day window, not within a 7-day one.
		const ahead = () => Date.now() + 10 * 86_400_000;
		// Requests are signed on the app's clock.
		const timestamp = () => Math.floor( ahead() / 1000 );
		const harness = await startHarness( { now: ahead } );
		try {
			await signedSend( harness.app, {
				method: 'POST',
				url: '/v1/check',
				timestamp: timestamp(),
				body: {
					site: SITE_URL,
					links: [
						{ url: 'https://partner.example/a' },
						{ url: 'https://partner-two.example/' },
					],
				},
			} );
			const stats = async () =>
				(
					await signedSend( harness.app, {
						method: 'GET',
						url: '/v1/stats',
						timestamp: timestamp(),
					} )
				).json();
			expect( await stats() ).toMatchObject( {
				reciprocalPartners: 2,
				newReciprocalPartners: 2,
			} );

			const body = JSON.stringify( { velocityWindowDays: 7 } );
			const put = await send( harness.app, {
				method: 'PUT',
				url: '/v1/site/settings',
				headers: {
					...signRequest( {
						site: SITE_URL,
						key: SITE_KEY,
						method: 'PUT',
						path: '/v1/site/settings',
						body,
						timestamp: timestamp(),
					} ),
					'content-type': 'application/json',
				},
				payload: body,
			} );
			expect( put.statusCode ).toBe( 200 );
			expect( await stats() ).toMatchObject( {
				reciprocalPartners: 2,
				newReciprocalPartners: 0,
			} );
		} finally {
			await harness.close();
		}
	} );
} );
