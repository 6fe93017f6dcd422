/**
 * The partner graph's version token (Store.graphVersion, issue 19), shared
 * by the SQLite and PostgreSQL stores: what changes whenever the graph a
 * site's checks analyse does, read from the tables themselves, so a
 * process notices what another process (an API node, an `rlg worker`,
 * `rlg import`) wrote without any message between them.
 */

/** Counts and newest/sum of read times of a site's partner pages. */
export interface PagesVersionRow {
	n: number | string | null;
	newest: number | string | null;
	total: number | string | null;
}

/** Count, newest id and time, and sizes of a site's backlink imports. */
export interface ImportsVersionRow {
	n: number | string | null;
	newest: number | string | null;
	at: string | null;
	links: number | string | null;
	domains: number | string | null;
}

/**
 * The site's imports, ours and competitors' alike (a competitor's import
 * does not change the graph; a needless re-analysis is cheaper than a
 * second query). A replaced import gets a new row; where SQLite reuses
 * the id of the row it deleted, its `imported_at` (milliseconds) and its
 * sizes tell it apart. A removed one lowers the count. Parameter $1: the
 * site id.
 */
export const IMPORTS_VERSION_SQL = `SELECT COUNT( * ) AS n, MAX( id ) AS newest, MAX( imported_at ) AS at,
		SUM( backlinks ) AS links, SUM( domains ) AS domains
	FROM backlink_imports WHERE site_id = $1`;

/** The token of both rows; no imports row when the tables are not made yet. */
export function graphVersionToken(
	pages: PagesVersionRow | undefined,
	imports: ImportsVersionRow | undefined
): string {
	const cell = ( value: unknown ) =>
		value === null || value === undefined ? '0' : String( value );
	return [
		'pages',
		cell( pages?.n ),
		cell( pages?.newest ),
		cell( pages?.total ),
		'imports',
		cell( imports?.n ),
		cell( imports?.newest ),
		cell( imports?.at ),
		cell( imports?.links ),
		cell( imports?.domains ),
	].join( ':' );
}
