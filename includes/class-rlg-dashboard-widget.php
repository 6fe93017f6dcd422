<?php
/**
 * Dashboard widget "Reciprocal links": the report's alerts (partners that
 * stopped linking back or moved their link into a footer or sidebar) and
 * its headline counts, with a way into the full report.
 *
 * Rendered on the server from the service's /v1/report (one row of the
 * table is enough: the summary and alerts are site-wide). The answer is
 * kept for a few minutes so the dashboard does not wait on the service at
 * every visit; a failure is kept for a minute, so a service that is down
 * slows one dashboard load, not every one.
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * The dashboard widget.
 */
final class Dashboard_Widget {

	const ID = 'rlg_dashboard_widget';

	/**
	 * Transient holding the last answer (or error) of the service.
	 */
	const CACHE_KEY = 'rlg_dashboard_report';

	/**
	 * Seconds a report is reused.
	 */
	const CACHE_TTL = 300;

	/**
	 * Seconds an error is reused.
	 */
	const ERROR_TTL = 60;

	/**
	 * Seconds the dashboard waits for the service (shorter than the editor's).
	 */
	const TIMEOUT = 5;

	/**
	 * Alerts listed before "and N more".
	 */
	const MAX_ALERTS = 5;

	/**
	 * Hooks the widget. Called once from plugin.php.
	 */
	public static function boot() {
		add_action( 'wp_dashboard_setup', array( __CLASS__, 'add' ) );
		add_filter( 'rest_post_dispatch', array( __CLASS__, 'follow_rest' ), 10, 3 );
	}

	/**
	 * Keeps the cached report current without asking the service again: the
	 * report page's own answers carry the site-wide summary and alerts (the
	 * table's filters do not change them), and starting a scan makes the
	 * cached numbers stale.
	 *
	 * @param mixed            $response Result of the REST request.
	 * @param mixed            $server   REST server.
	 * @param \WP_REST_Request $request  Request.
	 * @return mixed The response, unchanged.
	 */
	public static function follow_rest( $response, $server, $request ) {
		if ( ! ( $request instanceof \WP_REST_Request ) || ! ( $response instanceof \WP_REST_Response ) ) {
			return $response;
		}
		$route = $request->get_route();
		$base  = '/' . Rest_Controller::NAMESPACE_V1 . '/';
		if ( $base . 'scan' === $route && 'POST' === $request->get_method() ) {
			self::flush();
		} elseif ( $base . 'report' === $route && 200 === $response->get_status() ) {
			$data = $response->get_data();
			if ( is_array( $data ) && isset( $data['summary'] ) && is_array( $data['summary'] ) ) {
				set_transient(
					self::CACHE_KEY,
					array(
						'report' => array(
							'summary' => $data['summary'],
							'alerts'  => isset( $data['alerts'] ) ? $data['alerts'] : array(),
						),
					),
					self::CACHE_TTL
				);
			}
		}
		return $response;
	}

	/**
	 * Adds the widget for administrators (the report is theirs).
	 */
	public static function add() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		wp_add_dashboard_widget(
			self::ID,
			__( 'Reciprocal links', 'reciprocal-link-guard' ),
			array( __CLASS__, 'render' )
		);
	}

	/**
	 * The report's summary and alerts, from the cache or the service.
	 *
	 * @return array<string, mixed>|WP_Error
	 */
	public static function report() {
		$cached = get_transient( self::CACHE_KEY );
		if ( is_array( $cached ) && isset( $cached['report'] ) ) {
			return $cached['report'];
		}
		if ( is_array( $cached ) && isset( $cached['error'] ) ) {
			return new WP_Error( $cached['error']['code'], $cached['error']['message'] );
		}

		$short  = static function ( $timeout, $path ) {
			return '/v1/report' === $path ? min( (int) $timeout, self::TIMEOUT ) : $timeout;
		};
		add_filter( 'rlg_service_timeout', $short, 10, 2 );
		$result = Service_Client::from_options()->request( 'GET', '/v1/report', array( 'perPage' => 1 ) );
		remove_filter( 'rlg_service_timeout', $short, 10 );

		if ( is_wp_error( $result ) ) {
			set_transient(
				self::CACHE_KEY,
				array(
					'error' => array(
						'code'    => $result->get_error_code(),
						'message' => $result->get_error_message(),
					),
				),
				self::ERROR_TTL
			);
			return $result;
		}
		$report = $result['data'];
		if ( ! is_array( $report ) || ! isset( $report['summary'] ) || ! is_array( $report['summary'] ) ) {
			return new WP_Error(
				'rlg_service_error',
				__( 'The link check service sent a report this version of the plugin does not understand.', 'reciprocal-link-guard' )
			);
		}
		$report = array(
			'summary' => $report['summary'],
			'alerts'  => isset( $report['alerts'] ) ? $report['alerts'] : array(),
		);
		set_transient( self::CACHE_KEY, array( 'report' => $report ), self::CACHE_TTL );
		return $report;
	}

	/**
	 * Forgets the cached report (after a scan, or to see a change at once).
	 */
	public static function flush() {
		delete_transient( self::CACHE_KEY );
	}

	/**
	 * The sentence for one alert.
	 *
	 * @param array<string, mixed> $alert Alert from the report.
	 * @return string
	 */
	public static function alert_sentence( array $alert ) {
		$domain = isset( $alert['domain'] ) ? (string) $alert['domain'] : '';
		$kind   = isset( $alert['kind'] ) ? (string) $alert['kind'] : '';
		if ( 'stopped-linking' === $kind ) {
			/* translators: %s: the partner's domain. */
			return sprintf( __( '%s used to link back to this site and no longer does.', 'reciprocal-link-guard' ), $domain );
		}
		// The same words as the report page (src/editor/messages.ts placementLabel).
		$placements = array(
			'header'      => __( 'in the header', 'reciprocal-link-guard' ),
			'navigation'  => __( 'in the navigation', 'reciprocal-link-guard' ),
			'sidebar'     => __( 'in the sidebar', 'reciprocal-link-guard' ),
			'footer'      => __( 'in the footer', 'reciprocal-link-guard' ),
			'comments'    => __( 'in the comments', 'reciprocal-link-guard' ),
			'author-box'  => __( 'in the author box', 'reciprocal-link-guard' ),
			'related'     => __( 'in related or promoted teasers', 'reciprocal-link-guard' ),
			'tags'        => __( 'in the tags, categories or byline', 'reciprocal-link-guard' ),
			'breadcrumbs' => __( 'in the breadcrumbs', 'reciprocal-link-guard' ),
			'share'       => __( 'in the share buttons', 'reciprocal-link-guard' ),
		);
		$placement  = isset( $alert['params']['placement'] ) ? (string) $alert['params']['placement'] : '';
		if ( isset( $placements[ $placement ] ) ) {
			/* translators: 1: the partner's domain, 2: where on their page, e.g. "in the footer". */
			return sprintf( __( '%1$s moved its link to this site; it is now %2$s.', 'reciprocal-link-guard' ), $domain, $placements[ $placement ] );
		}
		/* translators: %s: the partner's domain. */
		return sprintf( __( '%s moved its link to this site out of the content, into a site-wide spot.', 'reciprocal-link-guard' ), $domain );
	}

	/**
	 * Critical and warning findings summed over all rules.
	 *
	 * @param array<string, mixed> $summary Report summary.
	 * @return array{critical: int, warning: int}
	 */
	public static function finding_totals( array $summary ) {
		$totals = array(
			'critical' => 0,
			'warning'  => 0,
		);
		foreach ( isset( $summary['findings'] ) ? (array) $summary['findings'] : array() as $row ) {
			$severity = isset( $row['severity'] ) ? (string) $row['severity'] : '';
			if ( isset( $totals[ $severity ] ) ) {
				$totals[ $severity ] += isset( $row['count'] ) ? (int) $row['count'] : 0;
			}
		}
		return $totals;
	}

	/**
	 * Prints the widget.
	 */
	public static function render() {
		$report_url = Tools_Page::url();
		$report     = self::report();

		if ( is_wp_error( $report ) ) {
			echo '<div class="rlg-widget rlg-widget--error">';
			printf(
				'<p><strong>%s</strong></p><p>%s</p>',
				esc_html__( 'The link check service could not be reached, so there is no report.', 'reciprocal-link-guard' ),
				esc_html( $report->get_error_message() )
			);
			printf(
				'<p><a href="%s">%s</a> | <a href="%s">%s</a></p>',
				esc_url( Options::settings_url() ),
				esc_html__( 'Service settings', 'reciprocal-link-guard' ),
				esc_url( $report_url ),
				esc_html__( 'Open the report', 'reciprocal-link-guard' )
			);
			echo '</div>';
			return;
		}

		$summary = $report['summary'];
		$alerts  = isset( $report['alerts'] ) && is_array( $report['alerts'] ) ? $report['alerts'] : array();
		$totals  = self::finding_totals( $summary );
		$share   = isset( $summary['reciprocalShare'] ) ? (float) $summary['reciprocalShare'] : 0.0;

		echo '<div class="rlg-widget">';
		self::print_styles();

		// Most severe first: critical findings, then partners that changed
		// their links, then the all-clear (green only when nothing is critical).
		if ( $totals['critical'] > 0 ) {
			printf(
				'<p class="rlg-widget__critical"><a href="%s">%s</a></p>',
				esc_url( $report_url ),
				esc_html(
					sprintf(
						/* translators: %d: number of critical findings. */
						_n( '%d critical finding on links to partners: see the report.', '%d critical findings on links to partners: see the report.', $totals['critical'], 'reciprocal-link-guard' ),
						$totals['critical']
					)
				)
			);
		}

		if ( $alerts ) {
			printf(
				'<h3 class="rlg-widget__heading">%s</h3><ul class="rlg-widget__alerts">',
				esc_html(
					sprintf(
						/* translators: %d: number of alerts. */
						_n( '%d partner changed its link to this site', '%d partners changed their links to this site', count( $alerts ), 'reciprocal-link-guard' ),
						count( $alerts )
					)
				)
			);
			foreach ( array_slice( $alerts, 0, self::MAX_ALERTS ) as $alert ) {
				$domain = isset( $alert['domain'] ) ? (string) $alert['domain'] : '';
				$since  = isset( $alert['since'] ) ? strtotime( (string) $alert['since'] ) : false;
				printf(
					'<li><a href="%s">%s</a>%s</li>',
					esc_url( add_query_arg( 'partner', rawurlencode( $domain ), $report_url ) ),
					esc_html( self::alert_sentence( $alert ) ),
					$since ? ' <span class="rlg-widget__since">' . esc_html( date_i18n( get_option( 'date_format' ), $since ) ) . '</span>' : ''
				);
			}
			echo '</ul>';
			if ( count( $alerts ) > self::MAX_ALERTS ) {
				printf(
					'<p>%s</p>',
					esc_html(
						sprintf(
							/* translators: %d: number of further alerts. */
							__( 'And %d more in the report.', 'reciprocal-link-guard' ),
							count( $alerts ) - self::MAX_ALERTS
						)
					)
				);
			}
		} else {
			printf(
				'<p class="%s">%s</p>',
				$totals['critical'] > 0 ? 'rlg-widget__quiet' : 'rlg-widget__ok',
				esc_html__( 'No partner stopped linking back or moved its link.', 'reciprocal-link-guard' )
			);
		}

		$counts = array(
			array( $totals['critical'], __( 'critical findings', 'reciprocal-link-guard' ) ),
			array( $totals['warning'], __( 'warnings', 'reciprocal-link-guard' ) ),
			array( (int) $summary['partnerDomains'], __( 'partner domains', 'reciprocal-link-guard' ) ),
			array( (int) $summary['linkingBack'], __( 'link back', 'reciprocal-link-guard' ) ),
			array( round( $share * 100 ) . '%', __( 'reciprocal', 'reciprocal-link-guard' ) ),
			array( (int) $summary['newPartners30'], __( 'new in 30 days', 'reciprocal-link-guard' ) ),
		);
		echo '<ul class="rlg-widget__counts">';
		foreach ( $counts as $count ) {
			printf(
				'<li><span class="rlg-widget__number">%s</span> <span class="rlg-widget__label">%s</span></li>',
				esc_html( (string) $count[0] ),
				esc_html( $count[1] )
			);
		}
		echo '</ul>';

		printf(
			'<p class="rlg-widget__footer"><a class="button" href="%s">%s</a></p>',
			esc_url( $report_url ),
			esc_html__( 'View the report', 'reciprocal-link-guard' )
		);
		echo '</div>';
	}

	/**
	 * A few lines of CSS, printed once with the widget (the dashboard loads no stylesheet of ours).
	 */
	private static function print_styles() {
		?>
		<style>
			.rlg-widget__heading { margin: 0 0 .5em !important; color: #996800; }
			.rlg-widget__alerts { margin: 0 0 1em; }
			.rlg-widget__alerts li { margin: 0 0 .4em; }
			.rlg-widget__since { color: #646970; }
			.rlg-widget__ok { color: #007017; }
			.rlg-widget__quiet { color: #646970; }
			.rlg-widget__critical { margin: 0 0 .75em; padding: 6px 8px; border-left: 4px solid #d63638; background: #fcf0f1; font-weight: 600; }
			.rlg-widget__critical a { color: #8a2424; }
			.rlg-widget__counts { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; margin: 0 0 1em; }
			.rlg-widget__counts li { margin: 0; padding: 6px 8px; background: #f6f7f7; border: 1px solid #dcdcde; }
			.rlg-widget__number { display: block; font-size: 18px; font-weight: 600; }
			.rlg-widget__label { color: #646970; font-size: 12px; }
			.rlg-widget__footer { margin: 0; }
		</style>
		<?php
	}
}
