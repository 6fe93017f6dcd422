<?php
/**
 * POST reciprocal-link-guard/v1/partners/<domain>/check: "Check again" for
 * one partner of the report. The service fetches the partner's pages again
 * (no stored result) and answers the partner's new detail.
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
 * The partner check route.
 */
final class Partner_Check_Route {

	/**
	 * Seconds to wait: the partner's pages are fetched while we wait.
	 */
	const TIMEOUT = 45;

	/**
	 * Makes the signed client when the route runs.
	 *
	 * @var callable(): Service_Client
	 */
	private $client_factory;

	/**
	 * Constructor.
	 *
	 * @param callable $client_factory Returns the Service_Client to ask.
	 */
	public function __construct( callable $client_factory ) {
		$this->client_factory = $client_factory;
	}

	/**
	 * Registers the route (on rest_api_init).
	 */
	public static function register() {
		$route = new self( array( Service_Client::class, 'from_options' ) );
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/partners/(?P<domain>[A-Za-z0-9.-]+(?::\d{1,5})?)/check',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $route, 'handle' ),
				'permission_callback' => array( $route, 'can_check_partner' ),
			)
		);
	}

	/**
	 * Administrators, as for the rest of the report.
	 *
	 * @return bool|WP_Error
	 */
	public function can_check_partner() {
		if ( current_user_can( 'manage_options' ) ) {
			return true;
		}
		return new WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to see the link report.', 'reciprocal-link-guard' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/**
	 * Asks the service to check the partner again.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function handle( WP_REST_Request $request ) {
		$domain = strtolower( (string) $request->get_param( 'domain' ) );
		$client = call_user_func( $this->client_factory );
		$result = $client->request(
			'POST',
			'/v1/report/partners/' . rawurlencode( $domain ) . '/check',
			array(),
			(object) array(),
			self::TIMEOUT
		);
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		return new WP_REST_Response( $result['data'], $result['status'] );
	}
}
