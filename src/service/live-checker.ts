/**
 * The live checker: the guarded fetcher (with one log line per fetch) and
 * backlink detection, shaped as the check service's TargetChecker.
 */
import { createPageAnalyzer } from './analysis';
import type { TargetChecker } from './check-service';
import { createFetcher } from './fetch/fetch-page';
import type { Fetcher, FetcherOptions } from './fetch/fetch-page';
import { parseResolveMap } from './fetch/resolve-map';
import type { Logger } from './logger';
import { createVerdictChecker } from './verdicts/checker';
import { createRenderer } from './verdicts/render';

/**
 * A fetcher that logs one line per page fetch (URL, outcome, HTTP status,
 * redirects, duration) and otherwise behaves as `fetcher`.
 */
export function loggingFetcher( fetcher: Fetcher, logger: Logger ): Fetcher {
	return {
		options: fetcher.options,
		close: () => fetcher.close(),
		async fetchPage( url, options ) {
			const started = performance.now();
			const outcome = await fetcher.fetchPage( url, options );
			const ms = Math.round( ( performance.now() - started ) * 10 ) / 10;
			logger.info(
				{
					url,
					outcome:
						outcome.kind === 'failed'
							? outcome.status
							: outcome.kind,
					httpStatus:
						outcome.kind === 'failed'
							? outcome.httpStatus
							: outcome.httpStatus,
					finalUrl: outcome.finalUrl,
					redirects: outcome.redirects.length,
					ms,
				},
				'fetch'
			);
			return outcome;
		},
	};
}

export interface LiveCheckerOptions {
	/** curl-style `host:port:address` entries (tests, demos). */
	resolve?: string[];
	logger: Logger;
	/** Fetcher tuning (timeouts, caps). */
	fetcher?: Partial< FetcherOptions >;
	/**
	 * Worker threads for page analysis (0: in this thread); default
	 * RLG_ANALYSIS_THREADS, else one per core beyond the first.
	 */
	analysisThreads?: number;
}

/** The real checker: the guarded fetcher (with fetch logs) and backlink detection. */
export function createLiveChecker( options: LiveCheckerOptions ): {
	checker: TargetChecker;
	close: () => Promise< void >;
} {
	const fetcher = loggingFetcher(
		createFetcher( {
			...options.fetcher,
			resolveMap: parseResolveMap( options.resolve ?? [] ),
		} ),
		options.logger
	);
	// Partner pages are parsed off the event loop that answers WordPress.
	const analyzer = createPageAnalyzer( {
		threads: options.analysisThreads,
		onFallback: ( reason ) => options.logger.warn( reason ),
	} );
	// Backlink detection plus the issue 9 checks (cloaking, rendered,
	// redirecting aliases); Chromium is launched only for a rendered check.
	const verdicts = createVerdictChecker( {
		fetcher,
		analyzer,
		renderer: createRenderer( { fetcher } ),
	} );
	return {
		checker: {
			checkTarget: ( target, ctx ) => verdicts.checkTarget( target, ctx ),
			createBatch: () => verdicts.createBatch!(),
		},
		close: async () => {
			await verdicts.close();
			await analyzer.close();
			await fetcher.close();
		},
	};
}
