/**
 * The Dutch translation as WordPress loads it: the .mo for PHP strings
 * (settings page, REST errors) and the per-script JSON files for the
 * editor and report bundles, picked by the user's locale.
 */
import {
	openEditor,
	openSession,
	screenshot,
	type Session,
} from './harness/browser';
import {
	pluginOptions,
	replacePluginOptions,
	rest,
	restNonce,
	setPluginOptions,
	wpPhp,
} from './harness/wordpress';

type I18nWindow = {
	wp: { i18n: { __: ( text: string, domain: string ) => string } };
};

describe( 'Dutch (nl_NL) translation', () => {
	let session: Session;

	beforeAll( async () => {
		wpPhp( `
			$id = username_exists( 'beheerder' );
			if ( ! $id ) {
				$id = wp_insert_user( array( 'user_login' => 'beheerder', 'user_pass' => 'password', 'user_email' => 'beheerder@example.test', 'role' => 'administrator' ) );
			}
			update_user_meta( $id, 'locale', 'nl_NL' );
			update_user_meta( $id, $GLOBALS['wpdb']->get_blog_prefix() . 'persisted_preferences', array( 'core/edit-post' => array( 'welcomeGuide' => false ), '_modified' => gmdate( 'c' ) ) );
			echo $id;` );
		session = await openSession( null );
		await session.page.goto( '/wp-login.php' );
		await session.page.fill( '#user_login', 'beheerder' );
		await session.page.fill( '#user_pass', 'password' );
		await Promise.all( [
			session.page.waitForURL( /\/wp-admin\// ),
			session.page.click( '#wp-submit' ),
		] );
	} );

	afterAll( async () => {
		await session?.close();
	} );

	it( 'shows the settings page in Dutch', async () => {
		const { page } = session;
		await page.goto(
			'/wp-admin/options-general.php?page=reciprocal-link-guard'
		);
		const headings = await page
			.locator( '.rlg-settings h2' )
			.allTextContents();
		expect( headings ).toEqual( [
			'Linkcontroleservice',
			'Zoekwoorden en merk',
			'Drempels',
			'Publiceren',
			'E-mailoverzicht',
		] );
		expect(
			await page.locator( 'label[for="rlg-minRelevance"]' ).textContent()
		).toBe( 'Minimale relevantie' );
		await screenshot( page, 'settings-nl_NL' );
	} );

	it( 'gives REST errors in Dutch', async () => {
		const saved = pluginOptions();
		try {
			setPluginOptions( {
				serviceUrl: 'http://127.0.0.1:9',
				siteKey: 'k'.repeat( 64 ),
			} );
			const answer = await rest(
				session.context,
				'POST',
				// apiFetch adds _locale=user; without it REST answers in the site language.
				'reciprocal-link-guard/v1/check?_locale=user',
				{
					body: {
						postId: 0,
						links: [
							{ url: 'http://natural.test/', anchorText: 'x' },
						],
					},
					nonce: await restNonce( session.context ),
				}
			);
			expect( answer.body.message ).toBe(
				'De linkcontroleservice op http://127.0.0.1:9 gaf geen antwoord.'
			);
		} finally {
			replacePluginOptions( saved );
		}
	} );

	it( 'loads the editor script translations', async () => {
		const { page } = session;
		await openEditor( page );
		const translated = await page.evaluate( () =>
			( window as unknown as I18nWindow ).wp.i18n.__(
				'Link checks',
				'reciprocal-link-guard'
			)
		);
		expect( translated ).toBe( 'Linkcontroles' );
	} );

	it( 'loads the report script translations', async () => {
		const { page } = session;
		await page.goto(
			'/wp-admin/tools.php?page=reciprocal-link-guard-report'
		);
		const translated = await page.evaluate( () =>
			( window as unknown as I18nWindow ).wp.i18n.__(
				'Scan now',
				'reciprocal-link-guard'
			)
		);
		expect( translated ).toBe( 'Nu scannen' );
	} );
} );
