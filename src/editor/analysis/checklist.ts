/**
 * The pre-publish checklist: one line per rule with the worst severity the
 * rule found in this post, or "pass", or "not checked" when the rule needs
 * the partner's page and reciprocity could not be checked.
 */
import { FINDING_CODES, type Finding, type FindingCode } from '../../core';
import type { CheckState } from '../types';
import { SITE_RULE_CODES } from './blocking';

/** Rules that can only fire after the partner's page was fetched. */
export const REMOTE_RULE_CODES: readonly FindingCode[] = [
	'exact-match-anchor-theirs',
	'exact-match-anchor-both',
	'identical-anchors',
	'boilerplate-backlink',
	'author-bio-backlink',
	'comment-backlink',
	'homepage-swap',
	'off-topic-partner',
	'hidden-link-theirs',
	'followed-both-ways',
	'backlink-not-indexable',
	'cloaked-backlink',
	'link-ring',
	'partner-network',
	'shared-footprint',
	'link-context',
	'weak-destination',
];

/**
 * Codes no rule produces from a post check yet (cloaking needs a second,
 * browser-like fetch of the partner page), or only once the service has
 * read enough of the partners' pages to see the graph (rings, networks,
 * footprints): a line only when one is found, never a "pass" nobody
 * checked.
 */
export const LINE_ONLY_WHEN_FOUND: readonly FindingCode[] = [
	'cloaked-backlink',
	'link-ring',
	'partner-network',
	'shared-footprint',
];

/** The codes that get a checklist line for a post. */
export const POST_RULE_CODES: readonly FindingCode[] = FINDING_CODES.filter(
	( code ) => code !== 'reciprocal-link' && ! SITE_RULE_CODES.includes( code )
);

/**
 * The rules report an anchor that is exact-match on both sides once, as
 * `-both`, not also as `-ours` and `-theirs`: a "pass" line for those two
 * beside a critical "both ways" would contradict it, so they are left out
 * when they found nothing of their own.
 */
const COVERED_BY: Partial< Record< FindingCode, FindingCode > > = {
	'exact-match-anchor-ours': 'exact-match-anchor-both',
	'exact-match-anchor-theirs': 'exact-match-anchor-both',
};

export interface ChecklistLine {
	code: FindingCode;
	state: CheckState;
	findings: Finding[];
}

const RANK: Record< CheckState, number > = {
	critical: 0,
	warning: 1,
	info: 2,
	'not-checked': 3,
	pass: 4,
};

function worst( findings: readonly Finding[] ): CheckState {
	return findings.reduce< CheckState >(
		( state, f ) =>
			RANK[ f.severity ] < RANK[ state ] ? f.severity : state,
		'pass'
	);
}

/**
 * @param reciprocityChecked Every external target has a finished check;
 *                           false while checks are missing or failed.
 */
export function buildChecklist(
	findings: readonly Finding[],
	codes: readonly FindingCode[],
	reciprocityChecked: boolean
): ChecklistLine[] {
	return codes
		.filter( ( code ) => {
			const found = findings.some( ( f ) => f.code === code );
			const cover = COVERED_BY[ code ];
			if (
				! found &&
				cover &&
				findings.some( ( f ) => f.code === cover )
			) {
				return false;
			}
			return found || ! LINE_ONLY_WHEN_FOUND.includes( code );
		} )
		.map( ( code ) => {
			const mine = findings.filter( ( f ) => f.code === code );
			let state = worst( mine );
			if (
				state === 'pass' &&
				! reciprocityChecked &&
				REMOTE_RULE_CODES.includes( code )
			) {
				state = 'not-checked';
			}
			return { code, state, findings: mine };
		} )
		.sort( ( a, b ) => RANK[ a.state ] - RANK[ b.state ] );
}
