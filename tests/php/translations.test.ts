/**
 * languages/: the template lists every string in the sources, the Dutch
 * catalogue translates all of them with the same placeholders, and the
 * files WordPress loads (.mo, per-script JSON) say what the .po says.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Plain CommonJS tools shared with `npm run i18n:*`.
const po = require( '../../scripts/i18n/po' );
const catalog = require( '../../scripts/i18n/catalog' );

interface Entry {
	msgid: string;
	msgctxt?: string;
	msgid_plural?: string;
	msgstr?: string[];
	flags?: string[];
}

const LANGUAGES = path.resolve( __dirname, '..', '..', 'languages' );
const read = ( name: string ) =>
	po.parsePo( fs.readFileSync( path.join( LANGUAGES, name ), 'utf8' ) ) as {
		headers: string;
		entries: Entry[];
	};
const placeholders = ( text: string ) =>
	( text.match( /%(\d+\$)?[sdf]/g ) ?? [] ).sort();

const pot = read( 'reciprocal-link-guard.pot' );
const dutch = read( 'reciprocal-link-guard-nl_NL.po' );
const dutchByKey = new Map< string, Entry >(
	dutch.entries.map( ( entry ) => [ po.entryKey( entry ), entry ] )
);

describe( 'translations', () => {
	it( 'the .pot is up to date with the PHP and JavaScript sources (run `npm run i18n:pot`)', () => {
		const current = ( catalog.collectEntries() as Entry[] )
			.map( ( entry ) => po.entryKey( entry ) )
			.sort();
		expect(
			pot.entries.map( ( entry ) => po.entryKey( entry ) ).sort()
		).toEqual( current );
	} );

	it( 'nl_NL translates every string of the .pot (run `npm run i18n:update`)', () => {
		const untranslated = pot.entries
			.filter( ( entry ) => {
				const translated = dutchByKey.get( po.entryKey( entry ) );
				return ! translated || ! po.isTranslated( translated );
			} )
			.map( ( entry ) => entry.msgid );
		expect( untranslated ).toEqual( [] );
	} );

	it( 'keeps every placeholder of the English text', () => {
		const mismatches: string[] = [];
		for ( const entry of dutch.entries ) {
			( entry.msgstr ?? [] ).forEach( ( form, index ) => {
				const source =
					index === 0 ? entry.msgid : ( entry.msgid_plural ?? '' );
				if (
					placeholders( source ).join() !==
					placeholders( form ).join()
				) {
					mismatches.push( `${ source } → ${ form }` );
				}
			} );
		}
		expect( mismatches ).toEqual( [] );
	} );

	it( 'the .mo holds exactly the .po translations', () => {
		const mo: Map< string, string[] > = po.parseMo(
			fs.readFileSync(
				path.join( LANGUAGES, 'reciprocal-link-guard-nl_NL.mo' )
			)
		);
		expect( mo.get( '' )?.[ 0 ] ).toContain(
			'Plural-Forms: nplurals=2; plural=(n != 1);'
		);
		for ( const entry of dutch.entries ) {
			expect( mo.get( po.entryKey( entry ) ) ).toEqual( entry.msgstr );
		}
		expect( mo.size ).toBe( dutch.entries.length + 1 );
	} );

	it.each(
		Object.entries(
			catalog.SCRIPTS as Record< string, { bundle: string } >
		)
	)(
		'the %s script has a JSON file named as load_script_textdomain() looks for it',
		( name, { bundle } ) => {
			const hash = crypto
				.createHash( 'md5' )
				.update( bundle )
				.digest( 'hex' );
			const file = path.join(
				LANGUAGES,
				`reciprocal-link-guard-nl_NL-${ hash }.json`
			);
			const json = JSON.parse( fs.readFileSync( file, 'utf8' ) );
			expect( json.source ).toBe( bundle );
			const messages = json.locale_data.messages as Record<
				string,
				unknown
			>;
			expect( messages[ '' ] ).toMatchObject( { lang: 'nl_NL' } );
			// Every string the script's sources use is in its file.
			for ( const key of catalog.scriptKeys( name ) as Set< string > ) {
				expect( [ key, messages[ key ] !== undefined ] ).toEqual( [
					key,
					true,
				] );
			}
		}
	);

	it( 'says "sjabloonlink" for a boilerplate backlink, the word a Dutch SEO uses (not "standaardtekst")', () => {
		const entry = dutchByKey.get(
			po.entryKey( { msgid: 'Their link is boilerplate' } )
		);
		expect( entry?.msgstr?.[ 0 ] ).toBe(
			'Hun link is een sitewide sjabloonlink'
		);
	} );
} );
