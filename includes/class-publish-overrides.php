<?php
/**
 * "Publish anyway": an administrator's override of the publishing lock for
 * one post, kept with the post (who, when, why, which findings), and the
 * post's lock log (overrides, posts published while the service could not
 * be asked).
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

defined( 'ABSPATH' ) || exit;

/**
 * Post meta `_rlg_publish_override` and `_rlg_lock_log`.
 */
final class Publish_Overrides {

	const META_OVERRIDE = '_rlg_publish_override';
	const META_LOG      = '_rlg_lock_log';

	/**
	 * Entries kept in a post's lock log (the oldest go first).
	 */
	const MAX_LOG = 50;

	/**
	 * Records an override of the given findings for a post.
	 *
	 * @param int                     $post_id         Post ID.
	 * @param string                  $reason          The administrator's reason.
	 * @param array<string, string[]> $codes_by_domain Finding codes per partner domain.
	 * @param \WP_User                $user            Who overrode.
	 */
	public function record( $post_id, $reason, array $codes_by_domain, \WP_User $user ) {
		$entries   = $this->overrides( $post_id );
		$entries[] = array(
			'userId'        => (int) $user->ID,
			'user'          => '' !== $user->display_name ? $user->display_name : $user->user_login,
			'reason'        => $reason,
			'time'          => gmdate( 'c' ),
			'codesByDomain' => $codes_by_domain,
		);
		update_post_meta( $post_id, self::META_OVERRIDE, $entries );
		$this->log(
			$post_id,
			array(
				'event'  => 'override',
				'userId' => (int) $user->ID,
				'user'   => '' !== $user->display_name ? $user->display_name : $user->user_login,
				'reason' => $reason,
				'codes'  => array_values( array_unique( array_merge( array(), ...array_values( $codes_by_domain ) ) ) ),
			)
		);
	}

	/**
	 * The overrides recorded for a post.
	 *
	 * @param int $post_id Post ID.
	 * @return array<int, array<string, mixed>>
	 */
	public function overrides( $post_id ) {
		if ( $post_id <= 0 ) {
			return array();
		}
		$stored = get_post_meta( $post_id, self::META_OVERRIDE, true );
		return is_array( $stored ) ? array_values( array_filter( $stored, 'is_array' ) ) : array();
	}

	/**
	 * Whether an override of this post covers a finding: the same code for
	 * the partner its link goes to (or, for a finding about the whole post,
	 * the same code for any partner).
	 *
	 * @param int                  $post_id Post ID.
	 * @param array<string, mixed> $finding Finding from the service.
	 * @return bool
	 */
	public function covers( $post_id, array $finding ) {
		$code  = isset( $finding['code'] ) ? (string) $finding['code'] : '';
		$hosts = self::hosts_of( isset( $finding['linkUrl'] ) ? (string) $finding['linkUrl'] : '' );
		foreach ( $this->overrides( $post_id ) as $override ) {
			$by_domain = isset( $override['codesByDomain'] ) && is_array( $override['codesByDomain'] ) ? $override['codesByDomain'] : array();
			foreach ( $by_domain as $domain => $codes ) {
				if ( ! in_array( $code, (array) $codes, true ) ) {
					continue;
				}
				if ( array() === $hosts || self::host_matches( $hosts, strtolower( (string) $domain ) ) ) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Adds an entry to the post's lock log.
	 *
	 * @param int                  $post_id Post ID.
	 * @param array<string, mixed> $entry   Event fields (`event` first).
	 */
	public function log( $post_id, array $entry ) {
		if ( $post_id <= 0 ) {
			return;
		}
		$log   = $this->log_of( $post_id );
		$log[] = array_merge( array( 'time' => gmdate( 'c' ) ), $entry );
		update_post_meta( $post_id, self::META_LOG, array_slice( $log, -self::MAX_LOG ) );
	}

	/**
	 * The post's lock log, oldest first.
	 *
	 * @param int $post_id Post ID.
	 * @return array<int, array<string, mixed>>
	 */
	public function log_of( $post_id ) {
		$stored = get_post_meta( $post_id, self::META_LOG, true );
		return is_array( $stored ) ? array_values( array_filter( $stored, 'is_array' ) ) : array();
	}

	/**
	 * The host of a link, with and without its port, lower case, without "www.".
	 *
	 * @param string $url Link URL.
	 * @return string[]
	 */
	private static function hosts_of( $url ) {
		$parts = wp_parse_url( $url );
		if ( ! is_array( $parts ) || empty( $parts['host'] ) ) {
			return array();
		}
		$host  = preg_replace( '/^www\./', '', strtolower( $parts['host'] ) );
		$hosts = array( $host );
		if ( isset( $parts['port'] ) ) {
			$hosts[] = $host . ':' . $parts['port'];
		}
		return $hosts;
	}

	/**
	 * Whether a partner domain as the editor names it (registrable domain,
	 * or host:port for local hosts) is the link's host or a parent of it.
	 *
	 * @param string[] $hosts  The link's host forms.
	 * @param string   $domain Partner domain.
	 * @return bool
	 */
	private static function host_matches( array $hosts, $domain ) {
		$domain = preg_replace( '/^www\./', '', $domain );
		foreach ( $hosts as $host ) {
			if ( $host === $domain || substr( $host, -strlen( '.' . $domain ) ) === '.' . $domain ) {
				return true;
			}
		}
		return false;
	}
}
