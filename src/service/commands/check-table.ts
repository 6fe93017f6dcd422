/**
 * The human output of `rlg check`: one aligned row per target with where
 * their link to us sits, its anchor and rel, and the finding codes.
 */
import type { BacklinkResult } from '../../core/schemas';
import type { Finding } from '../../core/findings';
import { theirVerdict } from '../../core/their-links';
import { wheresText } from '../verdict-text';

export interface CheckRow {
	target: string;
	status: string;
	where: string;
	anchor: string;
	rel: string;
	/** Their links to us in all (the JSON keeps at most 50 of them). */
	links: string;
	warnings: string;
}

const HEADINGS: CheckRow = {
	target: 'TARGET',
	status: 'STATUS',
	where: 'WHERE',
	anchor: 'ANCHOR',
	rel: 'REL',
	links: 'LINKS',
	warnings: 'WARNINGS',
};

function clip( text: string, max: number ): string {
	return text.length <= max ? text : `${ text.slice( 0, max - 1 ) }…`;
}

function statusText( result: BacklinkResult ): string {
	const status =
		result.status === 'http-error' && result.httpStatus !== null
			? `http-error ${ result.httpStatus }`
			: result.status;
	return result.fromCache ? `${ status } (stored)` : status;
}

/**
 * The table row of one result, from the core's verdict: where ALL their
 * links sit (the same `where` the findings name: a content link under a
 * partners heading is `partner-section`), the most telling link's anchor
 * and rel, and how many links there are.
 */
export function rowOf( result: BacklinkResult, findings: Finding[] ): CheckRow {
	const verdict = theirVerdict( result );
	const first = verdict.primary;
	const codes = [
		...new Set(
			findings
				.filter( ( finding ) => finding.severity !== 'info' )
				.map( ( finding ) =>
					typeof finding.params.confidence === 'string'
						? `${ finding.code } (confidence ${ finding.params.confidence })`
						: finding.code
				)
		),
	];
	return {
		target: result.target,
		status: statusText( result ),
		where: wheresText( verdict ) || '-',
		anchor: first ? clip( first.text || '(empty)', 40 ) : '-',
		rel: first ? first.rel.join( ' ' ) || 'follow' : '-',
		links: verdict.total > 0 ? verdict.total.toLocaleString( 'en' ) : '-',
		warnings: codes.join( ', ' ) || '-',
	};
}

/** Rows padded into columns; the last column is not padded. */
export function formatTable( rows: CheckRow[] ): string {
	const all = [ HEADINGS, ...rows ];
	const columns = Object.keys( HEADINGS ) as Array< keyof CheckRow >;
	const widths = columns.map( ( column ) =>
		Math.max( ...all.map( ( row ) => row[ column ].length ) )
	);
	return all
		.map( ( row ) =>
			columns
				.map( ( column, index ) =>
					index === columns.length - 1
						? row[ column ]
						: row[ column ].padEnd( widths[ index ] )
				)
				.join( '  ' )
		)
		.join( '\n' );
}

/** A result that says nothing about their link to us: the check did not get through. */
export function uncheckable( result: BacklinkResult ): boolean {
	return result.status !== 'links-back' && result.status !== 'no-link';
}

/**
 * Why each target could not be checked, one line each, for below the
 * table (the table's STATUS column only has room for the status).
 */
export function reasonLines( results: BacklinkResult[] ): string[] {
	return results.filter( uncheckable ).map(
		( result ) =>
			`  ${ result.target }: ${ statusText( result ) }${
				// "HTTP 404" only repeats the status column.
				result.detail && result.detail !== `HTTP ${ result.httpStatus }`
					? ` (${ result.detail })`
					: ''
			}${
				result.status === 'refused-unsafe-address'
					? '; a test site on this machine needs --resolve host:port:127.0.0.1'
					: ''
			}`
	);
}
