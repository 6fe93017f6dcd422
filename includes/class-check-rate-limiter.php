<?php
/**
 * A per-user budget of links sent to the link check service (issue 16):
 * every link a check request carries makes the service fetch and analyse a
 * partner page, so one Contributor in a loop must not keep it busy for every
 * other user and site. A token bucket per WordPress user: a full bucket lets
 * a 1,000-link post be checked twice at once, then the budget refills at 10
 * links a second. Users who manage the settings (administrators) are not
 * limited by default: they can change the limit anyway.
 *
 * Filter `rlg_check_rate_limit` to change it (burst 0: no limit):
 *
 *     add_filter( 'rlg_check_rate_limit', function ( $limit, $user_id ) {
 *         return array( 'burst' => 2000, 'perMinute' => 600 );
 *     }, 10, 2 );
 *
 * The bucket lives in a transient per user (no table, gone when full again).
 * Two requests of one user in parallel PHP workers may both read the same
 * bucket; the overdraft is at most one request per worker, which is fine
 * for a budget whose purpose is to stop a loop, not to count exactly.
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

use WP_Error;
use WP_REST_Response;

defined( 'ABSPATH' ) || exit;

/**
 * Token bucket of check links per WordPress user.
 */
final class Check_Rate_Limiter {

	/**
	 * Links a user may send at once (a full bucket).
	 */
	const DEFAULT_BURST = 2000;

	/**
	 * Links per minute the bucket refills with.
	 */
	const DEFAULT_PER_MINUTE = 600;

	/**
	 * Transient name prefix; the user id follows.
	 */
	const TRANSIENT_PREFIX = 'rlg_check_budget_';

	/**
	 * Returns the current time in seconds (float); injected by tests.
	 *
	 * @var callable(): float
	 */
	private $clock;

	/**
	 * Constructor.
	 *
	 * @param callable|null $clock Current time in seconds; microtime( true ) when null.
	 */
	public function __construct( $clock = null ) {
		$this->clock = null === $clock
			? static function () {
				return microtime( true );
			}
			: $clock;
	}

	/**
	 * The budget of a user, after the `rlg_check_rate_limit` filter.
	 *
	 * @param int $user_id User id.
	 * @return array{burst: int, perMinute: float} burst 0 = no limit.
	 */
	public function limit_for( $user_id ) {
		/**
		 * Filters the per-user budget of links sent to the link check service.
		 *
		 * @param array{burst: int, perMinute: float} $limit   'burst': links at once
		 *                                                     (0 turns the limit off);
		 *                                                     'perMinute': refill rate.
		 * @param int                                 $user_id The user.
		 */
		$limit = apply_filters(
			'rlg_check_rate_limit',
			array(
				'burst'     => user_can( (int) $user_id, 'manage_options' ) ? 0 : self::DEFAULT_BURST,
				'perMinute' => self::DEFAULT_PER_MINUTE,
			),
			(int) $user_id
		);
		$limit = is_array( $limit ) ? $limit : array();
		$burst = isset( $limit['burst'] ) ? max( 0, (int) $limit['burst'] ) : self::DEFAULT_BURST;
		$rate  = isset( $limit['perMinute'] ) ? (float) $limit['perMinute'] : self::DEFAULT_PER_MINUTE;
		return array(
			'burst'     => $burst,
			// A bucket that never refills would lock the user out for good.
			'perMinute' => $rate > 0 ? $rate : self::DEFAULT_PER_MINUTE,
		);
	}

	/**
	 * Takes `cost` links from the user's bucket.
	 *
	 * @param int $user_id User id (0: anonymous, never limited here: the
	 *                     routes refuse anonymous callers first).
	 * @param int $cost    Links in the request.
	 * @return int 0 when the request may go on, else the seconds to wait.
	 */
	public function take( $user_id, $cost ) {
		$user_id = (int) $user_id;
		$limit   = $this->limit_for( $user_id );
		if ( $user_id <= 0 || 0 === $limit['burst'] ) {
			return 0;
		}
		// A request larger than the whole bucket waits for a full bucket.
		$cost       = min( max( 1, (int) $cost ), $limit['burst'] );
		$per_second = $limit['perMinute'] / 60;
		$now        = (float) call_user_func( $this->clock );
		$key        = self::TRANSIENT_PREFIX . $user_id;
		$bucket     = get_transient( $key );
		$tokens     = (float) $limit['burst'];
		if ( is_array( $bucket ) && isset( $bucket['tokens'], $bucket['at'] ) ) {
			$elapsed = max( 0.0, $now - (float) $bucket['at'] );
			$tokens  = min( (float) $limit['burst'], (float) $bucket['tokens'] + $elapsed * $per_second );
		}
		if ( $tokens < $cost ) {
			return max( 1, (int) ceil( ( $cost - $tokens ) / $per_second ) );
		}
		$tokens -= $cost;
		// Kept until it would be full again; a missing bucket is a full one.
		$expires = (int) ceil( ( $limit['burst'] - $tokens ) / $per_second ) + 1;
		set_transient(
			$key,
			array(
				'tokens' => $tokens,
				'at'     => $now,
			),
			$expires
		);
		return 0;
	}

	/**
	 * The 429 answer: a translated message, `data.retryAfter` in seconds for
	 * scripts (apiFetch hands the body, not the headers, to the editor, which
	 * says when it tries again) and the Retry-After header for everyone else.
	 *
	 * @param int $retry_after Seconds to wait.
	 * @return WP_REST_Response
	 */
	public static function refusal( $retry_after ) {
		$retry_after = max( 1, (int) $retry_after );
		$error       = new WP_Error(
			'rlg_rate_limited',
			/* translators: shown when a user's link checks pause for a while; the editor adds when it tries again. */
			esc_html__( 'You have checked many links in a short time. The next link checks have to wait a little.', 'reciprocal-link-guard' ),
			array(
				'status'     => 429,
				'retryAfter' => $retry_after,
			)
		);
		$response = rest_convert_error_to_response( $error );
		$response->header( 'Retry-After', (string) $retry_after );
		return $response;
	}

	/**
	 * Charges the current user for the request's links: null when it may
	 * go on, else the 429 answer to return instead.
	 *
	 * @param int $links Links in the request.
	 * @return WP_REST_Response|null
	 */
	public function charge_current_user( $links ) {
		$wait = $this->take( get_current_user_id(), $links );
		return 0 === $wait ? null : self::refusal( $wait );
	}
}
