'use strict';
/**
 * Demo content for "De Moestuinier", a Dutch vegetable-garden blog: posts
 * whose links point at the demo partner sites (scripts/demo/partners.js),
 * the plugin's keywords and brand, and an admin without the welcome guide.
 * Seeded once: the `rlg_demo_seeded` option marks a seeded site, so posts
 * written during the demo survive a restart.
 */
const crypto = require( 'node:crypto' );
const fs = require( 'node:fs' );
const path = require( 'node:path' );
const wp = require( '../wp/lib' );
const { KEYWORDS } = require( './partners' );

function paragraph( html ) {
	return `<!-- wp:paragraph -->\n<p>${ html }</p>\n<!-- /wp:paragraph -->`;
}

function heading( text ) {
	return `<!-- wp:heading -->\n<h2 class="wp-block-heading">${ text }</h2>\n<!-- /wp:heading -->`;
}

function list( items ) {
	return `<!-- wp:list -->\n<ul>${ items
		.map(
			( item ) =>
				`<!-- wp:list-item -->\n<li>${ item }</li>\n<!-- /wp:list-item -->`
		)
		.join( '\n' ) }</ul>\n<!-- /wp:list -->`;
}

/**
 * @param {( host: string, path?: string ) => string} partner URL of a partner page.
 * @return {Array<{ slug: string, title: string, content: string }>} The demo posts.
 */
function demoPosts( partner ) {
	const link = ( host, pagePath, text ) =>
		`<a href="${ partner( host, pagePath ) }">${ text }</a>`;
	return [
		{
			slug: 'compost-maken-in-tien-weken',
			title: 'Compost maken in tien weken',
			content: [
				paragraph(
					'Goede compost is het halve werk in de moestuin. Wij vullen het vat in laagjes: groen keukenafval, bruin blad en wat oude compost als starter.'
				),
				paragraph(
					`Wie net begint, heeft veel aan ${ link(
						'tuinhulp.test',
						'/composteren/',
						'de compostgids van Tuinhulp'
					) }: duidelijke foto’s van elke laag en wat je beter niet in de hoop gooit.`
				),
				paragraph(
					'Keer de hoop elke twee weken om en houd hem vochtig als een uitgeknepen spons. Na tien weken ruikt hij naar bosgrond en kan hij tussen de bonen.'
				),
			].join( '\n\n' ),
		},
		{
			slug: 'zaden-kiezen-voor-het-voorjaar',
			title: 'Zaden kiezen voor het voorjaar',
			content: [
				paragraph(
					'In februari liggen de zaadzakjes op de keukentafel. Oude rassen tomaat, stokbonen en pompoen doen het bij ons het best; sla zaaien we elke drie weken opnieuw.'
				),
				paragraph(
					`Voorzaaien doen we in de kas. Wie geen zin heeft om zelf te zaaien kan ${ link(
						'kasplanten.test',
						'/tomaten-voorzaaien/',
						'kasplanten kopen'
					) }, of een kijkje nemen bij ${ link(
						'tuincentrum.test',
						'/',
						'Tuincentrum De Linde'
					) } om de hoek.`
				),
				heading( 'Partners' ),
				list( [
					link( 'zaadwinkel.test', '/', 'biologisch tuinieren' ),
					link(
						'bloembollen.test',
						'/tulpen-planten/',
						'Bloembollen'
					),
					link( 'linkgids.test', '/tuin/', 'Linkgids Tuin' ),
				] ),
			].join( '\n\n' ),
		},
		{
			slug: 'vrienden-van-de-moestuinier',
			title: 'Vrienden van De Moestuinier',
			content: [
				paragraph(
					'Een moestuin houd je niet alleen bij. Deze sites lezen wij graag, en ze lezen ons ook.'
				),
				paragraph(
					`Op ${ link(
						'moestuinforum.test',
						'/',
						'het Moestuinforum'
					) } stellen lezers elke week vragen over slakken, meeldauw en wisselteelt.`
				),
				paragraph(
					`En voor wie na het wieden een gokje wil wagen: ${ link(
						'casinobonus.test',
						'/vrienden/',
						'moestuin tips'
					) }.`
				),
			].join( '\n\n' ),
		},
	];
}

/**
 * The demo's draft: nothing published has a Publish button, so without it
 * the pre-publish "Link checks" panel (and, with blocking on, the lock)
 * could not be seen. Its keyword anchor to the greenhouse shop, which links
 * back with keyword anchors, is critical.
 *
 * @param {( host: string, path?: string ) => string} partner URL of a partner page.
 * @return {{ slug: string, title: string, content: string }} The draft.
 */
function demoDraft( partner ) {
	const link = ( host, pagePath, text ) =>
		`<a href="${ partner( host, pagePath ) }">${ text }</a>`;
	return {
		slug: 'tomaten-opbinden',
		title: 'Tomaten opbinden (concept)',
		content: [
			paragraph(
				'Zodra de tomaten een halve meter hoog zijn, binden we ze op aan een spiraalstok. Dieven knippen we elke week weg, dan gaat de kracht naar de trossen.'
			),
			paragraph(
				`Sterke planten beginnen in de kas: wie niet zelf zaait, kan ${ link(
					'kasplanten.test',
					'/tomaten-voorzaaien/',
					'kasplanten kopen'
				) } en ze in mei uitplanten.`
			),
			paragraph(
				`Tussen de tomaten zetten we basilicum; ${ link(
					'tuinhulp.test',
					'/composteren/',
					'Tuinhulp legt uit'
				) } hoe je de grond met compost voorbereidt.`
			),
		].join( '\n\n' ),
	};
}

/**
 * Seeds the site unless it was seeded before. Returns whether it seeded.
 *
 * @param {Object}                                    options
 * @param {string}                                    options.siteDir
 * @param {string}                                    options.url     The WordPress URL.
 * @param {( host: string, path?: string ) => string} options.partner URL of a partner page.
 * @return {boolean} True when the posts were created now.
 */
function seedDemo( { siteDir, url, partner } ) {
	const posts = Buffer.from(
		JSON.stringify( demoPosts( partner ) )
	).toString( 'base64' );
	const settings = Buffer.from(
		JSON.stringify( {
			keywords: KEYWORDS,
			brandTerms: [ 'De Moestuinier', 'Moestuinier' ],
		} )
	).toString( 'base64' );
	const draft = Buffer.from(
		JSON.stringify( demoDraft( partner ) )
	).toString( 'base64' );
	const output = wp
		.wpEval(
			siteDir,
			`// The draft came later than the first demo posts: a demo seeded
		// before it gets it on its next start.
		if ( ! get_option( 'rlg_demo_draft_seeded' ) ) {
			$draft = json_decode( base64_decode( '${ draft }' ), true );
			wp_insert_post( array(
				'post_name'    => $draft['slug'],
				'post_title'   => $draft['title'],
				'post_content' => $draft['content'],
				'post_status'  => 'draft',
				'post_author'  => 1,
			) );
			update_option( 'rlg_demo_draft_seeded', gmdate( 'c' ) );
		}
		if ( get_option( 'rlg_demo_seeded' ) ) { echo 'already'; return; }
		update_option( 'blogname', 'De Moestuinier' );
		update_option( 'blogdescription', 'Biologisch tuinieren in een kleine stadstuin' );
		$current = get_option( 'rlg_settings', array() );
		update_option( 'rlg_settings', array_merge( is_array( $current ) ? $current : array(), json_decode( base64_decode( '${ settings }' ), true ) ) );
		// WordPress's own first post and sample page (which links to the
		// dashboard) are not part of a garden blog.
		wp_delete_post( 1, true );
		wp_delete_post( 2, true );
		$day = 0;
		foreach ( json_decode( base64_decode( '${ posts }' ), true ) as $post ) {
			$day += 3;
			wp_insert_post( array(
				'post_name'    => $post['slug'],
				'post_title'   => $post['title'],
				'post_content' => $post['content'],
				'post_status'  => 'publish',
				'post_author'  => 1,
				'post_date'    => gmdate( 'Y-m-d H:i:s', time() - ( 12 - $day ) * DAY_IN_SECONDS ),
			) );
		}
		// The block editor's welcome guide would cover the sidebar on the first visit.
		update_user_meta( 1, $GLOBALS['wpdb']->get_blog_prefix() . 'persisted_preferences', array(
			'core/edit-post' => array( 'welcomeGuide' => false ),
			'core' => array( 'enableChoosePatternModal' => false ),
			'_modified' => gmdate( 'c' ),
		) );
		update_option( 'rlg_demo_seeded', gmdate( 'c' ) );
		echo 'seeded';`,
			{ url }
		)
		.trim();
	return output === 'seeded';
}

/**
 * Points the plugin at the service (run on every start: the service port
 * may change between runs).
 *
 * @param {Object} options
 * @param {string} options.siteDir
 * @param {string} options.url        The WordPress URL.
 * @param {string} options.serviceUrl
 * @param {string} options.siteKey
 */
function connectPlugin( { siteDir, url, serviceUrl, siteKey } ) {
	const values = Buffer.from(
		JSON.stringify( { serviceUrl, siteKey } )
	).toString( 'base64' );
	wp.wpEval(
		siteDir,
		`$current = get_option( 'rlg_settings', array() );
		update_option( 'rlg_settings', array_merge( is_array( $current ) ? $current : array(), json_decode( base64_decode( '${ values }' ), true ) ) );`,
		{ url }
	);
}

const LOGIN_PLUGIN = `<?php
/**
 * Plugin Name: RLG demo login
 * Description: Written by scripts/demo/seed.js for \`npm start\` only: the link it prints logs you in as the admin. The token changes on every start.
 */
add_action( 'init', function () {
	if ( ! isset( $_GET['rlg-demo-login'] ) ) {
		return;
	}
	$token = (string) get_option( 'rlg_demo_login_token', '' );
	if ( '' === $token || ! hash_equals( $token, (string) wp_unslash( $_GET['rlg-demo-login'] ) ) ) {
		wp_die( 'This demo login link is from an earlier start. Log in with admin / password.', 403 );
	}
	wp_set_current_user( 1 );
	wp_set_auth_cookie( 1, true );
	wp_safe_redirect( admin_url( 'edit.php' ) );
	exit;
} );
`;

/**
 * Installs the one-click login of the demo and gives it a new token.
 *
 * @param {{ siteDir: string, url: string }} options
 * @return {string} The login URL.
 */
function demoLogin( { siteDir, url } ) {
	const dir = path.join( siteDir, 'wp-content', 'mu-plugins' );
	fs.mkdirSync( dir, { recursive: true } );
	fs.writeFileSync( path.join( dir, 'rlg-demo-login.php' ), LOGIN_PLUGIN );
	const token = crypto.randomBytes( 16 ).toString( 'hex' );
	wp.wpEval(
		siteDir,
		`update_option( 'rlg_demo_login_token', '${ token }', false );`,
		{ url }
	);
	return `${ url }/?rlg-demo-login=${ token }`;
}

module.exports = { demoPosts, demoDraft, seedDemo, connectPlugin, demoLogin };
