<?php
/**
 * Router for PHP's built-in web server (`php -S`), which has no rewrite
 * rules: real files are served as they are, directories with an index.php
 * run it, and every other path (pretty permalinks, /wp-json/) goes through
 * WordPress's front controller.
 *
 * Local development only: this file is never part of the plugin.
 */

$rlg_root = $_SERVER['DOCUMENT_ROOT'];
$rlg_path = '/' . ltrim( (string) parse_url( urldecode( $_SERVER['REQUEST_URI'] ), PHP_URL_PATH ), '/' );

if ( file_exists( $rlg_root . $rlg_path ) ) {
	if ( is_dir( $rlg_root . $rlg_path ) ) {
		// Keep admin links tidy, as Apache's DirectorySlash would.
		if ( substr( $rlg_path, -1 ) !== '/' ) {
			header( 'Location: ' . $rlg_path . '/' );
			exit;
		}
		if ( is_file( $rlg_root . $rlg_path . 'index.php' ) ) {
			return false;
		}
	} else {
		// Static assets and PHP entry points (wp-login.php, wp-admin/*.php).
		return false;
	}
}

$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $rlg_root . '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
chdir( $rlg_root );
require $rlg_root . '/index.php';
