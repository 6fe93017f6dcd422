/**
 * `rlg check` end to end: the real checker against local partner sites
 * (named hosts routed to 127.0.0.1 with --resolve), the store in a temp
 * data directory, exit codes and both output formats.
 */
import fs from 'node:fs';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';
import { runCli } from './cli-harness';
import { tempDataDir } from './harness';

const SITE = 'https://our.example';

describe( 'rlg check', () => {
	let web: PartnerWeb;
	let dataDir: string;

	beforeAll( async () => {
		web = await startPartnerWeb( {
			'friend.test': {
				'/robots.txt': 'User-agent: *\nAllow: /',
				'/': html( '<main><p>Friends of the garden.</p></main>' ),
				'/post': html(
					'<main><article><p>Read <a href="https://our.example/guide">this guide by Our Example</a> on pruning.</p></article></main>'
				),
			},
			'etag.test': {
				'/': html( '<main><p>Home</p></main>' ),
				'/post': ( req, res ) => {
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
						html(
							'<main><p>Thanks to <a href="https://our.example/">Our Example</a>.</p></main>'
						)
					);
				},
			},
			'quiet.test': {
				'/': html( '<main><p>No links here.</p></main>' ),
				'/page': html( '<main><p>Nothing about anyone.</p></main>' ),
			},
			'swap.test': {
				'/': html(
					'<main><p>Shop</p></main><footer><ul><li><a href="https://our.example/">garden furniture</a></li></ul></footer>'
				),
				'/deal': html( '<main><p>A deal.</p></main>' ),
			},
		} );
	} );

	beforeEach( () => {
		dataDir = tempDataDir();
	} );

	afterEach( () => fs.rmSync( dataDir, { recursive: true, force: true } ) );

	afterAll( () => web.close() );

	const check = ( ...args: string[] ) =>
		runCli( [
			'check',
			...args,
			'--site',
			SITE,
			'--data-dir',
			dataDir,
			...web.resolveArgs,
		] );

	it( 'prints an aligned table and exits 0 when nothing is worse than info', async () => {
		const run = await check(
			web.url( 'friend.test', '/post' ),
			web.url( 'quiet.test', '/page' )
		);
		expect( run.stderr ).toBe( '' );
		expect( run.exitCode ).toBe( 0 );
		const lines = run.stdout.trimEnd().split( '\n' );
		expect( lines[ 0 ] ).toMatch(
			/^TARGET\s+STATUS\s+WHERE\s+ANCHOR\s+REL\s+LINKS\s+WARNINGS$/
		);
		expect( lines[ 1 ] ).toMatch(
			/^http:\/\/friend\.test:\d+\/post\s+links-back\s+content\s+this guide by Our Example\s+follow\s+1\s+-$/
		);
		expect( lines[ 2 ] ).toMatch(
			/^http:\/\/quiet\.test:\d+\/page\s+no-link\s+-\s+-\s+-\s+-\s+-$/
		);
		// Columns line up: STATUS starts at the same offset on every line.
		const offsets = lines.map( ( line ) =>
			line.search( /(STATUS|links-back|no-link)/ )
		);
		expect( new Set( offsets ).size ).toBe( 1 );
	} );

	it( 'exits 1 when a partner swaps a keyword link from its footer', async () => {
		const run = await check(
			web.url( 'swap.test', '/deal' ),
			'--keyword',
			'garden furniture'
		);
		expect( run.exitCode ).toBe( 1 );
		expect( run.stdout ).toMatch(
			/links-back\s+footer@home\s+garden furniture/
		);
		expect( run.stdout ).toContain( 'boilerplate-backlink' );
	} );

	it( 'prints { site, results, findings } with --json', async () => {
		const target = web.url( 'swap.test', '/deal' );
		const run = await check(
			target,
			'--json',
			'--keyword',
			'garden furniture'
		);
		expect( run.exitCode ).toBe( 1 );
		const report = JSON.parse( run.stdout );
		expect( Object.keys( report ).sort() ).toEqual( [
			'findings',
			'results',
			'site',
		] );
		expect( report.site ).toBe( 'https://our.example/' );
		expect( report.results ).toEqual( [
			expect.objectContaining( {
				target,
				status: 'links-back',
				fromCache: false,
				links: [
					expect.objectContaining( {
						placement: 'footer',
						foundOn: 'homepage',
						anchorClass: 'exact-match',
					} ),
				],
			} ),
		] );
		expect( report.findings ).toContainEqual(
			expect.objectContaining( {
				code: 'boilerplate-backlink',
				linkUrl: target,
				severity: 'critical',
			} )
		);
	} );

	it( 'serves a second run from the data directory without fetching', async () => {
		const target = web.url( 'friend.test', '/post' );
		await check( target );
		const before = web.requests.length;
		const run = await check( target, '--json' );
		expect( JSON.parse( run.stdout ).results[ 0 ] ).toMatchObject( {
			status: 'links-back',
			fromCache: true,
		} );
		expect( web.requests.length ).toBe( before );

		const fresh = await check( target, '--json', '--fresh' );
		expect( JSON.parse( fresh.stdout ).results[ 0 ].fromCache ).toBe(
			false
		);
		expect( web.requests.length ).toBeGreaterThan( before );
	} );

	it( 're-checks an expired result conditionally with the stored ETag', async () => {
		const target = web.url( 'etag.test', '/post' );
		const first = await check( target, '--json', '--ttl-hours', '0' );
		expect( JSON.parse( first.stdout ).results[ 0 ].status ).toBe(
			'links-back'
		);
		const second = await check( target, '--json', '--ttl-hours', '0' );
		const result = JSON.parse( second.stdout ).results[ 0 ];
		expect( result ).toMatchObject( {
			status: 'links-back',
			fromCache: false,
			links: [ expect.objectContaining( { placement: 'content' } ) ],
		} );
		const posts = web
			.site( 'etag.test' )
			.requests.filter( ( request ) => request.path === '/post' );
		expect(
			posts.map( ( request ) => request.headers[ 'if-none-match' ] )
		).toEqual( [ undefined, '"v1"' ] );
	} );

	it( 'names --keyword and its value when a keyword is too long', async () => {
		const long = 'k'.repeat( 201 );
		const run = await check(
			web.url( 'friend.test', '/post' ),
			'--keyword',
			long
		);
		expect( run.exitCode ).toBe( 2 );
		expect( run.stderr.startsWith( `rlg: --keyword "${ long }": ` ) ).toBe(
			true
		);
		expect( run.stderr ).not.toContain( 'keywords.0' );
	} );

	it( 'exits 2 with a message for a target that is not an http(s) URL', async () => {
		const run = await check( 'ftp://files.test/x' );
		expect( run.exitCode ).toBe( 2 );
		// The argument and the value, not the request's internal path.
		expect( run.stderr ).toContain(
			'<url> "ftp://files.test/x" is not an absolute http(s) URL'
		);
		expect( run.stderr ).not.toContain( 'links.0' );
		expect( run.stdout ).toBe( '' );
	} );

	it( 'exits 2 when --site is missing', async () => {
		const run = await runCli( [
			'check',
			web.url( 'friend.test', '/post' ),
		] );
		expect( run.exitCode ).toBe( 2 );
		expect( run.stderr ).toContain( '--site' );
	} );

	it( 'exits 2 for a malformed --resolve entry', async () => {
		const run = await runCli( [
			'check',
			web.url( 'friend.test', '/post' ),
			'--site',
			SITE,
			'--data-dir',
			dataDir,
			'--resolve',
			'friend.test:nope',
		] );
		expect( run.exitCode ).toBe( 2 );
		expect( run.stderr ).toMatch( /resolve/i );
	} );
} );
