<?php
/**
 * The plugin's one stored option: reading it with defaults, and validating
 * what the settings form sends.
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

defined( 'ABSPATH' ) || exit;

/**
 * Access to the `rlg_settings` option.
 *
 * Stored shape: serviceUrl, siteKey, alternateUrls[], plus every key of the
 * core Settings object (keywords[], brandTerms[], thresholds, blockingCodes[],
 * blockPublishing). The sanitiser accepts both that shape and the form's
 * (text areas as strings, checkboxes as "1"), and is idempotent on its own
 * output, because WordPress runs it twice when the option is first added.
 */
final class Options {

	const OPTION = 'rlg_settings';

	/**
	 * The stored option merged over the defaults.
	 *
	 * @return array<string, mixed>
	 */
	public static function all() {
		$stored = get_option( self::OPTION, array() );
		if ( ! is_array( $stored ) ) {
			$stored = array();
		}
		return array_merge( self::defaults(), $stored );
	}

	/**
	 * Defaults of the whole option.
	 *
	 * @return array<string, mixed>
	 */
	public static function defaults() {
		return array_merge(
			array(
				'serviceUrl'        => '',
				'siteKey'           => '',
				'alternateUrls'     => array(),
				// The publishing lock when the service cannot be asked:
				// false publishes with a note in the post's lock log.
				'holdWhenUnchecked' => false,
				// The e-mail digest (Email_Digest): off, daily or weekly, and
				// its addresses (none: the site's administration e-mail).
				'digestFrequency'   => 'off',
				'digestRecipients'  => array(),
			),
			Settings_Schema::default_settings()
		);
	}

	/**
	 * The core Settings object (src/core/settings.ts) the editor and the
	 * service understand: no service URL, no key.
	 *
	 * @return array<string, mixed>
	 */
	public static function analysis_settings() {
		$all        = self::all();
		$thresholds = Settings_Schema::thresholds();
		$settings   = array();
		foreach ( Settings_Schema::default_settings() as $name => $default ) {
			$value = isset( $all[ $name ] ) ? $all[ $name ] : $default;
			if ( isset( $thresholds[ $name ] ) ) {
				$value = 'int' === $thresholds[ $name ]['type'] ? (int) $value : (float) $value;
			} elseif ( is_bool( $default ) ) {
				$value = (bool) $value;
			} elseif ( is_array( $default ) ) {
				$value = array_values( (array) $value );
			}
			$settings[ $name ] = $value;
		}
		return $settings;
	}

	/**
	 * Service URL without a trailing slash; the RLG_SERVICE_URL constant wins.
	 *
	 * @return string
	 */
	public static function service_url() {
		if ( defined( 'RLG_SERVICE_URL' ) && is_string( RLG_SERVICE_URL ) && '' !== RLG_SERVICE_URL ) {
			return untrailingslashit( RLG_SERVICE_URL );
		}
		$all = self::all();
		return untrailingslashit( (string) $all['serviceUrl'] );
	}

	/**
	 * Whether the site key comes from wp-config.php (and so is read-only here).
	 *
	 * @return bool
	 */
	public static function site_key_from_constant() {
		return defined( 'RLG_SITE_KEY' ) && is_string( RLG_SITE_KEY ) && '' !== RLG_SITE_KEY;
	}

	/**
	 * Whether the service URL comes from wp-config.php.
	 *
	 * @return bool
	 */
	public static function service_url_from_constant() {
		return defined( 'RLG_SERVICE_URL' ) && is_string( RLG_SERVICE_URL ) && '' !== RLG_SERVICE_URL;
	}

	/**
	 * The site key; the RLG_SITE_KEY constant wins over the stored one.
	 *
	 * @return string
	 */
	public static function site_key() {
		if ( self::site_key_from_constant() ) {
			return RLG_SITE_KEY;
		}
		$all = self::all();
		return (string) $all['siteKey'];
	}

	/**
	 * Whether both the service URL and the key are set.
	 *
	 * @return bool
	 */
	public static function service_configured() {
		return '' !== self::service_url() && '' !== self::site_key();
	}

	/**
	 * Every URL this site is reachable at: the home URL first, then the
	 * configured alternates (old domains, http/https, www variants).
	 *
	 * @return string[]
	 */
	public static function site_urls() {
		$all  = self::all();
		$urls = array( home_url( '/' ) );
		foreach ( (array) $all['alternateUrls'] as $url ) {
			if ( is_string( $url ) && '' !== $url && ! in_array( $url, $urls, true ) ) {
				$urls[] = $url;
			}
		}
		return $urls;
	}

	/**
	 * URL of the settings page.
	 *
	 * @return string
	 */
	public static function settings_url() {
		return admin_url( 'options-general.php?page=' . Settings_Page::SLUG );
	}

	/**
	 * Validates the settings form (or a stored value) field by field. A bad
	 * field keeps its previous value and adds a notice that names it; the
	 * others are saved.
	 *
	 * @param mixed $input Raw input.
	 * @return array<string, mixed>
	 */
	public static function sanitize( $input ) {
		$old   = self::all();
		$input = is_array( $input ) ? wp_unslash( $input ) : array();
		$clean = $old;

		// Service URL.
		if ( array_key_exists( 'serviceUrl', $input ) ) {
			$url = trim( (string) $input['serviceUrl'] );
			if ( '' === $url ) {
				$clean['serviceUrl'] = '';
			} elseif ( self::is_http_url( $url ) ) {
				$clean['serviceUrl'] = untrailingslashit( esc_url_raw( $url, array( 'http', 'https' ) ) );
			} else {
				self::error(
					'serviceUrl',
					sprintf(
						/* translators: %s: the value that was entered. */
						__( 'Service URL: "%s" is not an http:// or https:// address. The previous value was kept.', 'reciprocal-link-guard' ),
						$url
					)
				);
			}
		}

		// Site key: an empty field keeps the saved key (it is never shown again).
		if ( ! empty( $input['forgetSiteKey'] ) ) {
			$clean['siteKey'] = '';
		} elseif ( isset( $input['siteKey'] ) && '' !== trim( (string) $input['siteKey'] ) ) {
			$key = trim( (string) $input['siteKey'] );
			if ( preg_match( '/^[\x21-\x7e]{16,512}$/', $key ) ) {
				$clean['siteKey'] = $key;
			} else {
				self::error(
					'siteKey',
					__( 'Site key: expected the key printed by "rlg sites add" (16 or more visible characters, no spaces). The previous key was kept.', 'reciprocal-link-guard' )
				);
			}
		}

		// Alternate URLs, one per line.
		if ( array_key_exists( 'alternateUrls', $input ) ) {
			$urls = array();
			foreach ( self::lines( $input['alternateUrls'] ) as $line ) {
				if ( self::is_http_url( $line ) ) {
					$urls[] = trailingslashit( esc_url_raw( $line, array( 'http', 'https' ) ) );
				} else {
					self::error(
						'alternateUrls',
						sprintf(
							/* translators: %s: the line that was entered. */
							__( 'Alternate site URLs: "%s" is not an http:// or https:// address and was left out.', 'reciprocal-link-guard' ),
							$line
						)
					);
				}
			}
			$clean['alternateUrls'] = array_values( array_unique( $urls ) );
		}

		// Keywords and brand terms, one per line.
		$list_labels = array(
			'keywords'   => __( 'Target keywords', 'reciprocal-link-guard' ),
			'brandTerms' => __( 'Brand terms', 'reciprocal-link-guard' ),
		);
		foreach ( Settings_Schema::term_lists() as $name => $limits ) {
			if ( ! array_key_exists( $name, $input ) ) {
				continue;
			}
			$terms = array();
			$seen  = array();
			foreach ( self::lines( $input[ $name ] ) as $line ) {
				$term = sanitize_text_field( $line );
				if ( '' === $term ) {
					continue;
				}
				if ( mb_strlen( $term ) > $limits['maxLength'] ) {
					self::error(
						$name,
						sprintf(
							/* translators: 1: field label, 2: maximum number of characters. */
							__( '%1$s: a line longer than %2$d characters was left out.', 'reciprocal-link-guard' ),
							$list_labels[ $name ],
							$limits['maxLength']
						)
					);
					continue;
				}
				$key = function_exists( 'mb_strtolower' ) ? mb_strtolower( $term, 'UTF-8' ) : strtolower( $term );
				if ( isset( $seen[ $key ] ) ) {
					continue;
				}
				$seen[ $key ] = true;
				$terms[]      = $term;
			}
			if ( count( $terms ) > $limits['maxItems'] ) {
				self::error(
					$name,
					sprintf(
						/* translators: 1: field label, 2: maximum number of lines. */
						__( '%1$s: only the first %2$d lines were kept.', 'reciprocal-link-guard' ),
						$list_labels[ $name ],
						$limits['maxItems']
					)
				);
				$terms = array_slice( $terms, 0, $limits['maxItems'] );
			}
			$clean[ $name ] = $terms;
		}

		// Thresholds.
		foreach ( Settings_Schema::thresholds() as $name => $field ) {
			if ( ! array_key_exists( $name, $input ) ) {
				continue;
			}
			$result = self::parse_threshold( $input[ $name ], $field );
			if ( null === $result ) {
				$text = Settings_Schema::threshold_text( $name );
				self::error( $name, self::range_message( $text['label'], $field ) );
				continue;
			}
			$clean[ $name ] = $result;
		}

		// Blocking: a form without the checkbox means "off".
		if ( array_key_exists( 'blockingCodes', $input ) || array_key_exists( 'blockingForm', $input ) ) {
			$codes                  = isset( $input['blockingCodes'] ) ? (array) $input['blockingCodes'] : array();
			// A code that is never critical can never block: not stored.
			$blocking               = array_diff( Settings_Schema::finding_codes(), Settings_Schema::never_critical_codes() );
			$clean['blockingCodes'] = array_values( array_intersect( $blocking, array_map( 'strval', $codes ) ) );
		}
		if ( array_key_exists( 'blockPublishing', $input ) || array_key_exists( 'blockingForm', $input ) ) {
			$clean['blockPublishing'] = ! empty( $input['blockPublishing'] );
		}
		if ( array_key_exists( 'holdWhenUnchecked', $input ) || array_key_exists( 'blockingForm', $input ) ) {
			$clean['holdWhenUnchecked'] = ! empty( $input['holdWhenUnchecked'] );
		}
		// Cloaking comparison (issue 9): a form without the checkbox means "off".
		if ( array_key_exists( 'checkCloaking', $input ) || array_key_exists( 'cloakingForm', $input ) ) {
			$clean['checkCloaking'] = ! empty( $input['checkCloaking'] );
		}
		// E-mail digest.
		if ( array_key_exists( 'digestFrequency', $input ) ) {
			$frequency = (string) $input['digestFrequency'];
			if ( in_array( $frequency, Email_Digest::FREQUENCIES, true ) ) {
				$clean['digestFrequency'] = $frequency;
			} else {
				self::error(
					'digestFrequency',
					sprintf(
						/* translators: %s: the value that was sent. */
						__( 'E-mail digest: "%s" is not off, daily or weekly. The previous value was kept.', 'reciprocal-link-guard' ),
						$frequency
					)
				);
			}
		}
		if ( array_key_exists( 'digestRecipients', $input ) ) {
			$addresses = array();
			foreach ( self::lines( is_array( $input['digestRecipients'] ) ? $input['digestRecipients'] : str_replace( ',', "\n", (string) $input['digestRecipients'] ) ) as $line ) {
				$address = sanitize_email( $line );
				if ( '' !== $address && is_email( $address ) && $address === $line ) {
					$addresses[] = $address;
				} else {
					self::error(
						'digestRecipients',
						sprintf(
							/* translators: %s: the line that was entered. */
							__( 'Send the digest to: "%s" is not an e-mail address and was left out.', 'reciprocal-link-guard' ),
							$line
						)
					);
				}
			}
			$clean['digestRecipients'] = array_values( array_unique( $addresses ) );
		}
		unset( $clean['forgetSiteKey'], $clean['blockingForm'], $clean['cloakingForm'] );
		return $clean;
	}

	/**
	 * Parses a number within the field's range; null if it is not one.
	 *
	 * @param mixed                $value Raw value.
	 * @param array<string, mixed> $field Schema entry.
	 * @return int|float|null
	 */
	private static function parse_threshold( $value, array $field ) {
		if ( is_string( $value ) ) {
			$value = trim( str_replace( ',', '.', $value ) );
		}
		if ( ! is_numeric( $value ) ) {
			return null;
		}
		$number = 0 + $value;
		if ( 'int' === $field['type'] ) {
			if ( (float) (int) $number !== (float) $number ) {
				return null;
			}
			$number = (int) $number;
		} else {
			$number = (float) $number;
		}
		if ( null !== $field['min'] && $number < $field['min'] ) {
			return null;
		}
		if ( null !== $field['max'] && $number > $field['max'] ) {
			return null;
		}
		return $number;
	}

	/**
	 * "Minimum relevance: enter a number from 0 to 1."
	 *
	 * @param string               $label Field label.
	 * @param array<string, mixed> $field Schema entry.
	 * @return string
	 */
	private static function range_message( $label, array $field ) {
		$kind = 'int' === $field['type'] ? __( 'a whole number', 'reciprocal-link-guard' ) : __( 'a number', 'reciprocal-link-guard' );
		if ( null !== $field['max'] ) {
			return sprintf(
				/* translators: 1: field label, 2: "a whole number" or "a number", 3: minimum, 4: maximum. */
				__( '%1$s: enter %2$s from %3$s to %4$s. The previous value was kept.', 'reciprocal-link-guard' ),
				$label,
				$kind,
				self::format_number( $field['min'] ),
				self::format_number( $field['max'] )
			);
		}
		return sprintf(
			/* translators: 1: field label, 2: "a whole number" or "a number", 3: minimum. */
			__( '%1$s: enter %2$s of %3$s or more. The previous value was kept.', 'reciprocal-link-guard' ),
			$label,
			$kind,
			self::format_number( $field['min'] )
		);
	}

	/**
	 * A bound as people write it: "1", "0.5", "2,160" (no "1.00").
	 *
	 * @param int|float $number Number.
	 * @return string
	 */
	private static function format_number( $number ) {
		$fraction = strrchr( (string) $number, '.' );
		return number_format_i18n( $number, false === $fraction ? 0 : strlen( $fraction ) - 1 );
	}

	/**
	 * Non-empty trimmed lines of a text area (or the items of an array).
	 *
	 * @param mixed $value String or array.
	 * @return string[]
	 */
	private static function lines( $value ) {
		$items = is_array( $value ) ? $value : preg_split( '/\r\n|\r|\n/', (string) $value );
		$lines = array();
		foreach ( $items as $item ) {
			if ( ! is_scalar( $item ) ) {
				continue;
			}
			$line = trim( (string) $item );
			if ( '' !== $line ) {
				$lines[] = $line;
			}
		}
		return $lines;
	}

	/**
	 * Absolute http(s) URL with a host.
	 *
	 * @param string $url Candidate.
	 * @return bool
	 */
	private static function is_http_url( $url ) {
		$parts = wp_parse_url( $url );
		return is_array( $parts )
			&& isset( $parts['scheme'], $parts['host'] )
			&& in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true )
			&& '' !== $parts['host']
			&& strlen( $url ) <= 2048;
	}

	/**
	 * Adds a settings error once (WordPress may sanitise twice per save).
	 *
	 * @param string $field   Field name (becomes part of the notice id).
	 * @param string $message Sentence naming the field.
	 */
	private static function error( $field, $message ) {
		if ( ! function_exists( 'add_settings_error' ) ) {
			return;
		}
		foreach ( get_settings_errors( self::OPTION ) as $existing ) {
			if ( $existing['message'] === $message ) {
				return;
			}
		}
		add_settings_error( self::OPTION, 'rlg-' . $field, $message, 'error' );
	}
}
