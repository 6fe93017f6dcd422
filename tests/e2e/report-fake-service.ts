/**
 * A stand-in for the plugin's report routes inside the browser (Playwright
 * `page.route`): a small in-memory partner set that honours the same query
 * (filter, search, sort, pagination) the service does, a scan that advances
 * one step per status poll, a relationship log that stores POSTs and a CSV
 * export. It lets the report page's own behaviour be tested precisely; the
 * real service path is covered by the spec that scans a real site.
 */
import type { Page, Route } from 'playwright-core';
import type {
	Alert,
	PartnerDetail,
	PartnerLogEntry,
	PartnerRow,
	ReportResponse,
	ScanStatus,
} from '../../src/core/report';
import { ReportQuerySchema } from '../../src/core/report';

const DAY = 24 * 60 * 60 * 1000;

function daysAgo( days: number, now: number ): string {
	return new Date( now - days * DAY ).toISOString();
}

interface PartnerSeed {
	domain: string;
	status: PartnerRow[ 'status' ];
	placement?: 'content' | 'footer' | 'sidebar' | 'navigation';
	anchor?: string;
	rel?: string[];
	relevance: number | null;
	firstSeenDays: number;
	posts: number;
	findings: PartnerRow[ 'findings' ];
}

const SEEDS: PartnerSeed[] = [
	{
		domain: 'rozenkwekerij.nl',
		status: 'links-back',
		placement: 'content',
		anchor: 'Tuinblog De Groene Vinger',
		relevance: 0.61,
		firstSeenDays: 200,
		posts: 3,
		findings: [ { code: 'reciprocal-link', severity: 'info', params: {} } ],
	},
	{
		domain: 'moestuinwinkel.nl',
		status: 'links-back',
		placement: 'footer',
		anchor: 'tuinieren tips',
		relevance: 0.44,
		firstSeenDays: 12,
		posts: 1,
		findings: [
			{
				code: 'boilerplate-backlink',
				severity: 'warning',
				params: { placement: 'footer' },
			},
			{
				code: 'exact-match-anchor-theirs',
				severity: 'warning',
				params: {},
			},
		],
	},
	{
		domain: 'casino-bonus.example',
		status: 'links-back',
		placement: 'sidebar',
		anchor: 'tuinieren',
		rel: [],
		relevance: 0.02,
		firstSeenDays: 5,
		posts: 1,
		findings: [
			{
				code: 'off-topic-partner',
				severity: 'critical',
				params: { relevance: 0.02 },
			},
			{
				code: 'exact-match-anchor-both',
				severity: 'critical',
				params: {},
			},
			{ code: 'followed-both-ways', severity: 'warning', params: {} },
		],
	},
	{
		domain: 'vogelhuisjes.be',
		status: 'no-link',
		relevance: 0.33,
		firstSeenDays: 90,
		posts: 2,
		findings: [],
	},
	{
		domain: 'compostgids.nl',
		status: 'links-back',
		placement: 'content',
		anchor: 'degroenevinger.nl',
		rel: [ 'nofollow' ],
		relevance: 0.52,
		firstSeenDays: 45,
		posts: 2,
		findings: [ { code: 'reciprocal-link', severity: 'info', params: {} } ],
	},
	{
		domain: 'wikipedia.org',
		status: 'no-link',
		relevance: 0.2,
		firstSeenDays: 300,
		posts: 7,
		findings: [],
	},
	{
		domain: 'zaadjesbank.nl',
		status: 'links-back',
		placement: 'navigation',
		anchor: 'partners',
		relevance: 0.47,
		firstSeenDays: 20,
		posts: 1,
		findings: [
			{
				code: 'boilerplate-backlink',
				severity: 'warning',
				params: { placement: 'navigation' },
			},
			{ code: 'homepage-swap', severity: 'warning', params: {} },
		],
	},
	{
		domain: 'tuinmeubelshop.example',
		status: 'blocked-by-robots',
		relevance: null,
		firstSeenDays: 30,
		posts: 1,
		findings: [],
	},
	{
		domain: 'bijenvereniging.nl',
		status: 'links-back',
		placement: 'content',
		anchor: 'De Groene Vinger',
		relevance: 0.58,
		firstSeenDays: 8,
		posts: 2,
		findings: [ { code: 'reciprocal-link', severity: 'info', params: {} } ],
	},
	{
		domain: 'oude-partner.nl',
		status: 'no-link',
		relevance: 0.39,
		firstSeenDays: 150,
		posts: 1,
		findings: [],
	},
	{
		domain: 'snoeischaren.example',
		status: 'timeout',
		relevance: null,
		firstSeenDays: 60,
		posts: 1,
		findings: [],
	},
	{
		domain: 'vijveraanleg.nl',
		status: 'links-back',
		placement: 'footer',
		anchor: 'klik hier',
		relevance: 0.36,
		firstSeenDays: 3,
		posts: 1,
		findings: [
			{
				code: 'boilerplate-backlink',
				severity: 'warning',
				params: { placement: 'footer' },
			},
		],
	},
];

/** Our links per partner-detail answer of the fake service. */
const FAKE_LINKS_PAGE = 5;

export interface FakeService {
	/** Bodies of every POST /backlinks/import, in order. */
	backlinkImports: Array< Record< string, unknown > >;
	/** Query strings of every GET /report, in order. */
	reportRequests: URLSearchParams[];
	/** Query of every GET report/partners/<domain>, in order. */
	partnerRequests: URLSearchParams[];
	logPosts: Array< Record< string, unknown > >;
	/** Bodies of every POST /scan. */
	scanStarts: Array< Record< string, unknown > >;
	exports: URLSearchParams[];
	scanPolls: number;
	/** Makes every route answer like a service that does not answer. */
	setDown: ( down: boolean ) => void;
	/** The next scans end with this error (null: they succeed). */
	setScanFailure: ( error: string | null ) => void;
}

export interface FakeOptions {
	site: string;
	now?: number;
	/** Scan status polls before the scan is done. */
	scanSteps?: number;
}

export async function installFakeService(
	page: Page,
	options: FakeOptions
): Promise< FakeService > {
	const now = options.now ?? Date.now();
	const site = options.site.replace( /\/?$/, '/' );
	const steps = options.scanSteps ?? 4;
	let down = false;
	let scanFailure: string | null = null;
	let scan: ScanStatus | null = {
		id: 1,
		site,
		source: 'wp-rest',
		state: 'done',
		startedAt: daysAgo( 1, now ),
		finishedAt: daysAgo( 1, now - 60000 ),
		postsRead: 24,
		postsTotal: 24,
		partnersChecked: SEEDS.length,
		partnersTotal: SEEDS.length,
		error: null,
	};
	let scanStep = 0;
	const logs: Record< string, PartnerLogEntry[] > = {
		'rozenkwekerij.nl': [
			{
				id: 1,
				domain: 'rozenkwekerij.nl',
				author: 'admin',
				createdAt: daysAgo( 180, now ),
				note: 'Long-time supplier of our rose varieties; they link to our pruning guide and we review their catalogue each spring.',
			},
		],
	};
	let nextLogId = 2;

	const rows: PartnerRow[] = SEEDS.map( ( seed ) => ( {
		domain: seed.domain,
		ourPosts: seed.posts,
		ourLinks: seed.posts + ( seed.posts > 2 ? 1 : 0 ),
		status: seed.status,
		theirLinks:
			seed.status === 'links-back'
				? [
						{
							pageUrl: `https://${ seed.domain }/${
								seed.placement === 'content'
									? 'blog/partners-in-het-groen'
									: ''
							}`,
							href: site,
							text: seed.anchor ?? '',
							anchorClass:
								seed.anchor === 'tuinieren' ||
								seed.anchor === 'tuinieren tips'
									? 'exact-match'
									: 'branded',
							rel: seed.rel ?? [],
							placement: seed.placement ?? 'content',
							hidden: null,
							foundOn:
								seed.placement === 'content'
									? 'target-page'
									: 'homepage',
							toHomepage: true,
						},
					]
				: [],
		relevance: seed.relevance,
		firstSeen: daysAgo( seed.firstSeenDays, now ),
		lastChecked: seed.status === null ? null : daysAgo( 1, now ),
		findings: seed.findings,
	} ) );

	const alerts: Alert[] = [
		{
			domain: 'oude-partner.nl',
			kind: 'stopped-linking',
			since: daysAgo( 6, now ),
			params: { lastStatus: 'no-link' },
		},
		{
			domain: 'moestuinwinkel.nl',
			kind: 'moved-to-boilerplate',
			since: daysAgo( 2, now ),
			params: { placement: 'footer' },
		},
	];

	const service: FakeService = {
		backlinkImports: [],
		reportRequests: [],
		partnerRequests: [],
		logPosts: [],
		scanStarts: [],
		exports: [],
		scanPolls: 0,
		setScanFailure: ( value ) => {
			scanFailure = value;
		},
		setDown: ( value ) => {
			down = value;
		},
	};

	function query( params: URLSearchParams ) {
		return ReportQuerySchema.parse( Object.fromEntries( params ) );
	}

	function filtered( params: URLSearchParams ): PartnerRow[] {
		const q = query( params );
		const search = q.search.toLowerCase();
		const list = rows.filter(
			( row ) =>
				( ! q.status || row.status === q.status ) &&
				( ! q.finding ||
					row.findings.some( ( f ) => f.code === q.finding ) ) &&
				( ! q.placement ||
					row.theirLinks.some(
						( l ) => l.placement === q.placement
					) ) &&
				( ! search ||
					row.domain.includes( search ) ||
					row.theirLinks.some( ( l ) =>
						l.text.toLowerCase().includes( search )
					) )
		);
		const key = ( row: PartnerRow ): string | number => {
			switch ( q.orderBy ) {
				case 'ourLinks':
					return row.ourLinks;
				case 'status':
					return row.status ?? '';
				case 'relevance':
					return row.relevance ?? -1;
				case 'firstSeen':
					return row.firstSeen;
				case 'lastChecked':
					return row.lastChecked ?? '';
				case 'findings':
					return row.findings.filter( ( f ) => f.severity !== 'info' )
						.length;
				default:
					return row.domain;
			}
		};
		list.sort( ( a, b ) => {
			const x = key( a );
			const y = key( b );
			let order = a.domain.localeCompare( b.domain );
			if ( x !== y ) {
				order = x < y ? -1 : 1;
			}
			return q.order === 'asc' ? order : -order;
		} );
		return list;
	}

	function report( params: URLSearchParams ): ReportResponse {
		const q = query( params );
		const list = filtered( params );
		const linking = rows.filter( ( r ) => r.status === 'links-back' );
		const counts = new Map< string, number >();
		for ( const row of rows ) {
			for ( const f of row.findings ) {
				const k = `${ f.code }|${ f.severity }`;
				counts.set( k, ( counts.get( k ) ?? 0 ) + 1 );
			}
		}
		return {
			site,
			generatedAt: new Date( now ).toISOString(),
			summary: {
				partnerDomains: rows.length,
				linkingBack: linking.length,
				reciprocalShare: linking.length / rows.length,
				newPartners30: linking.filter(
					( r ) => Date.parse( r.firstSeen ) > now - 30 * DAY
				).length,
				newPartners90: linking.filter(
					( r ) => Date.parse( r.firstSeen ) > now - 90 * DAY
				).length,
				findings: [ ...counts ].map( ( [ k, count ] ) => {
					const [ code, severity ] = k.split( '|' );
					return {
						code,
						severity,
						count,
					} as ReportResponse[ 'summary' ][ 'findings' ][ number ];
				} ),
				thresholds: {
					maxReciprocalPartners: 10,
					maxReciprocalShare: 0.25,
					maxNewPartnersInWindow: 3,
					velocityWindowDays: 30,
					minRelevance: 0.08,
				},
			},
			alerts,
			partners: {
				rows: list.slice(
					( q.page - 1 ) * q.perPage,
					q.page * q.perPage
				),
				total: list.length,
				page: q.page,
				perPage: q.perPage,
			},
			lastScan: scan,
		};
	}

	/**
	 * Our links a page at a time, as the service pages them (its default
	 * page is 100; FAKE_LINKS_PAGE here, so a partner with many links
	 * shows "Show more links"); the cursor is the index of the next link.
	 */
	function detail(
		domain: string,
		linksAfter: string | null = null
	): PartnerDetail | null {
		const whole = fullDetail( domain );
		if ( ! whole ) {
			return null;
		}
		const start = linksAfter === null ? 0 : Number( linksAfter );
		const end = start + FAKE_LINKS_PAGE;
		return {
			...whole,
			ourLinks: whole.ourLinks.slice( start, end ),
			ourLinksTotal: whole.ourLinks.length,
			ourLinksNext: end < whole.ourLinks.length ? String( end ) : null,
		};
	}

	function fullDetail( domain: string ): PartnerDetail | null {
		const row = rows.find( ( r ) => r.domain === domain );
		if ( ! row ) {
			return null;
		}
		const link = row.theirLinks[ 0 ];
		const history: PartnerDetail[ 'history' ] = [
			{
				checkedAt: row.firstSeen,
				target: `https://${ domain }/`,
				status: 'no-link',
				event: 'first-check',
				links: [],
			},
		];
		if ( link ) {
			history.push(
				{
					checkedAt: new Date(
						Date.parse( row.firstSeen ) + DAY
					).toISOString(),
					target: `https://${ domain }/`,
					status: 'links-back',
					event: 'appeared',
					links: [ { ...link, placement: 'content' } ],
				},
				{
					checkedAt: new Date(
						Date.parse( row.firstSeen ) + 2 * DAY
					).toISOString(),
					target: `https://${ domain }/`,
					status: 'links-back',
					event: 'unchanged',
					links: [ { ...link, placement: 'content' } ],
				}
			);
			if ( link.placement !== 'content' ) {
				history.push( {
					checkedAt: daysAgo( 2, now ),
					target: `https://${ domain }/`,
					status: 'links-back',
					event: 'moved',
					links: [ link ],
				} );
			}
		} else if ( domain === 'oude-partner.nl' ) {
			history.push(
				{
					checkedAt: daysAgo( 120, now ),
					target: `https://${ domain }/`,
					status: 'links-back',
					event: 'appeared',
					links: [
						{
							pageUrl: `https://${ domain }/links`,
							href: site,
							text: 'De Groene Vinger',
							anchorClass: 'branded',
							rel: [],
							placement: 'content',
							hidden: null,
							foundOn: 'target-page',
							toHomepage: true,
						},
					],
				},
				{
					checkedAt: daysAgo( 6, now ),
					target: `https://${ domain }/`,
					status: 'no-link',
					event: 'disappeared',
					links: [],
				}
			);
		}
		return {
			partner: row,
			ourLinks: Array.from( { length: row.ourLinks }, ( _, i ) => ( {
				postUrl: `${ site }${ [ 'rozen-snoeien', 'moestuin-in-april', 'composteren-voor-beginners', 'vijver-onderhoud' ][ i % 4 ] }/`,
				postTitle: [
					'Rozen snoeien',
					'De moestuin in april',
					'Composteren voor beginners',
					'Vijveronderhoud',
				][ i % 4 ],
				href: `https://${ domain }/`,
				text: i === 0 ? domain.split( '.' )[ 0 ] : 'meer informatie',
				rel: [],
				placement:
					i === 2 ? ( 'footer' as const ) : ( 'content' as const ),
			} ) ),
			history,
			log: logs[ domain ] ?? [],
		};
	}

	function csv( params: URLSearchParams ): string {
		const lines = [
			'domain,status,ourLinks,theirPlacements,relevance,findings',
		];
		for ( const row of filtered( params ) ) {
			lines.push(
				[
					row.domain,
					row.status ?? '',
					row.ourLinks,
					row.theirLinks.map( ( l ) => l.placement ).join( ' ' ),
					row.relevance ?? '',
					row.findings.map( ( f ) => f.code ).join( ' ' ),
				].join( ',' )
			);
		}
		return lines.join( '\n' ) + '\n';
	}

	const json = ( route: Route, status: number, body: unknown ) =>
		route.fulfill( {
			status,
			contentType: 'application/json; charset=UTF-8',
			body: JSON.stringify( body ),
		} );

	await page.route(
		( url ) =>
			url.pathname.includes( '/wp-json/reciprocal-link-guard/v1/' ) ||
			( url.searchParams.get( 'rest_route' ) ?? '' ).startsWith(
				'/reciprocal-link-guard/v1/'
			),
		async ( route ) => {
			const request = route.request();
			const url = new URL( request.url() );
			const restRoute = url.searchParams.get( 'rest_route' );
			const path = (
				restRoute ?? url.pathname.replace( /^.*\/wp-json/, '' )
			).replace( '/reciprocal-link-guard/v1/', '' );
			const params = new URLSearchParams( url.search );
			for ( const name of [ 'rest_route', '_locale', '_wpnonce' ] ) {
				params.delete( name );
			}
			if ( path === 'context' || path === 'check' ) {
				return route.continue();
			}
			if ( down ) {
				return json( route, 502, {
					code: 'rlg_service_unreachable',
					message:
						'The link check service at http://127.0.0.1:9 did not answer.',
					data: { status: 502 },
				} );
			}
			const method = request.method();
			if ( path === 'report' && method === 'GET' ) {
				service.reportRequests.push( params );
				return json( route, 200, report( params ) );
			}
			if ( path === 'report/backlinks' && method === 'GET' ) {
				return json( route, 200, backlinksReport( service ) );
			}
			if ( path === 'backlinks/import' && method === 'POST' ) {
				const body = request.postDataJSON() as Record<
					string,
					unknown
				>;
				service.backlinkImports.push( body );
				return json( route, 201, {
					import: importSummary( String( body.fileName ) ),
				} );
			}
			if ( path.startsWith( 'report/partners/' ) ) {
				service.partnerRequests.push( params );
				const found = detail(
					decodeURIComponent(
						path.slice( 'report/partners/'.length )
					),
					params.get( 'linksAfter' )
				);
				return found
					? json( route, 200, found )
					: json( route, 404, {
							code: 'ERR_NOT_FOUND',
							message: 'No such partner.',
							data: { status: 404 },
						} );
			}
			if ( path === 'report/export.csv' ) {
				service.exports.push( params );
				return route.fulfill( {
					status: 200,
					contentType: 'text/csv; charset=utf-8',
					body: csv( params ),
				} );
			}
			if ( path === 'scan' && method === 'POST' ) {
				service.scanStarts.push(
					request.postDataJSON() as Record< string, unknown >
				);
				scanStep = 0;
				scan = {
					id: ( scan?.id ?? 0 ) + 1,
					site,
					source: 'wp-rest',
					state: 'queued',
					startedAt: new Date().toISOString(),
					finishedAt: null,
					postsRead: 0,
					postsTotal: null,
					partnersChecked: 0,
					partnersTotal: 0,
					error: null,
				};
				return json( route, 202, scan );
			}
			if ( path === 'scan/status' ) {
				service.scanPolls++;
				if (
					scan &&
					( scan.state === 'queued' || scan.state === 'running' )
				) {
					scanStep++;
					const share = Math.min( 1, scanStep / steps );
					const finished = scanStep >= steps;
					let state: ScanStatus[ 'state' ] = 'running';
					if ( finished ) {
						state = scanFailure ? 'failed' : 'done';
					}
					scan = {
						...scan,
						state,
						error: finished ? scanFailure : null,
						postsTotal: 24,
						postsRead: Math.round( 24 * Math.min( 1, share * 2 ) ),
						partnersTotal: SEEDS.length,
						partnersChecked: Math.round(
							SEEDS.length * Math.max( 0, share * 2 - 1 )
						),
						finishedAt:
							scanStep >= steps ? new Date().toISOString() : null,
					};
				}
				return json( route, 200, scan );
			}
			if ( path === 'partner-log' && method === 'POST' ) {
				const body = request.postDataJSON() as Record<
					string,
					unknown
				>;
				service.logPosts.push( body );
				const domain = String( body.domain );
				const entry: PartnerLogEntry = {
					id: nextLogId++,
					domain,
					author: String( body.author ?? 'admin' ),
					createdAt: new Date().toISOString(),
					note: String( body.note ).trim(),
				};
				logs[ domain ] = [ ...( logs[ domain ] ?? [] ), entry ];
				return json( route, 201, entry );
			}
			return json( route, 404, {
				code: 'rest_no_route',
				message: `No route ${ path }`,
				data: { status: 404 },
			} );
		}
	);
	return service;
}

/** What the service answers for an import: the fixture with every skip reason. */
function importSummary( fileName: string ) {
	return {
		id: 1,
		owner: '',
		format: 'semrush',
		variant: 'semrush-backlinks',
		label: 'Semrush backlinks export',
		fileName,
		encoding: 'utf-8',
		importedAt: '2026-12-01T10:00:00.000Z',
		rowsRead: 9,
		backlinks: 2,
		domains: 2,
		skippedTotal: 2,
		skippedByReason: { 'wrong-column-count': 1, 'invalid-date': 1 },
		skipped: [
			{
				line: 3,
				reason: 'wrong-column-count',
				detail: '3 cells, the header has 19',
			},
			{
				line: 8,
				reason: 'invalid-date',
				detail: '"gisteren" is not a date',
			},
		],
	};
}

/** GET /report/backlinks: reciprocity both ways, through a partner, Link Intersect and the graph. */
function backlinksReport( service: FakeService ) {
	const imported = service.backlinkImports.length > 0;
	const us = 'moestuinier.test';
	return {
		imports: imported ? [ importSummary( 'semrush.csv' ) ] : [],
		overview: {
			referringDomains: imported ? 6 : 0,
			competitors: [ 'concurrent.nl' ],
			bothWays: {
				total: 2,
				rows: [
					{
						domain: 'zaadwinkel.nl',
						links: 12,
						samplePage: 'https://www.zaadwinkel.nl/',
						sampleAnchor: 'biologisch tuinieren',
						allQualified: false,
						formats: [ 'semrush' ],
						ourPosts: 2,
						ourLinks: 3,
						status: 'no-link',
					},
					{
						domain: 'tuinhulp.nl',
						links: 1,
						samplePage: 'https://tuinhulp.nl/compost/',
						sampleAnchor: null,
						allQualified: true,
						formats: [ 'ahrefs' ],
						ourPosts: 1,
						ourLinks: 1,
						status: 'links-back',
					},
				],
			},
			throughPartner: {
				total: 1,
				rows: [
					{
						domain: 'linkruil.nl',
						samplePage: 'https://linkruil.nl/tuin',
						partner: 'kasplanten.nl',
						partnerPage: 'https://kasplanten.nl/links',
						partnerStatus: 'no-link',
					},
				],
			},
			shared: {
				total: 1,
				rows: [
					{
						domain: 'zaadwinkel.nl',
						competitors: [ 'concurrent.nl' ],
						linksToUs: true,
						weLinkToThem: true,
						status: 'no-link',
					},
				],
			},
			gap: {
				total: 1,
				rows: [
					{
						domain: 'tuingids.nl',
						competitors: [ 'concurrent.nl' ],
						linksToUs: false,
						weLinkToThem: false,
						status: null,
					},
				],
			},
			graph: {
				nodes: [
					{ id: us, kind: 'us', roles: [] },
					{
						id: 'kasplanten.nl',
						kind: 'partner',
						roles: [ 'through-partner' ],
					},
					{
						id: 'linkruil.nl',
						kind: 'linker',
						roles: [ 'through-partner' ],
					},
					{
						id: 'tuinhulp.nl',
						kind: 'partner',
						roles: [ 'both-ways', 'links-back' ],
					},
					{
						id: 'zaadwinkel.nl',
						kind: 'partner',
						roles: [ 'both-ways' ],
					},
					{ id: 'bloemen.nl', kind: 'partner', roles: [ 'ring' ] },
					{ id: 'ringsite.nl', kind: 'linker', roles: [ 'ring' ] },
				],
				edges: [
					{ from: us, to: 'kasplanten.nl', source: 'our-link' },
					{
						from: 'kasplanten.nl',
						to: 'linkruil.nl',
						source: 'partner-page',
					},
					{ from: 'linkruil.nl', to: us, source: 'imported' },
					{ from: us, to: 'tuinhulp.nl', source: 'our-link' },
					{ from: 'tuinhulp.nl', to: us, source: 'partner-check' },
					{ from: us, to: 'zaadwinkel.nl', source: 'our-link' },
					{ from: 'zaadwinkel.nl', to: us, source: 'imported' },
					{ from: us, to: 'bloemen.nl', source: 'ring' },
					{ from: 'bloemen.nl', to: 'ringsite.nl', source: 'ring' },
					{ from: 'ringsite.nl', to: us, source: 'ring' },
				],
				omitted: 0,
			},
		},
	};
}
