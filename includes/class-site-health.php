<?php
/**
 * Site Health tests (Tools → Site Health): the link check service answers,
 * accepts this site's key, runs a version this plugin works with, and the
 * site-wide report is recent.
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

defined( 'ABSPATH' ) || exit;

/**
 * Direct Site Health tests, one method each.
 */
final class Site_Health {

	/**
	 * Days after which the last scan counts as old.
	 */
	const SCAN_MAX_AGE_DAYS = 7;

	/**
	 * Makes the signed client when a test runs.
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
	 * Hooks the tests.
	 */
	public static function register() {
		add_filter( 'site_status_tests', array( new self( array( Service_Client::class, 'from_options' ) ), 'add_tests' ) );
	}

	/**
	 * Adds the direct tests.
	 *
	 * @param array<string, mixed> $tests Site Health tests.
	 * @return array<string, mixed>
	 */
	public function add_tests( $tests ) {
		$tests['direct']['rlg_service'] = array(
			'label' => __( 'Reciprocal Link Guard service', 'reciprocal-link-guard' ),
			'test'  => array( $this, 'test_service' ),
		);
		$tests['direct']['rlg_last_scan'] = array(
			'label' => __( 'Reciprocal Link Guard report', 'reciprocal-link-guard' ),
			'test'  => array( $this, 'test_last_scan' ),
		);
		return $tests;
	}

	/**
	 * The service answers, accepts the key and runs a compatible version.
	 *
	 * @return array<string, mixed>
	 */
	public function test_service() {
		if ( ! Options::service_configured() ) {
			return $this->result( 'rlg_service', 'critical', __( 'The link check service is not set up', 'reciprocal-link-guard' ), Service_Client::not_configured_error()->get_error_message() );
		}
		$client = call_user_func( $this->client_factory );
		$health = $client->request( 'GET', '/v1/health', array(), null, 5 );
		if ( is_wp_error( $health ) ) {
			return $this->result( 'rlg_service', 'critical', __( 'The link check service does not answer', 'reciprocal-link-guard' ), $health->get_error_message() );
		}
		$version = is_array( $health['data'] ) && isset( $health['data']['version'] ) ? (string) $health['data']['version'] : '';
		if ( ! self::compatible( $version ) ) {
			return $this->result(
				'rlg_service',
				'recommended',
				__( 'The link check service runs another version', 'reciprocal-link-guard' ),
				sprintf(
					/* translators: 1: the service's version, 2: the plugin's version. */
					__( 'The service runs version %1$s, this plugin is version %2$s. Install the same major and minor version of both.', 'reciprocal-link-guard' ),
					'' !== $version ? $version : '?',
					RLG_VERSION
				)
			);
		}
		$signed = $client->request( 'GET', '/v1/site/settings', array(), null, 5 );
		if ( is_wp_error( $signed ) ) {
			return $this->result( 'rlg_service', 'critical', __( 'The link check service refuses this site', 'reciprocal-link-guard' ), $signed->get_error_message() );
		}
		return $this->result(
			'rlg_service',
			'good',
			__( 'The link check service answers and accepts this site', 'reciprocal-link-guard' ),
			sprintf(
				/* translators: 1: service URL, 2: its version. */
				__( 'The service at %1$s (version %2$s) accepts this site\'s key.', 'reciprocal-link-guard' ),
				Options::service_url(),
				$version
			)
		);
	}

	/**
	 * The last finished scan is recent (scheduled re-scans keep it so).
	 *
	 * @return array<string, mixed>
	 */
	public function test_last_scan() {
		if ( ! Options::service_configured() ) {
			return $this->result( 'rlg_last_scan', 'recommended', __( 'No link report yet', 'reciprocal-link-guard' ), Service_Client::not_configured_error()->get_error_message() );
		}
		$status = call_user_func( $this->client_factory )->request( 'GET', '/v1/scan/status', array(), null, 5 );
		if ( is_wp_error( $status ) ) {
			$data = $status->get_error_data();
			if ( is_array( $data ) && isset( $data['status'] ) && 404 === (int) $data['status'] ) {
				return $this->result( 'rlg_last_scan', 'recommended', __( 'The site was never scanned for reciprocal links', 'reciprocal-link-guard' ), __( 'Press "Scan now" under Tools → Reciprocal links, and run the service with --scan-every to re-scan on a schedule.', 'reciprocal-link-guard' ) );
			}
			return $this->result( 'rlg_last_scan', 'recommended', __( 'The age of the link report is unknown', 'reciprocal-link-guard' ), $status->get_error_message() );
		}
		$finished = is_array( $status['data'] ) && ! empty( $status['data']['finishedAt'] ) ? strtotime( (string) $status['data']['finishedAt'] ) : false;
		if ( false === $finished ) {
			return $this->result( 'rlg_last_scan', 'recommended', __( 'No scan has finished yet', 'reciprocal-link-guard' ), __( 'A scan is running or was interrupted; the report fills in when one finishes.', 'reciprocal-link-guard' ) );
		}
		$days = (int) floor( ( time() - $finished ) / DAY_IN_SECONDS );
		if ( $days > self::SCAN_MAX_AGE_DAYS ) {
			return $this->result(
				'rlg_last_scan',
				'recommended',
				__( 'The link report is old: scheduled re-scans may not be running', 'reciprocal-link-guard' ),
				sprintf(
					/* translators: %d: days since the last scan. */
					_n( 'The last scan finished %d day ago. Run the service with --scan-every (hours) to re-scan on a schedule, or press "Scan now".', 'The last scan finished %d days ago. Run the service with --scan-every (hours) to re-scan on a schedule, or press "Scan now".', $days, 'reciprocal-link-guard' ),
					$days
				)
			);
		}
		return $this->result(
			'rlg_last_scan',
			'good',
			__( 'The link report is recent', 'reciprocal-link-guard' ),
			sprintf(
				/* translators: %s: date of the last scan. */
				__( 'The last scan finished on %s.', 'reciprocal-link-guard' ),
				date_i18n( get_option( 'date_format' ), $finished )
			)
		);
	}

	/**
	 * Same major and minor version as the plugin.
	 *
	 * @param string $version Service version.
	 * @return bool
	 */
	public static function compatible( $version ) {
		$ours   = explode( '.', RLG_VERSION );
		$theirs = explode( '.', $version );
		return count( $theirs ) >= 2 && $ours[0] === $theirs[0] && $ours[1] === $theirs[1];
	}

	/**
	 * A Site Health result.
	 *
	 * @param string $test        Test id.
	 * @param string $status      good|recommended|critical.
	 * @param string $label       Headline.
	 * @param string $description Sentence.
	 * @return array<string, mixed>
	 */
	private function result( $test, $status, $label, $description ) {
		return array(
			'label'       => $label,
			'status'      => $status,
			'badge'       => array(
				'label' => __( 'Reciprocal links', 'reciprocal-link-guard' ),
				'color' => 'good' === $status ? 'blue' : ( 'critical' === $status ? 'red' : 'orange' ),
			),
			'description' => '<p>' . esc_html( $description ) . '</p>',
			'actions'     => sprintf( '<p><a href="%s">%s</a></p>', esc_url( Options::settings_url() ), esc_html__( 'Service settings', 'reciprocal-link-guard' ) ),
			'test'        => $test,
		);
	}
}
