/**
 * A backlink export → the backlinks it lists, and every row it skipped with
 * its line and reason. Pure: bytes in, data out (the service stores it, the
 * CLI and the report say what was read).
 *
 * CSV is read with csv-parse (quoted fields with commas, doubled quotes and
 * line breaks, CRLF, stray quotes in unquoted fields): every export we read
 * has anchors and titles with exactly those, and a hand-written splitter
 * gets one of them wrong sooner or later.
 */
import { parse } from 'csv-parse/sync';
import { createSiteMatcher, normalizeUrl, siteKey } from '../url';
import { decodeExport, ExportFileError } from './decode';
import type { ExportEncoding } from './decode';
import {
	detectFormat,
	foldHeader,
	FORMAT_SPECS,
	isTopLinkedPages,
	unknownColumns,
} from './formats';
import {
	GSC_HEADERS,
	gscLanguageOf,
	monthNumber,
	type GscLanguage,
} from './gsc-headers';
import type {
	BacklinkExportFormat,
	BacklinkExportVariant,
	FormatSpec,
} from './formats';

/** Largest export read (bytes): a year of a big site's links fits. */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;
/** Most backlinks kept from one file; rows past it are skipped as over-limit. */
export const MAX_IMPORT_ROWS = 50_000;
/** Most skipped rows listed one by one; the rest are counted by reason. */
export const MAX_LISTED_SKIPS = 200;
/** Longest anchor kept (characters). */
const MAX_ANCHOR = 300;
/** Longest URL kept (characters). */
const MAX_URL = 2048;

import { SKIP_REASONS } from './skip-reasons';
import type { SkipReason } from './skip-reasons';

export { SKIP_REASONS };
export type { SkipReason };

/** One link (or, for "top linking sites", one linking site) to the owner. */
export interface ImportedBacklink {
	/** Line of the file it came from (the header is line 1). */
	line: number;
	/** The linking page; null when the export names only the site. */
	sourceUrl: string | null;
	/** The linking site (`siteKey`: registrable domain, host:port for IPs). */
	sourceDomain: string;
	/** The page linked to; null when the export does not say. */
	targetUrl: string | null;
	anchor: string | null;
	/** rel flags as the tool saw them; null when the export does not say. */
	nofollow: boolean | null;
	ugc: boolean | null;
	sponsored: boolean | null;
	/** ISO dates (yyyy-mm-dd); null when absent. */
	firstSeen: string | null;
	lastSeen: string | null;
	/** "Top linking sites": how many pages of that site link to the owner. */
	linkingPages: number | null;
}

export interface SkippedRow {
	line: number;
	reason: SkipReason;
	/** What was in the row, for the person fixing the file. */
	detail: string;
}

export interface BacklinkImportResult {
	format: BacklinkExportFormat;
	variant: BacklinkExportVariant;
	/** What a person calls the export ("Ahrefs backlinks export"). */
	label: string;
	encoding: ExportEncoding;
	delimiter: ',' | ';' | '\t';
	/** Data rows in the file (not counting the header or empty lines). */
	rowsRead: number;
	backlinks: ImportedBacklink[];
	/** Skipped rows, the first MAX_LISTED_SKIPS of them. */
	skipped: SkippedRow[];
	/** Every skipped row counted by reason (listed or not). */
	skippedByReason: Partial< Record< SkipReason, number > >;
	skippedTotal: number;
	/** Distinct linking sites among the backlinks. */
	domains: number;
}

export interface ParseBacklinkExportOptions {
	/** The format the user chose; `auto` (the default) detects it. */
	format?: BacklinkExportFormat | 'auto';
	/**
	 * URLs of the site the export is about (our home URL and alternates, or
	 * a competitor's domain): links from it are internal, links to another
	 * site are not its backlinks.
	 */
	ownerUrls: string[];
	/** Defaults to MAX_IMPORT_ROWS (tests lower it). */
	maxRows?: number;
}

const DELIMITERS = [ ',', ';', '\t' ] as const;

/** The delimiter of the header line: the candidate it holds most of. */
function detectDelimiter( text: string ): ',' | ';' | '\t' {
	const firstLine = text.slice( 0, text.search( /\r?\n|$/ ) );
	// Quoted header names may hold a comma; count outside quotes only.
	const unquoted = firstLine.replace( /"[^"]*"/g, '' );
	let best: ',' | ';' | '\t' = ',';
	let bestCount = 0;
	for ( const candidate of DELIMITERS ) {
		const count = unquoted.split( candidate ).length - 1;
		if ( count > bestCount ) {
			best = candidate;
			bestCount = count;
		}
	}
	return best;
}

function column( header: string[], names: string[] | undefined ): number {
	if ( ! names ) {
		return -1;
	}
	const folded = header.map( foldHeader );
	for ( const name of names ) {
		const index = folded.indexOf( name );
		if ( index >= 0 ) {
			return index;
		}
	}
	return -1;
}

/** "true"/"false", "yes"/"no", "1"/"0"; null when empty or unknown. */
function flag( value: string | undefined ): boolean | null {
	const folded = ( value ?? '' ).trim().toLowerCase();
	if ( [ 'true', 'yes', '1', 'y' ].includes( folded ) ) {
		return true;
	}
	if ( [ 'false', 'no', '0', 'n' ].includes( folded ) ) {
		return false;
	}
	return null;
}

const ISO_DATE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?: ?(?:Z|UTC|[+-]\d{2}:?\d{2}))?)?$/;
/** "Mar 5, 2024", "5 Mar 2024", "March 5, 2024" (Search Console in English). */
const NAMED_MONTH =
	/^(?:\d{1,2} [A-Za-z]{3,9}\.? \d{4}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4})$/;

/** yyyy-mm-dd of a day, or undefined when there is no such day. */
function isoDay(
	year: number,
	month: number,
	day: number
): string | undefined {
	const date = new Date( Date.UTC( year, month - 1, day ) );
	return month >= 1 &&
		month <= 12 &&
		date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day
		? date.toISOString().slice( 0, 10 )
		: undefined;
}

/** "28/11/2026", "28.11.2026", "28-11-2026" (11/28/2026 in English). */
const NUMERIC_DATE = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/;
/** "28 nov. 2026", "28. Nov. 2026", "8 de mayo de 2026", "28 de nov. de 2026". */
const LOCAL_NAMED_DATE = /^(\d{1,2})\.? (?:de )?([^\d\s]+\.?) (?:de )?(\d{4})$/;

/**
 * A date as Search Console writes it in a language other than English:
 * day first, the month a number or a name of that language.
 */
function localDate(
	trimmed: string,
	language: GscLanguage
): string | undefined {
	const numeric = NUMERIC_DATE.exec( trimmed );
	if ( numeric ) {
		const [ , a, separator, b, year ] = numeric;
		// Only English (American) puts the month first, and never with dots.
		const monthFirst = language === 'en' && separator !== '.';
		return monthFirst
			? isoDay( Number( year ), Number( a ), Number( b ) )
			: isoDay( Number( year ), Number( b ), Number( a ) );
	}
	const named = LOCAL_NAMED_DATE.exec( trimmed.toLowerCase() );
	if ( named && language !== 'en' ) {
		const month = monthNumber( named[ 2 ], language );
		return month === null
			? undefined
			: isoDay( Number( named[ 3 ] ), month, Number( named[ 1 ] ) );
	}
	return undefined;
}

/**
 * A date cell → yyyy-mm-dd; null for an empty cell; undefined when the cell
 * holds something that is not a date. `language`: the interface language
 * of a Search Console export, whose dates may be written in it.
 */
function dateCell(
	value: string | undefined,
	language: GscLanguage | null = null
): string | null | undefined {
	const trimmed = ( value ?? '' ).trim();
	if ( trimmed === '' ) {
		return null;
	}
	if ( language ) {
		const local = localDate( trimmed, language );
		if ( local ) {
			return local;
		}
	}
	const iso = ISO_DATE.exec( trimmed );
	if ( iso ) {
		const [ , year, month, day ] = iso;
		const date = new Date( `${ year }-${ month }-${ day }T00:00:00Z` );
		return Number.isNaN( date.getTime() ) ||
			date.getUTCDate() !== Number( day )
			? undefined
			: `${ year }-${ month }-${ day }`;
	}
	if ( NAMED_MONTH.test( trimmed ) ) {
		const parsed = Date.parse( `${ trimmed.replace( ',', '' ) } UTC` );
		if ( ! Number.isNaN( parsed ) ) {
			return new Date( parsed ).toISOString().slice( 0, 10 );
		}
	}
	return undefined;
}

function clip( value: string, max: number ): string {
	return value.length > max ? value.slice( 0, max ) : value;
}

/** A linking-site cell (Search Console's "Site") → siteKey, or null. */
function siteCell( value: string ): string | null {
	const host = value.trim().replace( /^\*\./, '' );
	if (
		! /^[a-z0-9.-]+(?::\d{1,5})?$/i.test( host ) ||
		! host.includes( '.' )
	) {
		return null;
	}
	return siteKey( `http://${ host }/` );
}

/** Header names as a person would type them: "Linking page". */
function quoted( names: string[] ): string {
	return names.map( ( name ) => `"${ name }"` ).join( ' and ' );
}

/**
 * What the first line of each export the user may have meant names: every
 * format's columns in English, and for Search Console the same in each
 * language of the table (all of them when Search Console was chosen).
 */
function expectedColumns( format: BacklinkExportFormat | 'auto' ): string {
	const wanted = FORMAT_SPECS.filter(
		( spec ) => format === 'auto' || spec.format === format
	);
	const parts = wanted.map( ( spec ) => {
		if ( spec.format !== 'gsc' ) {
			return `${ spec.label } (${ quoted(
				spec.required.map( ( names ) => names[ 0 ] )
			) })`;
		}
		const latest = spec.variant === 'gsc-latest-links';
		const english = GSC_HEADERS[ 0 ];
		const columns = latest
			? [ english.linkingPage[ 0 ], english.lastCrawled[ 0 ] ]
			: [ english.site[ 0 ], english.linkingPages[ 0 ] ];
		return `${ spec.label } (${ quoted( columns ) })`;
	} );
	const languages = GSC_HEADERS.slice( 1 );
	if ( format === 'gsc' ) {
		parts.push(
			`or the same in ${ languages
				.map(
					( names ) =>
						`${ names.name } (${ quoted( [
							names.linkingPage[ 0 ],
							names.lastCrawled[ 0 ],
						] ) }; ${ quoted( [
							names.site[ 0 ],
							names.linkingPages[ 0 ],
						] ) })`
				)
				.join( ', ' ) }`
		);
	} else if ( wanted.some( ( spec ) => spec.format === 'gsc' ) ) {
		parts.push(
			`Search Console headers are also read in ${ languages
				.map( ( names ) => names.name )
				.join( ', ' ) }`
		);
	}
	return parts.join( '; ' );
}

/** The spec to read the file with: the user's choice checked against the header. */
function chooseSpec(
	header: string[],
	format: BacklinkExportFormat | 'auto'
): FormatSpec {
	const detected = detectFormat( header );
	const shown = header
		.slice( 0, 8 )
		.map( ( cell ) => `"${ clip( cell.trim(), 40 ) }"` )
		.join( ', ' );
	if ( ! detected && isTopLinkedPages( header ) ) {
		throw new ExportFileError(
			'unknown-format',
			`this is Search Console's "Top linked pages" export (${ shown }): it lists your own pages, not the sites linking to them; export "Top linking sites", or "Latest links" under "Export external links", instead`
		);
	}
	if ( ! detected ) {
		const unknown = unknownColumns( header )
			.slice( 0, 8 )
			.map( ( cell ) => `"${ clip( cell.trim(), 40 ) }"` )
			.join( ', ' );
		throw new ExportFileError(
			'unknown-format',
			`the first line names none of the columns of a known export: it has ${ shown }${
				unknown && unknown !== shown ? ` (not known: ${ unknown })` : ''
			}; expected ${ expectedColumns( format ) }`
		);
	}
	if ( format !== 'auto' && detected.format !== format ) {
		throw new ExportFileError(
			'format-mismatch',
			`the file was chosen as a ${ format } export, but its columns are those of a ${ detected.label } (${ shown })`
		);
	}
	return detected;
}

/**
 * Read one backlink export. Throws ExportFileError when the file as a
 * whole cannot be read (empty, a workbook, binary, too large, a header no
 * format has, a format other than the one chosen); bad rows are skipped and
 * reported, never fatal.
 */
export function parseBacklinkExport(
	bytes: Uint8Array,
	options: ParseBacklinkExportOptions
): BacklinkImportResult {
	if ( bytes.length > MAX_IMPORT_BYTES ) {
		throw new ExportFileError(
			'too-large',
			`the file is ${ bytes.length } bytes; at most ${ MAX_IMPORT_BYTES } are read (split the export by date or target)`
		);
	}
	const maxRows = options.maxRows ?? MAX_IMPORT_ROWS;
	const { text, encoding } = decodeExport( bytes );
	const body = text.replace( /^\uFEFF/, '' );
	const delimiter = detectDelimiter( body );
	const records = parse( body, {
		delimiter,
		relax_column_count: true,
		relax_quotes: true,
		skip_empty_lines: true,
		info: true,
	} ) as unknown as { record: string[]; info: { lines: number } }[];
	const headerRecord = records.shift();
	if (
		! headerRecord ||
		headerRecord.record.every( ( cell ) => ! cell.trim() )
	) {
		throw new ExportFileError( 'no-header', 'the file has no header line' );
	}
	const header = headerRecord.record;
	const spec = chooseSpec( header, options.format ?? 'auto' );
	// Search Console writes its dates in the interface language too.
	const language =
		spec.format === 'gsc'
			? gscLanguageOf( header.map( foldHeader ) )
			: null;
	const at = {
		source: column( header, spec.columns.source ),
		target: column( header, spec.columns.target ),
		anchor: column( header, spec.columns.anchor ),
		nofollow: column( header, spec.columns.nofollow ),
		ugc: column( header, spec.columns.ugc ),
		sponsored: column( header, spec.columns.sponsored ),
		linkType: column( header, spec.columns.linkType ),
		firstSeen: column( header, spec.columns.firstSeen ),
		lastSeen: column( header, spec.columns.lastSeen ),
		linkingPages: column( header, spec.columns.linkingPages ),
	};
	// A row must reach the last column this format reads.
	const needed = Math.max( ...Object.values( at ) ) + 1;
	const owner = createSiteMatcher( options.ownerUrls );

	const backlinks: ImportedBacklink[] = [];
	const skipped: SkippedRow[] = [];
	const skippedByReason: Partial< Record< SkipReason, number > > = {};
	const seen = new Set< string >();
	const domains = new Set< string >();
	let skippedTotal = 0;

	const skip = ( line: number, reason: SkipReason, detail: string ) => {
		skippedTotal++;
		skippedByReason[ reason ] = ( skippedByReason[ reason ] ?? 0 ) + 1;
		if ( skipped.length < MAX_LISTED_SKIPS ) {
			skipped.push( { line, reason, detail: clip( detail, 200 ) } );
		}
	};

	for ( const { record, info } of records ) {
		const line = info.lines;
		if ( record.length < needed ) {
			skip(
				line,
				'wrong-column-count',
				`${ record.length } cells, the header has ${ header.length }`
			);
			continue;
		}
		const cell = ( index: number ) =>
			index >= 0 ? ( record[ index ] ?? '' ).trim() : '';
		const rawSource = cell( at.source );
		if ( rawSource === '' ) {
			skip( line, 'missing-source', 'the linking page is empty' );
			continue;
		}
		let sourceUrl: string | null = null;
		let sourceDomain: string | null;
		if ( spec.sourceIsSite ) {
			sourceDomain = siteCell( rawSource );
		} else {
			sourceUrl = normalizeUrl( rawSource );
			sourceDomain = sourceUrl ? siteKey( sourceUrl ) : null;
		}
		if ( ! sourceDomain ) {
			skip(
				line,
				'invalid-source',
				spec.sourceIsSite
					? `"${ rawSource }" is not a host name`
					: `"${ rawSource }" is not an http(s) URL`
			);
			continue;
		}
		if ( owner.isOurs( sourceUrl ?? `http://${ sourceDomain }/` ) ) {
			skip(
				line,
				'internal-link',
				`${ rawSource } is on ${ owner.domains.join( ', ' ) } itself`
			);
			continue;
		}
		let targetUrl: string | null = null;
		const rawTarget = cell( at.target );
		if ( rawTarget !== '' ) {
			targetUrl = normalizeUrl( rawTarget );
			if ( ! targetUrl || ! owner.isOurs( targetUrl ) ) {
				skip(
					line,
					'target-elsewhere',
					`the link points at ${ rawTarget }, not at ${ owner.domains.join(
						', '
					) }`
				);
				continue;
			}
		}
		const firstSeen = dateCell( cell( at.firstSeen ), language );
		const lastSeen = dateCell( cell( at.lastSeen ), language );
		if ( firstSeen === undefined || lastSeen === undefined ) {
			skip(
				line,
				'invalid-date',
				`"${
					firstSeen === undefined
						? cell( at.firstSeen )
						: cell( at.lastSeen )
				}" is not a date`
			);
			continue;
		}
		const key = `${ sourceUrl ?? sourceDomain } ${ targetUrl ?? '' }`;
		if ( seen.has( key ) ) {
			skip(
				line,
				'duplicate',
				`${ rawSource }${
					rawTarget ? ` → ${ rawTarget }` : ''
				} was on an earlier line`
			);
			continue;
		}
		if ( backlinks.length >= maxRows ) {
			skip(
				line,
				'over-limit',
				`only the first ${ maxRows } backlinks of a file are imported`
			);
			continue;
		}
		seen.add( key );
		domains.add( sourceDomain );
		const linkType = cell( at.linkType ).toLowerCase();
		const anchor = cell( at.anchor );
		const pages = Number.parseInt(
			cell( at.linkingPages ).replace( /[,.\s]/g, '' ),
			10
		);
		backlinks.push( {
			line,
			sourceUrl: sourceUrl ? clip( sourceUrl, MAX_URL ) : null,
			sourceDomain,
			targetUrl: targetUrl ? clip( targetUrl, MAX_URL ) : null,
			anchor: anchor ? clip( anchor, MAX_ANCHOR ) : null,
			nofollow:
				flag( cell( at.nofollow ) ) ??
				( linkType === 'nofollow' ? true : null ) ??
				( linkType === 'dofollow' ? false : null ),
			ugc: flag( cell( at.ugc ) ),
			sponsored: flag( cell( at.sponsored ) ),
			firstSeen,
			lastSeen,
			linkingPages: Number.isFinite( pages ) ? pages : null,
		} );
	}
	if ( records.length === 0 ) {
		throw new ExportFileError(
			'no-rows',
			`the ${ spec.label } has a header but no rows`
		);
	}
	return {
		format: spec.format,
		variant: spec.variant,
		label: spec.label,
		encoding,
		delimiter,
		rowsRead: records.length,
		backlinks,
		skipped,
		skippedByReason,
		skippedTotal,
		domains: domains.size,
	};
}
