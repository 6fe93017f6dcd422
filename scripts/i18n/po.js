'use strict';
/**
 * Gettext files without gettext: read and write .po/.pot, write binary .mo
 * (what PHP's translations load) and Jed 1.x JSON (what
 * wp_set_script_translations loads for a script, as `wp i18n make-json`
 * writes it).
 */

/** Key of an entry in .mo and JSON: context EOT msgid. */
function entryKey( entry ) {
	return entry.msgctxt !== undefined && entry.msgctxt !== null
		? `${ entry.msgctxt }\u0004${ entry.msgid }`
		: entry.msgid;
}

function unquote( line ) {
	const match = /^"(.*)"\s*$/.exec( line.trim() );
	if ( ! match ) {
		throw new Error( `Not a quoted .po string: ${ line }` );
	}
	return match[ 1 ].replace( /\\(.)/g, ( _, char ) => {
		switch ( char ) {
			case 'n':
				return '\n';
			case 't':
				return '\t';
			case 'r':
				return '\r';
			default:
				return char;
		}
	} );
}

function quote( value ) {
	return (
		'"' +
		value
			.replace( /\\/g, '\\\\' )
			.replace( /"/g, '\\"' )
			.replace( /\t/g, '\\t' )
			.replace( /\r/g, '\\r' )
			.replace( /\n/g, '\\n' ) +
		'"'
	);
}

/**
 * Parses a .po or .pot file.
 *
 * @param {string} text File contents.
 * @return {{ headers: string, entries: Array<object> }} The header block and the entries in file order.
 */
function parsePo( text ) {
	const entries = [];
	let entry = null;
	let field = null;
	const flush = () => {
		if ( entry && entry.msgid !== undefined ) {
			entries.push( entry );
		}
		entry = null;
		field = null;
	};
	for ( const raw of text.split( /\r?\n/ ) ) {
		const line = raw.trimEnd();
		if ( line === '' ) {
			flush();
			continue;
		}
		entry ??= { comments: [], references: [], flags: [] };
		if ( line.startsWith( '#~' ) ) {
			entry.obsolete = true;
			continue;
		}
		if ( line.startsWith( '#:' ) ) {
			entry.references.push( ...line.slice( 2 ).trim().split( /\s+/ ) );
			continue;
		}
		if ( line.startsWith( '#,' ) ) {
			entry.flags.push(
				...line
					.slice( 2 )
					.split( ',' )
					.map( ( f ) => f.trim() )
			);
			continue;
		}
		if ( line.startsWith( '#.' ) ) {
			entry.comments.push( line.slice( 2 ).trim() );
			continue;
		}
		if ( line.startsWith( '#' ) ) {
			continue;
		}
		const match =
			/^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$/.exec(
				line
			);
		if ( match ) {
			if ( match[ 1 ] === 'msgid' && entry.msgid !== undefined ) {
				// The next entry began without a blank line in between.
				flush();
				entry = { comments: [], references: [], flags: [] };
			}
			if ( match[ 2 ] !== undefined ) {
				entry.msgstr ??= [];
				field = [ 'msgstr', Number( match[ 2 ] ) ];
				entry.msgstr[ field[ 1 ] ] = unquote( match[ 3 ] );
			} else if ( match[ 1 ] === 'msgstr' ) {
				entry.msgstr = [ unquote( match[ 3 ] ) ];
				field = [ 'msgstr', 0 ];
			} else {
				field = [ match[ 1 ] ];
				entry[ match[ 1 ] ] = unquote( match[ 3 ] );
			}
			continue;
		}
		if ( line.startsWith( '"' ) && field ) {
			if ( field[ 0 ] === 'msgstr' ) {
				entry.msgstr[ field[ 1 ] ] += unquote( line );
			} else {
				entry[ field[ 0 ] ] += unquote( line );
			}
			continue;
		}
		throw new Error( `Cannot read .po line: ${ line }` );
	}
	flush();
	const live = entries.filter( ( e ) => ! e.obsolete );
	const headerEntry = live.find( ( e ) => e.msgid === '' && ! e.msgctxt );
	return {
		headers: headerEntry ? headerEntry.msgstr[ 0 ] : '',
		entries: live.filter( ( e ) => e !== headerEntry ),
	};
}

/**
 * Serialises a .po/.pot file.
 *
 * @param {{ headers: string, entries: Array<object>, preamble?: string }} po The catalogue.
 * @return {string} File contents.
 */
function formatPo( po ) {
	const blocks = [];
	const header = [];
	if ( po.preamble ) {
		header.push( po.preamble.trimEnd() );
	}
	header.push( 'msgid ""', 'msgstr ""' );
	for ( const line of po.headers.split( '\n' ).filter( Boolean ) ) {
		header.push( quote( line + '\n' ) );
	}
	blocks.push( header.join( '\n' ) );
	for ( const entry of po.entries ) {
		const lines = [];
		for ( const comment of entry.comments ?? [] ) {
			lines.push( `#. ${ comment }` );
		}
		if ( entry.references?.length ) {
			lines.push( `#: ${ entry.references.join( ' ' ) }` );
		}
		if ( entry.flags?.length ) {
			lines.push( `#, ${ entry.flags.join( ', ' ) }` );
		}
		if ( entry.msgctxt !== undefined && entry.msgctxt !== null ) {
			lines.push( `msgctxt ${ quote( entry.msgctxt ) }` );
		}
		lines.push( `msgid ${ quote( entry.msgid ) }` );
		if ( entry.msgid_plural !== undefined && entry.msgid_plural !== null ) {
			lines.push( `msgid_plural ${ quote( entry.msgid_plural ) }` );
			const forms = entry.msgstr?.length ? entry.msgstr : [ '', '' ];
			forms.forEach( ( form, index ) =>
				lines.push( `msgstr[${ index }] ${ quote( form ?? '' ) }` )
			);
		} else {
			lines.push( `msgstr ${ quote( entry.msgstr?.[ 0 ] ?? '' ) }` );
		}
		blocks.push( lines.join( '\n' ) );
	}
	return blocks.join( '\n\n' ) + '\n';
}

function isTranslated( entry ) {
	return (
		Array.isArray( entry.msgstr ) &&
		entry.msgstr.length > 0 &&
		entry.msgstr.every(
			( form ) => typeof form === 'string' && form !== ''
		) &&
		! ( entry.flags ?? [] ).includes( 'fuzzy' )
	);
}

/**
 * A GNU .mo file (little endian, no hash table), keys sorted by bytes.
 *
 * @param {{ headers: string, entries: Array<object> }} po The catalogue.
 * @return {Buffer} The .mo bytes.
 */
function formatMo( po ) {
	const pairs = [ [ Buffer.from( '' ), Buffer.from( po.headers, 'utf8' ) ] ];
	for ( const entry of po.entries.filter( isTranslated ) ) {
		let key = entryKey( entry );
		if ( entry.msgid_plural ) {
			key += '\u0000' + entry.msgid_plural;
		}
		pairs.push( [
			Buffer.from( key, 'utf8' ),
			Buffer.from( entry.msgstr.join( '\u0000' ), 'utf8' ),
		] );
	}
	pairs.sort( ( a, b ) => Buffer.compare( a[ 0 ], b[ 0 ] ) );
	const count = pairs.length;
	const headerSize = 28;
	const originalTable = headerSize;
	const translationTable = originalTable + count * 8;
	let offset = translationTable + count * 8;
	const header = Buffer.alloc( headerSize );
	header.writeUInt32LE( 0x950412de, 0 );
	header.writeUInt32LE( 0, 4 );
	header.writeUInt32LE( count, 8 );
	header.writeUInt32LE( originalTable, 12 );
	header.writeUInt32LE( translationTable, 16 );
	header.writeUInt32LE( 0, 20 );
	header.writeUInt32LE( offset, 24 );
	const tables = Buffer.alloc( count * 16 );
	const strings = [];
	pairs.forEach( ( [ original ], index ) => {
		tables.writeUInt32LE( original.length, index * 8 );
		tables.writeUInt32LE( offset, index * 8 + 4 );
		strings.push( original, Buffer.from( [ 0 ] ) );
		offset += original.length + 1;
	} );
	pairs.forEach( ( [ , translation ], index ) => {
		tables.writeUInt32LE( translation.length, count * 8 + index * 8 );
		tables.writeUInt32LE( offset, count * 8 + index * 8 + 4 );
		strings.push( translation, Buffer.from( [ 0 ] ) );
		offset += translation.length + 1;
	} );
	return Buffer.concat( [ header, tables, ...strings ] );
}

/** Reads a .mo file back into key → translation forms (for tests). */
function parseMo( buffer ) {
	if ( buffer.readUInt32LE( 0 ) !== 0x950412de ) {
		throw new Error( 'Not a little-endian .mo file' );
	}
	const count = buffer.readUInt32LE( 8 );
	const originals = buffer.readUInt32LE( 12 );
	const translations = buffer.readUInt32LE( 16 );
	const read = ( table, index ) => {
		const length = buffer.readUInt32LE( table + index * 8 );
		const at = buffer.readUInt32LE( table + index * 8 + 4 );
		return buffer.toString( 'utf8', at, at + length );
	};
	const map = new Map();
	for ( let i = 0; i < count; i++ ) {
		map.set(
			read( originals, i ).split( '\u0000' )[ 0 ],
			read( translations, i ).split( '\u0000' )
		);
	}
	return map;
}

function headerValue( headers, name ) {
	const match = new RegExp( `^${ name }:\\s*(.*)$`, 'mi' ).exec( headers );
	return match ? match[ 1 ].trim() : '';
}

/**
 * Jed 1.x JSON for one script, with only the entries it uses.
 *
 * @param {{ headers: string, entries: Array<object> }} po     The catalogue.
 * @param {Set<string>}                                 keys   Entry keys the script uses.
 * @param {string}                                      source Script path relative to the plugin.
 * @return {Object} The JSON object.
 */
function formatJed( po, keys, source ) {
	const messages = {
		'': {
			domain: 'messages',
			lang: headerValue( po.headers, 'Language' ),
			'plural-forms':
				headerValue( po.headers, 'Plural-Forms' ) ||
				'nplurals=2; plural=(n != 1);',
		},
	};
	for ( const entry of po.entries ) {
		const key = entryKey( entry );
		if ( keys.has( key ) && isTranslated( entry ) ) {
			messages[ key ] = entry.msgstr;
		}
	}
	return {
		'translation-revision-date':
			headerValue( po.headers, 'PO-Revision-Date' ) || undefined,
		generator: 'reciprocal-link-guard scripts/i18n',
		source,
		domain: 'messages',
		locale_data: { messages },
	};
}

module.exports = {
	entryKey,
	parsePo,
	formatPo,
	formatMo,
	parseMo,
	formatJed,
	isTranslated,
	headerValue,
};
