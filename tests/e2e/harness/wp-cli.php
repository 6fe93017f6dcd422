<?php
/**
 * A minimal stand-in for WP-CLI, to run the plugin's `wp rlg …` commands in
 * a real WordPress on machines that cannot get WP-CLI itself (it ships only
 * as a phar or through Composer; neither npm nor Debian 12 packages it; see
 * tests/e2e/README.md).
 *
 * It does what WP-CLI does on the path these commands take, and nothing
 * more:
 *   - defines WP_CLI before WordPress loads, so plugins register commands
 *     while they load (WP_CLI::add_command);
 *   - loads WordPress for --url (HTTP_HOST, and REQUEST_URI: on multisite
 *     the path picks the site), with no user logged in;
 *   - parses arguments as WP-CLI does: `--key=value`, `--flag` (true),
 *     `--no-flag` (false), the rest positional;
 *   - makes the command class with `new $class()` and calls the public,
 *     non-static method named by the subcommand with ( $args, $assoc_args );
 *   - WP_CLI::success/log/line print to STDOUT, warning/error to STDERR with
 *     "Warning: "/"Error: ", error() exits 1; an unknown command exits 1;
 *   - WP_CLI\Utils\format_items prints a table as WP-CLI does when its
 *     output is piped (tab-separated, a header line first), CSV with a
 *     header, or JSON.
 *   - installs WP-CLI's wp_die handler: a wp_die() during a command (the
 *     publishing lock's refusal) ends it with "Error: …" and exit status 1;
 *   - `wp post create` and `wp post update <id>…` as WP-CLI's Post_Command
 *     runs them (wp_insert_post / wp_update_post with the options as post
 *     fields, `$wp_error` true), to drive the publishing lock from WP-CLI.
 * What it does not do: read the docblock synopsis (WP-CLI refuses unknown
 * options and fills `default:` values; the commands check --format and
 * take defaults themselves, so they behave the same under both), nor any
 * other core command.
 *
 * Usage: php wp-cli.php <wordpress dir> <site url> <command> [<subcommand>] [args…]
 *
 * @package ReciprocalLinkGuard
 */

// phpcs:disable

if ( $argc < 4 ) {
	fwrite( STDERR, "usage: php wp-cli.php <wordpress dir> <site url> <command> [args…]\n" );
	exit( 2 );
}

/**
 * The WP-CLI facade the commands call.
 */
class WP_CLI {
	/** @var array<string, mixed> Registered commands. */
	public static $commands = array();

	public static function add_command( $name, $callable, $args = array() ) {
		self::$commands[ $name ] = $callable;
		return true;
	}

	public static function line( $message = '' ) {
		fwrite( STDOUT, $message . "\n" );
	}

	public static function log( $message ) {
		fwrite( STDOUT, $message . "\n" );
	}

	public static function success( $message ) {
		fwrite( STDOUT, 'Success: ' . $message . "\n" );
	}

	public static function warning( $message ) {
		fwrite( STDERR, 'Warning: ' . $message . "\n" );
	}

	public static function error( $message, $exit = true ) {
		if ( $message instanceof WP_Error ) {
			$message = $message->get_error_message();
		}
		fwrite( STDERR, 'Error: ' . $message . "\n" );
		if ( $exit ) {
			exit( 1 );
		}
	}

	public static function halt( $code ) {
		exit( (int) $code );
	}
}

/**
 * WP-CLI's argument parser: --key=value, --flag, --no-flag, positionals.
 *
 * @param string[] $argv Arguments after the command name.
 * @return array{0: string[], 1: array<string, mixed>}
 */
function rlg_wp_cli_parse( array $argv ) {
	$args  = array();
	$assoc = array();
	foreach ( $argv as $arg ) {
		if ( preg_match( '/^--no-([^=]+)$/', $arg, $m ) ) {
			$assoc[ $m[1] ] = false;
		} elseif ( preg_match( '/^--([^=]+)=(.*)$/s', $arg, $m ) ) {
			$assoc[ $m[1] ] = $m[2];
		} elseif ( preg_match( '/^--(.+)$/', $arg, $m ) ) {
			$assoc[ $m[1] ] = true;
		} else {
			$args[] = $arg;
		}
	}
	return array( $args, $assoc );
}

$rlg_site_dir = $argv[1];
$rlg_site_url = $argv[2];
$rlg_command  = $argv[3];
list( $rlg_args, $rlg_assoc ) = rlg_wp_cli_parse( array_slice( $argv, 4 ) );

define( 'WP_CLI', true );
$_SERVER['HTTP_HOST']      = (string) parse_url( $rlg_site_url, PHP_URL_HOST ) . ( parse_url( $rlg_site_url, PHP_URL_PORT ) ? ':' . parse_url( $rlg_site_url, PHP_URL_PORT ) : '' );
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SERVER_NAME']    = (string) parse_url( $rlg_site_url, PHP_URL_HOST );
// As WP-CLI's --url: on multisite the path picks the site.
$_SERVER['REQUEST_URI'] = (string) ( parse_url( $rlg_site_url, PHP_URL_PATH ) ?: '/' );
require rtrim( $rlg_site_dir, '/' ) . '/wp-load.php';

// The utilities, defined after WordPress as WP-CLI's own are available to commands at run time.
require __DIR__ . '/wp-cli-utils.php';
add_filter(
	'wp_die_handler',
	static function () {
		return '\\WP_CLI\\Utils\\wp_die_handler';
	}
);

/**
 * WP-CLI's `wp post create|update`, reduced to what Post_Command does with
 * post fields: they go to wp_insert_post()/wp_update_post() as given.
 */
class RLG_Stand_In_Post_Command {
	public function create( $args, $assoc_args ) {
		$porcelain = ! empty( $assoc_args['porcelain'] );
		unset( $assoc_args['porcelain'] );
		$id = wp_insert_post( $assoc_args, true );
		if ( is_wp_error( $id ) ) {
			WP_CLI::error( $id );
		}
		if ( $porcelain ) {
			WP_CLI::line( (string) $id );
			return;
		}
		WP_CLI::success( "Created post {$id}." );
	}

	public function update( $args, $assoc_args ) {
		foreach ( $args as $id ) {
			$result = wp_update_post( array_merge( $assoc_args, array( 'ID' => (int) $id ) ), true );
			if ( is_wp_error( $result ) ) {
				WP_CLI::error( $result );
			}
			WP_CLI::success( "Updated post {$id}." );
		}
	}
}
if ( ! isset( WP_CLI::$commands['post'] ) ) {
	WP_CLI::add_command( 'post', 'RLG_Stand_In_Post_Command' );
}

if ( ! isset( WP_CLI::$commands[ $rlg_command ] ) ) {
	WP_CLI::error( "'{$rlg_command}' is not a registered wp command. See 'wp help' for available commands." );
}
$rlg_callable = WP_CLI::$commands[ $rlg_command ];
$rlg_sub      = array_shift( $rlg_args );
$rlg_class    = new ReflectionClass( $rlg_callable );
$rlg_method   = null === $rlg_sub || ! $rlg_class->hasMethod( $rlg_sub ) ? null : $rlg_class->getMethod( $rlg_sub );
if ( null === $rlg_method || ! $rlg_method->isPublic() || $rlg_method->isStatic() || 0 === strpos( $rlg_sub, '__' ) ) {
	WP_CLI::error( "'{$rlg_command} " . (string) $rlg_sub . "' is not a registered subcommand of '{$rlg_command}'. See 'wp help {$rlg_command}' for available subcommands." );
}
$rlg_instance = is_object( $rlg_callable ) ? $rlg_callable : new $rlg_callable();
$rlg_instance->$rlg_sub( $rlg_args, $rlg_assoc );
exit( 0 );
