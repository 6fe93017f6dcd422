/**
 * Fixture webs for the partner graph (issue 19): small neighbourhoods of
 * named partner sites around our site, each with one pattern (a ring, a
 * network, a shared footprint, bare exchanged links) and one clean
 * neighbourhood where every rule must stay silent. The same descriptions
 * feed the core tests (as PartnerPages) and the end-to-end tests (as HTML
 * pages on local servers through `startPartnerWeb`).
 */
import type { PartnerPage } from '../../src/core/graph/schemas';
import { html, type PartnerRoutes } from './partner-web';

export interface WebSite {
	/** Our post links to this site's article. */
	ours: boolean;
	/** Its article links to us. */
	linksToUs: boolean;
	/** Domains its article links to (besides us). */
	outbound: string[];
	/** Its link to us stands alone in a list (no running text around it). */
	bare?: boolean;
	/** Its link to us points at our homepage (else at our article). */
	toOurHomepage?: boolean;
}

export type GraphWeb = Record< string, WebSite >;

const COMMON = [ 'facebook.com', 'wordpress.org' ];

/**
 * us → ring-b → ring-c → us (ring-b never links to us), and
 * us → ring-d → ring-e → ring-c → us; ring-c is a partner of ours that
 * links back, ring-e links on to ring-c.
 */
export const RING_WEB: GraphWeb = {
	'ring-b.test': {
		ours: true,
		linksToUs: false,
		outbound: [ 'ring-c.test', ...COMMON ],
	},
	'ring-c.test': { ours: true, linksToUs: true, outbound: [ ...COMMON ] },
	'ring-d.test': {
		ours: true,
		linksToUs: false,
		outbound: [ 'ring-e.test', ...COMMON ],
	},
	'ring-e.test': {
		ours: true,
		linksToUs: false,
		outbound: [ 'ring-c.test' ],
	},
};

/** Three partners that link back to us and to each other in a circle. */
export const NETWORK_WEB: GraphWeb = {
	'net-a.test': {
		ours: true,
		linksToUs: true,
		outbound: [ 'net-b.test', ...COMMON ],
	},
	'net-b.test': {
		ours: true,
		linksToUs: true,
		outbound: [ 'net-c.test', ...COMMON ],
	},
	'net-c.test': {
		ours: true,
		linksToUs: true,
		outbound: [ 'net-a.test', ...COMMON ],
	},
};

const DIRECTORY = [
	'dir-one.test',
	'dir-two.test',
	'dir-three.test',
	'dir-four.test',
];

/** Four partners linking back whose pages all link to the same four unrelated sites. */
export const FOOTPRINT_WEB: GraphWeb = Object.fromEntries(
	[ 'fp-a', 'fp-b', 'fp-c', 'fp-d' ].map( ( name ) => [
		`${ name }.test`,
		{
			ours: true,
			linksToUs: true,
			outbound: [ ...DIRECTORY, ...COMMON, `${ name }-own.test` ],
		},
	] )
);

/**
 * An exchange of bare links: their homepage (and article) links to our
 * homepage from a list item with no text around it.
 */
export const BARE_WEB: GraphWeb = {
	'bare.test': {
		ours: true,
		linksToUs: true,
		outbound: [],
		bare: true,
		toOurHomepage: true,
	},
};

/**
 * A clean neighbourhood: partners that link back from their articles, in
 * running text, to our article; they all link to the big platforms and to
 * one topical site, each to sites of its own; one partner does not link
 * back and links to a site that does not link to us either.
 */
export const CLEAN_WEB: GraphWeb = {
	'clean-a.test': {
		ours: true,
		linksToUs: true,
		outbound: [
			...COMMON,
			'twitter.com',
			'wikipedia.org',
			'garden-society.test',
			'tomatoes.test',
		],
	},
	'clean-b.test': {
		ours: true,
		linksToUs: true,
		outbound: [
			...COMMON,
			'twitter.com',
			'wikipedia.org',
			'garden-society.test',
			'compost.test',
		],
	},
	'clean-c.test': {
		ours: true,
		linksToUs: true,
		outbound: [
			...COMMON,
			'twitter.com',
			'wikipedia.org',
			'garden-society.test',
			'seeds.test',
		],
	},
	'clean-d.test': {
		ours: true,
		linksToUs: false,
		outbound: [ 'seeds-info.test', ...COMMON ],
	},
};

/** The article path of every site of a web. */
export const ARTICLE_PATH = '/article/growing-notes';

/** The partner pages the service would store for `web`, read at `readAt`. */
export function partnerPagesOf(
	web: GraphWeb,
	readAt = '2026-12-01T00:00:00.000Z'
): PartnerPage[] {
	return Object.entries( web )
		.filter( ( [ , site ] ) => site.ours )
		.map( ( [ domain, site ] ) => ( {
			pageUrl: `https://${ domain }${ ARTICLE_PATH }`,
			domain,
			foundOn: 'target-page' as const,
			target: `https://${ domain }${ ARTICLE_PATH }`,
			readAt,
			linksToUs: site.linksToUs ? 1 : 0,
			outbound: site.outbound.map( ( to ) => ( {
				domain: to,
				links: 1,
				sample: `https://${ to }/`,
			} ) ),
			outboundTotal: site.outbound.length,
		} ) );
}

const PROSE =
	'We tried this in our own vegetable garden over three seasons, with notes on soil, watering and the varieties that did best';

/**
 * The web as local sites: each site's article (links in running text,
 * or the link to us bare in a list) and a plain homepage.
 *
 * @param web    The web.
 * @param usHome Our homepage URL as the partner servers reach it.
 * @param usPost Our article's URL.
 */
export function graphWebRoutes(
	web: GraphWeb,
	usHome: string,
	usPost: string
): Record< string, PartnerRoutes > {
	return Object.fromEntries(
		Object.entries( web ).map( ( [ domain, site ] ) => {
			const toUs = site.toOurHomepage ? usHome : usPost;
			const outbound = site.outbound
				.map(
					( to ) =>
						`<p>${ PROSE }; see also <a href="https://${ to }/notes">${ to }</a> for more.</p>`
				)
				.join( '\n' );
			let usLink = '';
			if ( site.linksToUs ) {
				usLink = site.bare
					? `<h2>Tomatoes</h2><ul><li><a href="${ toUs }">Our garden</a></li></ul>`
					: `<p>${ PROSE }, as <a href="${ toUs }">the garden blog explains</a> in detail.</p>`;
			}
			const article = html(
				`<article><h1>Notes from ${ domain }</h1><p>${ PROSE }.</p>${ outbound }${ usLink }</article>`,
				{ title: `Notes from ${ domain }` }
			);
			return [
				domain,
				{
					[ ARTICLE_PATH ]: article,
					// A site linking to our homepage does so from its own.
					'/': site.toOurHomepage
						? article
						: html( `<h1>${ domain }</h1><p>${ PROSE }.</p>` ),
				},
			];
		} )
	);
}
