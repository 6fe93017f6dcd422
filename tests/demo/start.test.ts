/**
 * `npm start` as a newcomer runs it: a real WordPress, the service and the
 * partner sites come up, answer, keep their data across a restart, and
 * Ctrl-C leaves no process behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import * as wp from '../../scripts/wp/lib';

jest.setTimeout( 90_000 );

const ROOT = path.join( __dirname, '..', '..' );
const BUILT =
	fs.existsSync( path.join( ROOT, 'build', 'node', 'service', 'cli.js' ) ) &&
	fs.existsSync( path.join( ROOT, 'build', 'assets', 'editor.asset.php' ) );

interface Run {
	child: ChildProcess;
	output: () => string;
	exited: Promise< number | null >;
}

function startDemo( args: string[] ): Run {
	const child = spawn(
		process.execPath,
		[ path.join( ROOT, 'scripts', 'start.js' ), ...args ],
		{
			cwd: ROOT,
			stdio: [ 'ignore', 'pipe', 'pipe' ],
			// A built tree is reused as it is (npm test builds first); a
			// missing build is made, as for a newcomer.
			env: { ...process.env, RLG_DEMO_NO_BUILD: BUILT ? '1' : '' },
		}
	);
	let output = '';
	child.stdout!.on( 'data', ( chunk ) => ( output += chunk ) );
	child.stderr!.on( 'data', ( chunk ) => ( output += chunk ) );
	const exited = new Promise< number | null >( ( resolve ) =>
		child.once( 'exit', ( code ) => resolve( code ) )
	);
	return { child, output: () => output, exited };
}

async function waitForOutput( run: Run, text: string ): Promise< void > {
	const deadline = Date.now() + 75_000;
	while ( ! run.output().includes( text ) ) {
		if ( run.child.exitCode !== null || Date.now() > deadline ) {
			throw new Error(
				`npm start never printed "${ text }":\n${ run.output() }`
			);
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
	}
}

/** pid → process group, from /proc. */
function processGroups(): Map< number, number > {
	const groups = new Map< number, number >();
	for ( const entry of fs.readdirSync( '/proc' ) ) {
		if ( ! /^\d+$/.test( entry ) ) {
			continue;
		}
		try {
			const stat = fs.readFileSync( `/proc/${ entry }/stat`, 'utf8' );
			// Fields after the command name (which may hold spaces): state ppid pgrp …
			const fields = stat
				.slice( stat.lastIndexOf( ')' ) + 2 )
				.split( ' ' );
			if ( fields[ 0 ] !== 'Z' ) {
				groups.set( Number( entry ), Number( fields[ 2 ] ) );
			}
		} catch {
			// Exited while we looked.
		}
	}
	return groups;
}

function partnerPage( port: number, host: string, urlPath: string ) {
	return new Promise< { status: number; body: string } >(
		( resolve, reject ) => {
			http.get(
				{ host: '127.0.0.1', port, path: urlPath, headers: { host } },
				( res ) => {
					let body = '';
					res.on( 'data', ( chunk ) => ( body += chunk ) );
					res.on( 'end', () =>
						resolve( { status: res.statusCode ?? 0, body } )
					);
				}
			).on( 'error', reject );
		}
	);
}

describe( 'npm start (scripts/start.js)', () => {
	let dir: string;
	let args: string[];
	let ports: { wp: number; service: number; partners: number };
	const runs: Run[] = [];

	beforeAll( async () => {
		dir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-demo-test-' ) );
		ports = {
			wp: await wp.freePort(),
			service: await wp.freePort(),
			partners: await wp.freePort(),
		};
		args = [
			'--dir',
			dir,
			'--wp-port',
			String( ports.wp ),
			'--service-port',
			String( ports.service ),
			'--partner-port',
			String( ports.partners ),
		];
	} );

	afterAll( async () => {
		// A failed assertion must not leave a demo running.
		for ( const run of runs ) {
			if ( run.child.exitCode === null ) {
				run.child.kill( 'SIGINT' );
				await run.exited;
			}
		}
		fs.rmSync( dir, { recursive: true, force: true } );
	} );

	it( 'serves WordPress, the service and the partner sites, then stops every process on SIGINT', async () => {
		const run = startDemo( args );
		runs.push( run );
		await waitForOutput( run, 'Press Ctrl-C to stop.' );
		const wpUrl = `http://localhost:${ ports.wp }`;
		expect( run.output() ).toContain( `${ wpUrl }/wp-admin/` );
		expect( run.output() ).toContain( 'user admin, password password' );
		expect( run.output() ).toContain( 'Wrote the demo posts' );

		const home = await fetch( `${ wpUrl }/` );
		expect( home.status ).toBe( 200 );
		const homeHtml = await home.text();
		expect( homeHtml ).toContain( 'De Moestuinier' );
		expect( homeHtml ).toContain( 'Compost maken in tien weken' );
		// A draft, so the pre-publish panel has a Publish button to show it.
		expect( homeHtml ).not.toContain( 'Tomaten opbinden' );
		expect(
			wp
				.wpEval(
					path.join( dir, 'wordpress' ),
					"echo implode( '|', wp_list_pluck( get_posts( array( 'post_status' => 'draft' ) ), 'post_title' ) );",
					{ url: wpUrl }
				)
				.trim()
		).toBe( 'Tomaten opbinden (concept)' );
		expect( run.output() ).toContain(
			`Draft:         ${ wpUrl }/wp-admin/edit.php?post_status=draft`
		);

		// The printed one-click link logs the admin in.
		const loginUrl = /Open \(logged in as admin\): (\S+)/.exec(
			run.output()
		)?.[ 1 ];
		expect( loginUrl ).toBeDefined();
		const login = await fetch( loginUrl!, { redirect: 'manual' } );
		expect( login.status ).toBe( 302 );
		expect( login.headers.get( 'location' ) ).toBe(
			`${ wpUrl }/wp-admin/edit.php`
		);
		expect( login.headers.getSetCookie().join( '\n' ) ).toMatch(
			/wordpress_logged_in_/
		);
		const wrongToken = await fetch( `${ wpUrl }/?rlg-demo-login=0000`, {
			redirect: 'manual',
		} );
		expect( wrongToken.status ).toBe( 403 );

		const health = await fetch(
			`http://127.0.0.1:${ ports.service }/v1/health`
		);
		expect( health.status ).toBe( 200 );

		const footerSwap = await partnerPage(
			ports.partners,
			'zaadwinkel.test',
			'/'
		);
		expect( footerSwap.status ).toBe( 200 );
		expect( footerSwap.body ).toContain(
			`<a href="${ wpUrl }/">biologisch tuinieren</a>`
		);

		// The plugin was pointed at the service with a registered key.
		const settings = wp.wpEval(
			path.join( dir, 'wordpress' ),
			"echo wp_json_encode( get_option( 'rlg_settings' ) );",
			{ url: wpUrl }
		);
		const option = JSON.parse( settings ) as Record< string, unknown >;
		expect( option.serviceUrl ).toBe(
			`http://127.0.0.1:${ ports.service }`
		);
		expect( option.siteKey ).toEqual( expect.any( String ) );
		expect( ( option.siteKey as string ).length ).toBeGreaterThan( 16 );

		const state = JSON.parse(
			fs.readFileSync( path.join( dir, 'demo.json' ), 'utf8' )
		) as { wpPid: number; servicePid: number };
		const leaders = new Set( [ state.wpPid, state.servicePid ] );
		const before = processGroups();
		const started = [ ...before ]
			.filter( ( [ , group ] ) => leaders.has( group ) )
			.map( ( [ pid ] ) => pid );
		// php -S master + workers, and the service.
		expect( started.length ).toBeGreaterThanOrEqual( 3 );

		run.child.kill( 'SIGINT' );
		expect( await run.exited ).toBe( 0 );
		const after = processGroups();
		expect( started.filter( ( pid ) => after.has( pid ) ) ).toEqual( [] );
		expect(
			[ ...after.values() ].filter( ( group ) => leaders.has( group ) )
		).toEqual( [] );
		await expect(
			partnerPage( ports.partners, 'zaadwinkel.test', '/' )
		).rejects.toThrow();
	} );

	it( 'keeps the site on a restart (no second seeding, posts written in the demo stay)', async () => {
		const siteDir = path.join( dir, 'wordpress' );
		const wpUrl = `http://localhost:${ ports.wp }`;
		wp.wpEval(
			siteDir,
			"wp_insert_post( array( 'post_title' => 'Written during the demo', 'post_status' => 'publish', 'post_author' => 1 ) );",
			{ url: wpUrl }
		);
		const run = startDemo( args );
		runs.push( run );
		await waitForOutput( run, 'Press Ctrl-C to stop.' );
		expect( run.output() ).not.toContain( 'Wrote the demo posts' );
		expect( run.output() ).not.toContain( 'Registering' );
		const titles = wp
			.wpEval(
				siteDir,
				"echo implode( '|', wp_list_pluck( get_posts( array( 'numberposts' => -1 ) ), 'post_title' ) );",
				{ url: wpUrl }
			)
			.split( '|' )
			.sort();
		expect( titles ).toEqual( [
			'Compost maken in tien weken',
			'Vrienden van De Moestuinier',
			'Written during the demo',
			'Zaden kiezen voor het voorjaar',
		] );

		// A second demo in the same directory would take the first one's
		// servers away: it refuses instead.
		const second = startDemo( args );
		runs.push( second );
		expect( await second.exited ).toBe( 2 );
		expect( second.output() ).toContain( 'is already running' );

		run.child.kill( 'SIGTERM' );
		expect( await run.exited ).toBe( 0 );
	} );

	it( "stops its servers when its parent dies (`kill` of npm reaches only npm's shell)", async () => {
		const shell = spawn(
			'sh',
			[
				'-c',
				`"${ process.execPath }" scripts/start.js ${ args.join( ' ' ) } > "${ path.join( dir, 'orphan.log' ) }" 2>&1; true`,
			],
			{
				cwd: ROOT,
				env: { ...process.env, RLG_DEMO_NO_BUILD: BUILT ? '1' : '' },
			}
		);
		const deadline = Date.now() + 60_000;
		const log = () =>
			fs.existsSync( path.join( dir, 'orphan.log' ) )
				? fs.readFileSync( path.join( dir, 'orphan.log' ), 'utf8' )
				: '';
		while ( ! log().includes( 'Press Ctrl-C to stop.' ) ) {
			if ( shell.exitCode !== null || Date.now() > deadline ) {
				throw new Error( `The demo did not start:\n${ log() }` );
			}
			await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
		}
		const state = JSON.parse(
			fs.readFileSync( path.join( dir, 'demo.json' ), 'utf8' )
		) as { pid: number; wpPid: number; servicePid: number };
		const watched = new Set( [ state.pid, state.wpPid, state.servicePid ] );
		shell.kill( 'SIGKILL' );
		const stopBy = Date.now() + 15_000;
		const leftOver = () =>
			[ ...processGroups() ].filter(
				( [ pid, group ] ) => watched.has( pid ) || watched.has( group )
			);
		while ( leftOver().length > 0 && Date.now() < stopBy ) {
			await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
		}
		expect( leftOver() ).toEqual( [] );
	} );
} );
