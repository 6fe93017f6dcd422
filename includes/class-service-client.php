<?php
/**
 * Signed requests to the link check service, and the translation of every
 * way they can fail into a WP_Error the editor and the report can show.
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Talks to the service with the HMAC headers of the signing protocol:
 *
 *   X-RLG-Site       the site's home URL as registered with `rlg sites add`
 *   X-RLG-Timestamp  unix seconds
 *   X-RLG-Nonce      random hex
 *   X-RLG-Signature  hex HMAC-SHA256( key, METHOD \n PATH_WITH_QUERY \n TIMESTAMP \n NONCE \n hex(SHA256(body)) )
 */
final class Service_Client {

	/**
	 * Seconds before a request counts as unanswered (filter `rlg_service_timeout`).
	 */
	const TIMEOUT = 15;

	/**
	 * Base URL of the service, without a trailing slash.
	 *
	 * @var string
	 */
	private $base_url;

	/**
	 * Shared secret for this site.
	 *
	 * @var string
	 */
	private $site_key;

	/**
	 * The site identity sent as X-RLG-Site.
	 *
	 * @var string
	 */
	private $site;

	/**
	 * Constructor.
	 *
	 * @param string $base_url Service base URL.
	 * @param string $site_key Site key.
	 * @param string $site     Site home URL as registered.
	 */
	public function __construct( $base_url, $site_key, $site ) {
		$this->base_url = untrailingslashit( $base_url );
		$this->site_key = $site_key;
		$this->site     = $site;
	}

	/**
	 * Whether this request's errors may say where the service is.
	 *
	 * The service URL (often an internal address) and the transport's own
	 * words are for those who manage the settings: administrators, WP-CLI
	 * and cron (whose messages reach administrators). An Editor, Author or
	 * Contributor learns that the service failed and whom to ask, not where
	 * it lives (issue 16: no oracles).
	 *
	 * @return bool
	 */
	private static function may_name_service() {
		if ( defined( 'WP_CLI' ) && WP_CLI ) {
			return true;
		}
		if ( function_exists( 'wp_doing_cron' ) && wp_doing_cron() ) {
			return true;
		}
		return current_user_can( 'manage_options' );
	}

	/**
	 * A client for the configured service.
	 *
	 * @return self
	 */
	public static function from_options() {
		return new self( Options::service_url(), Options::site_key(), self::site_identity() );
	}

	/**
	 * The URL this site registers with the service: home_url() with a
	 * trailing slash, exactly as `rlg sites add` should be given it.
	 *
	 * @return string
	 */
	public static function site_identity() {
		return home_url( '/' );
	}

	/**
	 * The signature of one request (public for tests and for the CLI docs).
	 *
	 * @param string $key             Site key.
	 * @param string $method          HTTP method, upper case.
	 * @param string $path_with_query Request path and query string.
	 * @param string $timestamp       Unix seconds.
	 * @param string $nonce           Random hex.
	 * @param string $body            Raw request body ('' for none).
	 * @return string Hex signature.
	 */
	public static function sign( $key, $method, $path_with_query, $timestamp, $nonce, $body ) {
		$payload = strtoupper( $method ) . "\n" . $path_with_query . "\n" . $timestamp . "\n" . $nonce . "\n" . hash( 'sha256', $body );
		return hash_hmac( 'sha256', $payload, $key );
	}

	/**
	 * Sends a signed request and decodes the JSON answer.
	 *
	 * @param string                    $method HTTP method.
	 * @param string                    $path   Path below the base URL, starting with '/'.
	 * @param array<string, mixed>      $query  Query arguments.
	 * @param array<string, mixed>|null $body   JSON body, or null for none.
	 * @param int|null                  $timeout Seconds to wait; default TIMEOUT (filtered).
	 * @return array{status: int, data: mixed, contentType: string, disposition: string, raw: string}|WP_Error
	 */
	public function request( $method, $path, array $query = array(), $body = null, $timeout = null ) {
		$method = strtoupper( $method );
		if ( '' === $this->base_url || '' === $this->site_key ) {
			return self::not_configured_error();
		}
		$url = $this->base_url . $path;
		if ( ! empty( $query ) ) {
			$url .= '?' . http_build_query( $query, '', '&', PHP_QUERY_RFC3986 );
		}
		$parts           = wp_parse_url( $url );
		$path_with_query = ( isset( $parts['path'] ) ? $parts['path'] : '/' ) . ( isset( $parts['query'] ) ? '?' . $parts['query'] : '' );
		$raw_body        = null === $body ? '' : wp_json_encode( $body );
		$timestamp       = (string) time();
		$nonce           = bin2hex( random_bytes( 16 ) );
		$headers         = array(
			'Accept'          => 'application/json',
			'X-RLG-Site'      => $this->site,
			'X-RLG-Timestamp' => $timestamp,
			'X-RLG-Nonce'     => $nonce,
			'X-RLG-Signature' => self::sign( $this->site_key, $method, $path_with_query, $timestamp, $nonce, $raw_body ),
		);
		if ( null !== $body ) {
			$headers['Content-Type'] = 'application/json';
		}
		/**
		 * Filters the seconds to wait for the link check service.
		 *
		 * @param int    $timeout Seconds.
		 * @param string $path    Service path being called.
		 */
		$timeout  = (int) apply_filters( 'rlg_service_timeout', null === $timeout ? self::TIMEOUT : (int) $timeout, $path );
		$response = wp_remote_request(
			$url,
			array(
				'method'      => $method,
				'headers'     => $headers,
				'body'        => null === $body ? null : $raw_body,
				'timeout'     => $timeout,
				'redirection' => 0,
				'user-agent'  => 'ReciprocalLinkGuard/' . RLG_VERSION . '; ' . home_url( '/' ),
			)
		);
		if ( is_wp_error( $response ) ) {
			return $this->unreachable_error( $response );
		}

		$status       = (int) wp_remote_retrieve_response_code( $response );
		$raw          = (string) wp_remote_retrieve_body( $response );
		$content_type = (string) wp_remote_retrieve_header( $response, 'content-type' );
		$is_json      = false !== stripos( $content_type, 'json' );
		$data         = $is_json ? json_decode( $raw, true ) : null;

		if ( $status >= 200 && $status < 300 ) {
			if ( $is_json && null === $data && 'null' !== trim( $raw ) ) {
				return new WP_Error(
					'rlg_service_error',
					self::may_name_service()
						? sprintf(
							/* translators: %s: service URL. */
							__( 'The link check service at %s sent an answer that is not valid JSON.', 'reciprocal-link-guard' ),
							$this->base_url
						)
						: __( 'The link check service sent an answer that is not valid JSON. Ask an administrator to look at the service.', 'reciprocal-link-guard' ),
					array( 'status' => 502 )
				);
			}
			return array(
				'status'      => $status,
				'data'        => $data,
				'contentType' => $content_type,
				'disposition' => (string) wp_remote_retrieve_header( $response, 'content-disposition' ),
				'raw'         => $raw,
			);
		}

		$service_code    = is_array( $data ) && isset( $data['code'] ) ? (string) $data['code'] : '';
		$service_message = is_array( $data ) && isset( $data['message'] ) ? (string) $data['message'] : '';

		// A 403 that is a permission of the service operator (rendered checks),
		// not a key problem, is passed on with the service's own words.
		if ( 401 === $status || ( 403 === $status && 'ERR_RENDER_NOT_ALLOWED' !== $service_code ) ) {
			return new WP_Error(
				'rlg_service_misconfigured',
				self::may_name_service()
					? sprintf(
						/* translators: 1: service URL, 2: the service's explanation. */
						__( 'The link check service at %1$s rejected the site key of this site (%2$s). Check the site key and the site URL registered with "rlg sites add".', 'reciprocal-link-guard' ),
						$this->base_url,
						'' !== $service_message ? $service_message : $status
					)
					: __( 'The link check service did not accept this site. Ask an administrator to check the plugin\'s settings.', 'reciprocal-link-guard' ),
				array(
					'status'      => 502,
					'serviceCode' => $service_code,
					'settingsUrl' => Options::settings_url(),
				)
			);
		}
		if ( 504 === $status || 503 === $status || 502 === $status ) {
			if ( '' === $service_code ) {
				// A proxy in front of a service that is down, not the service talking.
				return new WP_Error(
					'rlg_service_unreachable',
					$this->did_not_answer(),
					array( 'status' => $status )
				);
			}
		}
		$explanation = '' !== $service_message ? $service_message : sprintf(
			/* translators: %d: HTTP status code. */
			__( 'HTTP status %d.', 'reciprocal-link-guard' ),
			$status
		);
		return new WP_Error(
			'rlg_service_error',
			self::may_name_service()
				? sprintf(
					/* translators: 1: service URL, 2: the service's message or HTTP status. */
					__( 'The link check service at %1$s answered with an error: %2$s', 'reciprocal-link-guard' ),
					$this->base_url,
					$explanation
				)
				: sprintf(
					/* translators: %s: the service's message or HTTP status. */
					__( 'The link check service answered with an error: %s', 'reciprocal-link-guard' ),
					$explanation
				),
			array_filter(
				array(
					// The service's 4xx mean the request was wrong: pass them on; anything else is a bad gateway.
					'status'      => ( $status >= 400 && $status < 500 ) ? $status : 502,
					'serviceCode' => $service_code,
					'field'       => is_array( $data ) && isset( $data['field'] ) ? (string) $data['field'] : null,
				),
				static function ( $value ) {
					return null !== $value && '' !== $value;
				}
			)
		);
	}

	/**
	 * The error for a missing service URL or site key.
	 *
	 * @return WP_Error
	 */
	public static function not_configured_error() {
		return new WP_Error(
			'rlg_service_misconfigured',
			sprintf(
				/* translators: %s: URL of the settings page. */
				__( 'The link check service is not set up: enter its URL and this site\'s key on the settings page (%s).', 'reciprocal-link-guard' ),
				Options::settings_url()
			),
			array(
				'status'      => 503,
				'settingsUrl' => Options::settings_url(),
			)
		);
	}

	/**
	 * "The link check service at … did not answer."
	 *
	 * @return string
	 */
	private function did_not_answer() {
		if ( ! self::may_name_service() ) {
			return __( 'The link check service did not answer. If this lasts, tell an administrator.', 'reciprocal-link-guard' );
		}
		return sprintf(
			/* translators: %s: service URL. */
			__( 'The link check service at %s did not answer.', 'reciprocal-link-guard' ),
			$this->base_url
		);
	}

	/**
	 * Connection refused, DNS failure, timeout: the service is not there.
	 *
	 * @param WP_Error $error Transport error from the HTTP API.
	 * @return WP_Error
	 */
	private function unreachable_error( WP_Error $error ) {
		$detail    = $error->get_error_message();
		$timed_out = (bool) preg_match( '/timed? ?out|timeout/i', $detail );
		$data      = array( 'status' => $timed_out ? 504 : 502 );
		if ( self::may_name_service() ) {
			// cURL's words name the host and port ("Failed to connect to …").
			$data['detail'] = $detail;
		}
		return new WP_Error( 'rlg_service_unreachable', $this->did_not_answer(), $data );
	}
}
