/**
 * `rlg links`: JSON and table output for a saved page, stdin input, and
 * the errors for a missing file and a bad --base. Runs the CLI's main()
 * in-process with stdout/stderr captured.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Readable } from 'stream';
import { main } from '../../src/service/cli';

const PAGE = `<!doctype html><html><body>
<header class="site-header"><a href="/">Home</a></header>
<main><p>We recommend <a href="https://partner.example/shoes" rel="Sponsored">the best shoes</a> for long walks in the hills.</p>
<p style="display:none"><a href="https://spam.example/">cheap pills</a></p>
<a href="mailto:me@example.com">mail</a> <a href="#top">top</a></main>
<footer><a href="/privacy" rel="nofollow">Privacy</a></footer></body></html>`;

let dir: string;
let file: string;

beforeAll( () => {
	dir = mkdtempSync( join( tmpdir(), 'rlg-links-' ) );
	file = join( dir, 'page.html' );
	writeFileSync( file, PAGE );
} );

afterAll( () => {
	rmSync( dir, { recursive: true, force: true } );
} );

async function run(
	argv: string[]
): Promise< { stdout: string; stderr: string; code: number } > {
	let stdout = '';
	let stderr = '';
	const out = jest
		.spyOn( process.stdout, 'write' )
		.mockImplementation( ( chunk: string | Uint8Array ) => {
			stdout += String( chunk );
			return true;
		} );
	const err = jest
		.spyOn( process.stderr, 'write' )
		.mockImplementation( ( chunk: string | Uint8Array ) => {
			stderr += String( chunk );
			return true;
		} );
	process.exitCode = undefined;
	try {
		await main( argv );
	} finally {
		out.mockRestore();
		err.mockRestore();
	}
	const code = Number( process.exitCode ?? 0 );
	process.exitCode = undefined;
	return { stdout, stderr, code };
}

const EXPECTED = {
	links: [
		{
			href: 'https://site.example/',
			text: 'Home',
			placement: 'header',
			hidden: null,
			rel: [],
		},
		{
			href: 'https://partner.example/shoes',
			text: 'the best shoes',
			placement: 'content',
			hidden: null,
			rel: [ 'sponsored' ],
		},
		{
			href: 'https://spam.example/',
			text: 'cheap pills',
			placement: 'content',
			hidden: 'display-none',
			rel: [],
		},
		{
			href: 'https://site.example/privacy',
			text: 'Privacy',
			placement: 'footer',
			hidden: null,
			rel: [ 'nofollow' ],
		},
	],
};

describe( 'rlg links', () => {
	it( 'prints exactly {links:[{href,text,placement,hidden,rel}]} with --json', async () => {
		const result = await run( [
			'links',
			file,
			'--base',
			'https://site.example/post/',
			'--json',
		] );
		expect( result.code ).toBe( 0 );
		expect( JSON.parse( result.stdout ) ).toEqual( EXPECTED );
	} );

	it( 'reads the page from stdin when the file is - or omitted', async () => {
		const stdin = Object.getOwnPropertyDescriptor( process, 'stdin' );
		Object.defineProperty( process, 'stdin', {
			value: Readable.from( [ Buffer.from( PAGE ) ] ),
			configurable: true,
		} );
		try {
			const result = await run( [
				'links',
				'-',
				'--base',
				'https://site.example/post/',
				'--json',
			] );
			expect( JSON.parse( result.stdout ) ).toEqual( EXPECTED );
		} finally {
			Object.defineProperty(
				process,
				'stdin',
				stdin as PropertyDescriptor
			);
		}
	} );

	it( 'prints an aligned table without --json', async () => {
		const result = await run( [
			'links',
			file,
			'--base',
			'https://site.example/post/',
		] );
		const lines = result.stdout.trimEnd().split( '\n' );
		expect( lines ).toHaveLength( 5 );
		expect( lines[ 0 ] ).toMatch(
			/^PLACEMENT\s+HIDDEN\s+REL\s+TEXT\s+HREF$/
		);
		const hrefColumn = lines[ 0 ].indexOf( 'HREF' );
		expect(
			lines.slice( 1 ).map( ( line ) => line.slice( hrefColumn ) )
		).toEqual( EXPECTED.links.map( ( link ) => link.href ) );
		expect( lines[ 3 ] ).toMatch(
			/^content\s+display-none\s+-\s+cheap pills/
		);
	} );

	it( 'names the missing file and exits 2', async () => {
		const missing = join( dir, 'nope.html' );
		const result = await run( [
			'links',
			missing,
			'--base',
			'https://site.example/',
		] );
		expect( result.code ).toBe( 2 );
		expect( result.stderr ).toContain(
			`cannot read "${ missing }": no such file`
		);
		expect( result.stdout ).toBe( '' );
	} );

	it.each( [ 'site.example/page', 'ftp://site.example/', 'not a url' ] )(
		'rejects --base %s with a sentence naming the option',
		async ( base ) => {
			const result = await run( [ 'links', file, '--base', base ] );
			expect( result.code ).toBe( 2 );
			expect( result.stderr ).toContain(
				`--base must be an absolute http(s) URL such as https://example.com/page, got "${ base }"`
			);
		}
	);

	it( 'requires --base', async () => {
		const result = await run( [ 'links', file ] );
		expect( result.code ).toBe( 2 );
		expect( result.stderr ).toContain( '--base' );
	} );
} );
