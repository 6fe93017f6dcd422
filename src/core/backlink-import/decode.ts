/**
 * Bytes of an uploaded export → text. The tools people export from do not
 * agree on an encoding: Ahrefs offers "UTF-16 (for Microsoft Excel)"
 * (UTF-16LE with a byte order mark, tab-separated) beside UTF-8, Search
 * Console and Semrush write UTF-8 (with or without a BOM), and a file that
 * went through Excel on Windows comes back as Windows-1252. Pure: only the
 * WHATWG TextDecoder, which Node and browsers both have.
 */

export type ExportEncoding =
	'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedExport {
	text: string;
	encoding: ExportEncoding;
}

/** Why a file cannot be read as a table at all (not a row's fault). */
export class ExportFileError extends Error {
	constructor(
		readonly reason:
			| 'empty'
			| 'too-large'
			| 'spreadsheet'
			| 'binary'
			| 'no-header'
			| 'unknown-format'
			| 'format-mismatch'
			| 'no-rows',
		message: string
	) {
		super( message );
		this.name = 'ExportFileError';
	}
}

/**
 * Share of zero bytes at odd (or even) offsets above which a file without a
 * BOM is taken for UTF-16: ASCII text in UTF-16LE has a zero in every high
 * byte, plain text in UTF-8 has none.
 */
const UTF16_ZERO_SHARE = 0.4;

function zeroShare( bytes: Uint8Array, parity: 0 | 1 ): number {
	const sample = Math.min( bytes.length, 4096 );
	let zeros = 0;
	let total = 0;
	for ( let index = parity; index < sample; index += 2 ) {
		total++;
		if ( bytes[ index ] === 0 ) {
			zeros++;
		}
	}
	return total === 0 ? 0 : zeros / total;
}

function decode( bytes: Uint8Array, label: string, fatal = false ): string {
	return new TextDecoder( label, { fatal, ignoreBOM: false } ).decode(
		bytes
	);
}

/**
 * Decode an export's bytes: a BOM decides (UTF-8, UTF-16LE, UTF-16BE);
 * without one, zero bytes in every other position mean UTF-16, valid UTF-8
 * is UTF-8, and anything else is read as Windows-1252 (what Excel writes
 * as "CSV" on a western Windows). Throws ExportFileError for an empty
 * file, an Excel workbook (a zip) or other binary data.
 */
export function decodeExport( bytes: Uint8Array ): DecodedExport {
	if ( bytes.length === 0 ) {
		throw new ExportFileError( 'empty', 'the file is empty' );
	}
	if ( bytes[ 0 ] === 0x50 && bytes[ 1 ] === 0x4b ) {
		throw new ExportFileError(
			'spreadsheet',
			'the file is an Excel workbook (.xlsx), not a CSV file: export the report as CSV instead'
		);
	}
	if ( bytes[ 0 ] === 0xef && bytes[ 1 ] === 0xbb && bytes[ 2 ] === 0xbf ) {
		return { text: decode( bytes, 'utf-8' ), encoding: 'utf-8-bom' };
	}
	if ( bytes[ 0 ] === 0xff && bytes[ 1 ] === 0xfe ) {
		return { text: decode( bytes, 'utf-16le' ), encoding: 'utf-16le' };
	}
	if ( bytes[ 0 ] === 0xfe && bytes[ 1 ] === 0xff ) {
		return { text: decode( bytes, 'utf-16be' ), encoding: 'utf-16be' };
	}
	if ( zeroShare( bytes, 1 ) > UTF16_ZERO_SHARE ) {
		return { text: decode( bytes, 'utf-16le' ), encoding: 'utf-16le' };
	}
	if ( zeroShare( bytes, 0 ) > UTF16_ZERO_SHARE ) {
		return { text: decode( bytes, 'utf-16be' ), encoding: 'utf-16be' };
	}
	if ( bytes.subarray( 0, 4096 ).includes( 0 ) ) {
		throw new ExportFileError(
			'binary',
			'the file is not text (it holds zero bytes): choose the CSV export of the backlinks report'
		);
	}
	try {
		return { text: decode( bytes, 'utf-8', true ), encoding: 'utf-8' };
	} catch {
		return {
			text: decode( bytes, 'windows-1252' ),
			encoding: 'windows-1252',
		};
	}
}
