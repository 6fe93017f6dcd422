/**
 * Site Health tests (issue 18) against the real WordPress and service:
 * the service answers, accepts the key and runs this version; the report's
 * age; and what each says when the service is down.
 */
import { readState } from './harness/state';
import {
	pluginOptions,
	replacePluginOptions,
	setPluginOptions,
	wpJson,
} from './harness/wordpress';

interface HealthResult {
	status: string;
	label: string;
	description: string;
}

/**
 * Runs our two direct tests as Site Health does: on its screen, for a user
 * who may view it (an administrator), which is who may read where the
 * service lives.
 */
function runTests(): Record< string, HealthResult > {
	return wpJson( `wp_set_current_user( ${ readState().users.admin.id } );
		$tests = apply_filters( 'site_status_tests', array( 'direct' => array(), 'async' => array() ) );
		$out = array();
		foreach ( array( 'rlg_service', 'rlg_last_scan' ) as $id ) {
			$out[ $id ] = call_user_func( $tests['direct'][ $id ]['test'] );
		}
		echo wp_json_encode( $out );` );
}

( readState().service ? describe : describe.skip )( 'Site Health', () => {
	let original: Record< string, unknown > | null;
	beforeAll( () => {
		original = pluginOptions();
	} );
	afterAll( () => replacePluginOptions( original ) );

	it( 'says the service answers, accepts the key and runs a compatible version', () => {
		const results = runTests();
		expect( results.rlg_service.status ).toBe( 'good' );
		expect( results.rlg_service.description ).toContain(
			'accepts this site'
		);
		// Never scanned in this environment, or scanned today.
		expect( [ 'recommended', 'good' ] ).toContain(
			results.rlg_last_scan.status
		);
	} );

	it( 'is critical when the service does not answer, and names it', () => {
		setPluginOptions( { serviceUrl: 'http://127.0.0.1:9' } );
		let results: Record< string, HealthResult >;
		try {
			results = runTests();
		} finally {
			replacePluginOptions( original );
		}
		expect( results.rlg_service.status ).toBe( 'critical' );
		expect( results.rlg_service.label ).toBe(
			'The link check service does not answer'
		);
		expect( results.rlg_service.description ).toContain(
			'http://127.0.0.1:9'
		);
	} );

	it( 'is critical when the service refuses the key', () => {
		setPluginOptions( { siteKey: 'x'.repeat( 64 ) } );
		const results = runTests();
		expect( results.rlg_service.status ).toBe( 'critical' );
		expect( results.rlg_service.label ).toBe(
			'The link check service refuses this site'
		);
		replacePluginOptions( original );
	} );

	it( 'compares versions by major and minor', () => {
		expect(
			wpJson(
				`echo wp_json_encode( array( ReciprocalLinkGuard\\Site_Health::compatible( RLG_VERSION ), ReciprocalLinkGuard\\Site_Health::compatible( '9.9.0' ), ReciprocalLinkGuard\\Site_Health::compatible( '' ) ) );`
			)
		).toEqual( [ true, false, false ] );
	} );
} );
