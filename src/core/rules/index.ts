/**
 * The rules engine: every rule is a pure function of the facts (one module
 * per rule); evaluatePost composes the post rules, evaluateSite the
 * site-wide ones. Findings carry a code and parameters, never sentences.
 *
 * Only external links are judged (createSiteMatcher decides what is ours).
 * A link whose backlink result is missing, or not `links-back` (no-link,
 * blocked, timeout …), gets only the findings that need no partner data:
 * generic/exact-match anchor (ours), hidden link (ours), footer placement
 * (ours), many outbound domains.
 */
import { FindingSchema, type Finding } from '../findings';
import type { SiteStats } from '../schemas';
import { SettingsSchema, type Settings, type SettingsInput } from '../settings';
import { backlinkNotIndexable } from './backlink-not-indexable';
import { authorBioBacklink } from './author-bio-backlink';
import { boilerplateBacklinkRule } from './boilerplate-backlink';
import { cloakedBacklink } from './cloaking';
import { commentBacklink } from './comment-backlink';
import { exactMatchAnchors } from './exact-match-anchors';
import { exchangeVelocity } from './exchange-velocity';
import { buildPostFacts, type EvaluateOptions } from './facts';
import { followedBothWays } from './followed-both-ways';
import { footerPlacementOurs } from './footer-placement-ours';
import { genericAnchor } from './generic-anchor';
import { hiddenLinkOurs, hiddenLinkTheirs } from './hidden-links';
import { homepageSwapRule } from './homepage-swap';
import { identicalAnchors } from './identical-anchors';
import { linkContext } from './link-context';
import { linkRing } from './link-ring';
import { partnerNetwork } from './partner-network';
import { sharedFootprint } from './shared-footprint';
import { weakDestination } from './weak-destination';
import { offTopicPartner } from './off-topic-partner';
import {
	manyOutboundDomainsBlock,
	manyOutboundDomainsPost,
} from './outbound-domains';
import { reciprocalLink } from './reciprocal-link';
import { tooManyPartners } from './too-many-partners';
import type { LinkFacts, PostAnalysisInput, PostRule, SiteRule } from './types';

export * from './types';
export {
	buildPostFacts,
	groupLinks,
	isPartnerSectionHeading,
	pageKeywords,
	TRAILING_LIST_END,
	TRAILING_LIST_START,
	type EvaluateOptions,
} from './facts';
export { RECIPROCAL_CLUSTER } from './outbound-domains';
export { MIN_CONTEXT_CHARS } from './link-context';
export { isPricingPage } from './weak-destination';

/** Post rules in the order their findings are listed for a link. */
export const POST_RULES: Readonly< Record< string, PostRule > > = {
	'reciprocal-link': reciprocalLink,
	'hidden-link-ours': hiddenLinkOurs,
	'hidden-link-theirs': hiddenLinkTheirs,
	'exact-match-anchors': exactMatchAnchors,
	'identical-anchors': identicalAnchors,
	'homepage-swap': homepageSwapRule,
	'boilerplate-backlink': boilerplateBacklinkRule,
	'author-bio-backlink': authorBioBacklink,
	'comment-backlink': commentBacklink,
	'footer-placement-ours': footerPlacementOurs,
	'off-topic-partner': offTopicPartner,
	'followed-both-ways': followedBothWays,
	'backlink-not-indexable': backlinkNotIndexable,
	'cloaked-backlink': cloakedBacklink,
	'link-ring': linkRing,
	'partner-network': partnerNetwork,
	'shared-footprint': sharedFootprint,
	'link-context': linkContext,
	'weak-destination': weakDestination,
	'generic-anchor': genericAnchor,
	'many-outbound-domains-block': manyOutboundDomainsBlock,
	'many-outbound-domains-post': manyOutboundDomainsPost,
};

/**
 * The post rules whose findings depend on more than one link: a block's or
 * the whole post's outbound domains. Every other post rule's findings for
 * a link are a function of that link's facts, the settings and the site's
 * counts alone, given in the order of the links; the incremental evaluator
 * (incremental.ts) relies on it, recomputing only the links whose check
 * result changed, and its equivalence test pins it. A new rule that looks
 * across links belongs here.
 */
export const WHOLE_POST_RULES: ReadonlySet< string > = new Set( [
	'many-outbound-domains-block',
	'many-outbound-domains-post',
] );

export const SITE_RULES: Readonly< Record< string, SiteRule > > = {
	'too-many-partners': tooManyPartners,
	'exchange-velocity': exchangeVelocity,
};

/** Codes only evaluateSite produces (evaluatePost never does). */
export const SITE_FINDING_CODES = [
	'too-many-partners',
	'exchange-velocity',
] as const;

/**
 * Settings objects are immutable values in every caller (the editor store,
 * the service's parsed config), and the editor evaluates on every change:
 * each object is validated once.
 */
const PARSED_SETTINGS = new WeakMap< object, Settings >();

/** The settings parsed (each settings object once). */
export function settingsOf(
	settings: Settings | SettingsInput | undefined
): Settings {
	if ( ! settings || typeof settings !== 'object' ) {
		return SettingsSchema.parse( {} );
	}
	let parsed = PARSED_SETTINGS.get( settings );
	if ( ! parsed ) {
		parsed = SettingsSchema.parse( settings );
		PARSED_SETTINGS.set( settings, parsed );
	}
	return parsed;
}

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 } as const;

/**
 * Findings about one post. Order: by the link's position in the post
 * (post-wide findings last), then most severe first, then rule order.
 * Identical findings (same code, link and params — a link repeated in the
 * post) are listed once.
 */
export function evaluatePost(
	input: PostAnalysisInput,
	settings: Settings | SettingsInput,
	options: EvaluateOptions = {}
): Finding[] {
	const facts = buildPostFacts( input, settingsOf( settings ), options );
	return orderFindings(
		facts.links,
		Object.values( POST_RULES ).map( ( rule ) => rule( facts ) )
	);
}

/**
 * The post's findings from each rule's findings (`byRule`, in POST_RULES
 * order, each in the order the rule gave them): identical ones once, then
 * ordered by the link's position in the post (post-wide findings last),
 * most severe first, then rule order. evaluatePost and the incremental
 * evaluator (incremental.ts) both end here, so their lists agree.
 */
export function orderFindings(
	links: readonly LinkFacts[],
	byRule: ReadonlyArray< readonly Finding[] >
): Finding[] {
	const order = new Map< string, number >();
	links.forEach( ( f ) => {
		if ( ! order.has( f.href ) ) {
			order.set( f.href, f.index );
		}
	} );
	// Identity = code, link (undefined and null alike) and params as JSON.
	// Looked up code first, then link: the link strings are the facts' own
	// (their hashes are computed once), where a combined key would be a new
	// string to hash for every finding. Most (code, link) pairs occur once:
	// their params are kept as they are, and only serialised when a second
	// finding with the same code and link turns up.
	const seen = new Map< string, Map< string | null, unknown > >();
	const findings: Finding[] = [];
	const positions: number[] = [];
	const severities: number[] = [];
	const rules: number[] = [];
	byRule.forEach( ( ruleFindings, ruleIndex ) => {
		for ( const finding of ruleFindings ) {
			const link = finding.linkUrl ?? null;
			let byLink = seen.get( finding.code );
			if ( ! byLink ) {
				byLink = new Map();
				seen.set( finding.code, byLink );
			}
			const prior = byLink.get( link );
			if ( prior === undefined && ! byLink.has( link ) ) {
				byLink.set( link, finding.params );
			} else {
				const repeats =
					prior instanceof SeenParams
						? prior
						: new SeenParams( paramsJson( prior ) );
				const json = paramsJson( finding.params );
				if ( repeats.json.includes( json ) ) {
					continue;
				}
				repeats.json.push( json );
				byLink.set( link, repeats );
			}
			findings.push( finding );
			positions.push(
				finding.linkUrl === undefined
					? Number.MAX_SAFE_INTEGER
					: ( order.get( finding.linkUrl ) ??
							Number.MAX_SAFE_INTEGER )
			);
			severities.push( SEVERITY_RANK[ finding.severity ] );
			rules.push( ruleIndex );
		}
	} );
	// Stable sort of the findings' places by position, severity, rule.
	const places = findings.map( ( _finding, i ) => i );
	places.sort(
		( a, b ) =>
			positions[ a ] - positions[ b ] ||
			severities[ a ] - severities[ b ] ||
			rules[ a ] - rules[ b ]
	);
	return places.map( ( i ) => findings[ i ] );
}

/** The params JSON of the findings seen so far for one code and link. */
class SeenParams {
	readonly json: string[];

	constructor( first: string ) {
		this.json = [ first ];
	}
}

function paramsJson( params: unknown ): string {
	return JSON.stringify( params ) ?? 'null';
}

/** Site-wide findings from the site's counts (no linkUrl). */
export function evaluateSite(
	stats: SiteStats,
	settings: Settings | SettingsInput
): Finding[] {
	const parsed = settingsOf( settings );
	return Object.values( SITE_RULES ).flatMap( ( rule ) =>
		rule( stats, parsed )
	);
}

/** Validate a finding list against the contract (for tests and boundaries). */
export function assertFindings( findings: unknown ): Finding[] {
	return FindingSchema.array().parse( findings );
}
