<?php
/**
 * The editor's check jobs (issue 20), forwarded signed to the service:
 *
 *   POST reciprocal-link-guard/v1/check-jobs                 { postId, links, keywords?, fresh? } -> 202 job
 *        (up to Rest_Controller::MAX_JOB_LINKS links, both POSTs)
 *   POST reciprocal-link-guard/v1/check-jobs/<id>/links?after  the same body: more links for the job (results from `after` on)
 *   GET  reciprocal-link-guard/v1/check-jobs/<id>?after&wait the results known since `after`
 *
 * The service accepts a job's links at once and checks them in the
 * background; every request here answers within seconds, so a big post's
 * checks never fail because one batch took longer than this proxy waits.
 * Starting or extending a job costs the user one unit of their check budget
 * per link, as the check route does (Check_Rate_Limiter: 429 over budget);
 * following a job is free.
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * Registers and serves the check-job routes.
 */
final class Check_Jobs_Route {

	/**
	 * A job id as the service makes them (128 random bits, hex).
	 */
	const ID_PATTERN = '(?P<id>[0-9a-f]{32})';

	/**
	 * Longest a poll may wait for new results, in ms (MAX_JOB_WAIT_MS in schemas.ts).
	 */
	const MAX_WAIT_MS = 10000;

	/**
	 * The per-user budget of links.
	 *
	 * @var Check_Rate_Limiter
	 */
	private $limiter;

	/**
	 * Constructor.
	 *
	 * @param Check_Rate_Limiter $limiter Budget of links per user.
	 */
	public function __construct( Check_Rate_Limiter $limiter ) {
		$this->limiter = $limiter;
	}

	/**
	 * Hooks the routes.
	 */
	public static function register() {
		$route = new self( new Check_Rate_Limiter() );
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/check-jobs',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $route, 'start' ),
				'permission_callback' => array( __CLASS__, 'can_check_post' ),
				'args'                => Rest_Controller::check_args( Rest_Controller::MAX_JOB_LINKS ),
			)
		);
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/check-jobs/' . self::ID_PATTERN . '/links',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $route, 'append' ),
				'permission_callback' => array( __CLASS__, 'can_check_post' ),
				'args'                => array_merge(
					Rest_Controller::check_args( Rest_Controller::MAX_JOB_LINKS ),
					array(
						// The answer holds the job's results from `after` on.
						'after' => array(
							'type'    => 'integer',
							'minimum' => 0,
							'default' => 0,
						),
					)
				),
			)
		);
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/check-jobs/' . self::ID_PATTERN,
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( __CLASS__, 'poll' ),
				'permission_callback' => array( __CLASS__, 'can_follow' ),
				'args'                => array(
					'after' => array(
						'type'    => 'integer',
						'minimum' => 0,
						'default' => 0,
					),
					'wait'  => array(
						'type'    => 'integer',
						'minimum' => 0,
						'maximum' => self::MAX_WAIT_MS,
						'default' => 0,
					),
				),
			)
		);
	}

	/**
	 * Starting or extending a job: the same right as a check of the post.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return bool|\WP_Error
	 */
	public static function can_check_post( WP_REST_Request $request ) {
		return Rest_Controller::can_check( $request );
	}

	/**
	 * Following a job: anyone who writes posts (the id itself is the secret:
	 * 128 random bits, known only to the editor that started the job).
	 *
	 * @return bool|\WP_Error
	 */
	public static function can_follow() {
		return Rest_Controller::can_edit_posts();
	}

	/**
	 * POST check-jobs.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|\WP_Error
	 */
	public function start( WP_REST_Request $request ) {
		return $this->send( $request, 'POST', '/v1/check-jobs' );
	}

	/**
	 * POST check-jobs/<id>/links.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|\WP_Error
	 */
	public function append( WP_REST_Request $request ) {
		return $this->send(
			$request,
			'POST',
			'/v1/check-jobs/' . $request['id'] . '/links',
			array( 'after' => (int) $request['after'] )
		);
	}

	/**
	 * GET check-jobs/<id>: waits at most `wait` ms on the service, and this
	 * proxy a few seconds longer than that.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|\WP_Error
	 */
	public static function poll( WP_REST_Request $request ) {
		$wait   = (int) $request['wait'];
		$result = Service_Client::from_options()->request(
			'GET',
			'/v1/check-jobs/' . $request['id'],
			array(
				'after' => (int) $request['after'],
				'wait'  => $wait,
			),
			null,
			(int) ceil( $wait / 1000 ) + 5
		);
		return self::response( $result );
	}

	/**
	 * Forwards a check body (sanitised as the check route does) to `path`,
	 * within the user's budget.
	 *
	 * @param WP_REST_Request $request Request.
	 * @param string          $method  HTTP method.
	 * @param string          $path    Service path.
	 * @param array<string, int> $query Query arguments for the service.
	 * @return WP_REST_Response|\WP_Error
	 */
	private function send( WP_REST_Request $request, $method, $path, $query = array() ) {
		$body = Rest_Controller::check_body( $request );
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		$refusal = $this->limiter->charge_current_user( count( $body['links'] ) );
		if ( null !== $refusal ) {
			return $refusal;
		}
		return self::response( Service_Client::from_options()->request( $method, $path, $query, $body ) );
	}

	/**
	 * The service's answer (or its error) as the REST response.
	 *
	 * @param array<string, mixed>|\WP_Error $result Service_Client::request() result.
	 * @return WP_REST_Response|\WP_Error
	 */
	private static function response( $result ) {
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		return new WP_REST_Response( $result['data'], $result['status'] );
	}
}
