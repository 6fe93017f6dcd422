/**
 * The settings page reaches the service: saving it sends the keywords and
 * thresholds to PUT /v1/site/settings; a service that does not take them
 * leaves the saved settings alone and says why; a scan started from
 * WordPress first sends settings the service has not got yet.
 */
import { signRequest } from '../../src/service/auth';
import { openSession, type Session } from './harness/browser';
import { readState } from './harness/state';
import {
	pluginOptions,
	replacePluginOptions,
	rest,
	restNonce,
	setPluginOptions,
	wpPhp,
} from './harness/wordpress';

const PAGE = '/wp-admin/options-general.php?page=reciprocal-link-guard';
const NOT_TAKEN = 'the link check service did not take them';

const state = readState();

/** The service's copy of the e2e site's settings, asked as the site. */
async function serviceSettings(): Promise< {
	own: Record< string, unknown >;
} > {
	const service = state.service!;
	const path = '/v1/site/settings';
	const headers = signRequest( {
		site: `${ state.wpUrl }/`,
		key: service.siteKey,
		method: 'GET',
		path,
		body: '',
	} );
	const response = await fetch( `${ service.url }${ path }`, { headers } );
	expect( response.status ).toBe( 200 );
	return ( await response.json() ) as { own: Record< string, unknown > };
}

( state.service ? describe : describe.skip )(
	'settings sent to the service',
	() => {
		let admin: Session;
		let original: Record< string, unknown > | null;

		beforeAll( async () => {
			admin = await openSession( 'admin' );
			original = pluginOptions();
			replacePluginOptions( {
				serviceUrl: state.service!.url,
				siteKey: state.service!.siteKey,
			} );
		} );

		afterAll( async () => {
			replacePluginOptions( original );
			await admin?.close();
		} );

		it( 'saving the settings page sends keywords and thresholds to the service', async () => {
			const { page } = admin;
			await page.goto( PAGE );
			await page.fill( '#rlg-keywords', 'organic gardening tips' );
			await page.fill( '#rlg-maxReciprocalPartners', '4' );
			await page.click( '#submit' );
			await page.waitForURL( /settings-updated=true/ );
			expect( await page.content() ).not.toContain( NOT_TAKEN );

			const { own } = await serviceSettings();
			expect( own ).toMatchObject( {
				keywords: [ 'organic gardening tips' ],
				maxReciprocalPartners: 4,
			} );
		} );

		it( 'keeps the saved settings and says why when the service does not take them', async () => {
			// A port nothing listens on: the push after this save fails.
			setPluginOptions( {
				serviceUrl: 'http://127.0.0.1:9',
				keywords: [ 'compost' ],
			} );
			const { page } = admin;
			await page.goto( PAGE );
			const warning = page.locator( '.notice-warning', {
				hasText: NOT_TAKEN,
			} );
			await warning.waitFor();
			expect( await warning.textContent() ).toContain( 'did not answer' );
			expect( pluginOptions() ).toMatchObject( {
				keywords: [ 'compost' ],
			} );
			// The service still has what it was sent last.
			expect( ( await serviceSettings() ).own.keywords ).toEqual( [
				'organic gardening tips',
			] );

			setPluginOptions( { serviceUrl: state.service!.url } );
			expect( ( await serviceSettings() ).own.keywords ).toEqual( [
				'compost',
			] );
			await page.goto( PAGE );
			expect( await page.content() ).not.toContain( NOT_TAKEN );
		} );

		it( 'a scan request from WordPress first sends settings the service has not got', async () => {
			// Changed without the save hooks (as a failed push leaves it).
			wpPhp( `remove_all_actions( 'update_option_rlg_settings' );
				$o = get_option( 'rlg_settings' );
				$o['keywords'] = array( 'raised beds' );
				update_option( 'rlg_settings', $o );` );
			expect( ( await serviceSettings() ).own.keywords ).toEqual( [
				'compost',
			] );
			// A scan of another site: the service refuses it (403, which the
			// plugin reports as a key/site problem), so the shared e2e site is
			// not scanned, but the push happens first.
			const answer = await rest(
				admin.context,
				'POST',
				'reciprocal-link-guard/v1/scan',
				{
					body: { site: 'https://someone.else/' },
					nonce: await restNonce( admin.context ),
				}
			);
			expect( answer.body ).toMatchObject( {
				code: 'rlg_service_misconfigured',
				data: { serviceCode: 'ERR_SITE_MISMATCH' },
			} );
			expect( ( await serviceSettings() ).own.keywords ).toEqual( [
				'raised beds',
			] );
		} );
	}
);
