/**
 * `npm run plugin-zip`: one top folder with exactly the plugin's runtime
 * files, and a WordPress that gets the unpacked zip activates it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildZip, listEntries } from '../../scripts/plugin-zip';
import * as wp from '../../scripts/wp/lib';

jest.setTimeout( 60_000 );

describe( 'plugin zip', () => {
	let tmp: string;
	let zipFile: string;
	let entries: string[];

	beforeAll( () => {
		tmp = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-zip-' ) );
		zipFile = buildZip( { out: path.join( tmp, 'plugin.zip' ) } ).out;
		entries = listEntries( zipFile );
	} );

	afterAll( () => {
		fs.rmSync( tmp, { recursive: true, force: true } );
	} );

	it( 'puts everything under one reciprocal-link-guard/ folder', () => {
		expect( entries.length ).toBeGreaterThan( 0 );
		expect(
			entries.filter(
				( entry ) => ! entry.startsWith( 'reciprocal-link-guard/' )
			)
		).toEqual( [] );
	} );

	it( 'holds the PHP, readme, translations and built scripts', () => {
		expect( entries ).toEqual(
			expect.arrayContaining( [
				'reciprocal-link-guard/plugin.php',
				'reciprocal-link-guard/uninstall.php',
				'reciprocal-link-guard/readme.txt',
				'reciprocal-link-guard/includes/class-plugin.php',
				'reciprocal-link-guard/languages/reciprocal-link-guard.pot',
				'reciprocal-link-guard/languages/reciprocal-link-guard-nl_NL.mo',
				'reciprocal-link-guard/build/assets/editor.js',
				'reciprocal-link-guard/build/assets/editor.asset.php',
				'reciprocal-link-guard/build/assets/admin.js',
			] )
		);
	} );

	it( 'leaves out sources, tests, node_modules, the service build and dev files', () => {
		const top = new Set(
			entries.map( ( entry ) => entry.split( '/' )[ 1 ] )
		);
		expect( [ ...top ].sort() ).toEqual( [
			'build',
			'includes',
			'languages',
			'plugin.php',
			'readme.txt',
			'uninstall.php',
		] );
		expect(
			entries.filter(
				( entry ) =>
					/\/(src|tests|node_modules|build\/node)\//.test( entry ) ||
					/\.(ts|tsx|map)$/.test( entry ) ||
					/\/\./.test( entry ) ||
					/(package(-lock)?\.json|tsconfig.*\.json)$/.test( entry )
			)
		).toEqual( [] );
	} );

	it( 'is installable: WordPress activates the unpacked plugin and finds its scripts', () => {
		const unpacked = path.join( tmp, 'unpacked' );
		const AdmZip = require( 'adm-zip' );
		new AdmZip( zipFile ).extractAllTo( unpacked );
		const pluginDir = path.join( unpacked, 'reciprocal-link-guard' );
		const siteDir = path.join( tmp, 'wordpress' );
		const url = 'http://127.0.0.1:9';
		// prepareSite activates the plugin from pluginSource, or throws.
		wp.prepareSite( { siteDir, url, pluginSource: pluginDir } );
		const output = wp.wpEval(
			siteDir,
			"echo wp_json_encode( array( 'dir' => RLG_PLUGIN_DIR, 'editor' => is_readable( RLG_PLUGIN_DIR . 'build/assets/editor.asset.php' ) ) );",
			{ url }
		);
		const loaded = JSON.parse( output ) as {
			dir: string;
			editor: boolean;
		};
		expect( fs.realpathSync( loaded.dir ) ).toBe(
			fs.realpathSync( pluginDir )
		);
		expect( loaded.editor ).toBe( true );
	} );
} );
