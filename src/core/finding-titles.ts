/**
 * Each finding code's short English title (and each check status's label), for the outputs that are not
 * translated (the CLI, the HTML and CSV reports). The editor and wp-admin
 * show the same titles through __() in src/editor/messages.ts;
 * tests/core/finding-titles.test.ts keeps the two lists equal.
 */
import type { FindingCode } from './findings';
import type { BacklinkStatus } from './schemas';

export const FINDING_TITLES: Readonly< Record< FindingCode, string > > = {
	'reciprocal-link': 'Links back to us',
	'exact-match-anchor-ours': 'Exact-match anchor (ours)',
	'exact-match-anchor-theirs': 'Exact-match anchor (theirs)',
	'exact-match-anchor-both': 'Exact-match anchors both ways',
	'identical-anchors': 'Identical anchors',
	'generic-anchor': 'Generic anchor',
	'footer-placement-ours': 'Link in a link list',
	'boilerplate-backlink': 'Their link is boilerplate',
	'homepage-swap': 'Homepage swap',
	'too-many-partners': 'Too many link partners',
	'exchange-velocity': 'Exchanges too fast',
	'many-outbound-domains-block': 'Many domains in one block',
	'many-outbound-domains-post': 'Many domains in this post',
	'off-topic-partner': 'Off-topic partner',
	'hidden-link-ours': 'Hidden link (ours)',
	'hidden-link-theirs': 'Hidden link (theirs)',
	'followed-both-ways': 'Followed both ways',
	'backlink-not-indexable': 'Their page is not indexed',
	'cloaked-backlink': 'Cloaked link',
	'author-bio-backlink': 'Their link is in an author bio',
	'comment-backlink': 'Their link is a comment link',
	'link-ring': 'Link ring',
	'partner-network': 'Partner network',
	'shared-footprint': 'Shared footprint',
	'link-context': 'Link without context',
	'weak-destination': 'Links to homepage or pricing page',
};

/** The title of a code, or the code itself for one this build does not know. */
export function findingTitle( code: string ): string {
	return ( FINDING_TITLES as Record< string, string > )[ code ] ?? code;
}

/** What a check's status means, as the editor words it (backlinkStatusLabel). */
export const BACKLINK_STATUS_LABELS: Readonly<
	Record< BacklinkStatus, string >
> = {
	'links-back': 'links back',
	'no-link': 'no link to us',
	'blocked-by-robots': 'robots.txt forbids the check',
	'blocked-by-bot-protection': 'blocked by bot protection',
	'rate-limited': 'rate limited, try later',
	'refused-unsafe-address': 'refused: the address is private or local',
	timeout: 'the site did not answer in time',
	'host-busy': 'not checked: the site was busy, try later',
	'http-error': 'the site answered with an error',
	'not-html': 'the page is not HTML',
	'too-large': 'the page is too large',
	unreachable: 'the site is unreachable',
	'invalid-url': 'the URL is not valid',
};
