/**
 * Issue 15 item 5, through `rlg`'s real entry point (commander program,
 * exit codes, stdout):
 *
 * - `rlg check <urls>` judges the URLs given: checks of earlier runs in the
 *   data directory add site-wide findings only with --site-wide, labelled.
 * - A content link under a partners heading is shown where the boilerplate
 *   finding says it is (`partner-section`), never as plain `content`.
 * - A partner page with many links to us says "showing 50 of N".
 * - `rlg scan` says which settings it used: the site's own (pushed from
 *   WordPress, stored in the data directory) or the defaults, and why.
 *
 * Most runs go through main() in this process (runCli); one `rlg check` and
 * one `rlg scan` run as child processes, so the same output and exit code
 * are pinned through a real argv, stdout and exit too. A child process
 * transpiles and loads the CLI again: seconds each.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, siteIdentity } from '../../src/service/store';
import { bindFakeWordPress, createFakeWordPress } from '../helpers/fake-sites';
import { html, startPartnerWeb, type PartnerWeb } from '../helpers/partner-web';
import { runCli } from './cli-harness';
import { runRlg } from './cli-process';

// Only two child processes, but each may take long on a loaded machine.
jest.setTimeout( 120_000 );

const SITE = 'https://our.example/';
const PARTNERS = [ 'p1.test', 'p2.test', 'p3.test', 'p4.test' ];

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** `rlg …` in this process, through main(). */
async function rlg( args: string[] ): Promise< Run > {
	const run = await runCli( args );
	return { code: run.exitCode, stdout: run.stdout, stderr: run.stderr };
}

/** `rlg …` as a child process, logs silenced as in the in-process runs. */
const rlgProcess = ( args: string[] ): Promise< Run > =>
	runRlg( args, { RLG_LOG_LEVEL: 'silent' } );

let web: PartnerWeb;
let dir: string;

beforeAll( async () => {
	const partnerSites = Object.fromEntries(
		PARTNERS.map( ( host ) => [
			host,
			{
				'/': html(
					`<main><article><p>We read <a href="${ SITE }">Our Example</a> every week.</p></article></main>`
				),
			},
		] )
	);
	const wp = createFakeWordPress( { host: 'blog.test' } );
	wp.add( {
		title: 'Spades',
		content:
			'<p>The <a href="http://p1.test/">spade shop</a> and <a href="http://quiet.test/page">a rake shop</a>.</p>',
	} );
	web = await startPartnerWeb( {
		...partnerSites,
		'blog.test': { '*': wp.handler },
		'forum.test': {
			// The demo's moestuinforum: a content link under a partners heading.
			'/': html(
				`<main><p>Vragen over je moestuin? Ons forum helpt.</p><h2>Vrienden van het forum</h2><p><a href="${ SITE }">De Moestuinier</a></p></main>`
			),
		},
		'farm.test': {
			'/': html( '<main><p>Home</p></main>' ),
			'/page': html(
				`<main><p>${ `<a href="${ SITE }">tip</a> `.repeat(
					120
				) }</p></main><footer><a href="${ SITE }">Our Example</a></footer>`
			),
		},
		'quiet.test': {
			'/': html( '<main><p>Nothing.</p></main>' ),
			'/page': html( '<main><p>Nothing about anyone.</p></main>' ),
		},
	} );
	bindFakeWordPress( wp, web );
	dir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-cli-verdict-' ) );
	// Two partners are the limit: the earlier runs below exceed it.
	fs.writeFileSync(
		path.join( dir, 'settings.json' ),
		JSON.stringify( {
			maxReciprocalPartners: 2,
			maxNewPartnersInWindow: 2,
		} )
	);
} );

afterAll( async () => {
	await web.close();
	fs.rmSync( dir, { recursive: true, force: true } );
} );

const checkArgs = ( dataDir: string, ...args: string[] ) => [
	'check',
	...args,
	'--site',
	SITE,
	'--data-dir',
	dataDir,
	'--settings',
	path.join( dir, 'settings.json' ),
	...web.resolveArgs,
];
const check = ( dataDir: string, ...args: string[] ) =>
	rlg( checkArgs( dataDir, ...args ) );

describe( 'rlg check judges the URLs given', () => {
	const dataDir = () => path.join( dir, 'check-data' );

	beforeAll( async () => {
		// Earlier runs: five partners that link back.
		const run = await check(
			dataDir(),
			...PARTNERS.map( ( host ) => web.url( host ) ),
			web.url( 'forum.test' )
		);
		if ( run.stderr !== '' ) {
			throw new Error( `rlg check failed: ${ run.stderr }` );
		}
	} );

	it( 'an unrelated URL exits 0 whatever earlier runs stored', async () => {
		const run = await check( dataDir(), web.url( 'quiet.test', '/page' ) );
		expect( run.code ).toBe( 0 );
		expect( run.stdout ).not.toContain( 'too-many-partners' );
		expect( run.stdout ).not.toContain( 'exchange-velocity' );
		expect( run.stdout ).not.toContain( 'Site-wide' );
		// The same as with a fresh data directory.
		const fresh = await check(
			path.join( dir, 'fresh-data' ),
			web.url( 'quiet.test', '/page' )
		);
		expect( fresh.code ).toBe( run.code );
		expect( fresh.stdout ).toBe( run.stdout );
	} );

	it( '--site-wide adds the site-wide rules, labelled with where their counts come from', async () => {
		// As a child process: exit code 1 and stdout through a real exit.
		const run = await rlgProcess(
			checkArgs(
				dataDir(),
				web.url( 'quiet.test', '/page' ),
				'--site-wide'
			)
		);
		expect( run.code ).toBe( 1 );
		expect( run.stdout ).toContain(
			`Site-wide (--site-wide; every check stored in ${ dataDir() }: 5 of 6 partner domains link back`
		);
		expect( run.stdout ).toMatch(
			/too-many-partners \((warning|critical)\)/
		);
		const json = JSON.parse(
			(
				await check(
					dataDir(),
					web.url( 'quiet.test', '/page' ),
					'--site-wide',
					'--json'
				)
			).stdout
		);
		expect( json.siteWide.stats.reciprocalPartners ).toBe( 5 );
		expect(
			json.findings.map( ( f: { code: string } ) => f.code )
		).toContain( 'too-many-partners' );
	} );

	it( 'shows a link under a partners heading where the finding says it is', async () => {
		const run = await check( dataDir(), web.url( 'forum.test' ) );
		const row = run.stdout
			.split( '\n' )
			.find( ( line ) => line.startsWith( 'http://forum.test' ) );
		expect( row ).toMatch( /links-back \(stored\)\s+partner-section\s/ );
		expect( row ).toContain( 'boilerplate-backlink' );
		expect( row ).not.toMatch( /\scontent\s/ );
		const json = JSON.parse(
			( await check( dataDir(), web.url( 'forum.test' ), '--json' ) )
				.stdout
		);
		const boilerplate = json.findings.find(
			( f: { code: string } ) => f.code === 'boilerplate-backlink'
		);
		expect( boilerplate.params ).toMatchObject( {
			where: 'partner-section',
			reason: 'partner-section',
		} );
	} );

	it( 'says "showing 50 of N" for a page full of links to us', async () => {
		const run = await check( dataDir(), web.url( 'farm.test', '/page' ) );
		expect( run.stdout ).toContain(
			`${ web.url(
				'farm.test',
				'/page'
			) }: showing 50 of 121 links to us (--json lists those kept)`
		);
		expect( run.stdout ).toMatch(
			/content ×120, footer\s+tip\s+follow\s+121\s/
		);
		const json = JSON.parse(
			(
				await check(
					dataDir(),
					web.url( 'farm.test', '/page' ),
					'--json'
				)
			).stdout
		);
		expect( json.results[ 0 ].links ).toHaveLength( 50 );
		expect(
			json.results[ 0 ].links.some(
				( link: { placement: string } ) => link.placement === 'footer'
			)
		).toBe( true );
	} );
} );

describe( 'rlg scan says which settings it used', () => {
	// As a child process: stdout through a real process.
	const scan = ( dataDir: string ) =>
		rlgProcess( [
			'scan',
			web.url( 'blog.test' ),
			'--data-dir',
			dataDir,
			'--no-progress',
			...web.resolveArgs,
		] );

	it( 'the defaults, for a site not registered in that data directory', async () => {
		const dataDir = path.join( dir, 'scan-unregistered' );
		const run = await scan( dataDir );
		expect( run.stdout ).toContain(
			`Settings: the defaults (and --settings); this site is not registered in ${ dataDir }. If WordPress is connected to a running "rlg serve", scan with that service's --data-dir`
		);
		expect( run.stdout ).toContain( 'no keywords are set for this site' );
	} );

	it( "the site's own settings, pushed from WordPress, when the data directory holds them", async () => {
		const dataDir = path.join( dir, 'scan-registered' );
		const store = openStore( { dataDir } );
		try {
			const site = await store.addSite( {
				...siteIdentity( web.url( 'blog.test' ) )!,
				secret: 'b'.repeat( 64 ),
			} );
			await store.setSiteSettings( site.id, {
				keywords: [ 'spade shop' ],
				brandTerms: [ 'Our Example' ],
			} );
		} finally {
			await store.close();
		}
		const htmlFile = path.join( dir, 'registered.html' );
		const run = await rlg( [
			'scan',
			web.url( 'blog.test' ),
			'--data-dir',
			dataDir,
			'--no-progress',
			'--html',
			htmlFile,
			...web.resolveArgs,
		] );
		expect( run.stdout ).toMatch(
			new RegExp(
				`Settings: this site's own settings, pushed from WordPress on \\d{4}-\\d\\d-\\d\\d and stored in ${ dataDir.replace(
					/[.*+?^${}()|[\]\\]/g,
					'\\$&'
				) } \\(brandTerms, keywords\\)`
			)
		);
		expect( run.stdout ).toContain(
			'Anchors judged with the keywords "spade shop" and the brand terms "Our Example"'
		);
		expect( fs.readFileSync( htmlFile, 'utf8' ) ).toContain(
			'Settings: this site&#39;s own settings, pushed from WordPress'
		);
	} );
} );
