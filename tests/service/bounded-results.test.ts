/**
 * Issue 16 item 1 / issue 15 item 6: a partner page full of links to us.
 * Real partner servers serve ~2 MiB pages with 56,000 links to the site;
 * one signed POST /v1/check with 4 such targets (the review's request of
 * 10 answered 175 MB, 40 failed) must answer a small reply, store small rows, and still
 * give the rules the counts of all links (the footer link after 56,000
 * content links makes the boilerplate verdict).
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { evaluatePost } from '../../src/core/rules';
import type { BacklinkResult } from '../../src/core/schemas';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import {
	MAX_CHECK_REPLY_BYTES,
	MAX_KEPT_LINKS,
	MAX_STORED_RESULT_BYTES,
	placementCounts,
	totalLinks,
} from '../../src/core/their-links';
import { urlKey } from '../../src/core/url';
import { startPartnerWeb, type PartnerWeb } from '../helpers/partner-web';
import { recordFigures } from '../reliability/figures';
import {
	SITE_KEY,
	SITE_URL,
	signedSend,
	startLiveHarness,
	type LiveHarness,
} from './harness';

const HOST = 'linkfarm.test';
const TARGETS = 4;
const CONTENT_LINKS = 56_000;

/** ~2 MiB: 56,000 content links to us, then one footer link and one hidden one. */
function hugePage( n: number ): string {
	const link = `<a href=${ SITE_URL }>tip</a>`;
	return [
		'<!doctype html><html lang="nl"><head><title>Link farm ',
		String( n ),
		'</title></head><body><main><h1>Tuinieren</h1><p>',
		link.repeat( CONTENT_LINKS ),
		'</p><div style="display:none"><a href="',
		SITE_URL,
		'">verborgen</a></div></main><footer><a href="',
		SITE_URL,
		'blog/">De Moestuinier</a></footer></body></html>',
	].join( '' );
}

let web: PartnerWeb;
let live: LiveHarness;
let reply: { bytes: number; results: BacklinkResult[] };

beforeAll( async () => {
	const routes: Record< string, string > = { '/': '<p>home</p>' };
	for ( let i = 0; i < TARGETS; i++ ) {
		routes[ `/farm/${ i }` ] = hugePage( i );
	}
	if ( Buffer.byteLength( routes[ '/farm/0' ] ) >= 2 * 1024 * 1024 ) {
		throw new Error( "the page must fit the fetcher's 2 MiB limit" );
	}
	web = await startPartnerWeb( { [ HOST ]: routes } );
	live = await startLiveHarness( {
		siteUrl: SITE_URL,
		secret: SITE_KEY,
		settings: DEFAULT_SETTINGS,
		resolveMap: web.resolveMap,
		// About size, not speed: parsing 4 x 2 MiB on a busy machine.
		checkTimeoutMs: 120_000,
	} );
	const response = await signedSend( live.app, {
		method: 'POST',
		url: '/v1/check',
		body: {
			site: SITE_URL,
			links: Array.from( { length: TARGETS }, ( _, i ) => ( {
				url: web.url( HOST, `/farm/${ i }` ),
			} ) ),
		},
	} );
	if ( response.statusCode !== 200 ) {
		throw new Error( `POST /v1/check answered ${ response.statusCode }` );
	}
	const text = response.text();
	reply = {
		bytes: Buffer.byteLength( text ),
		results: JSON.parse( text ).results,
	};
}, 300_000 );

/** For docs/reliability.md (issue 16 item 1). */
const figures: Record< string, unknown > = {
	targets: TARGETS,
	linksPerPage: CONTENT_LINKS + 2,
};
afterAll( () => recordFigures( 'bounded-results', figures ) );

afterAll( async () => {
	await live?.close();
	await web?.close();
} );

it( 'answers a small reply: at most 50 links a result, with the true total', () => {
	figures.replyBytes = reply.bytes;
	figures.pageBytes = Buffer.byteLength( hugePage( 0 ) );
	figures.keptLinksMax = Math.max(
		...reply.results.map( ( result ) => result.links.length )
	);
	figures.totalLinksReported = Math.min(
		...reply.results.map( ( result ) => totalLinks( result ) )
	);
	expect( reply.results ).toHaveLength( TARGETS );
	// The review measured 175 MB for this request.
	expect( reply.bytes ).toBeLessThan( 512 * 1024 );
	expect( reply.bytes ).toBeLessThan( MAX_CHECK_REPLY_BYTES );
	for ( const result of reply.results ) {
		expect( result.status ).toBe( 'links-back' );
		expect( result.links.length ).toBeLessThanOrEqual( MAX_KEPT_LINKS );
		expect( totalLinks( result ) ).toBe( CONTENT_LINKS + 2 );
	}
} );

it( 'keeps every kind of link and counts the placements of all of them', () => {
	const [ result ] = reply.results;
	const counts = placementCounts( result.linkCounts ?? [] );
	expect( counts ).toEqual( [
		{
			where: 'content',
			count: CONTENT_LINKS + 1,
			hidden: 1,
			onHomepage: 0,
		},
		{ where: 'footer', count: 1, hidden: 0, onHomepage: 0 },
	] );
	// The footer link and the hidden one come after 56,000 others: a
	// "first 50" cap would have dropped both.
	expect( result.links.some( ( link ) => link.placement === 'footer' ) ).toBe(
		true
	);
	expect( result.links.some( ( link ) => link.hidden !== null ) ).toBe(
		true
	);
} );

it( 'the rules see the footer and hidden links of the whole page', () => {
	const [ result ] = reply.results;
	const findings = evaluatePost(
		{
			siteUrls: [ SITE_URL ],
			postText: '',
			links: [
				{
					href: result.target,
					text: 'linkfarm',
					rel: [],
					placement: 'content',
					hidden: null,
					isImage: false,
					block: 0,
					heading: null,
					inList: false,
					position: 0.5,
				},
			],
			backlinks: { [ urlKey( result.target ) ]: result },
		},
		DEFAULT_SETTINGS
	);
	const codes = findings.map( ( finding ) => finding.code );
	expect( codes ).toContain( 'boilerplate-backlink' );
	expect( codes ).toContain( 'hidden-link-theirs' );
	const boilerplate = findings.find(
		( finding ) => finding.code === 'boilerplate-backlink'
	);
	expect( boilerplate?.params ).toMatchObject( {
		placement: 'footer',
		count: 1,
		total: CONTENT_LINKS + 2,
	} );
} );

it( 'stores small rows: the store stays small whatever the page held', async () => {
	const db = new BetterSqlite3( path.join( live.dataDir, 'rlg.sqlite' ), {
		readonly: true,
	} );
	try {
		const rows = db
			.prepare(
				'SELECT length( result ) AS bytes, links_to_us AS links FROM checks'
			)
			.all() as Array< { bytes: number; links: number } >;
		figures.rowBytesMax = Math.max( ...rows.map( ( row ) => row.bytes ) );
		expect( rows ).toHaveLength( TARGETS );
		for ( const row of rows ) {
			expect( row.bytes ).toBeLessThan( MAX_STORED_RESULT_BYTES );
			// The true count is kept beside the bounded row.
			expect( row.links ).toBe( CONTENT_LINKS + 2 );
		}
	} finally {
		db.close();
	}
	const files = fs
		.readdirSync( live.dataDir )
		.filter( ( name ) => name.startsWith( 'rlg.sqlite' ) );
	const bytes = files.reduce(
		( sum, name ) =>
			sum + fs.statSync( path.join( live.dataDir, name ) ).size,
		0
	);
	figures.storeBytes = bytes;
	// 78 such checks grew the review's store to 1.07 GB (~14 MB each).
	expect( bytes ).toBeLessThan( 4 * 1024 * 1024 );
} );

it( 'a cached answer is as small as a fresh one', async () => {
	const response = await signedSend( live.app, {
		method: 'POST',
		url: '/v1/check',
		body: {
			site: SITE_URL,
			links: [ { url: web.url( HOST, '/farm/0' ) } ],
		},
	} );
	const [ result ] = response.json().results;
	expect( result.fromCache ).toBe( true );
	expect( result.links.length ).toBeLessThanOrEqual( MAX_KEPT_LINKS );
	expect( totalLinks( result ) ).toBe( CONTENT_LINKS + 2 );
} );
