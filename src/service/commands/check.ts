/**
 * `rlg check <url…> --site https://our.site`: does each target link back
 * to our site, and where? Runs the checker in this process (no server
 * needed), with the store in the data directory as TTL cache and history.
 *
 * Exit codes: 0 no findings, 1 a warning or critical finding, 2 an error.
 */
import type { Command } from 'commander';
import { CheckRequestSchema } from '../../core/schemas';
import type {
	BacklinkResult,
	CheckResponse,
	ExtractedLink,
	SiteStats,
} from '../../core/schemas';
import type { Finding } from '../../core/findings';
import { evaluatePost, evaluateSite } from '../../core/rules';
import { urlKey } from '../../core/url';
import type { Settings } from '../../core/settings';
import { validationError } from '../api/errors';
import { createCheckService } from '../check-service';
import { effectiveSettings } from '../site-settings';
import { createLiveChecker } from '../live-checker';
import { resolveCommonConfig } from '../config';
import { RlgError } from '../errors';
import { createLogger, defaultLogLevel } from '../logger';
import { openStore, siteIdentity } from '../store';
import { formatTable, rowOf } from './check-table';
import {
	dataDirOption,
	print,
	resolveOption,
	settingsOption,
	ttlOption,
} from './options';

interface CheckOptions {
	site: string;
	json?: boolean;
	homepage: boolean;
	fresh?: boolean;
	resolve?: string[];
	keyword?: string[];
	dataDir?: string;
	ttlHours?: string;
	settings?: string;
	cloaking?: boolean;
	render?: boolean;
	alias?: string[];
}

export interface CheckReport extends CheckResponse {
	/** Findings about our links to the targets (and site-wide ones). */
	findings: Finding[];
}

function collect( value: string, previous: string[] | undefined ): string[] {
	return [ ...( previous ?? [] ), value ];
}

export interface FindingsInput {
	response: CheckResponse;
	siteUrls: string[];
	settings: Settings;
	keywords: string[];
	/** The site's counts from the store; adds the site-wide findings. */
	stats?: SiteStats;
}

/**
 * Findings by the core rules. The CLI knows no post: each target becomes
 * a link of an empty post, in its own block, with the URL as its anchor,
 * so only what the partner does (and the site-wide counts) can be judged,
 * not our anchor text or placement.
 */
export function findingsOf( input: FindingsInput ): Finding[] {
	const { response, settings } = input;
	const count = response.results.length;
	const links: ExtractedLink[] = response.results.map(
		( result, index ) => ( {
			href: result.target,
			text: result.target,
			rel: [],
			placement: 'content',
			hidden: null,
			isImage: false,
			block: index,
			heading: null,
			inList: false,
			position: count > 1 ? index / ( count - 1 ) : 0,
		} )
	);
	const backlinks: Record< string, BacklinkResult > = {};
	for ( const result of response.results ) {
		backlinks[ urlKey( result.target ) ] = result;
	}
	const post = evaluatePost(
		{
			siteUrls: input.siteUrls,
			postText: '',
			links,
			backlinks,
			siteStats: input.stats,
		},
		{
			...settings,
			keywords: [
				...new Set( [ ...settings.keywords, ...input.keywords ] ),
			],
		}
	);
	return input.stats
		? [ ...post, ...evaluateSite( input.stats, settings ) ]
		: post;
}

export function register( program: Command ): void {
	program
		.command( 'check' )
		.description(
			'check whether each URL links back to our site, and where (exit 0 ok, 1 findings, 2 error)'
		)
		.argument( '<url...>', 'target URLs our site links to' )
		.requiredOption( '--site <url>', "our site's home URL" )
		.option( '--json', 'print the results as JSON' )
		.option( '--no-homepage', "do not also look at each target's homepage" )
		.option( '--fresh', 'ignore stored results, fetch everything again' )
		.option(
			'--keyword <keyword>',
			'a keyword of ours for anchor classification (repeatable)',
			collect
		)
		.option(
			'--cloaking',
			'also fetch each page with a browser User-Agent and compare the links to us'
		)
		.option(
			'--render',
			'also render each page in Chromium (/usr/bin/chromium) to see links inserted by JavaScript'
		)
		.option(
			'--alias <url>',
			'another URL or domain of our site (old domain, short domain, staging; repeatable)',
			collect
		)
		.addOption( resolveOption() )
		.addOption( dataDirOption() )
		.addOption( ttlOption() )
		.addOption( settingsOption() )
		.action( async ( urls: string[], options: CheckOptions ) => {
			const identity = siteIdentity( options.site );
			if ( ! identity ) {
				throw new RlgError(
					'ERR_INVALID_SITE',
					`--site "${ options.site }" is not an absolute http(s) URL`
				);
			}
			const parsed = CheckRequestSchema.safeParse( {
				site: identity.url,
				links: urls.map( ( url ) => ( { url } ) ),
				homepage: options.homepage,
				fresh: options.fresh ?? false,
				keywords: options.keyword ?? [],
				cloaking: options.cloaking ? true : undefined,
				rendered: options.render === true,
				alternateUrls: ( options.alias ?? [] ).map( ( alias ) =>
					/^https?:\/\//i.test( alias )
						? alias
						: `https://${ alias }/`
				),
			} );
			if ( ! parsed.success ) {
				const error = validationError( parsed.error );
				throw new RlgError( error.code, error.message );
			}
			const { dataDir, settings } = resolveCommonConfig( options );
			// Logs go to stderr so that --json output stays parseable.
			const logger = createLogger( {
				level: defaultLogLevel( 'warn' ),
				destination: 2,
			} );
			// The checker first: a bad --resolve entry throws before the store opens.
			const live = createLiveChecker( {
				resolve: options.resolve,
				logger,
			} );
			const store = openStore( { dataDir } );
			let report: CheckReport;
			try {
				const site = await store.ensureSite( identity );
				// A registered site's own settings (saved in WordPress, PUT
				// /v1/site/settings) go over these, as for the running service.
				const siteSettings = effectiveSettings(
					settings,
					( await store.getSiteSettings( site.id ) )?.settings
				);
				const service = createCheckService( {
					store,
					checker: live.checker,
					settings: siteSettings,
					logger,
				} );
				const response = await service.check( parsed.data, site );
				const stats = await store.siteStats(
					site.id,
					new Date(
						Date.now() -
							siteSettings.velocityWindowDays * 86_400_000
					)
				);
				report = {
					...response,
					findings: findingsOf( {
						response,
						siteUrls: [
							site.url,
							...site.alternateUrls,
							...( parsed.data.alternateUrls ?? [] ),
						],
						settings: siteSettings,
						keywords: parsed.data.keywords,
						stats,
					} ),
				};
			} finally {
				await live.close();
				await store.close();
			}
			if ( options.json ) {
				print( JSON.stringify( report, null, 2 ) );
			} else {
				const siteWide = report.findings.filter(
					( finding ) =>
						finding.linkUrl === undefined &&
						finding.severity !== 'info'
				);
				print(
					formatTable(
						report.results.map( ( result ) =>
							rowOf(
								result,
								report.findings.filter(
									( finding ) =>
										finding.linkUrl === result.target
								)
							)
						)
					)
				);
				if ( siteWide.length > 0 ) {
					print(
						`\nSite-wide: ${ siteWide
							.map(
								( finding ) =>
									`${ finding.code } (${ finding.severity })`
							)
							.join( ', ' ) }`
					);
				}
			}
			const serious = report.findings.some(
				( finding ) => finding.severity !== 'info'
			);
			process.exitCode = serious ? 1 : 0;
		} );
}
