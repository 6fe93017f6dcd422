/**
 * The verdict on one post, signed like /v1/check:
 *
 *   POST /v1/post/findings   PostVerdictRequest -> PostVerdictResponse
 *
 * WordPress asks this before a post becomes public (the publishing lock on
 * the server, issue 16 item 2): the post's HTML goes in, the findings the
 * block editor would show come out. The same steps as the editor, on the
 * service's side: the core extractor over the post as a fragment, the
 * external targets checked through the check service (stored results
 * younger than the TTL answer at once, as they do for the editor), the
 * site's counts as `/v1/stats` gives them, then `evaluatePost` and
 * `evaluateSite` with the settings WordPress sends (the ones the editor
 * evaluates with), on top of the site's effective settings.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { analyzeHtml } from '../../core/extract';
import { FindingSchema } from '../../core/findings';
import type { Finding } from '../../core/findings';
import { evaluatePost, evaluateSite } from '../../core/rules';
import {
	CheckRequestSchema,
	MAX_LINKS_PER_CHECK,
	type BacklinkResult,
	type SiteStats,
} from '../../core/schemas';
import { SettingsSchema } from '../../core/settings';
import type { Settings } from '../../core/settings';
import { createSiteMatcher, urlKey } from '../../core/url';
import type { CheckService } from '../check-service';
import type { SettingsFor } from '../site-settings';
import { siteIdentity } from '../store/site-identity';
import type { SiteRecord, Store } from '../store/types';
import { HttpError, validationError } from './errors';

/** Codes evaluateSite produces; the post's own list leaves them out, as the editor does. */
const SITE_CODES: readonly string[] = [
	'too-many-partners',
	'exchange-velocity',
];

const HttpUrl = CheckRequestSchema.shape.site;

export const PostVerdictRequestSchema = z.object( {
	/** Our site's home URL (must be the signing site or one of its aliases). */
	site: HttpUrl,
	post: z.object( {
		/** Base for relative hrefs: the post's permalink or the home URL. */
		url: HttpUrl,
		title: z.string().max( 1000 ).default( '' ),
		/** The post's content as the published page shows it. */
		html: z.string(),
		/** Yoast's focus keyphrase, when there is one. */
		focusKeyphrase: z.string().max( 200 ).optional(),
	} ),
	/**
	 * The settings the editor evaluates with (WordPress's stored ones), on
	 * top of the site's effective settings; any subset of Settings.
	 */
	settings: z.record( z.string(), z.unknown() ).optional(),
	/** Other URLs of our site, as in CheckRequest. */
	alternateUrls: z.array( HttpUrl ).max( 20 ).optional(),
} );
export type PostVerdictRequest = z.infer< typeof PostVerdictRequestSchema >;

export const PostVerdictResponseSchema = z.object( {
	site: z.string(),
	/** Findings about the post and its links (no site-wide codes). */
	findings: z.array( FindingSchema ),
	/** The site-wide findings (too many partners, exchange velocity). */
	siteFindings: z.array( FindingSchema ),
	/** Distinct external targets of the post. */
	targets: z.number().int().nonnegative(),
	/** Of those, the ones not checked (beyond MAX_LINKS_PER_CHECK). */
	uncheckedTargets: z.number().int().nonnegative(),
} );
export type PostVerdictResponse = z.infer< typeof PostVerdictResponseSchema >;

export interface PostVerdictRoutesDeps {
	store: Store;
	checkService: CheckService;
	settingsFor: SettingsFor;
	authenticate: ( request: FastifyRequest ) => Promise< void >;
	parseJson: ( body: Buffer ) => unknown;
	now: () => number;
}

/** The request's settings over the site's, validated as a whole. */
function settingsOf(
	effective: Settings,
	sent: Record< string, unknown > | undefined
): Settings {
	const known = Object.keys( SettingsSchema.shape );
	const picked: Record< string, unknown > = {};
	for ( const [ name, value ] of Object.entries( sent ?? {} ) ) {
		// A plugin newer than the service may send a field it does not know.
		if ( known.includes( name ) ) {
			picked[ name ] = value;
		}
	}
	const parsed = SettingsSchema.safeParse( { ...effective, ...picked } );
	if ( ! parsed.success ) {
		const error = validationError( parsed.error );
		throw new HttpError(
			400,
			'ERR_VALIDATION',
			`settings.${ error.message }`,
			`settings.${ error.field ?? '' }`
		);
	}
	return parsed.data;
}

export function registerPostVerdictRoutes(
	app: FastifyInstance,
	deps: PostVerdictRoutesDeps
): void {
	const { store, checkService, settingsFor, authenticate } = deps;

	app.post(
		'/v1/post/findings',
		{ preHandler: authenticate },
		async ( request ): Promise< PostVerdictResponse > => {
			const site = request.site as SiteRecord;
			const body = Buffer.isBuffer( request.body )
				? request.body
				: Buffer.alloc( 0 );
			const parsed = PostVerdictRequestSchema.safeParse(
				deps.parseJson( body )
			);
			if ( ! parsed.success ) {
				throw validationError( parsed.error );
			}
			const input = parsed.data;
			const identity = siteIdentity( input.site );
			const signedFor = [ site.url, ...site.alternateUrls ].map(
				( url ) => siteIdentity( url )?.siteKey
			);
			if ( ! identity || ! signedFor.includes( identity.siteKey ) ) {
				throw new HttpError(
					403,
					'ERR_SITE_MISMATCH',
					`site: the request is signed by ${ site.url } but asks about ${ input.site }`,
					'site'
				);
			}
			const settings = settingsOf(
				await settingsFor( site ),
				input.settings
			);
			const siteUrls = [
				input.site,
				...( input.alternateUrls ?? [] ),
				...site.alternateUrls,
			];

			const { links, facts } = analyzeHtml(
				input.post.html,
				input.post.url,
				{ fragment: true }
			);
			const matcher = createSiteMatcher( siteUrls );
			// One check per distinct target, with the first anchor seen for it.
			const targets = new Map< string, { url: string; text: string } >();
			for ( const link of links ) {
				if ( matcher.isOurs( link.href ) ) {
					continue;
				}
				const key = urlKey( link.href );
				if ( ! targets.has( key ) ) {
					targets.set( key, {
						url: link.href,
						text: link.text.slice( 0, 1000 ),
					} );
				}
			}
			const checked = [ ...targets.values() ]
				.filter( ( target ) => /^https?:\/\//i.test( target.url ) )
				.slice( 0, MAX_LINKS_PER_CHECK );

			const backlinks: Record< string, BacklinkResult > = {};
			if ( checked.length > 0 ) {
				// As the plugin's check route sends them for the editor: the
				// post's focus keyphrase first, then the site's keywords.
				const keywords = [
					...new Set(
						[
							input.post.focusKeyphrase?.trim() ?? '',
							...settings.keywords,
						].filter( ( keyword ) => keyword !== '' )
					),
				].slice( 0, 50 );
				const response = await checkService.check(
					{
						site: input.site,
						links: checked.map( ( target ) => ( {
							url: target.url,
							anchorText: target.text,
						} ) ),
						homepage: true,
						fresh: false,
						keywords,
						...( input.alternateUrls?.length
							? { alternateUrls: input.alternateUrls }
							: {} ),
					},
					site
				);
				for ( const result of response.results ) {
					backlinks[ urlKey( result.target ) ] = result;
				}
			}

			const since = new Date(
				deps.now() - settings.velocityWindowDays * 86_400_000
			);
			const stats: SiteStats = await store.siteStats( site.id, since );
			const title = input.post.title.trim();
			const findings: Finding[] = evaluatePost(
				{
					siteUrls,
					postText: title
						? `${ title }\n${ facts.textSample }`
						: facts.textSample,
					focusKeyphrase: input.post.focusKeyphrase || undefined,
					links,
					backlinks,
					siteStats: stats,
				},
				settings
			).filter( ( finding ) => ! SITE_CODES.includes( finding.code ) );
			return PostVerdictResponseSchema.parse( {
				site: input.site,
				findings,
				siteFindings: evaluateSite( stats, settings ),
				targets: targets.size,
				uncheckedTargets: targets.size - checked.length,
			} );
		}
	);
}
