/**
 * Imported backlinks in the checks and scans (issue 19): a ring whose
 * last hop only an imported Search Console export shows (us → hub-b →
 * spoke-c, and spoke-c links to us only in the export) is found by the
 * service as `rlg serve` wires it (POST /v1/check for the editor, a scan
 * into the report) and by `rlg check --site-wide`, once the export is
 * imported; not before. Partner sites are local HTTP servers.
 */
import fs from 'node:fs';
import type { Finding } from '../../src/core/findings';
import { ReportResponseSchema } from '../../src/core/report';
import type { BacklinkResult } from '../../src/core/schemas';
import type { RunningService } from '../../src/service/api/server';
import { signRequest } from '../../src/service/auth';
import { openStore, siteIdentity } from '../../src/service/store';
import { bindFakeWordPress, createFakeWordPress } from '../helpers/fake-sites';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';
import { startTestService } from '../helpers/test-service';
import { runCli } from './cli-harness';
import { tempDataDir } from './harness';

const KEY = 'd'.repeat( 64 );
const ARTICLE = '/article/growing-notes';
const PROSE =
	'We grew tomatoes for three summers and wrote down what the soil, the watering and the varieties did';

/** Search Console → Links → Latest links, as exported (CRLF). */
const GSC_LATEST_LINKS =
	'Linking page,Last crawled\r\nhttps://spoke-c.test/friends-of-the-garden/,2026-11-28\r\n';

jest.setTimeout( 60_000 );

describe( 'a ring closed by an imported backlink', () => {
	let web: PartnerWeb;
	let us: string;
	let hub: string;
	const dirs: string[] = [];
	const wp = createFakeWordPress( { host: 'our.test' } );

	beforeAll( async () => {
		web = await startPartnerWeb( {
			'our.test': { '*': wp.handler },
			// hub-b does not link back; it links on to spoke-c, which no
			// page the service reads shows linking to us.
			'hub-b.test': {
				'/robots.txt': 'User-agent: *\nAllow: /',
				'/': html( `<h1>hub-b</h1><p>${ PROSE }.</p>` ),
			},
		} );
		bindFakeWordPress( wp, web );
		us = web.url( 'our.test', '/' );
		hub = web.url( 'hub-b.test', ARTICLE );
		web.route(
			'hub-b.test',
			ARTICLE,
			html(
				`<article><h1>Notes</h1><p>${ PROSE }; see also <a href="https://spoke-c.test/notes">spoke-c</a> for more.</p></article>`
			)
		);
		wp.add( {
			title: 'Growing tomatoes',
			content: `<p>Over three summers we compared our tomatoes with <a href="${ hub }">the notes of hub-b</a>, which helped with watering.</p>`,
		} );
	} );

	afterAll( async () => {
		await web.close();
		for ( const dir of dirs ) {
			fs.rmSync( dir, { recursive: true, force: true } );
		}
	} );

	/** A data directory with our site registered, signing with KEY. */
	async function dataDirWithSite(): Promise< string > {
		const dataDir = tempDataDir();
		dirs.push( dataDir );
		const store = openStore( { dataDir } );
		await store.addSite( { ...siteIdentity( us )!, secret: KEY } );
		await store.close();
		return dataDir;
	}

	async function signed(
		service: RunningService,
		method: 'GET' | 'POST',
		path: string,
		payload?: unknown
	): Promise< { status: number; json: any } > {
		const body = payload === undefined ? '' : JSON.stringify( payload );
		const response = await fetch( `${ service.url }${ path }`, {
			method,
			headers: {
				...signRequest( { site: us, key: KEY, method, path, body } ),
				...( body ? { 'content-type': 'application/json' } : {} ),
			},
			...( body ? { body } : {} ),
		} );
		return { status: response.status, json: await response.json() };
	}

	async function editorCheck(
		service: RunningService
	): Promise< BacklinkResult > {
		const reply = await signed( service, 'POST', '/v1/check', {
			site: us,
			links: [ { url: hub, anchorText: 'the notes of hub-b' } ],
		} );
		expect( reply.status ).toBe( 200 );
		return reply.json.results[ 0 ] as BacklinkResult;
	}

	async function importGsc( service: RunningService ) {
		const reply = await signed( service, 'POST', '/v1/backlinks/import', {
			fileName: 'gsc-latest-links.csv',
			content: Buffer.from( GSC_LATEST_LINKS ).toString( 'base64' ),
		} );
		expect( reply.status ).toBe( 201 );
		expect( reply.json.import ).toMatchObject( {
			format: 'gsc',
			backlinks: 1,
		} );
	}

	const RING = [ 'our.test', 'hub-b.test', 'spoke-c.test', 'our.test' ];

	it( 'rlg serve: the editor check shows the ring once the export is imported, the report after a scan too', async () => {
		const dataDir = await dataDirWithSite();
		const service = await startTestService( {
			dataDir,
			resolve: web.resolveEntries,
		} );
		try {
			// Before: hub-b read, no link back, no ring.
			const before = await editorCheck( service );
			expect( before.status ).toBe( 'no-link' );
			expect( before.graph?.rings ?? [] ).toEqual( [] );

			await importGsc( service );
			// At once (the analysis from a moment ago is not reused): the
			// stored result with the ring the import closed.
			const after = await editorCheck( service );
			expect( after.fromCache ).toBe( true );
			expect( after.graph?.rings ).toEqual( [
				expect.objectContaining( {
					sites: RING,
					confidence: 'low',
					hops: [
						expect.objectContaining( { source: 'our-link' } ),
						expect.objectContaining( {
							source: 'partner-page',
							pageUrl: hub,
						} ),
						{
							from: 'spoke-c.test',
							to: 'our.test',
							pageUrl:
								'https://spoke-c.test/friends-of-the-garden/',
							source: 'imported',
							// The export's "Last crawled"; stale or not
							// depends on today (core tests pin it).
							lastSeen: '2026-11-28',
							stale: expect.any( Boolean ),
						},
					],
				} ),
			] );

			// A scan of our site: hub-b's row in the report has the ring.
			expect(
				( await signed( service, 'POST', '/v1/scan', {} ) ).status
			).toBe( 202 );
			let state = 'running';
			for ( let i = 0; i < 600 && state === 'running'; i++ ) {
				await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
				state = ( await signed( service, 'GET', '/v1/scan/status' ) )
					.json.state;
			}
			expect( state ).toBe( 'done' );
			const report = ReportResponseSchema.parse(
				( await signed( service, 'GET', '/v1/report' ) ).json
			);
			const row = report.partners.rows.find(
				( r ) => r.domain === 'hub-b.test'
			);
			expect(
				row?.findings.filter( ( f ) => f.code === 'link-ring' )
			).toEqual( [
				expect.objectContaining( {
					severity: 'info',
					params: expect.objectContaining( { sites: RING } ),
				} ),
			] );
		} finally {
			await service.close();
		}
	} );

	it( 'rlg serve and rlg import in another process: the next editor check shows the ring, not a minute later', async () => {
		const dataDir = await dataDirWithSite();
		const service = await startTestService( {
			dataDir,
			resolve: web.resolveEntries,
		} );
		try {
			// The service analyses the graph (no ring) and keeps it.
			expect(
				( await editorCheck( service ) ).graph?.rings ?? []
			).toEqual( [] );
			// rlg import opens the database on its own store handle, as a
			// separate process does; the service is not told.
			const csv = `${ dataDir }/gsc-latest-links.csv`;
			fs.writeFileSync( csv, GSC_LATEST_LINKS );
			const run = await runCli( [
				'import',
				csv,
				'--site',
				us,
				'--data-dir',
				dataDir,
			] );
			expect( run.exitCode ).toBe( 0 );
			const after = await editorCheck( service );
			expect( after.graph?.rings.map( ( ring ) => ring.sites ) ).toEqual(
				[ RING ]
			);
		} finally {
			await service.close();
		}
	} );

	async function siteWideRings( dataDir: string ): Promise< Finding[] > {
		const run = await runCli( [
			'check',
			hub,
			'--site',
			us,
			'--site-wide',
			'--json',
			'--data-dir',
			dataDir,
			...web.resolveArgs,
		] );
		expect( run.stderr ).toBe( '' );
		return (
			JSON.parse( run.stdout ) as { findings: Finding[] }
		 ).findings.filter( ( f ) => f.code === 'link-ring' );
	}

	it( 'rlg check --site-wide: the ring with the imported hop after rlg import, none without', async () => {
		const without = await dataDirWithSite();
		expect( await siteWideRings( without ) ).toEqual( [] );

		const imported = await dataDirWithSite();
		const csv = `${ imported }/gsc-latest-links.csv`;
		fs.writeFileSync( csv, GSC_LATEST_LINKS );
		const run = await runCli( [
			'import',
			csv,
			'--site',
			us,
			'--data-dir',
			imported,
		] );
		expect( run.exitCode ).toBe( 0 );
		const rings = await siteWideRings( imported );
		expect( rings ).toEqual( [
			expect.objectContaining( {
				severity: 'info',
				params: expect.objectContaining( {
					sites: RING,
					sources: [ 'our-link', 'partner-page', 'imported' ],
				} ),
			} ),
		] );
	} );
} );
