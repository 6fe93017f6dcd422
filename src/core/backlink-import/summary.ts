/**
 * What the service answers about an import (the API, the report page and
 * `rlg import --json` show the same): what was read, what was kept, and
 * every skipped row's line and reason (the first MAX_LISTED_SKIPS).
 */
import { z } from 'zod';
import { BacklinkOverviewSchema } from './overview';
import { SKIP_REASONS } from './skip-reasons';
import type { SkipReason } from './skip-reasons';

const SkipReasonSchema = z.enum(
	SKIP_REASONS as unknown as [ SkipReason, ...SkipReason[] ]
);

export const BacklinkImportSummarySchema = z.object( {
	id: z.number().int(),
	/** `''` for our own site, else the competitor's siteKey. */
	owner: z.string(),
	format: z.enum( [ 'gsc', 'ahrefs', 'semrush' ] ),
	variant: z.string(),
	label: z.string(),
	fileName: z.string(),
	encoding: z.string(),
	importedAt: z.string(),
	rowsRead: z.number().int(),
	backlinks: z.number().int(),
	domains: z.number().int(),
	skippedTotal: z.number().int(),
	skippedByReason: z.record( z.string(), z.number().int() ),
	skipped: z.array(
		z.object( {
			line: z.number().int(),
			reason: SkipReasonSchema,
			detail: z.string(),
		} )
	),
} );
export type BacklinkImportSummary = z.infer<
	typeof BacklinkImportSummarySchema
>;

/** The body of POST /v1/backlinks/import. */
export const BacklinkImportRequestSchema = z.object( {
	/** The uploaded file's name (shown in the list of imports). */
	fileName: z.string().min( 1 ).max( 200 ),
	format: z.enum( [ 'auto', 'gsc', 'ahrefs', 'semrush' ] ).default( 'auto' ),
	/** The export is about this competitor (a domain or URL), not about us. */
	competitor: z.string().max( 260 ).nullable().default( null ),
	/** The file's bytes, base64. */
	content: z.string().min( 1 ),
} );
export type BacklinkImportRequest = z.input<
	typeof BacklinkImportRequestSchema
>;

/** GET /v1/report/backlinks. */
export const BacklinksReportSchema = z.object( {
	imports: z.array( BacklinkImportSummarySchema ),
	overview: BacklinkOverviewSchema,
} );
export type BacklinksReport = z.infer< typeof BacklinksReportSchema >;
