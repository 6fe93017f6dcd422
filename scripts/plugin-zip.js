#!/usr/bin/env node
'use strict';
/**
 * `npm run plugin-zip [-- --no-build] [--out dist/reciprocal-link-guard.zip]`:
 * the installable plugin, as WordPress's "Upload Plugin" expects it: one
 * top folder `reciprocal-link-guard/` with the PHP, readme.txt, the
 * translations and the built editor/report scripts. Sources, tests,
 * node_modules and dev files stay out: the list below is what goes in,
 * not what stays out, so a new dev file can never slip into a release.
 */
const fs = require( 'node:fs' );
const path = require( 'node:path' );
const { spawnSync } = require( 'node:child_process' );
const { parseArgs } = require( 'node:util' );
// adm-zip: maintained, pure JS, no native parts and no dependencies (so it
// works right after `npm ci` on any machine); it reads zips too, for tests.
const AdmZip = require( 'adm-zip' );

const ROOT = path.join( __dirname, '..' );
const SLUG = 'reciprocal-link-guard';
const DEFAULT_OUT = path.join( ROOT, 'dist', `${ SLUG }.zip` );

/** Files and directories of the plugin, relative to the repository root. */
const CONTENTS = [
	'plugin.php',
	'uninstall.php',
	'readme.txt',
	'includes',
	'languages',
	'build/assets',
];

class PluginZipError extends Error {
	constructor( code, message ) {
		super( message );
		this.code = code;
	}
}

/**
 * Every file that goes into the zip, relative to `root`, sorted. Hidden
 * files (editor swap files, .DS_Store) and source maps are left out.
 *
 * @param {string} [root]
 * @return {string[]} Relative paths with forward slashes.
 */
function pluginFiles( root = ROOT ) {
	const files = [];
	for ( const entry of CONTENTS ) {
		const full = path.join( root, entry );
		if ( ! fs.existsSync( full ) ) {
			throw new PluginZipError(
				'ERR_PLUGIN_FILE_MISSING',
				`${ entry } is missing${
					entry.startsWith( 'build' )
						? ': run `npm run build:assets` first'
						: ''
				}.`
			);
		}
		if ( fs.statSync( full ).isFile() ) {
			files.push( entry );
			continue;
		}
		for ( const child of fs.readdirSync( full, {
			withFileTypes: true,
			recursive: true,
		} ) ) {
			const relative = path.relative(
				root,
				path.join( child.parentPath, child.name )
			);
			const hidden = relative
				.split( path.sep )
				.some( ( part ) => part.startsWith( '.' ) );
			// Source maps (left by a development build) carry the sources.
			const sourceMap = child.name.endsWith( '.map' );
			if ( child.isFile() && ! hidden && ! sourceMap ) {
				files.push( relative.split( path.sep ).join( '/' ) );
			}
		}
	}
	return files.sort();
}

/**
 * Writes the zip.
 *
 * @param {{ root?: string, out?: string }} [options]
 * @return {{ out: string, files: string[] }} Where it went and what is in it.
 */
function buildZip( options = {} ) {
	const root = options.root ?? ROOT;
	const out = path.resolve( options.out ?? DEFAULT_OUT );
	const files = pluginFiles( root );
	const zip = new AdmZip();
	for ( const file of files ) {
		zip.addFile(
			`${ SLUG }/${ file }`,
			fs.readFileSync( path.join( root, file ) )
		);
	}
	fs.mkdirSync( path.dirname( out ), { recursive: true } );
	zip.writeZip( out );
	return { out, files };
}

/**
 * The entry names of a zip file.
 *
 * @param {string} file
 * @return {string[]} Entry names as stored.
 */
function listEntries( file ) {
	return new AdmZip( file ).getEntries().map( ( entry ) => entry.entryName );
}

function main() {
	const { values } = parseArgs( {
		options: {
			build: { type: 'boolean', default: true },
			'no-build': { type: 'boolean', default: false },
			out: { type: 'string' },
		},
	} );
	if ( values.build && ! values[ 'no-build' ] ) {
		// A release gets scripts built from the current sources, never a stale build/.
		console.log( 'Building the editor and report scripts…' );
		const result = spawnSync(
			'npm',
			[ 'run', '--silent', 'build:assets' ],
			{
				cwd: ROOT,
				stdio: [ 'ignore', 'ignore', 'inherit' ],
			}
		);
		if ( result.status !== 0 ) {
			throw new PluginZipError(
				'ERR_BUILD',
				'npm run build:assets failed.'
			);
		}
	}
	const { out, files } = buildZip( { out: values.out } );
	const size = fs.statSync( out ).size;
	console.log(
		`${ path.relative( process.cwd(), out ) }: ${
			files.length
		} files, ${ Math.round( size / 1024 ) } KiB. Install it in WordPress: Plugins → Add New → Upload Plugin.`
	);
}

if ( require.main === module ) {
	try {
		main();
	} catch ( error ) {
		console.error( `plugin-zip: ${ error.message }` );
		process.exit( 2 );
	}
}

module.exports = { CONTENTS, SLUG, pluginFiles, buildZip, listEntries };
