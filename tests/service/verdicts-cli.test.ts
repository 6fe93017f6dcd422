/**
 * Issue 9 on the command line: `rlg check --cloaking`, `--alias`, and
 * `rlg evidence` against local partner sites (named hosts routed to
 * 127.0.0.1 with --resolve), the store in a temp data directory.
 */
import fs from 'node:fs';
import { EVIDENCE_CSV_COLUMNS } from '../../src/service/verdicts/evidence';
import { html, redirect, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';
import { runCli } from './cli-harness';
import { tempDataDir } from './harness';

const SITE = 'https://our.example/';

describe( 'rlg check --cloaking / --alias and rlg evidence', () => {
	let web: PartnerWeb;
	let dataDir: string;

	beforeAll( async () => {
		web = await startPartnerWeb( {
			'cloaker.test': {
				'/post': ( req, res ) => {
					const bot = /ReciprocalLinkGuard/.test(
						req.headers[ 'user-agent' ] ?? ''
					);
					res.writeHead( 200, {
						'content-type': 'text/html; charset=utf-8',
					} );
					res.end(
						html(
							bot
								? `<p>Thanks to <a href="${ SITE }">Our Example</a>.</p>`
								: '<p>Nothing here.</p>'
						)
					);
				},
			},
			'oursho.rt': {
				'/': redirect( SITE, 301 ),
			},
			'friend.test': {},
		} );
		web.route(
			'friend.test',
			'/post',
			html(
				`<p>See <a href="${ web.url( 'oursho.rt', '/' ) }">Our Example</a>.</p>`
			)
		);
	} );

	afterAll( () => web.close() );

	beforeEach( () => {
		dataDir = tempDataDir();
	} );

	afterEach( () => {
		fs.rmSync( dataDir, { recursive: true, force: true } );
	} );

	const rlg = ( ...args: string[] ) =>
		runCli( [ ...args, '--data-dir', dataDir ] );

	it( '--cloaking fetches again as a browser and exits 1 with a cloaked-backlink warning', async () => {
		const run = await rlg(
			'check',
			web.url( 'cloaker.test', '/post' ),
			'--site',
			SITE,
			'--no-homepage',
			'--cloaking',
			'--json',
			...web.resolveArgs
		);
		expect( run.exitCode ).toBe( 1 );
		const report = JSON.parse( run.stdout );
		expect( report.results[ 0 ].status ).toBe( 'links-back' );
		expect( report.results[ 0 ].cloaking ).toMatchObject( {
			method: 'browser-ua',
			differs: true,
		} );
		expect(
			report.findings.map( ( f: { code: string } ) => f.code )
		).toContain( 'cloaked-backlink' );

		const plain = await rlg(
			'check',
			web.url( 'cloaker.test', '/post' ),
			'--site',
			SITE,
			'--no-homepage',
			'--fresh',
			'--json',
			...web.resolveArgs
		);
		expect( JSON.parse( plain.stdout ).results[ 0 ].cloaking ).toBe(
			undefined
		);
	} );

	it( '--alias makes a link to our short domain count, marked as a redirect to us', async () => {
		const target = web.url( 'friend.test', '/post' );
		const without = await rlg(
			'check',
			target,
			'--site',
			SITE,
			'--no-homepage',
			'--json',
			...web.resolveArgs
		);
		expect( JSON.parse( without.stdout ).results[ 0 ].status ).toBe(
			'no-link'
		);
		const run = await rlg(
			'check',
			target,
			'--site',
			SITE,
			'--no-homepage',
			'--fresh',
			'--alias',
			web.url( 'oursho.rt', '/' ),
			'--json',
			...web.resolveArgs
		);
		const result = JSON.parse( run.stdout ).results[ 0 ];
		expect( result.status ).toBe( 'links-back' );
		expect( result.links[ 0 ] ).toMatchObject( {
			href: web.url( 'oursho.rt', '/' ),
			viaRedirect: true,
		} );

		const evidence = await rlg(
			'evidence',
			'friend.test',
			'--site',
			SITE,
			'--csv'
		);
		expect( evidence.exitCode ).toBe( 0 );
		const lines = evidence.stdout.trimEnd().split( '\r\n' );
		expect( lines[ 0 ] ).toBe( EVIDENCE_CSV_COLUMNS.join( ',' ) );
		expect(
			lines.slice( 1 ).map( ( line ) => line.split( ',' )[ 2 ] )
		).toEqual( [ 'no-link', 'links-back' ] );
		expect( lines[ 2 ] ).toContain(
			`,${ web.url( 'oursho.rt', '/' ) },Our Example,,content,,http,true`
		);

		const json = JSON.parse(
			( await rlg( 'evidence', 'friend.test', '--site', SITE ) ).stdout
		);
		expect( json.records ).toHaveLength( 2 );
		expect( json.records[ 1 ].htmlHash ).toMatch( /^[0-9a-f]{64}$/ );
	} );

	it( 'rlg evidence exits 2 for a partner without stored checks', async () => {
		const run = await rlg( 'evidence', 'nobody.test', '--site', SITE );
		expect( run.exitCode ).toBe( 2 );
		expect( run.stderr ).toContain( 'no stored checks of nobody.test' );
	} );
} );
