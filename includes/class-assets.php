<?php
/**
 * Scripts built by @wordpress/scripts: registered from their *.asset.php
 * files (dependencies and versions are never written by hand), with their
 * translations.
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

defined( 'ABSPATH' ) || exit;

/**
 * Registers and enqueues the editor and admin bundles.
 */
final class Assets {

	const EDITOR_HANDLE = 'reciprocal-link-guard-editor';
	const ADMIN_HANDLE  = 'reciprocal-link-guard-admin';

	/**
	 * Registers both bundles (when built).
	 */
	public static function register() {
		self::register_jsx_runtime();
		self::register_bundle( self::EDITOR_HANDLE, 'editor' );
		self::register_bundle( self::ADMIN_HANDLE, 'admin' );
	}

	/**
	 * WordPress 6.6 added the `react-jsx-runtime` script the bundles import
	 * (the JSX transform of @wordpress/scripts); on 6.5 a script depending on
	 * a missing handle is silently dropped. Register WordPress 6.6's own
	 * build of it (includes/vendor, 900 bytes) when core has none.
	 */
	private static function register_jsx_runtime() {
		if ( wp_script_is( 'react-jsx-runtime', 'registered' ) ) {
			return;
		}
		wp_register_script(
			'react-jsx-runtime',
			plugins_url( 'includes/vendor/react-jsx-runtime.min.js', RLG_PLUGIN_FILE ),
			array( 'react' ),
			'18.3.1',
			true
		);
	}

	/**
	 * Registers build/assets/<name>.js with its asset file.
	 *
	 * @param string $handle Script handle.
	 * @param string $name   Entry name.
	 * @return bool Whether the bundle exists.
	 */
	private static function register_bundle( $handle, $name ) {
		$asset_file = RLG_PLUGIN_DIR . 'build/assets/' . $name . '.asset.php';
		if ( ! is_readable( $asset_file ) ) {
			return false;
		}
		$asset = require $asset_file;
		wp_register_script(
			$handle,
			plugins_url( 'build/assets/' . $name . '.js', RLG_PLUGIN_FILE ),
			$asset['dependencies'],
			$asset['version'],
			true
		);
		wp_set_script_translations( $handle, 'reciprocal-link-guard', RLG_PLUGIN_DIR . 'languages' );
		if ( is_readable( RLG_PLUGIN_DIR . 'build/assets/' . $name . '.css' ) ) {
			wp_register_style(
				$handle,
				plugins_url( 'build/assets/' . $name . '.css', RLG_PLUGIN_FILE ),
				array( 'wp-components' ),
				$asset['version']
			);
		}
		return true;
	}

	/**
	 * Enqueue on enqueue_block_editor_assets: the post editor only (the site
	 * and widget editors have no post to check).
	 */
	public static function enqueue_editor() {
		$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
		if ( ! $screen || 'post' !== $screen->base ) {
			return;
		}
		if ( ! current_user_can( 'edit_posts' ) || ! wp_script_is( self::EDITOR_HANDLE, 'registered' ) ) {
			return;
		}
		wp_enqueue_script( self::EDITOR_HANDLE );
		if ( wp_style_is( self::EDITOR_HANDLE, 'registered' ) ) {
			wp_enqueue_style( self::EDITOR_HANDLE );
		}
		wp_add_inline_script(
			self::EDITOR_HANDLE,
			'window.rlgEditorContext = ' . wp_json_encode( Rest_Controller::editor_context() ) . ';',
			'before'
		);
	}

	/**
	 * Enqueue on the Tools → Reciprocal links page.
	 */
	public static function enqueue_admin() {
		if ( ! wp_script_is( self::ADMIN_HANDLE, 'registered' ) ) {
			return;
		}
		wp_enqueue_script( self::ADMIN_HANDLE );
		wp_enqueue_style( wp_style_is( self::ADMIN_HANDLE, 'registered' ) ? self::ADMIN_HANDLE : 'wp-components' );
		wp_add_inline_script(
			self::ADMIN_HANDLE,
			'window.rlgAdminContext = ' . wp_json_encode(
				array(
					'restNamespace'     => Rest_Controller::NAMESPACE_V1,
					'settings'          => Options::analysis_settings(),
					'siteUrls'          => Options::site_urls(),
					'settingsUrl'       => Options::settings_url(),
					'serviceConfigured' => Options::service_configured(),
					'serviceUrl'        => Options::service_url(),
				)
			) . ';',
			'before'
		);
	}

	/**
	 * Tells administrators when the plugin is installed from sources without a build.
	 */
	public static function missing_build_notice() {
		if ( ! current_user_can( 'activate_plugins' ) || is_readable( RLG_PLUGIN_DIR . 'build/assets/editor.asset.php' ) ) {
			return;
		}
		printf(
			'<div class="notice notice-error"><p>%s</p></div>',
			esc_html__( 'Reciprocal Link Guard: the editor scripts are not built. Run "npm run build" in the plugin folder, or install the plugin zip.', 'reciprocal-link-guard' )
		);
	}
}
