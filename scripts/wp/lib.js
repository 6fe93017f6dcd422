'use strict';
/**
 * A real WordPress for development and tests, offline: WordPress 6.5 from the
 * `@wp-playground/wordpress-builds` npm package, the SQLite drop-in from the
 * same package, served by Debian's `php -S`. See
 * docs: /work/shared/wordpress-offline.md for the facts this relies on.
 *
 * Everything here is idempotent: `prepareSite` unpacks WordPress only when
 * the site directory has none, installs only when the database is missing,
 * and otherwise just rewrites wp-config.php and re-checks the plugin, so a
 * second run takes well under a second and keeps posts and settings.
 */
const fs = require( 'node:fs' );
const path = require( 'node:path' );
const net = require( 'node:net' );
const crypto = require( 'node:crypto' );
const { spawn, spawnSync } = require( 'node:child_process' );

const ROOT = path.resolve( __dirname, '..', '..' );
/**
 * The WordPress build to run: 6.5 (the oldest supported), or any other the
 * npm package holds (6.6-RC as "beta", 6.7-alpha as "nightly") to try the
 * plugin on newer WordPress: RLG_WP_VERSION=nightly npm run test:e2e.
 */
const WP_VERSION = process.env.RLG_WP_VERSION || '6.5';
const PLUGIN_SLUG = 'reciprocal-link-guard';
const DEFAULT_SITE_DIR = path.join( ROOT, '.wp', 'site' );
const DEFAULT_PORT = 8888;
const ADMIN_USER = 'admin';
const ADMIN_PASSWORD = 'password';
const ROUTER = path.join( __dirname, 'router.php' );
const coreLanguages = require( './core-languages' );

class WpEnvError extends Error {
	/**
	 * @param {string} code    Stable machine-readable code.
	 * @param {string} message A sentence for people.
	 */
	constructor( code, message ) {
		super( message );
		this.name = 'WpEnvError';
		this.code = code;
	}
}

function buildsDir() {
	let pkg;
	try {
		pkg = require.resolve( '@wp-playground/wordpress-builds/package.json', {
			paths: [ ROOT ],
		} );
	} catch {
		throw new WpEnvError(
			'ERR_WP_BUILD_MISSING',
			'@wp-playground/wordpress-builds is not installed; run `npm ci` first.'
		);
	}
	return path.dirname( pkg );
}

/** Fails early, with the apt command, when PHP or its SQLite driver is missing. */
function checkPhp() {
	const probe = spawnSync(
		'php',
		[ '-r', 'echo extension_loaded("pdo_sqlite") ? "ok" : "no-sqlite";' ],
		{ encoding: 'utf8' }
	);
	if ( probe.error || probe.status !== 0 ) {
		throw new WpEnvError(
			'ERR_PHP_MISSING',
			'PHP is not installed: run `sudo apt-get install -y php8.2-cli php8.2-sqlite3 php8.2-xml php8.2-mbstring`.'
		);
	}
	if ( probe.stdout.trim() !== 'ok' ) {
		throw new WpEnvError(
			'ERR_PHP_SQLITE_MISSING',
			'PHP has no SQLite driver: run `sudo apt-get install -y php8.2-sqlite3`.'
		);
	}
}

function run( command, args, options = {} ) {
	const result = spawnSync( command, args, {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		...options,
	} );
	if ( result.error ) {
		throw result.error;
	}
	if ( result.status !== 0 ) {
		throw new WpEnvError(
			'ERR_COMMAND_FAILED',
			`${ command } ${ args.join( ' ' ) } failed (exit ${
				result.status
			}): ${ ( result.stderr || result.stdout || '' ).trim() }`
		);
	}
	return result.stdout;
}

function localConfigPath( siteDir ) {
	return path.join( siteDir, 'wp-content', 'rlg-local.json' );
}

/**
 * Per-site values that must survive re-runs (salts: otherwise every prepare
 * would log everybody out).
 */
function readLocalConfig( siteDir ) {
	const file = localConfigPath( siteDir );
	if ( fs.existsSync( file ) ) {
		return JSON.parse( fs.readFileSync( file, 'utf8' ) );
	}
	const salts = {};
	for ( const name of [
		'AUTH_KEY',
		'SECURE_AUTH_KEY',
		'LOGGED_IN_KEY',
		'NONCE_KEY',
		'AUTH_SALT',
		'SECURE_AUTH_SALT',
		'LOGGED_IN_SALT',
		'NONCE_SALT',
	] ) {
		salts[ name ] = crypto.randomBytes( 32 ).toString( 'hex' );
	}
	const config = { salts };
	fs.writeFileSync( file, JSON.stringify( config, null, '\t' ) + '\n' );
	return config;
}

function unpackWordPress( siteDir, log ) {
	const builds = buildsDir();
	const zip = path.join(
		builds,
		'src',
		'wordpress',
		`wp-${ WP_VERSION }.zip`
	);
	const assets = path.join( builds, 'public', `wp-${ WP_VERSION }` );
	log( `Unpacking WordPress ${ WP_VERSION } into ${ siteDir }…` );
	fs.mkdirSync( siteDir, { recursive: true } );
	// Another version's core files must not linger; wp-content (database, uploads) stays.
	for ( const dir of [ 'wp-admin', 'wp-includes' ] ) {
		fs.rmSync( path.join( siteDir, dir ), {
			recursive: true,
			force: true,
		} );
	}
	run( 'unzip', [ '-q', '-o', zip, '-d', siteDir ] );
	// The zip has its static assets stripped; the package keeps them apart.
	fs.cpSync( assets, siteDir, { recursive: true, force: true } );
	// An already-installed Playground database and its asset map: not ours.
	fs.rmSync( path.join( siteDir, 'wp-content', 'database' ), {
		recursive: true,
		force: true,
	} );
	fs.rmSync( path.join( siteDir, 'wordpress-remote-asset-paths' ), {
		force: true,
	} );
	fs.rmSync( path.join( siteDir, 'wp-content', 'plugins', 'hello.php' ), {
		force: true,
	} );

	const pluginsDir = path.join( siteDir, 'wp-content', 'plugins' );
	const sqliteDir = path.join( pluginsDir, 'sqlite-database-integration' );
	const unpackDir = fs.mkdtempSync( path.join( pluginsDir, '.sqlite-' ) );
	run( 'unzip', [
		'-q',
		path.join(
			builds,
			'src',
			'sqlite-database-integration',
			'sqlite-database-integration.zip'
		),
		'-d',
		unpackDir,
	] );
	const [ inner ] = fs.readdirSync( unpackDir );
	fs.rmSync( sqliteDir, { recursive: true, force: true } );
	fs.renameSync( path.join( unpackDir, inner ), sqliteDir );
	fs.rmSync( unpackDir, { recursive: true, force: true } );
	const dropIn = fs
		.readFileSync( path.join( sqliteDir, 'db.copy' ), 'utf8' )
		.replaceAll( '{SQLITE_IMPLEMENTATION_FOLDER_PATH}', sqliteDir )
		.replaceAll(
			'{SQLITE_PLUGIN}',
			'sqlite-database-integration/load.php'
		);
	fs.writeFileSync( path.join( siteDir, 'wp-content', 'db.php' ), dropIn );
	fs.writeFileSync(
		path.join( siteDir, '.rlg-wordpress-version' ),
		WP_VERSION + '\n'
	);
}

function phpString( value ) {
	return `'${ String( value )
		.replaceAll( '\\', '\\\\' )
		.replaceAll( "'", "\\'" ) }'`;
}

function writeWpConfig( siteDir, url, salts ) {
	const lines = [
		'<?php',
		'/*',
		' * Written by scripts/wp/lib.js on every prepare: edit that file, not this one.',
		' * Local development only (fixed salts in the site directory, debug on).',
		' */',
		"define( 'DB_NAME', 'wordpress' );",
		"define( 'DB_USER', '' );",
		"define( 'DB_PASSWORD', '' );",
		"define( 'DB_HOST', 'localhost' );",
		"define( 'DB_CHARSET', 'utf8mb4' );",
		"define( 'DB_COLLATE', '' );",
		"define( 'DB_DIR', __DIR__ . '/wp-content/database/' );",
		"define( 'DB_FILE', '.ht.sqlite' );",
		'',
		'// The server exports RLG_WP_URL; the prepared default covers `php` on the command line.',
		`$rlg_url = getenv( 'RLG_WP_URL' ) ? getenv( 'RLG_WP_URL' ) : ${ phpString(
			url
		) };`,
		"define( 'WP_HOME', $rlg_url );",
		"define( 'WP_SITEURL', $rlg_url );",
		'',
		...Object.entries( salts ).map(
			( [ name, value ] ) =>
				`define( ${ phpString( name ) }, ${ phpString( value ) } );`
		),
		'',
		"$table_prefix = 'wp_';",
		'',
		"define( 'WP_ENVIRONMENT_TYPE', 'local' );",
		"define( 'WP_DEBUG', true );",
		"define( 'WP_DEBUG_DISPLAY', false );",
		"define( 'WP_DEBUG_LOG', __DIR__ . '/wp-content/debug.log' );",
		"define( 'DISABLE_WP_CRON', true );",
		"define( 'AUTOMATIC_UPDATER_DISABLED', true );",
		"define( 'WP_AUTO_UPDATE_CORE', false );",
		"define( 'FS_METHOD', 'direct' );",
		'// Offline machine: only loopback (the link check service, partner test sites).',
		"define( 'WP_HTTP_BLOCK_EXTERNAL', true );",
		"define( 'WP_ACCESSIBLE_HOSTS', '127.0.0.1,localhost' );",
		'',
		"if ( ! defined( 'ABSPATH' ) ) {",
		"\tdefine( 'ABSPATH', __DIR__ . '/' );",
		'}',
		"require_once ABSPATH . 'wp-settings.php';",
		'',
	];
	fs.writeFileSync(
		path.join( siteDir, 'wp-config.php' ),
		lines.join( '\n' )
	);
}

const MU_PLUGIN = `<?php
/**
 * Plugin Name: RLG local environment
 * Description: Written by scripts/wp/lib.js. No mail (there is no sendmail), no Gravatar, no update checks.
 */
add_filter( 'pre_wp_mail', '__return_true' );
add_filter( 'pre_option_show_avatars', '__return_zero' );
// "Checked just now, nothing new": core never calls WordPress.org for updates.
$rlg_no_updates = function () {
	return (object) array(
		'last_checked'    => time(),
		'version_checked' => get_bloginfo( 'version' ),
		'updates'         => array(),
		'translations'    => array(),
		'response'        => array(),
		'no_update'       => array(),
		'checked'         => array(),
	);
};
add_filter( 'pre_site_transient_update_core', $rlg_no_updates );
add_filter( 'pre_site_transient_update_plugins', $rlg_no_updates );
add_filter( 'pre_site_transient_update_themes', $rlg_no_updates );
add_filter( 'pre_http_request', function ( $pre, $args, $url ) {
	$host = wp_parse_url( $url, PHP_URL_HOST );
	if ( in_array( $host, array( 'api.wordpress.org', 'downloads.wordpress.org', 'secure.gravatar.com', 'fonts.googleapis.com' ), true ) ) {
		return new WP_Error( 'rlg_offline', 'Offline local environment.' );
	}
	return $pre;
}, 10, 3 );
`;

function linkPlugin( siteDir, pluginSource ) {
	const target = path.join( siteDir, 'wp-content', 'plugins', PLUGIN_SLUG );
	let current = null;
	try {
		current = fs.readlinkSync( target );
	} catch {
		// Missing, or a real directory (a copied plugin): replace below.
	}
	if ( current === pluginSource ) {
		return;
	}
	fs.rmSync( target, { recursive: true, force: true } );
	// A symlink: edits to the PHP in the repository are live without a copy.
	fs.symlinkSync( pluginSource, target, 'dir' );
}

/**
 * Runs PHP with WordPress loaded. `code` runs after wp-load.php; whatever it
 * echoes is returned. Used by the installer and by tests to read and write
 * options, create users and posts.
 *
 * @param {string}                                 siteDir
 * @param {string}                                 code      PHP statements (no opening tag).
 * @param {{ url?: string, installing?: boolean }} [options]
 * @return {string} The script's standard output.
 */
function wpEval( siteDir, code, options = {} ) {
	const bootstrap = [
		options.installing ? "define( 'WP_INSTALLING', true );" : '',
		"$_SERVER['HTTP_HOST'] = parse_url( getenv( 'RLG_WP_URL' ) ?: 'http://127.0.0.1', PHP_URL_HOST );",
		"$_SERVER['REQUEST_METHOD'] = 'GET';",
		`require ${ phpString( path.join( siteDir, 'wp-load.php' ) ) };`,
	].join( '\n' );
	const env = { ...process.env };
	if ( options.url ) {
		env.RLG_WP_URL = options.url;
	}
	return run(
		'php',
		[ '-d', 'display_errors=stderr', '-r', bootstrap + '\n' + code ],
		{
			cwd: siteDir,
			env,
		}
	);
}

/**
 * Makes `siteDir` a ready, installed WordPress with the plugin active.
 *
 * @param {Object}   [options]
 * @param {string}   [options.siteDir]       Where WordPress lives (default .wp/site).
 * @param {string}   [options.url]           The URL it will be served at.
 * @param {boolean}  [options.fresh]         Delete the site (database included) first.
 * @param {string}   [options.pluginSource]  The plugin directory (default: this repository).
 * @param {Function} [options.log]           Progress messages.
 * @param {boolean}  [options.coreLanguages] Install Dutch core language files (Debian's wordpress-l10n; fetched with apt-get download when missing).
 * @return {{ siteDir: string, url: string, user: string, password: string, installed: boolean }} Where the site is and how to log in.
 */
function prepareSite( options = {} ) {
	const siteDir = path.resolve( options.siteDir ?? DEFAULT_SITE_DIR );
	const url = ( options.url ?? `http://127.0.0.1:${ DEFAULT_PORT }` ).replace(
		/\/+$/,
		''
	);
	const log = options.log ?? ( () => {} );
	checkPhp();
	if ( options.fresh ) {
		log( `Deleting ${ siteDir } (--fresh)…` );
		fs.rmSync( siteDir, { recursive: true, force: true } );
	}
	const versionFile = path.join( siteDir, '.rlg-wordpress-version' );
	if (
		! fs.existsSync( versionFile ) ||
		fs.readFileSync( versionFile, 'utf8' ).trim() !== WP_VERSION
	) {
		unpackWordPress( siteDir, log );
	}
	const { salts } = readLocalConfig( siteDir );
	writeWpConfig( siteDir, url, salts );
	const muDir = path.join( siteDir, 'wp-content', 'mu-plugins' );
	fs.mkdirSync( muDir, { recursive: true } );
	fs.writeFileSync( path.join( muDir, 'rlg-local.php' ), MU_PLUGIN );
	linkPlugin( siteDir, path.resolve( options.pluginSource ?? ROOT ) );

	const dbFile = path.join( siteDir, 'wp-content', 'database', '.ht.sqlite' );
	const installed = ! fs.existsSync( dbFile );
	if ( installed ) {
		log( 'Installing WordPress (SQLite database)…' );
		wpEval(
			siteDir,
			`require_once ABSPATH . 'wp-admin/includes/upgrade.php';
			wp_install( 'Reciprocal Link Guard (local)', ${ phpString(
				ADMIN_USER
			) }, 'admin@example.test', true, '', ${ phpString(
				ADMIN_PASSWORD
			) } );
			update_option( 'permalink_structure', '/%postname%/' );
			update_option( 'show_avatars', 0 );
			update_option( 'blogdescription', 'A local site for Reciprocal Link Guard' );
			flush_rewrite_rules();`,
			{ url, installing: true }
		);
	}
	// WAL: php -S runs several workers, and the editor fires parallel REST
	// requests; in the default rollback journal a writer and readers collide
	// ("database is locked"). The mode is stored in the database file.
	run( 'php', [
		'-r',
		`$db = new PDO( 'sqlite:' . $argv[1] ); $db->exec( 'PRAGMA journal_mode=WAL' );`,
		dbFile,
	] );
	// Cheap and idempotent: keeps the plugin active even if someone deactivated it.
	const activation = wpEval(
		siteDir,
		`require_once ABSPATH . 'wp-admin/includes/plugin.php';
		if ( (int) get_option( 'db_version' ) !== (int) $GLOBALS['wp_db_version'] ) {
			// The site was made with another WordPress version.
			require_once ABSPATH . 'wp-admin/includes/upgrade.php';
			wp_upgrade();
		}
		$result = activate_plugin( '${ PLUGIN_SLUG }/plugin.php' );
		echo is_wp_error( $result ) ? 'error: ' . $result->get_error_message() : 'ok';`,
		{ url }
	).trim();
	if ( activation !== 'ok' ) {
		throw new WpEnvError(
			'ERR_PLUGIN_ACTIVATION',
			`Could not activate the plugin: ${ activation }`
		);
	}
	if ( options.coreLanguages ) {
		installDutch( siteDir, url, log );
	}
	return {
		siteDir,
		url,
		user: ADMIN_USER,
		password: ADMIN_PASSWORD,
		installed,
	};
}

/**
 * Dutch core language files (Debian's wordpress-l10n) into the site, so
 * Settings → General offers "Nederlands"; a one-line note when there are none.
 *
 * @param {string}   siteDir
 * @param {string}   url
 * @param {Function} log
 */
function installDutch( siteDir, url, log ) {
	const { dir, problem } = coreLanguages.ensureCoreLanguages( 'nl_NL' );
	if ( ! dir ) {
		log(
			`No WordPress core language files (${ problem }): Settings → General offers English only.`
		);
		return;
	}
	const files = coreLanguages.installCoreLanguage( siteDir, dir, 'nl_NL' );
	wpEval( siteDir, coreLanguages.languageNamesPhp(), { url } );
	log(
		`Dutch for WordPress itself (${ files.join(
			', '
		) } from Debian's wordpress-l10n): Settings → General → Site Language → Nederlands.`
	);
}

/** A free loopback TCP port (closed again before returning: small race, fine locally). */
function freePort( host = '127.0.0.1' ) {
	return new Promise( ( resolve, reject ) => {
		const server = net.createServer();
		server.unref();
		server.on( 'error', reject );
		server.listen( 0, host, () => {
			const { port } = server.address();
			server.close( () => resolve( port ) );
		} );
	} );
}

function isPortFree( port, host = '127.0.0.1' ) {
	return new Promise( ( resolve ) => {
		const server = net.createServer();
		server.once( 'error', () => resolve( false ) );
		server.listen( port, host, () =>
			server.close( () => resolve( true ) )
		);
	} );
}

async function waitForHttp( url, { timeoutMs = 20000, isAlive } = {} ) {
	const deadline = Date.now() + timeoutMs;
	let lastError = null;
	while ( Date.now() < deadline ) {
		if ( isAlive && ! isAlive() ) {
			throw new WpEnvError(
				'ERR_SERVER_EXITED',
				`The server for ${ url } exited during start-up.`
			);
		}
		try {
			const response = await fetch( url, {
				redirect: 'manual',
				signal: AbortSignal.timeout( 5000 ),
			} );
			await response.arrayBuffer();
			return response.status;
		} catch ( error ) {
			lastError = error;
			await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
		}
	}
	throw new WpEnvError(
		'ERR_SERVER_TIMEOUT',
		`${ url } did not answer within ${ timeoutMs } ms (${
			lastError?.message ?? 'no response'
		}).`
	);
}

function pidFileFor( siteDir ) {
	return path.join( path.dirname( siteDir ), 'server.json' );
}

function isRunning( pid ) {
	try {
		process.kill( pid, 0 );
		return true;
	} catch {
		return false;
	}
}

/**
 * Starts `php -S` for the site in its own process group (php's worker
 * processes outlive a killed master, so `stopServer` signals the group).
 *
 * @param {Object}  options
 * @param {string}  options.siteDir
 * @param {number}  options.port
 * @param {string}  [options.host]
 * @param {string}  [options.logFile]
 * @param {boolean} [options.foreground] Keep the server attached to this process's lifetime.
 * @return {Promise<{ pid: number, url: string, child: import('node:child_process').ChildProcess }>} The running server.
 */
async function startServer( options ) {
	const siteDir = path.resolve( options.siteDir ?? DEFAULT_SITE_DIR );
	const host = options.host ?? '127.0.0.1';
	const port = options.port;
	const url = options.url ?? `http://${ host }:${ port }`;
	const logFile =
		options.logFile ?? path.join( path.dirname( siteDir ), 'server.log' );
	const out = fs.openSync( logFile, 'a' );
	const child = spawn(
		'php',
		[ '-S', `${ host }:${ port }`, '-t', siteDir, ROUTER ],
		{
			cwd: siteDir,
			detached: true,
			stdio: [ 'ignore', out, out ],
			env: {
				...process.env,
				PHP_CLI_SERVER_WORKERS:
					process.env.PHP_CLI_SERVER_WORKERS ?? '4',
				RLG_WP_URL: url,
			},
		}
	);
	fs.closeSync( out );
	let exited = false;
	child.once( 'exit', () => {
		exited = true;
	} );
	if ( ! options.foreground ) {
		child.unref();
	}
	fs.writeFileSync(
		pidFileFor( siteDir ),
		JSON.stringify( { pid: child.pid, url, siteDir } ) + '\n'
	);
	try {
		await waitForHttp( `${ url }/wp-login.php`, {
			isAlive: () => ! exited,
		} );
	} catch ( error ) {
		stopProcessGroup( child.pid );
		const tail = fs.existsSync( logFile )
			? fs
					.readFileSync( logFile, 'utf8' )
					.split( '\n' )
					.slice( -10 )
					.join( '\n' )
			: '';
		error.message += tail ? `\n${ logFile }:\n${ tail }` : '';
		throw error;
	}
	return { pid: child.pid, url, child };
}

/** SIGTERM to the whole group, SIGKILL if anything is left after a moment. */
function stopProcessGroup( pid ) {
	try {
		process.kill( -pid, 'SIGTERM' );
	} catch {
		return false;
	}
	const deadline = Date.now() + 2000;
	while ( Date.now() < deadline ) {
		try {
			process.kill( -pid, 0 );
		} catch {
			return true;
		}
		spawnSync( 'sleep', [ '0.05' ] );
	}
	try {
		process.kill( -pid, 'SIGKILL' );
	} catch {
		// Gone between the check and the kill.
	}
	return true;
}

/** Stops the server recorded for `siteDir`, if there is one. */
function stopServer( siteDir = DEFAULT_SITE_DIR ) {
	const file = pidFileFor( path.resolve( siteDir ) );
	if ( ! fs.existsSync( file ) ) {
		return false;
	}
	const { pid } = JSON.parse( fs.readFileSync( file, 'utf8' ) );
	fs.rmSync( file, { force: true } );
	return isRunning( pid ) ? stopProcessGroup( pid ) : false;
}

/** The running server recorded for `siteDir`, or null. */
function runningServer( siteDir = DEFAULT_SITE_DIR ) {
	const file = pidFileFor( path.resolve( siteDir ) );
	if ( ! fs.existsSync( file ) ) {
		return null;
	}
	const info = JSON.parse( fs.readFileSync( file, 'utf8' ) );
	return isRunning( info.pid ) ? info : null;
}

module.exports = {
	ROOT,
	WP_VERSION,
	PLUGIN_SLUG,
	DEFAULT_SITE_DIR,
	DEFAULT_PORT,
	ADMIN_USER,
	ADMIN_PASSWORD,
	WpEnvError,
	prepareSite,
	wpEval,
	startServer,
	stopServer,
	stopProcessGroup,
	runningServer,
	freePort,
	isPortFree,
	waitForHttp,
};
