/**
 * `rlg check <url…> --site https://our.site`: does each target link back
 * to our site, and where? Runs the checker in this process (no server
 * needed), with the store in the data directory as TTL cache and history.
 *
 * Failed fetches are never served from the store to the CLI: a person
 * running `rlg check` again wants a new attempt, not the last failure (the
 * service keeps them 15 minutes to spare partners a retry storm).
 *
 * Exit codes (exit-codes.ts): 0 no findings, 1 a warning or critical
 * finding, 2 a usage or input error, 3 a target could not be checked.
 */
import type { Command } from 'commander';
import type { ZodError } from 'zod';
import { CheckRequestSchema } from '../../core/schemas';
import type {
	BacklinkResult,
	CheckResponse,
	ExtractedLink,
	SiteStats,
} from '../../core/schemas';
import { findingTitle } from '../../core/finding-titles';
import type { Finding } from '../../core/findings';
import { findingEvidence } from '../../core/graph/evidence';
import { evaluatePost, evaluateSite } from '../../core/rules';
import { urlKey } from '../../core/url';
import type { Settings } from '../../core/settings';
import { createCheckService } from '../check-service';
import { effectiveSettings } from '../site-settings';
import { createLiveChecker } from '../live-checker';
import { resolveCommonConfig } from '../config';
import { RlgError } from '../errors';
import { connectStore, siteIdentity } from '../store';
import { theirVerdict } from '../../core/their-links';
import { shownText } from '../verdict-text';
import { formatTable, reasonLines, rowOf, uncheckable } from './check-table';
import { cliLogger } from './cli-log';
import {
	EXIT_CODES_HELP,
	EXIT_FINDINGS,
	EXIT_OK,
	EXIT_UNCHECKED,
} from './exit-codes';
import {
	dataDirOption,
	databaseOption,
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
	database?: string;
	ttlHours?: string;
	settings?: string;
	cloaking?: boolean;
	render?: boolean;
	alias?: string[];
	siteWide?: boolean;
}

export interface CheckReport extends CheckResponse {
	/** Findings about our links to the targets (and site-wide ones with --site-wide). */
	findings: Finding[];
	/**
	 * With --site-wide: the site's counts the site-wide findings were
	 * judged on, from every check stored in `dataDir` (not only these URLs).
	 */
	siteWide?: { stats: SiteStats; dataDir: string };
}

function collect( value: string, previous: string[] | undefined ): string[] {
	return [ ...( previous ?? [] ), value ];
}

export interface FindingsInput {
	response: CheckResponse;
	siteUrls: string[];
	settings: Settings;
	keywords: string[];
	/**
	 * The site's counts from the store (only with --site-wide): adds the
	 * site-wide findings. Without them the URLs given are judged alone.
	 */
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

/** The arguments `rlg check` turns into a CheckRequest, as the user typed them. */
export interface CheckArguments {
	urls: string[];
	aliases: string[];
	keywords: string[];
}

function isAbsoluteHttpUrl( value: string ): boolean {
	try {
		const { protocol } = new URL( value );
		return protocol === 'http:' || protocol === 'https:';
	} catch {
		return false;
	}
}

/**
 * Refuses a target that is not an absolute http(s) URL, naming the
 * argument and the value (the request schema would only say `links.0.url`).
 *
 * @throws RlgError ERR_INVALID_URL.
 */
export function assertTargetUrls( urls: string[] ): void {
	for ( const url of urls ) {
		if ( ! isAbsoluteHttpUrl( url ) ) {
			throw new RlgError(
				'ERR_INVALID_URL',
				`<url> "${ url }" is not an absolute http(s) URL (e.g. https://partner.example/page)`
			);
		}
	}
}

/**
 * A request schema error in the words of the command line: the option or
 * argument and the value the user gave, not the request's internal path.
 */
export function cliValidationMessage(
	error: ZodError,
	args: CheckArguments
): string {
	const [ issue ] = error.issues;
	const [ field, index ] = issue.path;
	const at = typeof index === 'number' ? index : -1;
	const named: Record< string, [ string, string[] ] > = {
		links: [ '<url>', args.urls ],
		alternateUrls: [ '--alias', args.aliases ],
		keywords: [ '--keyword', args.keywords ],
	};
	const [ name, values ] = named[ String( field ) ] ?? [
		String( field ),
		[],
	];
	const value = values[ at ];
	return `${ name }${
		value === undefined ? '' : ` "${ value }"`
	}: ${ issue.message }`;
}

export function register( program: Command ): void {
	program
		.command( 'check' )
		.description(
			'check whether each URL links back to our site, and where'
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
		.option(
			'--site-wide',
			'also judge the site-wide rules (too-many-partners, exchange-velocity) on every check stored in the data directory, not only these URLs'
		)
		.addOption( resolveOption() )
		.addOption( dataDirOption() )
		.addOption( databaseOption() )
		.addOption( ttlOption() )
		.addOption( settingsOption() )
		.addHelpText(
			'after',
			`\nExamples:\n  rlg check https://partner.example/our-review --site https://our.site\n  rlg check https://partner.example/page --site https://our.site --json\n\n${ EXIT_CODES_HELP }\n(1 wins over 3 when a target has findings and another could not be checked.)`
		)
		.action( async ( urls: string[], options: CheckOptions ) => {
			const identity = siteIdentity( options.site );
			if ( ! identity ) {
				throw new RlgError(
					'ERR_INVALID_SITE',
					`--site "${ options.site }" is not an absolute http(s) URL (e.g. https://our.site)`
				);
			}
			assertTargetUrls( urls );
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
				throw new RlgError(
					'ERR_VALIDATION',
					cliValidationMessage( parsed.error, {
						urls,
						aliases: options.alias ?? [],
						keywords: options.keyword ?? [],
					} )
				);
			}
			const { dataDir, databaseUrl, settings } =
				resolveCommonConfig( options );
			// Logs go to stderr so that --json output stays parseable.
			const logger = cliLogger();
			// The checker first: a bad --resolve entry throws before the store opens.
			const live = createLiveChecker( {
				resolve: options.resolve,
				logger,
			} );
			const store = await connectStore( { dataDir, databaseUrl } );
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
					// Retry failed fetches on every run (see the header).
					retryMinutes: 0,
				} );
				const response = await service.check( parsed.data, site );
				// The URLs given are judged alone; the store's counts of
				// earlier runs only when the site-wide rules are asked for.
				const stats = options.siteWide
					? await store.siteStats(
							site.id,
							new Date(
								Date.now() -
									siteSettings.velocityWindowDays * 86_400_000
							)
						)
					: undefined;
				report = {
					...response,
					...( stats ? { siteWide: { stats, dataDir } } : {} ),
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
				// The graph and link findings with the chain a person can
				// check; info ones stay out, as from the WARNINGS column.
				for ( const finding of report.findings ) {
					const evidence = findingEvidence( finding );
					if (
						evidence !== null &&
						finding.linkUrl &&
						finding.severity !== 'info'
					) {
						print(
							`${ finding.linkUrl }: ${ findingTitle(
								finding.code
							) } (${ finding.severity }): ${ evidence }`
						);
					}
				}
				const reasons = reasonLines( report.results );
				if ( reasons.length > 0 ) {
					print( `\nCould not check:\n${ reasons.join( '\n' ) }` );
				}
				for ( const result of report.results ) {
					const shown = shownText(
						theirVerdict( result ),
						result.links.length
					);
					if ( shown ) {
						print(
							`${ result.target }: ${ shown } (--json lists those kept)`
						);
					}
				}
				if ( report.siteWide ) {
					const { stats } = report.siteWide;
					print(
						`\nSite-wide (--site-wide; every check stored in ${ report.siteWide.dataDir }: ${ stats.reciprocalPartners } of ${ stats.outboundDomains } partner domains link back, ${ stats.newReciprocalPartners } new in the window): ${
							siteWide.length > 0
								? siteWide
										.map(
											( finding ) =>
												`${ finding.code } (${ finding.severity })`
										)
										.join( ', ' )
								: 'no findings'
						}`
					);
				}
			}
			const serious = report.findings.some(
				( finding ) => finding.severity !== 'info'
			);
			if ( serious ) {
				process.exitCode = EXIT_FINDINGS;
			} else {
				process.exitCode = report.results.some( uncheckable )
					? EXIT_UNCHECKED
					: EXIT_OK;
			}
		} );
}
