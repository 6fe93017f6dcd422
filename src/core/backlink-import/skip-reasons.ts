/**
 * Why a row of a backlink export was not imported: a module of its own so
 * the admin script can name them without bundling the CSV parser.
 */

/** Why a row was not imported. */
export type SkipReason =
	/** Fewer cells than the header has columns (a broken or cut line). */
	| 'wrong-column-count'
	/** The linking page (or site) cell is empty. */
	| 'missing-source'
	/** The linking page is not an http(s) URL (or the site not a host name). */
	| 'invalid-source'
	/** The linking page is on the site the export is about: an internal link. */
	| 'internal-link'
	/** The link points at another site than the one the export is about. */
	| 'target-elsewhere'
	/** A date cell that is not a date (a shifted or damaged row). */
	| 'invalid-date'
	/** The same linking page and target as an earlier row. */
	| 'duplicate'
	/** Past MAX_IMPORT_ROWS. */
	| 'over-limit';

export const SKIP_REASONS: readonly SkipReason[] = [
	'wrong-column-count',
	'missing-source',
	'invalid-source',
	'internal-link',
	'target-elsewhere',
	'invalid-date',
	'duplicate',
	'over-limit',
];
