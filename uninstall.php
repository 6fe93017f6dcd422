<?php
/**
 * Removes everything the plugin stored when it is deleted from the Plugins
 * screen. The link check service keeps its own data; remove the site there
 * with `rlg sites remove`.
 *
 * @package ReciprocalLinkGuard
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'rlg_settings' );
delete_option( 'rlg_settings_push' );
delete_option( 'rlg_digest_since' );
wp_clear_scheduled_hook( 'rlg_email_digest' );

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $rlg_site_id ) {
		delete_blog_option( $rlg_site_id, 'rlg_settings' );
		delete_blog_option( $rlg_site_id, 'rlg_settings_push' );
		delete_blog_option( $rlg_site_id, 'rlg_digest_since' );
		switch_to_blog( $rlg_site_id );
		wp_clear_scheduled_hook( 'rlg_email_digest' );
		restore_current_blog();
	}
}
