<?php
/**
 * The service's verdict on one post (POST /v1/post/findings): the findings
 * the block editor would show for the same content, for the publishing lock
 * on the server.
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Asks the service for a post's findings, once per content and request.
 */
final class Post_Verdicts {

	/**
	 * Seconds the lock waits for the service (filter `rlg_service_timeout`
	 * still applies). Longer than the editor's check: partners not checked
	 * before are fetched now.
	 */
	const TIMEOUT = 20;

	/**
	 * The signed client.
	 *
	 * @var Service_Client
	 */
	private $client;

	/**
	 * Verdicts of this request by content hash: a REST save runs both
	 * `rest_pre_insert_*` and `wp_insert_post_data` over the same post.
	 *
	 * @var array<string, array<string, mixed>|WP_Error>
	 */
	private $cache = array();

	/**
	 * Constructor.
	 *
	 * @param Service_Client $client Signed client of the configured service.
	 */
	public function __construct( Service_Client $client ) {
		$this->client = $client;
	}

	/**
	 * The findings of a post with this title and content.
	 *
	 * @param int    $post_id Post ID (0 for a post not saved yet).
	 * @param string $title   Title (unslashed).
	 * @param string $content Content as stored (block markup, unslashed).
	 * @return array{findings: array<int, array<string, mixed>>, siteFindings: array<int, array<string, mixed>>}|WP_Error
	 */
	public function findings( $post_id, $title, $content ) {
		$key = md5( $post_id . "\n" . $title . "\n" . $content );
		if ( ! isset( $this->cache[ $key ] ) ) {
			$this->cache[ $key ] = $this->ask( $post_id, $title, $content );
		}
		return $this->cache[ $key ];
	}

	/**
	 * One request to the service.
	 *
	 * @param int    $post_id Post ID.
	 * @param string $title   Title.
	 * @param string $content Content.
	 * @return array{findings: array<int, array<string, mixed>>, siteFindings: array<int, array<string, mixed>>}|WP_Error
	 */
	private function ask( $post_id, $title, $content ) {
		$post = array(
			'url'   => $this->base_url( $post_id ),
			'title' => wp_strip_all_tags( $title ),
			// Blocks rendered as the published page shows them: synced
			// patterns expanded where their instances sit, as in the editor.
			'html'  => do_blocks( $content ),
		);
		$keyphrase = $post_id > 0 ? trim( (string) get_post_meta( $post_id, '_yoast_wpseo_focuskw', true ) ) : '';
		if ( '' !== $keyphrase ) {
			$post['focusKeyphrase'] = $keyphrase;
		}
		$body       = array(
			'site'     => Service_Client::site_identity(),
			'post'     => $post,
			'settings' => Options::analysis_settings(),
		);
		$alternates = array_slice( Options::site_urls(), 1, 20 );
		if ( array() !== $alternates ) {
			$body['alternateUrls'] = array_values( $alternates );
		}
		$result = $this->client->request( 'POST', '/v1/post/findings', array(), $body, self::TIMEOUT );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		$data = $result['data'];
		if ( ! is_array( $data ) || ! isset( $data['findings'] ) || ! is_array( $data['findings'] ) ) {
			return new WP_Error(
				'rlg_service_error',
				__( 'The link check service sent no findings for the post.', 'reciprocal-link-guard' ),
				array( 'status' => 502 )
			);
		}
		return array(
			'findings'     => array_values( array_filter( $data['findings'], 'is_array' ) ),
			'siteFindings' => isset( $data['siteFindings'] ) && is_array( $data['siteFindings'] ) ? $data['siteFindings'] : array(),
		);
	}

	/**
	 * Base for relative links: the post's permalink, or the home URL.
	 *
	 * @param int $post_id Post ID.
	 * @return string
	 */
	private function base_url( $post_id ) {
		$url = $post_id > 0 ? get_permalink( $post_id ) : false;
		return is_string( $url ) && preg_match( '#^https?://#i', $url ) ? $url : home_url( '/' );
	}
}
