<?php
/**
 * POST reciprocal-link-guard/v1/check: the post's links, checked by the
 * service while the request waits (CheckResponse). Every link costs the
 * user one unit of their check budget (Check_Rate_Limiter); over budget,
 * 429 with Retry-After and nothing is sent to the service.
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * The check route.
 */
final class Check_Route {

	/**
	 * The per-user budget of links.
	 *
	 * @var Check_Rate_Limiter
	 */
	private $limiter;

	/**
	 * Makes the signed client when the route runs.
	 *
	 * @var callable(): Service_Client
	 */
	private $client_factory;

	/**
	 * Constructor.
	 *
	 * @param Check_Rate_Limiter $limiter        Budget of links per user.
	 * @param callable           $client_factory Returns the Service_Client to ask.
	 */
	public function __construct( Check_Rate_Limiter $limiter, callable $client_factory ) {
		$this->limiter        = $limiter;
		$this->client_factory = $client_factory;
	}

	/**
	 * Registers the route (on rest_api_init).
	 */
	public static function register() {
		$route = new self( new Check_Rate_Limiter(), array( Service_Client::class, 'from_options' ) );
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/check',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $route, 'handle' ),
				'permission_callback' => array( $route, 'can_check' ),
				'args'                => Rest_Controller::check_args(),
			)
		);
	}

	/**
	 * The same right as editing the post (Rest_Controller::can_check).
	 *
	 * @param WP_REST_Request $request Request.
	 * @return bool|\WP_Error
	 */
	public function can_check( WP_REST_Request $request ) {
		return Rest_Controller::can_check( $request );
	}

	/**
	 * Forwards the post's links to the service's /v1/check, within budget.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|\WP_Error
	 */
	public function handle( WP_REST_Request $request ) {
		$body = Rest_Controller::check_body( $request );
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		$refusal = $this->limiter->charge_current_user( count( $body['links'] ) );
		if ( null !== $refusal ) {
			return $refusal;
		}
		$client = call_user_func( $this->client_factory );
		$result = $client->request( 'POST', '/v1/check', array(), $body );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		return new WP_REST_Response( $result['data'], $result['status'] );
	}
}
