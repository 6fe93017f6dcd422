/**
 * Every finding code, status and placement as a translated sentence.
 * Findings are facts with parameters; this is the only place the editor
 * turns them into words. Strings are literal first arguments of __() so
 * the .pot can be generated from the built bundle.
 */
import { __, _n, sprintf } from '@wordpress/i18n';
import type {
	BacklinkStatus,
	Finding,
	FindingCode,
	Placement,
	Severity,
} from '../core';
import type { TheirVerdict, TheirWhere } from '../core/their-links';
import { STALE_HOP_MONTHS } from '../core/graph/hop-age';
import type { FixAction } from './analysis/fixes';
import type { CheckState, SyncedPatternRef } from './types';

export interface FindingMessage {
	/** Short name of the problem, e.g. for the checklist line. */
	title: string;
	/** One line: why search engines may treat this as a link scheme. */
	risk: string;
	/** One line: what the editor can do about it. */
	fix: string;
}

function param( finding: Finding, name: string ): string | null {
	const value = finding.params[ name ];
	if ( typeof value === 'string' && value !== '' ) {
		return value;
	}
	if ( typeof value === 'number' ) {
		return String( value );
	}
	return null;
}

/** "… (“anchor”)" when the finding names the anchor text. */
function withAnchor(
	sentence: string,
	anchor: string | null,
	keyword: string | null = null
): string {
	if ( anchor && keyword && keyword.toLowerCase() !== anchor.toLowerCase() ) {
		return sprintf(
			/* translators: 1: a sentence, 2: the anchor text of a link, 3: the keyword it matches. */
			__(
				'%1$s Anchor: “%2$s” (keyword “%3$s”).',
				'reciprocal-link-guard'
			),
			sentence,
			anchor,
			keyword
		);
	}
	return anchor
		? sprintf(
				/* translators: 1: a sentence, 2: the anchor text of a link. */
				__( '%1$s Anchor: “%2$s”.', 'reciprocal-link-guard' ),
				sentence,
				anchor
			)
		: sentence;
}

/** A topic field (core/lexicon/topics.ts) in words. */
export function topicFieldLabel( field: string ): string {
	switch ( field ) {
		case 'garden':
			return __( 'gardening', 'reciprocal-link-guard' );
		case 'cooking':
			return __( 'cooking', 'reciprocal-link-guard' );
		case 'running':
			return __( 'running', 'reciprocal-link-guard' );
		case 'cycling':
			return __( 'cycling', 'reciprocal-link-guard' );
		case 'pets':
			return __( 'pets', 'reciprocal-link-guard' );
		case 'travel':
			return __( 'travel', 'reciprocal-link-guard' );
		case 'home':
			return __( 'home improvement', 'reciprocal-link-guard' );
		case 'health':
			return __( 'health', 'reciprocal-link-guard' );
		case 'cars':
			return __( 'cars', 'reciprocal-link-guard' );
		case 'finance':
			return __(
				'loans, insurance or investing',
				'reciprocal-link-guard'
			);
		case 'gambling':
			return __( 'gambling', 'reciprocal-link-guard' );
		case 'adult':
			return __( 'adult content', 'reciprocal-link-guard' );
		case 'links':
			return __( 'link trading', 'reciprocal-link-guard' );
		default:
			return field;
	}
}

/** How sure a verdict is ("high"), in words. */
export function confidenceLabel( confidence: string ): string {
	switch ( confidence ) {
		case 'high':
			return __( 'high', 'reciprocal-link-guard' );
		case 'medium':
			return __( 'medium', 'reciprocal-link-guard' );
		default:
			return __( 'low', 'reciprocal-link-guard' );
	}
}

/**
 * The off-topic risk with how sure the verdict is and on what it rests
 * (the finding's confidence, reason and fields), so no surface shows the
 * accusation without its certainty.
 */
function withConfidence( risk: string, finding: Finding ): string {
	const confidence = param( finding, 'confidence' );
	if ( ! confidence ) {
		return risk;
	}
	const ours = param( finding, 'ourField' );
	const theirs = param( finding, 'theirField' );
	let basis = '';
	if ( param( finding, 'reason' ) === 'link-list' ) {
		basis = __(
			'Their page is a list of links, not an article.',
			'reciprocal-link-guard'
		);
	} else if ( ours && theirs ) {
		basis = sprintf(
			/* translators: 1: a field of interest of this post ("gardening"), 2: that of the partner's page ("gambling"). */
			__(
				'This post is about %1$s, their page about %2$s.',
				'reciprocal-link-guard'
			),
			topicFieldLabel( ours ),
			topicFieldLabel( theirs )
		);
	} else if ( theirs ) {
		basis = sprintf(
			/* translators: %s: the field of interest of the partner's page ("gambling"). */
			__( 'Their page is about %s.', 'reciprocal-link-guard' ),
			topicFieldLabel( theirs )
		);
	}
	const sentence = sprintf(
		/* translators: 1: a sentence, 2: how sure the verdict is (high, medium, low), 3: what it rests on (may be empty). */
		__( '%1$s Confidence: %2$s. %3$s', 'reciprocal-link-guard' ),
		risk,
		confidenceLabel( confidence ),
		basis
	).trim();
	return finding.params.againstSite === true
		? sprintf(
				/* translators: %s: a sentence. */
				__(
					'%s Judged against your site’s other posts too.',
					'reciprocal-link-guard'
				),
				sentence
			)
		: sentence;
}

/**
 * A share (0…1) as a whole percentage, "88%".
 *
 * @param share The fraction.
 * @return The percentage text.
 */
export function formatShare( share: number ): string {
	return `${ Math.round( share * 100 ) }%`;
}

/**
 * Why `too-many-partners` fired: the count over its limit, or the share of
 * linked sites that link back over its limit. "7 partners; the limit is 10"
 * would read as a contradiction when it is the share that is too high.
 */
function tooManyPartnersRisk(
	finding: Finding,
	count: string | null,
	limit: string | null
): string {
	const network = __(
		'Many exchanges form a network search engines can detect.',
		'reciprocal-link-guard'
	);
	const { share, maxShare, outboundDomains, overShare, overCount } =
		finding.params;
	const shareKnown =
		overShare === true &&
		typeof share === 'number' &&
		typeof maxShare === 'number' &&
		typeof outboundDomains === 'number';
	const parts: string[] = [];
	if ( count && limit && overCount !== false ) {
		parts.push(
			sprintf(
				/* translators: 1: number of partners, 2: the configured limit. */
				__(
					'The site has %1$s reciprocal partners; the limit is %2$s.',
					'reciprocal-link-guard'
				),
				count,
				limit
			)
		);
	}
	if ( shareKnown && count ) {
		parts.push(
			sprintf(
				/* translators: 1: partners that link back, 2: sites our posts link to, 3: their share as a percentage, 4: the configured limit as a percentage. */
				__(
					'%1$s of the %2$s sites our posts link to link back (%3$s); the limit is %4$s.',
					'reciprocal-link-guard'
				),
				count,
				String( outboundDomains ),
				formatShare( share as number ),
				formatShare( maxShare as number )
			)
		);
	}
	if ( parts.length === 0 ) {
		parts.push(
			__(
				'The site has more reciprocal partners than the configured limit.',
				'reciprocal-link-guard'
			)
		);
	}
	return `${ parts.join( ' ' ) } ${ network }`;
}

/** A parameter that is a list of strings (empty when absent). */
function listParam( finding: Finding, name: string ): string[] {
	const value = finding.params[ name ];
	return Array.isArray( value ) ? value : [];
}

/**
 * The evidence of a graph finding as a person can check it: the chain or
 * group of sites, the pages it was seen on, and how sure the verdict is.
 */
function withGraphEvidence(
	risk: string,
	finding: Finding,
	chain: string
): string {
	const pages = listParam( finding, 'pages' ).filter( Boolean );
	const sentence = sprintf(
		/* translators: 1: a sentence, 2: sites and the links between them ("a.test → b.test → us"), 3: how sure the verdict is (high, medium, low). */
		__( '%1$s Evidence: %2$s. Confidence: %3$s.', 'reciprocal-link-guard' ),
		risk,
		chain,
		confidenceLabel( param( finding, 'confidence' ) ?? 'low' )
	);
	return pages.length > 0
		? sprintf(
				/* translators: 1: a sentence, 2: a list of web page addresses. */
				__( '%1$s Seen on: %2$s', 'reciprocal-link-guard' ),
				sentence,
				pages.join( ', ' )
			)
		: sentence;
}

/**
 * When an export last saw the imported hops of a ring, and which of them
 * long ago (the hop's `stale`, decided by core/graph/hop-age.ts).
 */
function withHopAges( risk: string, finding: Finding ): string {
	const sites = listParam( finding, 'sites' );
	const stale = new Set( listParam( finding, 'staleHops' ) );
	const dated: string[] = [];
	const old: string[] = [];
	listParam( finding, 'lastSeen' ).forEach( ( date, index ) => {
		if ( date ) {
			const hop = `${ sites[ index ] } → ${ sites[ index + 1 ] }`;
			dated.push( `${ hop } ${ date }` );
			if ( stale.has( hop ) ) {
				old.push( hop );
			}
		}
	} );
	let text = risk;
	if ( dated.length > 0 ) {
		text = sprintf(
			/* translators: 1: a sentence, 2: links with the date an export last saw each ("c.test → us 2026-11-28"). */
			__(
				'%1$s Imported link last seen: %2$s.',
				'reciprocal-link-guard'
			),
			text,
			dated.join( ', ' )
		);
	}
	if ( old.length > 0 ) {
		text = sprintf(
			/* translators: 1: a sentence, 2: a number of months, 3: links ("c.test → us"). */
			__(
				'%1$s Not seen for more than %2$d months, so the link may be gone and the ring counts less: %3$s.',
				'reciprocal-link-guard'
			),
			text,
			STALE_HOP_MONTHS,
			old.join( ', ' )
		);
	}
	return text;
}

/** "a.test, b.test and 3 more" for a group of `count` sites. */
function groupText( members: string[], count: number ): string {
	const more = count - members.length;
	return more > 0
		? sprintf(
				/* translators: 1: a list of sites, 2: how many more there are. */
				_n(
					'%1$s and %2$d more',
					'%1$s and %2$d more',
					more,
					'reciprocal-link-guard'
				),
				members.join( ', ' ),
				more
			)
		: members.join( ', ' );
}

/** What a weak destination is ("homepage", "pricing page"), in words. */
function destinationLabel( kind: string | null ): string {
	return kind === 'pricing'
		? __( 'a pricing page', 'reciprocal-link-guard' )
		: __( 'a homepage', 'reciprocal-link-guard' );
}

/** The title, risk and fix for `finding`. */
export function findingMessage( finding: Finding ): FindingMessage {
	const code: FindingCode = finding.code;
	const anchor = param( finding, 'anchor' ) ?? param( finding, 'anchorText' );
	const count = param( finding, 'count' ) ?? param( finding, 'actual' );
	const limit = param( finding, 'limit' ) ?? param( finding, 'max' );
	switch ( code ) {
		case 'reciprocal-link':
			return {
				title: __( 'Links back to us', 'reciprocal-link-guard' ),
				risk: __(
					'This site links to us and we link to it: one exchange is normal, a pattern of them is a link scheme.',
					'reciprocal-link-guard'
				),
				fix: __(
					'Nothing to fix on its own; keep the link because it helps readers.',
					'reciprocal-link-guard'
				),
			};
		case 'exact-match-anchor-ours':
			return {
				title: __(
					'Exact-match anchor (ours)',
					'reciprocal-link-guard'
				),
				risk: withAnchor(
					__(
						'Our anchor text is exactly a target keyword, which looks optimised rather than editorial.',
						'reciprocal-link-guard'
					),
					anchor,
					param( finding, 'keyword' )
				),
				fix: __(
					'Rewrite the anchor to describe the page you link to, or use the site’s name.',
					'reciprocal-link-guard'
				),
			};
		case 'exact-match-anchor-theirs':
			return {
				title: __(
					'Exact-match anchor (theirs)',
					'reciprocal-link-guard'
				),
				risk: withAnchor(
					__(
						'Their link to us uses one of our keywords as anchor, a typical sign of an arranged link.',
						'reciprocal-link-guard'
					),
					anchor,
					param( finding, 'keyword' )
				),
				fix: __(
					'Ask the partner to link with our brand name or the page title, or mark our link nofollow.',
					'reciprocal-link-guard'
				),
			};
		case 'exact-match-anchor-both':
			return {
				title: __(
					'Exact-match anchors both ways',
					'reciprocal-link-guard'
				),
				risk: __(
					'Both links use keyword anchors: together they look like a swap made for rankings.',
					'reciprocal-link-guard'
				),
				fix: __(
					'Rewrite our anchor to a natural description and add rel="nofollow" to our link.',
					'reciprocal-link-guard'
				),
			};
		case 'identical-anchors':
			return {
				title: __( 'Identical anchors', 'reciprocal-link-guard' ),
				risk: withAnchor(
					__(
						'The same anchor text is used in both directions, which reads as an agreed exchange.',
						'reciprocal-link-guard'
					),
					anchor
				),
				fix: __(
					'Rewrite our anchor in your own words.',
					'reciprocal-link-guard'
				),
			};
		case 'generic-anchor':
			return {
				title: __( 'Generic anchor', 'reciprocal-link-guard' ),
				risk: withAnchor(
					__(
						'The anchor says nothing about where the link goes, so readers and search engines learn nothing from it.',
						'reciprocal-link-guard'
					),
					anchor
				),
				fix: __(
					'Rewrite the anchor to say what the reader will find.',
					'reciprocal-link-guard'
				),
			};
		case 'footer-placement-ours':
			return {
				title: __( 'Link in a link list', 'reciprocal-link-guard' ),
				risk: __(
					'The link sits in a trailing list of links or a partners section, where exchanged links usually end up.',
					'reciprocal-link-guard'
				),
				fix: __(
					'Move the link into the text where it is relevant, or remove the list.',
					'reciprocal-link-guard'
				),
			};
		case 'boilerplate-backlink':
			return {
				title: __(
					'Their link is boilerplate',
					'reciprocal-link-guard'
				),
				risk: boilerplateRisk( finding ),
				fix: __(
					'Ask the partner for a link in the content of a relevant page instead, or mark our link nofollow.',
					'reciprocal-link-guard'
				),
			};
		case 'author-bio-backlink':
			return {
				title: __(
					'Their link is in an author bio',
					'reciprocal-link-guard'
				),
				risk: __(
					'Their link to us sits in an author box or bio, while we link to them: the guest-post pattern search engines treat as a link scheme, above all with a keyword anchor.',
					'reciprocal-link-guard'
				),
				fix: __(
					"Ask for the bio link to be nofollow with the author's name or our brand as anchor, or mark our link to them nofollow.",
					'reciprocal-link-guard'
				),
			};
		case 'comment-backlink':
			return {
				title: __(
					'Their link is a comment link',
					'reciprocal-link-guard'
				),
				risk: __(
					'Their link to us sits in the comments on their page, which anybody can post: in an exchange it looks like comment spam, above all when it is followed and uses a keyword anchor.',
					'reciprocal-link-guard'
				),
				fix: __(
					'Remove the comment link or have it marked ugc/nofollow; do not count it as a partner link.',
					'reciprocal-link-guard'
				),
			};
		case 'homepage-swap':
			return {
				title: __( 'Homepage swap', 'reciprocal-link-guard' ),
				risk: __(
					'Our homepage and theirs link to each other, the classic link exchange.',
					'reciprocal-link-guard'
				),
				fix: __(
					'Link to the specific page that helps the reader, or add rel="nofollow".',
					'reciprocal-link-guard'
				),
			};
		case 'too-many-partners':
			return {
				title: __( 'Too many link partners', 'reciprocal-link-guard' ),
				risk: tooManyPartnersRisk( finding, count, limit ),
				fix: __(
					'Add rel="nofollow" to links that exist only because of an exchange, or drop the weakest partners.',
					'reciprocal-link-guard'
				),
			};
		case 'exchange-velocity':
			return {
				title: __( 'Exchanges too fast', 'reciprocal-link-guard' ),
				risk: __(
					'Many new reciprocal partners appeared within a short time, an unnatural burst.',
					'reciprocal-link-guard'
				),
				fix: __(
					'Spread new partnerships over time and mark exchanged links nofollow.',
					'reciprocal-link-guard'
				),
			};
		case 'many-outbound-domains-block':
			return {
				title: __(
					'Many domains in one block',
					'reciprocal-link-guard'
				),
				risk:
					count && limit
						? sprintf(
								/* translators: 1: number of domains, 2: the configured limit. */
								__(
									'One block links to %1$s different sites (limit %2$s), which looks like a link farm.',
									'reciprocal-link-guard'
								),
								count,
								limit
							)
						: __(
								'One block links to more different sites than the configured limit, which looks like a link farm.',
								'reciprocal-link-guard'
							),
				fix: __(
					'Keep the links that help the reader and spread the others over the text.',
					'reciprocal-link-guard'
				),
			};
		case 'many-outbound-domains-post':
			return {
				title: __(
					'Many domains in this post',
					'reciprocal-link-guard'
				),
				risk:
					count && limit
						? sprintf(
								/* translators: 1: number of domains, 2: the configured limit. */
								__(
									'This post links to %1$s different sites (limit %2$s).',
									'reciprocal-link-guard'
								),
								count,
								limit
							)
						: __(
								'This post links to more different sites than the configured limit.',
								'reciprocal-link-guard'
							),
				fix: __(
					'Remove links that do not help the reader.',
					'reciprocal-link-guard'
				),
			};
		case 'off-topic-partner':
			return {
				title: __( 'Off-topic partner', 'reciprocal-link-guard' ),
				risk: withConfidence(
					__(
						'The partner’s page has little to do with this post; unrelated exchanges are what link schemes look like.',
						'reciprocal-link-guard'
					),
					finding
				),
				fix: __(
					'Link only where the page is useful to this post’s readers, otherwise add rel="nofollow" or remove it.',
					'reciprocal-link-guard'
				),
			};
		case 'hidden-link-ours':
			return {
				title: __( 'Hidden link (ours)', 'reciprocal-link-guard' ),
				risk: __(
					'Readers cannot see this link, and hidden links violate search engine guidelines.',
					'reciprocal-link-guard'
				),
				fix: __(
					'Make the link visible or remove it.',
					'reciprocal-link-guard'
				),
			};
		case 'hidden-link-theirs':
			return {
				title: __( 'Hidden link (theirs)', 'reciprocal-link-guard' ),
				risk: __(
					'The partner hides its link to us from readers, which can get both sites penalised.',
					'reciprocal-link-guard'
				),
				fix: __(
					'Ask the partner to remove the hidden link, and add rel="nofollow" to ours.',
					'reciprocal-link-guard'
				),
			};
		case 'followed-both-ways':
			return {
				title: __( 'Followed both ways', 'reciprocal-link-guard' ),
				risk: __(
					'Both links pass ranking credit and neither is marked: if the exchange was agreed, it is a link scheme.',
					'reciprocal-link-guard'
				),
				fix: __(
					'Add rel="nofollow", or rel="sponsored" if the link was paid for or part of a deal.',
					'reciprocal-link-guard'
				),
			};
		case 'backlink-not-indexable':
			return {
				title: __(
					'Their page is not indexed',
					'reciprocal-link-guard'
				),
				risk: __(
					'Their link to us is on a page search engines ignore (noindex or canonical elsewhere), so the exchange is one-sided.',
					'reciprocal-link-guard'
				),
				fix: __(
					'Ask for the link on an indexable page, or add rel="nofollow" to ours.',
					'reciprocal-link-guard'
				),
			};
		case 'cloaked-backlink':
			return {
				title: __( 'Cloaked link', 'reciprocal-link-guard' ),
				risk: __(
					'The partner shows different links to search engines than to visitors, a deceptive practice.',
					'reciprocal-link-guard'
				),
				fix: __(
					'Remove our link or add rel="nofollow", and raise it with the partner.',
					'reciprocal-link-guard'
				),
			};
		case 'link-ring':
			return {
				title: __( 'Link ring', 'reciprocal-link-guard' ),
				risk: withHopAges(
					withGraphEvidence(
						__(
							'The partner does not link back itself, but links on to a site that links to us: an exchange run around a third site, which a search engine can still see as a link scheme.',
							'reciprocal-link-guard'
						),
						finding,
						listParam( finding, 'sites' ).join( ' → ' )
					),
					finding
				),
				fix: __(
					'If the links were agreed, add rel="nofollow" or "sponsored" to ours; check the pages listed before you judge.',
					'reciprocal-link-guard'
				),
			};
		case 'partner-network':
			return {
				title: __( 'Partner network', 'reciprocal-link-guard' ),
				risk: withGraphEvidence(
					sprintf(
						/* translators: %s: a list of sites. */
						__(
							'The partner is one of a group of our partners that link to us and to each other (%s): a network of sites linking to each other is what search engines look for.',
							'reciprocal-link-guard'
						),
						groupText(
							listParam( finding, 'members' ),
							Number( param( finding, 'memberCount' ) ?? 0 )
						)
					),
					finding,
					listParam( finding, 'links' ).join( '; ' )
				),
				fix: __(
					'Keep links to the group where they help readers, with rel="nofollow" or "sponsored" if they were exchanged; do not add more.',
					'reciprocal-link-guard'
				),
			};
		case 'shared-footprint':
			return {
				title: __( 'Shared footprint', 'reciprocal-link-guard' ),
				risk: withGraphEvidence(
					sprintf(
						/* translators: %s: a list of sites. */
						__(
							'The partner and other partners of ours (%s) all link to the same unrelated sites: the footprint an exchange group or link directory leaves.',
							'reciprocal-link-guard'
						),
						groupText(
							listParam( finding, 'members' ),
							Number( param( finding, 'memberCount' ) ?? 0 )
						)
					),
					finding,
					groupText(
						listParam( finding, 'shared' ),
						Number( param( finding, 'sharedCount' ) ?? 0 )
					)
				),
				fix: __(
					'Find out whether the partner belongs to an exchange group; if so, add rel="nofollow" or "sponsored" to ours or remove it.',
					'reciprocal-link-guard'
				),
			};
		case 'link-context': {
			const side = param( finding, 'side' );
			let risk = withAnchor(
				__(
					'Their link to us stands alone, without running text around it: a one-liner is a weak link and looks placed for the exchange.',
					'reciprocal-link-guard'
				),
				anchor
			);
			if ( side === 'both' ) {
				risk = __(
					'Both links of the exchange stand alone, without running text around them: one-liners are weak links and look placed for the exchange.',
					'reciprocal-link-guard'
				);
			} else if ( side === 'ours' ) {
				risk = __(
					'Our link stands alone, without running text around it: a one-liner is a weak link and looks placed for the exchange.',
					'reciprocal-link-guard'
				);
			}
			return {
				title: __( 'Link without context', 'reciprocal-link-guard' ),
				risk,
				fix: __(
					'Say in a sentence or two why the reader should follow the link.',
					'reciprocal-link-guard'
				),
			};
		}
		case 'weak-destination': {
			const ours = param( finding, 'ours' );
			const theirs = param( finding, 'theirs' );
			let risk: string;
			if ( ours && theirs ) {
				risk = sprintf(
					/* translators: 1: what our link points at ("a homepage"), 2: what their link points at. */
					__(
						'Our link points at %1$s and theirs at %2$s, not at articles: links a reader follows for content point at content, exchanged ones at front and sales pages.',
						'reciprocal-link-guard'
					),
					destinationLabel( ours ),
					destinationLabel( theirs )
				);
			} else if ( ours ) {
				risk = sprintf(
					/* translators: %s: what our link points at ("a homepage"). */
					__(
						'Our link points at %s rather than at an article: a weak destination for an exchanged link.',
						'reciprocal-link-guard'
					),
					destinationLabel( ours )
				);
			} else {
				risk = sprintf(
					/* translators: %s: what their link points at ("a homepage"). */
					__(
						'Their link to us points at %s rather than at an article: a weak destination for an exchanged link.',
						'reciprocal-link-guard'
					),
					destinationLabel( theirs )
				);
			}
			return {
				title: __(
					'Links to homepage or pricing page',
					'reciprocal-link-guard'
				),
				risk,
				fix: __(
					'Link to the page that is about what you write, not to the front or pricing page.',
					'reciprocal-link-guard'
				),
			};
		}
	}
}

export function severityLabel( severity: Severity | CheckState ): string {
	switch ( severity ) {
		case 'critical':
			return __( 'Critical', 'reciprocal-link-guard' );
		case 'warning':
			return __( 'Warning', 'reciprocal-link-guard' );
		case 'info':
			return __( 'Note', 'reciprocal-link-guard' );
		case 'pass':
			return __( 'Pass', 'reciprocal-link-guard' );
		case 'not-checked':
			return __( 'Not checked', 'reciprocal-link-guard' );
	}
}

/** The boilerplate finding's risk, naming where their link sits (the verdict's `where`). */
function boilerplateRisk( finding: Finding ): string {
	const where = param( finding, 'where' ) ?? param( finding, 'placement' );
	const count = finding.params.count;
	const total = finding.params.total;
	const sentence = where
		? sprintf(
				/* translators: %s: where their link sits, e.g. "in the footer" or "in a partners section of their content". */
				__(
					'Their link to us sits %s: a site-wide or partners-list link that search engines discount or distrust.',
					'reciprocal-link-guard'
				),
				placementLabel( where as TheirWhere )
			)
		: __(
				'Their link to us sits in a footer, sidebar, navigation, blogroll or another template part (related posts, tags, breadcrumbs, share buttons): not an editorial link, and search engines discount or distrust it.',
				'reciprocal-link-guard'
			);
	if ( typeof count === 'number' && typeof total === 'number' && total > 1 ) {
		return (
			sentence +
			' ' +
			sprintf(
				/* translators: 1: their boilerplate links to us, 2: all their links to us. */
				__(
					'%1$s of their %2$s links to us are such links.',
					'reciprocal-link-guard'
				),
				count.toLocaleString(),
				total.toLocaleString()
			)
		);
	}
	return sentence;
}

/**
 * Where all their links sit and how many are shown, e.g. "56,002 links to
 * us: in the content (56,001, 1 hidden), in the footer (1). Showing 10 of
 * 56,002." Worded from the core's verdict (src/core/their-links.ts).
 */
export function theirLinksSummary(
	verdict: Pick< TheirVerdict, 'total' | 'placements' >,
	shown: number
): string {
	const where = verdict.placements
		.map( ( entry ) =>
			entry.hidden > 0
				? sprintf(
						/* translators: 1: where, e.g. "in the footer", 2: number of links there, 3: of which hidden. */
						__(
							'%1$s (%2$s, %3$s hidden)',
							'reciprocal-link-guard'
						),
						placementLabel( entry.where ),
						entry.count.toLocaleString(),
						entry.hidden.toLocaleString()
					)
				: sprintf(
						/* translators: 1: where, e.g. "in the footer", 2: number of links there. */
						__( '%1$s (%2$s)', 'reciprocal-link-guard' ),
						placementLabel( entry.where ),
						entry.count.toLocaleString()
					)
		)
		.join( ', ' );
	const counted = sprintf(
		/* translators: 1: number of their links to us, 2: where they sit, e.g. "in the content (3), in the footer (1)". */
		_n(
			'%1$s link to us: %2$s.',
			'%1$s links to us: %2$s.',
			verdict.total,
			'reciprocal-link-guard'
		),
		verdict.total.toLocaleString(),
		where
	);
	if ( shown >= verdict.total ) {
		return counted;
	}
	return (
		counted +
		' ' +
		sprintf(
			/* translators: 1: links listed, 2: all their links to us. */
			__( 'Showing %1$s of %2$s.', 'reciprocal-link-guard' ),
			shown.toLocaleString(),
			verdict.total.toLocaleString()
		)
	);
}

/** Where a link sits: a placement, or a partners section of their content. */
export function placementLabel( placement: Placement | TheirWhere ): string {
	switch ( placement ) {
		case 'partner-section':
			return __(
				'in a partners section of their content',
				'reciprocal-link-guard'
			);
		case 'content':
			return __( 'in the content', 'reciprocal-link-guard' );
		case 'header':
			return __( 'in the header', 'reciprocal-link-guard' );
		case 'navigation':
			return __( 'in the navigation', 'reciprocal-link-guard' );
		case 'sidebar':
			return __( 'in the sidebar', 'reciprocal-link-guard' );
		case 'footer':
			return __( 'in the footer', 'reciprocal-link-guard' );
		case 'comments':
			return __( 'in the comments', 'reciprocal-link-guard' );
		case 'author-box':
			return __( 'in the author box', 'reciprocal-link-guard' );
		case 'related':
			return __(
				'in related or promoted teasers',
				'reciprocal-link-guard'
			);
		case 'tags':
			return __(
				'in the tags, categories or byline',
				'reciprocal-link-guard'
			);
		case 'breadcrumbs':
			return __( 'in the breadcrumbs', 'reciprocal-link-guard' );
		case 'share':
			return __( 'in the share buttons', 'reciprocal-link-guard' );
	}
}

/** Why a target could not be checked, as a short phrase. */
export function backlinkStatusLabel(
	status: BacklinkStatus | 'service-error'
): string {
	switch ( status ) {
		case 'links-back':
			return __( 'links back', 'reciprocal-link-guard' );
		case 'no-link':
			return __( 'no link to us', 'reciprocal-link-guard' );
		case 'blocked-by-robots':
			return __(
				'robots.txt forbids the check',
				'reciprocal-link-guard'
			);
		case 'blocked-by-bot-protection':
			return __( 'blocked by bot protection', 'reciprocal-link-guard' );
		case 'rate-limited':
			return __( 'rate limited, try later', 'reciprocal-link-guard' );
		case 'refused-unsafe-address':
			return __(
				'refused: the address is private or local',
				'reciprocal-link-guard'
			);
		case 'timeout':
			return __(
				'the site did not answer in time',
				'reciprocal-link-guard'
			);
		case 'host-busy':
			return __(
				'not checked: the site was busy, try later',
				'reciprocal-link-guard'
			);
		case 'http-error':
			return __(
				'the site answered with an error',
				'reciprocal-link-guard'
			);
		case 'not-html':
			return __( 'the page is not HTML', 'reciprocal-link-guard' );
		case 'too-large':
			return __( 'the page is too large', 'reciprocal-link-guard' );
		case 'unreachable':
			return __( 'the site is unreachable', 'reciprocal-link-guard' );
		case 'invalid-url':
			return __( 'the URL is not valid', 'reciprocal-link-guard' );
		case 'service-error':
			return __( 'the check service failed', 'reciprocal-link-guard' );
	}
}

/** The label of a one-click action button. */
export function fixActionLabel( action: FixAction ): string {
	switch ( action ) {
		case 'nofollow':
			return __( 'Add rel="nofollow"', 'reciprocal-link-guard' );
		case 'sponsored':
			return __( 'Add rel="sponsored"', 'reciprocal-link-guard' );
		case 'rewrite-anchor':
			return __( 'Rewrite anchor', 'reciprocal-link-guard' );
		case 'show':
			return __( 'Show in editor', 'reciprocal-link-guard' );
		case 'edit-pattern':
			return __( 'Edit the pattern', 'reciprocal-link-guard' );
	}
}

/** A synced pattern's title, or its number when it has none. */
export function patternName( pattern: SyncedPatternRef ): string {
	return (
		pattern.title ||
		sprintf(
			/* translators: %d: ID of a synced pattern (reusable block). */
			__( 'Pattern #%d', 'reciprocal-link-guard' ),
			pattern.ref
		)
	);
}

export interface RelFixNotice {
	status: 'success' | 'info' | 'warning';
	message: string;
}

/**
 * What a one-click rel fix did: how many links it changed, and which synced
 * patterns hold links to the target it could not change (a pattern's
 * content lives in the pattern, not in this post).
 */
export function relFixNotice(
	token: string,
	changed: number,
	patterns: readonly SyncedPatternRef[]
): RelFixNotice {
	const parts: string[] = [];
	if ( changed > 0 ) {
		parts.push(
			sprintf(
				/* translators: 1: rel value such as nofollow, 2: number of links. */
				_n(
					'Added rel="%1$s" to %2$d link.',
					'Added rel="%1$s" to %2$d links.',
					changed,
					'reciprocal-link-guard'
				),
				token,
				changed
			)
		);
	}
	const names = [
		...new Set( patterns.map( ( pattern ) => patternName( pattern ) ) ),
	];
	if ( names.length > 0 ) {
		parts.push(
			sprintf(
				/* translators: 1: rel value such as nofollow, 2: titles of synced patterns, quoted and comma-separated. */
				_n(
					'A link to this site is in the synced pattern %2$s and was not changed: edit the pattern to add rel="%1$s" (it changes every post that uses it).',
					'Links to this site are in the synced patterns %2$s and were not changed: edit the patterns to add rel="%1$s" (it changes every post that uses them).',
					names.length,
					'reciprocal-link-guard'
				),
				token,
				names.map( ( name ) => `“${ name }”` ).join( ', ' )
			)
		);
	}
	if ( parts.length === 0 ) {
		return {
			status: 'info',
			message: sprintf(
				/* translators: %s: rel value such as nofollow. */
				__(
					'Every link to this site already has rel="%s".',
					'reciprocal-link-guard'
				),
				token
			),
		};
	}
	let status: RelFixNotice[ 'status' ] = 'success';
	if ( names.length > 0 ) {
		status = changed > 0 ? 'info' : 'warning';
	}
	return { status, message: parts.join( ' ' ) };
}
