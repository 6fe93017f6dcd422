import fs from 'node:fs';
import { openStore } from '../../src/service/store';
import { runCli } from './cli-harness';
import { tempDataDir } from './harness';

describe( 'rlg sites', () => {
	let dataDir: string;
	beforeEach( () => {
		dataDir = tempDataDir();
	} );
	afterEach( () => fs.rmSync( dataDir, { recursive: true, force: true } ) );

	it( 'adds a site and prints its new key, which the store keeps', async () => {
		const run = await runCli( [
			'sites',
			'add',
			'https://Our.Example',
			'--json',
			'--data-dir',
			dataDir,
		] );
		expect( run.exitCode ).toBe( 0 );
		const printed = JSON.parse( run.stdout );
		expect( printed ).toEqual( {
			site: 'https://our.example/',
			key: expect.stringMatching( /^[0-9a-f]{64}$/ ),
			dataDir,
			allowRendered: false,
		} );
		const store = openStore( { dataDir } );
		const site = await store.findSite( 'our.example' );
		await store.close();
		expect( site?.secret ).toBe( printed.key );
	} );

	it( 'prints the key in words without --json', async () => {
		const run = await runCli( [
			'sites',
			'add',
			'https://our.example',
			'--data-dir',
			dataDir,
		] );
		expect( run.stdout ).toMatch(
			/^Registered https:\/\/our\.example\/\nKey: [0-9a-f]{64}\n/
		);
	} );

	it( 'refuses to add the same site twice (exit 2) and keeps the first key', async () => {
		const first = await runCli( [
			'sites',
			'add',
			'https://our.example',
			'--json',
			'--data-dir',
			dataDir,
		] );
		const second = await runCli( [
			'sites',
			'add',
			'http://www.our.example/',
			'--data-dir',
			dataDir,
		] );
		expect( second.exitCode ).toBe( 2 );
		expect( second.stderr ).toContain( 'already registered' );
		const store = openStore( { dataDir } );
		expect( ( await store.findSite( 'our.example' ) )?.secret ).toBe(
			JSON.parse( first.stdout ).key
		);
		await store.close();
	} );

	it( 'lists sites without their keys and removes them', async () => {
		const added = await runCli( [
			'sites',
			'add',
			'https://our.example',
			'--json',
			'--data-dir',
			dataDir,
		] );
		const key = JSON.parse( added.stdout ).key;
		const list = await runCli( [ 'sites', 'list', '--data-dir', dataDir ] );
		expect( list.stdout ).toContain( 'https://our.example/' );
		expect( list.stdout ).not.toContain( key );
		const json = await runCli( [
			'sites',
			'list',
			'--json',
			'--data-dir',
			dataDir,
		] );
		expect( JSON.parse( json.stdout ) ).toEqual( [
			{
				site: 'https://our.example/',
				aliases: [],
				hasKey: true,
				allowRendered: false,
				createdAt: expect.any( String ),
			},
		] );

		expect(
			(
				await runCli( [
					'sites',
					'remove',
					'https://our.example',
					'--data-dir',
					dataDir,
				] )
			).exitCode
		).toBe( 0 );
		const again = await runCli( [
			'sites',
			'remove',
			'https://our.example',
			'--data-dir',
			dataDir,
		] );
		expect( again.exitCode ).toBe( 2 );
		expect( again.stderr ).toContain( 'not registered' );
	} );

	it( 'refuses a site that is not an http(s) URL', async () => {
		const run = await runCli( [
			'sites',
			'add',
			'our.example',
			'--data-dir',
			dataDir,
		] );
		expect( run.exitCode ).toBe( 2 );
		expect( run.stderr ).toContain( 'not an absolute http(s) URL' );
	} );

	it( 'keeps other URLs of a site, which links to us may point at', async () => {
		await runCli( [
			'sites',
			'add',
			'https://our.example',
			'--alias',
			'https://old-name.example',
			'--alias',
			'https://staging.our.example/',
			'--data-dir',
			dataDir,
		] );
		const store = openStore( { dataDir } );
		expect(
			( await store.findSite( 'our.example' ) )?.alternateUrls
		).toEqual( [
			'https://old-name.example/',
			'https://staging.our.example/',
		] );
		await store.close();

		const cleared = await runCli( [
			'sites',
			'aliases',
			'https://our.example',
			'--data-dir',
			dataDir,
		] );
		expect( cleared.stdout ).toContain( 'has no other URLs' );
		const unknown = await runCli( [
			'sites',
			'aliases',
			'https://nobody.example',
			'https://x.example',
			'--data-dir',
			dataDir,
		] );
		expect( unknown.exitCode ).toBe( 2 );
		const bad = await runCli( [
			'sites',
			'aliases',
			'https://our.example',
			'not a url',
			'--data-dir',
			dataDir,
		] );
		expect( bad.exitCode ).toBe( 2 );
	} );

	describe( 'rendered checks (Chromium on the service machine)', () => {
		const allowed = async () => {
			const store = openStore( { dataDir } );
			try {
				return ( await store.findSite( 'our.example' ) )?.allowRendered;
			} finally {
				await store.close();
			}
		};
		const sites = ( ...args: string[] ) =>
			runCli( [ 'sites', ...args, '--data-dir', dataDir ] );

		it( 'registers a site without them unless --allow-rendered is given', async () => {
			await sites( 'add', 'https://our.example' );
			expect( await allowed() ).toBe( false );
			const other = await sites(
				'add',
				'https://other.example',
				'--allow-rendered',
				'--json'
			);
			expect( JSON.parse( other.stdout ).allowRendered ).toBe( true );
			const store = openStore( { dataDir } );
			expect(
				( await store.findSite( 'other.example' ) )?.allowRendered
			).toBe( true );
			await store.close();
		} );

		it( 'grants and withdraws them with sites set, and lists who has them', async () => {
			await sites( 'add', 'https://our.example' );
			const grant = await sites(
				'set',
				'https://www.our.example',
				'--allow-rendered'
			);
			expect( grant.exitCode ).toBe( 0 );
			expect( grant.stdout ).toContain(
				'https://our.example/ may ask for rendered checks'
			);
			expect( await allowed() ).toBe( true );
			expect( ( await sites( 'list' ) ).stdout ).toMatch(
				/https:\/\/our\.example\/\s+key\s+rendered\s+since/
			);
			expect(
				JSON.parse( ( await sites( 'list', '--json' ) ).stdout )[ 0 ]
					.allowRendered
			).toBe( true );

			const withdraw = await sites(
				'set',
				'https://our.example',
				'--no-allow-rendered'
			);
			expect( withdraw.exitCode ).toBe( 0 );
			expect( withdraw.stdout ).toContain(
				'may not ask for rendered checks'
			);
			expect( await allowed() ).toBe( false );
			expect( ( await sites( 'list' ) ).stdout ).not.toContain(
				'rendered'
			);
		} );

		it( 'refuses a set that changes nothing and a site that is not registered (exit 2)', async () => {
			await sites( 'add', 'https://our.example' );
			const nothing = await sites( 'set', 'https://our.example' );
			expect( nothing.exitCode ).toBe( 2 );
			expect( nothing.stderr ).toContain( '--allow-rendered' );
			const unknown = await sites(
				'set',
				'https://nobody.example',
				'--allow-rendered'
			);
			expect( unknown.exitCode ).toBe( 2 );
			expect( unknown.stderr ).toContain( 'not registered' );
		} );
	} );
} );
