/**
 * Nothing is lost on restart: a result stored by one service process is
 * served by the next one on the same data directory without a new request
 * to the partner.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { urlKey } from '../../src/core/url';
import type { RunningService } from '../../src/service/api/server';
import { signRequest } from '../../src/service/auth';
import { openStore, siteIdentity } from '../../src/service/store';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';
import { startTestService } from '../helpers/test-service';
import { runCli } from './cli-harness';
import { SITE_KEY, SITE_URL, tempDataDir } from './harness';

async function check( service: RunningService, targets: string[] ) {
	const body = JSON.stringify( {
		site: SITE_URL,
		links: targets.map( ( url ) => ( { url, anchorText: 'Partner' } ) ),
	} );
	const response = await fetch( `${ service.url }/v1/check`, {
		method: 'POST',
		headers: {
			...signRequest( {
				site: SITE_URL,
				key: SITE_KEY,
				method: 'POST',
				path: '/v1/check',
				body,
			} ),
			'content-type': 'application/json',
		},
		body,
	} );
	expect( response.status ).toBe( 200 );
	return ( await response.json() ) as {
		results: Array< {
			status: string;
			fromCache: boolean;
			links: unknown[];
		} >;
	};
}

describe( 'service restart', () => {
	let web: PartnerWeb;
	let dataDir: string;
	const running: RunningService[] = [];

	beforeAll( async () => {
		web = await startPartnerWeb( {
			'partner-a.test': {
				'/robots.txt': 'User-agent: *\nAllow: /',
				'/': html( '<p>Welcome</p>' ),
				'/post': html(
					'<main><p>We recommend <a href="https://our.example/guide">our friends</a>.</p></main>'
				),
			},
		} );
		dataDir = tempDataDir();
		const store = openStore( { dataDir } );
		await store.addSite( {
			...siteIdentity( SITE_URL )!,
			secret: SITE_KEY,
		} );
		await store.close();
	} );

	afterAll( async () => {
		await Promise.all( running.map( ( service ) => service.close() ) );
		await web.close();
		fs.rmSync( dataDir, { recursive: true, force: true } );
	} );

	async function start(): Promise< RunningService > {
		const service = await startTestService( {
			dataDir,
			resolve: web.resolveEntries,
		} );
		running.push( service );
		return service;
	}

	it( 'serves a result stored before the restart without fetching again', async () => {
		const target = web.url( 'partner-a.test', '/post' );
		const first = await start();
		const before = await check( first, [ target ] );
		expect( before.results[ 0 ] ).toMatchObject( {
			status: 'links-back',
			fromCache: false,
		} );
		expect( web.site( 'partner-a.test' ).hits( '/post' ) ).toBe( 1 );
		await first.close();

		const requestsBefore = web.requests.length;
		const second = await start();
		const after = await check( second, [ target ] );
		expect( after.results[ 0 ] ).toMatchObject( {
			status: 'links-back',
			fromCache: true,
		} );
		expect( after.results[ 0 ].links ).toEqual( before.results[ 0 ].links );
		expect( web.requests.length ).toBe( requestsBefore );
	} );

	it( 'refuses to listen beyond loopback while no site has a key', async () => {
		const empty = tempDataDir();
		try {
			await expect(
				startTestService( { dataDir: empty, host: '0.0.0.0' } )
			).rejects.toMatchObject( { code: 'ERR_NO_SITE_KEYS' } );
		} finally {
			fs.rmSync( empty, { recursive: true, force: true } );
		}
	} );
} );

describe( 'a process killed with SIGKILL', () => {
	// Starts a real process (sources transpiled on the fly).
	jest.setTimeout( 90_000 );

	let web: PartnerWeb;
	let dataDir: string;

	beforeAll( async () => {
		web = await startPartnerWeb( {
			'done.test': {
				'/': html( '<p>Home</p>' ),
				'/post': html(
					'<main><p>See <a href="https://our.example/">Our Example</a>.</p></main>'
				),
			},
			'hang.test': {
				'/': html( '<p>Home</p>' ),
				// Never answers: the check of this target is still running when
				// the process is killed.
				'/post': () => undefined,
			},
		} );
		dataDir = tempDataDir();
	} );

	afterAll( async () => {
		await web.close();
		fs.rmSync( dataDir, { recursive: true, force: true } );
	} );

	it( 'keeps every check it had finished; the next run serves it from the store', async () => {
		const done = web.url( 'done.test', '/post' );
		const child = spawn(
			process.execPath,
			[
				'-r',
				path.join( __dirname, 'ts-register.js' ),
				'-e',
				`require( ${ JSON.stringify(
					path.join( __dirname, '../../src/service/cli.ts' )
				) } ).main( process.argv.slice( 1 ) )`,
				'check',
				done,
				web.url( 'hang.test', '/post' ),
				'--site',
				SITE_URL,
				'--data-dir',
				dataDir,
				...web.resolveArgs,
			],
			{
				stdio: 'ignore',
				env: { ...process.env, RLG_LOG_LEVEL: 'silent' },
			}
		);
		const exited = new Promise< NodeJS.Signals | null >( ( resolve ) =>
			child.on( 'exit', ( _code, signal ) => resolve( signal ) )
		);
		try {
			// Wait (bounded) until the child is stuck on the hanging target and
			// the finished one is committed: that one by its key, since on a
			// loaded machine the hanging target can time out and be stored
			// first (the fresh-clone CI saw it).
			const store = openStore( { dataDir } );
			const site = await store.ensureSite( siteIdentity( SITE_URL )! );
			const doneKey = { targetKey: urlKey( done ) };
			let stored = 0;
			for ( let i = 0; i < 300 && stored === 0; i++ ) {
				await sleep( 100 );
				stored = ( await store.checkHistory( site.id, doneKey ) )
					.length;
			}
			await store.close();
			expect( stored ).toBe( 1 );
			expect( web.site( 'hang.test' ).hits( '/post' ) ).toBe( 1 );
		} finally {
			child.kill( 'SIGKILL' );
		}
		expect( await exited ).toBe( 'SIGKILL' );

		const before = web.site( 'done.test' ).hits( '/post' );
		const run = await runCli( [
			'check',
			done,
			'--site',
			SITE_URL,
			'--json',
			'--data-dir',
			dataDir,
			...web.resolveArgs,
		] );
		expect( JSON.parse( run.stdout ).results[ 0 ] ).toMatchObject( {
			status: 'links-back',
			fromCache: true,
		} );
		expect( web.site( 'done.test' ).hits( '/post' ) ).toBe( before );
	} );
} );
