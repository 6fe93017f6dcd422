/**
 * The graph rules end to end (issue 19): the fixture webs served by local
 * HTTP servers under their own names (`--resolve`), checked by `rlg check`
 * (`--json` through the CLI's entry point in this process, the printed
 * chain and exit code as a child process), through the service's signed
 * post-verdict API and by a scan of a (fake) WordPress into the report. Each
 * rule fires on its neighbourhood, with the chain a person can open, and
 * stays silent on the clean neighbourhood.
 */
import fs from 'node:fs';
import type { Finding } from '../../src/core/findings';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import {
	ARTICLE_PATH,
	BARE_WEB,
	CLEAN_WEB,
	FOOTPRINT_WEB,
	NETWORK_WEB,
	RING_WEB,
	graphWebRoutes,
	type GraphWeb,
} from '../helpers/graph-webs';
import { ReportResponseSchema } from '../../src/core/report';
import { bindFakeWordPress, createFakeWordPress } from '../helpers/fake-sites';
import { startPartnerWeb, type PartnerWeb } from '../helpers/partner-web';
import { runCli } from './cli-harness';
import { runRlg } from './cli-process';
import {
	signedSend,
	startLiveHarness,
	tempDataDir,
	type LiveHarness,
} from './harness';

const GRAPH_CODES = [
	'link-ring',
	'partner-network',
	'shared-footprint',
	'link-context',
	'weak-destination',
];

// One `rlg check` runs as a process compiled on the fly: seconds on a quiet
// machine, far more on a loaded one.
jest.setTimeout( 120_000 );

describe( 'graph rules on fixture webs', () => {
	let web: PartnerWeb;
	let us: string;
	const dirs: string[] = [];
	// Our site: a WordPress whose one post links to the ring and the clean
	// partners, for the scan and report.
	const wp = createFakeWordPress( { host: 'our.test' } );

	beforeAll( async () => {
		// Our site's pages are never fetched by these checks; the partner
		// pages need our URLs (with the test port) to link to us.
		web = await startPartnerWeb( {
			'our.test': { '*': wp.handler },
			...Object.fromEntries(
				Object.keys( {
					...RING_WEB,
					...NETWORK_WEB,
					...FOOTPRINT_WEB,
					...BARE_WEB,
					...CLEAN_WEB,
				} ).map( ( name ) => [ name, {} ] )
			),
		} );
		bindFakeWordPress( wp, web );
		us = web.url( 'our.test', '/' );
		const post = web.url( 'our.test', '/growing-tomatoes/' );
		wp.add( {
			title: 'Growing tomatoes',
			content: Object.keys( { ...RING_WEB, ...CLEAN_WEB } )
				.map(
					( name ) =>
						`<p>Over three summers we compared our tomatoes with <a href="${ web.url(
							name,
							ARTICLE_PATH
						) }">the notes of ${ name }</a>, which helped with watering.</p>`
				)
				.join( '\n' ),
		} );
		for ( const neighbourhood of [
			RING_WEB,
			NETWORK_WEB,
			FOOTPRINT_WEB,
			BARE_WEB,
			CLEAN_WEB,
		] ) {
			for ( const [ name, routes ] of Object.entries(
				graphWebRoutes( neighbourhood, us, post )
			) ) {
				for ( const [ path, response ] of Object.entries( routes ) ) {
					web.route( name, path, response );
				}
			}
		}
	} );

	afterAll( async () => {
		await web.close();
		for ( const dir of dirs ) {
			fs.rmSync( dir, { recursive: true, force: true } );
		}
	} );

	/**
	 * `rlg check --json` (in this process, through main()) of every partner
	 * of `webs` in one data dir.
	 */
	async function check( ...webs: GraphWeb[] ): Promise< Finding[] > {
		const dataDir = tempDataDir();
		dirs.push( dataDir );
		const targets = webs.flatMap( ( w ) =>
			Object.keys( w ).map( ( name ) => web.url( name, ARTICLE_PATH ) )
		);
		const run = await runCli( [
			'check',
			...targets,
			'--site',
			us,
			'--json',
			'--data-dir',
			dataDir,
			...web.resolveArgs,
		] );
		expect( run.stderr ).toBe( '' );
		const report = JSON.parse( run.stdout ) as { findings: Finding[] };
		return report.findings.filter( ( f ) =>
			GRAPH_CODES.includes( f.code )
		);
	}

	const host = ( url: string | undefined ) =>
		url ? new URL( url ).hostname : '';

	it( 'rlg check: ring, network, footprint each on their partners; nothing on the clean partners', async () => {
		const findings = await check(
			RING_WEB,
			NETWORK_WEB,
			FOOTPRINT_WEB,
			CLEAN_WEB
		);
		const byCode = ( code: string ) =>
			findings
				.filter( ( f ) => f.code === code )
				.map( ( f ) => host( f.linkUrl ) )
				.sort();
		expect( byCode( 'link-ring' ) ).toEqual( [
			'ring-b.test',
			'ring-d.test',
			'ring-e.test',
		] );
		expect( byCode( 'partner-network' ) ).toEqual( [
			'net-a.test',
			'net-b.test',
			'net-c.test',
		] );
		expect( byCode( 'shared-footprint' ) ).toEqual( [
			'fp-a.test',
			'fp-b.test',
			'fp-c.test',
			'fp-d.test',
		] );
		expect(
			findings.filter( ( f ) => host( f.linkUrl ).startsWith( 'clean-' ) )
		).toEqual( [] );
		const ring = findings.find(
			( f ) =>
				f.code === 'link-ring' && host( f.linkUrl ) === 'ring-b.test'
		)!;
		expect( ring ).toMatchObject( {
			severity: 'warning',
			params: {
				sites: [ 'our.test', 'ring-b.test', 'ring-c.test', 'our.test' ],
				confidence: 'medium',
				pages: [
					web.url( 'ring-b.test', ARTICLE_PATH ),
					web.url( 'ring-b.test', ARTICLE_PATH ),
					web.url( 'ring-c.test', ARTICLE_PATH ),
				],
			},
		} );
		expect( findings.every( ( f ) => f.severity !== 'critical' ) ).toBe(
			true
		);
	} );

	it( 'rlg check: silent on the clean neighbourhood alone, and prints the chain', async () => {
		expect( await check( CLEAN_WEB ) ).toEqual( [] );
		const dataDir = tempDataDir();
		dirs.push( dataDir );
		const run = await runRlg( [
			'check',
			...Object.keys( RING_WEB ).map( ( name ) =>
				web.url( name, ARTICLE_PATH )
			),
			'--site',
			us,
			'--data-dir',
			dataDir,
			...web.resolveArgs,
		] );
		expect( run.code ).toBe( 1 );
		expect( run.stdout ).toContain(
			'Link ring (warning): our.test → ring-b.test → ring-c.test → our.test; confidence medium; seen on'
		);
	} );

	describe( 'through the service (POST /v1/post/findings)', () => {
		let harness: LiveHarness;
		const secret = 'b'.repeat( 64 );

		beforeAll( async () => {
			harness = await startLiveHarness( {
				siteUrl: us,
				secret,
				settings: DEFAULT_SETTINGS,
				resolveMap: web.resolveMap,
			} );
		} );

		afterAll( () => harness.close() );

		async function verdict( postHtml: string ): Promise< Finding[] > {
			const reply = await signedSend( harness.app, {
				method: 'POST',
				url: '/v1/post/findings',
				body: {
					site: us,
					post: { url: `${ us }draft/`, html: postHtml },
				},
				site: us,
				key: secret,
			} );
			expect( reply.statusCode ).toBe( 200 );
			return ( reply.json().findings as Finding[] ).filter( ( f ) =>
				GRAPH_CODES.includes( f.code )
			);
		}

		it( 'scans the site and reports the rings on their partners, nothing on the clean ones', async () => {
			const signed = ( method: 'GET' | 'POST', url: string ) =>
				signedSend( harness.app, {
					method,
					url,
					body: method === 'POST' ? {} : undefined,
					site: us,
					key: secret,
				} );
			expect( ( await signed( 'POST', '/v1/scan' ) ).statusCode ).toBe(
				202
			);
			let state = 'running';
			for ( let i = 0; i < 2400 && state === 'running'; i++ ) {
				await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
				state = ( await signed( 'GET', '/v1/scan/status' ) ).json()
					.state;
			}
			expect( state ).toBe( 'done' );
			const report = ReportResponseSchema.parse(
				( await signed( 'GET', '/v1/report?perPage=50' ) ).json()
			);
			const graphCodes = ( domain: string ) =>
				report.partners.rows
					.find( ( row ) => row.domain === domain )
					?.findings.filter( ( f ) => GRAPH_CODES.includes( f.code ) )
					.map( ( f ) => [ f.code, f.severity ] );
			expect( graphCodes( 'ring-b.test' ) ).toEqual( [
				[ 'link-ring', 'warning' ],
			] );
			expect( graphCodes( 'ring-d.test' ) ).toEqual( [
				[ 'link-ring', 'info' ],
			] );
			for ( const clean of Object.keys( CLEAN_WEB ) ) {
				expect( graphCodes( clean ) ).toEqual( [] );
			}
			const ring = report.partners.rows
				.find( ( row ) => row.domain === 'ring-b.test' )!
				.findings.find( ( f ) => f.code === 'link-ring' )!;
			expect( ring.params.sites ).toEqual( [
				'our.test',
				'ring-b.test',
				'ring-c.test',
				'our.test',
			] );
		} );

		it( 'judges bare links to homepages in an exchange, and not the clean partners', async () => {
			const bare = web.url( 'bare.test', '/' );
			const findings = await verdict(
				`<p>Tomatoes need sun.</p><ul><li><a href="${ bare }">Bare</a></li></ul>
				${ Object.keys( CLEAN_WEB )
					.map(
						( name ) =>
							`<p>We grew tomatoes for three summers and compared notes with <a href="${ web.url(
								name,
								ARTICLE_PATH
							) }">their growing notes</a>, which helped a lot with watering.</p>`
					)
					.join( '' ) }`
			);
			expect(
				findings.map( ( f ) => [
					f.code,
					f.severity,
					host( f.linkUrl ),
				] )
			).toEqual( [
				[ 'link-context', 'warning', 'bare.test' ],
				[ 'weak-destination', 'warning', 'bare.test' ],
			] );
		} );
	} );
} );
