/**
 * Every threshold the rules use lives here, validated, with defaults. The
 * WordPress settings page edits exactly this object; the service and the
 * CLI accept it as JSON.
 */
import { z } from 'zod';
import { FindingCodeSchema } from './findings';

const Share = z.number().min( 0 ).max( 1 );
const Count = z.number().int().min( 0 );

export const SettingsSchema = z.object( {
	/** Keywords our site targets; an anchor equal to one is exact-match. */
	keywords: z
		.array( z.string().trim().min( 1 ).max( 200 ) )
		.max( 500 )
		.default( [] ),
	/** Brand names of ours and partners' (anchors equal to a brand are branded). */
	brandTerms: z
		.array( z.string().trim().min( 1 ).max( 200 ) )
		.max( 200 )
		.default( [] ),
	/** Reciprocal partners site-wide before `too-many-partners` fires. */
	maxReciprocalPartners: Count.default( 10 ),
	/** Share of outbound domains that may be reciprocal before `too-many-partners`. */
	maxReciprocalShare: Share.default( 0.25 ),
	/**
	 * The share limit applies from this many partners on: with 2 partners
	 * among 4 outbound domains the share is 50%, which says nothing yet.
	 */
	minPartnersForShare: Count.default( 3 ),
	/** Window for `exchange-velocity`, in days. */
	velocityWindowDays: z.number().int().min( 1 ).max( 365 ).default( 30 ),
	/** New reciprocal partners allowed within the window. */
	maxNewPartnersInWindow: Count.default( 3 ),
	/** Distinct external domains in one block before `many-outbound-domains-block`. */
	maxOutboundDomainsPerBlock: Count.default( 5 ),
	/** Distinct external domains in one post before `many-outbound-domains-post`. */
	maxOutboundDomainsPerPost: Count.default( 20 ),
	/** Relevance below this makes a reciprocal partner `off-topic`. */
	minRelevance: Share.default( 0.08 ),
	/** Share of an anchor's words that must be keyword words for partial-match. */
	partialMatchShare: Share.default( 0.5 ),
	/** Minimum links in a trailing list/partner section for `footer-placement-ours`. */
	minLinksInLinkList: z.number().int().min( 1 ).default( 3 ),
	/** Stored check results younger than this are reused, in hours. */
	checkTtlHours: z
		.number()
		.min( 0 )
		.max( 24 * 90 )
		.default( 24 ),
	/**
	 * A partner's link is reported removed only after it was missing on
	 * this many consecutive conclusive checks (failed checks neither count
	 * nor reset)…
	 */
	removalConfirmChecks: z.number().int().min( 1 ).max( 100 ).default( 2 ),
	/** …spread over at least this many hours: one bad night proves nothing. */
	removalConfirmHours: z
		.number()
		.min( 0 )
		.max( 24 * 90 )
		.default( 24 ),
	/** Finding codes that block publishing when blocking is enabled. */
	blockingCodes: z.array( FindingCodeSchema ).default( [] ),
	/** Whether critical findings in `blockingCodes` lock post saving. */
	blockPublishing: z.boolean().default( false ),
	/**
	 * Fetch every partner page a second time with a browser User-Agent and
	 * compare the links to us (`cloaked-backlink`); a request's own
	 * `cloaking` flag wins. Off by default: it doubles the fetches.
	 */
	checkCloaking: z.boolean().default( false ),
} );

export type Settings = z.infer< typeof SettingsSchema >;
export type SettingsInput = z.input< typeof SettingsSchema >;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse( {} );

/** Parse user-supplied settings, filling defaults; throws a ZodError naming the field. */
export function parseSettings( input: unknown ): Settings {
	return SettingsSchema.parse( input ?? {} );
}
