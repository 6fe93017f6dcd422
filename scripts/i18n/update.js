#!/usr/bin/env node
'use strict';
/**
 * `npm run i18n:update`: brings every languages/reciprocal-link-guard-<locale>.po
 * in line with the .pot (new strings added untranslated, removed ones
 * dropped, translations kept), then writes what WordPress loads:
 *   - reciprocal-link-guard-<locale>.mo for the PHP strings;
 *   - reciprocal-link-guard-<locale>-<md5>.json per script, the md5 being
 *     that of the script's path relative to the plugin (build/assets/editor.js),
 *     as load_script_textdomain() looks it up.
 * `--check` exits 1 when a string is untranslated (CI and tests).
 */
const crypto = require( 'node:crypto' );
const fs = require( 'node:fs' );
const path = require( 'node:path' );
const {
	DOMAIN,
	LANGUAGES_DIR,
	POT_FILE,
	SCRIPTS,
	scriptKeys,
} = require( './catalog' );
const {
	entryKey,
	formatJed,
	formatMo,
	formatPo,
	isTranslated,
	parsePo,
} = require( './po' );

const check = process.argv.includes( '--check' );

function jsonFileName( locale, source ) {
	const hash = crypto.createHash( 'md5' ).update( source ).digest( 'hex' );
	return `${ DOMAIN }-${ locale }-${ hash }.json`;
}

const pot = parsePo( fs.readFileSync( POT_FILE, 'utf8' ) );
const poFiles = fs
	.readdirSync( LANGUAGES_DIR )
	.filter(
		( name ) => name.startsWith( `${ DOMAIN }-` ) && name.endsWith( '.po' )
	);
const keysByScript = Object.fromEntries(
	Object.keys( SCRIPTS ).map( ( name ) => [ name, scriptKeys( name ) ] )
);
let missing = 0;

for ( const name of poFiles ) {
	const locale = name.slice( DOMAIN.length + 1, -3 );
	const file = path.join( LANGUAGES_DIR, name );
	const po = parsePo( fs.readFileSync( file, 'utf8' ) );
	const existing = new Map( po.entries.map( ( e ) => [ entryKey( e ), e ] ) );
	const entries = pot.entries.map( ( template ) => {
		const old = existing.get( entryKey( template ) );
		const samePlural =
			old &&
			( old.msgid_plural ?? null ) === ( template.msgid_plural ?? null );
		return {
			...template,
			flags: template.flags.filter( ( f ) => f !== 'fuzzy' ),
			msgstr: samePlural ? old.msgstr : undefined,
		};
	} );
	const dropped = po.entries.filter(
		( e ) => ! pot.entries.some( ( t ) => entryKey( t ) === entryKey( e ) )
	);
	const merged = { headers: po.headers, entries };
	fs.writeFileSync(
		file,
		formatPo( {
			...merged,
			preamble:
				'# Dutch translation of Reciprocal Link Guard.\n# This file is distributed under the GPL-2.0-or-later.',
		} )
	);
	fs.writeFileSync(
		path.join( LANGUAGES_DIR, `${ DOMAIN }-${ locale }.mo` ),
		formatMo( merged )
	);
	for ( const [ script, { bundle } ] of Object.entries( SCRIPTS ) ) {
		fs.writeFileSync(
			path.join( LANGUAGES_DIR, jsonFileName( locale, bundle ) ),
			JSON.stringify(
				formatJed( merged, keysByScript[ script ], bundle )
			) + '\n'
		);
	}
	const untranslated = entries.filter( ( e ) => ! isTranslated( e ) );
	missing += untranslated.length;
	console.log(
		`${ name }: ${ entries.length - untranslated.length }/${
			entries.length
		} translated${ dropped.length ? `, ${ dropped.length } dropped` : '' }`
	);
	for ( const entry of untranslated.slice( 0, check ? 50 : 10 ) ) {
		console.log( `  untranslated: ${ JSON.stringify( entry.msgid ) }` );
	}
}

if ( check && missing > 0 ) {
	process.exitCode = 1;
}
