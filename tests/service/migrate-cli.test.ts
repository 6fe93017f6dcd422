/**
 * `rlg migrate`: a data directory with something in every table is copied
 * into a real PostgreSQL database; the row counts match table by table, the
 * PostgreSQL store answers what the SQLite store answered (same ids), new
 * rows get new ids after the copied ones, and a second copy into the same
 * database is refused without writing anything.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ReportQuerySchema } from '../../src/core/report';
import type { BacklinkResult } from '../../src/core/schemas';
import { importBacklinkFile } from '../../src/service/backlink-import/import-file';
import { openStore } from '../../src/service/store';
import { DATABASE_FILE, openDatabase } from '../../src/service/store/sqlite';
import { PgStore } from '../../src/service/store/pg-store';
import type { Store } from '../../src/service/store';
import { startPostgres } from '../helpers/postgres';
import type { TestPostgres } from '../helpers/postgres';
import { runCli } from './cli-harness';

jest.setTimeout( 60_000 );

const EXPORTS = path.join( __dirname, '../fixtures/backlink-exports' );

function result( target: string, checkedAt: string ): BacklinkResult {
	return {
		target,
		status: 'links-back',
		httpStatus: 200,
		detail: null,
		checkedAt,
		fromCache: false,
		page: null,
		links: [
			{
				href: 'https://our.example/',
				text: 'Our site',
				rel: [ 'nofollow' ],
				placement: 'content',
				hidden: null,
				isImage: false,
				block: 0,
				heading: null,
				inList: false,
				position: 0.5,
				pageUrl: target,
				foundOn: 'target-page',
				anchorClass: 'branded',
				toHomepage: true,
			},
		],
		validators: {
			page: { etag: '"e1"', lastModified: null },
			homepage: null,
		},
	};
}

/** Something in every table of every schema track. */
async function fill( store: Store ): Promise< void > {
	const site = await store.addSite( {
		url: 'https://our.example/',
		siteKey: 'our.example',
		secret: 'k'.repeat( 64 ),
		alternateUrls: [ 'https://old.example/' ],
		allowRendered: true,
	} );
	await store.ensureSite( {
		url: 'https://cli.example/',
		siteKey: 'cli.example',
	} );
	await store.recordPartnerPages( site.id, [
		{
			pageUrl: 'https://friend.test/post',
			domain: 'friend.test',
			foundOn: 'target-page',
			target: 'https://friend.test/post',
			readAt: '2026-03-01T00:00:00.000Z',
			linksToUs: 1,
			outbound: [
				{ domain: 'c.test', links: 2, sample: 'https://c.test/' },
			],
			outboundTotal: 1,
		},
	] );
	for ( const day of [ 1, 2, 3 ] ) {
		await store.recordChecks( site.id, [
			{
				targetKey: 'friend.test/post',
				domain: 'friend.test',
				withHomepage: day !== 2,
				result: result(
					'https://friend.test/post',
					`2026-03-0${ day }T00:00:00.000Z`
				),
			},
		] );
	}
	await store.setSiteSettings( site.id, { keywords: [ 'garden' ] } );
	await store.rememberNonce( '1:abc', Date.now() + 300_000, Date.now() );
	const scans = store.openScanStore();
	try {
		const scan = await scans.createScan( {
			siteId: site.id,
			site: site.url,
			source: 'wp-rest',
			sitemapUrl: null,
			full: true,
			modifiedAfter: null,
			ownerPid: 1,
		} );
		await scans.savePosts(
			scan.id,
			[
				{
					sourceKey: 'wp:post:1',
					url: 'https://our.example/p1/',
					title: 'P1',
					modifiedGmt: null,
					textSample: 'text',
					links: [
						{
							targetKey: 'friend.test/post',
							domain: 'friend.test',
							link: result(
								'https://friend.test/post',
								'2026-03-01T00:00:00Z'
							).links[ 0 ],
						},
					],
				},
			],
			[],
			{ cursor: { page: 2 }, postsRead: 1 }
		);
		const [ post ] = await scans.listPosts( site.id, 0, 1 );
		const finding = {
			code: 'exact-match-anchor-both' as const,
			severity: 'critical' as const,
			params: {},
		};
		await scans.replacePostFindings(
			site.id,
			new Map( [ [ post.id, [ { domain: 'friend.test', finding } ] ] ] )
		);
		await scans.replaceSiteFindings( site.id, [ finding ] );
		await scans.replacePartners(
			site.id,
			[
				{
					row: {
						domain: 'friend.test',
						ourPosts: 1,
						ourLinks: 1,
						status: 'links-back',
						theirLinks: [],
						relevance: 0.5,
						firstSeen: '2026-03-01T00:00:00.000Z',
						lastChecked: '2026-03-03T00:00:00.000Z',
						findings: [ finding ],
					},
					reciprocalSince: '2026-03-01T00:00:00.000Z',
					theirPlacements: [ 'content' ],
				},
			],
			[
				{
					domain: 'friend.test',
					kind: 'stopped-linking',
					since: '2026-03-02T00:00:00.000Z',
					params: {},
				},
			]
		);
		await scans.addLogEntry( site.id, {
			domain: 'friend.test',
			author: 'ann',
			note: 'agreed',
		} );
		await scans.setScanState( scan.id, 'done' );
	} finally {
		await scans.close();
	}
	// Imported backlinks: ours from Search Console (no rel columns, so the
	// flags are unknown), a competitor's from Ahrefs (rel flags known).
	const backlinks = store.openBacklinkStore();
	try {
		for ( const [ file, competitor ] of [
			[ 'gsc-latest-links.csv', null ],
			[ 'ahrefs-backlinks-utf8.csv', 'moestuinier.test' ],
		] as const ) {
			await importBacklinkFile( backlinks, site, {
				bytes: fs.readFileSync( path.join( EXPORTS, file ) ),
				fileName: file,
				format: 'auto',
				competitor,
			} );
		}
	} finally {
		await backlinks.close();
	}
}

/** What a store answers about the filled site, for comparing two stores. */
async function snapshot( store: Store ) {
	const site = ( await store.findSite( 'our.example' ) )!;
	const scans = store.openScanStore();
	const backlinks = store.openBacklinkStore();
	try {
		return {
			imports: await backlinks.listImports( site.id ),
			referring: await backlinks.referringDomains( site.id ),
			sites: await store.listSites(),
			latest: [
				...( await store.latestChecks( site.id, [
					'friend.test/post',
				] ) ),
			],
			history: await store.checkHistory( site.id ),
			settings: await store.getSiteSettings( site.id ),
			partnerPages: await store.partnerPages( site.id ),
			stats: await store.siteStats( site.id, new Date( '2026-01-01' ) ),
			scan: await scans.latestScan( site.id ),
			posts: await scans.listPosts( site.id, 0, 10 ),
			partners: await scans.queryPartners(
				site.id,
				ReportQuerySchema.parse( { placement: 'content' } )
			),
			findings: await scans.findingCounts( site.id ),
			alerts: await scans.listAlerts( site.id ),
			log: await scans.listLog( site.id ),
			firstSeen: [
				...( await scans.partnerFirstSeen(
					site.id,
					[ 'friend.test' ],
					'now'
				) ),
			],
		};
	} finally {
		await scans.close();
		await backlinks.close();
	}
}

/** Imported rows per nofollow flag (true, false, unknown), for both sides. */
const NOFOLLOW_SQL =
	'SELECT COUNT( * ) AS n FROM imported_backlinks GROUP BY nofollow ORDER BY nofollow IS NULL, nofollow';

describe( 'rlg migrate', () => {
	let server: TestPostgres;
	let dataDir: string;

	beforeAll( async () => {
		server = await startPostgres();
		dataDir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-migrate-' ) );
		const sqlite = openStore( { dataDir } );
		try {
			await fill( sqlite );
		} finally {
			await sqlite.close();
		}
	}, 90_000 );

	afterAll( async () => {
		await server?.stop();
		fs.rmSync( dataDir, { recursive: true, force: true } );
	} );

	it( 'copies every table, checked by counts, and the PostgreSQL store answers as the SQLite one did', async () => {
		const url = await server.createDatabase();
		const run = await runCli( [
			'migrate',
			'--data-dir',
			dataDir,
			'--database',
			url,
			'--json',
		] );
		expect( run.stderr ).toBe( '' );
		expect( run.exitCode ).toBe( 0 );
		const { tables } = JSON.parse( run.stdout ) as {
			tables: Array< {
				table: string;
				sqlite: number;
				postgres: number;
			} >;
		};
		expect( tables ).toHaveLength( 18 );
		for ( const table of tables ) {
			// Something was copied from every table, and all of it.
			expect( table.sqlite ).toBeGreaterThan( 0 );
			expect( table ).toEqual( { ...table, postgres: table.sqlite } );
		}
		expect( tables.find( ( t ) => t.table === 'checks' )?.sqlite ).toBe(
			3
		);
		expect(
			tables.find( ( t ) => t.table === 'backlink_imports' )?.sqlite
		).toBe( 2 );

		const sqlite = openStore( { dataDir } );
		const pg = await PgStore.open( { url } );
		try {
			expect( await snapshot( pg ) ).toEqual( await snapshot( sqlite ) );
			// An unknown rel flag stays unknown (NULL), not "followed".
			const file = openDatabase( path.join( dataDir, DATABASE_FILE ), {
				fileMustExist: true,
			} );
			try {
				const counts = ( rows: Array< { n: number | string } > ) =>
					rows.map( ( row ) => Number( row.n ) );
				const sqliteCounts = counts(
					file.prepare( NOFOLLOW_SQL ).all() as Array< { n: number } >
				);
				// Three groups: followed, nofollow and unknown.
				expect( sqliteCounts ).toHaveLength( 3 );
				expect(
					counts( ( await pg.pool.query( NOFOLLOW_SQL ) ).rows )
				).toEqual( sqliteCounts );
			} finally {
				file.close();
			}
			// The nonce came along: a replay stays a replay after the move.
			expect(
				await pg.rememberNonce(
					'1:abc',
					Date.now() + 300_000,
					Date.now()
				)
			).toBe( false );
			// Identity sequences continue after the copied ids.
			const before = await pg.listSites();
			const added = await pg.addSite( {
				url: 'https://new.example/',
				siteKey: 'new.example',
				secret: 'n',
			} );
			expect( added.id ).toBeGreaterThan(
				Math.max( ...before.map( ( s ) => s.id ) )
			);
		} finally {
			await sqlite.close();
			await pg.close();
		}
	} );

	it( 'refuses to copy into a database that already holds sites, writing nothing', async () => {
		const url = await server.createDatabase();
		const first = await runCli( [
			'migrate',
			'--data-dir',
			dataDir,
			'--database',
			url,
		] );
		expect( first.exitCode ).toBe( 0 );
		expect( first.stdout ).toMatch( /checks\s+3 rows \(SQLite 3\)/ );
		const again = await runCli( [
			'migrate',
			'--data-dir',
			dataDir,
			'--database',
			url,
		] );
		expect( again.exitCode ).toBe( 2 );
		expect( again.stderr ).toMatch( /already holds 2 site\(s\)/ );
		const pg = await PgStore.open( { url } );
		try {
			const site = ( await pg.findSite( 'our.example' ) )!;
			expect( await pg.checkHistory( site.id ) ).toHaveLength( 3 );
		} finally {
			await pg.close();
		}
	} );

	it( 'says what is missing', async () => {
		const noUrl = await runCli( [ 'migrate', '--data-dir', dataDir ] );
		expect( noUrl.exitCode ).toBe( 2 );
		expect( noUrl.stderr ).toMatch( /needs the PostgreSQL database/ );
		const empty = fs.mkdtempSync(
			path.join( os.tmpdir(), 'rlg-migrate-empty-' )
		);
		try {
			const noSource = await runCli( [
				'migrate',
				'--data-dir',
				empty,
				'--database',
				await server.createDatabase(),
			] );
			expect( noSource.exitCode ).toBe( 2 );
			expect( noSource.stderr ).toMatch( /no database to copy/ );
		} finally {
			fs.rmSync( empty, { recursive: true, force: true } );
		}
	} );
} );
