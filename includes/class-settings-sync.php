<?php
/**
 * Sends the admin's settings (keywords, brand terms, thresholds, alternate
 * URLs) to the link check service, so that checks and site scans the
 * service runs for this site use them: signed PUT /v1/site/settings.
 *
 * Pushed right after the settings are saved, and again before a scan when
 * the last push failed or the settings changed since (a hash of what was
 * pushed is kept). Not before editor checks: those carry the keywords
 * themselves, and a service that is down must not cost each check a second
 * timeout. A failed push never touches the saved option:
 * it only shows the service's message as a notice. A service older than
 * the plugin stores the settings it knows and answers the others as
 * `ignored`; the admin is told those have no effect until it is updated.
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

/**
 * Keeps the service's copy of this site's settings current.
 */
final class Settings_Sync {

	/**
	 * Option holding the state of the last push: hash, ok, message, time,
	 * ignored (the settings the service did not know).
	 */
	const STATE_OPTION = 'rlg_settings_push';

	/**
	 * Seconds to wait for the service (a save should not hang on it).
	 */
	const TIMEOUT = 5;

	/**
	 * Adds the hooks. Called from Plugin::boot().
	 */
	public static function register() {
		add_action( 'update_option_' . Options::OPTION, array( __CLASS__, 'on_saved' ), 10, 0 );
		add_action( 'add_option_' . Options::OPTION, array( __CLASS__, 'on_saved' ), 10, 0 );
		// After the route's permission check: only someone allowed to scan
		// can cause a push.
		add_filter( 'rest_dispatch_request', array( __CLASS__, 'before_dispatch' ), 10, 2 );
		add_action( 'admin_notices', array( __CLASS__, 'notice' ) );
	}

	/**
	 * What the service stores for this site: the core Settings object plus
	 * the alternate URLs.
	 *
	 * @return array<string, mixed>
	 */
	public static function payload() {
		$all                      = Options::all();
		$payload                  = Options::analysis_settings();
		$payload['alternateUrls'] = array_values( (array) $all['alternateUrls'] );
		return $payload;
	}

	/**
	 * Identity of what would be pushed, and where to: a new service URL or
	 * key is a reason to push again as much as a new keyword.
	 *
	 * @return string
	 */
	public static function current_hash() {
		return hash( 'sha256', wp_json_encode( array( self::payload(), Options::service_url(), Options::site_key() ) ) );
	}

	/**
	 * The state of the last push.
	 *
	 * @return array{hash: string, ok: bool, message: string, time: int, ignored: string[]}
	 */
	public static function state() {
		$state = get_option( self::STATE_OPTION, array() );
		$state = is_array( $state ) ? $state : array();
		return array(
			'hash'    => isset( $state['hash'] ) ? (string) $state['hash'] : '',
			'ok'      => ! empty( $state['ok'] ),
			'message' => isset( $state['message'] ) ? (string) $state['message'] : '',
			'time'    => isset( $state['time'] ) ? (int) $state['time'] : 0,
			'ignored' => isset( $state['ignored'] ) && is_array( $state['ignored'] ) ? array_map( 'strval', $state['ignored'] ) : array(),
		);
	}

	/**
	 * The settings a successful push was answered with as unknown to the
	 * service (`ignored`): only short strings, at most 50.
	 *
	 * @param mixed $result What Service_Client::request returned.
	 * @return string[]
	 */
	private static function ignored_in( $result ) {
		if ( ! is_array( $result ) || ! isset( $result['data']['ignored'] ) || ! is_array( $result['data']['ignored'] ) ) {
			return array();
		}
		$names = array_filter(
			$result['data']['ignored'],
			function ( $name ) {
				return is_string( $name ) && '' !== $name && strlen( $name ) <= 100;
			}
		);
		return array_slice( array_values( $names ), 0, 50 );
	}

	/**
	 * Sends the settings now. Without a service URL and key there is no
	 * one to send them to: nothing is recorded, a later push does it.
	 *
	 * @return true|\WP_Error True when the service stored them.
	 */
	public static function push() {
		if ( ! Options::service_configured() ) {
			return Service_Client::not_configured_error();
		}
		$hash   = self::current_hash();
		$result = Service_Client::from_options()->request( 'PUT', '/v1/site/settings', array(), self::payload(), self::TIMEOUT );
		$ok     = ! is_wp_error( $result );
		update_option(
			self::STATE_OPTION,
			array(
				'hash'    => $hash,
				'ok'      => $ok,
				'message' => $ok ? '' : $result->get_error_message(),
				'time'    => time(),
				'ignored' => $ok ? self::ignored_in( $result ) : array(),
			),
			false
		);
		return $ok ? true : $result;
	}

	/**
	 * Pushes when the last push failed, the settings changed since, or the
	 * service ignored some of them (it may have been updated since).
	 *
	 * @return true|\WP_Error|null Null when nothing needed sending.
	 */
	public static function maybe_push() {
		if ( ! Options::service_configured() ) {
			return null;
		}
		$state = self::state();
		if ( $state['ok'] && empty( $state['ignored'] ) && hash_equals( $state['hash'], self::current_hash() ) ) {
			return null;
		}
		return self::push();
	}

	/**
	 * After the option was saved: push, and say so on the settings page when
	 * the service did not take them (the option itself is already saved).
	 */
	public static function on_saved() {
		$result = self::push();
		if ( ! Options::service_configured() || ! function_exists( 'add_settings_error' ) ) {
			return;
		}
		if ( is_wp_error( $result ) ) {
			add_settings_error( Options::OPTION, 'rlg-settings-push', self::failure_message( $result->get_error_message() ), 'warning' );
			return;
		}
		$ignored = self::state()['ignored'];
		if ( ! empty( $ignored ) ) {
			add_settings_error( Options::OPTION, 'rlg-settings-ignored', self::ignored_message( $ignored ), 'warning' );
		}
	}

	/**
	 * Before a scan starts: bring the service's copy up to date.
	 * A failure does not stop the request (the service then uses what it
	 * had); the notice reports it.
	 *
	 * @param mixed           $result  Null unless another filter answered.
	 * @param WP_REST_Request $request The request.
	 * @return mixed Unchanged.
	 */
	public static function before_dispatch( $result, $request ) {
		if ( null !== $result || ! $request instanceof WP_REST_Request || 'POST' !== $request->get_method() ) {
			return $result;
		}
		$route = untrailingslashit( $request->get_route() );
		if ( '/' . Rest_Controller::NAMESPACE_V1 . '/scan' === $route ) {
			self::maybe_push();
		}
		return $result;
	}

	/**
	 * A lasting notice on the plugin's pages while the service has not got
	 * the current settings.
	 */
	public static function notice() {
		if ( ! current_user_can( 'manage_options' ) || ! Options::service_configured() ) {
			return;
		}
		// phpcs:disable WordPress.Security.NonceVerification.Recommended -- read-only screen check.
		$page       = isset( $_GET['page'] ) ? sanitize_key( wp_unslash( $_GET['page'] ) ) : '';
		$just_saved = isset( $_GET['settings-updated'] );
		// phpcs:enable
		if ( ! in_array( $page, array( Settings_Page::SLUG, Tools_Page::SLUG ), true ) || $just_saved ) {
			return;
		}
		$state = self::state();
		if ( $state['ok'] && ! empty( $state['ignored'] ) ) {
			printf(
				'<div class="notice notice-warning"><p>%s</p></div>',
				esc_html( self::ignored_message( $state['ignored'] ) )
			);
			return;
		}
		if ( $state['ok'] || '' === $state['message'] ) {
			return;
		}
		printf(
			'<div class="notice notice-warning"><p>%s</p></div>',
			esc_html( self::failure_message( $state['message'] ) )
		);
	}

	/**
	 * "The service is older than the plugin; these settings have no effect".
	 *
	 * @param string[] $ignored Names of the settings the service did not know.
	 * @return string
	 */
	private static function ignored_message( array $ignored ) {
		return sprintf(
			/* translators: %s: comma-separated names of settings, e.g. "checkCloaking". */
			__( 'The link check service is older than this plugin and does not know these settings, so they have no effect on its checks and scans until the service is updated: %s', 'reciprocal-link-guard' ),
			implode( ', ', $ignored )
		);
	}

	/**
	 * "Saved here, not sent to the service: <its message>".
	 *
	 * @param string $message The service client's error message.
	 * @return string
	 */
	private static function failure_message( $message ) {
		return sprintf(
			/* translators: %s: the error from the link check service. */
			__( 'The settings are saved in WordPress but the link check service did not take them, so its checks and scans still use the previous ones: %s They are sent again before the next scan.', 'reciprocal-link-guard' ),
			$message
		);
	}
}
