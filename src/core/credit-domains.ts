/**
 * CMS, hosting and theme vendors whose credit links themes put in the
 * footer ("Proudly powered by WordPress"). A link to them says nothing
 * about a partnership: a sitemap scan does not count them as partners
 * (src/service/scan/credit-links.ts) and the graph never reads them as a
 * shared footprint (src/core/graph/common-domains.ts).
 */
export const CMS_CREDIT_DOMAINS: readonly string[] = [
	'wordpress.org',
	'wordpress.com',
	'wp.com',
	'automattic.com',
	'jetpack.com',
	'woocommerce.com',
	'wpengine.com',
	'elementor.com',
	'wpastra.com',
	'generatepress.com',
	'kadencewp.com',
	'oceanwp.org',
	'themeisle.com',
	'drupal.org',
	'joomla.org',
	'ghost.org',
	'blogger.com',
	'squarespace.com',
	'wix.com',
	'shopify.com',
];
