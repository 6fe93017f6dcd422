/**
 * The signing site's own settings, signed like /v1/check:
 *
 *   PUT /v1/site/settings   SiteSettingsBody -> SiteSettingsResponse + { ignored }
 *   GET /v1/site/settings                    -> SiteSettingsResponse
 *
 * The response has what the site stored (`own`), the settings the service
 * uses for it (`effective`: defaults ← service settings ← own) and its
 * alternate URLs (aliases). A PUT also answers `ignored`: the fields this
 * service does not know (a plugin newer than the service), which were
 * neither validated nor stored, so the admin can be told they have no
 * effect until the service is upgraded.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Settings } from '../../core/settings';
import { urlKey } from '../../core/url';
import {
	createSettingsResolver,
	parseSiteSettingsBody,
} from '../site-settings';
import type { Logger } from '../logger';
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
	/** Warned when a site sends settings this service does not know. */
	logger?: Logger;
}

export interface SiteSettingsResponse {
	site: string;
	own: Partial< Settings >;
	effective: Settings;
	alternateUrls: string[];
	updatedAt: string | null;
}

export interface SiteSettingsPutResponse extends SiteSettingsResponse {
	/** Fields of the body this service does not know: not stored, no effect. */
	ignored: string[];
}

/** At most this many ignored field names are logged (the reply has all). */
const LOGGED_IGNORED = 20;

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

	app.put(
		'/v1/site/settings',
		signed,
		async ( request ): Promise< SiteSettingsPutResponse > => {
			let site = request.site as SiteRecord;
			const raw = Buffer.isBuffer( request.body )
				? request.body
				: Buffer.alloc( 0 );
			let update;
			try {
				update = parseSiteSettingsBody( deps.parseJson( raw ) );
			} catch ( error ) {
				throw error instanceof ZodError
					? validationError( error )
					: error;
			}
			if ( update.ignored.length > 0 ) {
				deps.logger?.warn(
					{
						site: site.url,
						ignored: update.ignored.slice( 0, LOGGED_IGNORED ),
						count: update.ignored.length,
					},
					'site settings: fields this service does not know were ignored (is the plugin newer than the service?)'
				);
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
			return { ...( await describe( site ) ), ignored: update.ignored };
		}
	);
}
