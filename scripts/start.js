#!/usr/bin/env node
'use strict';
/**
 * `npm start [-- --fresh] [--dir .rlg-demo] [--wp-port 8888] [--service-port 8787] [--partner-port 8889]`:
 * the whole product on this machine, offline. Builds what is missing, then
 * runs a real WordPress with the plugin (scripts/wp), the link check service
 * (`rlg serve`) with this site's key, and demo partner sites
 * (scripts/demo/partners.js) that the service reaches through `--resolve`.
 * Everything lives in the demo directory (git-ignored) and survives a
 * restart; `--fresh` deletes it first. Ctrl-C stops every process started.
 */
const { spawn, spawnSync } = require( 'node:child_process' );
const fs = require( 'node:fs' );
const path = require( 'node:path' );
const { parseArgs } = require( 'node:util' );
const wp = require( './wp/lib' );
const { startPartners } = require( './demo/partners' );
const { seedDemo, connectPlugin, demoLogin } = require( './demo/seed' );

const ROOT = path.join( __dirname, '..' );
const RLG_BIN = path.join( ROOT, 'bin', 'rlg.js' );
const APT =
	'sudo apt-get install -y php8.2-cli php8.2-sqlite3 php8.2-xml php8.2-mbstring unzip';

class DemoError extends Error {
	constructor( code, message ) {
		super( message );
		this.code = code;
	}
}

function log( message ) {
	process.stdout.write( `${ message }\n` );
}

function newestMtime( dir ) {
	let newest = 0;
	if ( ! fs.existsSync( dir ) ) {
		return newest;
	}
	for ( const entry of fs.readdirSync( dir, {
		withFileTypes: true,
		recursive: true,
	} ) ) {
		if ( entry.isFile() ) {
			newest = Math.max(
				newest,
				fs.statSync( path.join( entry.parentPath, entry.name ) ).mtimeMs
			);
		}
	}
	return newest;
}

function isStale( output, sources ) {
	if ( ! fs.existsSync( output ) ) {
		return true;
	}
	const built = fs.statSync( output ).mtimeMs;
	return sources.some( ( dir ) => newestMtime( dir ) > built );
}

/** Builds the editor assets and the service when missing or older than their sources. */
function buildIfNeeded() {
	const src = ( name ) => path.join( ROOT, 'src', name );
	const steps = [];
	if (
		isStale( path.join( ROOT, 'build', 'assets', 'editor.asset.php' ), [
			src( 'editor' ),
			src( 'admin' ),
			src( 'core' ),
		] )
	) {
		steps.push( [
			'build:assets',
			'Building the editor and report scripts (first run: about a minute)…',
		] );
	}
	if (
		isStale( path.join( ROOT, 'build', 'node', 'service', 'cli.js' ), [
			src( 'service' ),
			src( 'core' ),
		] )
	) {
		steps.push( [
			'build:node',
			'Compiling the service and the rlg CLI (about 20 s)…',
		] );
	}
	for ( const [ script, message ] of steps ) {
		log( message );
		// webpack's size warnings would bury the demo's URLs: its output is
		// shown only when the build fails.
		const result = spawnSync( 'npm', [ 'run', '--silent', script ], {
			cwd: ROOT,
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		} );
		if ( result.status !== 0 ) {
			process.stderr.write( `${ result.stdout }${ result.stderr }` );
			throw new DemoError(
				'ERR_BUILD',
				`npm run ${ script } failed (output above).`
			);
		}
	}
}

/** PHP with the extensions WordPress needs, and unzip; a message with the apt command otherwise. */
function checkPrerequisites() {
	const probe = spawnSync(
		'php',
		[
			'-r',
			'foreach ( array( "pdo_sqlite", "dom", "mbstring" ) as $e ) { if ( ! extension_loaded( $e ) ) { echo $e, " "; } }',
		],
		{ encoding: 'utf8' }
	);
	if ( probe.error || probe.status !== 0 ) {
		throw new DemoError(
			'ERR_PHP_MISSING',
			`PHP is not installed. Install it with:\n  ${ APT }`
		);
	}
	if ( probe.stdout.trim() !== '' ) {
		throw new DemoError(
			'ERR_PHP_EXTENSION_MISSING',
			`PHP lacks ${ probe.stdout.trim() }. Install it with:\n  ${ APT }`
		);
	}
	if ( spawnSync( 'unzip', [ '-v' ] ).error ) {
		throw new DemoError(
			'ERR_UNZIP_MISSING',
			`unzip is not installed. Install it with:\n  ${ APT }`
		);
	}
	if ( ! fs.existsSync( '/usr/bin/chromium' ) ) {
		log(
			'Note: Chromium is not installed; the demo does not need it, but `npm test` (the browser tests) does: sudo apt-get install -y chromium'
		);
	}
}

/** demo.json holds the site key: readable by its owner only. */
function writeState( file, state ) {
	fs.writeFileSync( file, JSON.stringify( state, null, '\t' ) + '\n', {
		mode: 0o600,
	} );
}

function readJson( file ) {
	try {
		return JSON.parse( fs.readFileSync( file, 'utf8' ) );
	} catch {
		return null;
	}
}

function groupAlive( pid ) {
	try {
		process.kill( -pid, 0 );
		return true;
	} catch {
		return false;
	}
}

/**
 * Whether `pid` is still a process of this demo (pids are reused: a stale
 * state file must never make us signal somebody else's process).
 *
 * @param {number} pid
 * @param {string} dir The demo directory, which every demo command line names.
 */
function isOurs( pid, dir ) {
	try {
		return fs
			.readFileSync( `/proc/${ pid }/cmdline`, 'utf8' )
			.includes( dir );
	} catch {
		return false;
	}
}

/** Whether `pid` is a running scripts/start.js (another demo). */
function isDemo( pid ) {
	try {
		return fs
			.readFileSync( `/proc/${ pid }/cmdline`, 'utf8' )
			.split( '\0' )
			.some( ( arg ) =>
				arg.endsWith( path.join( 'scripts', 'start.js' ) )
			);
	} catch {
		return false;
	}
}

/**
 * SIGTERM to each process group at once, SIGKILL to those still there after
 * 3 s. Groups, because php -S workers outlive a killed master.
 *
 * @param {number[]} pids Process group leaders.
 */
async function stopGroups( pids ) {
	const live = pids.filter( ( pid ) => {
		try {
			process.kill( -pid, 'SIGTERM' );
			return true;
		} catch {
			return false;
		}
	} );
	const deadline = Date.now() + 3000;
	while ( live.some( groupAlive ) && Date.now() < deadline ) {
		await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
	}
	for ( const pid of live.filter( groupAlive ) ) {
		try {
			process.kill( -pid, 'SIGKILL' );
		} catch {
			// Exited between the check and the kill.
		}
	}
}

async function waitForHealth( url, isAlive, logFile ) {
	const deadline = Date.now() + 20000;
	while ( Date.now() < deadline ) {
		if ( ! isAlive() ) {
			break;
		}
		try {
			const response = await fetch( url, {
				signal: AbortSignal.timeout( 2000 ),
			} );
			await response.arrayBuffer();
			if ( response.ok ) {
				return;
			}
		} catch {
			// Not listening yet.
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
	}
	const tail = fs.existsSync( logFile )
		? fs.readFileSync( logFile, 'utf8' ).slice( -1500 )
		: '';
	throw new DemoError(
		'ERR_SERVICE_START',
		`The link check service did not start (${ url }).\n${ logFile }:\n${ tail }`
	);
}

/** `rlg serve` in its own process group (stopped as a group on exit). */
async function startService( { port, dataDir, logFile, resolve, onSpawn } ) {
	fs.mkdirSync( dataDir, { recursive: true } );
	const out = fs.openSync( logFile, 'a' );
	const args = [ RLG_BIN, 'serve', '--host', '127.0.0.1', '--port' ];
	args.push( String( port ), '--data-dir', dataDir );
	for ( const entry of resolve ) {
		args.push( '--resolve', entry );
	}
	const child = spawn( process.execPath, args, {
		cwd: ROOT,
		detached: true,
		stdio: [ 'ignore', out, out ],
	} );
	fs.closeSync( out );
	onSpawn( child.pid );
	let alive = true;
	child.once( 'exit', () => {
		alive = false;
	} );
	const url = `http://127.0.0.1:${ port }`;
	try {
		await waitForHealth( `${ url }/v1/health`, () => alive, logFile );
	} catch ( error ) {
		await stopGroups( [ child.pid ] );
		throw error;
	}
	return { url, pid: child.pid, child };
}

function rlg( args ) {
	return spawnSync( process.execPath, [ RLG_BIN, ...args ], {
		cwd: ROOT,
		encoding: 'utf8',
	} );
}

/**
 * `rlg sites add <url> --json` → the new key. A site registered before
 * whose key we no longer have (demo.json deleted, the service data kept) is
 * registered anew: keys are never shown again, so that is the only way.
 *
 * @param {string} siteUrl
 * @param {string} dataDir
 * @return {string} The key.
 */
function registerSite( siteUrl, dataDir ) {
	const add = [ 'sites', 'add', siteUrl, '--json', '--data-dir', dataDir ];
	let result = rlg( add );
	if ( result.status !== 0 && /already registered/.test( result.stderr ) ) {
		rlg( [ 'sites', 'remove', siteUrl, '--data-dir', dataDir ] );
		result = rlg( add );
	}
	if ( result.status !== 0 ) {
		throw new DemoError(
			'ERR_REGISTER',
			`rlg sites add ${ siteUrl } failed: ${
				result.stderr || result.stdout
			}`
		);
	}
	return JSON.parse( result.stdout ).key;
}

function parseOptions() {
	const { values } = parseArgs( {
		options: {
			fresh: { type: 'boolean', default: false },
			dir: { type: 'string' },
			'wp-port': { type: 'string' },
			'service-port': { type: 'string' },
			'partner-port': { type: 'string' },
		},
	} );
	const port = ( value, env, fallback ) => {
		const number = Number( value ?? process.env[ env ] ?? fallback );
		if ( ! Number.isInteger( number ) || number < 1 || number > 65535 ) {
			throw new DemoError(
				'ERR_INVALID_PORT',
				`Not a port: ${ value ?? process.env[ env ] }.`
			);
		}
		return number;
	};
	return {
		fresh: values.fresh,
		dir: path.resolve(
			values.dir ??
				process.env.RLG_DEMO_DIR ??
				path.join( ROOT, '.rlg-demo' )
		),
		wpPort: port( values[ 'wp-port' ], 'RLG_WP_PORT', 8888 ),
		servicePort: port( values[ 'service-port' ], 'RLG_PORT', 8787 ),
		partnerPort: port(
			values[ 'partner-port' ],
			'RLG_DEMO_PARTNER_PORT',
			8889
		),
	};
}

async function assertPortFree( port, what, flag ) {
	if ( ! ( await wp.isPortFree( port ) ) ) {
		throw new DemoError(
			'ERR_PORT_IN_USE',
			`Port ${ port } (${ what }) is in use; choose another with \`npm start -- ${ flag } <port>\`.`
		);
	}
}

async function main() {
	const options = parseOptions();
	const stateFile = path.join( options.dir, 'demo.json' );
	const siteDir = path.join( options.dir, 'wordpress' );
	const dataDir = path.join( options.dir, 'service' );
	/** Process groups we started, and other things to close, for shutdown. */
	const groups = [];
	const closers = [];
	let stopping = false;
	let wpStarting = false;
	const shutdown = async ( code ) => {
		if ( stopping ) {
			return;
		}
		stopping = true;
		await Promise.allSettled( [
			stopGroups( groups ),
			...closers.map( ( close ) => close() ),
		] );
		// Stopped during WordPress's start-up: its pid is only in server.json yet.
		const starting = wpStarting ? wp.runningServer( siteDir ) : null;
		if ( starting && ! groups.includes( starting.pid ) ) {
			await stopGroups( [ starting.pid ] );
		}
		process.exit( code );
	};
	process.on( 'SIGINT', () => {
		log( '\nStopping…' );
		shutdown( 0 );
	} );
	process.on( 'SIGTERM', () => shutdown( 0 ) );
	// `kill <npm's pid>` reaches npm's shell, not us: when our parent is
	// gone we are an orphan, and take our servers down with us.
	const parent = process.ppid;
	setInterval( () => {
		if ( process.ppid !== parent ) {
			shutdown( 0 );
		}
	}, 500 ).unref();

	try {
		// Tests that build once set RLG_DEMO_NO_BUILD (another build mid-test would double their time).
		if ( process.env.RLG_DEMO_NO_BUILD ) {
			log( 'RLG_DEMO_NO_BUILD: using build/ as it is.' );
		} else {
			buildIfNeeded();
		}
		checkPrerequisites();

		const previous = readJson( stateFile );
		if (
			previous?.pid &&
			previous.pid !== process.pid &&
			isDemo( previous.pid )
		) {
			throw new DemoError(
				'ERR_ALREADY_RUNNING',
				`The demo in ${ options.dir } is already running (process ${ previous.pid }); stop it with Ctrl-C first, or use another --dir.`
			);
		}
		// A previous run that was killed outright may have left its servers.
		await stopGroups(
			[ previous?.wpPid, previous?.servicePid ].filter( ( pid ) =>
				isOurs( pid, options.dir )
			)
		);
		wp.stopServer( siteDir );
		if ( options.fresh && fs.existsSync( options.dir ) ) {
			log( `Deleting ${ options.dir } (--fresh)…` );
			fs.rmSync( options.dir, { recursive: true, force: true } );
		}
		fs.mkdirSync( options.dir, { recursive: true } );
		const state = options.fresh ? {} : ( readJson( stateFile ) ?? {} );
		state.pid = process.pid;

		// The seeded posts link to the partner port: keep the one they were written with.
		const partnerPort = state.partnerPort ?? options.partnerPort;
		if ( state.partnerPort && state.partnerPort !== options.partnerPort ) {
			log(
				`Partner sites stay on port ${ partnerPort } (the demo posts link there; --fresh to change it).`
			);
		}
		await assertPortFree( options.wpPort, 'WordPress', '--wp-port' );
		await assertPortFree(
			options.servicePort,
			'link check service',
			'--service-port'
		);
		await assertPortFree( partnerPort, 'partner sites', '--partner-port' );

		// A host name, not 127.0.0.1: the service reads the site for a scan, and
		// its SSRF guard refuses loopback addresses unless a --resolve entry
		// sends a name there. Browsers know localhost too.
		const wpUrl = `http://localhost:${ options.wpPort }`;
		const home = `${ wpUrl }/`;
		const partners = await startPartners( {
			port: partnerPort,
			ours: { home, post: ( slug ) => `${ wpUrl }/${ slug }/` },
		} );
		closers.push( () => partners.close() );
		state.partnerPort = partners.port;
		writeState( stateFile, state );

		log(
			fs.existsSync( path.join( siteDir, 'wp-content', 'database' ) )
				? 'Preparing WordPress (existing site, your posts are kept)…'
				: 'Preparing WordPress 6.5 with the plugin (first run: a few seconds)…'
		);
		wp.prepareSite( { siteDir, url: wpUrl, log, coreLanguages: true } );

		log(
			`Starting the link check service on 127.0.0.1:${ options.servicePort }…`
		);
		const service = await startService( {
			port: options.servicePort,
			dataDir,
			logFile: path.join( options.dir, 'service.log' ),
			resolve: [
				...partners.resolveEntries,
				`localhost:${ options.wpPort }:127.0.0.1`,
			],
			// Known before it answers: a Ctrl-C during start-up stops it too.
			onSpawn: ( pid ) => groups.push( pid ),
		} );
		state.servicePid = service.pid;

		if ( ! state.siteKey || state.siteUrl !== home ) {
			log( `Registering ${ home } with the service…` );
			state.siteKey = registerSite( home, dataDir );
			state.siteUrl = home;
		}
		connectPlugin( {
			siteDir,
			url: wpUrl,
			serviceUrl: service.url,
			siteKey: state.siteKey,
		} );
		const loginUrl = demoLogin( { siteDir, url: wpUrl } );
		if ( seedDemo( { siteDir, url: wpUrl, partner: partners.url } ) ) {
			log(
				'Wrote the demo posts (De Moestuinier, a Dutch garden blog).'
			);
		}

		log( `Starting WordPress on ${ wpUrl }…` );
		wpStarting = true;
		const server = await wp.startServer( {
			siteDir,
			port: options.wpPort,
			url: wpUrl,
			logFile: path.join( options.dir, 'wordpress.log' ),
			foreground: true,
		} );
		groups.push( server.pid );
		state.wpPid = server.pid;
		writeState( stateFile, state );
		// A crashed server ends the demo instead of leaving half of it running.
		server.child.once( 'exit', () => {
			if ( ! stopping ) {
				process.stderr.write( 'WordPress stopped unexpectedly.\n' );
				shutdown( 1 );
			}
		} );
		service.child.once( 'exit', () => {
			if ( ! stopping ) {
				process.stderr.write(
					`The link check service stopped unexpectedly (see ${ options.dir }/service.log).\n`
				);
				shutdown( 1 );
			}
		} );

		log( '' );
		log( `WordPress:     ${ wpUrl }/` );
		log( `Open (logged in as admin): ${ loginUrl }` );
		log(
			`Log in:        ${ wpUrl }/wp-admin/   user ${ wp.ADMIN_USER }, password ${ wp.ADMIN_PASSWORD }`
		);
		log(
			`Posts:         ${ wpUrl }/wp-admin/edit.php (open one: the sidebar is under the shield icon)`
		);
		log(
			`Draft:         ${ wpUrl }/wp-admin/edit.php?post_status=draft (open "Tomaten opbinden" and press Publish: the pre-publish link checks)`
		);
		log(
			`Report:        ${ wpUrl }/wp-admin/tools.php?page=reciprocal-link-guard-report (press "Scan now")`
		);
		log(
			`Settings:      ${ wpUrl }/wp-admin/options-general.php?page=reciprocal-link-guard`
		);
		log( `Service:       ${ service.url }/v1/health` );
		log(
			`Partner sites: ${ partners.hosts.join(
				', '
			) } on port ${ partners.port } (reached by the service only)`
		);
		log(
			`Data:          ${ options.dir } (kept; npm start -- --fresh starts over)`
		);
		log( 'Press Ctrl-C to stop.' );
	} catch ( error ) {
		process.stderr.write( `npm start: ${ error.message }\n` );
		await shutdown( 2 );
	}
}

main();
