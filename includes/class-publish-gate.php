<?php
/**
 * The publishing lock on the server (issue 16, item 2). With "block
 * publishing" on, a post with blocking findings does not become public
 * (`publish` or `future`) by any path: the REST API (the block editor, or a
 * client that unlocked the editor's lock), Quick Edit, XML-RPC,
 * `wp_insert_post()` from code and WP-CLI. The block editor's lock stays the
 * friendly first line; this is the one that holds.
 *
 * Two hooks, because only one path can return an error by itself:
 *
 * - `rest_pre_insert_{post_type}` returns a WP_Error (403
 *   `rlg_publish_blocked`, with the findings), which the REST API answers.
 * - `wp_insert_post_data` covers every other path, before anything is
 *   written. Where a person is waiting for an answer (admin-ajax Quick Edit,
 *   XML-RPC, WP-CLI, a wp-admin form) it stops the request with `wp_die()`,
 *   which each of those turns into its own error (the Quick Edit row's
 *   error notice, an XML-RPC fault, `Error:` and exit code 1). Where nobody
 *   is (code run by cron or by another plugin) the post is saved with its
 *   previous status (a draft for a new post) and the post's lock log says
 *   why: `wp_insert_post()` cannot fail from a filter.
 *
 * The findings are the service's (POST /v1/post/findings, the same rules
 * and stored partner results the editor shows). When the service cannot be
 * asked, the setting "When the service cannot be reached" decides: publish
 * and note it in the post's lock log and the PHP error log (the default),
 * or hold publishing until it answers. An administrator's "publish anyway"
 * (Publish_Overrides, recorded with a reason by the override route) lets
 * the findings it names through.
 *
 * Not gated: a scheduled post going live at its time (`wp_publish_post()`
 * writes the status directly; it was gated when it was scheduled), and
 * saving an already public post without changing its title or content.
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

use WP_Error;
use WP_Post;

defined( 'ABSPATH' ) || exit;

/**
 * Enforces blocking findings when a post becomes public.
 */
final class Publish_Gate {

	/**
	 * Statuses that make a post public (now or at its date).
	 */
	const PUBLIC_STATUSES = array( 'publish', 'future' );

	/**
	 * The error code on every path.
	 */
	const ERROR_CODE = 'rlg_publish_blocked';

	/**
	 * The hooked instance.
	 *
	 * @var self|null
	 */
	private static $instance = null;

	/**
	 * Verdicts of posts.
	 *
	 * @var Post_Verdicts
	 */
	private $verdicts;

	/**
	 * Overrides and the lock log.
	 *
	 * @var Publish_Overrides
	 */
	private $overrides;

	/**
	 * Constructor.
	 *
	 * @param Post_Verdicts     $verdicts  Verdicts of posts.
	 * @param Publish_Overrides $overrides Overrides and lock log.
	 */
	public function __construct( Post_Verdicts $verdicts, Publish_Overrides $overrides ) {
		$this->verdicts  = $verdicts;
		$this->overrides = $overrides;
	}

	/**
	 * Hooks the gate. The service client is made when first needed, so the
	 * settings in force at that moment are used.
	 */
	public static function register() {
		add_action( 'rest_api_init', array( __CLASS__, 'hook_rest' ) );
		add_filter( 'wp_insert_post_data', array( __CLASS__, 'on_insert_post_data' ), 99, 4 );
	}

	/**
	 * The instance the hooks use.
	 *
	 * @return self
	 */
	public static function instance() {
		if ( null === self::$instance ) {
			self::$instance = new self( new Post_Verdicts( Service_Client::from_options() ), new Publish_Overrides() );
		}
		return self::$instance;
	}

	/**
	 * Forgets the instance (tests change settings between saves).
	 */
	public static function reset() {
		self::$instance = null;
	}

	/**
	 * `rest_pre_insert_{type}` for every gated post type shown in REST.
	 */
	public static function hook_rest() {
		foreach ( get_post_types( array( 'show_in_rest' => true ) ) as $type ) {
			if ( self::is_gated_type( $type ) ) {
				add_filter( 'rest_pre_insert_' . $type, array( __CLASS__, 'on_rest_pre_insert' ), 99, 2 );
			}
		}
	}

	/**
	 * REST: refuse with a WP_Error the API answers as it is.
	 *
	 * @param \stdClass|WP_Error $prepared Post about to be inserted.
	 * @param \WP_REST_Request   $request  Request.
	 * @return \stdClass|WP_Error
	 */
	public static function on_rest_pre_insert( $prepared, $request ) {
		unset( $request );
		if ( is_wp_error( $prepared ) || ! is_object( $prepared ) ) {
			return $prepared;
		}
		$id       = isset( $prepared->ID ) ? (int) $prepared->ID : 0;
		$existing = $id > 0 ? get_post( $id ) : null;
		$type     = isset( $prepared->post_type ) ? (string) $prepared->post_type : ( $existing ? $existing->post_type : 'post' );
		$status   = isset( $prepared->post_status ) ? (string) $prepared->post_status : ( $existing ? $existing->post_status : 'draft' );
		$title    = isset( $prepared->post_title ) ? (string) $prepared->post_title : ( $existing ? $existing->post_title : '' );
		$content  = isset( $prepared->post_content ) ? (string) $prepared->post_content : ( $existing ? $existing->post_content : '' );
		$refusal  = self::instance()->refusal( $type, $status, $existing instanceof WP_Post ? $existing : null, $title, $content );
		return null === $refusal ? $prepared : $refusal;
	}

	/**
	 * Every other path: stop the request where someone waits for an answer,
	 * otherwise keep the post from becoming public.
	 *
	 * @param array<string, mixed> $data                Slashed post data about to be written.
	 * @param array<string, mixed> $postarr             Sanitised input.
	 * @param array<string, mixed> $unsanitized_postarr Raw input.
	 * @param bool                 $update              Whether an existing post is updated.
	 * @return array<string, mixed>
	 */
	public static function on_insert_post_data( $data, $postarr, $unsanitized_postarr = array(), $update = false ) {
		unset( $unsanitized_postarr );
		$id       = $update && ! empty( $postarr['ID'] ) ? (int) $postarr['ID'] : 0;
		$existing = $id > 0 ? get_post( $id ) : null;
		$refusal  = self::instance()->refusal(
			(string) $data['post_type'],
			(string) $data['post_status'],
			$existing instanceof WP_Post ? $existing : null,
			(string) wp_unslash( $data['post_title'] ),
			(string) wp_unslash( $data['post_content'] )
		);
		if ( null === $refusal ) {
			return $data;
		}
		if ( self::someone_waits() ) {
			$args = array( 'code' => self::ERROR_CODE );
			if ( ! wp_doing_ajax() ) {
				// admin-ajax answers 200 so Quick Edit shows the sentence in its row.
				$args['response'] = 403;
			}
			wp_die( esc_html( $refusal->get_error_message() ), esc_html__( 'Publishing blocked', 'reciprocal-link-guard' ), $args ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped above.
		}
		$public_before = $existing && in_array( $existing->post_status, self::PUBLIC_STATUSES, true );
		if ( $public_before ) {
			// Never unpublish a live post from code: keep it, and say so.
			self::instance()->overrides->log(
				$id,
				array(
					'event'   => 'updated-with-blocking-findings',
					'message' => $refusal->get_error_message(),
				)
			);
			return $data;
		}
		$data['post_status'] = $existing && 'auto-draft' !== $existing->post_status ? $existing->post_status : 'draft';
		self::instance()->overrides->log(
			$id,
			array(
				'event'   => 'blocked',
				'message' => $refusal->get_error_message(),
			)
		);
		/**
		 * Fires when the lock kept a post saved from code from becoming public.
		 *
		 * @param int      $id      Post ID (0 for a new post).
		 * @param WP_Error $refusal The error, with the findings in its data.
		 */
		do_action( 'rlg_publish_blocked', $id, $refusal );
		return $data;
	}

	/**
	 * Null when the post may take this status, otherwise the error that says why.
	 *
	 * @param string       $type     Post type.
	 * @param string       $status   The status being saved.
	 * @param WP_Post|null $existing The post as stored (null for a new post).
	 * @param string       $title    Title being saved (unslashed).
	 * @param string       $content  Content being saved (unslashed).
	 * @return WP_Error|null
	 */
	public function refusal( $type, $status, $existing, $title, $content ) {
		if ( ! in_array( $status, self::PUBLIC_STATUSES, true ) || ! self::is_gated_type( $type ) ) {
			return null;
		}
		$settings = Options::analysis_settings();
		$codes    = (array) $settings['blockingCodes'];
		if ( empty( $settings['blockPublishing'] ) || array() === $codes ) {
			return null;
		}
		$id = $existing ? (int) $existing->ID : 0;
		if ( $existing && in_array( $existing->post_status, self::PUBLIC_STATUSES, true )
			&& $existing->post_title === $title && $existing->post_content === $content ) {
			return null;
		}

		$verdict = $this->verdicts->findings( $id, $title, $content );
		if ( is_wp_error( $verdict ) ) {
			return $this->unchecked( $id, $verdict );
		}
		$blockers = array();
		foreach ( $verdict['findings'] as $finding ) {
			if ( isset( $finding['severity'], $finding['code'] ) && 'critical' === $finding['severity']
				&& in_array( $finding['code'], $codes, true ) && ! $this->overrides->covers( $id, $finding ) ) {
				$blockers[] = $finding;
			}
		}
		if ( array() === $blockers ) {
			return null;
		}
		return new WP_Error(
			self::ERROR_CODE,
			self::blocked_message( $blockers ),
			array(
				'status'   => 403,
				'findings' => array_map( array( __CLASS__, 'summary' ), $blockers ),
			)
		);
	}

	/**
	 * The service could not be asked: publish with a note (default), or hold.
	 *
	 * @param int      $id    Post ID.
	 * @param WP_Error $error Why the service gave no verdict.
	 * @return WP_Error|null
	 */
	private function unchecked( $id, WP_Error $error ) {
		$all = Options::all();
		if ( ! empty( $all['holdWhenUnchecked'] ) ) {
			return new WP_Error(
				self::ERROR_CODE,
				sprintf(
					/* translators: %s: why the link check service gave no answer. */
					__( 'Reciprocal Link Guard holds publishing: the links of this post could not be checked (%s). Try again when the link check service answers.', 'reciprocal-link-guard' ),
					$error->get_error_message()
				),
				array(
					'status'       => 503,
					'serviceError' => $error->get_error_code(),
				)
			);
		}
		$user = wp_get_current_user();
		$this->overrides->log(
			$id,
			array(
				'event'   => 'published-unchecked',
				'userId'  => (int) $user->ID,
				'message' => $error->get_error_message(),
			)
		);
		// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the admin's record of an unchecked publication.
		error_log(
			sprintf(
				'Reciprocal Link Guard: post %d became public without a link check (publishing lock): %s',
				$id,
				$error->get_error_message()
			)
		);
		return null;
	}

	/**
	 * "Reciprocal Link Guard blocks publishing: … (partner.example)."
	 *
	 * @param array<int, array<string, mixed>> $blockers Blocking findings.
	 * @return string
	 */
	private static function blocked_message( array $blockers ) {
		$items = array();
		foreach ( $blockers as $finding ) {
			$label = Settings_Schema::finding_label( (string) $finding['code'] );
			$host  = isset( $finding['linkUrl'] ) ? wp_parse_url( (string) $finding['linkUrl'], PHP_URL_HOST ) : null;
			$item  = is_string( $host ) && '' !== $host ? sprintf(
				/* translators: 1: name of a problem, 2: the partner's host name. */
				__( '%1$s (%2$s)', 'reciprocal-link-guard' ),
				$label,
				$host
			) : $label;
			$items[ $item ] = true;
		}
		return sprintf(
			/* translators: %s: semicolon-separated problems, each with the partner it is about. */
			__( 'Reciprocal Link Guard blocks publishing: fix these critical link problems first: %s. An administrator can publish anyway with a reason in the block editor.', 'reciprocal-link-guard' ),
			implode( '; ', array_keys( $items ) )
		);
	}

	/**
	 * What the error data says about a finding.
	 *
	 * @param array<string, mixed> $finding Finding.
	 * @return array<string, mixed>
	 */
	private static function summary( array $finding ) {
		return array(
			'code'     => (string) $finding['code'],
			'severity' => (string) $finding['severity'],
			'linkUrl'  => isset( $finding['linkUrl'] ) ? $finding['linkUrl'] : null,
			'label'    => Settings_Schema::finding_label( (string) $finding['code'] ),
		);
	}

	/**
	 * Post types the lock applies to: public, viewable ones, not attachments
	 * (filter `rlg_gated_post_types`).
	 *
	 * @param string $type Post type.
	 * @return bool
	 */
	private static function is_gated_type( $type ) {
		if ( 'attachment' === $type || ! post_type_exists( $type ) || ! is_post_type_viewable( $type ) ) {
			$gated = false;
		} else {
			$gated = true;
		}
		/**
		 * Filters whether the publishing lock applies to a post type.
		 *
		 * @param bool   $gated Whether it applies.
		 * @param string $type  Post type.
		 */
		return (bool) apply_filters( 'rlg_gated_post_type', $gated, $type );
	}

	/**
	 * Whether a person waits for this request's answer (a REST client, an
	 * admin-ajax call, an XML-RPC client, WP-CLI, a wp-admin form) rather
	 * than cron or code with nobody to tell.
	 *
	 * @return bool
	 */
	private static function someone_waits() {
		if ( wp_doing_cron() ) {
			return false;
		}
		return ( defined( 'REST_REQUEST' ) && REST_REQUEST )
			|| wp_doing_ajax()
			|| ( defined( 'XMLRPC_REQUEST' ) && XMLRPC_REQUEST )
			|| ( defined( 'WP_CLI' ) && WP_CLI )
			|| is_admin();
	}
}
