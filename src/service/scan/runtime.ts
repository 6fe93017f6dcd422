/**
 * Everything a process needs to scan sites, wired once: one fetcher (so
 * the scan's own requests and the partner checks share the politeness
 * limits and the `--resolve` map), the document client on top of it, the
 * backlink checker, the check service (TTL + history shared with
 * /v1/check), the scan store and the scanner. Used by `rlg scan`,
 * `rlg serve` (with the scheduler and the report routes) and the tests.
 */
import type { Settings } from '../../core/settings';
import {
	createSettingsResolver,
	createSiteCheckService,
} from '../site-settings';
import type { CheckService } from '../check-service';
import { createFetcher, parseResolveMap } from '../fetch';
import type { Fetcher, FetcherOptions } from '../fetch';
import type { Logger } from '../logger';
import { silentLogger } from '../logger';
import { createPageAnalyzer } from '../analysis';
import { createVerdictChecker } from '../verdicts/checker';
import type { Store } from '../store';
import type { ScanStore } from '../store/scan-types';
import { createScanHttp } from './fetch-adapter';
import type { FetcherScanHttp } from './fetch-adapter';
import { createScanner } from './scanner';
import type { Scanner, ScannerDeps } from './scanner';

export interface ScanRuntimeOptions {
	/** The main store; the scan store opens on the same database. */
	store: Store;
	settings: Settings;
	logger?: Logger;
	/** curl-style `host:port:address` entries (tests, demos). */
	resolve?: string[];
	/** Fetcher tuning (timeouts, caps, the resolve map itself). */
	fetcher?: Partial< FetcherOptions >;
	/**
	 * The process's check service (`rlg serve` shares the one behind
	 * /v1/check, with its fetcher); without it one is made on this fetcher.
	 */
	checkService?: CheckService;
	/** Worker threads for partner pages (0: this thread); see createPageAnalyzer. */
	analysisThreads?: number;
	/** Scanner tuning (batch sizes). */
	scanner?: Pick<
		ScannerDeps,
		| 'partnerBatch'
		| 'restPerPage'
		| 'sitemapBatch'
		| 'now'
		| 'creditDomains'
	>;
}

export interface ScanRuntime {
	scanStore: ScanStore;
	scanner: Scanner;
	checkService: CheckService;
	fetcher: Fetcher;
	http: FetcherScanHttp;
	/**
	 * Closes the scan store, then the network clients (not the main store).
	 * A scan still running stops writing at once and stays `running` in the
	 * database: the next process resumes it, as after a crash.
	 */
	close: () => Promise< void >;
}

export function createScanRuntime( options: ScanRuntimeOptions ): ScanRuntime {
	const logger = options.logger ?? silentLogger();
	const fetcher = createFetcher( {
		resolveMap: parseResolveMap( options.resolve ?? [] ),
		...options.fetcher,
	} );
	const http = createScanHttp( fetcher );
	const scanStore = options.store.openScanStore();
	// Without the process's check service: backlink detection with the
	// issue 9 checks (cloaking when the site's settings ask for it,
	// redirecting aliases, seenBy), as `rlg serve` has, analysing partner
	// pages in worker threads.
	const own = options.checkService
		? null
		: ( () => {
				const analyzer = createPageAnalyzer( {
					threads: options.analysisThreads,
					onFallback: ( reason ) => logger.warn( reason ),
				} );
				return {
					analyzer,
					verdicts: createVerdictChecker( { fetcher, analyzer } ),
				};
			} )();
	const checkService =
		options.checkService ??
		// Each site checked with its own settings (TTL, keywords, brands).
		createSiteCheckService( {
			store: options.store,
			checker: own!.verdicts,
			settingsFor: createSettingsResolver(
				options.store,
				options.settings
			),
			logger,
		} );
	const release = own?.analyzer.release;
	const scanner = createScanner( {
		store: options.store,
		scanStore,
		checkService,
		http,
		settings: options.settings,
		logger,
		// Analysis workers of our own (not those of a process's shared
		// check service, which /v1/check may be using) are stopped while
		// the report is built; the next partner page starts them again.
		onPartnersChecked: release ? () => release() : undefined,
		...options.scanner,
	} );
	return {
		scanStore,
		scanner,
		checkService,
		fetcher,
		http,
		async close() {
			await scanStore.close();
			await http.close();
			await own?.verdicts.close();
			await own?.analyzer.close();
			await fetcher.close();
		},
	};
}
