<?php
/**
 * The rule thresholds and finding codes, in one place on the PHP side.
 *
 * This mirrors src/core/settings.ts (SettingsSchema / DEFAULT_SETTINGS) and
 * src/core/findings.ts (FINDING_CODES): same names, same ranges, same
 * defaults. tests/php/settings-schema.test.ts dumps this class as JSON and
 * compares it with the TypeScript contract, so the two cannot drift apart.
 * The data methods use no WordPress functions for that reason.
 *
 * @package ReciprocalLinkGuard
 */

namespace ReciprocalLinkGuard;

defined( 'ABSPATH' ) || exit;

/**
 * Static description of every setting the analysis uses.
 */
final class Settings_Schema {

	/**
	 * Numeric thresholds: type (int|float), inclusive min and max (null = no
	 * bound), default, and the step the settings form offers.
	 *
	 * @return array<string, array{type: string, min: int|float|null, max: int|float|null, default: int|float, step: int|float}>
	 */
	public static function thresholds() {
		return array(
			'maxReciprocalPartners'      => array(
				'type'    => 'int',
				'min'     => 0,
				'max'     => null,
				'default' => 10,
				'step'    => 1,
			),
			'maxReciprocalShare'         => array(
				'type'    => 'float',
				'min'     => 0,
				'max'     => 1,
				'default' => 0.25,
				'step'    => 0.01,
			),
			'minPartnersForShare'        => array(
				'type'    => 'int',
				'min'     => 0,
				'max'     => null,
				'default' => 3,
				'step'    => 1,
			),
			'velocityWindowDays'         => array(
				'type'    => 'int',
				'min'     => 1,
				'max'     => 365,
				'default' => 30,
				'step'    => 1,
			),
			'maxNewPartnersInWindow'     => array(
				'type'    => 'int',
				'min'     => 0,
				'max'     => null,
				'default' => 3,
				'step'    => 1,
			),
			'maxOutboundDomainsPerBlock' => array(
				'type'    => 'int',
				'min'     => 0,
				'max'     => null,
				'default' => 5,
				'step'    => 1,
			),
			'maxOutboundDomainsPerPost'  => array(
				'type'    => 'int',
				'min'     => 0,
				'max'     => null,
				'default' => 20,
				'step'    => 1,
			),
			'minRelevance'               => array(
				'type'    => 'float',
				'min'     => 0,
				'max'     => 1,
				'default' => 0.08,
				'step'    => 0.01,
			),
			'partialMatchShare'          => array(
				'type'    => 'float',
				'min'     => 0,
				'max'     => 1,
				'default' => 0.5,
				'step'    => 0.05,
			),
			'minLinksInLinkList'         => array(
				'type'    => 'int',
				'min'     => 1,
				'max'     => null,
				'default' => 3,
				'step'    => 1,
			),
			'checkTtlHours'              => array(
				'type'    => 'float',
				'min'     => 0,
				'max'     => 2160,
				'default' => 24.0,
				'step'    => 0.5,
			),
			'removalConfirmChecks'       => array(
				'type'    => 'int',
				'min'     => 1,
				'max'     => 100,
				'default' => 2,
				'step'    => 1,
			),
			'removalConfirmHours'        => array(
				'type'    => 'float',
				'min'     => 0,
				'max'     => 2160,
				'default' => 24.0,
				'step'    => 0.5,
			),
		);
	}

	/**
	 * Limits of the free-text lists (keywords, brand terms), as in settings.ts.
	 *
	 * @return array<string, array{maxItems: int, maxLength: int}>
	 */
	public static function term_lists() {
		return array(
			'keywords'   => array(
				'maxItems'  => 500,
				'maxLength' => 200,
			),
			'brandTerms' => array(
				'maxItems'  => 200,
				'maxLength' => 200,
			),
		);
	}

	/**
	 * Every finding code of src/core/findings.ts, in the same order.
	 *
	 * @return string[]
	 */
	public static function finding_codes() {
		return array(
			'reciprocal-link',
			'exact-match-anchor-ours',
			'exact-match-anchor-theirs',
			'exact-match-anchor-both',
			'identical-anchors',
			'generic-anchor',
			'footer-placement-ours',
			'boilerplate-backlink',
			'author-bio-backlink',
			'comment-backlink',
			'homepage-swap',
			'too-many-partners',
			'exchange-velocity',
			'many-outbound-domains-block',
			'many-outbound-domains-post',
			'off-topic-partner',
			'hidden-link-ours',
			'hidden-link-theirs',
			'followed-both-ways',
			'backlink-not-indexable',
			'cloaked-backlink',
			'link-ring',
			'partner-network',
			'shared-footprint',
			'link-context',
			'weak-destination',
		);
	}

	/**
	 * Codes no rule ever reports as critical (NEVER_CRITICAL_CODES in
	 * src/core/findings.ts): they cannot block publishing.
	 *
	 * @return string[]
	 */
	public static function never_critical_codes() {
		return array(
			'reciprocal-link',
			'exact-match-anchor-ours',
			'generic-anchor',
			'followed-both-ways',
			'hidden-link-theirs',
			'backlink-not-indexable',
			'cloaked-backlink',
			'link-ring',
			'partner-network',
			'shared-footprint',
			'link-context',
			'weak-destination',
		);
	}

	/**
	 * The analysis settings with their defaults: the same object as
	 * DEFAULT_SETTINGS in src/core/settings.ts.
	 *
	 * @return array<string, mixed>
	 */
	public static function default_settings() {
		$settings = array(
			'keywords'   => array(),
			'brandTerms' => array(),
		);
		foreach ( self::thresholds() as $name => $field ) {
			$settings[ $name ] = $field['default'];
		}
		$settings['blockingCodes']   = array();
		$settings['blockPublishing'] = false;
		$settings['checkCloaking']   = false;
		return $settings;
	}

	/**
	 * Label and help text of a threshold, for the settings form and notices.
	 *
	 * @param string $name Threshold name.
	 * @return array{label: string, description: string}
	 */
	public static function threshold_text( $name ) {
		switch ( $name ) {
			case 'maxReciprocalPartners':
				return array(
					'label'       => __( 'Maximum reciprocal partners', 'reciprocal-link-guard' ),
					'description' => __( 'Sites that link back to you, counted site-wide, before "too many partners" is reported.', 'reciprocal-link-guard' ),
				);
			case 'maxReciprocalShare':
				return array(
					'label'       => __( 'Maximum reciprocal share', 'reciprocal-link-guard' ),
					'description' => __( 'Share (0 to 1) of the domains you link to that may link back before "too many partners" is reported.', 'reciprocal-link-guard' ),
				);
			case 'minPartnersForShare':
				return array(
					'label'       => __( 'Partners before the share counts', 'reciprocal-link-guard' ),
					'description' => __( 'The reciprocal share limit applies from this many partners on: two partners among four linked domains is 50%, but says little yet.', 'reciprocal-link-guard' ),
				);
			case 'velocityWindowDays':
				return array(
					'label'       => __( 'Exchange window (days)', 'reciprocal-link-guard' ),
					'description' => __( 'The period in which new reciprocal partners are counted for "too many exchanges too fast".', 'reciprocal-link-guard' ),
				);
			case 'maxNewPartnersInWindow':
				return array(
					'label'       => __( 'New partners allowed in the window', 'reciprocal-link-guard' ),
					'description' => __( 'New reciprocal partners within the exchange window before a burst is reported.', 'reciprocal-link-guard' ),
				);
			case 'maxOutboundDomainsPerBlock':
				return array(
					'label'       => __( 'Outbound domains per block', 'reciprocal-link-guard' ),
					'description' => __( 'Distinct external domains in one block (a paragraph, a list) before it looks like a link list.', 'reciprocal-link-guard' ),
				);
			case 'maxOutboundDomainsPerPost':
				return array(
					'label'       => __( 'Outbound domains per post', 'reciprocal-link-guard' ),
					'description' => __( 'Distinct external domains in one post before it is reported.', 'reciprocal-link-guard' ),
				);
			case 'minRelevance':
				return array(
					'label'       => __( 'Minimum relevance', 'reciprocal-link-guard' ),
					'description' => __( 'Topical overlap (0 to 1) between your post and a partner\'s page below which the partner counts as off-topic.', 'reciprocal-link-guard' ),
				);
			case 'partialMatchShare':
				return array(
					'label'       => __( 'Partial-match share', 'reciprocal-link-guard' ),
					'description' => __( 'Share (0 to 1) of an anchor\'s words that must be keyword words for it to count as a partial-match anchor.', 'reciprocal-link-guard' ),
				);
			case 'minLinksInLinkList':
				return array(
					'label'       => __( 'Links that make a link list', 'reciprocal-link-guard' ),
					'description' => __( 'Links in a trailing list or "partners" section of a post before that section counts as a link list.', 'reciprocal-link-guard' ),
				);
			case 'checkTtlHours':
				return array(
					'label'       => __( 'Reuse check results for (hours)', 'reciprocal-link-guard' ),
					'description' => __( 'How long the result of checking a partner page is reused before the page is fetched again.', 'reciprocal-link-guard' ),
				);
			case 'removalConfirmChecks':
				return array(
					'label'       => __( 'Misses before a link counts as removed', 'reciprocal-link-guard' ),
					'description' => __( 'A partner\'s link is reported removed only after it was missing on this many checks in a row (failed checks, bot walls and rate limits do not count).', 'reciprocal-link-guard' ),
				);
			case 'removalConfirmHours':
				return array(
					'label'       => __( 'Hours before a link counts as removed', 'reciprocal-link-guard' ),
					'description' => __( 'The missing checks must span at least this many hours, so one bad night never reports a removal.', 'reciprocal-link-guard' ),
				);
		}
		return array(
			'label'       => $name,
			'description' => '',
		);
	}

	/**
	 * A short label for a finding code (the blocking checkboxes).
	 *
	 * @param string $code Finding code.
	 * @return string
	 */
	public static function finding_label( $code ) {
		$labels = array(
			'reciprocal-link'             => __( 'The partner links back (reciprocal link)', 'reciprocal-link-guard' ),
			'exact-match-anchor-ours'     => __( 'Our anchor is an exact-match keyword', 'reciprocal-link-guard' ),
			'exact-match-anchor-theirs'   => __( 'Their anchor to us is an exact-match keyword', 'reciprocal-link-guard' ),
			'exact-match-anchor-both'     => __( 'Exact-match anchors in both directions', 'reciprocal-link-guard' ),
			'identical-anchors'           => __( 'The same anchor text in both directions', 'reciprocal-link-guard' ),
			'generic-anchor'              => __( 'Generic anchor text ("click here")', 'reciprocal-link-guard' ),
			'footer-placement-ours'       => __( 'Our link sits in a link list or partners section', 'reciprocal-link-guard' ),
			'boilerplate-backlink'        => __( 'Their link sits in a footer, sidebar or blogroll', 'reciprocal-link-guard' ),
			'author-bio-backlink'         => __( 'Their link sits in an author bio (guest post)', 'reciprocal-link-guard' ),
			'comment-backlink'            => __( 'Their link is a comment link', 'reciprocal-link-guard' ),
			'homepage-swap'               => __( 'Homepage-to-homepage swap', 'reciprocal-link-guard' ),
			'too-many-partners'           => __( 'Too many reciprocal partners site-wide', 'reciprocal-link-guard' ),
			'exchange-velocity'           => __( 'Too many new exchanges too fast', 'reciprocal-link-guard' ),
			'many-outbound-domains-block' => __( 'Too many external domains in one block', 'reciprocal-link-guard' ),
			'many-outbound-domains-post'  => __( 'Too many external domains in one post', 'reciprocal-link-guard' ),
			'off-topic-partner'           => __( 'The partner is off-topic', 'reciprocal-link-guard' ),
			'hidden-link-ours'            => __( 'Our link is hidden from readers', 'reciprocal-link-guard' ),
			'hidden-link-theirs'          => __( 'Their link to us is hidden from readers', 'reciprocal-link-guard' ),
			'followed-both-ways'          => __( 'Followed links both ways, no nofollow or sponsored', 'reciprocal-link-guard' ),
			'backlink-not-indexable'      => __( 'Their link is on a page search engines ignore', 'reciprocal-link-guard' ),
			'cloaked-backlink'            => __( 'The partner shows bots a different link', 'reciprocal-link-guard' ),
			'link-ring'                   => __( 'Link ring: the partner links on to a site that links to us', 'reciprocal-link-guard' ),
			'partner-network'             => __( 'Partner network: partners that link to each other and to us', 'reciprocal-link-guard' ),
			'shared-footprint'            => __( 'Shared footprint: partners linking to the same unrelated sites', 'reciprocal-link-guard' ),
			'link-context'                => __( 'A link of the exchange has no running text around it', 'reciprocal-link-guard' ),
			'weak-destination'            => __( 'The exchange links to homepages or pricing pages', 'reciprocal-link-guard' ),
		);
		return isset( $labels[ $code ] ) ? $labels[ $code ] : $code;
	}
}
