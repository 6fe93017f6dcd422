import fs from 'node:fs';
import { Writable } from 'node:stream';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { buildApp } from '../../src/service/api/app';
import { createCheckService } from '../../src/service/check-service';
import type { Fetcher } from '../../src/service/fetch/fetch-page';
import { loggingFetcher } from '../../src/service/live-checker';
import { createLogger } from '../../src/service/logger';
import { signRequest } from '../../src/service/auth';
import { openStore, siteIdentity } from '../../src/service/store';
import { SITE_KEY, SITE_URL, fakeChecker, send, tempDataDir } from './harness';

function memoryLogger() {
	const lines: Array< Record< string, unknown > > = [];
	const stream = new Writable( {
		write( chunk, _encoding, done ) {
			for ( const line of chunk.toString().split( '\n' ) ) {
				if ( line.trim() ) {
					lines.push( JSON.parse( line ) );
				}
			}
			done();
		},
	} );
	return {
		lines,
		logger: createLogger( { level: 'info', destination: stream } ),
	};
}

describe( 'structured logs', () => {
	it( 'writes one line per request with method, url, status and duration', async () => {
		const { lines, logger } = memoryLogger();
		const dataDir = tempDataDir();
		const store = openStore( { dataDir } );
		const app = await buildApp( {
			store,
			checkService: createCheckService( {
				store,
				checker: fakeChecker(),
				settings: DEFAULT_SETTINGS,
			} ),
			settings: DEFAULT_SETTINGS,
			logger,
		} );
		await app.listen( { host: '127.0.0.1', port: 0 } );
		try {
			await send( app, { method: 'GET', url: '/v1/health' } );
			await send( app, { method: 'GET', url: '/v1/stats' } );
		} finally {
			await app.close();
			await store.close();
			fs.rmSync( dataDir, { recursive: true, force: true } );
		}
		const requests = lines.filter( ( line ) => line.msg === 'request' );
		expect( requests ).toEqual( [
			expect.objectContaining( {
				method: 'GET',
				url: '/v1/health',
				status: 200,
				ms: expect.any( Number ),
			} ),
			expect.objectContaining( { url: '/v1/stats', status: 401 } ),
		] );
	} );

	it( 'writes one line per page fetch with its outcome', async () => {
		const { lines, logger } = memoryLogger();
		const inner = {
			options: {},
			close: async () => undefined,
			fetchPage: async ( url: string ) => ( {
				kind: 'failed' as const,
				status: 'timeout' as const,
				url,
				redirects: [ 'https://b.example/' ],
				finalUrl: 'https://b.example/',
				httpStatus: null,
				detail: 'headers timeout',
			} ),
		} as unknown as Fetcher;
		await loggingFetcher( inner, logger ).fetchPage( 'https://a.example/' );
		expect( lines ).toEqual( [
			expect.objectContaining( {
				msg: 'fetch',
				url: 'https://a.example/',
				outcome: 'timeout',
				httpStatus: null,
				finalUrl: 'https://b.example/',
				redirects: 1,
				ms: expect.any( Number ),
			} ),
		] );
	} );

	it( 'warns with the names of the settings a site pushed that this service does not know', async () => {
		const { lines, logger } = memoryLogger();
		const dataDir = tempDataDir();
		const store = openStore( { dataDir } );
		await store.addSite( {
			...siteIdentity( SITE_URL )!,
			secret: SITE_KEY,
		} );
		const app = await buildApp( {
			store,
			checkService: createCheckService( {
				store,
				checker: fakeChecker(),
				settings: DEFAULT_SETTINGS,
			} ),
			settings: DEFAULT_SETTINGS,
			logger,
		} );
		await app.listen( { host: '127.0.0.1', port: 0 } );
		const body = JSON.stringify( {
			keywords: [ 'garden' ],
			checkJavaScriptLinks: true,
		} );
		try {
			const reply = await send( app, {
				method: 'PUT',
				url: '/v1/site/settings',
				headers: {
					...signRequest( {
						site: SITE_URL,
						key: SITE_KEY,
						method: 'PUT',
						path: '/v1/site/settings',
						body,
					} ),
					'content-type': 'application/json',
				},
				payload: body,
			} );
			expect( reply.statusCode ).toBe( 200 );
		} finally {
			await app.close();
			await store.close();
			fs.rmSync( dataDir, { recursive: true, force: true } );
		}
		expect( lines.filter( ( line ) => line.level === 40 ) ).toEqual( [
			expect.objectContaining( {
				site: SITE_URL,
				ignored: [ 'checkJavaScriptLinks' ],
				count: 1,
				msg: expect.stringContaining( 'newer than the service' ),
			} ),
		] );
	} );
} );
