<?php
/**
 * Settings → Reciprocal Link Guard, on the Settings API.
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

defined( 'ABSPATH' ) || exit;

/**
 * The settings page: service connection, keywords, thresholds, blocking.
 */
final class Settings_Page {

	const SLUG  = 'reciprocal-link-guard';
	const GROUP = 'rlg_settings_group';

	/**
	 * Adds the page under Settings.
	 */
	public static function add_page() {
		add_options_page(
			__( 'Reciprocal Link Guard', 'reciprocal-link-guard' ),
			__( 'Reciprocal Link Guard', 'reciprocal-link-guard' ),
			'manage_options',
			self::SLUG,
			array( __CLASS__, 'render' )
		);
	}

	/**
	 * Registers the option, sections and fields.
	 */
	public static function register() {
		register_setting(
			self::GROUP,
			Options::OPTION,
			array(
				'type'              => 'object',
				'sanitize_callback' => array( Options::class, 'sanitize' ),
				'default'           => Options::defaults(),
				'show_in_rest'      => false,
			)
		);

		add_settings_section(
			'rlg_service',
			__( 'Link check service', 'reciprocal-link-guard' ),
			array( __CLASS__, 'render_service_intro' ),
			self::SLUG
		);
		self::field( 'serviceUrl', __( 'Service URL', 'reciprocal-link-guard' ), 'render_service_url', 'rlg_service' );
		self::field( 'siteKey', __( 'Site key', 'reciprocal-link-guard' ), 'render_site_key', 'rlg_service' );
		self::field( 'alternateUrls', __( 'Alternate site URLs', 'reciprocal-link-guard' ), 'render_alternate_urls', 'rlg_service' );
		self::field( 'checkCloaking', __( 'Cloaking check', 'reciprocal-link-guard' ), 'render_check_cloaking', 'rlg_service' );

		add_settings_section(
			'rlg_terms',
			__( 'Keywords and brand', 'reciprocal-link-guard' ),
			array( __CLASS__, 'render_terms_intro' ),
			self::SLUG
		);
		self::field( 'keywords', __( 'Target keywords', 'reciprocal-link-guard' ), 'render_keywords', 'rlg_terms' );
		self::field( 'brandTerms', __( 'Brand terms', 'reciprocal-link-guard' ), 'render_brand_terms', 'rlg_terms' );

		add_settings_section(
			'rlg_thresholds',
			__( 'Thresholds', 'reciprocal-link-guard' ),
			array( __CLASS__, 'render_thresholds_intro' ),
			self::SLUG
		);
		foreach ( array_keys( Settings_Schema::thresholds() ) as $name ) {
			$text = Settings_Schema::threshold_text( $name );
			add_settings_field(
				'rlg-' . $name,
				$text['label'],
				array( __CLASS__, 'render_threshold' ),
				self::SLUG,
				'rlg_thresholds',
				array(
					'name'      => $name,
					'label_for' => 'rlg-' . $name,
				)
			);
		}

		add_settings_section(
			'rlg_publishing',
			__( 'Publishing', 'reciprocal-link-guard' ),
			array( __CLASS__, 'render_publishing_intro' ),
			self::SLUG
		);
		self::field( 'blockPublishing', __( 'Block publishing', 'reciprocal-link-guard' ), 'render_block_publishing', 'rlg_publishing' );
		self::field( 'holdWhenUnchecked', __( 'When the service cannot be reached', 'reciprocal-link-guard' ), 'render_hold_when_unchecked', 'rlg_publishing' );
		add_settings_field(
			'rlg-blockingCodes',
			__( 'Findings that block', 'reciprocal-link-guard' ),
			array( __CLASS__, 'render_blocking_codes' ),
			self::SLUG,
			'rlg_publishing'
		);

		add_settings_section(
			'rlg_digest',
			__( 'E-mail digest', 'reciprocal-link-guard' ),
			array( __CLASS__, 'render_digest_intro' ),
			self::SLUG
		);
		self::field( 'digestFrequency', __( 'Send a digest', 'reciprocal-link-guard' ), 'render_digest_frequency', 'rlg_digest' );
		self::field( 'digestRecipients', __( 'Send the digest to', 'reciprocal-link-guard' ), 'render_digest_recipients', 'rlg_digest' );
	}

	/**
	 * Adds one field whose label points at its input.
	 *
	 * @param string $name     Option key.
	 * @param string $label    Label.
	 * @param string $renderer Method of this class.
	 * @param string $section  Section id.
	 */
	private static function field( $name, $label, $renderer, $section ) {
		add_settings_field(
			'rlg-' . $name,
			$label,
			array( __CLASS__, $renderer ),
			self::SLUG,
			$section,
			array( 'label_for' => 'rlg-' . $name )
		);
	}

	/**
	 * The input name of an option key.
	 *
	 * @param string $name Option key.
	 * @return string
	 */
	private static function input_name( $name ) {
		return Options::OPTION . '[' . $name . ']';
	}

	/**
	 * Escapes a sentence and shows its `backticked` commands as code.
	 *
	 * @param string $text Translated sentence.
	 * @return string Safe HTML.
	 */
	private static function with_code( $text ) {
		return preg_replace( '/`([^`]+)`/', '<code>$1</code>', esc_html( $text ) );
	}

	/**
	 * Renders the page.
	 */
	public static function render() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		?>
		<div class="wrap rlg-settings">
			<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
			<?php self::render_connection_status(); ?>
			<form action="<?php echo esc_url( admin_url( 'options.php' ) ); ?>" method="post" novalidate="novalidate">
				<?php
				settings_fields( self::GROUP );
				do_settings_sections( self::SLUG );
				submit_button();
				?>
			</form>
		</div>
		<?php
	}

	/**
	 * A notice saying whether the service answers, so a wrong URL or key
	 * shows up here and not first in the editor.
	 */
	private static function render_connection_status() {
		if ( ! Options::service_configured() ) {
			printf(
				'<div class="notice notice-warning inline"><p>%s</p></div>',
				esc_html__( 'Not connected: enter the service URL and this site\'s key. Until then the editor shows only the findings it can make without visiting partner sites.', 'reciprocal-link-guard' )
			);
			return;
		}
		// A status line, not a check: a hung service must not hold the page for long.
		$result = Service_Client::from_options()->request( 'GET', '/v1/stats', array(), null, 5 );
		if ( is_wp_error( $result ) ) {
			printf(
				'<div class="notice notice-error inline"><p>%s</p></div>',
				esc_html( $result->get_error_message() )
			);
			return;
		}
		printf(
			'<div class="notice notice-success inline"><p>%s</p></div>',
			esc_html(
				sprintf(
					/* translators: %s: service URL. */
					__( 'Connected to the link check service at %s.', 'reciprocal-link-guard' ),
					Options::service_url()
				)
			)
		);
	}

	/**
	 * Section intro.
	 */
	public static function render_service_intro() {
		printf(
			'<p>%s</p>',
			self::with_code( __( 'The service visits the sites you link to and looks for their links back to you. Start it with `npx rlg serve`, register this site with `npx rlg sites add <URL>`, and enter the key it prints.', 'reciprocal-link-guard' ) ) // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped in with_code().
		);
		printf(
			'<p>%s <code>%s</code></p>',
			esc_html__( 'This site registers as:', 'reciprocal-link-guard' ),
			esc_html( Service_Client::site_identity() )
		);
	}

	/**
	 * Field.
	 */
	public static function render_service_url() {
		$all = Options::all();
		if ( Options::service_url_from_constant() ) {
			printf(
				'<input type="url" id="rlg-serviceUrl" class="regular-text code" value="%s" readonly="readonly" aria-describedby="rlg-serviceUrl-help" /> <p class="description" id="rlg-serviceUrl-help">%s</p>',
				esc_attr( Options::service_url() ),
				esc_html__( 'Set in wp-config.php (RLG_SERVICE_URL).', 'reciprocal-link-guard' )
			);
			return;
		}
		printf(
			'<input type="url" id="rlg-serviceUrl" name="%s" class="regular-text code" value="%s" placeholder="http://127.0.0.1:8787" aria-describedby="rlg-serviceUrl-help" /><p class="description" id="rlg-serviceUrl-help">%s</p>',
			esc_attr( self::input_name( 'serviceUrl' ) ),
			esc_attr( (string) $all['serviceUrl'] ),
			self::with_code( __( 'Where `rlg serve` listens, for example http://127.0.0.1:8787.', 'reciprocal-link-guard' ) ) // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped in with_code().
		);
	}

	/**
	 * Field: never echoes the key itself.
	 */
	public static function render_site_key() {
		if ( Options::site_key_from_constant() ) {
			printf(
				'<input type="text" id="rlg-siteKey" class="regular-text" value="%s" readonly="readonly" aria-describedby="rlg-siteKey-help" /><p class="description" id="rlg-siteKey-help">%s</p>',
				esc_attr__( 'set in wp-config.php', 'reciprocal-link-guard' ),
				esc_html__( 'The key comes from the RLG_SITE_KEY constant in wp-config.php, so it is not stored in the database. Change it there.', 'reciprocal-link-guard' )
			);
			return;
		}
		$all = Options::all();
		$has = '' !== (string) $all['siteKey'];
		printf(
			'<input type="password" id="rlg-siteKey" name="%s" class="regular-text code" value="" autocomplete="off" placeholder="%s" aria-describedby="rlg-siteKey-help" />',
			esc_attr( self::input_name( 'siteKey' ) ),
			esc_attr( $has ? __( 'A key is saved; leave empty to keep it', 'reciprocal-link-guard' ) : '' )
		);
		printf(
			'<p class="description" id="rlg-siteKey-help">%s</p>',
			self::with_code( __( 'The key printed by `rlg sites add`. To keep it out of the database, define `RLG_SITE_KEY` in wp-config.php instead.', 'reciprocal-link-guard' ) ) // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped in with_code().
		);
		if ( $has ) {
			printf(
				'<p><label><input type="checkbox" name="%s" value="1" /> %s</label></p>',
				esc_attr( self::input_name( 'forgetSiteKey' ) ),
				esc_html__( 'Remove the saved key', 'reciprocal-link-guard' )
			);
		}
	}

	/**
	 * Field.
	 */
	public static function render_alternate_urls() {
		$all = Options::all();
		self::textarea(
			'alternateUrls',
			(array) $all['alternateUrls'],
			__( 'Other addresses of this site, one per line (an old domain, the www or http variant). Links to these count as links to you.', 'reciprocal-link-guard' )
		);
	}

	/**
	 * Section intro.
	 */
	public static function render_terms_intro() {
		printf(
			'<p>%s</p>',
			esc_html__( 'Anchors equal to a keyword you want to rank for are "exact-match"; a few are natural, many both ways look like a link scheme. Brand names are safe anchors.', 'reciprocal-link-guard' )
		);
	}

	/**
	 * Field.
	 */
	public static function render_keywords() {
		$all = Options::all();
		self::textarea( 'keywords', (array) $all['keywords'], __( 'One keyword or phrase per line.', 'reciprocal-link-guard' ) );
	}

	/**
	 * Field.
	 */
	public static function render_brand_terms() {
		$all = Options::all();
		self::textarea( 'brandTerms', (array) $all['brandTerms'], __( 'Your brand names and your partners\', one per line.', 'reciprocal-link-guard' ) );
	}

	/**
	 * A one-item-per-line text area.
	 *
	 * @param string   $name        Option key.
	 * @param string[] $lines       Current items.
	 * @param string   $description Help text.
	 */
	private static function textarea( $name, array $lines, $description ) {
		printf(
			'<textarea id="rlg-%1$s" name="%2$s" rows="5" cols="50" class="large-text code" aria-describedby="rlg-%1$s-help">%3$s</textarea><p class="description" id="rlg-%1$s-help">%4$s</p>',
			esc_attr( $name ),
			esc_attr( self::input_name( $name ) ),
			esc_textarea( implode( "\n", $lines ) ),
			esc_html( $description )
		);
	}

	/**
	 * Section intro.
	 */
	public static function render_thresholds_intro() {
		printf(
			'<p>%s</p>',
			esc_html__( 'When a pattern becomes a finding. The defaults suit most sites.', 'reciprocal-link-guard' )
		);
	}

	/**
	 * A number field from the schema.
	 *
	 * @param array{name: string} $args Field arguments.
	 */
	public static function render_threshold( $args ) {
		$name   = $args['name'];
		$fields = Settings_Schema::thresholds();
		$field  = $fields[ $name ];
		$text   = Settings_Schema::threshold_text( $name );
		$all    = Options::all();
		printf(
			'<input type="number" id="rlg-%1$s" name="%2$s" value="%3$s" min="%4$s" %5$s step="%6$s" class="small-text" aria-describedby="rlg-%1$s-help" /><p class="description" id="rlg-%1$s-help">%7$s %8$s</p>',
			esc_attr( $name ),
			esc_attr( self::input_name( $name ) ),
			esc_attr( (string) $all[ $name ] ),
			esc_attr( (string) $field['min'] ),
			null === $field['max'] ? '' : 'max="' . esc_attr( (string) $field['max'] ) . '"',
			esc_attr( (string) $field['step'] ),
			esc_html( $text['description'] ),
			esc_html(
				sprintf(
					/* translators: %s: default value. */
					__( 'Default: %s.', 'reciprocal-link-guard' ),
					(string) $field['default']
				)
			)
		);
	}

	/**
	 * Section intro.
	 */
	public static function render_publishing_intro() {
		printf(
			'<p>%s</p>',
			esc_html__( 'Critical findings can stop a post from being published until they are fixed. Warnings never block.', 'reciprocal-link-guard' )
		);
	}

	/**
	 * Field.
	 */
	public static function render_block_publishing() {
		$all = Options::all();
		printf(
			'<input type="hidden" name="%1$s" value="1" /><label><input type="checkbox" id="rlg-blockPublishing" name="%2$s" value="1" %3$s /> %4$s</label>',
			esc_attr( self::input_name( 'blockingForm' ) ),
			esc_attr( self::input_name( 'blockPublishing' ) ),
			checked( ! empty( $all['blockPublishing'] ), true, false ),
			esc_html__( 'Lock publishing while a post has a critical finding of a kind checked below', 'reciprocal-link-guard' )
		);
	}

	/**
	 * Field: what the publishing lock does without an answer from the service.
	 */
	public static function render_hold_when_unchecked() {
		$all = Options::all();
		printf(
			'<label><input type="checkbox" id="rlg-holdWhenUnchecked" name="%1$s" value="1" %2$s /> %3$s</label><p class="description">%4$s</p>',
			esc_attr( self::input_name( 'holdWhenUnchecked' ) ),
			checked( ! empty( $all['holdWhenUnchecked'] ), true, false ),
			esc_html__( 'Hold publishing until the link check service answers', 'reciprocal-link-guard' ),
			esc_html__( 'The lock is enforced by WordPress itself for every way of publishing (block editor, Quick Edit, REST API, XML-RPC, WP-CLI), with the findings of the link check service. Unticked, a post published while the service cannot be reached goes out unchecked, and its lock log and the PHP error log say so.', 'reciprocal-link-guard' )
		);
	}

	/**
	 * Section intro.
	 */
	public static function render_digest_intro() {
		printf(
			'<p>%s</p>',
			esc_html__( 'An e-mail when a partner removes or moves its link to this site, or a new critical finding appears. Nothing is sent when nothing changed.', 'reciprocal-link-guard' )
		);
	}

	/**
	 * Field: off, daily or weekly.
	 */
	public static function render_digest_frequency() {
		$current = Email_Digest::frequency();
		$labels  = array(
			'off'    => __( 'Off', 'reciprocal-link-guard' ),
			'daily'  => __( 'Daily', 'reciprocal-link-guard' ),
			'weekly' => __( 'Weekly', 'reciprocal-link-guard' ),
		);
		printf( '<select id="rlg-digestFrequency" name="%s">', esc_attr( self::input_name( 'digestFrequency' ) ) );
		foreach ( $labels as $value => $label ) {
			printf( '<option value="%1$s" %2$s>%3$s</option>', esc_attr( $value ), selected( $current, $value, false ), esc_html( $label ) );
		}
		echo '</select>';
	}

	/**
	 * Field: the addresses.
	 */
	public static function render_digest_recipients() {
		$all = Options::all();
		self::textarea(
			'digestRecipients',
			(array) $all['digestRecipients'],
			sprintf(
				/* translators: %s: the site's administration e-mail address. */
				__( 'One e-mail address per line. Empty: the administration e-mail address (%s).', 'reciprocal-link-guard' ),
				(string) get_option( 'admin_email' )
			)
		);
	}

	/**
	 * Field: fetch partner pages a second time as a browser (issue 9).
	 */
	public static function render_check_cloaking() {
		$all = Options::all();
		printf(
			'<input type="hidden" name="%1$s" value="1" /><label><input type="checkbox" id="rlg-checkCloaking" name="%2$s" value="1" %3$s /> %4$s</label><p class="description">%5$s</p>',
			esc_attr( self::input_name( 'cloakingForm' ) ),
			esc_attr( self::input_name( 'checkCloaking' ) ),
			checked( ! empty( $all['checkCloaking'] ), true, false ),
			esc_html__( 'Also fetch each partner page as a web browser and compare the links to this site', 'reciprocal-link-guard' ),
			esc_html__( 'A partner that shows its link to our checker but not to visitors (or the other way round) is reported as cloaking. Doubles the requests to partner sites.', 'reciprocal-link-guard' )
		);
	}

	/**
	 * Checkboxes for the finding codes: the ones that can be critical, then
	 * the ones that never are, disabled, with the reason.
	 */
	public static function render_blocking_codes() {
		$all      = Options::all();
		$selected = (array) $all['blockingCodes'];
		$never    = Settings_Schema::never_critical_codes();
		echo '<fieldset><legend class="screen-reader-text">' . esc_html__( 'Findings that block publishing', 'reciprocal-link-guard' ) . '</legend>';
		foreach ( Settings_Schema::finding_codes() as $code ) {
			if ( in_array( $code, $never, true ) ) {
				continue;
			}
			printf(
				'<label class="rlg-blocking-code"><input type="checkbox" name="%1$s[]" value="%2$s" %3$s /> %4$s <code>%2$s</code></label><br />',
				esc_attr( self::input_name( 'blockingCodes' ) ),
				esc_attr( $code ),
				checked( in_array( $code, $selected, true ), true, false ),
				esc_html( Settings_Schema::finding_label( $code ) )
			);
		}
		printf(
			'<p class="description" id="rlg-never-critical-note">%s</p>',
			esc_html__( 'Never critical, so they never block: these findings are notes or warnings on every page. The sidebar and the report still show them.', 'reciprocal-link-guard' )
		);
		foreach ( $never as $code ) {
			printf(
				'<label class="rlg-blocking-code rlg-blocking-code--never"><input type="checkbox" disabled="disabled" aria-describedby="rlg-never-critical-note" value="%1$s" /> <span class="description">%2$s <code>%1$s</code></span></label><br />',
				esc_attr( $code ),
				esc_html( Settings_Schema::finding_label( $code ) )
			);
		}
		echo '</fieldset>';
	}
}
