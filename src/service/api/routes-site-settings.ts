/**
 * The signing site's own settings, signed like /v1/check:
 *
 *   PUT /v1/site/settings   SiteSettingsBody -> SiteSettingsResponse
 *   GET /v1/site/settings                    -> SiteSettingsResponse
 *
 * The response has what the site stored (`own`), the settings the service
 * uses for it (`effective`: defaults ← service settings ← own) and its
 * alternate URLs (aliases).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Settings } from '../../core/settings';
import { urlKey } from '../../core/url';
import {
	createSettingsResolver,
	parseSiteSettingsBody,
} from '../site-settings';
import type { SiteRecord, Store } from '../store/types';
import { HttpError, validationError } from './errors';
import { ZodError } from 'zod';

export interface SiteSettingsRoutesDeps {
	store: Store;
	/** Defaults ← the service's own settings. */
	base: Settings;
	authenticate: ( request: FastifyRequest ) => Promise< void >;
	/** The app's strict JSON reader (UTF-8 checked). */
	parseJson: ( body: Buffer ) => unknown;
}

export interface SiteSettingsResponse {
	site: string;
	own: Partial< Settings >;
	effective: Settings;
	alternateUrls: string[];
	updatedAt: string | null;
}

export function registerSiteSettingsRoutes(
	app: FastifyInstance,
	deps: SiteSettingsRoutesDeps
): void {
	const { store, base, authenticate } = deps;
	const signed = { preHandler: authenticate };

	async function describe(
		site: SiteRecord
	): Promise< SiteSettingsResponse > {
		const stored = await store.getSiteSettings( site.id );
		return {
			site: site.url,
			own: stored?.settings ?? {},
			effective: await createSettingsResolver( store, base )( site ),
			alternateUrls: site.alternateUrls,
			updatedAt: stored?.updatedAt ?? null,
		};
	}

	app.get( '/v1/site/settings', signed, async ( request ) =>
		describe( request.site as SiteRecord )
	);

	app.put( '/v1/site/settings', signed, async ( request ) => {
		let site = request.site as SiteRecord;
		const raw = Buffer.isBuffer( request.body )
			? request.body
			: Buffer.alloc( 0 );
		let update;
		try {
			update = parseSiteSettingsBody( deps.parseJson( raw ) );
		} catch ( error ) {
			if ( error instanceof ZodError ) {
				// A misspelt setting is named, not reported at the root.
				const unknown = error.issues.find(
					( issue ) => issue.code === 'unrecognized_keys'
				);
				if ( unknown && unknown.code === 'unrecognized_keys' ) {
					const field = unknown.keys[ 0 ];
					throw new HttpError(
						400,
						'ERR_VALIDATION',
						`${ field }: not a setting of this service`,
						field
					);
				}
				throw validationError( error );
			}
			throw error;
		}
		await store.setSiteSettings( site.id, update.settings );
		if ( update.alternateUrls ) {
			// The site's own URL is no alias of itself.
			const updated = await store.setAlternateUrls(
				site.siteKey,
				update.alternateUrls.filter(
					( url ) => urlKey( url ) !== site.siteKey
				)
			);
			if ( ! updated ) {
				throw new HttpError(
					404,
					'ERR_SITE_UNKNOWN',
					`${ site.url } was removed while its settings were saved`
				);
			}
			site = updated;
		}
		return describe( site );
	} );
}
