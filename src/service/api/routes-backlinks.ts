/**
 * Backlink import routes, signed like every other:
 *
 *   POST /v1/backlinks/import  BacklinkImportRequest -> 201 { import: BacklinkImportSummary }
 *   GET  /v1/report/backlinks                       -> BacklinksReport
 *
 * The export travels base64 in JSON (the signature covers the body as
 * sent, and Ahrefs' UTF-16 files are not text a JSON string can carry
 * as-is). Bounded: the route takes a body of at most MAX_HTTP_IMPORT_BYTES
 * of file (413 beyond), core reads at most MAX_IMPORT_ROWS backlinks.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
	BacklinkImportRequestSchema,
	BacklinksReportSchema,
} from '../../core/backlink-import';
import { isRlgError } from '../errors';
import { importBacklinkFile } from '../backlink-import/import-file';
import { backlinksReport } from '../backlink-import/report';
import type { BacklinksReportDeps } from '../backlink-import/report';
import type { ScanStore } from '../store/scan-types';
import type { SiteRecord, Store } from '../store/types';
import { HttpError, validationError } from './errors';

/** Largest export accepted over HTTP (bytes of the file, before base64). */
export const MAX_HTTP_IMPORT_BYTES = 8 * 1024 * 1024;
/** The body: the file in base64 (4/3) plus the JSON around it. */
const IMPORT_BODY_LIMIT = Math.ceil( ( MAX_HTTP_IMPORT_BYTES * 4 ) / 3 ) + 4096;

export interface BacklinkRoutesDeps {
	store: Store;
	scanStore: ScanStore;
	authenticate: ( request: FastifyRequest ) => Promise< void >;
	parseJson: ( raw: Buffer ) => unknown;
	partnerLinks?: BacklinksReportDeps[ 'partnerLinks' ];
	graphGroups?: BacklinksReportDeps[ 'graphGroups' ];
	/** Backlinks were imported for the site (the partner graph changed). */
	onImported?: ( siteId: number ) => void;
}

function rawBody( request: FastifyRequest ): Buffer {
	return Buffer.isBuffer( request.body ) ? request.body : Buffer.alloc( 0 );
}

export function registerBacklinkRoutes(
	app: FastifyInstance,
	deps: BacklinkRoutesDeps
): void {
	const backlinks = deps.store.openBacklinkStore();
	app.addHook( 'onClose', async () => backlinks.close() );
	const signed = { preHandler: deps.authenticate };

	app.post(
		'/v1/backlinks/import',
		{ ...signed, bodyLimit: IMPORT_BODY_LIMIT },
		async ( request, reply ) => {
			const site = request.site as SiteRecord;
			const parsed = BacklinkImportRequestSchema.safeParse(
				deps.parseJson( rawBody( request ) )
			);
			if ( ! parsed.success ) {
				throw validationError( parsed.error );
			}
			const bytes = Buffer.from( parsed.data.content, 'base64' );
			if ( bytes.length > MAX_HTTP_IMPORT_BYTES ) {
				throw new HttpError(
					413,
					'ERR_BODY_TOO_LARGE',
					`the file is ${ bytes.length } bytes; at most ${ MAX_HTTP_IMPORT_BYTES } are imported over HTTP (rlg import reads larger files)`
				);
			}
			try {
				const summary = await importBacklinkFile( backlinks, site, {
					bytes,
					fileName: parsed.data.fileName,
					format: parsed.data.format,
					competitor: parsed.data.competitor,
				} );
				deps.onImported?.( site.id );
				return reply.code( 201 ).send( { import: summary } );
			} catch ( error ) {
				if ( isRlgError( error, 'ERR_IMPORT_FILE' ) ) {
					throw new HttpError(
						422,
						error.code,
						error.message,
						'content'
					);
				}
				if ( isRlgError( error, 'ERR_VALIDATION' ) ) {
					throw new HttpError(
						400,
						error.code,
						error.message,
						'competitor'
					);
				}
				if ( isRlgError( error, 'ERR_TOO_MANY_COMPETITORS' ) ) {
					throw new HttpError(
						409,
						error.code,
						error.message,
						'competitor'
					);
				}
				throw error;
			}
		}
	);

	app.get( '/v1/report/backlinks', signed, async ( request ) => {
		const site = request.site as SiteRecord;
		return BacklinksReportSchema.parse(
			await backlinksReport(
				{
					store: deps.store,
					backlinks,
					scanStore: deps.scanStore,
					partnerLinks: deps.partnerLinks,
					graphGroups: deps.graphGroups,
				},
				site
			)
		);
	} );
}
