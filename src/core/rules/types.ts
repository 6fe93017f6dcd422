/**
 * What the rules see. The facts builder (facts.ts) turns the raw input (our
 * post's links, the backlink results, settings) into per-link facts once;
 * every rule is then a pure function of those facts, so rules never repeat
 * URL parsing, anchor classification or relevance scoring, and each can be
 * tested on hand-written facts or end to end through evaluatePost.
 */
import type { AnchorAnalysis } from '../anchors';
import type { Finding } from '../findings';
import type { OffTopicAssessment, RelevanceDetails } from '../relevance';
import type {
	Backlink,
	BacklinkResult,
	ExtractedLink,
	SiteStats,
} from '../schemas';
import type { Settings } from '../settings';
import type { SiteMatcher } from '../url';

export interface PostAnalysisInput {
	/** Every URL our site answers on (home URL first). */
	siteUrls: string[];
	/** Our post's title and text, for relevance. */
	postText: string;
	/** The post's focus keyphrase (an SEO plugin's), an extra keyword. */
	focusKeyphrase?: string;
	/**
	 * The URL of the page the links are on, when known (a scan knows it; the
	 * editor does not). Our homepage as the page makes its links homepage
	 * links: one end of a homepage swap.
	 */
	postUrl?: string;
	/**
	 * Titles and text of the site's other posts, when known (a scan, the
	 * service's store): a partner is off-topic only if it is unrelated to
	 * the site's subject too, not just to one short post.
	 */
	siteText?: string;
	/** Our post's links in document order, internal ones included. */
	links: ExtractedLink[];
	/** Backlink results keyed by urlKey(target). */
	backlinks: Record< string, BacklinkResult >;
	/** Site-wide counts; when given, a reciprocal link on an over-limit site is a warning. */
	siteStats?: SiteStats;
}

/** Why a link of theirs counts as site-wide boilerplate. */
export type { BoilerplateReason } from '../their-links';
import type { BoilerplateReason } from '../their-links';

/** Where in our post a link sits that makes it look like a partner-list entry. */
export type FooterSpot = 'trailing-list' | 'partner-section';

/** One link of theirs to us, classified. */
export interface TheirLinkFacts {
	link: Backlink;
	anchor: AnchorAnalysis;
	/** Null when the link is in their content, editorially placed. */
	boilerplate: BoilerplateReason | null;
	/** No nofollow, sponsored or ugc. */
	followed: boolean;
	/** It points at our homepage. */
	toOurHomepage: boolean;
	/**
	 * Their end of the link is site-wide: it sits on their homepage or in a
	 * template part of their pages (header, navigation, sidebar, footer).
	 */
	siteWideEnd: boolean;
}

/** One external link of our post, with everything the rules ask about it. */
export interface LinkFacts {
	/** Position among ALL links of the post (internal included), document order. */
	index: number;
	link: ExtractedLink;
	/** Normalised absolute href; findings carry it as linkUrl. */
	href: string;
	/** urlKey(href). */
	key: string;
	/** siteKey(href): registrable domain of the partner. */
	site: string;
	/** The first link of the post to this target: partner findings are reported once per target. */
	firstForTarget: boolean;
	anchor: AnchorAnalysis;
	/** No nofollow, sponsored or ugc on our link. */
	followed: boolean;
	/** Our link points at their homepage. */
	toTheirHomepage: boolean;
	/**
	 * Our end of the link is site-wide: the link is in a template part of
	 * our page (header, navigation, sidebar, footer: on every page), or the
	 * page it is on is our homepage. Null for a link in a post's content.
	 */
	ourSiteWideEnd: 'template' | 'homepage' | null;
	footerSpot: FooterSpot | null;
	/** Heading of the partners section, for `footerSpot === 'partner-section'`. */
	sectionHeading: string | null;
	/** Links in the trailing list, for `footerSpot === 'trailing-list'`. */
	listSize: number;
	/** The backlink result for the target, when one was checked. */
	result: BacklinkResult | null;
	/** The target links back (status links-back with at least one link). */
	reciprocal: boolean;
	/** Their links to us (empty unless reciprocal). */
	theirs: TheirLinkFacts[];
	/** The link of theirs that best describes the relationship (see facts.ts). */
	primary: TheirLinkFacts | null;
	/** Relevance of our post to their page, for reciprocal links with page facts. */
	relevance: RelevanceDetails | null;
	/** The off-topic assessment behind `relevance` (relevance.ts assessOffTopic). */
	topic: OffTopicAssessment | null;
}

/** A run of links the reader sees as one unit (a paragraph, a list). */
export interface LinkGroup {
	/** Block number of the group's first link. */
	block: number;
	/** Indexes into PostFacts.all (document order). */
	members: number[];
	inList: boolean;
	heading: string | null;
}

export interface PostFacts {
	settings: Settings;
	/** External links of the post, document order. */
	links: LinkFacts[];
	/** Every link of the post in document order; `external` is null for internal links. */
	all: Array< { link: ExtractedLink; external: LinkFacts | null } >;
	groups: LinkGroup[];
	matcher: SiteMatcher;
	postText: string;
	/** settings.keywords plus the focus keyphrase. */
	keywords: string[];
	siteStats: SiteStats | null;
}

export type PostRule = ( facts: PostFacts ) => Finding[];
export type SiteRule = ( stats: SiteStats, settings: Settings ) => Finding[];
