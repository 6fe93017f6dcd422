/**
 * Migration 2 (site_settings), the store's per-site settings pair, and
 * `rlg check` using what a site stored.
 */
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	DATABASE_FILE,
	MIGRATIONS,
	SCHEMA_VERSION,
	migrate,
	openStore,
	siteIdentity,
} from '../../src/service/store';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';
import { runCli } from './cli-harness';

function tempDir(): string {
	return fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-store-set-' ) );
}

describe( 'store: per-site settings', () => {
	const dirs: string[] = [];
	afterAll( () => {
		for ( const dir of dirs ) {
			fs.rmSync( dir, { recursive: true, force: true } );
		}
	} );

	it( 'upgrades a version-1 database to the site_settings table, keeping its sites', async () => {
		const dir = tempDir();
		dirs.push( dir );
		const db = new BetterSqlite3( path.join( dir, DATABASE_FILE ) );
		expect( migrate( db, MIGRATIONS.slice( 0, 1 ) ) ).toEqual( [ 1 ] );
		db.prepare(
			`INSERT INTO sites ( url, site_key, secret, created_at ) VALUES ( 'https://our.example/', 'our.example', 'k', '2026-01-01' )`
		).run();
		db.close();

		const store = openStore( { dataDir: dir } );
		try {
			expect( SCHEMA_VERSION ).toBeGreaterThanOrEqual( 2 );
			expect( store.schemaVersion() ).toBe( SCHEMA_VERSION );
			const site = await store.findSite( 'our.example' );
			expect( site?.url ).toBe( 'https://our.example/' );
			expect( await store.getSiteSettings( site!.id ) ).toBeNull();
		} finally {
			await store.close();
		}
	} );

	it( 'replaces the stored fields on each save, returns only those, and drops them with the site', async () => {
		const dir = tempDir();
		dirs.push( dir );
		const store = openStore( { dataDir: dir } );
		try {
			const site = await store.addSite( {
				...siteIdentity( 'https://our.example' )!,
				secret: 'k',
			} );
			await store.setSiteSettings( site.id, {
				keywords: [ 'garden' ],
				checkTtlHours: 2,
			} );
			await store.setSiteSettings( site.id, { minRelevance: 0.2 } );
			const stored = await store.getSiteSettings( site.id );
			// A partial settings object: no defaults filled in.
			expect( stored?.settings ).toEqual( { minRelevance: 0.2 } );
			expect( Date.parse( stored!.updatedAt ) ).not.toBeNaN();

			expect( await store.removeSite( site.siteKey ) ).toBe( true );
			expect( await store.getSiteSettings( site.id ) ).toBeNull();
		} finally {
			await store.close();
		}
	} );
} );

describe( 'rlg check with a registered site that stored settings', () => {
	let web: PartnerWeb;
	let dataDir: string;

	beforeAll( async () => {
		web = await startPartnerWeb( {
			'friend.test': {
				'/': html( '<main><p>Friends of the garden.</p></main>' ),
				'/post': html(
					'<main><article><p>Read <a href="https://our.example/">organic gardening tips</a> today.</p></article></main>'
				),
			},
		} );
		dataDir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-cli-set-' ) );
	} );

	afterAll( async () => {
		await web.close();
		fs.rmSync( dataDir, { recursive: true, force: true } );
	} );

	const anchorClass = async () => {
		const run = await runCli( [
			'check',
			web.url( 'friend.test', '/post' ),
			'--site',
			'https://our.example',
			'--data-dir',
			dataDir,
			'--json',
			...web.resolveArgs,
		] );
		return JSON.parse( run.stdout ).results[ 0 ].links[ 0 ].anchorClass;
	};

	it( 'classifies anchors with the keywords the site saved', async () => {
		expect( await anchorClass() ).toBe( 'other' );
		const store = openStore( { dataDir } );
		try {
			const site = await store.findSite( 'our.example' );
			await store.setSiteSettings( site!.id, {
				keywords: [ 'organic gardening tips' ],
			} );
		} finally {
			await store.close();
		}
		expect( await anchorClass() ).toBe( 'exact-match' );
	} );
} );
