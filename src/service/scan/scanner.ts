/**
 * The site scan: read every post of a site (WordPress REST API or sitemap),
 * store its outbound links as the site's link graph, check every partner
 * through the same check service as `/v1/check` (so the TTL and the history
 * are shared), then rebuild the report.
 *
 * Phases, each continuing from the cursor stored with its last batch:
 *   posts    → changed posts (all of them on a full scan), a page per transaction
 *   keys     → incremental REST scans list every id to find deleted posts
 *   partners → distinct targets in key order, a batch per check-service call
 *   report   → findings, partner rows and alerts (idempotent)
 * A scan whose process died is `interrupted` and continues where it stopped.
 */
import {
	CMS_CREDIT_DOMAINS,
	creditDomains,
	isCreditLink,
} from './credit-links';
import { analyzeHtml } from '../../core/extract';
import { createSiteMatcher, registrableDomain, urlKey } from '../../core/url';
import type { SiteMatcher } from '../../core/url';
import type { ScanSource } from '../../core/report';
import type { Settings } from '../../core/settings';
import { createSettingsResolver } from '../site-settings';
import type { SettingsFor } from '../site-settings';
import { MAX_LINKS_PER_CHECK } from '../../core/schemas';
import type { CheckService } from '../check-service';
import { isRlgError, RlgError } from '../errors';
import type { Logger } from '../logger';
import { silentLogger } from '../logger';
import type { SiteRecord, Store } from '../store/types';
import type { ScanRecord, ScanStore, ScannedPost } from '../store/scan-types';
import { refreshReport } from '../report/refresh';
import type { ScanHttp } from './http';
import { createSitemapSource } from './sources/sitemap';
import { createWpRestSource } from './sources/wp-rest';
import type { PostSource, SourcePost } from './sources/types';

/** Characters of a post's text kept for relevance and the rules. */
export const TEXT_SAMPLE_CHARS = 4000;
/** A scan whose process wrote nothing for this long is taken over. */
export const STALE_SCAN_MS = 10 * 60_000;

export interface ScannerDeps {
	store: Store;
	scanStore: ScanStore;
	checkService: CheckService;
	http: ScanHttp;
	/** The service's settings; each site's stored settings go on top. */
	settings: Settings;
	/** Settings per site (default: `settings` ← the site's stored ones). */
	settingsFor?: SettingsFor;
	logger?: Logger;
	now?: () => Date;
	/** Targets per check-service call (at most MAX_LINKS_PER_CHECK). */
	partnerBatch?: number;
	/** Posts per REST page (default and maximum 100; smaller in tests). */
	restPerPage?: number;
	/** Pages per sitemap batch (one transaction each; default 20). */
	sitemapBatch?: number;
	/** Domains whose template credit links are not partners (credit-links.ts). */
	creditDomains?: readonly string[];
	/**
	 * Called when every partner is checked, before the report is built: a
	 * process that only scans stops its idle analysis workers here, so the
	 * report phase does not carry their memory (issue 17). Awaited.
	 */
	onPartnersChecked?: () => Promise< void >;
}

export interface ScanOptions {
	site: SiteRecord;
	source?: ScanSource;
	sitemapUrl?: string | null;
	/** Read every post again instead of only the changed ones. */
	full?: boolean;
	/** WordPress application password (REST source): includes drafts/private. */
	auth?: { user: string; password: string };
	/** Called after every stored batch. */
	onProgress?: ( scan: ScanRecord ) => void;
	/** Stops the scan after the current batch; it is left `interrupted`. */
	signal?: AbortSignal;
	/** Called once the scan is created or resumed, before any work. */
	onStart?: ( scan: ScanRecord ) => void;
	/**
	 * The job queue handed this site's scan to this process (cluster
	 * workers): take over the unfinished scan whichever process its record
	 * names; the queue runs one scan per site at a time.
	 */
	claim?: boolean;
}

export interface Scanner {
	/**
	 * Run a scan of the site to its end, resuming an unfinished one. A
	 * second call for a site already being scanned joins the running scan.
	 */
	scan: ( options: ScanOptions ) => Promise< ScanRecord >;
	/**
	 * Start (or join) a scan in the background: resolves with its record as
	 * soon as it exists, and `done` when it ends.
	 */
	start: (
		options: ScanOptions
	) => Promise< { scan: ScanRecord; done: Promise< ScanRecord > } >;
	/** Scans running in this process, by site id. */
	running: () => number[];
	/**
	 * The scan a `scan()` call would run, created (or the unfinished one
	 * found) without running it: a cluster API node records the scan, then
	 * queues it for a worker.
	 */
	open: ( options: ScanOptions ) => Promise< ScanRecord >;
}

function pidAlive( pid: number ): boolean {
	try {
		process.kill( pid, 0 );
		return true;
	} catch ( error ) {
		return ( error as NodeJS.ErrnoException ).code === 'EPERM';
	}
}

/** Turn a post's HTML into its stored form: external links with their domain. */
export function toScannedPost(
	post: SourcePost,
	matcher: SiteMatcher,
	credits: readonly string[] = CMS_CREDIT_DOMAINS
): ScannedPost {
	const { links, facts } = analyzeHtml( post.html, post.baseUrl ?? post.url, {
		fragment: post.fragment,
	} );
	const external: ScannedPost[ 'links' ] = [];
	for ( const link of links ) {
		if ( matcher.isOurs( link.href ) ) {
			continue;
		}
		const domain = registrableDomain( link.href );
		if ( domain && ! isCreditLink( link, domain, credits ) ) {
			external.push( { targetKey: urlKey( link.href ), domain, link } );
		}
	}
	return {
		sourceKey: post.sourceKey,
		url: post.url,
		title: post.title || facts.title || facts.h1,
		modifiedGmt: post.modifiedGmt,
		textSample: facts.textSample.slice( 0, TEXT_SAMPLE_CHARS ),
		links: external,
	};
}

export function createScanner( deps: ScannerDeps ): Scanner {
	const { store, scanStore, checkService, http } = deps;
	const settingsFor =
		deps.settingsFor ?? createSettingsResolver( store, deps.settings );
	const logger = deps.logger ?? silentLogger();
	const credits = deps.creditDomains ?? creditDomains();
	const partnerBatch = Math.min(
		deps.partnerBatch ?? 50,
		MAX_LINKS_PER_CHECK
	);
	const active = new Map< number, Promise< ScanRecord > >();

	/** The unfinished scan to continue, or null to start a new one. */
	async function claimable(
		siteId: number,
		claim = false
	): Promise< ScanRecord | null > {
		const unfinished = await scanStore.unfinishedScan( siteId );
		if ( ! unfinished ) {
			return null;
		}
		if (
			! claim &&
			unfinished.state === 'running' &&
			unfinished.ownerPid !== null
		) {
			const otherProcess =
				unfinished.ownerPid !== process.pid &&
				pidAlive( unfinished.ownerPid );
			const fresh =
				Date.now() - ( unfinished.heartbeatMs ?? 0 ) < STALE_SCAN_MS;
			if ( otherProcess && fresh ) {
				throw new RlgError(
					'ERR_SCAN_BUSY',
					`process ${ unfinished.ownerPid } is scanning ${ unfinished.site } (scan ${ unfinished.id })`
				);
			}
		}
		return unfinished;
	}

	function sourceFor(
		scan: ScanRecord,
		options: ScanOptions,
		matcher: SiteMatcher
	): PostSource {
		if ( scan.source === 'sitemap' ) {
			return createSitemapSource( {
				site: scan.site,
				sitemapUrl: scan.sitemapUrl,
				http,
				siteMatcher: matcher,
				knownPosts: ( keys ) =>
					scanStore.knownPosts( scan.siteId, keys ),
				batchSize: deps.sitemapBatch,
			} );
		}
		return createWpRestSource( {
			site: scan.site,
			http,
			auth: options.auth,
			perPage: deps.restPerPage,
		} );
	}

	/**
	 * The scan to run for `options`: the unfinished one (taken over by this
	 * process), a failed one continued from its cursor, or a new one.
	 */
	async function prepare( options: ScanOptions ): Promise< ScanRecord > {
		const { site } = options;
		const source: ScanSource = options.source ?? 'wp-rest';
		let scan = await claimable( site.id, options.claim );
		if ( ! scan && ! options.full ) {
			// A scan that failed (the site went away, a timeout) continues
			// from its cursor when asked again; --full starts over.
			const latest = await scanStore.latestScan( site.id );
			if (
				latest?.state === 'failed' &&
				latest.source === source &&
				latest.phase !== 'done'
			) {
				scan = latest;
			}
		}
		if ( scan && scan.source !== source ) {
			// A different kind of scan was asked for: the old one will not be finished.
			await scanStore.setScanState(
				scan.id,
				'failed',
				`superseded by a ${ source } scan`
			);
			scan = null;
		}
		if ( scan ) {
			logger.info(
				{ scan: scan.id, phase: scan.phase, cursor: scan.cursor },
				'scan resumed'
			);
			return scanStore.claimScan( scan.id, process.pid );
		}
		const previous = options.full
			? null
			: await scanStore.lastCompletedScan( site.id, source );
		scan = await scanStore.createScan( {
			siteId: site.id,
			site: site.url,
			source,
			sitemapUrl: options.sitemapUrl ?? null,
			full: options.full === true || previous === null,
			modifiedAfter: previous?.startedAt ?? null,
			ownerPid: process.pid,
		} );
		logger.info(
			{ scan: scan.id, source, modifiedAfter: scan.modifiedAfter },
			'scan started'
		);
		return scan;
	}

	async function run( options: ScanOptions ): Promise< ScanRecord > {
		const { site } = options;
		let scan = await prepare( options );
		const id = scan.id;
		// Every write below is fenced with this attempt: once another
		// process claims the scan (a queue job handed on after its expiry,
		// a `rlg scan` taking over a silent one), this run's writes are
		// refused and it stops instead of racing the new owner.
		const attempt = scan.attempt;
		options.onStart?.( scan );
		const matcher = createSiteMatcher( [
			site.url,
			...site.alternateUrls,
		] );
		const reader = sourceFor( scan, options, matcher );

		const report = async () => {
			const current = await scanStore.getScan( id );
			if ( current ) {
				options.onProgress?.( current );
			}
			return current as ScanRecord;
		};
		const stopped = () => options.signal?.aborted === true;

		try {
			if ( scan.phase === 'posts' ) {
				let postsRead = scan.postsRead;
				for await ( const batch of reader.readPosts(
					scan.cursor,
					scan.modifiedAfter
				) ) {
					const posts = batch.posts.map( ( post ) =>
						toScannedPost( post, matcher, credits )
					);
					postsRead += posts.length + batch.unchanged.length;
					for ( const failure of batch.failures ) {
						logger.warn( failure, 'scan: page not read' );
					}
					await scanStore.savePosts(
						id,
						posts,
						batch.unchanged,
						{
							cursor: batch.cursor,
							postsRead,
							postsTotal: batch.postsTotal,
						},
						attempt
					);
					await report();
					if ( stopped() ) {
						return await scanStore.setScanState(
							id,
							'interrupted',
							null,
							attempt
						);
					}
				}
				const needsListing =
					scan.modifiedAfter !== null && ! reader.listsEveryPost;
				await scanStore.saveProgress(
					id,
					{
						phase: needsListing ? 'keys' : 'partners',
						cursor: {},
					},
					attempt
				);
				if ( ! needsListing ) {
					await scanStore.dropUnseenPosts( id, '', {}, attempt );
				}
				scan = await report();
			}
			if ( scan.phase === 'keys' ) {
				for await ( const batch of reader.listKeys( scan.cursor ) ) {
					await scanStore.markSeen(
						id,
						batch.keys,
						{ cursor: batch.cursor },
						attempt
					);
					if ( stopped() ) {
						return await scanStore.setScanState(
							id,
							'interrupted',
							null,
							attempt
						);
					}
				}
				// Posts no longer listed were deleted (or unpublished): drop them.
				await scanStore.dropUnseenPosts(
					id,
					'',
					{ phase: 'partners', cursor: {} },
					attempt
				);
				scan = await report();
			}
			if ( scan.phase === 'partners' ) {
				const partnersTotal = await scanStore.countTargets( site.id );
				let partnersChecked =
					typeof scan.cursor.afterKey === 'string'
						? scan.partnersChecked
						: 0;
				let afterKey =
					typeof scan.cursor.afterKey === 'string'
						? scan.cursor.afterKey
						: '';
				await scanStore.saveProgress(
					id,
					{ partnersTotal, partnersChecked },
					attempt
				);
				for (;;) {
					const targets = await scanStore.listTargets(
						site.id,
						afterKey,
						partnerBatch
					);
					if ( targets.length === 0 ) {
						break;
					}
					// The check service reuses results younger than the TTL and
					// appends the others to the shared history.
					await checkService.check(
						{
							site: site.url,
							links: targets.map( ( target ) => ( {
								url: target.href,
								anchorText: target.anchorText,
							} ) ),
							homepage: true,
							fresh: false,
							keywords: [],
						},
						site,
						// The report phase analyses the partner graph once,
						// after the last batch; the answers go unread.
						{ withoutGraph: true }
					);
					afterKey = targets[ targets.length - 1 ].targetKey;
					partnersChecked += targets.length;
					await scanStore.saveProgress(
						id,
						{
							cursor: { afterKey },
							partnersChecked,
							partnersTotal: Math.max(
								partnersTotal,
								partnersChecked
							),
						},
						attempt
					);
					await report();
					if ( stopped() ) {
						return await scanStore.setScanState(
							id,
							'interrupted',
							null,
							attempt
						);
					}
				}
				await scanStore.saveProgress(
					id,
					{ phase: 'report', cursor: {} },
					attempt
				);
				scan = await report();
			}
			if ( scan.phase === 'report' ) {
				await deps.onPartnersChecked?.();
				await refreshReport( {
					store,
					scanStore,
					site,
					// The findings and thresholds of the site's own settings.
					settings: await settingsFor( site ),
					now: deps.now,
				} );
				await scanStore.saveProgress(
					id,
					{ phase: 'done', cursor: {} },
					attempt
				);
			}
			const done = await scanStore.setScanState(
				id,
				'done',
				null,
				attempt
			);
			options.onProgress?.( done );
			logger.info(
				{
					scan: id,
					postsRead: done.postsRead,
					removed: done.postsRemoved,
					partners: done.partnersChecked,
				},
				'scan done'
			);
			return done;
		} catch ( error ) {
			if ( isRlgError( error, 'ERR_SCAN_TAKEN_OVER' ) ) {
				// Another process owns the scan now (this one hung past its
				// queue job's expiry): it continues from the stored cursor.
				// Write nothing more, not even `failed`.
				logger.warn(
					{ scan: id, attempt, site: site.url },
					'scan taken over by another worker; this one stops without writing'
				);
				throw error;
			}
			const message =
				error instanceof Error ? error.message : String( error );
			logger.error( { scan: id, err: error }, 'scan failed' );
			const failed = await scanStore.setScanState(
				id,
				'failed',
				message,
				attempt
			);
			options.onProgress?.( failed );
			throw error;
		}
	}

	function scanSite( options: ScanOptions ): Promise< ScanRecord > {
		const running = active.get( options.site.id );
		if ( running ) {
			return running;
		}
		const promise = run( options ).finally( () =>
			active.delete( options.site.id )
		);
		active.set( options.site.id, promise );
		return promise;
	}

	return {
		scan: scanSite,
		async start( options ) {
			const running = active.get( options.site.id );
			if ( running ) {
				const current = await scanStore.latestScan( options.site.id );
				if ( current ) {
					return { scan: current, done: running };
				}
			}
			return new Promise( ( resolve, reject ) => {
				let started = false;
				const done = scanSite( {
					...options,
					onStart( record ) {
						started = true;
						options.onStart?.( record );
						resolve( { scan: record, done } );
					},
				} );
				done.catch( ( error ) => {
					if ( ! started ) {
						reject( error );
					}
				} );
			} );
		},
		running() {
			return [ ...active.keys() ];
		},
		open: prepare,
	};
}
