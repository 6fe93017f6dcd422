/**
 * What the scan sources need from the network: JSON and XML documents (the
 * WordPress REST API, sitemaps) and HTML pages (a sitemap's URLs). The
 * implementation in fetch-adapter.ts goes through the service's fetcher, so
 * every request of a scan has the same SSRF guard, politeness, size caps
 * and `--resolve` map as a backlink check.
 */

export interface HttpDocument {
	/** HTTP status of the final response. */
	status: number;
	/** URL after redirects. */
	url: string;
	/** Response header by lower-case name (null when absent). */
	header: ( name: string ) => string | null;
	/** The body, decompressed from Content-Encoding (not from a .gz file). */
	body: Buffer;
}

export interface HttpPage {
	/** URL after redirects. */
	url: string;
	html: string;
}

/** Why a page of the site could not be read; the scan records and skips it. */
export interface HttpPageFailure {
	url: string;
	status: string;
	detail: string | null;
}

export interface ScanHttp {
	/** GET a document (JSON, XML, gzip) through the guarded agent. */
	get: (
		url: string,
		options?: { headers?: Record< string, string >; maxBytes?: number }
	) => Promise< HttpDocument >;
	/** GET an HTML page, decoded to text by its declared charset. */
	page: ( url: string ) => Promise< HttpPage | HttpPageFailure >;
}

export function isPageFailure(
	outcome: HttpPage | HttpPageFailure
): outcome is HttpPageFailure {
	return 'status' in outcome;
}
