/**
 * `rlg scan <site>`: read every post of a site (WordPress REST API, or its
 * sitemap with --sitemap), check every partner, and print the report's
 * summary. Runs in this process with the data directory's store, so a scan
 * killed half-way continues where it stopped when run again.
 *
 * Progress goes to stderr: bars (posts read, partners checked, ETA) on a
 * terminal, a plain line every few seconds otherwise.
 *
 * Exit codes (exit-codes.ts): 0 no findings, 1 a warning or critical
 * finding, 2 a usage or input error, 3 the site could not be read.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Option } from 'commander';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { resolveCommonConfig } from '../config';
import { isRlgError, RlgError } from '../errors';
import {
	DOMAIN_ORDER,
	reportCsv,
	reportHead,
	reportHtmlStream,
	reportJson,
	settingsUsedText,
	streamPartners,
} from '../report/export';
import type { FullReport } from '../report/export';
import { localDate, percent, plural } from '../report/format';
import { creditDomains } from '../scan/credit-links';
import { createScanRuntime } from '../scan/runtime';
import { findingTitle } from '../../core/finding-titles';
import { rowVerdict } from '../../core/their-links';
import { wheresText } from '../verdict-text';
import type { ScanRecord } from '../store/scan-types';
import type { PartnerRow } from '../../core/report';
import { connectStore, siteIdentity } from '../store';
import { cliLogger } from './cli-log';
import { EXIT_CODES_HELP } from './exit-codes';
import {
	dataDirOption,
	databaseOption,
	print,
	resolveOption,
	settingsOption,
	ttlOption,
} from './options';

interface ScanCommandOptions {
	sitemap?: string | true;
	full?: boolean;
	json?: boolean;
	csv?: string;
	html?: string;
	user?: string;
	appPassword?: string;
	resolve?: string[];
	dataDir?: string;
	database?: string;
	ttlHours?: string;
	settings?: string;
	progress: boolean;
	creditDomain?: string[];
}

/**
 * The ETA of a bar: cli-progress prints "NFs" for a bar that has not
 * moved yet (its estimate is infinite); say "–" until there is one.
 */
export function etaText(
	seconds: number,
	options: cliProgress.Options,
	roundTo: number
): string {
	return Number.isFinite( seconds )
		? cliProgress.Format.TimeFormat( seconds, options, roundTo )
		: '–';
}

/** Shows a scan's progress on stderr: bars on a terminal, lines otherwise. */
export function createProgressReporter(
	stream: NodeJS.WriteStream = process.stderr,
	options: { intervalMs?: number } = {}
): { update: ( scan: ScanRecord ) => void; stop: () => void } {
	if ( stream.isTTY ) {
		const bars = new cliProgress.MultiBar(
			{
				stream,
				format: ' {label} [{bar}] {value}/{total} | ETA {eta_formatted}',
				formatTime: etaText,
				hideCursor: true,
				clearOnComplete: false,
				etaBuffer: 50,
			},
			cliProgress.Presets.shades_classic
		);
		const posts = bars.create( 1, 0, { label: 'Posts read      ' } );
		const partners = bars.create( 1, 0, { label: 'Partners checked' } );
		return {
			update( scan ) {
				posts.setTotal(
					Math.max(
						scan.postsTotal ?? scan.postsRead,
						scan.postsRead,
						1
					)
				);
				posts.update( scan.postsRead );
				partners.setTotal( Math.max( scan.partnersTotal, 1 ) );
				partners.update( scan.partnersChecked );
			},
			stop: () => bars.stop(),
		};
	}
	const every = options.intervalMs ?? 5000;
	let last = 0;
	let lastLine = '';
	return {
		update( scan ) {
			const line = `scan ${ scan.id } ${ scan.state }: ${ scan.postsRead }/${
				scan.postsTotal ?? '?'
			} posts read, ${ scan.partnersChecked }/${ scan.partnersTotal } partners checked`;
			const final = scan.state !== 'running';
			if ( scan.state === 'failed' ) {
				// The command prints why, once, as its error line.
				return;
			}
			if (
				line !== lastLine &&
				( final || Date.now() - last >= every )
			) {
				stream.write( `${ line }\n` );
				last = Date.now();
				lastLine = line;
			}
		},
		stop: () => undefined,
	};
}

/**
 * The keywords decide every exact-match finding, and the editor also uses
 * each post's focus keyphrase: say which ones this report used.
 */
function anchorsLine( anchors: FullReport[ 'anchors' ] ): string {
	const quoted = ( list: string[] ) =>
		list.map( ( item ) => `"${ item }"` ).join( ', ' );
	if ( ! anchors.keywords.length ) {
		return 'Anchors: no keywords are set for this site, so anchors count as exact-match only against the title and H1 of the page they point to (set keywords in the plugin, or pass --settings).';
	}
	return `Anchors judged with the keywords ${ quoted( anchors.keywords ) }${
		anchors.brandTerms.length
			? ` and the brand terms ${ quoted( anchors.brandTerms ) }`
			: ''
	} (the editor also uses each post's focus keyphrase).`;
}

/**
 * The partners linking back that the summary lists (the first 20 in
 * domain order) and how many there are in all.
 */
export interface LinkingBack {
	rows: PartnerRow[];
	total: number;
}

/** How many partners linking back the summary names. */
export const SUMMARY_PARTNERS = 20;

/**
 * The report as the terminal shows it. `linking` is the first page of the
 * partners linking back (the CLI asks the store for it, so no partner
 * table is held); without it they are taken from `report.partners.rows`.
 */
export function summaryText(
	report: FullReport,
	linking: LinkingBack = linkingBackOf( report.partners.rows )
): string {
	const { summary } = report;
	const scan = report.lastScan;
	const lines = [
		`Reciprocal link report for ${ report.site }`,
		scan
			? `Scan ${ scan.id } (${ scan.source }): ${ scan.state }, ${ plural(
					scan.postsRead,
					'post'
				) } read, ${ plural(
					scan.partnersChecked,
					'partner link'
				) } checked`
			: 'Not scanned.',
		'',
		`Partner domains:        ${ summary.partnerDomains }`,
		`Linking back:           ${ summary.linkingBack } (${ percent(
			summary.reciprocalShare
		) })`,
		`New reciprocal, 30 d:   ${ summary.newPartners30 }`,
		`New reciprocal, 90 d:   ${ summary.newPartners90 }`,
		'',
		settingsUsedText( report.settingsUsed ),
		anchorsLine( report.anchors ),
	];
	if ( summary.findings.length ) {
		lines.push( '', 'Findings:' );
		for ( const finding of summary.findings ) {
			lines.push(
				`  ${ finding.severity.padEnd( 8 ) } ${ findingTitle(
					finding.code
				) } × ${ finding.count } (${ finding.code })`
			);
		}
	}
	if ( report.alerts.length ) {
		lines.push( '', 'Alerts:' );
		for ( const alert of report.alerts ) {
			lines.push(
				`  ${ alert.domain }: ${
					alert.kind === 'stopped-linking'
						? 'used to link back and stopped'
						: `moved its link into the ${ alert.params.placement }`
				} (since ${ localDate( alert.since ) })`
			);
		}
	}
	if ( linking.total ) {
		lines.push( '', 'Partners linking back:' );
		for ( const row of linking.rows.slice( 0, SUMMARY_PARTNERS ) ) {
			const where = wheresText( rowVerdict( row ) );
			lines.push( `  ${ row.domain } (${ where || 'links' })` );
		}
		if ( linking.total > SUMMARY_PARTNERS ) {
			lines.push(
				`  … and ${
					linking.total - SUMMARY_PARTNERS
				} more (--csv or --html for all)`
			);
		}
	}
	return lines.join( '\n' );
}

function linkingBackOf( rows: PartnerRow[] ): LinkingBack {
	const linking = rows.filter( ( row ) => row.status === 'links-back' );
	return {
		rows: linking.slice( 0, SUMMARY_PARTNERS ),
		total: linking.length,
	};
}

/**
 * Writes chunks to stdout, waiting for it to drain when its buffer is
 * full, so a report streamed to a slow pipe is not buffered whole.
 */
async function writeStdout( chunks: AsyncIterable< string > ): Promise< void > {
	for await ( const chunk of chunks ) {
		if ( ! process.stdout.write( chunk ) ) {
			await once( process.stdout, 'drain' );
		}
	}
}

/** Where to read a site from, after `rlg scan`'s arguments are sorted out. */
export interface ScanTarget {
	site: string;
	/** Read the sitemap instead of the REST API; null URL: find it. */
	sitemap: { url: string | null } | null;
}

/** A sitemap file's URL rather than a site's home (…/sitemap.xml, …/feed.xml.gz). */
function looksLikeSitemap( url: URL ): boolean {
	return (
		/\.xml(\.gz)?$/i.test( url.pathname ) || /sitemap/i.test( url.pathname )
	);
}

function absoluteUrl( value: string ): URL | null {
	try {
		const url = new URL( value );
		return url.protocol === 'http:' || url.protocol === 'https:'
			? url
			: null;
	} catch {
		return null;
	}
}

/**
 * Sorts out `rlg scan [site] [--sitemap [url]]`. `--sitemap` takes an
 * optional value, so `rlg scan --sitemap https://our.site/` hands the
 * site's URL to --sitemap and leaves <site> empty: a home page URL there is
 * taken as the site (sitemap found as usual), a sitemap file's URL as the
 * sitemap of the site at its origin.
 *
 * @throws RlgError ERR_USAGE (no site) or ERR_INVALID_SITE (bad URL), naming the argument and value.
 */
export function scanTarget(
	site: string | undefined,
	sitemap: string | true | undefined
): ScanTarget {
	const sitemapUrl = typeof sitemap === 'string' ? sitemap : null;
	if ( sitemapUrl !== null && ! absoluteUrl( sitemapUrl ) ) {
		throw new RlgError(
			'ERR_INVALID_SITE',
			`--sitemap "${ sitemapUrl }" is not an absolute http(s) URL (e.g. https://our.site/sitemap.xml)`
		);
	}
	if ( site === undefined ) {
		const url = sitemapUrl === null ? null : absoluteUrl( sitemapUrl );
		if ( ! url ) {
			throw new RlgError(
				'ERR_USAGE',
				"missing the site's URL: rlg scan <site> [--sitemap [url]], e.g. rlg scan https://our.site --sitemap"
			);
		}
		return looksLikeSitemap( url )
			? { site: `${ url.origin }/`, sitemap: { url: url.href } }
			: { site: url.href, sitemap: { url: null } };
	}
	if ( ! absoluteUrl( site ) ) {
		throw new RlgError(
			'ERR_INVALID_SITE',
			`<site> "${ site }" is not an absolute http(s) URL (e.g. https://our.site)`
		);
	}
	return {
		site,
		sitemap: sitemap === undefined ? null : { url: sitemapUrl },
	};
}

/**
 * The guard refuses loopback and private addresses; a user scanning a
 * local WordPress needs to know the explicit way to allow one.
 */
function withLocalHint( error: unknown, site: string ): unknown {
	if ( ! isRlgError( error, 'ERR_UNSAFE_ADDRESS' ) ) {
		return error;
	}
	const url = new URL( site );
	const port = url.port || ( url.protocol === 'https:' ? '443' : '80' );
	return new RlgError(
		error.code,
		`cannot read ${ site }: ${ error.message }. rlg does not fetch private or loopback addresses unless told to; to scan a site on this machine, map its name: --resolve ${ url.hostname }:${ port }:127.0.0.1`,
		{ cause: error }
	);
}

export function register( program: Command ): void {
	program
		.command( 'scan' )
		.description(
			'scan a whole site (WordPress REST API or sitemap), check every partner and report'
		)
		.argument( '[site]', "the site's home URL, e.g. https://our.site" )
		.option(
			'--sitemap [url]',
			"read the site from its sitemap instead of the WordPress REST API (default: <site>/sitemap.xml, wp-sitemap.xml, sitemap_index.xml, then robots.txt's Sitemap: line)"
		)
		.option(
			'--full',
			'read every post again, not only those changed since the last scan'
		)
		.option( '--json', 'print the whole report as JSON' )
		.option(
			'--csv <file>',
			'write the partner table (with the relationship log) as CSV'
		)
		.option( '--html <file>', 'write a self-contained HTML report' )
		.option( '--user <name>', 'WordPress user of the application password' )
		.addOption(
			new Option(
				'--app-password <password>',
				'WordPress application password: also reads drafts and private posts'
			).env( 'RLG_WP_APP_PASSWORD' )
		)
		.option( '--no-progress', 'no progress output' )
		.option(
			'--credit-domain <domain>',
			'a theme/CMS vendor whose credit link in our footer is not a partner (repeatable; adds to wordpress.org, wordpress.com, … and RLG_CREDIT_DOMAINS)',
			( value: string, previous: string[] | undefined ) => [
				...( previous ?? [] ),
				value,
			]
		)
		.addOption( resolveOption() )
		.addOption( dataDirOption() )
		.addOption( databaseOption() )
		.addOption( ttlOption() )
		.addOption( settingsOption() )
		.addHelpText(
			'after',
			`\nExamples:\n  rlg scan https://our.site\n  rlg scan https://our.site --sitemap\n  rlg scan https://our.site --sitemap https://our.site/post-sitemap.xml --html report.html\n  rlg scan http://localhost:8888 --resolve localhost:8888:127.0.0.1\n\n${ EXIT_CODES_HELP }`
		)
		.action(
			async (
				siteArg: string | undefined,
				options: ScanCommandOptions
			) => {
				const target = scanTarget( siteArg, options.sitemap );
				const url = target.site;
				const identity = siteIdentity( url );
				if ( ! identity ) {
					throw new RlgError(
						'ERR_INVALID_SITE',
						`<site> "${ url }" is not an absolute http(s) URL (e.g. https://our.site)`
					);
				}
				if ( options.appPassword && ! options.user ) {
					throw new RlgError(
						'ERR_CONFIG',
						'--app-password needs --user'
					);
				}
				const { dataDir, databaseUrl, settings } =
					resolveCommonConfig( options );
				const logger = cliLogger();
				const store = await connectStore( { dataDir, databaseUrl } );
				const runtime = createScanRuntime( {
					store,
					settings,
					logger,
					resolve: options.resolve,
					scanner: {
						creditDomains: creditDomains( options.creditDomain ),
					},
				} );
				const { scanner, scanStore } = runtime;
				const progress = options.progress
					? createProgressReporter()
					: { update: () => undefined, stop: () => undefined };
				let head: FullReport;
				try {
					const site = await store.ensureSite( identity );
					const controller = new AbortController();
					const interrupt = () => controller.abort();
					process.once( 'SIGINT', interrupt );
					let scan: ScanRecord;
					try {
						scan = await scanner.scan( {
							site,
							source: target.sitemap ? 'sitemap' : 'wp-rest',
							sitemapUrl: target.sitemap?.url ?? null,
							full: options.full,
							auth:
								options.user && options.appPassword
									? {
											user: options.user,
											password: options.appPassword,
										}
									: undefined,
							onProgress: progress.update,
							signal: controller.signal,
						} );
					} catch ( error ) {
						throw withLocalHint( error, identity.url );
					} finally {
						process.off( 'SIGINT', interrupt );
						progress.stop();
					}
					if ( scan.state === 'interrupted' ) {
						throw new RlgError(
							'ERR_SCAN_INTERRUPTED',
							`scan ${ scan.id } interrupted after ${ scan.postsRead } posts; run the same command again to continue`
						);
					}
					// The partner rows are read from the store a page at a
					// time by each writer, never all at once: a site with
					// thousands of partners costs what one page does.
					head = await reportHead(
						{ store, scanStore, settings, dataDir },
						site
					);
					if ( options.csv ) {
						await pipeline(
							Readable.from( reportCsv( scanStore, site ) ),
							fs.createWriteStream( options.csv )
						);
					}
					if ( options.html ) {
						await pipeline(
							Readable.from(
								reportHtmlStream(
									head,
									streamPartners( scanStore, site.id )
								)
							),
							fs.createWriteStream( options.html )
						);
					}
					if ( options.json ) {
						await writeStdout(
							reportJson(
								head,
								streamPartners( scanStore, site.id )
							)
						);
						print( '' );
					} else {
						const linking = await scanStore.queryPartners(
							site.id,
							{
								...DOMAIN_ORDER,
								status: 'links-back',
								page: 1,
								perPage: SUMMARY_PARTNERS,
							}
						);
						print( summaryText( head, linking ) );
					}
				} finally {
					await runtime.close();
					await store.close();
				}
				const serious = head.summary.findings.some(
					( finding ) => finding.severity !== 'info'
				);
				process.exitCode = serious ? 1 : 0;
			}
		);
}
