/**
 * Would a search engine discount links on this page? (Issue 9: a backlink
 * on such a page is present but worth less, and the rules say why.)
 */
import type { PageFacts } from '../../core/schemas';
import { normalizeUrl, urlKey } from '../../core/url';

export type NotIndexable = NonNullable< PageFacts[ 'notIndexable' ] >;

/** True when robots directives ("noindex, follow", "none") forbid indexing. */
export function hasNoindex( directives: string | null | undefined ): boolean {
	return ( directives ?? '' )
		.toLowerCase()
		.split( /[,\s]+/ )
		.some( ( token ) => token === 'noindex' || token === 'none' );
}

/**
 * X-Robots-Tag may scope directives to a crawler ("googlebot: noindex") or
 * apply to all; several headers arrive comma-joined. A directive for all
 * crawlers or for Googlebot counts.
 */
export function headerHasNoindex(
	xRobotsTag: string | null | undefined
): boolean {
	if ( ! xRobotsTag ) {
		return false;
	}
	let scope: string | null = null;
	for ( const part of xRobotsTag.split( ',' ) ) {
		const scoped = /^\s*([a-z0-9_-]+)\s*:\s*(.*)$/i.exec( part );
		let directive = part;
		if (
			scoped &&
			! /^(unavailable_after|max-[a-z-]+)$/i.test( scoped[ 1 ] )
		) {
			scope = scoped[ 1 ].toLowerCase();
			directive = scoped[ 2 ];
		}
		if (
			( scope === null || scope === 'googlebot' ) &&
			hasNoindex( directive )
		) {
			return true;
		}
	}
	return false;
}

export function notIndexableReason( input: {
	metaRobots: string | null;
	xRobotsTag: string | null;
	canonical: string | null;
	finalUrl: string;
	googlebotAllowed: boolean | null;
} ): NotIndexable | null {
	if ( hasNoindex( input.metaRobots ) ) {
		return 'noindex-meta';
	}
	if ( headerHasNoindex( input.xRobotsTag ) ) {
		return 'noindex-header';
	}
	if ( input.googlebotAllowed === false ) {
		return 'robots-disallowed';
	}
	if ( input.canonical ) {
		const canonical = normalizeUrl( input.canonical, input.finalUrl );
		if ( canonical && urlKey( canonical ) !== urlKey( input.finalUrl ) ) {
			return 'canonical-elsewhere';
		}
	}
	return null;
}
