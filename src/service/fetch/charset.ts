/**
 * Decoding a stranger's HTML the way a browser would (WHATWG "encoding
 * sniffing", simplified): a byte-order mark wins, then the Content-Type
 * charset, then a <meta charset> / <meta http-equiv="Content-Type"> in the
 * first 1024 bytes. Labels TextDecoder does not know are skipped. With no
 * usable declaration we try strict UTF-8 (most of today's undeclared pages)
 * and fall back to windows-1252, the browsers' default for Western locales.
 * Node ships full ICU, so Shift_JIS, EUC-JP, GBK, Big5, ISO-8859-x, KOI8-R
 * and the windows-125x family all decode.
 */

import { isUtf8 } from 'node:buffer';

export const FALLBACK_CHARSET = 'windows-1252';

/** How the charset was chosen; handy in logs and tests. */
export type CharsetSource =
	'bom' | 'header' | 'meta' | 'utf8-valid' | 'default';

export interface DecodedHtml {
	readonly text: string;
	/** WHATWG encoding name, e.g. "shift_jis", "windows-1252". */
	readonly charset: string;
	readonly source: CharsetSource;
}

/** The WHATWG name for a label, or null when TextDecoder does not know it. */
export function canonicalCharset( label: string ): string | null {
	try {
		return new TextDecoder( label.trim() ).encoding;
	} catch {
		return null;
	}
}

/** The charset parameter of a Content-Type header value, if any. */
export function charsetFromContentType(
	contentType: string | null | undefined
): string | null {
	const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(
		contentType ?? ''
	);
	return match ? ( match[ 1 ] ?? match[ 2 ] ) : null;
}

function bomCharset( bytes: Uint8Array ): string | null {
	if ( bytes[ 0 ] === 0xef && bytes[ 1 ] === 0xbb && bytes[ 2 ] === 0xbf ) {
		return 'utf-8';
	}
	if ( bytes[ 0 ] === 0xfe && bytes[ 1 ] === 0xff ) {
		return 'utf-16be';
	}
	if ( bytes[ 0 ] === 0xff && bytes[ 1 ] === 0xfe ) {
		return 'utf-16le';
	}
	return null;
}

const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/**
 * The charset a <meta> in the first 1024 bytes declares. Works on the
 * bytes read as latin1, which keeps every ASCII-compatible encoding's
 * markup intact; comments are skipped so a commented-out meta is ignored.
 */
export function sniffMetaCharset( bytes: Uint8Array ): string | null {
	const head = Buffer.from(
		bytes.buffer,
		bytes.byteOffset,
		Math.min( bytes.byteLength, 1024 )
	)
		.toString( 'latin1' )
		.replace( /<!--[\s\S]*?(?:-->|$)/g, '' );
	for ( const tag of head.matchAll( /<meta[\s/]([^>]*)>?/gi ) ) {
		const attributes = new Map< string, string >();
		for ( const attribute of tag[ 1 ].matchAll( ATTRIBUTE ) ) {
			const name = attribute[ 1 ].toLowerCase();
			if ( ! attributes.has( name ) ) {
				attributes.set(
					name,
					attribute[ 2 ] ?? attribute[ 3 ] ?? attribute[ 4 ] ?? ''
				);
			}
		}
		const charset = attributes.get( 'charset' );
		if ( charset ) {
			return charset;
		}
		if (
			attributes.get( 'http-equiv' )?.toLowerCase() === 'content-type'
		) {
			const fromContent = /charset\s*=\s*["']?([^"';\s]+)/i.exec(
				attributes.get( 'content' ) ?? ''
			);
			if ( fromContent ) {
				return fromContent[ 1 ];
			}
		}
	}
	return null;
}

/**
 * windows-1252's 0x80–0x9F per the WHATWG Encoding Standard. Node 20's
 * TextDecoder decodes "windows-1252" (and its labels latin1, iso-8859-1,
 * ascii …) as ISO-8859-1, turning curly quotes and dashes into C1 control
 * characters, so we map that row ourselves.
 */
const CP1252_HIGH = [
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030,
	0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c,
	0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d,
	0x17e, 0x178,
];

function decodeWindows1252( bytes: Uint8Array ): string {
	return Buffer.from( bytes.buffer, bytes.byteOffset, bytes.byteLength )
		.toString( 'latin1' )
		.replace( /[\x80-\x9f]/g, ( char ) =>
			String.fromCharCode( CP1252_HIGH[ char.charCodeAt( 0 ) - 0x80 ] )
		);
}

/**
 * Decodes bytes whose charset is known (a WHATWG name from
 * {@link detectCharset}). A byte-order mark of that charset is dropped,
 * as TextDecoder does. Pure: analysis workers decode pages with it too.
 */
export function decodeBytes( bytes: Uint8Array, charset: string ): string {
	if ( charset === 'windows-1252' ) {
		return decodeWindows1252( bytes );
	}
	return new TextDecoder( charset ).decode( bytes );
}

export interface DetectedCharset {
	/** WHATWG encoding name, e.g. "shift_jis", "windows-1252". */
	readonly charset: string;
	readonly source: CharsetSource;
}

/**
 * The charset of an HTML body given its Content-Type header value, without
 * decoding it: a few header and 1024-byte scans, and for undeclared pages a
 * UTF-8 validity check (native, far cheaper than a strict decode).
 */
export function detectCharset(
	bytes: Uint8Array,
	contentType?: string | null
): DetectedCharset {
	const bom = bomCharset( bytes );
	if ( bom ) {
		return { charset: bom, source: 'bom' };
	}
	const declared: Array< [ string | null, CharsetSource ] > = [
		[ charsetFromContentType( contentType ), 'header' ],
		[ sniffMetaCharset( bytes ), 'meta' ],
	];
	for ( const [ label, source ] of declared ) {
		let charset = label ? canonicalCharset( label ) : null;
		if ( ! charset ) {
			continue;
		}
		// A page cannot truthfully declare UTF-16 in ASCII-compatible
		// markup; browsers read it as UTF-8 (HTML spec, prescan step).
		if ( source === 'meta' && charset.startsWith( 'utf-16' ) ) {
			charset = 'utf-8';
		}
		return { charset, source };
	}
	return isUtf8( bytes )
		? { charset: 'utf-8', source: 'utf8-valid' }
		: { charset: FALLBACK_CHARSET, source: 'default' };
}

/** Decodes an HTML body given its Content-Type header value. */
export function decodeHtml(
	bytes: Uint8Array,
	contentType?: string | null
): DecodedHtml {
	const { charset, source } = detectCharset( bytes, contentType );
	return { text: decodeBytes( bytes, charset ), charset, source };
}
