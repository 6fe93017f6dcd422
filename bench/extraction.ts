/**
 * Benchmark 1: link extraction with placement. Our analyzeHtml (links with
 * placement, hidden-ness, block/heading/list context and the page facts)
 * against cheerio (load + every a[href] with its text: links only, no
 * placement) and parse5 (the spec parser building a tree, nothing else),
 * on the same pages in the same process.
 */
import * as cheerio from 'cheerio';
import { analyzeHtml } from '../src/core/extract';
import { composePage, loadCorpus } from './lib/corpus';
import type { CorpusPage } from './lib/corpus';
import { importEsm } from './lib/esm';
import { nowMs, round } from './lib/stats';

type Extractor = ( html: string, url: string ) => number;

export interface ExtractionRow {
	set: string;
	pages: number;
	bytes: number;
	tool: string;
	mbPerSec: number;
	linksPerSec: number;
	linksPerPass: number;
	passes: number;
	/** Our MB/s divided by this tool's (1 for ours). */
	oursVsTool: number;
}

export interface ExtractionResult {
	rows: ExtractionRow[];
	/** Our throughput over cheerio's, per page set. */
	ratioVsCheerio: Record< string, number >;
	ratioVsParse5: Record< string, number >;
}

const BASE = 'https://bench.example/page/';

interface Tally {
	ms: number;
	passes: number;
	links: number;
}

function onePass( extract: Extractor, pages: readonly CorpusPage[] ): number {
	let links = 0;
	for ( const page of pages ) {
		links += extract( page.html, BASE );
	}
	return links;
}

/**
 * Time every tool on the same pages, interleaved: round after round, each
 * tool runs for about `sliceMs`. On a shared 2-core machine the load
 * changes from second to second; interleaving spreads it over all tools
 * instead of punishing whichever ran during a busy spell.
 */
function timeTools(
	tools: ReadonlyArray< [ string, Extractor ] >,
	pages: readonly CorpusPage[],
	rounds: number,
	sliceMs: number
): Tally[] {
	// Untimed passes first: JIT warm-up and lazy initialisation (a cold
	// first pass is several times slower and would favour no one).
	for ( const [ , extract ] of tools ) {
		const warmUntil = nowMs() + sliceMs;
		do {
			onePass( extract, pages );
		} while ( nowMs() < warmUntil );
	}
	const tallies: Tally[] = tools.map( () => ( {
		ms: 0,
		passes: 0,
		links: 0,
	} ) );
	for ( let pass = 0; pass < rounds; pass++ ) {
		tools.forEach( ( [ , extract ], i ) => {
			const tally = tallies[ i ];
			const start = nowMs();
			let elapsed = 0;
			do {
				tally.links = onePass( extract, pages );
				tally.passes++;
				elapsed = nowMs() - start;
			} while ( elapsed < sliceMs );
			tally.ms += elapsed;
		} );
	}
	return tallies;
}

export async function runExtraction( options: {
	quick: boolean;
} ): Promise< ExtractionResult > {
	const parse5 = await importEsm< typeof import( 'parse5' ) >( 'parse5' );
	const corpus = loadCorpus();
	const sizes = options.quick
		? [ 50_000, 200_000, 2_000_000 ]
		: [ 50_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000 ];
	const large = sizes.map( ( size, i ) => composePage( corpus, size, i ) );
	const sets: Array< [ string, CorpusPage[] ] > = [
		[ 'corpus', corpus ],
		[ 'large', large ],
	];
	const tools: Array< [ string, Extractor ] > = [
		[
			'rlg analyzeHtml',
			( html, url ) => analyzeHtml( html, url ).links.length,
		],
		[
			'cheerio a[href]+text',
			( html ) => {
				const $ = cheerio.load( html );
				let count = 0;
				$( 'a[href]' ).each( ( _i, el ) => {
					const node = $( el );
					if ( node.attr( 'href' ) !== undefined ) {
						node.text();
						count++;
					}
				} );
				return count;
			},
		],
		[
			'parse5 tree',
			( html ) => {
				parse5.parse( html );
				return 0;
			},
		],
	];
	const rounds = options.quick ? 3 : 6;
	const sliceMs = options.quick ? 300 : 500;
	const rows: ExtractionRow[] = [];
	const ratioVsCheerio: Record< string, number > = {};
	const ratioVsParse5: Record< string, number > = {};
	for ( const [ set, pages ] of sets ) {
		const bytes = pages.reduce( ( sum, page ) => sum + page.bytes, 0 );
		const tallies = timeTools( tools, pages, rounds, sliceMs );
		const measured = tools.map( ( [ tool ], i ) => {
			const { ms, passes, links } = tallies[ i ];
			const seconds = ms / 1000;
			return {
				tool,
				mbPerSec: ( bytes * passes ) / 1e6 / seconds,
				linksPerSec: ( links * passes ) / seconds,
				linksPerPass: links,
				passes,
			};
		} );
		const ours = measured[ 0 ].mbPerSec;
		for ( const m of measured ) {
			rows.push( {
				set,
				pages: pages.length,
				bytes,
				tool: m.tool,
				mbPerSec: round( m.mbPerSec ),
				linksPerSec: Math.round( m.linksPerSec ),
				linksPerPass: m.linksPerPass,
				passes: m.passes,
				oursVsTool: round( ours / m.mbPerSec ),
			} );
		}
		ratioVsCheerio[ set ] = round( ours / measured[ 1 ].mbPerSec );
		ratioVsParse5[ set ] = round( ours / measured[ 2 ].mbPerSec );
	}
	return { rows, ratioVsCheerio, ratioVsParse5 };
}
