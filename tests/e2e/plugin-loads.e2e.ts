/**
 * The first thing that must hold: the plugin is active in a real WordPress,
 * the block editor loads with our script and its context, the settings and
 * report pages render, and none of it writes a PHP error or a JS error.
 */
import {
	openEditor,
	openSession,
	pluginPhpErrors,
	screenshot,
	type Session,
} from './harness/browser';
import {
	pluginOptions,
	replacePluginOptions,
	setPluginOptions,
	wpPhp,
} from './harness/wordpress';

describe( 'the plugin in WordPress', () => {
	let session: Session;

	beforeAll( async () => {
		session = await openSession( 'admin' );
	} );

	afterAll( async () => {
		await session?.close();
	} );

	it( 'is active and registers its REST namespace', async () => {
		expect(
			wpPhp(
				`require_once ABSPATH . 'wp-admin/includes/plugin.php'; echo is_plugin_active( 'reciprocal-link-guard/plugin.php' ) ? 'active' : 'inactive';`
			)
		).toBe( 'active' );
		const index = await session.context.request.get(
			`${ session.state.wpUrl }/wp-json/`
		);
		const body = ( await index.json() ) as { namespaces: string[] };
		expect( body.namespaces ).toContain( 'reciprocal-link-guard/v1' );
	} );

	it( 'loads the editor script with its context in the block editor', async () => {
		const { page } = session;
		await openEditor( page );
		expect(
			await page
				.locator( 'script#reciprocal-link-guard-editor-js' )
				.count()
		).toBe( 1 );
		const context = await page.evaluate(
			() =>
				(
					window as unknown as {
						rlgEditorContext?: Record< string, unknown >;
					}
				 ).rlgEditorContext
		);
		expect( context ).toMatchObject( {
			restNamespace: 'reciprocal-link-guard/v1',
			siteUrls: [ `${ session.state.wpUrl }/` ],
			serviceConfigured: session.state.service !== null,
		} );
		expect(
			( context?.settings as Record< string, unknown > )
				.maxReciprocalPartners
		).toBe( 10 );
		await screenshot( page, 'editor-loaded', { fullPage: false } );
		expect( session.errors ).toEqual( [] );
	} );

	it( 'renders the settings page and the report mount point', async () => {
		const { page } = session;
		await page.goto(
			'/wp-admin/options-general.php?page=reciprocal-link-guard'
		);
		expect( await page.locator( 'h1' ).textContent() ).toBe(
			'Reciprocal Link Guard'
		);
		expect(
			await page.locator( '#rlg-maxReciprocalPartners' ).inputValue()
		).toBe( '10' );
		await screenshot( page, 'settings-page' );
		expect( session.errors ).toEqual( [] );
		// The report UI itself has its own spec; here: the page and its script are there.
		await page.goto(
			'/wp-admin/tools.php?page=reciprocal-link-guard-report'
		);
		expect( await page.locator( '#rlg-report-root' ).count() ).toBe( 1 );
		expect(
			await page
				.locator( 'script#reciprocal-link-guard-admin-js' )
				.count()
		).toBe( 1 );
	} );

	it( 'removes its option when uninstalled (files stay: uninstall.php only)', () => {
		const saved = pluginOptions();
		try {
			setPluginOptions( { keywords: [ 'to be removed' ] } );
			// What the Plugins screen's "Delete" runs before removing the files.
			expect(
				wpPhp( `require_once ABSPATH . 'wp-admin/includes/plugin.php';
					uninstall_plugin( 'reciprocal-link-guard/plugin.php' );
					echo wp_json_encode( get_option( 'rlg_settings', 'gone' ) );` )
			).toBe( '"gone"' );
		} finally {
			replacePluginOptions( saved );
		}
	} );

	it( 'wrote no PHP notice, warning or error from the plugin', () => {
		expect( pluginPhpErrors() ).toEqual( [] );
	} );
} );
