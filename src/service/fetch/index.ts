/**
 * @file Safe, polite fetching of strangers' pages (see README.md here).
 */
export {
	createFetcher,
	DEFAULT_FETCHER_OPTIONS,
	parseRetryAfter,
	type Fetcher,
	type FetcherOptions,
	type FetchPageOptions,
	type FetchOutcome,
	type FetchedPage,
	type NotModified,
	type FetchFailure,
	type FetchFailureStatus,
} from './fetch-page';
export {
	parseResolveMap,
	lookupResolveMap,
	EMPTY_RESOLVE_MAP,
	type ResolveMap,
} from './resolve-map';
export {
	unsafeAddressReason,
	isPublicAddress,
	embeddedIPv4,
} from './ip-ranges';
export {
	systemLookup,
	ERR_UNSAFE_ADDRESS,
	ERR_UNSAFE_URL,
	ERR_DNS,
	type LookupFunction,
	type ResolvedAddress,
} from './ssrf-guard';
export {
	decodeBytes,
	decodeHtml,
	detectCharset,
	sniffMetaCharset,
	charsetFromContentType,
} from './charset';
export { DEFAULT_USER_AGENT, USER_AGENT_TOKEN, VERSION } from './user-agent';
