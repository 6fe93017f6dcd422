<?php
/**
 * POST reciprocal-link-guard/v1/backlinks/import: the report's "Import
 * backlinks" form. Takes a backlink export (Search Console, Ahrefs or
 * Semrush CSV) as base64, checks its size, format and competitor, and
 * forwards it signed to the service, which parses, validates and stores
 * it and answers what was read and what was skipped (with line numbers).
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
 * The backlink import route.
 */
final class Backlink_Import_Route {

	/**
	 * Largest file taken (bytes): its base64 stays under PHP's default
	 * post_max_size of 8 MB. `rlg import` reads larger files.
	 */
	const MAX_FILE_BYTES = 5242880;

	/**
	 * Seconds to wait: a large export takes a few seconds to store.
	 */
	const TIMEOUT = 60;

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
			'/backlinks/import',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $route, 'handle' ),
				'permission_callback' => array( $route, 'can_import_backlinks' ),
				'args'                => array(
					'fileName'   => array(
						'type'      => 'string',
						'required'  => true,
						'minLength' => 1,
						'maxLength' => 200,
					),
					'format'     => array(
						'type'    => 'string',
						'enum'    => array( 'auto', 'gsc', 'ahrefs', 'semrush' ),
						'default' => 'auto',
					),
					'competitor' => array(
						'type'      => array( 'string', 'null' ),
						'maxLength' => 260,
						'default'   => null,
					),
					'content'    => array(
						'type'      => 'string',
						'required'  => true,
						'minLength' => 1,
					),
				),
			)
		);
	}

	/**
	 * Administrators, as for the rest of the report.
	 *
	 * @return bool|WP_Error
	 */
	public function can_import_backlinks() {
		if ( current_user_can( 'manage_options' ) ) {
			return true;
		}
		return new WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to import backlinks.', 'reciprocal-link-guard' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/**
	 * Checks the upload and forwards it to the service.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function handle( WP_REST_Request $request ) {
		$content = (string) $request->get_param( 'content' );
		// Four base64 characters carry three bytes.
		if ( strlen( $content ) > (int) ceil( self::MAX_FILE_BYTES / 3 ) * 4 ) {
			return new WP_Error(
				'rlg_import_too_large',
				sprintf(
					/* translators: %s: the largest file size, e.g. "5 MB". */
					__( 'The file is too large: at most %s can be imported here. Split the export, or import it with rlg import.', 'reciprocal-link-guard' ),
					size_format( self::MAX_FILE_BYTES )
				),
				array( 'status' => 413 )
			);
		}
		if ( ! preg_match( '/^[A-Za-z0-9+\/]*={0,2}$/', $content ) ) {
			return new WP_Error(
				'rest_invalid_param',
				__( 'The file did not arrive intact (its content is not base64). Choose it again.', 'reciprocal-link-guard' ),
				array( 'status' => 400 )
			);
		}
		$competitor = $request->get_param( 'competitor' );
		$competitor = is_string( $competitor ) ? trim( sanitize_text_field( $competitor ) ) : '';
		$body       = array(
			'fileName'   => sanitize_file_name( (string) $request->get_param( 'fileName' ) ),
			'format'     => (string) $request->get_param( 'format' ),
			'competitor' => '' === $competitor ? null : $competitor,
			'content'    => $content,
		);
		$client     = call_user_func( $this->client_factory );
		$result     = $client->request( 'POST', '/v1/backlinks/import', array(), $body, self::TIMEOUT );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		return new WP_REST_Response( $result['data'], $result['status'] );
	}
}
