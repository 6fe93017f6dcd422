<?php
/**
 * Tools → Reciprocal links: the site-wide report. The page is a mount
 * point; build/assets/admin.js renders the report into it.
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

defined( 'ABSPATH' ) || exit;

/**
 * The report page under Tools.
 */
final class Tools_Page {

	const SLUG = 'reciprocal-link-guard-report';

	/**
	 * Hook suffix of the page, set when it is added.
	 *
	 * @var string|false
	 */
	private static $hook = false;

	/**
	 * Adds the page and enqueues the report script on it only.
	 */
	public static function add_page() {
		self::$hook = add_management_page(
			__( 'Reciprocal links', 'reciprocal-link-guard' ),
			__( 'Reciprocal links', 'reciprocal-link-guard' ),
			'manage_options',
			self::SLUG,
			array( __CLASS__, 'render' )
		);
		if ( self::$hook ) {
			add_action( 'load-' . self::$hook, array( __CLASS__, 'on_load' ) );
		}
	}

	/**
	 * Runs only when the report page is being loaded.
	 */
	public static function on_load() {
		add_action( 'admin_enqueue_scripts', array( Assets::class, 'enqueue_admin' ) );
	}

	/**
	 * URL of the page.
	 *
	 * @return string
	 */
	public static function url() {
		return admin_url( 'tools.php?page=' . self::SLUG );
	}

	/**
	 * Renders the mount point (and a message for browsers without JavaScript).
	 */
	public static function render() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		?>
		<div class="wrap">
			<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
			<div id="rlg-report-root">
				<noscript><p><?php esc_html_e( 'The report needs JavaScript.', 'reciprocal-link-guard' ); ?></p></noscript>
			</div>
		</div>
		<?php
	}
}
