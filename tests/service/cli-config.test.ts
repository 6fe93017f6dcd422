import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	serviceLimitsFromEnv,
	defaultDataDir,
	isLoopbackHost,
	parsePort,
	resolveCommonConfig,
	resolveDataDir,
} from '../../src/service/config';
import { tempDataDir } from './harness';

describe( 'service configuration', () => {
	it( 'takes the data directory from the flag, then RLG_DATA_DIR, then XDG', () => {
		const env = { RLG_DATA_DIR: '/env/dir', XDG_DATA_HOME: '/xdg' };
		expect( resolveDataDir( '/flag/dir', env ) ).toBe( '/flag/dir' );
		expect( resolveDataDir( undefined, env ) ).toBe( '/env/dir' );
		expect( resolveDataDir( undefined, { XDG_DATA_HOME: '/xdg' } ) ).toBe(
			'/xdg/reciprocal-link-guard'
		);
		expect( defaultDataDir( {} ) ).toBe(
			path.join(
				os.homedir(),
				'.local',
				'share',
				'reciprocal-link-guard'
			)
		);
		// A relative XDG_DATA_HOME is invalid by the spec and ignored.
		expect( defaultDataDir( { XDG_DATA_HOME: 'rel' } ) ).toBe(
			defaultDataDir( {} )
		);
	} );

	it( 'knows which listen addresses only this machine can reach', () => {
		for ( const host of [
			'127.0.0.1',
			'127.8.9.10',
			'localhost',
			'::1',
			'[::1]',
			'::ffff:127.0.0.1',
		] ) {
			expect( [ host, isLoopbackHost( host ) ] ).toEqual( [
				host,
				true,
			] );
		}
		for ( const host of [
			'0.0.0.0',
			'::',
			'192.168.1.2',
			'example.com',
			'128.0.0.1',
		] ) {
			expect( [ host, isLoopbackHost( host ) ] ).toEqual( [
				host,
				false,
			] );
		}
	} );

	it( 'refuses a port or TTL out of range with ERR_CONFIG naming the option', () => {
		expect( parsePort( '8787' ) ).toBe( 8787 );
		expect( () => parsePort( '70000' ) ).toThrow(
			expect.objectContaining( {
				code: 'ERR_CONFIG',
				message: expect.stringContaining( '--port' ),
			} )
		);
		expect( () => resolveCommonConfig( { ttlHours: 'soon' }, {} ) ).toThrow(
			expect.objectContaining( {
				code: 'ERR_CONFIG',
				message: expect.stringContaining( '--ttl-hours' ),
			} )
		);
		expect( () =>
			resolveCommonConfig( {}, { RLG_TTL_HOURS: '-1' } )
		).toThrow(
			expect.objectContaining( {
				message: expect.stringContaining( 'RLG_TTL_HOURS' ),
			} )
		);
	} );

	it( 'reads settings from a JSON file and lets --ttl-hours override the TTL', () => {
		const dir = tempDataDir();
		try {
			const file = path.join( dir, 'settings.json' );
			fs.writeFileSync(
				file,
				JSON.stringify( { checkTtlHours: 6, keywords: [ 'tuin' ] } )
			);
			const fromFile = resolveCommonConfig(
				{ settings: file, dataDir: dir },
				{}
			);
			expect( fromFile.settings ).toMatchObject( {
				checkTtlHours: 6,
				keywords: [ 'tuin' ],
			} );
			expect( fromFile.dataDir ).toBe( dir );
			expect(
				resolveCommonConfig( { settings: file, ttlHours: '1.5' }, {} )
					.settings.checkTtlHours
			).toBe( 1.5 );

			fs.writeFileSync(
				file,
				JSON.stringify( { checkTtlHours: 'long' } )
			);
			expect( () =>
				resolveCommonConfig( { settings: file }, {} )
			).toThrow(
				expect.objectContaining( {
					code: 'ERR_CONFIG',
					message: expect.stringContaining( 'checkTtlHours' ),
				} )
			);
		} finally {
			fs.rmSync( dir, { recursive: true, force: true } );
		}
	} );
} );

describe( 'serviceLimitsFromEnv', () => {
	it( 'reads the server timeouts, the connection cap and the fetcher shares (seconds to ms)', () => {
		expect(
			serviceLimitsFromEnv( {
				RLG_REQUEST_TIMEOUT_SECONDS: '20',
				RLG_HEADERS_TIMEOUT_SECONDS: '5',
				RLG_BODY_TIMEOUT_SECONDS: '7',
				RLG_MAX_CONNECTIONS_PER_CLIENT: '0',
				RLG_SITE_FETCHES: '4',
				RLG_SITE_FETCH_RATE: '0',
				RLG_PAGE_TIMEOUT_SECONDS: '12',
				RLG_FETCHES: '64',
			} )
		).toEqual( {
			server: {
				requestTimeoutMs: 20_000,
				headersTimeoutMs: 5_000,
				bodyTimeoutMs: 7_000,
				maxConnectionsPerClient: 0,
			},
			fetcher: {
				perSiteConcurrency: 4,
				perSiteRatePerSecond: 0,
				pageTimeoutMs: 12_000,
				globalConcurrency: 64,
			},
		} );
	} );

	it( 'leaves unset ones to the defaults', () => {
		const limits = serviceLimitsFromEnv( {} );
		expect(
			Object.values( limits.server ).every( ( v ) => v === undefined )
		).toBe( true );
		expect(
			Object.values( limits.fetcher ).every( ( v ) => v === undefined )
		).toBe( true );
	} );

	it( 'names the variable that is out of range', () => {
		expect( () =>
			serviceLimitsFromEnv( { RLG_BODY_TIMEOUT_SECONDS: '0' } )
		).toThrow(
			/RLG_BODY_TIMEOUT_SECONDS must be an integer from 1 to 3600, got "0"/
		);
		expect( () =>
			serviceLimitsFromEnv( { RLG_SITE_FETCHES: 'lots' } )
		).toThrow( /RLG_SITE_FETCHES/ );
		expect( () => serviceLimitsFromEnv( { RLG_FETCHES: '0' } ) ).toThrow(
			/RLG_FETCHES must be an integer from 1 to 1024, got "0"/
		);
	} );
} );
