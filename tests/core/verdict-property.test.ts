/**
 * Issue 15 item 5: one verdict everywhere, as a property over generated
 * partner situations. Each situation is a random combination of their
 * links to us (placement, partners heading, hidden, on the linked page or
 * their homepage, to our homepage or a post, rel, anchor; sometimes far
 * more than a result keeps), our link to them (homepage or post, anchor,
 * rel, hidden, partners heading in our post) and the site's keywords and
 * brand terms. The result is bounded as the service stores it, the core
 * rules judge it, and:
 *
 * 1. no finding contradicts the placement shown beside it: every finding
 *    about their links names a spot the verdict shows, boilerplate and
 *    hidden findings fire exactly when the counts of ALL links say so, and
 *    the shown (most telling) link is the reciprocal-link finding's link;
 * 2. every surface words the same verdict: the editor's and wp-admin's
 *    message builders, the `rlg check` row, the scan summary / CSV field
 *    and the HTML report name the same spots, counts and finding codes.
 *
 * The generator is a small seeded PRNG (mulberry32) rather than fast-check:
 * no new dependency on a shared machine, and a failure prints the seed and
 * the situation so it can be replayed (RLG_PROPERTY_SEED=<n>).
 */
import { evaluatePost } from '../../src/core/rules';
import type { Finding } from '../../src/core/findings';
import type { PartnerRow } from '../../src/core/report';
import {
	PLACEMENTS,
	type Backlink,
	type BacklinkResult,
	type ExtractedLink,
	type Placement,
} from '../../src/core/schemas';
import { SettingsSchema } from '../../src/core/settings';
import {
	boundResult,
	boilerplateOf,
	linkCountsOf,
	MAX_KEPT_LINKS,
	rowVerdict,
	theirVerdict,
	whereOf,
	type TheirWhere,
} from '../../src/core/their-links';
import { urlKey } from '../../src/core/url';
import {
	findingMessage,
	placementLabel,
	theirLinksSummary,
} from '../../src/editor/messages';
import * as adminMessages from '../../src/admin/messages';
import { rowOf } from '../../src/service/commands/check-table';
import { csvRow, reportHtml } from '../../src/service/report/export';
import type { FullReport } from '../../src/service/report/export';
import { toTheirLink } from '../../src/service/report/history';
import { wheresText } from '../../src/service/verdict-text';

const SITE = 'https://our.example/';
const PARTNER = 'https://partner.example';
const SITUATIONS = Number( process.env.RLG_PROPERTY_RUNS ?? 400 );
const SEED = Number( process.env.RLG_PROPERTY_SEED ?? 20261207 );

/* eslint-disable no-bitwise -- mulberry32 is made of 32-bit integer steps */
/** mulberry32: a tiny seeded PRNG, enough for test data. */
function prng( seed: number ): () => number {
	let a = seed >>> 0;
	return () => {
		a = ( a + 0x6d2b79f5 ) >>> 0;
		let t = a;
		t = Math.imul( t ^ ( t >>> 15 ), t | 1 );
		t ^= t + Math.imul( t ^ ( t >>> 7 ), t | 61 );
		return ( ( t ^ ( t >>> 14 ) ) >>> 0 ) / 4294967296;
	};
}
/* eslint-enable no-bitwise */

interface Situation {
	seed: number;
	/** The page of ours the link is on: our homepage makes our end site-wide. */
	postUrl: string;
	ours: ExtractedLink;
	result: BacklinkResult;
	keywords: string[];
	brandTerms: string[];
}

const ANCHORS = [
	'moestuin tips',
	'biologisch tuinieren',
	'Our Example',
	'De Moestuinier',
	'klik hier',
	'https://our.example/',
	'a long article about compost heaps',
	'',
];
const HEADINGS = [ null, 'Onze partners', 'Blogroll', 'Compost', 'Tomaten' ];
const RELS = [ [], [], [ 'nofollow' ], [ 'sponsored' ], [ 'noopener' ] ];

function situation( seed: number ): Situation {
	const random = prng( seed );
	const pick = < T >( list: readonly T[] ): T =>
		list[ Math.floor( random() * list.length ) ];
	const chance = ( p: number ) => random() < p;
	const toTheirHome = chance( 0.4 );
	const target = toTheirHome ? `${ PARTNER }/` : `${ PARTNER }/tomaten/`;
	// Mostly a few links; sometimes a link farm past the cap.
	const count = chance( 0.15 )
		? MAX_KEPT_LINKS + Math.floor( random() * 150 )
		: Math.floor( random() * 5 );
	const links: Backlink[] = [];
	for ( let i = 0; i < count; i++ ) {
		const onHome = ! toTheirHome && chance( 0.3 );
		const toOurHome = chance( 0.5 );
		const href = toOurHome ? SITE : `${ SITE }compost/`;
		links.push( {
			href,
			text: pick( ANCHORS ),
			rel: [ ...pick( RELS ) ],
			placement: pick( PLACEMENTS ),
			hidden: chance( 0.1 ) ? 'display-none' : null,
			isImage: false,
			block: i,
			heading: pick( HEADINGS ),
			inList: chance( 0.3 ),
			position: random(),
			pageUrl: onHome ? `${ PARTNER }/` : target,
			foundOn: onHome ? 'homepage' : 'target-page',
			anchorClass: 'other',
			toHomepage: toOurHome,
		} );
	}
	const linksBack = links.length > 0 && ! chance( 0.05 );
	const raw: BacklinkResult = {
		target,
		status: linksBack ? 'links-back' : 'no-link',
		httpStatus: 200,
		detail: null,
		checkedAt: '2026-12-07T12:00:00.000Z',
		fromCache: false,
		page: {
			url: target,
			finalUrl: target,
			httpStatus: 200,
			title: pick( [ 'Tomaten kweken', 'Casino bonus', 'Partner' ] ),
			h1: 'Tuin',
			lang: 'nl',
			textSample: pick( [
				'Tomaten, compost en een gezonde moestuin in het voorjaar.',
				'Gokkasten, poker en roulette met een welkomstbonus.',
			] ),
			notIndexable: chance( 0.1 ) ? 'noindex-meta' : null,
		},
		links: linksBack ? links : [],
	};
	return {
		seed,
		postUrl: chance( 0.4 ) ? SITE : `${ SITE }tomaten-kweken/`,
		// Bounded as the service stores and answers it.
		result: boundResult( raw ),
		ours: {
			href: target,
			text: pick( ANCHORS ) || 'Partner',
			rel: [ ...pick( RELS ) ],
			placement: 'content',
			hidden: chance( 0.05 ) ? 'display-none' : null,
			isImage: false,
			block: 0,
			heading: pick( HEADINGS ),
			inList: chance( 0.2 ),
			position: random(),
		},
		keywords: chance( 0.7 )
			? [ 'moestuin tips', 'biologisch tuinieren' ]
			: [],
		brandTerms: chance( 0.5 ) ? [ 'Our Example', 'De Moestuinier' ] : [],
	};
}

function judge( s: Situation ): Finding[] {
	return evaluatePost(
		{
			siteUrls: [ SITE ],
			postUrl: s.postUrl,
			postText: 'Tomaten kweken in de moestuin met compost en geduld.',
			links: [ s.ours ],
			backlinks: { [ urlKey( s.result.target ) ]: s.result },
		},
		SettingsSchema.parse( {
			keywords: s.keywords,
			brandTerms: s.brandTerms,
		} )
	);
}

/** The verdict's boilerplate spots (a partners section included). */
function isBoilerplate( where: TheirWhere ): boolean {
	return where === 'partner-section' || boilerplateOf( where, null ) !== null;
}

function partnerRow( result: BacklinkResult, findings: Finding[] ): PartnerRow {
	return {
		domain: 'partner.example',
		ourPosts: 1,
		ourLinks: 1,
		status: result.status,
		theirLinks: result.links.map( toTheirLink ),
		...( result.links.length > 0
			? { theirCounts: linkCountsOf( result ) }
			: {} ),
		relevance: null,
		firstSeen: '2026-12-01T00:00:00.000Z',
		lastChecked: result.checkedAt,
		findings,
	};
}

function htmlReport( row: PartnerRow ): string {
	const report: FullReport = {
		site: SITE,
		generatedAt: '2026-12-07T12:00:00.000Z',
		summary: {
			partnerDomains: 1,
			linkingBack: row.status === 'links-back' ? 1 : 0,
			reciprocalShare: row.status === 'links-back' ? 1 : 0,
			newPartners30: 0,
			newPartners90: 0,
			findings: [],
			thresholds: {},
		},
		alerts: [],
		partners: { rows: [ row ], total: 1, page: 1, perPage: 1 },
		lastScan: null,
		log: [],
		anchors: { keywords: [], brandTerms: [] },
		settingsUsed: {
			source: 'service',
			updatedAt: null,
			fields: [],
			registered: false,
			dataDir: null,
		},
	};
	return reportHtml( report );
}

const situations = Array.from( { length: SITUATIONS }, ( _, i ) =>
	situation( SEED + i )
);

/** A claim about one situation: `same( actual, expected, what )` records a violation. */
type Same = ( actual: unknown, expected: unknown, what: string ) => void;

/**
 * Runs `check` on every situation and collects the claims that do not
 * hold, each with its seed (RLG_PROPERTY_SEED=<seed> RLG_PROPERTY_RUNS=1
 * replays it) and the first one's situation.
 */
function violationsOf(
	check: ( s: Situation, findings: Finding[], same: Same ) => void
): string[] {
	const violations: string[] = [];
	for ( const s of situations ) {
		const findings = judge( s );
		const before = violations.length;
		check( s, findings, ( actual, expected, what ) => {
			if ( JSON.stringify( actual ) !== JSON.stringify( expected ) ) {
				violations.push(
					`seed ${ s.seed }: ${ what }: got ${ JSON.stringify(
						actual
					) }, expected ${ JSON.stringify( expected ) }`
				);
			}
		} );
		if ( before === 0 && violations.length > 0 ) {
			violations.push(
				JSON.stringify(
					{ ours: s.ours, result: s.result, findings },
					null,
					1
				).slice( 0, 6000 )
			);
		}
	}
	return violations;
}

it( 'generates every kind of situation (the property is not vacuous)', () => {
	const seen = new Set< string >();
	for ( const s of situations ) {
		const findings = judge( s );
		for ( const finding of findings ) {
			seen.add( finding.code );
		}
		for ( const link of s.result.links ) {
			seen.add( `where:${ whereOf( link ) }` );
		}
		if ( theirVerdict( s.result ).total > s.result.links.length ) {
			seen.add( 'capped' );
		}
	}
	for ( const expected of [
		'reciprocal-link',
		'boilerplate-backlink',
		'hidden-link-theirs',
		'homepage-swap',
		'exact-match-anchor-theirs',
		'identical-anchors',
		'where:content',
		'where:partner-section',
		'where:footer',
		'capped',
	] ) {
		expect( seen ).toContain( expected );
	}
} );

it( 'no finding contradicts the placement shown beside it', () => {
	const violations = violationsOf( ( s, findings, same ) => {
		const verdict = theirVerdict( s.result );
		const shownWheres = verdict.placements.map( ( entry ) => entry.where );
		const linksBack =
			s.result.status === 'links-back' && s.result.links.length > 0;
		const byCode = ( code: string ) =>
			findings.filter( ( finding ) => finding.code === code );

		// Every finding about their link names a spot the verdict shows.
		for ( const finding of findings ) {
			const where = finding.params.where;
			same(
				typeof where !== 'string' ||
					shownWheres.includes( where as TheirWhere ),
				true,
				`${ finding.code } names ${ String( where ) }, shown: ${ shownWheres }`
			);
		}
		// Boilerplate exactly when the counts of ALL links hold a boilerplate spot.
		const boilerplateCount = verdict.placements
			.filter( ( entry ) => isBoilerplate( entry.where ) )
			.reduce( ( sum, entry ) => sum + entry.count, 0 );
		same(
			byCode( 'boilerplate-backlink' ).length > 0,
			linksBack && boilerplateCount > 0,
			'boilerplate-backlink iff a boilerplate spot is shown'
		);
		for ( const finding of byCode( 'boilerplate-backlink' ) ) {
			same(
				isBoilerplate( finding.params.where as TheirWhere ),
				true,
				'boilerplate-backlink names a boilerplate spot'
			);
			same( finding.params.total, verdict.total, 'boilerplate total' );
			same( finding.params.count, boilerplateCount, 'boilerplate count' );
		}
		// Hidden exactly when some of ALL their links is hidden.
		same(
			byCode( 'hidden-link-theirs' ).length > 0,
			linksBack && verdict.placements.some( ( e ) => e.hidden > 0 ),
			'hidden-link-theirs iff a hidden link is counted'
		);
		// The reciprocal-link finding describes the link shown first.
		const [ reciprocal ] = byCode( 'reciprocal-link' );
		same(
			reciprocal !== undefined,
			linksBack,
			'reciprocal-link iff links back'
		);
		const primary = verdict.primary;
		if ( reciprocal && primary ) {
			same(
				[
					reciprocal.params.where,
					reciprocal.params.anchor,
					reciprocal.params.hidden,
					reciprocal.params.count,
					reciprocal.params.placements,
				],
				[
					whereOf( primary ),
					primary.text,
					primary.hidden,
					verdict.total,
					shownWheres,
				],
				'reciprocal-link describes the shown link and all counts'
			);
		}
		// The shown link is as telling as any: visible before hidden, on the
		// linked page before their homepage, editorial before boilerplate.
		const rank = ( l: Backlink ) =>
			( l.hidden ? 4 : 0 ) +
			( l.foundOn === 'target-page' ? 0 : 2 ) +
			( boilerplateOf( l.placement, l.heading ) ? 1 : 0 );
		same(
			s.result.links.every(
				( link ) => primary !== null && rank( primary ) <= rank( link )
			) || s.result.links.length === 0,
			true,
			'the shown link is the most telling'
		);
	} );
	expect( violations ).toEqual( [] );
} );

it( 'every surface words the same verdict', () => {
	const allWheres: TheirWhere[] = [
		...( PLACEMENTS as readonly Placement[] ),
		'partner-section',
	];
	const violations = violationsOf( ( s, findings, same ) => {
		const verdict = theirVerdict( s.result );
		const serious = [
			...new Set(
				findings
					.filter( ( finding ) => finding.severity !== 'info' )
					.map( ( finding ) => finding.code )
			),
		];

		// rlg check: the WHERE column is the verdict's spots, the
		// warnings the findings' codes, LINKS the true total, the
		// anchor the shown link's.
		const row = rowOf( s.result, findings );
		same(
			[ row.where, row.warnings, row.links ],
			[
				wheresText( verdict ) || '-',
				serious.join( ', ' ) || '-',
				verdict.total > 0 ? verdict.total.toLocaleString( 'en' ) : '-',
			],
			'rlg check row'
		);
		const anchor = verdict.primary
			? verdict.primary.text || '(empty)'
			: '-';
		same(
			anchor.startsWith( row.anchor.replace( /…$/, '' ) ),
			true,
			"rlg check anchor is the shown link's"
		);

		// The report row (wp-admin, scan summary, CSV, HTML) carries the
		// same totals and spots as the result's verdict.
		const partner = partnerRow( s.result, findings );
		const fromRow = rowVerdict( partner );
		same(
			[ fromRow.total, fromRow.placements ],
			[ verdict.total, verdict.placements ],
			'report row verdict'
		);
		const csv = csvRow( partner, [] ).split( ',' );
		same(
			[ csv[ 4 ], csv[ 5 ] ],
			[
				String( verdict.total ),
				verdict.placements.map( ( entry ) => entry.where ).join( ';' ),
			],
			'CSV their_links and their_placements'
		);
		const page = htmlReport( partner );
		same(
			verdict.total <= 1 ||
				page.includes( wheresText( verdict ).replace( /&/g, '&amp;' ) ),
			true,
			'HTML report names the spots'
		);
		for ( const code of new Set( findings.map( ( f ) => f.code ) ) ) {
			same(
				page.includes( `title="${ code }">` ),
				true,
				`HTML report lists ${ code }`
			);
		}

		// The editor sidebar and wp-admin: the same summary sentence
		// (one builder, re-exported), naming every spot and no other.
		const summary = theirLinksSummary( verdict, 5 );
		same(
			adminMessages.theirLinksSummary( fromRow, 5 ),
			summary,
			'wp-admin summary = editor summary'
		);
		same(
			allWheres.filter( ( where ) =>
				summary.includes( `${ placementLabel( where ) } (` )
			),
			allWheres.filter( ( where ) =>
				verdict.placements.some( ( entry ) => entry.where === where )
			),
			'the summary names exactly the shown spots'
		);
		same(
			verdict.total <= 5 ||
				summary.includes(
					`Showing 5 of ${ verdict.total.toLocaleString() }.`
				),
			true,
			'the summary says how many are shown'
		);
		// The finding's sentence names the spot the verdict shows.
		for ( const finding of byCodeOf( findings, 'boilerplate-backlink' ) ) {
			const risk = findingMessage( finding ).risk;
			same(
				risk.includes(
					placementLabel( finding.params.where as TheirWhere )
				),
				true,
				'the boilerplate sentence names its spot'
			);
			same(
				adminMessages.findingMessage( finding ).risk,
				risk,
				'wp-admin words the finding as the editor does'
			);
		}
	} );
	expect( violations ).toEqual( [] );
} );

function byCodeOf( findings: Finding[], code: string ): Finding[] {
	return findings.filter( ( finding ) => finding.code === code );
}
