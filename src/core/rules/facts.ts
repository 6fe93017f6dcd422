/**
 * Builds the facts the rules read (types.ts) and the predicates several
 * rules share, so that "is this a homepage swap?" has one answer whether
 * the homepage-swap rule asks or the identical-anchors rule asks it to
 * decide a severity.
 */
import { analyzeAnchor, type AnchorAnalysis } from '../anchors';
import { nameKey, partnerNames, TITLE_SEPARATOR } from '../partner-names';
import type { OffTopicAssessment, PreparedText } from '../relevance';
import type {
	Backlink,
	BacklinkResult,
	ExtractedLink,
	PageFacts,
} from '../schemas';
import type { Settings } from '../settings';
import { foldText, tokenize } from '../text';
import {
	boilerplateOf,
	isBoilerplatePlacement,
	isPartnerSectionHeading,
	tellingRank,
} from '../their-links';
import {
	createSiteMatcher,
	isHomepage,
	normalizeUrl,
	siteKey,
	urlKey,
	type SiteMatcher,
} from '../url';
import type {
	FooterSpot,
	LinkFacts,
	LinkGroup,
	PostAnalysisInput,
	PostFacts,
	TheirLinkFacts,
} from './types';
import type { AnchorMemo } from './anchor-memo';
import { createRelevanceMemo, type RelevanceMemo } from './relevance-memo';

/** rel tokens that stop a link from passing ranking credit. */
const UNFOLLOWED_REL = new Set( [ 'nofollow', 'sponsored', 'ugc' ] );

export function isFollowed( rel: readonly string[] ): boolean {
	return ! rel.some( ( token ) => UNFOLLOWED_REL.has( token.toLowerCase() ) );
}

/** Shared with the checker and every surface: src/core/their-links.ts. */
export { isPartnerSectionHeading };

/**
 * A trailing link list starts in the second half of the post and reaches
 * its last 15%: a block of links at the end, after the text, where
 * exchanged links are parked.
 */
export const TRAILING_LIST_START = 0.5;
export const TRAILING_LIST_END = 0.85;

/**
 * A title segment or H1 longer than this is an article title, not a keyword
 * phrase: citing an article by its title ("How I ran my first marathon in
 * Berlin") is ordinary editorial practice, not an optimised anchor.
 */
export const MAX_PAGE_KEYWORD_WORDS = 5;

const NO_KEYWORDS: string[] = [];

/**
 * Keyword phrases of their page: the title's segments ("Running shoes |
 * Stride" → "Running shoes") and the H1, each of at most
 * MAX_PAGE_KEYWORD_WORDS words, without those that are a name — a brand
 * term of the settings, or the partner's own name (partner-names.ts: the
 * stated site name, a segment with their domain words). An anchor equal to
 * one of these is exact-match for that page.
 */
export function pageKeywords(
	page: PageFacts | null,
	targetUrl: string,
	brandTerms: readonly string[]
): string[] {
	return [ ...pageKeywordsFinder( brandTerms )( targetUrl, page ) ];
}

/**
 * {@link pageKeywords} for the many links of one evaluation: a page's
 * title and H1 are split, counted and folded once per evaluation, and the
 * partner's names are looked up per link (memoised in partner-names.ts);
 * links whose names are none of the phrases share one array (so
 * analyzeAnchor's index of it, cached by identity, is built once). The
 * arrays returned are shared: callers must not modify them.
 */
export function pageKeywordsFinder(
	brandTerms: readonly string[]
): ( targetUrl: string, page: PageFacts | null ) => string[] {
	const givenBrands = new Set( brandTerms.filter( Boolean ).map( nameKey ) );
	interface Candidates {
		phrases: Array< { text: string; key: string } >;
		all: string[];
		/** The phrases without the partner's names, by the names array. */
		byNames: WeakMap< readonly string[], string[] >;
	}
	// By title, then H1: the page's own strings, no key to build per link.
	const candidatesByPage = new Map< string, Map< string, Candidates > >();
	const candidatesOf = ( page: PageFacts ): Candidates => {
		let byH1 = candidatesByPage.get( page.title );
		if ( ! byH1 ) {
			byH1 = new Map();
			candidatesByPage.set( page.title, byH1 );
		}
		let candidates = byH1.get( page.h1 );
		if ( ! candidates ) {
			const phrases = [ ...page.title.split( TITLE_SEPARATOR ), page.h1 ]
				.map( ( phrase ) => phrase.trim() )
				.filter(
					( phrase ) =>
						phrase !== '' &&
						tokenize( phrase ).length <= MAX_PAGE_KEYWORD_WORDS &&
						! givenBrands.has( nameKey( phrase ) )
				)
				.map( ( text ) => ( { text, key: nameKey( text ) } ) );
			candidates = {
				phrases,
				all: [ ...new Set( phrases.map( ( p ) => p.text ) ) ].slice(
					0,
					6
				),
				byNames: new WeakMap(),
			};
			byH1.set( page.h1, candidates );
		}
		return candidates;
	};
	return ( targetUrl, page ) => {
		if ( ! page ) {
			return NO_KEYWORDS;
		}
		const candidates = candidatesOf( page );
		const names = partnerNames( targetUrl, page );
		if ( names.length === 0 ) {
			return candidates.all;
		}
		let phrases = candidates.byNames.get( names );
		if ( ! phrases ) {
			const keys = new Set( names.map( nameKey ) );
			phrases = candidates.phrases.some( ( p ) => keys.has( p.key ) )
				? [
						...new Set(
							candidates.phrases
								.filter( ( p ) => ! keys.has( p.key ) )
								.map( ( p ) => p.text )
						),
					].slice( 0, 6 )
				: candidates.all;
			candidates.byNames.set( names, phrases );
		}
		return phrases;
	};
}

/** Our end of a link, when it is site-wide (see LinkFacts.ourSiteWideEnd). */
function ourEndOf(
	placement: string,
	onOurHomepage: boolean
): LinkFacts[ 'ourSiteWideEnd' ] {
	if ( isBoilerplatePlacement( placement ) ) {
		return 'template';
	}
	return onOurHomepage ? 'homepage' : null;
}

/**
 * The link of theirs that best shows where they link to us: a visible one
 * before a hidden one, on the linked page before their homepage, in content
 * before boilerplate.
 */
function primaryOf( theirs: TheirLinkFacts[] ): TheirLinkFacts | null {
	// The same order every surface shows their links in (their-links.ts).
	const rank = ( t: TheirLinkFacts ) => tellingRank( t.link );
	let best: TheirLinkFacts | null = null;
	for ( const t of theirs ) {
		if ( ! best || rank( t ) < rank( best ) ) {
			best = t;
		}
	}
	return best;
}

/**
 * Links the reader sees as one unit: consecutive links in the same block,
 * or consecutive list items under the same heading (a `<ul>` counts as one
 * unit even when the extractor numbers its items as separate blocks).
 */
export function groupLinks( links: readonly ExtractedLink[] ): LinkGroup[] {
	const groups: LinkGroup[] = [];
	let current: LinkGroup | null = null;
	links.forEach( ( link, index ) => {
		const previous =
			current && links[ current.members[ current.members.length - 1 ] ];
		const together =
			previous &&
			( previous.block === link.block ||
				( previous.inList &&
					link.inList &&
					previous.heading === link.heading ) );
		if ( current && together ) {
			current.members.push( index );
			current.inList = current.inList && link.inList;
		} else {
			current = {
				block: link.block,
				members: [ index ],
				inList: link.inList,
				heading: link.heading,
			};
			groups.push( current );
		}
	} );
	return groups;
}

/**
 * Backlink results by urlKey: by the key each was stored under, else by
 * its target (the first result with that target). The editor and the
 * service store results under urlKey(target), so the target lookup is
 * only built when a key is not found under the first.
 */
function resultsByKey(
	backlinks: Record< string, BacklinkResult >
): ( key: string ) => BacklinkResult | undefined {
	const record = backlinks ?? {};
	const keys = Object.keys( record );
	const byKey = new Map< string, BacklinkResult >();
	for ( const key of keys ) {
		byKey.set( urlKey( key ), record[ key ] );
	}
	let byTarget: Map< string, BacklinkResult > | null = null;
	return ( key ) => {
		if ( byKey.has( key ) ) {
			return byKey.get( key );
		}
		if ( ! byTarget ) {
			byTarget = new Map();
			for ( const stored of keys ) {
				const result = record[ stored ];
				const target = urlKey( result.target );
				if ( ! byTarget.has( target ) ) {
					byTarget.set( target, result );
				}
			}
		}
		return byTarget.get( key );
	};
}

/**
 * analyzeAnchor for their links to us, memoised for one evaluation: their
 * links mostly repeat the same few anchors ("Our Garden") to the same few
 * URLs of ours (the homepage), across every partner of the post. Looked up
 * by text, then target, then image flag: the result's own strings.
 */
function theirAnchorAnalyzer(
	keywords: string[],
	settings: Settings
): ( link: Backlink ) => AnchorAnalysis {
	const byText = new Map<
		unknown,
		Map< unknown, Map< unknown, AnchorAnalysis > >
	>();
	return ( link ) => {
		let byHref = byText.get( link.text );
		if ( ! byHref ) {
			byHref = new Map();
			byText.set( link.text, byHref );
		}
		let byImage = byHref.get( link.href );
		if ( ! byImage ) {
			byImage = new Map();
			byHref.set( link.href, byImage );
		}
		let anchor = byImage.get( link.isImage );
		if ( ! anchor ) {
			anchor = analyzeAnchor( link.text, {
				keywords,
				brandTerms: settings.brandTerms,
				targetUrl: link.href,
				isImage: link.isImage,
				partialMatchShare: settings.partialMatchShare,
			} );
			byImage.set( link.isImage, anchor );
		}
		return anchor;
	};
}

function theirLinksOf(
	result: BacklinkResult,
	anchorOf: ( link: Backlink ) => AnchorAnalysis,
	matcher: SiteMatcher
): TheirLinkFacts[] {
	return result.links.map( ( link ) => {
		const anchor = anchorOf( link );
		// The checker may have known keywords we were not given (the
		// focus keyphrase of another post): trust its exact-match verdict.
		const merged =
			link.anchorClass === 'exact-match' &&
			anchor.anchorClass !== 'exact-match'
				? { ...anchor, anchorClass: 'exact-match' as const }
				: anchor;
		return {
			link,
			anchor: merged,
			boilerplate: boilerplateOf( link.placement, link.heading ),
			followed: isFollowed( link.rel ),
			toOurHomepage:
				link.toHomepage || matcher.isOurHomepage( link.href ),
			siteWideEnd:
				link.foundOn === 'homepage' ||
				isBoilerplatePlacement( link.placement ) ||
				isHomepage( link.pageUrl ),
		};
	} );
}

/** Everything the rules need, computed once. Never throws on odd input. */
export interface EvaluateOptions {
	/**
	 * Prepares a partner page's text for relevance scoring. A caller that
	 * evaluates many posts against the same partner pages (the site report:
	 * thousands of posts, far fewer partners) passes one that remembers its
	 * answers; prepared texts give bit-identical scores however often they
	 * are reused.
	 */
	prepareText?: ( text: string ) => PreparedText;
	/**
	 * Assessments of partner pages kept across evaluations of the same
	 * post (the editor evaluates again for every batch of results): see
	 * relevance-memo.ts. Takes the place of `prepareText`.
	 */
	relevance?: RelevanceMemo;
	/**
	 * Our anchors' analyses kept across evaluations of the same post
	 * (anchor-memo.ts): a link whose page, keywords and settings did not
	 * change is not analysed again.
	 */
	anchors?: AnchorMemo;
}

/** Where a link of the post sits among the footer-like spots (markFooterSpots). */
interface FooterMarks {
	footerSpot: FooterSpot | null;
	sectionHeading: string | null;
	listSize: number;
}

/**
 * One link of the post as the post's structure places it: what does not
 * depend on any check result (issue 20: the editor evaluates the same
 * links again for every batch of results).
 */
export interface LinkPlace {
	index: number;
	link: ExtractedLink;
	/** Null for an internal link (or an href that is no URL). */
	external: {
		href: string;
		key: string;
		site: string;
		firstForTarget: boolean;
		marks: FooterMarks;
	} | null;
}

/**
 * Everything about an evaluation but the check results: the post's links
 * placed (normalised, keyed, grouped, footer spots marked) and what the
 * facts of one link are computed with. buildPostFacts makes one per call;
 * an incremental evaluator (incremental.ts) keeps one while the post, the
 * settings and the site stay the same.
 */
export interface FactsFrame {
	settings: Settings;
	places: LinkPlace[];
	groups: LinkGroup[];
	/** The facts of an external link with `result` (the one for its key). */
	linkFacts: ( place: LinkPlace, result: BacklinkResult | null ) => LinkFacts;
	/** PostFacts of these link facts (document order) and the frame. */
	facts: ( links: LinkFacts[], all: PostFacts[ 'all' ] ) => PostFacts;
}

export function factsFrame(
	input: PostAnalysisInput,
	settings: Settings,
	options: EvaluateOptions = {}
): FactsFrame {
	const matcher = createSiteMatcher( input.siteUrls ?? [] );
	// matcher.isOurs( href ) is "siteKey( href ) is one of ours": the site
	// is at hand for every link, so it is looked up directly.
	const ourSites = new Set( matcher.domains );
	const focus = input.focusKeyphrase?.trim();
	const keywords = focus
		? [ ...settings.keywords, focus ]
		: settings.keywords;
	const theirAnchorOf = theirAnchorAnalyzer( keywords, settings );
	const postText = input.postText ?? '';
	const onOurHomepage =
		typeof input.postUrl === 'string' &&
		matcher.isOurHomepage( input.postUrl );
	// The post (and the site's topic text, when given) is compared with
	// every partner page: tokenised and weighted once (on first need), not
	// once per partner, and partner pages with the same text are assessed
	// once. Without a memo from the caller, all of it lives only as long
	// as this frame.
	const siteText = input.siteText?.trim() ?? '';
	const memo =
		options.relevance ??
		createRelevanceMemo( { prepareText: options.prepareText } );
	// Links to one target share its result and so its page: assessed once.
	const relevanceCache = new WeakMap<
		PageFacts,
		OffTopicAssessment | null
	>();
	const relevanceOfPage = ( page: PageFacts ) => {
		let assessment = relevanceCache.get( page );
		if ( assessment === undefined ) {
			assessment = memo.ofPage(
				page,
				postText,
				siteText,
				settings.minRelevance
			);
			relevanceCache.set( page, assessment );
		}
		return assessment;
	};
	// Page keywords depend only on the page's title and H1, the target's
	// domain brand and the brand terms (fixed here): see pageKeywordsFinder.
	const pageKeywordsOf = pageKeywordsFinder( settings.brandTerms );

	const places: LinkPlace[] = [];
	const seen = new Set< string >();
	( input.links ?? [] ).forEach( ( link, index ) => {
		const href = normalizeUrl( link.href );
		const site = href ? siteKey( href ) : null;
		if ( ! href || ! site || ourSites.has( site ) ) {
			places.push( { index, link, external: null } );
			return;
		}
		const key = urlKey( href );
		places.push( {
			index,
			link,
			external: {
				href,
				key,
				site,
				firstForTarget: ! seen.has( key ),
				marks: { footerSpot: null, sectionHeading: null, listSize: 0 },
			},
		} );
		seen.add( key );
	} );
	const groups = groupLinks( places.map( ( place ) => place.link ) );
	markFooterSpots(
		places.map( ( place ) => ( {
			link: place.link,
			external: place.external ? place.external.marks : null,
		} ) ),
		groups,
		settings
	);

	return {
		settings,
		places,
		groups,
		linkFacts( place, result ) {
			const { link, index } = place;
			const { href, key, site, firstForTarget, marks } = place.external!;
			const reciprocal =
				result?.status === 'links-back' && result.links.length > 0;
			const page = result?.page ?? null;
			const analyze = () =>
				analyzeAnchor( link.text, {
					keywords,
					extraKeywords: pageKeywordsOf( href, page ),
					brandTerms: settings.brandTerms,
					partnerNames: partnerNames( href, page ),
					targetUrl: href,
					isImage: link.isImage,
					partialMatchShare: settings.partialMatchShare,
				} );
			const anchor = options.anchors
				? options.anchors.of( link, page, keywords, settings, analyze )
				: analyze();
			const theirs =
				reciprocal && result
					? theirLinksOf( result, theirAnchorOf, matcher )
					: [];
			const topic = reciprocal && page ? relevanceOfPage( page ) : null;
			return {
				index,
				link,
				href,
				key,
				site,
				firstForTarget,
				anchor,
				followed: isFollowed( link.rel ),
				toTheirHomepage: isHomepage( href ),
				ourSiteWideEnd: ourEndOf( link.placement, onOurHomepage ),
				footerSpot: marks.footerSpot,
				sectionHeading: marks.sectionHeading,
				listSize: marks.listSize,
				result,
				reciprocal,
				theirs,
				primary: primaryOf( theirs ),
				relevance: topic?.details ?? null,
				topic,
			};
		},
		facts( links, all ) {
			return {
				settings,
				links,
				all,
				groups,
				matcher,
				postText,
				keywords,
				siteStats: input.siteStats ?? null,
			};
		},
	};
}

/** Backlink results by urlKey, as every evaluation looks them up (resultsByKey). */
export { resultsByKey };

export function buildPostFacts(
	input: PostAnalysisInput,
	settings: Settings,
	options: EvaluateOptions = {}
): PostFacts {
	const frame = factsFrame( input, settings, options );
	const resultOf = resultsByKey( input.backlinks );
	const all: PostFacts[ 'all' ] = [];
	const links: LinkFacts[] = [];
	for ( const place of frame.places ) {
		if ( ! place.external ) {
			all.push( { link: place.link, external: null } );
			continue;
		}
		const facts = frame.linkFacts(
			place,
			resultOf( place.external.key ) ?? null
		);
		links.push( facts );
		all.push( { link: place.link, external: facts } );
	}
	return frame.facts( links, all );
}

/**
 * Mark the links that sit in a footer-like spot of the post: a partners
 * section (by its heading), or a trailing list of at least
 * `minLinksInLinkList` external links at the end of the post.
 */
function markFooterSpots(
	all: Array< { link: ExtractedLink; external: FooterMarks | null } >,
	groups: LinkGroup[],
	settings: Settings
): void {
	for ( const entry of all ) {
		if ( entry.external && isPartnerSectionHeading( entry.link.heading ) ) {
			entry.external.footerSpot = 'partner-section';
			entry.external.sectionHeading = entry.link.heading;
		}
	}
	for ( const group of groups ) {
		const members = group.members.map( ( i ) => all[ i ] );
		const external = members.filter( ( entry ) => entry.external );
		const first = members[ 0 ].link.position;
		const last = members[ members.length - 1 ].link.position;
		if (
			! group.inList ||
			external.length < settings.minLinksInLinkList ||
			first < TRAILING_LIST_START ||
			last < TRAILING_LIST_END
		) {
			continue;
		}
		for ( const entry of external ) {
			const marks = entry.external as FooterMarks;
			marks.listSize = external.length;
			if ( ! marks.footerSpot ) {
				marks.footerSpot = 'trailing-list';
			}
		}
	}
}

// ---------------------------------------------------------------------------
// Shared predicates (used by rules and by severity escalation).

export function ourExactMatch( f: LinkFacts ): boolean {
	return f.anchor.anchorClass === 'exact-match';
}

export function theirExactMatch( f: LinkFacts ): TheirLinkFacts | null {
	return (
		f.theirs.find( ( t ) => t.anchor.anchorClass === 'exact-match' ) ?? null
	);
}

/** Anchor classes that are the same both ways by accident, not by agreement. */
const NEUTRAL_ANCHORS = new Set( [ 'generic', 'empty', 'image', 'naked-url' ] );

export function identicalAnchor( f: LinkFacts ): TheirLinkFacts | null {
	if ( NEUTRAL_ANCHORS.has( f.anchor.anchorClass ) ) {
		return null;
	}
	if ( f.theirs.length === 0 ) {
		// Nothing to compare with: no need to fold our anchor.
		return null;
	}
	const ours = foldText( f.link.text );
	if ( ours === '' ) {
		return null;
	}
	return f.theirs.find( ( t ) => foldText( t.link.text ) === ours ) ?? null;
}

export function boilerplateBacklink( f: LinkFacts ): TheirLinkFacts | null {
	return f.theirs.find( ( t ) => t.boilerplate !== null ) ?? null;
}

/** Their first link to us with this placement, for a reciprocal link. */
export function backlinkIn(
	f: LinkFacts,
	placement: 'author-box' | 'comments'
): TheirLinkFacts | null {
	if ( ! f.reciprocal ) {
		return null;
	}
	return f.theirs.find( ( t ) => t.link.placement === placement ) ?? null;
}

/**
 * A homepage-to-homepage exchange: both links point at homepages and both
 * ends are site-wide — our link on our homepage or in our template
 * (footer, sidebar, navigation, header), theirs on their homepage or in
 * their template. A post of ours linking to their homepage is an editorial
 * citation of the site as a whole, even when their homepage links back:
 * that is an ordinary reciprocal link (judged by the other rules), not a
 * swap between two front pages.
 */
export function homepageSwap( f: LinkFacts ): TheirLinkFacts | null {
	if ( ! f.reciprocal || ! f.toTheirHomepage || f.ourSiteWideEnd === null ) {
		return null;
	}
	return f.theirs.find( ( t ) => t.toOurHomepage && t.siteWideEnd ) ?? null;
}

export function hiddenBacklink( f: LinkFacts ): TheirLinkFacts | null {
	return f.theirs.find( ( t ) => t.link.hidden !== null ) ?? null;
}

/**
 * Off-topic: reciprocal, their page has text, and relevance.ts's
 * assessOffTopic found it unrelated to our post (and to our site's topic,
 * when given) — low term relevance, no shared topic field, and evidence
 * of a difference. Pairs in two different languages are not judged: they
 * share no terms whatever their topics, so a low score would mean nothing.
 */
export function offTopic( f: LinkFacts ): OffTopicAssessment | null {
	const assessment = f.topic;
	if ( ! f.reciprocal || ! assessment?.offTopic ) {
		return null;
	}
	const [ ours, theirs ] = assessment.details.languages;
	if ( ours && theirs && ours !== theirs ) {
		return null;
	}
	return assessment;
}

/**
 * The link-scheme signals of a reciprocal link besides "it is followed":
 * what turns an ordinary mutual link into an arranged-looking exchange.
 */
export function schemeSignals( f: LinkFacts ): string[] {
	if ( ! f.reciprocal ) {
		return [];
	}
	const signals: string[] = [];
	if ( ourExactMatch( f ) || theirExactMatch( f ) ) {
		signals.push( 'exact-match' );
	}
	if ( identicalAnchor( f ) ) {
		signals.push( 'identical-anchors' );
	}
	if ( boilerplateBacklink( f ) ) {
		signals.push( 'boilerplate' );
	}
	if ( backlinkIn( f, 'author-box' ) ) {
		signals.push( 'author-bio' );
	}
	if ( backlinkIn( f, 'comments' ) ) {
		signals.push( 'comment' );
	}
	if ( f.footerSpot ) {
		signals.push( 'footer-placement' );
	}
	if ( homepageSwap( f ) ) {
		signals.push( 'homepage-swap' );
	}
	if ( f.link.hidden || hiddenBacklink( f ) ) {
		signals.push( 'hidden' );
	}
	if ( offTopic( f ) ) {
		signals.push( 'off-topic' );
	}
	return signals;
}

/** Round a score for params: three decimals are plenty for a UI. */
export function round3( value: number ): number {
	return Math.round( value * 1000 ) / 1000;
}
