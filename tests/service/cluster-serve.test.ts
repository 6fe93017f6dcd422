/**
 * Two `rlg serve` processes on one PostgreSQL database, as two API nodes
 * behind a load balancer: neither keeps state of its own that matters to
 * a client. A signed request one node accepted is a replay on the other;
 * settings saved through one are what the other answers; a result checked
 * through one is served from the store by the other.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { signRequest } from '../../src/service/auth';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';
import { startPostgres } from '../helpers/postgres';
import type { TestPostgres } from '../helpers/postgres';
import { runCli } from './cli-harness';

jest.setTimeout( 120_000 );

const SITE = 'https://our.example/';

interface Node {
	url: string;
	child: ChildProcess;
	exit: Promise< number | null >;
}

function serve( databaseUrl: string, resolve: string[] ): Promise< Node > {
	const child = spawn(
		process.execPath,
		[
			'-r',
			path.join( __dirname, 'ts-register.js' ),
			'-e',
			`require( ${ JSON.stringify(
				path.join( __dirname, '../../src/service/cli.ts' )
			) } ).main( process.argv.slice( 1 ) )`,
			'serve',
			'--port',
			'0',
			...resolve,
		],
		{
			stdio: [ 'ignore', 'pipe', 'pipe' ],
			// The database through the environment, as a unit file would.
			env: {
				...process.env,
				RLG_LOG_LEVEL: 'info',
				RLG_DATABASE_URL: databaseUrl,
				// Partner pages parsed in the main thread: worker threads would
				// transpile the sources again in each node (seconds here).
				RLG_ANALYSIS_THREADS: '0',
			},
		}
	);
	let stderr = '';
	child.stderr.on( 'data', ( chunk ) => ( stderr += chunk ) );
	const exit = new Promise< number | null >( ( done ) =>
		child.on( 'exit', ( code ) => done( code ) )
	);
	return new Promise( ( done, reject ) => {
		createInterface( { input: child.stdout } ).on( 'line', ( line ) => {
			const entry = JSON.parse( line );
			if ( entry.msg === 'listening' ) {
				done( { url: entry.url, child, exit } );
			}
		} );
		child.on( 'exit', () =>
			reject(
				new Error( `rlg serve exited before listening: ${ stderr }` )
			)
		);
	} );
}

describe( 'two rlg serve processes on one PostgreSQL database', () => {
	let server: TestPostgres;
	let web: PartnerWeb;
	let key: string;
	let nodes: Node[] = [];

	beforeAll( async () => {
		server = await startPostgres();
		const databaseUrl = await server.createDatabase();
		web = await startPartnerWeb( {
			'friend.test': {
				'/': html( '<main><p>Friends.</p></main>' ),
				'/post': html(
					'<main><article><p>See <a href="https://our.example/">our site</a>.</p></article></main>'
				),
			},
		} );
		const added = await runCli( [
			'sites',
			'add',
			SITE,
			'--database',
			databaseUrl,
			'--json',
		] );
		key = JSON.parse( added.stdout ).key;
		const started = await Promise.allSettled( [
			serve( databaseUrl, web.resolveArgs ),
			serve( databaseUrl, web.resolveArgs ),
		] );
		// Keep every node that did start, so afterAll stops it even when the
		// other failed (an orphaned rlg serve kept Jest from exiting).
		nodes = started.flatMap( ( result ) =>
			result.status === 'fulfilled' ? [ result.value ] : []
		);
		for ( const result of started ) {
			if ( result.status === 'rejected' ) {
				throw result.reason;
			}
		}
	}, 120_000 );

	afterAll( async () => {
		for ( const node of nodes ) {
			node.child.kill( 'SIGKILL' );
		}
		await web?.close();
		await server?.stop();
	} );

	function signed(
		method: string,
		pathname: string,
		body = '',
		nonce?: string
	) {
		return signRequest( {
			site: SITE,
			key,
			method,
			path: pathname,
			body,
			nonce,
		} );
	}

	async function call(
		node: Node,
		method: string,
		pathname: string,
		headers: Record< string, string >,
		body?: string
	) {
		const response = await fetch( `${ node.url }${ pathname }`, {
			method,
			headers: body
				? { ...headers, 'content-type': 'application/json' }
				: headers,
			body,
		} );
		return { status: response.status, json: await response.json() };
	}

	it( 'refuses on one node a signed request the other accepted', async () => {
		const [ a, b ] = nodes;
		const captured = signed( 'GET', '/v1/stats', '', 'ab12'.repeat( 8 ) );
		expect( ( await call( a, 'GET', '/v1/stats', captured ) ).status ).toBe(
			200
		);
		const replay = await call( b, 'GET', '/v1/stats', captured );
		expect( replay.status ).toBe( 401 );
		expect( replay.json.code ).toBe( 'ERR_AUTH_REPLAY' );
		// And the other way round.
		const second = signed( 'GET', '/v1/stats', '', 'cd34'.repeat( 8 ) );
		expect( ( await call( b, 'GET', '/v1/stats', second ) ).status ).toBe(
			200
		);
		expect(
			( await call( a, 'GET', '/v1/stats', second ) ).json.code
		).toBe( 'ERR_AUTH_REPLAY' );
	} );

	it( 'answers on one node with the settings saved through the other', async () => {
		const [ a, b ] = nodes;
		const body = JSON.stringify( { keywords: [ 'our site' ] } );
		const put = await call(
			a,
			'PUT',
			'/v1/site/settings',
			signed( 'PUT', '/v1/site/settings', body ),
			body
		);
		expect( put.status ).toBe( 200 );
		const got = await call(
			b,
			'GET',
			'/v1/site/settings',
			signed( 'GET', '/v1/site/settings' )
		);
		expect( got.json.own ).toEqual( { keywords: [ 'our site' ] } );
	} );

	it( 'serves from the shared store a result the other node checked', async () => {
		const [ a, b ] = nodes;
		const body = JSON.stringify( {
			site: SITE,
			links: [
				{
					url: web.url( 'friend.test', '/post' ),
					anchorText: 'Friend',
				},
			],
		} );
		const first = await call(
			a,
			'POST',
			'/v1/check',
			signed( 'POST', '/v1/check', body ),
			body
		);
		expect( first.status ).toBe( 200 );
		expect( first.json.results[ 0 ] ).toMatchObject( {
			status: 'links-back',
			fromCache: false,
		} );
		const second = await call(
			b,
			'POST',
			'/v1/check',
			signed( 'POST', '/v1/check', body ),
			body
		);
		expect( second.json.results[ 0 ] ).toMatchObject( {
			status: 'links-back',
			fromCache: true,
			checkedAt: first.json.results[ 0 ].checkedAt,
		} );
		expect( web.site( 'friend.test' ).hits( '/post' ) ).toBe( 1 );
	} );

	it( 'stops both nodes cleanly on SIGTERM', async () => {
		for ( const node of nodes ) {
			node.child.kill( 'SIGTERM' );
		}
		expect(
			await Promise.all( nodes.map( ( node ) => node.exit ) )
		).toEqual( [ 0, 0 ] );
	} );
} );
