/**
 * `rlg links [FILE|-] --base URL [--json]`: what the analyser sees on a
 * saved page. One entry per `<a href>` with an http(s) target, in document
 * order, with its placement, hidden reason and rel tokens.
 *
 * Exit codes: 0 printed, 2 an error (unreadable or non-HTML file, bad
 * --base).
 */
import { readFile } from 'fs/promises';
import type { Command } from 'commander';
import { analyzeHtml } from '../../core/extract';
import type { ExtractedLink } from '../../core/schemas';
import { normalizeUrl } from '../../core/url';
import { RlgError } from '../errors';
import { print } from './options';

interface LinksOptions {
	base: string;
	json?: boolean;
}

/** The fields `rlg links --json` prints, in this order. */
export interface LinkRow {
	href: string;
	text: string;
	placement: ExtractedLink[ 'placement' ];
	hidden: ExtractedLink[ 'hidden' ];
	rel: string[];
}

async function readStdin(): Promise< string > {
	const chunks: Buffer[] = [];
	for await ( const chunk of process.stdin ) {
		chunks.push( typeof chunk === 'string' ? Buffer.from( chunk ) : chunk );
	}
	return Buffer.concat( chunks ).toString( 'utf8' );
}

async function readInput( file: string | undefined ): Promise< string > {
	if ( file === undefined || file === '-' ) {
		return readStdin();
	}
	try {
		return await readFile( file, 'utf8' );
	} catch ( error ) {
		const code = ( error as NodeJS.ErrnoException ).code;
		if ( code === 'ENOENT' ) {
			throw new RlgError(
				'ERR_FILE_NOT_FOUND',
				`cannot read "${ file }": no such file`
			);
		}
		if ( code === 'EISDIR' ) {
			throw new RlgError(
				'ERR_FILE_UNREADABLE',
				`cannot read "${ file }": it is a directory`
			);
		}
		throw new RlgError(
			'ERR_FILE_UNREADABLE',
			`cannot read "${ file }": ${ ( error as Error ).message }`,
			{ cause: error }
		);
	}
}

/** The page's own URL, needed to resolve relative links. */
export function parseBase( base: string ): string {
	const normalised = normalizeUrl( base );
	if ( normalised === null ) {
		throw new RlgError(
			'ERR_INVALID_BASE',
			`--base must be an absolute http(s) URL such as https://example.com/page, got "${ base }"`
		);
	}
	return normalised;
}

/**
 * Whether a text can be an HTML page: no binary bytes (an image, a PDF,
 * a zip) and at least one tag. Anything else would silently yield "no
 * links", which reads like an answer about a page.
 */
export function looksLikeHtml( text: string ): boolean {
	const head = text.slice( 0, 4096 );
	// NUL and the C0 controls other than tab, newline, form feed, return:
	// text pages never hold them.
	if ( /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test( head ) ) {
		return false;
	}
	// A few replacement characters are a real page's mis-encoded bytes (a
	// Korean news page had one in its head); binary data decoded as UTF-8
	// is full of them.
	const replaced = head.match( /\ufffd/g )?.length ?? 0;
	if ( replaced > head.length * 0.02 ) {
		return false;
	}
	return /<(?:[a-z!]|\/[a-z])/i.test( text );
}

/**
 * @throws RlgError ERR_NOT_HTML naming the input.
 */
export function assertHtml( text: string, file: string | undefined ): void {
	if ( ! looksLikeHtml( text ) ) {
		const name =
			file === undefined || file === '-' ? 'stdin' : `"${ file }"`;
		throw new RlgError(
			'ERR_NOT_HTML',
			`${ name } is not an HTML page (${
				text.trim() === '' ? 'it is empty' : 'binary data or no tags'
			}); rlg links reads a saved page, e.g. curl -s URL > page.html`
		);
	}
}

export function linkRows( html: string, base: string ): LinkRow[] {
	return analyzeHtml( html, base ).links.map( ( link ) => ( {
		href: link.href,
		text: link.text,
		placement: link.placement,
		hidden: link.hidden,
		rel: link.rel,
	} ) );
}

function clip( text: string, max: number ): string {
	return text.length <= max ? text : `${ text.slice( 0, max - 1 ) }…`;
}

/** Aligned columns for reading in a terminal; the URL comes last, unpadded. */
export function formatLinksTable( rows: LinkRow[] ): string {
	if ( rows.length === 0 ) {
		return 'No http(s) links found.';
	}
	const table = [
		[ 'PLACEMENT', 'HIDDEN', 'REL', 'TEXT', 'HREF' ],
		...rows.map( ( row ) => [
			row.placement,
			row.hidden ?? '-',
			row.rel.join( ' ' ) || '-',
			clip( row.text || '(empty)', 40 ),
			row.href,
		] ),
	];
	const widths = table[ 0 ].map( ( _heading, column ) =>
		Math.max( ...table.map( ( cells ) => cells[ column ].length ) )
	);
	return table
		.map( ( cells ) =>
			cells
				.map( ( cell, column ) =>
					column === cells.length - 1
						? cell
						: cell.padEnd( widths[ column ] )
				)
				.join( '  ' )
		)
		.join( '\n' );
}

export function register( program: Command ): void {
	program
		.command( 'links' )
		.description(
			'list the links of a saved HTML page with their placement, hidden reason and rel'
		)
		.argument( '[file]', 'HTML file to read, or - for stdin', '-' )
		.requiredOption(
			'--base <url>',
			'the URL the page was saved from (resolves relative links)'
		)
		.option(
			'--json',
			'print {"links":[{href,text,placement,hidden,rel}]}'
		)
		.action( async ( file: string, options: LinksOptions ) => {
			const base = parseBase( options.base );
			const html = await readInput( file );
			assertHtml( html, file );
			const rows = linkRows( html, base );
			print(
				options.json
					? JSON.stringify( { links: rows } )
					: formatLinksTable( rows )
			);
		} );
}
