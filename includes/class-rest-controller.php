<?php
/**
 * REST routes under reciprocal-link-guard/v1: the editor's `context` (its
 * `check` is rest/class-check-route.php), and the report's routes, which forward to the service as they
 * are (method, path, query, body) so the report can grow without PHP changes.
 *
 * Authentication is core's: the logged-in cookie plus the `wp_rest` nonce
 * (apiFetch sends it). Every route has a real permission callback.
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * Registers and serves the plugin's REST routes.
 */
final class Rest_Controller {

	const NAMESPACE_V1 = 'reciprocal-link-guard/v1';

	/**
	 * Most links one check may carry (MAX_LINKS_PER_CHECK in schemas.ts).
	 */
	const MAX_LINKS = 100;

	/**
	 * Most links one request starting or extending a check job may carry
	 * (MAX_LINKS_PER_JOB_REQUEST in schemas.ts): it is answered at once, so
	 * a big post goes over in one request instead of ten.
	 */
	const MAX_JOB_LINKS = 1000;

	/**
	 * Most keywords the service accepts per check.
	 */
	const MAX_KEYWORDS = 50;

	/**
	 * Report routes forwarded to the service: route => allowed methods. The
	 * service path is /v1/<route>[/<rest>].
	 *
	 * @var array<string, string>
	 */
	private static $forwarded = array(
		'report'      => WP_REST_Server::READABLE,
		'scan'        => 'GET, POST',
		'partner-log' => 'GET, POST',
		'partners'    => WP_REST_Server::READABLE,
		'alerts'      => WP_REST_Server::READABLE,
	);

	/**
	 * Responses (by object id) to send as raw bytes rather than JSON.
	 *
	 * @var array<int, bool>
	 */
	private static $raw_responses = array();

	/**
	 * Hooks the routes.
	 */
	public static function register() {
		register_rest_route(
			self::NAMESPACE_V1,
			'/context',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( __CLASS__, 'context' ),
				'permission_callback' => array( __CLASS__, 'can_edit_posts' ),
			)
		);

		foreach ( self::$forwarded as $route => $methods ) {
			register_rest_route(
				self::NAMESPACE_V1,
				'/' . $route . '(?:/(?P<rest>[A-Za-z0-9._~%-]+(?:/[A-Za-z0-9._~%-]+)*))?',
				array(
					'methods'             => $methods,
					'callback'            => array( __CLASS__, 'forward' ),
					'permission_callback' => array( __CLASS__, 'can_manage' ),
				)
			);
		}
	}

	/**
	 * Arguments of a check request (the check route and the check-job routes).
	 *
	 * @param int $max_links Most links per request (MAX_LINKS, or MAX_JOB_LINKS for jobs).
	 * @return array<string, array<string, mixed>>
	 */
	public static function check_args( $max_links = self::MAX_LINKS ) {
		return array(
			'postId'   => array(
				'type'     => 'integer',
				'minimum'  => 0,
				'default'  => 0,
				'required' => false,
			),
			'links'    => array(
				'type'     => 'array',
				'required' => true,
				'minItems' => 1,
				'maxItems' => (int) $max_links,
				'items'    => array(
					'type'       => 'object',
					'properties' => array(
						'url'        => array(
							'type'      => 'string',
							'required'  => true,
							'maxLength' => 2048,
							'pattern'   => '^[Hh][Tt][Tt][Pp][Ss]?://',
						),
						'anchorText' => array(
							'type'      => 'string',
							'maxLength' => 1000,
							'default'   => '',
						),
					),
				),
			),
			'keywords' => array(
				'type'     => 'array',
				'required' => false,
				'maxItems' => self::MAX_KEYWORDS,
				'items'    => array(
					'type'      => 'string',
					'maxLength' => 200,
				),
			),
			'fresh'    => array(
				'type'    => 'boolean',
				'default' => false,
			),
		);
	}

	/**
	 * `check` needs edit_post on the post; a post not saved yet (id 0) needs edit_posts.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return bool|WP_Error
	 */
	public static function can_check( WP_REST_Request $request ) {
		$post_id = (int) $request->get_param( 'postId' );
		$allowed = $post_id > 0 ? current_user_can( 'edit_post', $post_id ) : current_user_can( 'edit_posts' );
		return $allowed ? true : self::forbidden( __( 'Sorry, you are not allowed to check the links of this post.', 'reciprocal-link-guard' ) );
	}

	/**
	 * `context`: anyone who can write posts.
	 *
	 * @return bool|WP_Error
	 */
	public static function can_edit_posts() {
		return current_user_can( 'edit_posts' ) ? true : self::forbidden( __( 'Sorry, you are not allowed to use the link checker.', 'reciprocal-link-guard' ) );
	}

	/**
	 * Report, scan and partner log: administrators.
	 *
	 * @return bool|WP_Error
	 */
	public static function can_manage() {
		return current_user_can( 'manage_options' ) ? true : self::forbidden( __( 'Sorry, you are not allowed to see the link report.', 'reciprocal-link-guard' ) );
	}

	/**
	 * The service's CheckRequest for a check request: links sanitised, the
	 * post's keywords before the site's, the site's alternate URLs.
	 *
	 * @param WP_REST_Request $request Request with the check_args().
	 * @return array<string, mixed>|WP_Error
	 */
	public static function check_body( WP_REST_Request $request ) {
		$links = array();
		foreach ( (array) $request->get_param( 'links' ) as $link ) {
			$url = esc_url_raw( (string) $link['url'], array( 'http', 'https' ) );
			if ( '' === $url ) {
				continue;
			}
			$links[] = array(
				'url'        => $url,
				'anchorText' => trim( wp_strip_all_tags( isset( $link['anchorText'] ) ? (string) $link['anchorText'] : '' ) ),
			);
		}
		if ( empty( $links ) ) {
			return new WP_Error(
				'rest_invalid_param',
				__( 'No link with an http:// or https:// address to check.', 'reciprocal-link-guard' ),
				array( 'status' => 400 )
			);
		}

		// The post's own keywords first (the focus keyphrase), then the site's.
		$keywords = array();
		$settings = Options::analysis_settings();
		foreach ( array_merge( (array) $request->get_param( 'keywords' ), $settings['keywords'] ) as $keyword ) {
			$keyword = sanitize_text_field( (string) $keyword );
			if ( '' !== $keyword && ! in_array( $keyword, $keywords, true ) ) {
				$keywords[] = $keyword;
			}
		}

		$body = array(
			'site'     => Service_Client::site_identity(),
			'links'    => $links,
			'keywords' => array_slice( $keywords, 0, self::MAX_KEYWORDS ),
			'fresh'    => (bool) $request->get_param( 'fresh' ),
		);
		// The settings' alternate URLs (old domain, short domain, staging):
		// links to them are links to us for the service too (issue 9).
		$alternates = array_slice( Options::site_urls(), 1, 20 );
		if ( array() !== $alternates ) {
			$body['alternateUrls'] = array_values( $alternates );
		}
		return $body;
	}

	/**
	 * GET context: what the editor needs besides the post itself.
	 *
	 * @return WP_REST_Response
	 */
	public static function context() {
		$context                 = self::editor_context();
		$context['siteStats']    = null;
		$context['serviceError'] = null;
		if ( $context['serviceConfigured'] ) {
			// The editor waits for this; the counts are a nice-to-have next to the post's own checks.
			$stats = Service_Client::from_options()->request( 'GET', '/v1/stats', array(), null, 5 );
			if ( is_wp_error( $stats ) ) {
				// The editor still shows its local findings; it says why reciprocity is unknown.
				$context['serviceError'] = array(
					'code'    => $stats->get_error_code(),
					'message' => $stats->get_error_message(),
				);
			} else {
				$context['siteStats'] = $stats['data'];
			}
		} else {
			$error                   = Service_Client::not_configured_error();
			$context['serviceError'] = array(
				'code'    => $error->get_error_code(),
				'message' => $error->get_error_message(),
			);
		}
		return new WP_REST_Response( $context, 200 );
	}

	/**
	 * The editor's static context (also printed inline before the editor script).
	 *
	 * @return array<string, mixed>
	 */
	public static function editor_context() {
		$settings   = Options::analysis_settings();
		$can_manage = current_user_can( 'manage_options' ); // The settings page's capability.
		return array(
			'restNamespace'     => self::NAMESPACE_V1,
			'settings'          => $settings,
			'siteUrls'          => Options::site_urls(),
			'settingsUrl'       => Options::settings_url(),
			'reportUrl'         => Tools_Page::url(),
			'serviceConfigured' => Options::service_configured(),
			// Where the service runs is the administrators' business (issue
			// 16): a Contributor gets null, not an address to probe.
			'serviceUrl'        => $can_manage ? Options::service_url() : null,
			'blockPublishing'   => (bool) $settings['blockPublishing'],
			'canManage'         => $can_manage,
		);
	}

	/**
	 * Report routes: the same method, path below /v1, query and JSON body,
	 * signed, to the service.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function forward( WP_REST_Request $request ) {
		$route    = substr( $request->get_route(), strlen( '/' . self::NAMESPACE_V1 . '/' ) );
		$segments = array_map( 'rawurldecode', explode( '/', $route ) );
		if ( array_intersect( $segments, array( '.', '..', '' ) ) ) {
			// Only the service's own routes below the forwarded prefix, never a path walk.
			return new WP_Error( 'rest_no_route', __( 'No route was found matching the URL and request method.', 'reciprocal-link-guard' ), array( 'status' => 404 ) );
		}
		$path     = '/v1/' . implode( '/', array_map( 'rawurlencode', $segments ) );

		$query = $request->get_query_params();
		unset( $query['_wpnonce'], $query['rest_route'], $query['_locale'] );

		$body = null;
		if ( 'GET' !== $request->get_method() ) {
			$json = $request->get_json_params();
			$body = is_array( $json ) ? $json : array();
			if ( 'partner-log' === $segments[0] ) {
				// Who wrote a log entry is WordPress's to say, not the browser's.
				$user           = wp_get_current_user();
				$body['author'] = '' !== $user->display_name ? $user->display_name : $user->user_login;
			}
			if ( empty( $body ) ) {
				$body = (object) array();
			}
		}

		$result = Service_Client::from_options()->request( $request->get_method(), $path, $query, $body );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		if ( false === stripos( $result['contentType'], 'json' ) ) {
			// CSV exports and the like: served raw by serve_raw().
			$response = new WP_REST_Response( $result['raw'], $result['status'] );
			$response->header( 'Content-Type', $result['contentType'] );
			if ( '' !== $result['disposition'] ) {
				$response->header( 'Content-Disposition', $result['disposition'] );
			}
			self::$raw_responses[ spl_object_id( $response ) ] = true;
			return $response;
		}
		return new WP_REST_Response( $result['data'], $result['status'] );
	}

	/**
	 * Sends non-JSON service answers (CSV) as they are instead of as a JSON string.
	 *
	 * @param bool             $served  Whether the request was already served.
	 * @param WP_REST_Response $result  Response.
	 * @param WP_REST_Request  $request Request.
	 * @return bool
	 */
	public static function serve_raw( $served, $result, $request ) {
		if ( $served || ! ( $result instanceof WP_REST_Response ) || 0 !== strpos( $request->get_route(), '/' . self::NAMESPACE_V1 . '/' ) ) {
			return $served;
		}
		if ( empty( self::$raw_responses[ spl_object_id( $result ) ] ) || ! is_string( $result->get_data() ) ) {
			return $served;
		}
		// The service's own bytes (a CSV file), with its content type; not HTML.
		echo $result->get_data(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
		return true;
	}

	/**
	 * A 401 for anonymous requests, a 403 for logged-in ones, as core does.
	 *
	 * @param string $message Sentence.
	 * @return WP_Error
	 */
	private static function forbidden( $message ) {
		return new WP_Error( 'rest_forbidden', $message, array( 'status' => rest_authorization_required_code() ) );
	}
}
