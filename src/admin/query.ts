/**
 * The report's table state (page, filters, sort) as plain data, and the
 * REST paths built from it. Pure: no WordPress imports, so the store, the
 * URL sync and the CSV link all agree on one translation, and tests pin it.
 */
import {
	BACKLINK_STATUSES,
	PLACEMENTS,
	type BacklinkStatus,
	type Placement,
} from '../core/schemas';
import { FINDING_CODES, type FindingCode } from '../core/findings';
import { REPORT_SORT_FIELDS, type ReportQuery } from '../core/report';

/** The plugin's REST namespace; the PHP side forwards these to the service. */
export const REST_NAMESPACE = 'reciprocal-link-guard/v1';

export type SortField = ( typeof REPORT_SORT_FIELDS )[ number ];
export type SortOrder = 'asc' | 'desc';

export const PER_PAGE_CHOICES = [ 10, 25, 50, 100 ] as const;

/** Same defaults as ReportQuerySchema, so omitted params mean the same on both sides. */
export const DEFAULT_QUERY: ReportQuery = Object.freeze( {
	page: 1,
	perPage: 25,
	search: '',
	status: undefined,
	finding: undefined,
	placement: undefined,
	orderBy: 'domain',
	order: 'asc',
} ) as ReportQuery;

/**
 * Columns whose natural first click is "biggest first": a reader sorting by
 * findings or by last check wants the worst / the newest at the top.
 */
const DESCENDING_FIRST: ReadonlySet< SortField > = new Set( [
	'ourLinks',
	'relevance',
	'findings',
	'firstSeen',
	'lastChecked',
] );

function isOneOf< T extends string >(
	values: readonly T[],
	value: unknown
): value is T {
	return typeof value === 'string' && values.includes( value as T );
}

/**
 * Query → request params. Defaults are left out (shorter URLs, and the
 * service applies the same defaults); values are strings, ready for a URL.
 */
export function queryToParams( query: ReportQuery ): Record< string, string > {
	const params: Record< string, string > = {};
	if ( query.page !== DEFAULT_QUERY.page ) {
		params.page = String( query.page );
	}
	if ( query.perPage !== DEFAULT_QUERY.perPage ) {
		params.perPage = String( query.perPage );
	}
	const search = query.search.trim();
	if ( search ) {
		params.search = search;
	}
	if ( query.status ) {
		params.status = query.status;
	}
	if ( query.finding ) {
		params.finding = query.finding;
	}
	if ( query.placement ) {
		params.placement = query.placement;
	}
	if (
		query.orderBy !== DEFAULT_QUERY.orderBy ||
		query.order !== DEFAULT_QUERY.order
	) {
		params.orderBy = query.orderBy;
		params.order = query.order;
	}
	return params;
}

/**
 * Request params (or a location's query args) → query. Unknown or malformed
 * values fall back to the defaults instead of failing: this reads URLs
 * people edit and bookmark.
 */
export function paramsToQuery(
	params: Record< string, string | undefined >
): ReportQuery {
	const positive = ( value: string | undefined, fallback: number ) => {
		const number = Number( value );
		return Number.isInteger( number ) && number >= 1 ? number : fallback;
	};
	const perPage = positive( params.perPage, DEFAULT_QUERY.perPage );
	return {
		page: positive( params.page, DEFAULT_QUERY.page ),
		perPage: Math.min( perPage, 200 ),
		search: ( params.search ?? '' ).slice( 0, 200 ),
		status: isOneOf< BacklinkStatus >( BACKLINK_STATUSES, params.status )
			? params.status
			: undefined,
		finding: isOneOf< FindingCode >( FINDING_CODES, params.finding )
			? params.finding
			: undefined,
		placement: isOneOf< Placement >( PLACEMENTS, params.placement )
			? params.placement
			: undefined,
		orderBy: isOneOf< SortField >( REPORT_SORT_FIELDS, params.orderBy )
			? params.orderBy
			: DEFAULT_QUERY.orderBy,
		order: params.order === 'desc' ? 'desc' : 'asc',
	};
}

/** `path?a=1&b=2` with keys in a stable order (easier to read and to assert). */
export function withParams(
	path: string,
	params: Record< string, string >
): string {
	const keys = Object.keys( params ).sort();
	if ( ! keys.length ) {
		return path;
	}
	const search = new URLSearchParams();
	for ( const key of keys ) {
		search.set( key, params[ key ] );
	}
	return `${ path }?${ search.toString() }`;
}

export function reportPath( query: ReportQuery ): string {
	return withParams( `/${ REST_NAMESPACE }/report`, queryToParams( query ) );
}

/**
 * The CSV export of the table as filtered and sorted now. Every matching
 * row, not just the visible page: page and perPage are left out on purpose.
 */
export function exportPath( query: ReportQuery ): string {
	const { page, perPage, ...rest } = queryToParams( query );
	return withParams( `/${ REST_NAMESPACE }/report/export.csv`, rest );
}

export function partnerPath( domain: string ): string {
	return `/${ REST_NAMESPACE }/report/partners/${ encodeURIComponent(
		domain
	) }`;
}

/**
 * The next page of our links to a partner: the partner's detail from the
 * `ourLinksNext` cursor of the page before (the service pages them, so a
 * partner linked from every post of a big site arrives a page at a time).
 */
export function partnerLinksPath( domain: string, after: string ): string {
	return withParams( partnerPath( domain ), { linksAfter: after } );
}

export const SCAN_PATH = `/${ REST_NAMESPACE }/scan`;
export const SCAN_STATUS_PATH = `/${ REST_NAMESPACE }/scan/status`;
/** "Check again" for one partner: the plugin's partner check route. */
export function partnerCheckPath( domain: string ): string {
	return `/${ REST_NAMESPACE }/partners/${ encodeURIComponent(
		domain
	) }/check`;
}

export const PARTNER_LOG_PATH = `/${ REST_NAMESPACE }/partner-log`;

/** A download name that says which site and which filters: `rlg-partners-links-back-2026-11-25.csv`. */
export function exportFileName( query: ReportQuery, now: Date ): string {
	const parts = [ 'rlg-partners' ];
	for ( const value of [ query.status, query.finding, query.placement ] ) {
		if ( value ) {
			parts.push( value );
		}
	}
	parts.push( now.toISOString().slice( 0, 10 ) );
	return parts.join( '-' ) + '.csv';
}

/**
 * Applies a change from the filter controls. Any change other than the page
 * itself goes back to page 1: page 4 of a narrower filter may not exist.
 */
export function updateQuery(
	query: ReportQuery,
	change: Partial< ReportQuery >
): ReportQuery {
	const next = { ...query, ...change };
	const onlyPage = Object.keys( change ).every( ( key ) => key === 'page' );
	if ( ! onlyPage ) {
		next.page = change.page ?? 1;
	}
	return next;
}

/**
 * A click on a column header: the same column flips its order, another
 * column starts in the order a reader expects for it.
 */
export function toggleSort(
	query: ReportQuery,
	field: SortField
): ReportQuery {
	if ( query.orderBy === field ) {
		return updateQuery( query, {
			order: query.order === 'asc' ? 'desc' : 'asc',
		} );
	}
	return updateQuery( query, {
		orderBy: field,
		order: DESCENDING_FIRST.has( field ) ? 'desc' : 'asc',
	} );
}

/** 1-based page count for `total` rows; at least 1 so "page 1 of 1" reads right for an empty table. */
export function pageCount( total: number, perPage: number ): number {
	return Math.max( 1, Math.ceil( total / perPage ) );
}

/** Whether any filter or search narrows the table (the empty state says so). */
export function isFiltered( query: ReportQuery ): boolean {
	return Boolean(
		query.search.trim() || query.status || query.finding || query.placement
	);
}
