/**
 * Starts the e2e environment once for all specs: a fresh WordPress with the
 * plugin (on a random port, in a temp directory), the link check service
 * with its own data directory and this site's key in WordPress's options,
 * users of every role, and a headless Debian Chromium the specs connect to.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import * as wp from '../../scripts/wp/lib';
import {
	cliHasCommand,
	registerSite,
	startService,
	stopGroup,
} from './harness/processes';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './harness/browser';
import { partnerRoutes } from './harness/partners';
import { startPartnerWeb } from '../helpers/partner-web';
import {
	ARTIFACTS_DIR,
	ROOT,
	STATE_ENV,
	writeState,
	type E2eState,
	type E2eUser,
} from './harness/state';

const ROLES = [ 'editor', 'author', 'contributor', 'subscriber' ] as const;
const PASSWORD = 'password';

function log( message: string ): void {
	process.stdout.write( `e2e: ${ message }\n` );
}

function newestMtime( dir: string ): number {
	let newest = 0;
	if ( ! fs.existsSync( dir ) ) {
		return newest;
	}
	for ( const entry of fs.readdirSync( dir, {
		withFileTypes: true,
		recursive: true,
	} ) ) {
		if ( entry.isFile() ) {
			const stat = fs.statSync(
				path.join( entry.parentPath, entry.name )
			);
			newest = Math.max( newest, stat.mtimeMs );
		}
	}
	return newest;
}

function isStale( output: string, sources: string[] ): boolean {
	if ( ! fs.existsSync( output ) ) {
		return true;
	}
	const built = fs.statSync( output ).mtimeMs;
	return sources.some( ( dir ) => newestMtime( dir ) > built );
}

/** Builds what is missing or older than its sources (CI builds first anyway). */
function buildIfNeeded(): void {
	const src = ( ...parts: string[] ) => path.join( ROOT, 'src', ...parts );
	const steps: string[] = [];
	if (
		isStale( path.join( ROOT, 'build', 'assets', 'editor.asset.php' ), [
			src( 'editor' ),
			src( 'admin' ),
			src( 'core' ),
		] )
	) {
		steps.push( 'build:assets' );
	}
	if (
		isStale( path.join( ROOT, 'build', 'node', 'service', 'cli.js' ), [
			src( 'service' ),
			src( 'core' ),
		] )
	) {
		steps.push( 'build:node' );
	}
	for ( const step of steps ) {
		log( `npm run ${ step } (sources changed)…` );
		const result = spawnSync( 'npm', [ 'run', step ], {
			cwd: ROOT,
			stdio: 'inherit',
		} );
		if ( result.status !== 0 ) {
			throw new Error( `npm run ${ step } failed` );
		}
	}
}

/**
 * php -S and the service run in their own process groups (so teardown can
 * stop their workers too), which also means they would outlive a jest that
 * is interrupted (Ctrl-C, a CI timeout) before teardown: kill them on exit.
 */
function orphanGuard( pid: number ): void {
	const kill = () => {
		try {
			process.kill( -pid, 'SIGKILL' );
		} catch {
			// Already stopped by teardown.
		}
	};
	process.once( 'exit', kill );
}

function createUsers(
	siteDir: string,
	url: string
): Record< string, E2eUser > {
	const users: Record< string, E2eUser > = {
		admin: {
			login: wp.ADMIN_USER,
			password: wp.ADMIN_PASSWORD,
			role: 'administrator',
			id: 1,
		},
	};
	const code = ROLES.map(
		( role ) => `
		$id = username_exists( '${ role }' );
		if ( ! $id ) {
			$id = wp_insert_user( array( 'user_login' => '${ role }', 'user_pass' => '${ PASSWORD }', 'user_email' => '${ role }@example.test', 'role' => '${ role }', 'display_name' => ucfirst( '${ role }' ) ) );
		}
		$ids['${ role }'] = $id;`
	).join( '\n' );
	const output = wp.wpEval(
		siteDir,
		`$ids = array();
		${ code }
		$ids['admin'] = 1;
		// No welcome guide in a fresh browser profile: persisted as the editor would.
		foreach ( $ids as $id ) {
			update_user_meta( $id, $GLOBALS['wpdb']->get_blog_prefix() . 'persisted_preferences', array(
				'core/edit-post' => array( 'welcomeGuide' => false ),
				'core' => array( 'enableChoosePatternModal' => false ),
				'_modified' => gmdate( 'c' ),
			) );
		}
		echo wp_json_encode( $ids );`,
		{ url }
	);
	const ids = JSON.parse( output ) as Record< string, number >;
	for ( const role of ROLES ) {
		users[ role ] = {
			login: role,
			password: PASSWORD,
			role,
			id: ids[ role ],
		};
	}
	return users;
}

/** Merges values into the plugin's option (as setPluginOptions does for specs). */
function configurePlugin(
	siteDir: string,
	url: string,
	values: Record< string, unknown >
): void {
	const json = Buffer.from( JSON.stringify( values ) ).toString( 'base64' );
	wp.wpEval(
		siteDir,
		`$values = json_decode( base64_decode( '${ json }' ), true );
		$current = get_option( 'rlg_settings', array() );
		update_option( 'rlg_settings', array_merge( is_array( $current ) ? $current : array(), $values ) );`,
		{ url }
	);
}

export default async function globalSetup(): Promise< void > {
	const started = Date.now();
	if ( process.env.RLG_E2E_NO_BUILD ) {
		log( 'RLG_E2E_NO_BUILD: using build/ as it is' );
	} else {
		buildIfNeeded();
	}
	fs.mkdirSync( ARTIFACTS_DIR, { recursive: true } );
	const tmpDir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-e2e-' ) );
	const stateFile = path.join( tmpDir, 'state.json' );
	const cleanup: Array< () => void | Promise< void > > = [];
	( globalThis as Record< string, unknown > ).__RLG_E2E_CLEANUP__ = cleanup;
	( globalThis as Record< string, unknown > ).__RLG_E2E_TMP__ = tmpDir;

	try {
		const wpPort = await wp.freePort();
		const wpUrl = `http://127.0.0.1:${ wpPort }`;
		const siteDir = path.join( tmpDir, 'wordpress' );
		log( `preparing WordPress ${ wp.WP_VERSION } in ${ siteDir }…` );
		wp.prepareSite( { siteDir, url: wpUrl } );
		const server = await wp.startServer( {
			siteDir,
			port: wpPort,
			logFile: path.join( tmpDir, 'php-server.log' ),
		} );
		cleanup.push( () => stopGroup( server.pid ) );
		orphanGuard( server.pid );
		const users = createUsers( siteDir, wpUrl );

		const web = await startPartnerWeb( partnerRoutes( wpUrl ) );
		cleanup.push( () => web.close() );
		const resolve = [ ...web.resolveEntries ];
		const partners: Record< string, string > = {};
		for ( const name of Object.keys( partnerRoutes( wpUrl ) ) ) {
			partners[ name ] = web.site( name ).origin;
		}

		let service: E2eState[ 'service' ] = null;
		let serviceProblem: string | null = null;
		if ( cliHasCommand( 'serve' ) && cliHasCommand( 'sites' ) ) {
			const port = await wp.freePort();
			const started_ = await startService( {
				port,
				dataDir: path.join( tmpDir, 'service-data' ),
				logFile: path.join( tmpDir, 'service.log' ),
				resolve,
			} );
			cleanup.push( () => stopGroup( started_.pid ) );
			orphanGuard( started_.pid );
			const siteKey = registerSite( `${ wpUrl }/`, started_.dataDir );
			configurePlugin( siteDir, wpUrl, {
				serviceUrl: started_.url,
				siteKey,
			} );
			service = { ...started_, siteKey };
			log( `service at ${ started_.url }` );
		} else {
			serviceProblem =
				'The built CLI has no `rlg serve` / `rlg sites` command yet.';
			log( serviceProblem );
		}

		const browser = await chromium.launchServer( {
			executablePath: CHROMIUM_PATH,
			// Playwright gives the browser a fresh temporary profile itself.
			args: CHROMIUM_ARGS,
			headless: true,
		} );
		cleanup.push( () => browser.close() );
		( globalThis as Record< string, unknown > ).__RLG_E2E_BROWSER__ =
			browser;

		const state: E2eState = {
			wpUrl,
			siteDir,
			wpPid: server.pid,
			service,
			serviceProblem,
			resolve,
			partners,
			browserWsEndpoint: browser.wsEndpoint(),
			users,
			artifactsDir: ARTIFACTS_DIR,
			tmpDir,
		};
		writeState( stateFile, state );
		process.env[ STATE_ENV ] = stateFile;
		log(
			`WordPress at ${ wpUrl } ready in ${
				Math.round( ( Date.now() - started ) / 100 ) / 10
			} s`
		);
	} catch ( error ) {
		for ( const stop of cleanup.reverse() ) {
			await stop();
		}
		throw error;
	}
}
