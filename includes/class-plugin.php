<?php
/**
 * Wires the parts to WordPress hooks.
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

defined( 'ABSPATH' ) || exit;

/**
 * The plugin's hooks, in one place.
 */
final class Plugin {

	/**
	 * Adds every hook. Called once from plugin.php.
	 */
	public static function boot() {
		add_action( 'init', array( __CLASS__, 'load_textdomain' ) );
		add_action( 'init', array( Assets::class, 'register' ) );
		add_action( 'enqueue_block_editor_assets', array( Assets::class, 'enqueue_editor' ) );
		add_action( 'rest_api_init', array( Rest_Controller::class, 'register' ) );
		add_action( 'rest_api_init', array( Check_Route::class, 'register' ) );
		add_action( 'rest_api_init', array( Override_Route::class, 'register' ) );
		add_action( 'rest_api_init', array( Partner_Check_Route::class, 'register' ) );
		add_action( 'rest_api_init', array( Backlink_Import_Route::class, 'register' ) );
		add_action( 'rest_api_init', array( Check_Jobs_Route::class, 'register' ) );
		Publish_Gate::register();
		Site_Health::register();
		Email_Digest::register();
		add_filter( 'rest_pre_serve_request', array( Rest_Controller::class, 'serve_raw' ), 10, 3 );
		add_action( 'admin_init', array( Settings_Page::class, 'register' ) );
		add_action( 'admin_menu', array( Settings_Page::class, 'add_page' ) );
		add_action( 'admin_menu', array( Tools_Page::class, 'add_page' ) );
		add_action( 'admin_notices', array( Assets::class, 'missing_build_notice' ) );
		Settings_Sync::register();
		add_filter( 'plugin_action_links_' . plugin_basename( RLG_PLUGIN_FILE ), array( __CLASS__, 'action_links' ) );
	}

	/**
	 * Loads languages/reciprocal-link-guard-<locale>.mo.
	 */
	public static function load_textdomain() {
		load_plugin_textdomain( 'reciprocal-link-guard', false, dirname( plugin_basename( RLG_PLUGIN_FILE ) ) . '/languages' );
	}

	/**
	 * "Settings" and "Report" links on the Plugins screen.
	 *
	 * @param string[] $links Existing links.
	 * @return string[]
	 */
	public static function action_links( $links ) {
		if ( current_user_can( 'manage_options' ) ) {
			array_unshift(
				$links,
				sprintf( '<a href="%s">%s</a>', esc_url( Options::settings_url() ), esc_html__( 'Settings', 'reciprocal-link-guard' ) ),
				sprintf( '<a href="%s">%s</a>', esc_url( Tools_Page::url() ), esc_html__( 'Report', 'reciprocal-link-guard' ) )
			);
		}
		return $links;
	}
}
