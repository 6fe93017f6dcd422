/**
 * Which one-click actions a finding offers. Only fixes that cannot hurt are
 * automatic (adding nofollow/sponsored); anything that needs the author's
 * words (an anchor, a placement) jumps to the block instead.
 */
import type { Finding, FindingCode } from '../../core';
import type { EditorLink } from '../types';
import { REMOTE_RULE_CODES } from './checklist';

export type FixAction =
	'nofollow' | 'sponsored' | 'rewrite-anchor' | 'show' | 'edit-pattern';

/**
 * Risks that a rel on our link neutralises (no ranking credit passes): all
 * those that exist because the partner links back, which are exactly the
 * rules that need the partner's page.
 */
const REL_FIXABLE = REMOTE_RULE_CODES;

const ANCHOR_CODES: readonly FindingCode[] = [
	'exact-match-anchor-ours',
	'exact-match-anchor-both',
	'identical-anchors',
	'generic-anchor',
];

const SHOW_CODES: readonly FindingCode[] = [
	'footer-placement-ours',
	'hidden-link-ours',
	'many-outbound-domains-block',
];

/** The actions for `finding` on `link`, given the rel it already has. */
export function fixesFor( finding: Finding, link: EditorLink ): FixAction[] {
	const actions: FixAction[] = [];
	const rel = link.link.rel;
	const unpaid =
		! rel.includes( 'nofollow' ) && ! rel.includes( 'sponsored' );
	if ( REL_FIXABLE.includes( finding.code ) && unpaid ) {
		actions.push( 'nofollow', 'sponsored' );
	}
	if ( link.clientId && ANCHOR_CODES.includes( finding.code ) ) {
		actions.push( 'rewrite-anchor' );
	} else if ( link.clientId && SHOW_CODES.includes( finding.code ) ) {
		actions.push( 'show' );
	}
	// A synced pattern's link can only be changed in the pattern (a rel
	// added here would not stick, the anchor is not editable in place):
	// every fix becomes "edit the pattern".
	if ( link.syncedPattern && actions.length > 0 ) {
		return [ 'edit-pattern' ];
	}
	return actions;
}

const ACTION_ORDER: readonly FixAction[] = [
	'nofollow',
	'sponsored',
	'rewrite-anchor',
	'show',
	'edit-pattern',
];

/** Where a synced pattern is edited (wp-admin, as core's "Edit original"). */
export function patternEditUrl( ref: number ): string {
	return `post.php?post=${ encodeURIComponent( String( ref ) ) }&action=edit`;
}

/**
 * The actions for a link across all its findings, each once: one action
 * bar per link instead of the same buttons under every finding.
 */
export function fixesForLink(
	findings: readonly Finding[],
	link: EditorLink
): FixAction[] {
	const all = new Set( findings.flatMap( ( f ) => fixesFor( f, link ) ) );
	if ( all.has( 'rewrite-anchor' ) ) {
		// Rewriting the anchor already jumps to the block.
		all.delete( 'show' );
	}
	return ACTION_ORDER.filter( ( action ) => all.has( action ) );
}
