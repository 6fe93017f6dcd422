/**
 * Partner pages analysed in worker threads (src/service/analysis): the
 * same answer as in this thread, a dying worker fails only its own page,
 * and a closed pool says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
	createAnalysisPool,
	createInlineAnalyzer,
	createPageAnalyzer,
	defaultAnalysisThreads,
	type AnalysisPool,
} from '../../src/service/analysis';
import { createBacklinkChecker } from '../../src/service/backlinks';
import { createFetcher } from '../../src/service/fetch';
import { html, startPartnerWeb } from '../helpers/partner-web';

const CORPUS = path.join( __dirname, '..', 'fixtures', 'corpus' );
const SITE = [ 'https://our-garden.example/' ];

function corpusPages(): Array< [ string, string ] > {
	return fs
		.readdirSync( CORPUS )
		.filter( ( file ) => file.endsWith( '.html' ) )
		.map( ( file ) => [
			file,
			// Every page gets a link to us in its content and one in a footer.
			fs
				.readFileSync( path.join( CORPUS, file ), 'utf8' )
				.replace(
					/<\/body>/i,
					'<footer><a href="https://our-garden.example/">Our garden</a></footer></body>'
				),
		] );
}

describe( 'analysis pool', () => {
	let pool: AnalysisPool;
	beforeAll( () => {
		pool = createAnalysisPool( { threads: 2 } );
	} );
	afterAll( () => pool.close() );

	it( 'answers exactly what the in-thread analysis answers', async () => {
		const inline = createInlineAnalyzer();
		const pages = corpusPages();
		const [ inThread, inWorkers ] = await Promise.all( [
			Promise.all(
				pages.map( ( [ file, page ] ) =>
					inline.analyze( {
						html: page,
						baseUrl: `https://partner.example/${ file }`,
						siteUrls: SITE,
					} )
				)
			),
			Promise.all(
				pages.map( ( [ file, page ] ) =>
					pool.analyze( {
						html: page,
						baseUrl: `https://partner.example/${ file }`,
						siteUrls: SITE,
					} )
				)
			),
		] );
		expect( inWorkers ).toEqual( inThread );
		// Only links to our site come back, and every page has ours.
		for ( const analysis of inWorkers ) {
			expect( analysis.links.length ).toBeGreaterThan( 0 );
			for ( const link of analysis.links ) {
				expect( link.href ).toMatch(
					/^https:\/\/our-garden\.example\//
				);
			}
		}
	} );

	it( 'decodes fetched bytes in the worker as this thread would', async () => {
		// windows-1252: curly quotes and the euro sign live in 0x80–0x9F.
		const page =
			'<main><p>\u201cTuin\u201d tips \u20ac5 <a href="https://our-garden.example/">\u2018onze tuin\u2019</a></p></main>';
		const bytes = Buffer.from(
			page.replace( /[\u2018\u2019\u201c\u201d\u20ac]/g, ( char ) =>
				String.fromCharCode(
					{
						'\u2018': 0x91,
						'\u2019': 0x92,
						'\u201c': 0x93,
						'\u201d': 0x94,
						'\u20ac': 0x80,
					}[ char ] as number
				)
			),
			'latin1'
		);
		const request = { baseUrl: 'https://p.example/', siteUrls: SITE };
		const fromBytes = await pool.analyze( {
			...request,
			body: bytes,
			charset: 'windows-1252',
		} );
		expect( fromBytes ).toEqual(
			await createInlineAnalyzer().analyze( { ...request, html: page } )
		);
		expect( fromBytes.links[ 0 ].text ).toBe( '\u2018onze tuin\u2019' );
		expect( fromBytes.facts.textSample ).toContain( '\u20ac5' );
	} );

	it( 'keeps the links of each site apart when one pool serves several', async () => {
		const page =
			'<main><p>Both <a href="https://a.example/">A</a> and <a href="https://b.example/x">B</a>.</p></main>';
		const [ forA, forB ] = await Promise.all( [
			pool.analyze( {
				html: page,
				baseUrl: 'https://p.example/',
				siteUrls: [ 'https://a.example/' ],
			} ),
			pool.analyze( {
				html: page,
				baseUrl: 'https://p.example/',
				siteUrls: [ 'https://b.example/' ],
			} ),
		] );
		expect( forA.links.map( ( link ) => link.href ) ).toEqual( [
			'https://a.example/',
		] );
		expect( forB.links.map( ( link ) => link.href ) ).toEqual( [
			'https://b.example/x',
		] );
	} );
} );

it( 'fails only the page whose worker ran out of memory, then carries on', async () => {
	// A small heap and a page (small to send) whose element table and
	// links to us cannot fit in it.
	const pool = createAnalysisPool( { threads: 1, maxHeapMb: 64 } );
	try {
		const huge = '<p><a href="https://our-garden.example/x">t</a>'.repeat(
			150_000
		);
		await expect(
			pool.analyze( {
				html: huge,
				baseUrl: 'https://p.example/',
				siteUrls: SITE,
			} )
		).rejects.toMatchObject( { code: 'ERR_ANALYSIS_WORKER_EXITED' } );
		const after = await pool.analyze( {
			html: '<main><a href="https://our-garden.example/">us</a></main>',
			baseUrl: 'https://p.example/',
			siteUrls: SITE,
		} );
		expect( after.links ).toHaveLength( 1 );
		expect( pool.fallbackReason ).toBeNull();
	} finally {
		await pool.close();
	}
} );

it( 'stops an idle worker on release (a scan building its report) and starts it again for the next page', async () => {
	const released = createAnalysisPool( { threads: 1 } );
	const page = {
		html: '<main><p><a href="https://our-garden.example/">ours</a></p></main>',
		baseUrl: 'https://partner.example/',
		siteUrls: SITE,
	};
	try {
		// A page still being read keeps its worker.
		const reading = released.analyze( page );
		await released.release();
		expect( released.running ).toBe( 1 );
		await reading;
		await released.release();
		expect( released.running ).toBe( 0 );
		// The next page: the pool is whole again, and answers.
		const again = await released.analyze( page );
		expect( released.running ).toBe( 1 );
		expect( again.links ).toHaveLength( 1 );
	} finally {
		await released.close();
	}
} );

it( 'refuses work once closed, with a code', async () => {
	const pool = createAnalysisPool( { threads: 1 } );
	await pool.close();
	await expect(
		pool.analyze( {
			html: '<p>x</p>',
			baseUrl: 'https://p.example/',
			siteUrls: SITE,
		} )
	).rejects.toMatchObject( { code: 'ERR_ANALYSIS_CLOSED' } );
} );

it( 'reads RLG_ANALYSIS_THREADS and names it when it is wrong', () => {
	expect( defaultAnalysisThreads( { RLG_ANALYSIS_THREADS: '3' } ) ).toBe( 3 );
	expect( defaultAnalysisThreads( { RLG_ANALYSIS_THREADS: '0' } ) ).toBe( 0 );
	expect( defaultAnalysisThreads( {} ) ).toBeGreaterThanOrEqual( 1 );
	expect( () =>
		defaultAnalysisThreads( { RLG_ANALYSIS_THREADS: 'many' } )
	).toThrow(
		/RLG_ANALYSIS_THREADS must be an integer from 0 to 64, got "many"/
	);
	expect( createPageAnalyzer( { threads: 0 } ).threads ).toBe( 0 );
} );

it( 'gives the backlink checker the same verdicts with workers as without', async () => {
	const web = await startPartnerWeb( {
		'partner-a.test': {
			'/': html(
				'<nav><a href="/">Home</a></nav><main><p>Read <a href="https://our-garden.example/tips">garden tips</a>.</p></main><footer><a href="https://our-garden.example/" rel="nofollow">Our Garden</a></footer>'
			),
			'/post': html( '<main><p>No link to them here.</p></main>' ),
		},
	} );
	const fetcher = createFetcher( { resolveMap: web.resolveMap } );
	const pool = createAnalysisPool( { threads: 1 } );
	const now = () => new Date( '2026-11-25T12:00:00Z' );
	const ctx = {
		siteUrls: SITE,
		keywords: [ 'garden tips' ],
		brandTerms: [],
		homepage: true,
	};
	try {
		const targets = [
			web.url( 'partner-a.test', '/post' ),
			web.url( 'partner-a.test', '/' ),
		];
		const inThread = await createBacklinkChecker( {
			fetcher,
			now,
		} ).checkTargets( targets, ctx );
		const inWorkers = await createBacklinkChecker( {
			fetcher,
			analyzer: pool,
			now,
		} ).checkTargets( targets, ctx );
		expect( inWorkers ).toEqual( inThread );
		expect( inWorkers.map( ( result ) => result.status ) ).toEqual( [
			'links-back',
			'links-back',
		] );
		expect(
			inWorkers[ 1 ].links.map( ( link ) => [ link.placement, link.rel ] )
		).toEqual( [
			[ 'content', [] ],
			[ 'footer', [ 'nofollow' ] ],
		] );
	} finally {
		await pool.close();
		await fetcher.close();
		await web.close();
	}
} );
