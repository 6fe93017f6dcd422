/**
 * A signed check request's body, validated and authorised the same way for
 * POST /v1/check and the check-job routes: the schema, the site it asks
 * about (the signing site or one of its alternate URLs), and whether that
 * site may ask for rendered checks.
 */
import {
	CheckJobRequestSchema,
	CheckRequestSchema,
	type CheckRequest,
} from '../../core/schemas';
import { siteIdentity } from '../store/site-identity';
import type { SiteRecord } from '../store/types';
import { HttpError, validationError } from './errors';

/**
 * The request `site` signed, or an HttpError saying what is wrong with it.
 * `kind` 'job': a check job's request, which may carry more links
 * (MAX_LINKS_PER_JOB_REQUEST) than a check answered in one request.
 */
export function authorizedCheckRequest(
	body: unknown,
	site: SiteRecord,
	kind: 'check' | 'job' = 'check'
): CheckRequest {
	const parsed = (
		kind === 'job' ? CheckJobRequestSchema : CheckRequestSchema
	).safeParse( body );
	if ( ! parsed.success ) {
		throw validationError( parsed.error );
	}
	const identity = siteIdentity( parsed.data.site );
	const signedFor = [ site.url, ...site.alternateUrls ].map(
		( url ) => siteIdentity( url )?.siteKey
	);
	if ( ! identity || ! signedFor.includes( identity.siteKey ) ) {
		throw new HttpError(
			403,
			'ERR_SITE_MISMATCH',
			`site: the request is signed by ${ site.url } but asks about ${ parsed.data.site }`,
			'site'
		);
	}
	if ( parsed.data.rendered === true && ! site.allowRendered ) {
		// A rendered check starts Chromium on this machine: the
		// operator decides which sites may cost it that.
		throw new HttpError(
			403,
			'ERR_RENDER_NOT_ALLOWED',
			`rendered: ${ site.url } may not ask for rendered checks (they start Chromium on the service machine); the service operator allows them with: rlg sites set ${ site.url } --allow-rendered`,
			'rendered'
		);
	}
	return parsed.data;
}
