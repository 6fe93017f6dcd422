/**
 * "Check again" for one partner of the report (issue 18), signed:
 *
 *   POST /v1/report/partners/:domain/check   -> PartnerDetail (200)
 *
 * Fetches every page of the partner our posts link to again (ignoring
 * stored results, as `fresh: true` does for /v1/check), then rebuilds the
 * report from the store (partner rows, findings, alerts) as the last step
 * of a scan does, without reading the site's posts again. Answers the
 * partner's detail as GET /v1/report/partners/:domain does. A scan that is
 * running checks every partner anyway: then 409 ERR_SCAN_BUSY.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PartnerDetailSchema } from '../../core/report';
import { MAX_LINKS_PER_CHECK } from '../../core/schemas';
import type { CheckService } from '../check-service';
import { isRlgError } from '../errors';
import { partnerDetail } from '../report/report';
import { refreshReport } from '../report/refresh';
import type { SettingsFor } from '../site-settings';
import type { ScanStore } from '../store/scan-types';
import type { SiteRecord, Store } from '../store/types';
import { HttpError } from './errors';

export interface PartnerCheckRoutesDeps {
	store: Store;
	scanStore: ScanStore;
	checkService: CheckService;
	settingsFor: SettingsFor;
	authenticate: ( request: FastifyRequest ) => Promise< void >;
	now?: () => Date;
}

export function registerPartnerCheckRoutes(
	app: FastifyInstance,
	deps: PartnerCheckRoutesDeps
): void {
	const { store, scanStore, checkService, settingsFor } = deps;

	async function detail( site: SiteRecord, domain: string ) {
		try {
			return PartnerDetailSchema.parse(
				await partnerDetail(
					{ store, scanStore, settings: await settingsFor( site ) },
					site,
					domain
				)
			);
		} catch ( error ) {
			if ( isRlgError( error, 'ERR_PARTNER_UNKNOWN' ) ) {
				throw new HttpError( 404, error.code, error.message );
			}
			throw error;
		}
	}

	app.post< { Params: { domain: string } } >(
		'/v1/report/partners/:domain/check',
		{ preHandler: deps.authenticate },
		async ( request ) => {
			const site = request.site as SiteRecord;
			const domain = request.params.domain.trim().toLowerCase();
			const latest = await scanStore.latestScan( site.id );
			if ( latest?.state === 'running' ) {
				throw new HttpError(
					409,
					'ERR_SCAN_BUSY',
					`a scan of ${ site.url } is running; it checks ${ domain } too`
				);
			}
			const before = await detail( site, domain );
			// Each page of theirs we link to, once, with the first anchor.
			const targets = new Map< string, string >();
			for ( const link of before.ourLinks ) {
				if ( ! targets.has( link.href ) ) {
					targets.set( link.href, link.text.slice( 0, 1000 ) );
				}
			}
			const links = [ ...targets ].map( ( [ url, anchorText ] ) => ( {
				url,
				anchorText,
			} ) );
			for ( let i = 0; i < links.length; i += MAX_LINKS_PER_CHECK ) {
				await checkService.check(
					{
						site: site.url,
						links: links.slice( i, i + MAX_LINKS_PER_CHECK ),
						homepage: true,
						fresh: true,
						keywords: [],
					},
					site
				);
			}
			await refreshReport( {
				store,
				scanStore,
				site,
				settings: await settingsFor( site ),
				now: deps.now,
			} );
			return detail( site, domain );
		}
	);
}
