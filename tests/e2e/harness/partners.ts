/**
 * The partner sites the e2e WordPress links to, served on 127.0.0.1 by
 * tests/helpers/partner-web.ts and reached by the service through its
 * `--resolve` map (the SSRF guard stays on). Pages are fixed at start-up;
 * the links back point at the e2e WordPress, whose URL is known by then.
 *
 * Each site shows one case, so a spec can link to it and expect a status:
 *   natural.test       /guide links back in its content, with a natural anchor
 *   footer-swap.test   every page links back from the footer, exact-match anchor
 *   no-backlink.test   never links back
 *   off-topic.test     links back, but is about something else entirely
 */
import { html, type PartnerRoutes } from '../../helpers/partner-web';

export const PARTNER_KEYWORD = 'organic gardening tips';

export function partnerRoutes(
	wpUrl: string
): Record< string, PartnerRoutes > {
	const home = `${ wpUrl }/`;
	const gardenText =
		'<p>Composting, mulching and companion planting keep a vegetable garden healthy without chemicals. Rotate your crops every season and water early in the morning.</p>';
	return {
		'natural.test': {
			'/': html( `<main><h1>Natural Growers</h1>${ gardenText }</main>`, {
				title: 'Natural Growers',
				lang: 'en',
			} ),
			'/guide': html(
				`<main><h1>A guide to compost</h1>${ gardenText }<p>The people at <a href="${ home }">the local garden blog</a> explain how they start a compost heap.</p></main>`,
				{ title: 'A guide to compost', lang: 'en' }
			),
		},
		'footer-swap.test': {
			'*': html(
				`<main><h1>Garden Supplies</h1>${ gardenText }</main><footer><h2>Partners</h2><ul><li><a href="${ home }">${ PARTNER_KEYWORD }</a></li><li><a href="https://elsewhere.example/">Elsewhere</a></li></ul></footer>`,
				{ title: 'Garden Supplies', lang: 'en' }
			),
		},
		'no-backlink.test': {
			'*': html(
				`<main><h1>Seed Catalogue</h1>${ gardenText }<p>No links to anyone.</p></main>`,
				{ title: 'Seed Catalogue', lang: 'en' }
			),
		},
		'off-topic.test': {
			'*': html(
				`<main><h1>Online casino bonuses</h1><p>Slots, poker and roulette with a welcome bonus. Jackpot odds and payout tables for every game.</p><p><a href="${ home }">Friends</a></p></main>`,
				{ title: 'Casino bonuses', lang: 'en' }
			),
		},
	};
}
