<?php
/**
 * POST reciprocal-link-guard/v1/override: an administrator publishes a post
 * anyway, with a reason. The reason goes into each partner's log on the
 * service (with the administrator's name) and into the post's lock log; the
 * server's publishing lock then lets the named findings through for this
 * post.
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
 * The override route.
 */
final class Override_Route {

	/**
	 * Shortest reason accepted (MIN_REASON_LENGTH in the editor's PublishGate).
	 */
	const MIN_REASON_LENGTH = 10;

	/**
	 * Overrides and the lock log.
	 *
	 * @var Publish_Overrides
	 */
	private $overrides;

	/**
	 * Makes the signed client when the route runs.
	 *
	 * @var callable(): Service_Client
	 */
	private $client_factory;

	/**
	 * Constructor.
	 *
	 * @param Publish_Overrides $overrides      Overrides and the lock log.
	 * @param callable          $client_factory Returns the Service_Client to log with.
	 */
	public function __construct( Publish_Overrides $overrides, callable $client_factory ) {
		$this->overrides      = $overrides;
		$this->client_factory = $client_factory;
	}

	/**
	 * Registers the route (on rest_api_init).
	 */
	public static function register() {
		$route = new self(
			new Publish_Overrides(),
			array( Service_Client::class, 'from_options' )
		);
		register_rest_route(
			Rest_Controller::NAMESPACE_V1,
			'/override',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $route, 'handle' ),
				'permission_callback' => array( $route, 'can_override' ),
				'args'                => array(
					'postId'        => array(
						'type'     => 'integer',
						'minimum'  => 1,
						'required' => true,
					),
					'reason'        => array(
						'type'      => 'string',
						'required'  => true,
						'maxLength' => 1000,
					),
					'codesByDomain' => array(
						'type'                 => 'object',
						'required'             => true,
						'minProperties'        => 1,
						'maxProperties'        => 100,
						'additionalProperties' => array(
							'type'     => 'array',
							'maxItems' => 30,
							'items'    => array(
								'type' => 'string',
								'enum' => Settings_Schema::finding_codes(),
							),
						),
					),
				),
			)
		);
	}

	/**
	 * Administrators (manage_options) who may edit the post.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return bool|WP_Error
	 */
	public function can_override( WP_REST_Request $request ) {
		$post_id = (int) $request->get_param( 'postId' );
		if ( current_user_can( 'manage_options' ) && $post_id > 0 && current_user_can( 'edit_post', $post_id ) ) {
			return true;
		}
		return new WP_Error(
			'rest_forbidden',
			__( 'Sorry, only administrators can publish a post anyway.', 'reciprocal-link-guard' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/**
	 * Logs the override with every partner, then records it with the post.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function handle( WP_REST_Request $request ) {
		$post_id = (int) $request->get_param( 'postId' );
		if ( ! get_post( $post_id ) ) {
			return new WP_Error( 'rest_post_invalid_id', __( 'There is no post with this ID.', 'reciprocal-link-guard' ), array( 'status' => 404 ) );
		}
		$reason = trim( sanitize_textarea_field( (string) $request->get_param( 'reason' ) ) );
		if ( mb_strlen( $reason ) < self::MIN_REASON_LENGTH ) {
			return new WP_Error(
				'rest_invalid_param',
				sprintf(
					/* translators: %d: number of characters. */
					__( 'reason: say in at least %d characters why this link is acceptable.', 'reciprocal-link-guard' ),
					self::MIN_REASON_LENGTH
				),
				array( 'status' => 400 )
			);
		}
		$codes_by_domain = $this->codes_by_domain( (array) $request->get_param( 'codesByDomain' ) );
		if ( is_wp_error( $codes_by_domain ) ) {
			return $codes_by_domain;
		}

		// Every partner's log first: an override that is not on record is no override.
		$user   = wp_get_current_user();
		$client = call_user_func( $this->client_factory );
		foreach ( $codes_by_domain as $domain => $codes ) {
			$logged = $client->request(
				'POST',
				'/v1/partner-log',
				array(),
				array(
					'domain' => $domain,
					'note'   => self::note( $post_id, $reason, $codes ),
					'author' => '' !== $user->display_name ? $user->display_name : $user->user_login,
				)
			);
			if ( is_wp_error( $logged ) ) {
				return $logged;
			}
		}
		$this->overrides->record( $post_id, $reason, $codes_by_domain, $user );
		return new WP_REST_Response(
			array(
				'postId'        => $post_id,
				'codesByDomain' => $codes_by_domain,
			),
			201
		);
	}

	/**
	 * The log line kept with each partner (overrideNote() in the editor).
	 *
	 * @param int      $post_id Post ID.
	 * @param string   $reason  Reason.
	 * @param string[] $codes   Finding codes.
	 * @return string
	 */
	public static function note( $post_id, $reason, array $codes ) {
		return sprintf(
			/* translators: 1: post ID, 2: finding codes, 3: the editor's reason. */
			__( 'Published post #%1$d despite blocking findings (%2$s). Reason: %3$s', 'reciprocal-link-guard' ),
			$post_id,
			implode( ', ', $codes ),
			$reason
		);
	}

	/**
	 * Partner domains as the editor names them (host or host:port), each with its codes.
	 *
	 * @param array<string, mixed> $raw Request value.
	 * @return array<string, string[]>|WP_Error
	 */
	private function codes_by_domain( array $raw ) {
		$clean = array();
		foreach ( $raw as $domain => $codes ) {
			$domain = strtolower( trim( (string) $domain ) );
			if ( ! preg_match( '/^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:\d{1,5})?$/', $domain ) ) {
				return new WP_Error(
					'rest_invalid_param',
					sprintf(
						/* translators: %s: the value sent. */
						__( 'codesByDomain: "%s" is not a host name.', 'reciprocal-link-guard' ),
						$domain
					),
					array( 'status' => 400 )
				);
			}
			$codes = array_values( array_unique( array_map( 'strval', (array) $codes ) ) );
			if ( array() !== $codes ) {
				$clean[ $domain ] = $codes;
			}
		}
		if ( array() === $clean ) {
			return new WP_Error( 'rest_invalid_param', __( 'codesByDomain: name at least one finding to publish anyway.', 'reciprocal-link-guard' ), array( 'status' => 400 ) );
		}
		return $clean;
	}
}
