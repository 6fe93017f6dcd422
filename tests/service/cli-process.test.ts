/**
 * The `rlg` command line as a user meets it (issue 18): each case runs the
 * CLI as its own process and looks at the exit code and at exactly what
 * lands on stdout and stderr. No case touches the internet: "local" sites
 * are 127.0.0.1, reached only through --resolve.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';
import { runRlg } from './cli-process';
import { tempDataDir } from './harness';

jest.setTimeout( 90_000 );

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise< number > {
	const server = net.createServer();
	await new Promise< void >( ( resolve ) =>
		server.listen( 0, '127.0.0.1', resolve )
	);
	const { port } = server.address() as net.AddressInfo;
	await new Promise( ( resolve ) => server.close( resolve ) );
	return port;
}

/** No pino JSON record and no stack frame: what a user should not see. */
function expectNoLogNoise( stderr: string ): void {
	expect( stderr ).not.toMatch( /^\{"level"/m );
	expect( stderr ).not.toMatch( /^\s+at /m );
}

describe( 'rlg as a process', () => {
	let dataDir: string;
	let web: PartnerWeb;

	beforeAll( async () => {
		web = await startPartnerWeb( {
			'friend.test': {
				'/robots.txt': 'User-agent: *\nAllow: /',
				'/': html( '<main><p>Friends.</p></main>' ),
				'/post': html(
					'<main><article><p>Read <a href="https://our.example/guide">our guide</a>.</p></article></main>'
				),
			},
		} );
	} );
	afterAll( () => web.close() );
	beforeEach( () => {
		dataDir = tempDataDir();
	} );
	afterEach( () => fs.rmSync( dataDir, { recursive: true, force: true } ) );

	it( 'prints the package version with --version and -V', async () => {
		const { version } = JSON.parse(
			fs.readFileSync(
				path.join( __dirname, '../../package.json' ),
				'utf8'
			)
		);
		for ( const flag of [ '--version', '-V' ] ) {
			const run = await runRlg( [ flag ] );
			expect( run ).toEqual( {
				code: 0,
				stdout: `${ version }\n`,
				stderr: '',
			} );
		}
	} );

	it( 'refuses a loopback site in one line that says how to allow it, exit 2', async () => {
		const port = await closedPort();
		const run = await runRlg( [
			'scan',
			`http://localhost:${ port }/`,
			'--data-dir',
			dataDir,
		] );
		expect( run.code ).toBe( 2 );
		expect( run.stdout ).toBe( '' );
		expectNoLogNoise( run.stderr );
		expect( run.stderr.trim().split( '\n' ) ).toHaveLength( 1 );
		expect( run.stderr ).toMatch( /^rlg: cannot read http:\/\/localhost:/ );
		expect( run.stderr ).toContain(
			`--resolve localhost:${ port }:127.0.0.1`
		);
	} );

	it( 'shows the JSON log and the stack trace with --verbose', async () => {
		const port = await closedPort();
		const run = await runRlg( [
			'scan',
			`http://localhost:${ port }/`,
			'--data-dir',
			dataDir,
			'--verbose',
		] );
		expect( run.code ).toBe( 2 );
		expect( run.stderr ).toMatch( /^\{"level":50.*"scan failed"/m );
		expect( run.stderr ).toMatch( /^\s+at /m );
	} );

	it( 'takes `rlg scan --sitemap <home URL>` as the site, not as a missing argument', async () => {
		const port = await closedPort();
		const site = `http://localhost:${ port }/`;
		const run = await runRlg( [
			'scan',
			'--sitemap',
			site,
			'--data-dir',
			dataDir,
		] );
		expect( run.stderr ).not.toContain( 'missing required argument' );
		expect( run.stderr ).toContain( `cannot read ${ site }` );
		const none = await runRlg( [ 'scan', '--data-dir', dataDir ] );
		expect( none.code ).toBe( 2 );
		expect( none.stderr ).toBe(
			"rlg: missing the site's URL: rlg scan <site> [--sitemap [url]], e.g. rlg scan https://our.site --sitemap\n"
		);
	} );

	it( 'reports an unreachable target with its reason, exit 3, and tries it again on the next run', async () => {
		const port = await closedPort();
		const target = `http://down.test:${ port }/page`;
		const args = [
			'check',
			target,
			'--site',
			'https://our.example',
			'--resolve',
			`down.test:${ port }:127.0.0.1`,
			'--data-dir',
			dataDir,
		];
		const first = await runRlg( args );
		expect( first.code ).toBe( 3 );
		expect( first.stdout ).toMatch(
			new RegExp(
				`^${ target.replace( /\./g, '\\.' ) }\\s+unreachable\\s`,
				'm'
			)
		);
		expect( first.stdout ).toContain(
			`\nCould not check:\n  ${ target }: unreachable (`
		);
		expect( first.stdout ).toContain( 'ECONNREFUSED' );
		expectNoLogNoise( first.stderr );
		const second = await runRlg( args );
		expect( second.code ).toBe( 3 );
		expect( second.stdout ).not.toContain( '(stored)' );
	} );

	it( 'still exits 0 for a target that links back', async () => {
		const run = await runRlg( [
			'check',
			web.url( 'friend.test', '/post' ),
			'--site',
			'https://our.example',
			...web.resolveArgs,
			'--data-dir',
			dataDir,
		] );
		expect( run.stdout ).toContain( 'links-back' );
		expect( run.code ).toBe( 0 );
	} );

	it( 'names the argument and the value of a malformed URL, exit 2', async () => {
		const run = await runRlg( [
			'check',
			'not-a-url',
			'--site',
			'https://our.example',
			'--data-dir',
			dataDir,
		] );
		expect( run ).toEqual( {
			code: 2,
			stdout: '',
			stderr: 'rlg: <url> "not-a-url" is not an absolute http(s) URL (e.g. https://partner.example/page)\n',
		} );
	} );

	it( 'refuses a file that is not HTML (an image) for rlg links, exit 2', async () => {
		const png = path.join( dataDir, 'some.png' );
		fs.writeFileSync(
			png,
			Buffer.from( [
				0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d,
			] )
		);
		const run = await runRlg( [
			'links',
			png,
			'--base',
			'https://x.example/',
		] );
		expect( run.code ).toBe( 2 );
		expect( run.stdout ).toBe( '' );
		expect( run.stderr ).toBe(
			`rlg: "${ png }" is not an HTML page (binary data or no tags); rlg links reads a saved page, e.g. curl -s URL > page.html\n`
		);
	} );
} );
