<?php
/**
 * The e-mail digest (opt-in): daily or weekly, WP-Cron asks the service
 * what changed since the last digest (GET /v1/report/changes?since=) and,
 * only when a partner removed or moved its link or a critical finding
 * appeared, sends the list through wp_mail to the chosen addresses.
 *
 * The service decides what is news; this class keeps only the service's
 * time of the last digest (option rlg_digest_since) and words the e-mail.
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

defined( 'ABSPATH' ) || exit;

/**
 * Schedules, composes and sends the digest.
 */
final class Email_Digest {

	/**
	 * The WP-Cron event.
	 */
	const HOOK = 'rlg_email_digest';

	/**
	 * Option: the service's time up to which changes were reported (ISO 8601).
	 */
	const SINCE_OPTION = 'rlg_digest_since';

	/**
	 * Frequencies of the setting, each a core WP-Cron schedule ('off' none).
	 */
	const FREQUENCIES = array( 'off', 'daily', 'weekly' );

	/**
	 * Makes the signed client when the digest runs.
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
	 * Hooks the cron event and keeps the schedule in step with the settings.
	 */
	public static function register() {
		add_action( self::HOOK, array( new self( array( Service_Client::class, 'from_options' ) ), 'run' ) );
		add_action( 'add_option_' . Options::OPTION, array( __CLASS__, 'schedule' ) );
		add_action( 'update_option_' . Options::OPTION, array( __CLASS__, 'schedule' ) );
	}

	/**
	 * (Re)schedules the event for the stored frequency, or removes it. The
	 * first digest covers changes from the moment the digest was turned on.
	 */
	public static function schedule() {
		$frequency = self::frequency();
		$scheduled = wp_get_schedule( self::HOOK );
		if ( 'off' === $frequency ) {
			wp_clear_scheduled_hook( self::HOOK );
			delete_option( self::SINCE_OPTION );
			return;
		}
		if ( $scheduled === $frequency ) {
			return;
		}
		wp_clear_scheduled_hook( self::HOOK );
		$schedules = wp_get_schedules();
		wp_schedule_event( time() + (int) $schedules[ $frequency ]['interval'], $frequency, self::HOOK );
		if ( false === get_option( self::SINCE_OPTION ) ) {
			update_option( self::SINCE_OPTION, gmdate( 'Y-m-d\TH:i:s\Z' ), false );
		}
	}

	/**
	 * The stored frequency: off, daily or weekly.
	 *
	 * @return string
	 */
	public static function frequency() {
		$all = Options::all();
		return in_array( $all['digestFrequency'], self::FREQUENCIES, true ) ? $all['digestFrequency'] : 'off';
	}

	/**
	 * Where the digest goes: the chosen addresses, else the site's admin e-mail.
	 *
	 * @return string[]
	 */
	public static function recipients() {
		$all = Options::all();
		$to  = array_values( array_filter( (array) $all['digestRecipients'], 'is_email' ) );
		return empty( $to ) ? array( (string) get_option( 'admin_email' ) ) : $to;
	}

	/**
	 * The cron event: asks the service for the changes and mails them.
	 *
	 * @return string What happened: off, unchanged, sent, error (for tests and logs).
	 */
	public function run() {
		if ( 'off' === self::frequency() || ! Options::service_configured() ) {
			return 'off';
		}
		$since  = (string) get_option( self::SINCE_OPTION, '' );
		$since  = '' !== $since ? $since : gmdate( 'Y-m-d\TH:i:s\Z', time() - WEEK_IN_SECONDS );
		$answer = call_user_func( $this->client_factory )->request( 'GET', '/v1/report/changes', array( 'since' => $since ) );
		if ( is_wp_error( $answer ) ) {
			// Kept for the next run: its digest covers this period too.
			error_log( 'Reciprocal Link Guard: no e-mail digest: ' . $answer->get_error_message() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log
			return 'error';
		}
		$changes = $answer['data'];
		$until   = isset( $changes['until'] ) ? (string) $changes['until'] : gmdate( 'Y-m-d\TH:i:s\Z' );
		if ( empty( $changes['alerts'] ) && empty( $changes['criticalFindings'] ) ) {
			update_option( self::SINCE_OPTION, $until, false );
			return 'unchanged';
		}
		$sent = wp_mail( self::recipients(), self::subject( $changes ), self::body( $changes, $since ) );
		if ( ! $sent ) {
			error_log( 'Reciprocal Link Guard: wp_mail could not send the e-mail digest.' ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log
			return 'error';
		}
		update_option( self::SINCE_OPTION, $until, false );
		return 'sent';
	}

	/**
	 * "[De Moestuinier] Reciprocal links: 2 partners changed their link, 1 new critical finding".
	 *
	 * @param array<string, mixed> $changes The service's ReportChanges.
	 * @return string
	 */
	public static function subject( array $changes ) {
		$parts  = array();
		$alerts = count( $changes['alerts'] );
		$found  = count( $changes['criticalFindings'] );
		if ( $alerts > 0 ) {
			/* translators: %d: number of partners. */
			$parts[] = sprintf( _n( '%d partner changed its link', '%d partners changed their links', $alerts, 'reciprocal-link-guard' ), $alerts );
		}
		if ( $found > 0 ) {
			/* translators: %d: number of findings. */
			$parts[] = sprintf( _n( '%d new critical finding', '%d new critical findings', $found, 'reciprocal-link-guard' ), $found );
		}
		return sprintf(
			/* translators: 1: site name, 2: what changed, e.g. "2 partners changed their links, 1 new critical finding". */
			__( '[%1$s] Reciprocal links: %2$s', 'reciprocal-link-guard' ),
			wp_specialchars_decode( (string) get_option( 'blogname' ), ENT_QUOTES ),
			implode( wp_get_list_item_separator(), $parts )
		);
	}

	/**
	 * The plain-text e-mail.
	 *
	 * @param array<string, mixed> $changes The service's ReportChanges.
	 * @param string               $since   Start of the period (ISO 8601).
	 * @return string
	 */
	public static function body( array $changes, $since ) {
		$report = Tools_Page::url();
		$lines  = array(
			sprintf(
				/* translators: 1: site name, 2: date and time. */
				__( 'What changed in the reciprocal links of %1$s since %2$s:', 'reciprocal-link-guard' ),
				wp_specialchars_decode( (string) get_option( 'blogname' ), ENT_QUOTES ),
				wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), (int) strtotime( $since ) )
			),
			'',
		);
		if ( ! empty( $changes['alerts'] ) ) {
			$lines[] = __( 'Partners that changed their link to this site:', 'reciprocal-link-guard' );
			foreach ( $changes['alerts'] as $alert ) {
				$lines[] = '- ' . Dashboard_Widget::alert_sentence( $alert );
				$lines[] = '  ' . add_query_arg( 'partner', rawurlencode( (string) $alert['domain'] ), $report );
			}
			$lines[] = '';
		}
		if ( ! empty( $changes['criticalFindings'] ) ) {
			$lines[] = __( 'New critical findings:', 'reciprocal-link-guard' );
			foreach ( $changes['criticalFindings'] as $entry ) {
				$lines[] = sprintf(
					/* translators: 1: the partner's domain, 2: the finding's title. */
					__( '- %1$s: %2$s', 'reciprocal-link-guard' ),
					$entry['domain'],
					Settings_Schema::finding_label( (string) $entry['finding']['code'] )
				);
			}
			$lines[] = '';
		}
		$lines[] = sprintf(
			/* translators: %s: URL of the report. */
			__( 'The report: %s', 'reciprocal-link-guard' ),
			$report
		);
		$lines[] = '';
		$lines[] = sprintf(
			/* translators: %s: URL of the settings page. */
			__( 'You receive this digest because it is turned on under Settings → Reciprocal Link Guard (%s).', 'reciprocal-link-guard' ),
			Options::settings_url()
		);
		return implode( "\n", $lines ) . "\n";
	}
}
