/**
 * The evidence of a graph finding in plain English, for the outputs that
 * are not translated (the CLI, the HTML and CSV reports): the chain or
 * group of sites, how sure the verdict is, and the pages a person opens to
 * check it. The editor and wp-admin word the same params through __()
 * (src/editor/messages.ts).
 */
import type { Finding } from '../findings';
import { STALE_HOP_MONTHS } from './hop-age';

function list( finding: Finding, name: string ): string[] {
	const value = finding.params[ name ];
	return Array.isArray( value ) ? value : [];
}

function group( members: string[], count: unknown ): string {
	const more = typeof count === 'number' ? count - members.length : 0;
	return more > 0
		? `${ members.join( ', ' ) } and ${ more } more`
		: members.join( ', ' );
}

/**
 * When an export last saw each imported hop of a ring, and which of them
 * long ago: "last seen: c.test → us 2025-01-03 (over 12 months ago)".
 */
function lastSeenText( finding: Finding ): string | null {
	const sites = list( finding, 'sites' );
	const stale = new Set( list( finding, 'staleHops' ) );
	const dated = list( finding, 'lastSeen' ).flatMap( ( date, index ) => {
		if ( ! date ) {
			return [];
		}
		const hop = `${ sites[ index ] } → ${ sites[ index + 1 ] }`;
		return [
			stale.has( hop )
				? `${ hop } ${ date } (over ${ STALE_HOP_MONTHS } months ago: the link may be gone)`
				: `${ hop } ${ date }`,
		];
	} );
	return dated.length > 0 ? `last seen: ${ dated.join( ', ' ) }` : null;
}

/** One line of evidence for a graph or link finding, or null for other codes. */
export function findingEvidence( finding: Finding ): string | null {
	const { params } = finding;
	const confidence =
		typeof params.confidence === 'string'
			? `confidence ${ params.confidence }`
			: null;
	const pages = list( finding, 'pages' ).filter( Boolean );
	const seen = pages.length > 0 ? `seen on ${ pages.join( ', ' ) }` : null;
	const parts = ( ...items: Array< string | null > ) =>
		items.filter( ( item ): item is string => item !== null ).join( '; ' );
	switch ( finding.code ) {
		case 'link-ring':
			return parts(
				list( finding, 'sites' ).join( ' → ' ),
				confidence,
				seen,
				lastSeenText( finding )
			);
		case 'partner-network':
			return parts(
				`group: ${ group(
					list( finding, 'members' ),
					params.memberCount
				) }`,
				`links: ${ list( finding, 'links' ).join( ', ' ) }`,
				confidence,
				seen
			);
		case 'shared-footprint':
			return parts(
				`partners ${ group(
					list( finding, 'members' ),
					params.memberCount
				) } all link to ${ group(
					list( finding, 'shared' ),
					params.sharedCount
				) }`,
				confidence,
				seen
			);
		case 'link-context':
			return parts(
				params.side === 'both'
					? 'both links stand alone'
					: `${ params.side === 'ours' ? 'our' : 'their' } link stands alone`,
				typeof params.pageUrl === 'string'
					? `their page ${ params.pageUrl }`
					: null
			);
		case 'weak-destination':
			return parts(
				params.ours
					? `ours points at their ${ destinationName( params.ours ) }`
					: null,
				params.theirs
					? `theirs (${ String(
							params.theirLinkUrl
						) }) points at our ${ destinationName( params.theirs ) }`
					: null
			);
		default:
			return null;
	}
}

/** "homepage" / "pricing page": what a weak destination is, in the evidence line. */
function destinationName( kind: unknown ): string {
	return kind === 'homepage' ? 'homepage' : `${ String( kind ) } page`;
}
