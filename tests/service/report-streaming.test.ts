/**
 * Bounded results for big sites (issue 17): the exports (`rlg scan --json
 * / --csv / --html`, `GET /v1/report/export.csv`) and the partner detail
 * read partner rows and our links from the store a keyset page at a time
 * and write them as they come. Run on both stores. A watched store proves
 * the bound: a page is asked for only once every row of the page before
 * it is in the output, never more than a page per call, and the old
 * read-everything paths are never taken; the streamed output for more
 * rows than a page is byte for byte the document built from every row.
 */
import type { PartnerRow } from '../../src/core/report';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import {
	CSV_COLUMNS,
	DOMAIN_ORDER,
	csvRow,
	reportCsv,
	reportHead,
	reportHtml,
	reportHtmlStream,
	reportJson,
	streamPartners,
} from '../../src/service/report/export';
import type { FullReport } from '../../src/service/report/export';
import { partnerDetail } from '../../src/service/report/report';
import { connectStore } from '../../src/service/store';
import type { SiteRecord, Store } from '../../src/service/store';
import type { ScanStore } from '../../src/service/store/scan-types';
import { storeBackends } from '../helpers/store-backends';
import { extractedLink } from '../helpers/extracted-link';

const PAGE = 3;
const PARTNERS = 8;
const LINKS_TO_BUSY = 7;

/** Partner rows whose text needs escaping in every format. */
function partnerRow( n: number ): PartnerRow {
	return {
		domain: `p${ n }.test`,
		ourPosts: n,
		ourLinks: n * 2,
		status: n % 3 === 0 ? 'no-link' : 'links-back',
		theirLinks:
			n % 3 === 0
				? []
				: [
						{
							pageUrl: `http://p${ n }.test/`,
							href: 'https://our.test/',
							text: `=say "hi", <b>${ n }</b>\nnext line ü`,
							anchorClass: 'branded',
							rel: n % 2 ? [ 'nofollow' ] : [],
							placement: n % 2 ? 'footer' : 'content',
							hidden: null,
							foundOn: 'target-page',
							toHomepage: true,
						},
					],
		relevance: n % 4 === 0 ? null : n / 10,
		firstSeen: `2026-01-0${ ( n % 9 ) + 1 }T00:00:00.000Z`,
		lastChecked: n % 5 === 0 ? null : '2026-02-01T00:00:00.000Z',
		findings:
			n % 2
				? [
						{
							code: 'boilerplate-backlink',
							severity: 'warning',
							params: {},
						},
					]
				: [],
	};
}

async function collect( chunks: AsyncIterable< string > ): Promise< string > {
	let text = '';
	for await ( const chunk of chunks ) {
		text += chunk;
	}
	return text;
}

/**
 * The scan store, watched: every page of partner rows (or of our links)
 * is recorded with what the consumer had written when it was asked for;
 * the paths that read the whole table throw.
 */
function watch( scanStore: ScanStore, written: () => string ) {
	const pages: Array< { limit: number; domains: string[] } > = [];
	const linkPages: number[] = [];
	const ahead: string[] = [];
	const watched: ScanStore = Object.create( scanStore );
	watched.partnersAfter = async ( siteId, query, after, limit ) => {
		// Every row of the pages before this one is in the output already.
		const previous = pages[ pages.length - 1 ];
		for ( const domain of previous?.domains ?? [] ) {
			if ( ! written().includes( domain ) ) {
				ahead.push( domain );
			}
		}
		const rows = await scanStore.partnersAfter(
			siteId,
			query,
			after,
			limit
		);
		pages.push( { limit, domains: rows.map( ( row ) => row.domain ) } );
		return rows;
	};
	watched.linksToDomainAfter = async ( siteId, domain, after, limit ) => {
		linkPages.push( limit );
		return scanStore.linksToDomainAfter( siteId, domain, after, limit );
	};
	watched.allPartners = () => {
		throw new Error( 'allPartners holds no page bound: not for exports' );
	};
	watched.linksToDomain = () => {
		throw new Error( 'linksToDomain reads every link at once' );
	};
	return { watched, pages, linkPages, ahead };
}

describe.each( storeBackends() )(
	'partner rows are streamed from the store a page at a time: $name',
	( backend ) => {
		let store: Store;
		let scanStore: ScanStore;
		let site: SiteRecord;
		let empty: SiteRecord;

		beforeAll( () => backend.setup(), 90_000 );
		afterAll( () => backend.teardown() );

		beforeEach( async () => {
			store = await connectStore( await backend.location() );
			scanStore = store.openScanStore();
			site = await store.addSite( {
				url: 'https://our.test/',
				siteKey: 'our.test',
				secret: 'k'.repeat( 64 ),
			} );
			empty = await store.ensureSite( {
				url: 'https://nobody.test/',
				siteKey: 'nobody.test',
			} );
			const rows = Array.from( { length: PARTNERS }, ( _, i ) =>
				partnerRow( PARTNERS - i )
			);
			await scanStore.replacePartners(
				site.id,
				rows.map( ( row ) => ( {
					row,
					reciprocalSince: null,
					theirPlacements: [],
				} ) ),
				[]
			);
			await scanStore.addLogEntry( site.id, {
				domain: 'p2.test',
				author: 'ann',
				note: 'agreed, "footer" only',
			} );
			// Our links to p1.test: LINKS_TO_BUSY posts, the last with two.
			const scan = await scanStore.createScan( {
				siteId: site.id,
				site: site.url,
				source: 'wp-rest',
				sitemapUrl: null,
				full: true,
				modifiedAfter: null,
				ownerPid: 1,
			} );
			await scanStore.savePosts(
				scan.id,
				Array.from( { length: LINKS_TO_BUSY - 1 }, ( _, i ) => ( {
					sourceKey: `wp:post:${ i + 1 }`,
					url: `https://our.test/post-${ i + 1 }/`,
					title: `Post ${ i + 1 }`,
					modifiedGmt: null,
					textSample: 'text',
					links: [
						'http://p1.test/a',
						...( i === LINKS_TO_BUSY - 2
							? [ 'http://p1.test/b' ]
							: [] ),
					].map( ( href ) => ( {
						targetKey: href,
						domain: 'p1.test',
						link: extractedLink( href, `anchor ${ i + 1 }` ),
					} ) ),
				} ) ),
				[],
				{}
			);
		} );

		afterEach( async () => {
			await scanStore.close();
			await store.close();
		} );

		async function everyRow( siteId: number ): Promise< PartnerRow[] > {
			const rows: PartnerRow[] = [];
			for await ( const row of scanStore.allPartners( siteId ) ) {
				rows.push( row );
			}
			return rows;
		}

		/** The document as it was built before streaming: every row in memory. */
		function whole( head: FullReport, rows: PartnerRow[] ): FullReport {
			return {
				...head,
				partners: {
					rows,
					total: rows.length,
					page: 1,
					perPage: rows.length,
				},
			};
		}

		it( 'writes JSON, HTML and CSV for more rows than a page, equal to the whole document, holding one page at a time', async () => {
			const deps = {
				store,
				scanStore,
				settings: DEFAULT_SETTINGS,
				now: () => new Date( '2026-03-01T00:00:00.000Z' ),
			};
			const head = await reportHead( deps, site );
			expect( head.partners ).toEqual( {
				rows: [],
				total: PARTNERS,
				page: 1,
				perPage: PARTNERS,
			} );
			const rows = await everyRow( site.id );
			expect( rows ).toHaveLength( PARTNERS );
			const expected = whole( head, rows );
			const writers: Array<
				[
					string,
					( store: ScanStore ) => AsyncIterable< string >,
					string,
				]
			> = [
				[
					'json',
					( watched ) =>
						reportJson(
							head,
							streamPartners(
								watched,
								site.id,
								DOMAIN_ORDER,
								PAGE
							)
						),
					JSON.stringify( expected, null, 2 ),
				],
				[
					'html',
					( watched ) =>
						reportHtmlStream(
							head,
							streamPartners(
								watched,
								site.id,
								DOMAIN_ORDER,
								PAGE
							),
							{ timeZone: 'UTC' }
						),
					reportHtml( expected, { timeZone: 'UTC' } ),
				],
				[
					'csv',
					( watched ) => reportCsv( watched, site, undefined, PAGE ),
					[
						CSV_COLUMNS.join( ',' ),
						...rows.map( ( row ) =>
							csvRow(
								row,
								head.log.filter(
									( entry ) => entry.domain === row.domain
								)
							)
						),
					]
						.map( ( line ) => line + '\r\n' )
						.join( '' ),
				],
			];
			for ( const [ format, write, document ] of writers ) {
				let out = '';
				const { watched, pages, ahead } = watch( scanStore, () => out );
				for await ( const chunk of write( watched ) ) {
					out += chunk;
				}
				expect( { format, out } ).toEqual( { format, out: document } );
				// ceil( 8 / 3 ) pages, none larger than a page, each asked for
				// only once the one before was written out.
				expect( pages.map( ( page ) => page.limit ) ).toEqual( [
					PAGE,
					PAGE,
					PAGE,
				] );
				expect( pages.flatMap( ( page ) => page.domains ) ).toEqual(
					rows.map( ( row ) => row.domain )
				);
				expect( { format, ahead } ).toEqual( { format, ahead: [] } );
			}
			expect(
				JSON.parse(
					await collect(
						reportJson(
							head,
							streamPartners(
								scanStore,
								site.id,
								DOMAIN_ORDER,
								PAGE
							)
						)
					)
				).partners.rows
			).toEqual( rows );
		} );

		it( 'writes the documents of a site without partners as before', async () => {
			const deps = { store, scanStore, settings: DEFAULT_SETTINGS };
			const head = await reportHead( deps, empty );
			const expected = whole( head, [] );
			expect(
				await collect(
					reportJson(
						head,
						streamPartners(
							scanStore,
							empty.id,
							DOMAIN_ORDER,
							PAGE
						)
					)
				)
			).toBe( JSON.stringify( expected, null, 2 ) );
			expect(
				await collect(
					reportHtmlStream(
						head,
						streamPartners(
							scanStore,
							empty.id,
							DOMAIN_ORDER,
							PAGE
						),
						{ timeZone: 'UTC' }
					)
				)
			).toBe( reportHtml( expected, { timeZone: 'UTC' } ) );
		} );

		it( 'pages our links in a partner’s detail by cursor, reading one page per answer', async () => {
			const { watched, linkPages } = watch( scanStore, () => '' );
			const deps = {
				store,
				scanStore: watched,
				settings: DEFAULT_SETTINGS,
			};
			const seen: string[] = [];
			let after: string | undefined;
			for ( let round = 0; round < 10; round++ ) {
				const detail = await partnerDetail( deps, site, 'p1.test', {
					linksPerPage: 3,
					linksAfter: after,
				} );
				expect( detail.ourLinks.length ).toBeLessThanOrEqual( 3 );
				// The partner row's count of our links (the fixture's row says 2).
				expect( detail.ourLinksTotal ).toBe( partnerRow( 1 ).ourLinks );
				seen.push(
					...detail.ourLinks.map(
						( l ) => `${ l.postTitle } ${ l.href }`
					)
				);
				if ( ! detail.ourLinksNext ) {
					break;
				}
				after = detail.ourLinksNext;
			}
			expect( seen ).toEqual( [
				...Array.from(
					{ length: LINKS_TO_BUSY - 1 },
					( _, i ) => `Post ${ i + 1 } http://p1.test/a`
				),
				`Post ${ LINKS_TO_BUSY - 1 } http://p1.test/b`,
			] );
			// One more row than the page, to know whether another follows.
			expect( linkPages ).toEqual( [ 4, 4, 4 ] );
			await expect(
				partnerDetail( deps, site, 'p1.test', {
					linksPerPage: 3,
					linksAfter: 'not a cursor!',
				} )
			).rejects.toMatchObject( {
				code: 'ERR_VALIDATION',
				field: 'linksAfter',
			} );
		} );
	}
);
