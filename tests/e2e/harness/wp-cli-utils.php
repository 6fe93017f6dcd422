<?php
/**
 * WP_CLI\Utils functions the plugin's commands use, with WP-CLI's behaviour
 * for piped output (see wp-cli.php).
 *
 * @package ReciprocalLinkGuard
 */

namespace WP_CLI\Utils;

// phpcs:disable

/**
 * WP-CLI's get_flag_value(): the option's value, `--no-flag` false, else the default.
 *
 * @param array<string, mixed> $assoc_args Options.
 * @param string               $flag       Name.
 * @param mixed                $default    Default.
 * @return mixed
 */
function get_flag_value( $assoc_args, $flag, $default = null ) {
	return isset( $assoc_args[ $flag ] ) ? $assoc_args[ $flag ] : $default;
}

/**
 * WP-CLI's format_items() for table (piped: tab-separated with a header), csv and json.
 *
 * @param string                           $format table|csv|json.
 * @param array<int, array<string, mixed>> $items  Rows.
 * @param string[]|string                  $fields Columns.
 */
function format_items( $format, $items, $fields ) {
	$fields = is_string( $fields ) ? explode( ',', $fields ) : $fields;
	$rows   = array();
	foreach ( $items as $item ) {
		$row = array();
		foreach ( $fields as $field ) {
			$row[ $field ] = is_array( $item ) ? ( isset( $item[ $field ] ) ? $item[ $field ] : null ) : ( isset( $item->$field ) ? $item->$field : null );
		}
		$rows[] = $row;
	}
	if ( 'json' === $format ) {
		fwrite( STDOUT, json_encode( $rows ) . "\n" );
		return;
	}
	if ( 'csv' === $format ) {
		fputcsv( STDOUT, $fields );
		foreach ( $rows as $row ) {
			fputcsv( STDOUT, array_values( $row ) );
		}
		return;
	}
	fwrite( STDOUT, implode( "\t", $fields ) . "\n" );
	foreach ( $rows as $row ) {
		fwrite( STDOUT, implode( "\t", array_map( 'strval', array_values( $row ) ) ) . "\n" );
	}
}

/**
 * WP-CLI's wp_die_handler(): WP-CLI installs it (the `wp_die_handler`
 * filter) so that a wp_die() anywhere, a plugin's included, ends the
 * command with "Error: <message>" on STDERR and exit status 1.
 *
 * @param string|\WP_Error $message What wp_die() was given.
 */
function wp_die_handler( $message ) {
	if ( $message instanceof \WP_Error ) {
		$message = $message->get_error_message();
	}
	\WP_CLI::error( wp_clean_error_message( (string) $message ) );
}

/**
 * WP-CLI's wp_clean_error_message(): the HTML of a wp_die() page as plain text.
 *
 * @param string $message Message, possibly HTML.
 * @return string
 */
function wp_clean_error_message( $message ) {
	$original = array( '<code>', '</code>', '<strong>', '</strong>' );
	$plain    = array( '"', '"', '', '' );
	$message  = str_replace( $original, $plain, $message );
	return html_entity_decode( strip_tags( $message ), ENT_QUOTES, 'UTF-8' );
}
