/**
 * @file Page analysis for the backlink checker, in this thread or in
 * worker threads (see README.md).
 */
export {
	analysisFailed,
	createInlineAnalyzer,
	createPageAnalysis,
	type PageAnalysis,
	type PageAnalysisRequest,
	type PageAnalyzer,
	type PageLinksRequest,
	type PageSource,
} from './analyzer';
export {
	createAnalysisPool,
	createPageAnalyzer,
	defaultAnalysisNiceness,
	defaultAnalysisThreads,
	TS_WORKER_CACHE_DIR,
	type AnalysisPool,
	type AnalysisPoolOptions,
} from './pool';
export {
	DEFAULT_ANALYSIS_NICENESS,
	lowerThreadPriority,
} from './thread-priority';
export { createKeepLinkCache, oursByAuthority } from './keep-link';
