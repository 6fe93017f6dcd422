/**
 * Scan and report routes, all signed like /v1/check and all about the
 * signing site:
 *
 *   POST /v1/scan                     ScanRequest      -> 202 ScanStatus (runs in the background)
 *   GET  /v1/scan/status                               -> ScanStatus of the latest scan (404 before the first)
 *   GET  /v1/report?ReportQuery                        -> ReportResponse (page, or keyset: after=partners.nextCursor)
 *   GET  /v1/report/partners/:domain?linksPerPage&linksAfter -> PartnerDetail (a page of our links; ourLinksNext continues)
 *   GET  /v1/report/partners/:domain/evidence[?format=csv] -> every stored check of the partner as evidence (issue 9)
 *   GET  /v1/report/export.csv?filters                 -> text/csv (the filtered partner table with the log)
 *   GET  /v1/report/changes?since=ISO                  -> ReportChanges (alerts and new critical findings since; the e-mail digest)
 *   POST /v1/partner-log              PartnerLogRequest -> 201 PartnerLogEntry
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
	PartnerDetailQuerySchema,
	PartnerDetailSchema,
	PartnerLogEntrySchema,
	PartnerLogRequestSchema,
	ReportChangesQuerySchema,
	ReportChangesSchema,
	ReportQuerySchema,
	ReportResponseSchema,
	ScanRequestSchema,
	ScanStatusSchema,
} from '../../core/report';
import type { Settings } from '../../core/settings';
import { isRlgError } from '../errors';
import type { Logger } from '../logger';
import { silentLogger } from '../logger';
import { buildReport, partnerDetail, toScanStatus } from '../report/report';
import { reportCsv } from '../report/export';
import { CursorError } from '../report/cursor';
import { reportChanges } from '../report/changes';
import { evidenceCsv, partnerEvidence } from '../verdicts/evidence';
import type { Scanner } from '../scan/scanner';
import { siteIdentity } from '../store/site-identity';
import type { SiteRecord, Store } from '../store/types';
import type { ScanStore } from '../store/scan-types';
import { HttpError, validationError } from './errors';
import { createSettingsResolver } from '../site-settings';
import type { SettingsFor } from '../site-settings';

export interface ReportRoutesOptions {
	store: Store;
	scanStore: ScanStore;
	scanner: Scanner;
	/** The service's settings; each site's stored settings go on top. */
	settings: Settings;
	/** Settings per site (default: `settings` ← the site's stored ones). */
	settingsFor?: SettingsFor;
	logger?: Logger;
	now?: () => Date;
}

export interface ReportRoutesDeps extends ReportRoutesOptions {
	/** The app's signature check: sets `request.site` or throws a 401. */
	authenticate: ( request: FastifyRequest ) => Promise< void >;
}

function body( request: FastifyRequest ): unknown {
	const raw = Buffer.isBuffer( request.body ) ? request.body : null;
	if ( ! raw || raw.length === 0 ) {
		return {};
	}
	try {
		return JSON.parse( raw.toString( 'utf8' ) );
	} catch ( error ) {
		throw new HttpError(
			400,
			'ERR_INVALID_JSON',
			`the body is not valid JSON: ${ ( error as Error ).message }`
		);
	}
}

/** A cursor that cannot be used is the client's error: 400 naming the field. */
function rethrowCursorError( error: unknown ): never {
	if ( error instanceof CursorError ) {
		throw new HttpError( 400, error.code, error.message, error.field );
	}
	throw error;
}

function signingSite( request: FastifyRequest ): SiteRecord {
	return request.site as SiteRecord;
}

export function registerReportRoutes(
	app: FastifyInstance,
	deps: ReportRoutesDeps
): void {
	const { scanStore, scanner, authenticate } = deps;
	const logger = deps.logger ?? silentLogger();
	const reportDeps = {
		store: deps.store,
		scanStore,
		settings: deps.settings,
		now: deps.now,
	};
	const signed = { preHandler: authenticate };
	const settingsFor =
		deps.settingsFor ?? createSettingsResolver( deps.store, deps.settings );

	app.post( '/v1/scan', signed, async ( request, reply ) => {
		const site = signingSite( request );
		const parsed = ScanRequestSchema.safeParse( body( request ) );
		if ( ! parsed.success ) {
			throw validationError( parsed.error );
		}
		if ( parsed.data.site !== undefined ) {
			const asked = siteIdentity( parsed.data.site )?.siteKey;
			const ours = [ site.url, ...site.alternateUrls ].map(
				( url ) => siteIdentity( url )?.siteKey
			);
			if ( ! asked || ! ours.includes( asked ) ) {
				throw new HttpError(
					403,
					'ERR_SITE_MISMATCH',
					`site: the request is signed by ${ site.url } but asks to scan ${ parsed.data.site }`,
					'site'
				);
			}
		}
		try {
			const { scan, done } = await scanner.start( {
				site,
				source: parsed.data.source,
				sitemapUrl: parsed.data.sitemapUrl ?? null,
				full: parsed.data.full,
			} );
			done.catch( ( error ) =>
				logger.warn( { err: error, site: site.url }, 'scan failed' )
			);
			return reply
				.code( 202 )
				.send( ScanStatusSchema.parse( toScanStatus( scan ) ) );
		} catch ( error ) {
			if ( isRlgError( error, 'ERR_SCAN_BUSY' ) ) {
				throw new HttpError( 409, error.code, error.message );
			}
			throw error;
		}
	} );

	app.get( '/v1/scan/status', signed, async ( request ) => {
		const site = signingSite( request );
		const scan = await scanStore.latestScan( site.id );
		if ( ! scan ) {
			throw new HttpError(
				404,
				'ERR_NO_SCAN',
				`${ site.url } has not been scanned yet: POST /v1/scan starts a scan`
			);
		}
		return ScanStatusSchema.parse( toScanStatus( scan ) );
	} );

	app.get( '/v1/report', signed, async ( request ) => {
		const parsed = ReportQuerySchema.safeParse( request.query ?? {} );
		if ( ! parsed.success ) {
			throw validationError( parsed.error );
		}
		const site = signingSite( request );
		// Thresholds shown beside the findings are the site's own.
		const report = await buildReport(
			{ ...reportDeps, settings: await settingsFor( site ) },
			site,
			parsed.data
		).catch( rethrowCursorError );
		return ReportResponseSchema.parse( report );
	} );

	app.get< { Params: { domain: string } } >(
		'/v1/report/partners/:domain',
		signed,
		async ( request ) => {
			const paging = PartnerDetailQuerySchema.safeParse(
				request.query ?? {}
			);
			if ( ! paging.success ) {
				throw validationError( paging.error );
			}
			try {
				const detail = await partnerDetail(
					reportDeps,
					signingSite( request ),
					request.params.domain,
					paging.data
				);
				return PartnerDetailSchema.parse( detail );
			} catch ( error ) {
				if ( isRlgError( error, 'ERR_PARTNER_UNKNOWN' ) ) {
					throw new HttpError( 404, error.code, error.message );
				}
				return rethrowCursorError( error );
			}
		}
	);

	app.get< {
		Params: { domain: string };
		Querystring: { format?: string };
	} >(
		'/v1/report/partners/:domain/evidence',
		signed,
		async ( request, reply ) => {
			const site = signingSite( request );
			const domain = request.params.domain.trim().toLowerCase();
			const checks = await deps.store.checkHistory( site.id, {
				domain,
				limit: 100_000,
			} );
			if ( checks.length === 0 ) {
				throw new HttpError(
					404,
					'ERR_PARTNER_UNKNOWN',
					`no stored checks of ${ domain } for ${ site.url }`
				);
			}
			const evidence = partnerEvidence( domain, checks );
			if ( request.query.format === 'csv' ) {
				return reply
					.header( 'content-type', 'text/csv; charset=utf-8' )
					.header(
						'content-disposition',
						`attachment; filename="evidence-${ domain.replace( /[^a-z0-9.-]+/g, '-' ) }.csv"`
					)
					.send( evidenceCsv( evidence ) );
			}
			return evidence;
		}
	);

	app.get( '/v1/report/changes', signed, async ( request ) => {
		const parsed = ReportChangesQuerySchema.safeParse(
			request.query ?? {}
		);
		if ( ! parsed.success ) {
			throw validationError( parsed.error );
		}
		const changes = await reportChanges(
			reportDeps,
			signingSite( request ),
			parsed.data.since
		);
		return ReportChangesSchema.parse( changes );
	} );

	app.get( '/v1/report/export.csv', signed, async ( request, reply ) => {
		const site = signingSite( request );
		// The table as filtered and sorted in the report, every page of it.
		const parsed = ReportQuerySchema.safeParse( request.query ?? {} );
		if ( ! parsed.success ) {
			throw validationError( parsed.error );
		}
		const { page, perPage, after, ...query } = parsed.data;
		void page;
		void perPage;
		void after;
		const host =
			siteIdentity( site.url )?.siteKey.replace(
				/[^a-z0-9.-]+/gi,
				'-'
			) ?? 'site';
		return reply
			.header( 'content-type', 'text/csv; charset=utf-8' )
			.header(
				'content-disposition',
				`attachment; filename="reciprocal-links-${ host }.csv"`
			)
			.send( Readable.from( reportCsv( scanStore, site, query ) ) );
	} );

	app.post( '/v1/partner-log', signed, async ( request, reply ) => {
		const parsed = PartnerLogRequestSchema.safeParse( body( request ) );
		if ( ! parsed.success ) {
			throw validationError( parsed.error );
		}
		const entry = await scanStore.addLogEntry(
			signingSite( request ).id,
			parsed.data
		);
		return reply.code( 201 ).send( PartnerLogEntrySchema.parse( entry ) );
	} );
}
