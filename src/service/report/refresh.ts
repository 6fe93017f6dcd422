/**
 * Turns the link graph and the latest backlink results into what the
 * report reads: findings per post (core rules), site-wide findings, one row
 * per partner domain, and alerts. Run at the end of every scan; it only
 * rewrites derived tables, so running it again (a resumed scan) is safe.
 *
 * Memory: posts are evaluated a page at a time; the partner rows (one per
 * domain, not per post) are held until they are written together.
 */
import type { Alert, PartnerRow, TheirLink } from '../../core/report';
import type {
	Backlink,
	BacklinkResult,
	BacklinkStatus,
	LinkCount,
	Placement,
} from '../../core/schemas';
import { addCounts, keepLinks, linkCountsOf } from '../../core/their-links';
import type { Settings } from '../../core/settings';
import { registrableDomain } from '../../core/url';
import { classifyAnchor } from '../../core/anchors';
import { evaluatePost, evaluateSite } from '../../core/rules';
import type { LinkToUsInput } from '../../core/graph/schemas';
import { loadPartnerGraph, withGraphFacts } from '../graph/partner-graph';
import { storedLinksToUs } from '../backlink-import/graph-edges';
import {
	prepareText,
	relevanceOfPrepared,
	type PreparedText,
} from '../../core/relevance';
import type { SiteRecord, Store, StoredCheck } from '../store/types';
import type {
	PartnerRecord,
	ScanStore,
	StoredPostFinding,
} from '../store/scan-types';
import {
	alertsOf,
	firstSeenOf,
	HISTORY_LIMIT,
	reciprocalSince,
	toTheirLink,
} from './history';

const POST_PAGE = 200;
const DOMAIN_PAGE = 200;
/** Posts per partner compared for relevance (the best match counts). */
const RELEVANCE_POSTS = 20;
/** Posts whose titles and openings stand for the site's topic. */
const SITE_TOPIC_POSTS = 40;
const SITE_TOPIC_CHARS = 600;
/** Prepared texts kept at once (each a few tens of KB). */
const PREPARED_TEXTS = 256;

/**
 * prepareText with a memory of the last `max` texts: a refresh compares
 * thousands of posts with far fewer partner pages and vice versa. Prepared
 * texts give bit-identical scores however often they are reused.
 */
function boundedPreparer( max: number ): ( text: string ) => PreparedText {
	const prepared = new Map< string, PreparedText >();
	return ( text ) => {
		let found = prepared.get( text );
		if ( ! found ) {
			if ( prepared.size >= max ) {
				prepared.clear();
			}
			found = prepareText( text );
			prepared.set( text, found );
		}
		return found;
	};
}

/** Order in which a domain's status is chosen from its targets' statuses. */
const STATUS_RANK: Record< BacklinkStatus, number > = {
	'links-back': 0,
	'no-link': 1,
	'blocked-by-robots': 2,
	'blocked-by-bot-protection': 3,
	'rate-limited': 4,
	timeout: 5,
	'host-busy': 6,
	'http-error': 7,
	unreachable: 8,
	'not-html': 9,
	'too-large': 10,
	'refused-unsafe-address': 11,
	'invalid-url': 12,
};

export interface RefreshOptions {
	store: Store;
	scanStore: ScanStore;
	site: SiteRecord;
	/**
	 * "X links to us" edges for the partner graph besides the partner pages
	 * (default: the site's imported backlinks in `store`).
	 */
	linksToUs?: ( siteId: number ) => Promise< LinkToUsInput[] >;
	settings: Settings;
	now?: () => Date;
}

/**
 * A stored result with its links' anchors classified with `settings`. A
 * stored check carries the classes of whoever asked for it last: an editor's
 * request adds that post's focus keyphrase, and the site's keywords may have
 * changed since. The rules trust a stored "exact-match" (the checker may
 * have known a keyphrase they were not given), so without this the report
 * judged their anchor with keywords it did not use for ours: "exact-match
 * anchor (theirs)" where the same keywords give "both ways" or nothing.
 */
export function classifiedFor(
	result: BacklinkResult,
	settings: Settings
): BacklinkResult {
	if ( result.links.length === 0 ) {
		return result;
	}
	return {
		...result,
		links: result.links.map( ( link ) => ( {
			...link,
			anchorClass: classifyAnchor( link.text, {
				keywords: settings.keywords,
				brandTerms: settings.brandTerms,
				targetUrl: link.href,
				isImage: link.isImage,
				partialMatchShare: settings.partialMatchShare,
			} ),
		} ) ),
	};
}

function pageText( result: BacklinkResult ): string {
	const page = result.page;
	return page ? [ page.title, page.h1, page.textSample ].join( ' ' ) : '';
}

/**
 * The grace period of a partner none of whose targets links back (issue
 * 9): confirmed only when every target that stopped linking is confirmed;
 * otherwise "missing since" the latest disappearance, still confirming.
 */
function partnerRemoval(
	checks: StoredCheck[]
): PartnerRow[ 'removal' ] | undefined {
	const removals = checks
		.map( ( check ) => check.result.removal )
		.filter( ( removal ) => removal !== undefined );
	if ( removals.length === 0 ) {
		return undefined;
	}
	const latest = ( values: string[] ) =>
		values.reduce( ( a, b ) =>
			Date.parse( b ) > Date.parse( a ) ? b : a
		);
	return {
		state: removals.every( ( removal ) => removal.state === 'confirmed' )
			? 'confirmed'
			: 'confirming',
		missingSince: latest(
			removals.map( ( removal ) => removal.missingSince )
		),
		lastSeen: latest( removals.map( ( removal ) => removal.lastSeen ) ),
		misses: Math.min( ...removals.map( ( removal ) => removal.misses ) ),
	};
}

/** Rebuild findings, partner rows and alerts of a site. */
export async function refreshReport(
	options: RefreshOptions
): Promise< void > {
	const { store, scanStore, site, settings } = options;
	const now = ( options.now ?? ( () => new Date() ) )();
	const siteUrls = [ site.url, ...site.alternateUrls ];
	const windowStart =
		now.getTime() - settings.velocityWindowDays * 86_400_000;

	// A post links to several partners: tokenise and weigh its text once
	// per refresh, not once per partner (on a 10,000-post site this was
	// most of the refresh, and most of its garbage). Bounded, so a huge
	// site does not keep every post's vector.
	const preparedPost = boundedPreparer( PREPARED_TEXTS );
	// And every post's rules compare it with its partners' pages: those are
	// prepared once per refresh too, not once per post.
	const preparedPage = boundedPreparer( PREPARED_TEXTS );

	// 1. Partner domains: status, their links, relevance, history, alerts.
	const partners = new Map<
		string,
		Omit< PartnerRecord, 'row' > & { row: Omit< PartnerRow, 'findings' > }
	>();
	const alerts: Alert[] = [];
	let reciprocalPartners = 0;
	let newReciprocalPartners = 0;
	let afterDomain = '';
	for (;;) {
		const domains = await scanStore.listPartnerDomains(
			site.id,
			afterDomain,
			DOMAIN_PAGE
		);
		if ( domains.length === 0 ) {
			break;
		}
		afterDomain = domains[ domains.length - 1 ].domain;
		const firstSeen = await scanStore.partnerFirstSeen(
			site.id,
			domains.map( ( d ) => d.domain ),
			now.toISOString()
		);
		for ( const partner of domains ) {
			const latest = await store.latestChecks(
				site.id,
				partner.targetKeys
			);
			const checks = [ ...latest.values() ];
			const results = checks.map( ( check ) =>
				classifiedFor( check.result, settings )
			);
			const status = checks.reduce< BacklinkStatus | null >(
				( best, check ) =>
					best === null ||
					STATUS_RANK[ check.status ] < STATUS_RANK[ best ]
						? check.status
						: best,
				null
			);
			const distinct: Backlink[] = [];
			const linkKeys = new Set< string >();
			// Their homepage is counted once, however many targets saw it.
			const homepages = new Set< string >();
			const counts: LinkCount[][] = [];
			for ( const result of results ) {
				for ( const link of result.links ) {
					const key = `${ link.pageUrl }|${ link.href }|${ link.placement }|${ link.text }`;
					if ( ! linkKeys.has( key ) ) {
						linkKeys.add( key );
						distinct.push( link );
					}
				}
				const all = linkCountsOf( result );
				counts.push(
					all.filter( ( count ) => count.foundOn === 'target-page' )
				);
				const homepage = new URL( '/', result.target ).href;
				if ( ! homepages.has( homepage ) ) {
					homepages.add( homepage );
					counts.push(
						all.filter( ( count ) => count.foundOn === 'homepage' )
					);
				}
			}
			// Bounded like a result: the partner row of a link farm is small.
			const theirLinks: TheirLink[] =
				keepLinks( distinct ).map( toTheirLink );
			const theirCounts = addCounts( ...counts );
			const lastChecked = checks.reduce< StoredCheck | null >(
				( newest, check ) =>
					! newest || check.checkedAtMs > newest.checkedAtMs
						? check
						: newest,
				null
			);
			const theirText = checks
				.map( ( check ) => pageText( check.result ) )
				.join( ' ' )
				.trim();
			let score: number | null = null;
			if ( theirText !== '' ) {
				const ours = await scanStore.linksToDomain(
					site.id,
					partner.domain,
					{ posts: RELEVANCE_POSTS }
				);
				const texts = [
					...new Set(
						ours.map(
							( link ) => `${ link.postTitle } ${ link.postText }`
						)
					),
				];
				const theirs = prepareText( theirText );
				for ( const text of texts.slice( 0, RELEVANCE_POSTS ) ) {
					score = Math.max(
						score ?? 0,
						relevanceOfPrepared( preparedPost( text ), theirs )
							.score
					);
				}
			}
			const history = await store.checkHistory( site.id, {
				domain: partner.domain,
				limit: HISTORY_LIMIT,
			} );
			const since = reciprocalSince( history );
			if ( status === 'links-back' ) {
				reciprocalPartners++;
				if ( since && Date.parse( since ) >= windowStart ) {
					newReciprocalPartners++;
				}
			}
			alerts.push(
				...alertsOf( partner.domain, history, {
					confirmChecks: settings.removalConfirmChecks,
					confirmHours: settings.removalConfirmHours,
				} )
			);
			const removal =
				status === 'links-back' ? undefined : partnerRemoval( checks );
			partners.set( partner.domain, {
				row: {
					domain: partner.domain,
					ourPosts: partner.ourPosts,
					ourLinks: partner.ourLinks,
					status,
					theirLinks,
					...( theirCounts.length > 0 ? { theirCounts } : {} ),
					relevance:
						score === null
							? null
							: Math.round( score * 1000 ) / 1000,
					firstSeen: firstSeenOf(
						firstSeen.get( partner.domain ) ?? now.toISOString(),
						[ ...history, ...checks ]
					),
					lastChecked: lastChecked?.checkedAt ?? null,
					...( removal ? { removal } : {} ),
				},
				reciprocalSince: since,
				theirPlacements: [
					...new Set(
						theirCounts.map( ( count ) => count.placement )
					),
				] as Placement[],
			} );
		}
	}
	const siteStats = {
		outboundDomains: partners.size,
		reciprocalPartners,
		newReciprocalPartners,
	};

	// The site's topic: the titles and openings of its first posts. A
	// partner is off-topic only when it is unrelated to the site's subject
	// too, not just to one short post (core/relevance.ts assessOffTopic).
	const siteText = (
		await scanStore.listPosts( site.id, 0, SITE_TOPIC_POSTS )
	)
		.map(
			( p ) =>
				`${ p.title }\n${ p.textSample.slice( 0, SITE_TOPIC_CHARS ) }`
		)
		.join( '\n' );

	// The partner graph as it stands (rings, networks, footprints): its
	// facts go with every partner's result, as in the service's answers.
	const graph = await loadPartnerGraph(
		{
			store,
			linksToUs: options.linksToUs ?? storedLinksToUs( store ),
		},
		site
	);

	// 2. Findings of every post, a page of posts at a time.
	let afterId = 0;
	for (;;) {
		const posts = await scanStore.listPosts( site.id, afterId, POST_PAGE );
		if ( posts.length === 0 ) {
			break;
		}
		afterId = posts[ posts.length - 1 ].id;
		const latest = await store.latestChecks(
			site.id,
			posts.flatMap( ( post ) =>
				post.links.map( ( link ) => link.targetKey )
			)
		);
		// A target linked from many posts of the page is classified once.
		const classified = new Map< string, BacklinkResult >();
		for ( const [ key, check ] of latest ) {
			classified.set(
				key,
				withGraphFacts( classifiedFor( check.result, settings ), graph )
			);
		}
		const found = new Map< number, StoredPostFinding[] >();
		for ( const post of posts ) {
			const backlinks: Record< string, BacklinkResult > = {};
			for ( const link of post.links ) {
				const result = classified.get( link.targetKey );
				if ( result ) {
					backlinks[ link.targetKey ] = result;
				}
			}
			const findings = evaluatePost(
				{
					siteUrls,
					postUrl: post.url,
					postText: `${ post.title }\n${ post.textSample }`,
					siteText,
					links: post.links.map( ( link ) => link.link ),
					backlinks,
					siteStats,
				},
				settings,
				{ prepareText: preparedPage }
			);
			found.set(
				post.id,
				findings.map( ( finding ) => ( {
					domain: finding.linkUrl
						? registrableDomain( finding.linkUrl )
						: null,
					finding,
				} ) )
			);
		}
		await scanStore.replacePostFindings( site.id, found );
	}
	await scanStore.replaceSiteFindings(
		site.id,
		evaluateSite( siteStats, settings )
	);

	// 3. Partner rows with their findings, and the alerts, in one write.
	const records: PartnerRecord[] = [];
	for ( const partner of partners.values() ) {
		// The first finding of each kind, chosen by the store (a partner
		// linked from every post has as many findings as posts).
		const findings = await scanStore.postFindingsOfDomain(
			site.id,
			partner.row.domain
		);
		records.push( { ...partner, row: { ...partner.row, findings } } );
	}
	await scanStore.replacePartners( site.id, records, alerts );
}
