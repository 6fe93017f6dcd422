<?php
/**
 * WP-CLI commands: `wp rlg scan`, `wp rlg report`, `wp rlg check`, `wp rlg
 * status`. Thin: each one sends the same signed request the plugin's REST
 * routes send, through the same Service_Client, and prints the service's
 * answer. The analysis lives in the service, never here.
 *
 * Loaded only when WP-CLI runs (plugin.php checks the WP_CLI constant).
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

use WP_CLI;
use WP_Error;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

/**
 * Scans, reports and checks reciprocal links through the link check service.
 */
final class Cli_Command {

	/**
	 * Seconds `scan --wait` waits between two status requests.
	 */
	const POLL_SECONDS = 2;

	/**
	 * Partner rows asked for per report page (the service's maximum).
	 */
	const PER_PAGE = 200;

	/**
	 * Makes the signed client when a command runs.
	 *
	 * @var callable(): Service_Client
	 */
	private $client_factory;

	/**
	 * Constructor. WP-CLI makes the command with no argument: the client is
	 * then the configured one, as for the REST routes.
	 *
	 * @param callable|null $client_factory Returns the Service_Client to ask.
	 */
	public function __construct( $client_factory = null ) {
		$this->client_factory = null === $client_factory ? array( Service_Client::class, 'from_options' ) : $client_factory;
	}

	/**
	 * Registers `wp rlg` (called from plugin.php when WP_CLI is defined).
	 */
	public static function register() {
		WP_CLI::add_command( 'rlg', self::class );
	}

	/**
	 * Shows whether the link check service answers and accepts this site, and the last scan.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp rlg status
	 *
	 * @param string[]              $args       Positional arguments (none).
	 * @param array<string, string> $assoc_args Options.
	 */
	public function status( $args, $assoc_args ) {
		$format = $this->format( $assoc_args, array( 'table', 'json' ) );
		$client = $this->client();
		$health = $client->request( 'GET', '/v1/health' );
		$this->fail_on_error( $health );
		// The health route is open to anyone; this one proves the key.
		$this->fail_on_error( $client->request( 'GET', '/v1/site/settings' ) );
		$scan = $client->request( 'GET', '/v1/scan/status' );
		if ( is_wp_error( $scan ) && ! self::is_not_found( $scan ) ) {
			$this->fail_on_error( $scan );
		}
		$last = is_wp_error( $scan ) ? null : $scan['data'];

		$status = array(
			'site'           => Service_Client::site_identity(),
			'service'        => Options::service_url(),
			'serviceVersion' => isset( $health['data']['version'] ) ? (string) $health['data']['version'] : '',
			'pluginVersion'  => RLG_VERSION,
			'lastScan'       => $last,
		);
		if ( 'json' === $format ) {
			WP_CLI::line( (string) wp_json_encode( $status, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES ) );
			return;
		}
		$rows = array(
			array(
				'field' => __( 'Site', 'reciprocal-link-guard' ),
				'value' => $status['site'],
			),
			array(
				'field' => __( 'Service', 'reciprocal-link-guard' ),
				'value' => sprintf(
					/* translators: 1: service URL, 2: service version. */
					__( '%1$s (version %2$s), accepts this site', 'reciprocal-link-guard' ),
					$status['service'],
					$status['serviceVersion']
				),
			),
			array(
				'field' => __( 'Plugin', 'reciprocal-link-guard' ),
				'value' => RLG_VERSION,
			),
			array(
				'field' => __( 'Last scan', 'reciprocal-link-guard' ),
				'value' => null === $last ? __( 'never scanned', 'reciprocal-link-guard' ) : self::scan_line( $last ),
			),
		);
		\WP_CLI\Utils\format_items( 'table', $rows, array( 'field', 'value' ) );
	}

	/**
	 * Scans the site: reads its published posts and checks every partner for a link back.
	 *
	 * ## OPTIONS
	 *
	 * [--full]
	 * : Read every post again, not only those changed since the last scan.
	 *
	 * [--wait]
	 * : Wait until the scan is done and print its result.
	 *
	 * ## EXAMPLES
	 *
	 *     wp rlg scan --wait
	 *
	 * @param string[]              $args       Positional arguments (none).
	 * @param array<string, string> $assoc_args Options.
	 */
	public function scan( $args, $assoc_args ) {
		$client  = $this->client();
		$started = $client->request( 'POST', '/v1/scan', array(), array( 'full' => (bool) \WP_CLI\Utils\get_flag_value( $assoc_args, 'full', false ) ) );
		$this->fail_on_error( $started );
		$scan = $started['data'];
		WP_CLI::log(
			sprintf(
				/* translators: %d: scan number. */
				__( 'Scan %d started.', 'reciprocal-link-guard' ),
				(int) $scan['id']
			)
		);
		if ( ! \WP_CLI\Utils\get_flag_value( $assoc_args, 'wait', false ) ) {
			WP_CLI::success( __( 'The service scans in the background: "wp rlg status" shows how far it is, "wp rlg report" the result.', 'reciprocal-link-guard' ) );
			return;
		}
		while ( in_array( $scan['state'], array( 'queued', 'running' ), true ) ) {
			sleep( self::POLL_SECONDS );
			$status = $client->request( 'GET', '/v1/scan/status' );
			$this->fail_on_error( $status );
			$scan = $status['data'];
		}
		if ( 'done' !== $scan['state'] ) {
			WP_CLI::error( self::scan_line( $scan ) );
		}
		WP_CLI::success( self::scan_line( $scan ) );
	}

	/**
	 * Lists the partners of the last scan: whether they link back, where, and the findings.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : Output format: a table, the service's CSV export, or its JSON report.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - csv
	 *   - json
	 * ---
	 *
	 * [--status=<status>]
	 * : Only partners with this status (links-back, no-link, unreachable …).
	 *
	 * [--finding=<code>]
	 * : Only partners with this finding (boilerplate-backlink …).
	 *
	 * ## EXAMPLES
	 *
	 *     wp rlg report --format=csv > partners.csv
	 *
	 * @param string[]              $args       Positional arguments (none).
	 * @param array<string, string> $assoc_args Options.
	 */
	public function report( $args, $assoc_args ) {
		$format = $this->format( $assoc_args, array( 'table', 'csv', 'json' ) );
		$query  = array_filter(
			array(
				'status'  => (string) \WP_CLI\Utils\get_flag_value( $assoc_args, 'status', '' ),
				'finding' => (string) \WP_CLI\Utils\get_flag_value( $assoc_args, 'finding', '' ),
			),
			'strlen'
		);
		$client = $this->client();
		if ( 'csv' === $format ) {
			$csv = $client->request( 'GET', '/v1/report/export.csv', $query );
			$this->fail_on_error( $csv );
			// The service's own CSV, byte for byte (the report page's export).
			echo $csv['raw']; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
			return;
		}

		// Pages are walked by cursor, not by number: rows that change between
		// two requests can then be neither skipped nor repeated, and a page
		// costs the service the same wherever it lies in a long list. What
		// is kept here is bounded by what the output needs: the JSON
		// document is written a row at a time, the table keeps six short
		// cells per partner (WP-CLI sizes its columns over all of them).
		$per_page = max( 1, min( self::PER_PAGE, (int) apply_filters( 'rlg_cli_report_page_size', self::PER_PAGE ) ) );
		$json     = 'json' === $format ? new Json_Rows_Writer() : null;
		$items    = array();
		$report   = null;
		$after    = null;
		do {
			$params = array_merge( $query, array( 'perPage' => $per_page ) );
			if ( null !== $after ) {
				$params['after'] = $after;
			}
			$answer = $client->request( 'GET', '/v1/report', $params );
			$this->fail_on_error( $answer );
			$partners = $answer['data']['partners'];
			if ( null === $report ) {
				$report = $answer['data'];
				if ( null !== $json ) {
					// The whole table in one document: one page, so no cursor to a next one.
					unset( $report['partners']['nextCursor'] );
					$report['partners']['page']    = 1;
					$report['partners']['perPage'] = (int) $partners['total'];
					$json->open( $report, array( 'partners', 'rows' ) );
				}
			}
			foreach ( $partners['rows'] as $row ) {
				if ( null !== $json ) {
					$json->row( $row );
				} else {
					$items[] = self::table_item( $row );
				}
			}
			$after = isset( $partners['nextCursor'] ) ? $partners['nextCursor'] : null;
		} while ( null !== $after && ! empty( $partners['rows'] ) );

		if ( null !== $json ) {
			$json->close();
			return;
		}
		if ( empty( $items ) ) {
			WP_CLI::log(
				null === $report['lastScan']
					? __( 'No partners yet: the site was never scanned ("wp rlg scan --wait").', 'reciprocal-link-guard' )
					: __( 'No partner matches.', 'reciprocal-link-guard' )
			);
			return;
		}
		\WP_CLI\Utils\format_items( 'table', $items, array( 'domain', 'status', 'where', 'our_links', 'findings', 'last_checked' ) );
	}

	/**
	 * Checks whether pages link back to this site, and where.
	 *
	 * ## OPTIONS
	 *
	 * <url>...
	 * : The partner pages to check (http or https).
	 *
	 * [--keyword=<keyword>]
	 * : A keyword of this post (the site's keywords are always used).
	 *
	 * [--fresh]
	 * : Fetch the pages again instead of reusing a recent result.
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp rlg check https://partner.example/blog/our-review/
	 *
	 * @param string[]              $args       The URLs.
	 * @param array<string, string> $assoc_args Options.
	 */
	public function check( $args, $assoc_args ) {
		$format = $this->format( $assoc_args, array( 'table', 'json' ) );
		if ( empty( $args ) ) {
			WP_CLI::error( __( 'Name at least one URL to check.', 'reciprocal-link-guard' ) );
		}
		foreach ( $args as $url ) {
			if ( ! preg_match( '#^https?://#i', $url ) ) {
				WP_CLI::error(
					sprintf(
						/* translators: %s: what was given. */
						__( '"%s" is not an http(s) URL.', 'reciprocal-link-guard' ),
						$url
					)
				);
			}
		}
		// The body the editor's check route sends: the same sanitising,
		// keywords and alternate site URLs.
		$request = new WP_REST_Request( 'POST', '/' . Rest_Controller::NAMESPACE_V1 . '/check' );
		$request->set_param(
			'links',
			array_map(
				static function ( $url ) {
					return array(
						'url'        => $url,
						'anchorText' => '',
					);
				},
				array_values( $args )
			)
		);
		$keyword = (string) \WP_CLI\Utils\get_flag_value( $assoc_args, 'keyword', '' );
		$request->set_param( 'keywords', '' === $keyword ? array() : array( $keyword ) );
		$request->set_param( 'fresh', (bool) \WP_CLI\Utils\get_flag_value( $assoc_args, 'fresh', false ) );
		$body = Rest_Controller::check_body( $request );
		$this->fail_on_error( $body );

		$answer = $this->client()->request( 'POST', '/v1/check', array(), $body, Partner_Check_Route::TIMEOUT );
		$this->fail_on_error( $answer );
		if ( 'json' === $format ) {
			WP_CLI::line( (string) wp_json_encode( $answer['data'], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) );
			return;
		}
		$items = array();
		foreach ( $answer['data']['results'] as $result ) {
			$first   = isset( $result['links'][0] ) ? $result['links'][0] : null;
			$items[] = array(
				'target' => $result['target'],
				'status' => $result['status'],
				'links'  => self::link_total( $result ),
				'where'  => null === $first ? '-' : $first['placement'] . ( empty( $first['hidden'] ) ? '' : ' (hidden)' ),
				'anchor' => null === $first ? '-' : $first['text'],
				'rel'    => null === $first ? '-' : ( empty( $first['rel'] ) ? 'follow' : implode( ' ', $first['rel'] ) ),
				'detail' => empty( $result['detail'] ) ? '' : $result['detail'],
			);
		}
		\WP_CLI\Utils\format_items( 'table', $items, array( 'target', 'status', 'links', 'where', 'anchor', 'rel', 'detail' ) );
	}

	/**
	 * The signed client.
	 *
	 * @return Service_Client
	 */
	private function client() {
		return call_user_func( $this->client_factory );
	}

	/**
	 * The --format value, refused when it is not one of `allowed`.
	 *
	 * @param array<string, string> $assoc_args Options.
	 * @param string[]              $allowed    Formats, the first the default.
	 * @return string
	 */
	private function format( $assoc_args, array $allowed ) {
		$format = (string) \WP_CLI\Utils\get_flag_value( $assoc_args, 'format', $allowed[0] );
		if ( ! in_array( $format, $allowed, true ) ) {
			WP_CLI::error(
				sprintf(
					/* translators: 1: the value given, 2: the accepted values. */
					__( 'Invalid --format "%1$s": use one of %2$s.', 'reciprocal-link-guard' ),
					$format,
					implode( ', ', $allowed )
				)
			);
		}
		return $format;
	}

	/**
	 * Ends the command with the service's message when `result` is an error.
	 *
	 * @param mixed $result A Service_Client answer or a WP_Error.
	 */
	private function fail_on_error( $result ) {
		if ( $result instanceof WP_Error ) {
			WP_CLI::error( $result->get_error_message() );
		}
	}

	/**
	 * The service's 404: for /v1/scan/status, the site was never scanned.
	 *
	 * @param WP_Error $error Error of a request.
	 * @return bool
	 */
	private static function is_not_found( WP_Error $error ) {
		$data = $error->get_error_data();
		return is_array( $data ) && isset( $data['status'] ) && 404 === (int) $data['status'];
	}

	/**
	 * The cells of one partner in `report`'s table.
	 *
	 * @param array<string, mixed> $row A partner row of the service's report.
	 * @return array<string, mixed>
	 */
	private static function table_item( array $row ) {
		$first = isset( $row['theirLinks'][0] ) ? $row['theirLinks'][0] : null;
		return array(
			'domain'       => $row['domain'],
			'status'       => null === $row['status'] ? '-' : $row['status'],
			'where'        => null === $first ? '-' : ( isset( $first['where'] ) ? $first['where'] : $first['placement'] ),
			'our_links'    => $row['ourLinks'],
			'findings'     => self::finding_list( $row['findings'] ),
			'last_checked' => null === $row['lastChecked'] ? '-' : $row['lastChecked'],
		);
	}

	/**
	 * "Scan 3 done: 12 posts read, 8 partner links checked" (or why it failed).
	 *
	 * @param array<string, mixed> $scan The service's ScanStatus.
	 * @return string
	 */
	private static function scan_line( $scan ) {
		$line = sprintf(
			/* translators: 1: scan number, 2: state (done, failed, running …), 3: posts read, 4: partner links checked. */
			__( 'Scan %1$d %2$s: %3$d posts read, %4$d partner links checked', 'reciprocal-link-guard' ),
			(int) $scan['id'],
			(string) $scan['state'],
			(int) $scan['postsRead'],
			(int) $scan['partnersChecked']
		);
		if ( ! empty( $scan['finishedAt'] ) ) {
			$line .= ' (' . $scan['finishedAt'] . ')';
		}
		if ( ! empty( $scan['error'] ) ) {
			$line .= ': ' . $scan['error'];
		}
		return $line;
	}

	/**
	 * "critical boilerplate-backlink, warning reciprocal-link".
	 *
	 * @param array<int, array<string, mixed>> $findings Findings of a partner row.
	 * @return string
	 */
	private static function finding_list( $findings ) {
		if ( empty( $findings ) ) {
			return '-';
		}
		return implode(
			', ',
			array_map(
				static function ( $finding ) {
					return $finding['severity'] . ' ' . $finding['code'];
				},
				$findings
			)
		);
	}

	/**
	 * How many links to us the checked pages held (all of them, not only the kept ones).
	 *
	 * @param array<string, mixed> $result A BacklinkResult.
	 * @return int
	 */
	private static function link_total( $result ) {
		if ( empty( $result['linkCounts'] ) ) {
			return count( $result['links'] );
		}
		return (int) array_sum( wp_list_pluck( $result['linkCounts'], 'count' ) );
	}
}
