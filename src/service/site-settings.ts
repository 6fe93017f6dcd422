/**
 * Per-site settings. The admin of a connected site sets keywords, brand
 * terms and every rule threshold in WordPress; the plugin sends them with
 * `PUT /v1/site/settings` and the service uses them for everything it does
 * for that site (checks, scans, the report, stats).
 *
 * Effective settings for a site = defaults ← the service's own settings
 * (`--settings`, `--ttl-hours`, env) ← the fields the site stored. Only the
 * fields the site actually sent are stored, so a field it never set keeps
 * following the service's value.
 */
import { z } from 'zod';
import { SettingsSchema } from '../core/settings';
import type { Settings } from '../core/settings';
import { createCheckService } from './check-service';
import type { CheckService, CheckServiceOptions } from './check-service';
import { siteIdentity } from './store/site-identity';
import type { SiteRecord, Store } from './store/types';

/** The body of `PUT /v1/site/settings`: Settings plus the site's other URLs. */
export const SiteSettingsBodySchema = SettingsSchema.extend( {
	/** Other URLs of the same site (old domain, staging): its aliases. */
	alternateUrls: z
		.array(
			z
				.string()
				.trim()
				.max( 2048 )
				.refine( ( url ) => siteIdentity( url ) !== null, {
					message: 'not an absolute http(s) URL',
				} )
		)
		.max( 50 )
		.optional(),
} ).strict();

export interface SiteSettingsUpdate {
	/** Only the settings fields present in the body, validated. */
	settings: Partial< Settings >;
	/** Normalised, without duplicates; undefined when the body had none. */
	alternateUrls?: string[];
	/**
	 * Fields of the body this service does not know, in body order: sent by
	 * a newer plugin (a setting added after this service was built) or
	 * misspelt. Neither validated nor stored.
	 */
	ignored: string[];
}

/**
 * Validate a settings body. Unknown fields are set aside (`ignored`)
 * instead of refusing the whole body: a plugin newer than the service sends
 * settings the service cannot know yet, and the ones it does know must
 * still apply. Throws the ZodError (its path names the field) when a known
 * field is invalid or the body is not an object.
 */
export function parseSiteSettingsBody( body: unknown ): SiteSettingsUpdate {
	if ( ! body || typeof body !== 'object' || Array.isArray( body ) ) {
		// The schema's own message for a body that is no object.
		SiteSettingsBodySchema.parse( body );
	}
	const shape = SiteSettingsBodySchema.shape;
	const sent = Object.keys( body as object );
	const isKnown = ( key: string ) => Object.hasOwn( shape, key );
	const ignored = sent.filter( ( key ) => ! isKnown( key ) );
	// Only the known fields go through the (strict) schema; nothing that was
	// not validated reaches the store.
	const known = Object.fromEntries(
		sent
			.filter( isKnown )
			.map( ( key ) => [
				key,
				( body as Record< string, unknown > )[ key ],
			] )
	);
	const parsed = SiteSettingsBodySchema.parse( known );
	// zod fills every default; keep what was sent, so the rest falls
	// through to the service's own settings.
	const settings = Object.fromEntries(
		Object.keys( known )
			.filter( ( key ) => Object.hasOwn( SettingsSchema.shape, key ) )
			.map( ( key ) => [
				key,
				( parsed as Record< string, unknown > )[ key ],
			] )
	) as Partial< Settings >;
	const alternateUrls = parsed.alternateUrls && [
		...new Set(
			parsed.alternateUrls.map( ( url ) => siteIdentity( url )!.url )
		),
	];
	return alternateUrls
		? { settings, alternateUrls, ignored }
		: { settings, ignored };
}

/** `base` (defaults ← service overrides) with the site's own fields on top. */
export function effectiveSettings(
	base: Settings,
	own: Partial< Settings > | null | undefined
): Settings {
	return { ...base, ...( own ?? {} ) };
}

/** The settings to use for a site. */
export type SettingsFor = ( site: SiteRecord ) => Promise< Settings >;

/** Reads the site's stored settings on every call: a PUT applies at once. */
export function createSettingsResolver(
	store: Pick< Store, 'getSiteSettings' >,
	base: Settings
): SettingsFor {
	return async ( site ) =>
		effectiveSettings(
			base,
			( await store.getSiteSettings( site.id ) )?.settings
		);
}

export interface SiteCheckServiceOptions extends Omit<
	CheckServiceOptions,
	'settings'
> {
	settingsFor: SettingsFor;
}

/**
 * A check service that checks each site with that site's settings (TTL,
 * keywords and brand terms for the anchor classes, partial-match share,
 * removal confirmation). One inner check service per site, made again when
 * the site's settings change, so the in-flight sharing of the inner service
 * keeps working between requests of the same site.
 */
export function createSiteCheckService(
	options: SiteCheckServiceOptions
): CheckService {
	const { settingsFor, ...rest } = options;
	const perSite = new Map<
		number,
		{ fingerprint: string; service: CheckService }
	>();
	return {
		async check( request, site, observer ) {
			const settings = await settingsFor( site );
			const fingerprint = JSON.stringify( settings );
			let entry = perSite.get( site.id );
			if ( ! entry || entry.fingerprint !== fingerprint ) {
				entry = {
					fingerprint,
					service: createCheckService( { ...rest, settings } ),
				};
				perSite.set( site.id, entry );
			}
			return entry.service.check( request, site, observer );
		},
	};
}
