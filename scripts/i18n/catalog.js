'use strict';
/**
 * Where the plugin's translatable strings are: the PHP files, the plugin
 * header, and the sources and bundles of the two scripts. Shared by
 * make-pot.js (the template) and update.js (.po merge, .mo and JSON).
 */
const fs = require( 'node:fs' );
const path = require( 'node:path' );
const { spawnSync } = require( 'node:child_process' );
const { extractFile, sourceFiles } = require( './extract-js' );
const { entryKey } = require( './po' );

const ROOT = path.resolve( __dirname, '..', '..' );
const DOMAIN = 'reciprocal-link-guard';
const LANGUAGES_DIR = path.join( ROOT, 'languages' );
const POT_FILE = path.join( LANGUAGES_DIR, `${ DOMAIN }.pot` );

/** Script handle entry → its bundle and the sources bundled into it. */
const SCRIPTS = {
	editor: {
		bundle: 'build/assets/editor.js',
		sources: [ 'src/editor', 'src/core' ],
	},
	admin: {
		bundle: 'build/assets/admin.js',
		sources: [ 'src/admin', 'src/core' ],
	},
};

function phpFiles() {
	const files = [ 'plugin.php', 'uninstall.php' ];
	const includes = path.join( ROOT, 'includes' );
	for ( const entry of fs.readdirSync( includes, {
		recursive: true,
		withFileTypes: true,
	} ) ) {
		const file = path.join( entry.parentPath, entry.name );
		if (
			entry.isFile() &&
			entry.name.endsWith( '.php' ) &&
			! file.includes( `${ path.sep }vendor${ path.sep }` )
		) {
			files.push( path.relative( ROOT, file ) );
		}
	}
	return files.sort();
}

function extractPhp() {
	const result = spawnSync(
		'php',
		[
			path.join( __dirname, 'extract-php.php' ),
			ROOT,
			DOMAIN,
			...phpFiles().map( ( file ) => path.join( ROOT, file ) ),
		],
		{ encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 }
	);
	if ( result.error || result.status !== 0 ) {
		throw new Error(
			`PHP string extraction failed (is php installed?): ${
				result.error?.message ?? result.stderr
			}`
		);
	}
	return JSON.parse( result.stdout );
}

/** The translatable plugin header fields, as `wp i18n make-pot` lists them. */
function headerEntries() {
	const text = fs.readFileSync( path.join( ROOT, 'plugin.php' ), 'utf8' );
	const entries = [];
	for ( const field of [
		'Plugin Name',
		'Plugin URI',
		'Description',
		'Author',
	] ) {
		const match = new RegExp(
			`^\\s*\\*\\s*${ field }:\\s*(.+)$`,
			'm'
		).exec( text );
		if ( match ) {
			entries.push( {
				msgid: match[ 1 ].trim(),
				comment: `${ field } of the plugin`,
				file: 'plugin.php',
			} );
		}
	}
	return entries;
}

function extractSources( dirs ) {
	return dirs.flatMap( ( dir ) =>
		sourceFiles( path.join( ROOT, dir ) ).flatMap( ( file ) =>
			extractFile( file, DOMAIN, ROOT )
		)
	);
}

/**
 * Every string, merged by key (context + msgid), in first-seen order.
 *
 * @return {Array<object>} Entries with references and translator comments.
 */
function collectEntries() {
	const raw = [
		...headerEntries(),
		...extractPhp(),
		...extractSources( [ 'src/editor', 'src/admin', 'src/core' ] ),
	];
	const byKey = new Map();
	for ( const item of raw ) {
		const key = entryKey( item );
		let entry = byKey.get( key );
		if ( ! entry ) {
			entry = {
				msgid: item.msgid,
				msgctxt: item.msgctxt,
				msgid_plural: item.msgid_plural,
				comments: [],
				references: [],
				flags: [],
			};
			byKey.set( key, entry );
		}
		if ( item.comment && ! entry.comments.includes( item.comment ) ) {
			entry.comments.push( item.comment );
		}
		const reference = item.line
			? `${ item.file }:${ item.line }`
			: item.file;
		if ( ! entry.references.includes( reference ) ) {
			entry.references.push( reference );
		}
		if ( /%(\d\$)?[sdf]/.test( item.msgid ) && ! entry.flags.length ) {
			entry.flags.push( 'php-format' );
		}
	}
	return [ ...byKey.values() ];
}

/**
 * Keys used by a script: what its built bundle contains (exact, when built)
 * plus what its sources contain (so a stale or missing build loses nothing).
 *
 * @param {string} name Key of SCRIPTS.
 * @return {Set<string>} Entry keys.
 */
function scriptKeys( name ) {
	const script = SCRIPTS[ name ];
	const keys = new Set(
		extractSources( script.sources ).map( ( entry ) => entryKey( entry ) )
	);
	const bundle = path.join( ROOT, script.bundle );
	if ( fs.existsSync( bundle ) ) {
		for ( const entry of extractFile( bundle, DOMAIN, ROOT ) ) {
			keys.add( entryKey( entry ) );
		}
	}
	return keys;
}

module.exports = {
	ROOT,
	DOMAIN,
	LANGUAGES_DIR,
	POT_FILE,
	SCRIPTS,
	collectEntries,
	scriptKeys,
};
