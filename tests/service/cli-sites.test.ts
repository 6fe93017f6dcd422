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
} );
