<?php
/**
 * Plugin Name:       Reciprocal Link Guard
 * Plugin URI:        https://github.com/reciprocal-link-guard/reciprocal-link-guard
 * Description:       Finds the sites you link to that link back, and warns in the block editor about link-scheme patterns: exact-match or identical anchors, footer and homepage swaps, hidden links, off-topic partners, too many exchanges.
 * Version:           0.1.0
 * Requires at least: 6.5
 * Requires PHP:      7.4
 * Author:            Reciprocal Link Guard contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       reciprocal-link-guard
 * Domain Path:       /languages
 *
 * @package ReciprocalLinkGuard
 */

defined( 'ABSPATH' ) || exit;

define( 'RLG_VERSION', '0.1.0' );
define( 'RLG_PLUGIN_FILE', __FILE__ );
define( 'RLG_PLUGIN_DIR', plugin_dir_path( __FILE__ ) );

require_once RLG_PLUGIN_DIR . 'includes/class-settings-schema.php';
require_once RLG_PLUGIN_DIR . 'includes/class-options.php';
require_once RLG_PLUGIN_DIR . 'includes/class-service-client.php';
require_once RLG_PLUGIN_DIR . 'includes/class-settings-sync.php';
require_once RLG_PLUGIN_DIR . 'includes/class-rest-controller.php';
require_once RLG_PLUGIN_DIR . 'includes/class-post-verdicts.php';
require_once RLG_PLUGIN_DIR . 'includes/class-publish-overrides.php';
require_once RLG_PLUGIN_DIR . 'includes/class-publish-gate.php';
require_once RLG_PLUGIN_DIR . 'includes/class-check-rate-limiter.php';
require_once RLG_PLUGIN_DIR . 'includes/rest/class-check-route.php';
require_once RLG_PLUGIN_DIR . 'includes/rest/class-override-route.php';
require_once RLG_PLUGIN_DIR . 'includes/rest/class-partner-check-route.php';
require_once RLG_PLUGIN_DIR . 'includes/rest/class-check-jobs-route.php';
require_once RLG_PLUGIN_DIR . 'includes/rest/class-backlink-import-route.php';
require_once RLG_PLUGIN_DIR . 'includes/class-settings-page.php';
require_once RLG_PLUGIN_DIR . 'includes/class-tools-page.php';
require_once RLG_PLUGIN_DIR . 'includes/class-assets.php';
require_once RLG_PLUGIN_DIR . 'includes/class-site-health.php';
require_once RLG_PLUGIN_DIR . 'includes/class-email-digest.php';
require_once RLG_PLUGIN_DIR . 'includes/class-plugin.php';
require_once RLG_PLUGIN_DIR . 'includes/class-rlg-dashboard-widget.php';

ReciprocalLinkGuard\Plugin::boot();
ReciprocalLinkGuard\Dashboard_Widget::boot();

if ( defined( 'WP_CLI' ) && WP_CLI ) {
	require_once RLG_PLUGIN_DIR . 'includes/cli/class-cli-command.php';
	require_once RLG_PLUGIN_DIR . 'includes/cli/class-json-rows-writer.php';
	ReciprocalLinkGuard\Cli_Command::register();
}
