'use strict';
/**
 * WordPress core language files for the local WordPress, offline: Debian's
 * `wordpress-l10n` package holds them (`nl_NL.mo` among them, WordPress
 * 6.1's strings). Installing that package would pull in the `wordpress`
 * package with Apache and MariaDB, so the package file is only downloaded
 * (`apt-get download`, the ordinary Debian client) and unpacked with
 * `dpkg-deb -x` into .wp/l10n. An installed package is used as it is.
 *
 * With the file in wp-content/languages, Settings → General offers
 * "Nederlands" as Site Language and WordPress itself speaks Dutch.
 *
 * CLI: `node scripts/wp/core-languages.js fetch` downloads and unpacks it.
 */
const fs = require( 'node:fs' );
const path = require( 'node:path' );
const { spawnSync } = require( 'node:child_process' );

const ROOT = path.resolve( __dirname, '..', '..' );
const PACKAGE = 'wordpress-l10n';
const LANGUAGES_IN_PACKAGE = path.join(
	'usr',
	'share',
	'wordpress',
	'wp-content',
	'languages'
);
const CACHE_DIR = path.join( ROOT, '.wp', 'l10n' );

/**
 * What the dropdown needs to name a language without WordPress.org's
 * translations API (which an offline site cannot reach).
 */
const LANGUAGE_NAMES = {
	nl_NL: {
		english_name: 'Dutch',
		native_name: 'Nederlands',
		iso: [ 'nl', 'nld' ],
	},
};

/**
 * The directory holding `<locale>.mo`: RLG_WP_L10N_DIR, the installed
 * package, or the unpacked download; null when none has it.
 *
 * @param {string} [locale] e.g. nl_NL.
 * @return {string|null} Directory.
 */
function findCoreLanguages( locale = 'nl_NL' ) {
	const candidates = [
		process.env.RLG_WP_L10N_DIR,
		path.join( '/', LANGUAGES_IN_PACKAGE ),
		path.join( CACHE_DIR, LANGUAGES_IN_PACKAGE ),
	].filter( Boolean );
	return (
		candidates.find( ( dir ) =>
			fs.existsSync( path.join( dir, `${ locale }.mo` ) )
		) ?? null
	);
}

/**
 * Downloads and unpacks wordpress-l10n into .wp/l10n (a few seconds, 4 MB).
 *
 * @return {{ dir: string|null, problem: string|null }} Where the files are, or why not.
 */
function fetchCoreLanguages() {
	fs.mkdirSync( CACHE_DIR, { recursive: true } );
	const download = spawnSync( 'apt-get', [ 'download', PACKAGE ], {
		cwd: CACHE_DIR,
		encoding: 'utf8',
		timeout: 120000,
	} );
	if ( download.error || download.status !== 0 ) {
		return {
			dir: null,
			problem: `apt-get download ${ PACKAGE } failed: ${
				download.error?.message ??
				download.stderr.trim().split( '\n' ).pop()
			}`,
		};
	}
	const deb = fs
		.readdirSync( CACHE_DIR )
		.filter(
			( name ) =>
				name.startsWith( `${ PACKAGE }_` ) && name.endsWith( '.deb' )
		)
		.sort()
		.pop();
	const unpack = spawnSync( 'dpkg-deb', [ '-x', deb, '.' ], {
		cwd: CACHE_DIR,
		encoding: 'utf8',
	} );
	if ( unpack.error || unpack.status !== 0 ) {
		return {
			dir: null,
			problem: `dpkg-deb -x ${ deb } failed: ${
				unpack.error?.message ?? unpack.stderr.trim()
			}`,
		};
	}
	return { dir: findCoreLanguages(), problem: null };
}

/**
 * The core files of `locale`, found or fetched.
 *
 * @param {string} [locale]
 * @return {{ dir: string|null, problem: string|null }} Where, or why not.
 */
function ensureCoreLanguages( locale = 'nl_NL' ) {
	const found = findCoreLanguages( locale );
	if ( found ) {
		return { dir: found, problem: null };
	}
	const fetched = fetchCoreLanguages();
	if ( fetched.dir ) {
		return fetched;
	}
	return {
		dir: null,
		problem: `${ fetched.problem ?? `${ PACKAGE } has no ${ locale }.mo` }`,
	};
}

/**
 * Copies `<locale>.mo` (and its siblings for admin screens, when the
 * package has them) into the site's wp-content/languages.
 *
 * @param {string} siteDir  WordPress directory.
 * @param {string} fromDir  Directory with the .mo files.
 * @param {string} [locale]
 * @return {string[]} The files copied.
 */
function installCoreLanguage( siteDir, fromDir, locale = 'nl_NL' ) {
	const target = path.join( siteDir, 'wp-content', 'languages' );
	fs.mkdirSync( target, { recursive: true } );
	const files = fs
		.readdirSync( fromDir )
		.filter(
			( name ) =>
				name === `${ locale }.mo` ||
				name === `admin-${ locale }.mo` ||
				name === `admin-network-${ locale }.mo` ||
				name === `continents-cities-${ locale }.mo`
		);
	for ( const name of files ) {
		fs.copyFileSync(
			path.join( fromDir, name ),
			path.join( target, name )
		);
	}
	return files;
}

/**
 * PHP that names the installed languages for the Site Language dropdown
 * (core asks WordPress.org otherwise, and shows bare codes offline).
 *
 * @return {string} PHP statements.
 */
function languageNamesPhp() {
	const entries = Object.entries( LANGUAGE_NAMES ).map(
		( [ locale, names ] ) =>
			`${ JSON.stringify( locale ) } => array( 'language' => ${ JSON.stringify(
				locale
			) }, 'version' => $GLOBALS['wp_version'], 'updated' => '', 'english_name' => ${ JSON.stringify(
				names.english_name
			) }, 'native_name' => ${ JSON.stringify(
				names.native_name
			) }, 'package' => '', 'iso' => array( ${ names.iso
				.map(
					( code, index ) =>
						`${ index + 1 } => ${ JSON.stringify( code ) }`
				)
				.join(
					', '
				) } ), 'strings' => array( 'continue' => 'Doorgaan' ) )`
	);
	return `set_site_transient( 'available_translations', array( ${ entries.join(
		', '
	) } ) );`;
}

module.exports = {
	findCoreLanguages,
	fetchCoreLanguages,
	ensureCoreLanguages,
	installCoreLanguage,
	languageNamesPhp,
};

if ( require.main === module && process.argv[ 2 ] === 'fetch' ) {
	const { dir, problem } = ensureCoreLanguages();
	if ( ! dir ) {
		process.stderr.write( `core-languages: ${ problem }\n` );
		process.exit( 1 );
	}
	process.stdout.write( `${ dir }\n` );
}
