/**
 * The core's verdict about their links (src/core/their-links.ts) in the
 * plain English of the CLI, the CSV and the HTML report. The editor and
 * wp-admin word the same verdict in translated sentences
 * (src/editor/messages.ts); neither computes anything of its own.
 */
import type { TheirVerdict, WhereCount } from '../core/their-links';

/** "content", "footer@home", "content (hidden)", "content ×55,999 (1 hidden)". */
export function whereText( entry: WhereCount ): string {
	const times =
		entry.count > 1 ? ` ×${ entry.count.toLocaleString( 'en' ) }` : '';
	const home =
		entry.onHomepage > 0 && entry.onHomepage === entry.count ? '@home' : '';
	let hidden = '';
	if ( entry.hidden > 0 ) {
		hidden =
			entry.hidden === entry.count
				? ' (hidden)'
				: ` (${ entry.hidden.toLocaleString( 'en' ) } hidden)`;
	}
	return `${ entry.where }${ home }${ times }${ hidden }`;
}

/** Where all their links sit, most first: "content ×55,999 (1 hidden), footer". */
export function wheresText(
	verdict: Pick< TheirVerdict, 'placements' >
): string {
	return verdict.placements.map( whereText ).join( ', ' );
}

/** "showing 50 of 56,002 links to us", or null when all are shown. */
export function shownText(
	verdict: Pick< TheirVerdict, 'total' >,
	shown: number
): string | null {
	return shown < verdict.total
		? `showing ${ shown.toLocaleString(
				'en'
			) } of ${ verdict.total.toLocaleString( 'en' ) } links to us`
		: null;
}
