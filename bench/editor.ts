/**
 * Benchmark 3: editor responsiveness. The editor bundle's own analysis
 * path, run in Node on the same code: collectPostLinks (core analyzeHtml
 * over the post + pairing each link with its block) and evaluate (every
 * post rule and site rule over the links and their cached check results),
 * on posts of 10, 100 and 1,000 links in paragraph blocks. Peer: cheerio
 * loading the same post HTML and listing its a[href] with text (links
 * only, no blocks, no rules).
 */
import * as cheerio from 'cheerio';
import type { BacklinkResult } from '../src/core/schemas';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { urlKey } from '../src/core/url';
import { evaluate } from '../src/editor/analysis/evaluate';
import { collectPostLinks } from '../src/editor/links/collect';
import type { BlockLike } from '../src/editor/links/collect';
import type { CheckEntry, EditorContext } from '../src/editor/types';
import { nowMs, round, summarize } from './lib/stats';

export interface EditorRow {
	links: number;
	postBytes: number;
	runs: number;
	p50Ms: number;
	p95Ms: number;
	/** p50 of the two phases: links from the blocks, then the rules. */
	collectP50Ms: number;
	evaluateP50Ms: number;
	findings: number;
	cheerioP50Ms: number;
	/** Our p50 over cheerio's p50 (cheerio does far less: no rules). */
	costVsCheerio: number;
}

export interface EditorResult {
	rows: EditorRow[];
	targetMs: number;
	met: boolean;
}

const SITE = 'https://our-garden.example/';
const WORDS =
	'the garden soil compost seeds tomatoes spring pruning roses water shade mulch harvest beds raised herbs'.split(
		' '
	);

interface Block extends BlockLike {
	html: string;
}

function sentence( i: number, length: number ): string {
	const words: string[] = [];
	for ( let w = 0; w < length; w++ ) {
		words.push( WORDS[ ( i * 7 + w * 3 ) % WORDS.length ] );
	}
	return words.join( ' ' );
}

/** A post of paragraph blocks, two links each, some to the same partner. */
function buildPost( links: number ): { blocks: Block[]; html: string } {
	const blocks: Block[] = [];
	for ( let i = 0; i < links; i += 2 ) {
		const anchors = [ i, i + 1 ]
			.filter( ( n ) => n < links )
			.map(
				( n ) =>
					`<a href="https://partner-${ n % 400 }.example/articles/${ n }/">${
						n % 5 === 0 ? 'garden tips' : sentence( n, 3 )
					}</a>`
			);
		const html = `<p>${ sentence( i, 18 ) } ${ anchors.join(
			` ${ sentence( i + 1, 9 ) } `
		) } ${ sentence( i + 2, 12 ) }.</p>`;
		blocks.push( {
			clientId: `block-${ i }`,
			name: 'core/paragraph',
			innerBlocks: [],
			html,
		} );
	}
	const html = blocks
		.map(
			( b ) =>
				`<!-- wp:paragraph -->\n${ b.html }\n<!-- /wp:paragraph -->`
		)
		.join( '\n\n' );
	return { blocks, html };
}

function resultFor( href: string, n: number ): BacklinkResult {
	const linksBack = n % 2 === 0;
	return {
		target: href,
		status: linksBack ? 'links-back' : 'no-link',
		httpStatus: 200,
		detail: null,
		checkedAt: new Date().toISOString(),
		fromCache: true,
		page: {
			url: href,
			finalUrl: href,
			httpStatus: 200,
			title: n % 3 === 0 ? 'Online casino bonus' : 'Garden and compost',
			h1: 'Articles',
			lang: 'en',
			textSample: n % 3 === 0 ? 'casino poker slots' : sentence( n, 40 ),
			notIndexable: null,
		},
		links: linksBack
			? [
					{
						href: SITE,
						text: n % 4 === 0 ? 'garden tips' : 'Our Garden',
						rel: [],
						placement: n % 6 === 0 ? 'footer' : 'content',
						hidden: null,
						isImage: false,
						block: 3,
						heading: null,
						inList: false,
						position: 0.5,
						pageUrl: href,
						foundOn: 'target-page',
						anchorClass: n % 4 === 0 ? 'exact-match' : 'brand',
						toHomepage: true,
					},
				]
			: [],
	} as BacklinkResult;
}

function timeRuns( run: () => unknown, runs: number ): number[] {
	for ( let i = 0; i < Math.min( 20, runs ); i++ ) {
		run();
	}
	const samples: number[] = [];
	for ( let i = 0; i < runs; i++ ) {
		const start = nowMs();
		run();
		samples.push( nowMs() - start );
	}
	return samples;
}

export function runEditor( options: { quick: boolean } ): EditorResult {
	const context: EditorContext = {
		settings: DEFAULT_SETTINGS,
		siteUrls: [ SITE ],
		settingsUrl: `${ SITE }wp-admin/`,
		serviceConfigured: true,
		siteStats: {
			outboundDomains: 420,
			reciprocalPartners: 210,
			newReciprocalPartners: 12,
		},
		serviceError: null,
		canOverride: false,
	};
	const rows: EditorRow[] = [];
	for ( const size of [ 10, 100, 1000 ] ) {
		const post = buildPost( size );
		const checks: Record< string, CheckEntry > = {};
		for ( let n = 0; n < size; n++ ) {
			const href = `https://partner-${ n % 400 }.example/articles/${ n }/`;
			checks[ urlKey( href ) ] = {
				state: 'done',
				url: href,
				result: resultFor( href, n ),
			};
		}
		let findings = 0;
		const collectTimes: number[] = [];
		const evaluateTimes: number[] = [];
		const analyse = () => {
			const start = nowMs();
			const collected = collectPostLinks( {
				blocks: post.blocks,
				blockHtml: ( b ) => b.html,
				postHtml: post.html,
				baseUrl: `${ SITE }?p=1`,
				siteUrls: [ SITE ],
			} );
			const middle = nowMs();
			const evaluation = evaluate( {
				links: collected.links,
				postText: collected.postText,
				focusKeyphrase: 'garden tips',
				checks,
				context,
			} );
			findings =
				evaluation.findings.length + evaluation.siteFindings.length;
			collectTimes.push( middle - start );
			evaluateTimes.push( nowMs() - middle );
		};
		const peer = () => {
			const $ = cheerio.load( post.html );
			$( 'a[href]' ).each( ( _i, el ) => {
				$( el ).text();
			} );
		};
		let runs = size === 1000 ? 60 : 300;
		if ( options.quick ) {
			runs = Math.ceil( runs / 3 );
		}
		const ours = summarize( timeRuns( analyse, runs ) );
		const theirs = summarize( timeRuns( peer, runs ) );
		rows.push( {
			links: size,
			postBytes: Buffer.byteLength( post.html ),
			runs,
			p50Ms: round( ours.p50 ),
			p95Ms: round( ours.p95 ),
			collectP50Ms: round( summarize( collectTimes ).p50 ),
			evaluateP50Ms: round( summarize( evaluateTimes ).p50 ),
			findings,
			cheerioP50Ms: round( theirs.p50 ),
			costVsCheerio: round( ours.p50 / theirs.p50 ),
		} );
	}
	const targetMs = 16;
	const big = rows[ rows.length - 1 ];
	return { rows, targetMs, met: big.p95Ms < targetMs };
}
