/**
 * Findings are facts with a code and parameters, never sentences: the UI
 * (editor, report, CLI) turns a code into a translated explanation.
 */
import { z } from 'zod';

export const SEVERITIES = [ 'info', 'warning', 'critical' ] as const;
export const SeveritySchema = z.enum( SEVERITIES );
export type Severity = z.infer< typeof SeveritySchema >;

export const FINDING_CODES = [
	/** The target links back to us (info; params say where, anchor, rel). */
	'reciprocal-link',
	/** Our anchor text is an exact-match keyword. */
	'exact-match-anchor-ours',
	/** Their anchor to us is an exact-match keyword. */
	'exact-match-anchor-theirs',
	/** Both sides use exact-match anchors. */
	'exact-match-anchor-both',
	/** The same anchor text is used in both directions. */
	'identical-anchors',
	/** Our anchor says nothing about the target ("click here"). */
	'generic-anchor',
	/** Our link sits in a trailing link list or a partners/links section of the post. */
	'footer-placement-ours',
	/** Their link to us sits in a footer, sidebar, navigation, blogroll or other template part. */
	'boilerplate-backlink',
	/** Their link to us sits in an author box or bio (the guest-post pattern). */
	'author-bio-backlink',
	/** Their link to us sits in the comments on their page. */
	'comment-backlink',
	/** Our homepage and theirs link to each other. */
	'homepage-swap',
	/** More reciprocal partners site-wide than the configured limit or share. */
	'too-many-partners',
	/** Many new reciprocal partners within the velocity window. */
	'exchange-velocity',
	/** Too many distinct outbound domains in one block. */
	'many-outbound-domains-block',
	/** Too many distinct outbound domains in one post. */
	'many-outbound-domains-post',
	/** The partner's page has little topical overlap with our post. */
	'off-topic-partner',
	/** Our link is hidden from readers. */
	'hidden-link-ours',
	/** Their link to us is hidden from readers. */
	'hidden-link-theirs',
	/** Reciprocal, followed on both sides, no sponsored/nofollow anywhere. */
	'followed-both-ways',
	/** Their link to us is on a page search engines discount (noindex, canonical elsewhere). */
	'backlink-not-indexable',
	/** The partner shows different links to us to bots and to browsers. */
	'cloaked-backlink',
	/** We link to B, B links to C (→ D), which links to us: an exchange around a pair (issue 19). */
	'link-ring',
	/** The partner belongs to a group of our partners linking to each other and to us. */
	'partner-network',
	/** The partner and others link to the same unrelated sites: an exchange group's trace. */
	'shared-footprint',
	/** Our link or theirs in an exchange is a one-liner without running text around it. */
	'link-context',
	/** An exchange's links point at homepages or pricing pages rather than articles. */
	'weak-destination',
] as const;
export const FindingCodeSchema = z.enum( FINDING_CODES );

/**
 * Codes no rule ever reports as critical: ticking them under "Findings that
 * block" would do nothing (only critical findings block), so the settings
 * page shows them disabled and says why. tests/core/never-critical.test.ts
 * reads each rule's severity to keep this list true.
 */
export const NEVER_CRITICAL_CODES: readonly FindingCode[] = [
	'reciprocal-link',
	'exact-match-anchor-ours',
	'generic-anchor',
	'followed-both-ways',
	'hidden-link-theirs',
	'backlink-not-indexable',
	'cloaked-backlink',
	'link-ring',
	'partner-network',
	'shared-footprint',
	'link-context',
	'weak-destination',
];
export type FindingCode = z.infer< typeof FindingCodeSchema >;

const ParamValue = z.union( [
	z.string(),
	z.number(),
	z.boolean(),
	z.null(),
	z.array( z.string() ),
] );

export const FindingSchema = z.object( {
	code: FindingCodeSchema,
	severity: SeveritySchema,
	/** The link of ours the finding is about; absent for site-wide findings. */
	linkUrl: z.string().optional(),
	params: z.record( z.string(), ParamValue ),
} );
export type Finding = z.infer< typeof FindingSchema >;
