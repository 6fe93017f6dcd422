/**
 * @file Backlink detection on top of the fetcher.
 */
export {
	createBacklinkChecker,
	TEXT_SAMPLE_CHARS,
	type BacklinkChecker,
	type BacklinkCheckerOptions,
	type CheckBatch,
	type CheckContext,
} from './checker';
export {
	notIndexableReason,
	hasNoindex,
	headerHasNoindex,
} from './indexability';
