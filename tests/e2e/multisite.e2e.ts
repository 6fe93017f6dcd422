/**
 * The plugin on a real WordPress multisite (subdirectory network, SQLite):
 * network activation, and each site registered with the service under its
 * own home URL and key. A network is made the way wp-admin/network.php
 * makes one (network tables, populate_network, the MULTISITE constants in
 * wp-config.php); the plugin is network-activated with activate_plugin( …,
 * true ); the commands run per site with WP-CLI's --url (harness/wp-cli.php).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as wp from '../../scripts/wp/lib';
import {
	cliHasCommand,
	registerSite,
	startService,
	stopGroup,
	type StartedService,
} from './harness/processes';
import { runWpCli } from './harness/live-site';
import { readState } from './harness/state';

const canRun = cliHasCommand( 'serve' ) && cliHasCommand( 'sites' );

/** Turns the single site at `siteDir` into a subdirectory network. */
function makeNetwork( siteDir: string, url: string, domain: string ): void {
	const result = wp
		.wpEval(
			siteDir,
			`require_once ABSPATH . 'wp-admin/includes/upgrade.php';
			require_once ABSPATH . 'wp-admin/includes/network.php';
			// As wp-admin/network.php does before install_network().
			foreach ( $wpdb->tables( 'ms_global' ) as $table => $prefixed ) { $wpdb->$table = $prefixed; }
			install_network();
			$result = populate_network( 1, '${ domain }', 'admin@example.test', 'RLG network', '/', false );
			echo is_wp_error( $result ) ? $result->get_error_message() : 'ok';`,
			{ url }
		)
		.trim();
	if ( result !== 'ok' ) {
		throw new Error( `populate_network failed: ${ result }` );
	}
	const config = path.join( siteDir, 'wp-config.php' );
	const source = fs
		.readFileSync( config, 'utf8' )
		// Each site has its own home URL: no fixed WP_HOME/WP_SITEURL.
		.replace( "define( 'WP_HOME', $rlg_url );\n", '' )
		.replace( "define( 'WP_SITEURL', $rlg_url );\n", '' )
		.replace(
			"if ( ! defined( 'ABSPATH' ) ) {",
			[
				"define( 'MULTISITE', true );",
				"define( 'SUBDOMAIN_INSTALL', false );",
				`define( 'DOMAIN_CURRENT_SITE', '${ domain }' );`,
				"define( 'PATH_CURRENT_SITE', '/' );",
				"define( 'SITE_ID_CURRENT_SITE', 1 );",
				"define( 'BLOG_ID_CURRENT_SITE', 1 );",
				"if ( ! defined( 'ABSPATH' ) ) {",
			].join( '\n' )
		);
	fs.writeFileSync( config, source );
}

( canRun ? describe : describe.skip )( 'multisite', () => {
	let siteDir: string;
	let mainUrl: string;
	let secondUrl: string;
	let service: StartedService;
	const keys: Record< string, string > = {};

	/**
	 * PHP on the network's main site (switch_to_blog for the others). Not
	 * wp.wpEval: on a network the Host header must carry the port, as the
	 * network's domain does.
	 */
	const php = ( code: string ): string => {
		const host = new URL( mainUrl ).host;
		const result = spawnSync(
			'php',
			[
				'-d',
				'display_errors=stderr',
				'-r',
				`$_SERVER['HTTP_HOST'] = '${ host }'; $_SERVER['REQUEST_URI'] = '/'; $_SERVER['REQUEST_METHOD'] = 'GET';
				require 'wp-load.php';
				${ code }`,
			],
			{ cwd: siteDir, encoding: 'utf8' }
		);
		if ( result.status !== 0 ) {
			throw new Error(
				`php failed: ${ result.stderr }${ result.stdout.slice( 0, 2000 ) }`
			);
		}
		return result.stdout;
	};

	beforeAll( async () => {
		const state = readState();
		const port = await wp.freePort();
		const domain = `localhost:${ port }`;
		mainUrl = `http://${ domain }`;
		secondUrl = `${ mainUrl }/second`;
		siteDir = path.join( state.tmpDir, 'multisite-wordpress' );
		wp.prepareSite( { siteDir, url: mainUrl } );
		makeNetwork( siteDir, mainUrl, domain );
		// Network-activate; add a second site. core's wp_normalize_site_data
		// drops the ':' of a domain with a port (fine for real hosts), so
		// the test site is inserted without it.
		const made =
			php( `require_once ABSPATH . 'wp-admin/includes/plugin.php';
			deactivate_plugins( 'reciprocal-link-guard/plugin.php' );
			$activated = activate_plugin( 'reciprocal-link-guard/plugin.php', '', true );
			if ( is_wp_error( $activated ) ) { echo $activated->get_error_message(); exit; }
			remove_filter( 'wp_normalize_site_data', 'wp_normalize_site_data' );
			$id = wp_insert_site( array( 'domain' => '${ domain }', 'path' => '/second/', 'title' => 'Second site', 'user_id' => 1 ) );
			echo is_wp_error( $id ) ? $id->get_error_message() : $id;` ).trim();
		if ( made !== '2' ) {
			throw new Error(
				`network activation or the second site failed: ${ made }`
			);
		}

		service = await startService( {
			port: await wp.freePort(),
			dataDir: path.join( state.tmpDir, 'multisite-service' ),
			logFile: path.join( state.tmpDir, 'multisite-service.log' ),
			resolve: [ `${ domain }:127.0.0.1` ],
		} );
		// One registration per site, under the home URL it shows.
		keys.main = registerSite( `${ mainUrl }/`, service.dataDir );
		keys.second = registerSite( `${ secondUrl }/`, service.dataDir );
		for ( const [ blog, key ] of [
			[ 1, keys.main ],
			[ 2, keys.second ],
		] as const ) {
			php( `switch_to_blog( ${ blog } );
				update_option( 'rlg_settings', array_merge( ReciprocalLinkGuard\\Options::all(), array( 'serviceUrl' => '${ service.url }', 'siteKey' => '${ key }' ) ) );
				restore_current_blog();` );
		}
	}, 120000 );

	afterAll( () => {
		if ( service ) {
			stopGroup( service.pid );
		}
	} );

	it( 'is network-active and loaded on every site of the network', () => {
		const answer = JSON.parse(
			php( `require_once ABSPATH . 'wp-admin/includes/plugin.php';
				$sites = array();
				foreach ( get_sites() as $site ) {
					switch_to_blog( $site->blog_id );
					$sites[] = array( home_url( '/' ), ReciprocalLinkGuard\\Service_Client::site_identity(), is_plugin_active( 'reciprocal-link-guard/plugin.php' ) );
					restore_current_blog();
				}
				echo wp_json_encode( array( is_multisite(), is_plugin_active_for_network( 'reciprocal-link-guard/plugin.php' ), $sites ) );` )
		);
		expect( answer ).toEqual( [
			true,
			true,
			[
				[ `${ mainUrl }/`, `${ mainUrl }/`, true ],
				[ `${ secondUrl }/`, `${ secondUrl }/`, true ],
			],
		] );
	} );

	it( 'each site talks to the service as itself, with its own key', async () => {
		for ( const url of [ mainUrl, secondUrl ] ) {
			const run = await runWpCli( siteDir, `${ url }/`, [
				'rlg',
				'status',
			] );
			expect( run.stderr ).toBe( '' );
			expect( run.status ).toBe( 0 );
			expect( run.stdout ).toContain( `Site\t${ url }/\n` );
			expect( run.stdout ).toMatch( /accepts this site/ );
		}
	} );

	it( "a site holding another site's key is refused, naming the fix", async () => {
		php( `switch_to_blog( 2 );
			update_option( 'rlg_settings', array_merge( ReciprocalLinkGuard\\Options::all(), array( 'siteKey' => '${ keys.main }' ) ) );
			restore_current_blog();` );
		try {
			const run = await runWpCli( siteDir, `${ secondUrl }/`, [
				'rlg',
				'status',
			] );
			expect( run.status ).toBe( 1 );
			expect( run.stderr ).toMatch(
				/^Error: The link check service at .* rejected the site key of this site .*rlg sites add/
			);
		} finally {
			php( `switch_to_blog( 2 );
				update_option( 'rlg_settings', array_merge( ReciprocalLinkGuard\\Options::all(), array( 'siteKey' => '${ keys.second }' ) ) );
				restore_current_blog();` );
		}
	} );

	it( 'settings and the digest schedule stay per site', () => {
		const answer = JSON.parse(
			php( `require_once ABSPATH . 'wp-admin/includes/template.php';
				switch_to_blog( 2 );
				update_option( 'rlg_settings', ReciprocalLinkGuard\\Options::sanitize( array( 'digestFrequency' => 'weekly', 'keywords' => "tomaten" ) ) );
				$second = array( ReciprocalLinkGuard\\Options::all()['keywords'], wp_get_schedule( 'rlg_email_digest' ) );
				restore_current_blog();
				$main = array( ReciprocalLinkGuard\\Options::all()['keywords'], wp_get_schedule( 'rlg_email_digest' ) );
				echo wp_json_encode( array( $main, $second ) );` )
		);
		expect( answer ).toEqual( [
			[ [], false ],
			[ [ 'tomaten' ], 'weekly' ],
		] );
	} );
} );
