/**
 * The analysis scheduler (issue 20): the rules run off React's render
 * path; asks that come in quick succession make one analysis; partner
 * pages are compared with the post a few at a time between slices and
 * remembered, so a new batch of results only costs its own pages.
 */
import { DEFAULT_SETTINGS, type Finding } from '../../src/core';
import { createPostEvaluator } from '../../src/core/rules/incremental';
import { createRelevanceMemo } from '../../src/core/rules/relevance-memo';
import { urlKey } from '../../src/core/url';
import {
	analysisOf,
	createAnalysisScheduler,
	pagesToAssess,
	type AnalysisInput,
} from '../../src/editor/analysis/scheduler';
import type {
	Analysis,
	CheckEntry,
	EditorContext,
	EditorLink,
} from '../../src/editor/types';
import { nextSlice } from '../../src/editor/next-slice';
import { PAGES, POSTS } from '../core/fixtures/relevance-texts';
import { page, reciprocal } from '../core/fixtures/rules';

const context: EditorContext = {
	settings: DEFAULT_SETTINGS,
	siteUrls: [ 'https://www.hardloopblog.nl/' ],
	settingsUrl: '',
	serviceConfigured: true,
	siteStats: null,
	serviceError: null,
	canOverride: false,
};

const TEXTS = [ PAGES.casino, PAGES.runningShop, PAGES.cryptoExchange ];

/** `count` reciprocal partners on their own hosts, pages cycling through TEXTS. */
function partners( count: number ) {
	return Array.from( { length: count }, ( _, i ) => {
		const href = `https://partner-${ i }.example/page`;
		const pair = reciprocal( { href, text: `partner ${ i }` } );
		const [ title, h1, ...rest ] = TEXTS[ i % TEXTS.length ].split( '\n' );
		// A text of its own per partner: every page is a page to assess.
		pair.result.page = page( href, {
			title: `${ title } ${ i }`,
			h1,
			textSample: rest.join( '\n' ),
		} );
		const link: EditorLink = {
			id: `block-${ i }:0:${ i }`,
			clientId: `block-${ i }`,
			blockName: 'core/paragraph',
			key: urlKey( href ),
			domain: `partner-${ i }.example`,
			rawHrefs: [ href ],
			external: true,
			link: pair.link,
		};
		return { link, result: pair.result };
	} );
}

function inputOf(
	all: ReturnType< typeof partners >,
	withResults: number,
	/** The partners without a result are being checked (else never asked). */
	restChecking = false
): AnalysisInput {
	const checks: Record< string, CheckEntry > = {};
	all.forEach( ( { link, result }, i ) => {
		if ( i < withResults ) {
			checks[ link.key ] = { state: 'done', url: link.link.href, result };
		} else if ( restChecking ) {
			checks[ link.key ] = { state: 'checking', url: link.link.href };
		}
	} );
	return {
		post: {
			links: all.map( ( p ) => p.link ),
			postText: POSTS.runningShoes,
			syncedPatterns: [],
		},
		checks,
		context,
		keyphrase: '',
		title: 'Running shoes',
		extractError: null,
	};
}

/** A scheduler whose slices are released by hand. */
function manual( memo = createRelevanceMemo() ) {
	const delivered: Array< Analysis | null > = [];
	let slices = 0;
	const scheduler = createAnalysisScheduler( {
		deliver: ( a ) => delivered.push( a ),
		memo,
		nextSlice: async () => {
			slices++;
		},
		// Every page takes 5 ms: a slice holds at most 3.
		now: ( () => {
			let t = 0;
			return () => ( t += 5 );
		} )(),
		sliceMs: 12,
		minGapMs: 0,
	} );
	return { scheduler, delivered, slices: () => slices, memo };
}

describe( 'createAnalysisScheduler', () => {
	it( 'makes one analysis of the latest input when asked several times in a row', async () => {
		const all = partners( 4 );
		const { scheduler, delivered } = manual();
		for ( let n = 0; n <= 4; n++ ) {
			scheduler.schedule( inputOf( all, n ) );
		}
		await scheduler.idle();
		expect( delivered ).toHaveLength( 1 );
		const latest = inputOf( all, 4 );
		expect( delivered[ 0 ] ).toEqual( analysisOf( latest ) );
		// It names the check results it is of (isAnalysisCurrent).
		expect( delivered[ 0 ]!.checks ).toEqual( latest.checks );
	} );

	it( 'compares partner pages with the post in slices, and only new ones next time', async () => {
		const all = partners( 12 );
		const { scheduler, delivered, slices, memo } = manual();
		scheduler.schedule( inputOf( all, 6 ) );
		await scheduler.idle();
		// 6 pages at 3 a slice: the first slice, then one per 3 pages.
		expect( slices() ).toBeGreaterThanOrEqual( 3 );
		expect( pagesToAssess( inputOf( all, 6 ), memo ) ).toEqual( [] );
		expect( pagesToAssess( inputOf( all, 12 ), memo ) ).toHaveLength( 6 );

		scheduler.schedule( inputOf( all, 12 ) );
		await scheduler.idle();
		expect( pagesToAssess( inputOf( all, 12 ), memo ) ).toEqual( [] );
		// The same findings as an analysis from scratch.
		expect( delivered[ 1 ] ).toEqual( analysisOf( inputOf( all, 12 ) ) );
		expect(
			delivered[ 1 ]!.findings.some(
				( f ) => f.code === 'off-topic-partner'
			)
		).toBe( true );
	} );

	it( 'evaluates again only the partners whose results came in, with the findings of a whole evaluation', async () => {
		const all = partners( 12 );
		const evaluator = createPostEvaluator();
		const delivered: Array< Analysis | null > = [];
		const scheduler = createAnalysisScheduler( {
			deliver: ( a ) => delivered.push( a ),
			evaluator,
			minGapMs: 0,
		} );
		// The post stays the same object while its results come in.
		const post = inputOf( all, 0 ).post;
		const withPost = ( n: number ) => ( { ...inputOf( all, n ), post } );
		scheduler.schedule( withPost( 5 ) );
		await scheduler.idle();
		expect( evaluator.recomputed ).toBe( 12 );
		const before = delivered[ 0 ]!.findings;

		scheduler.schedule( withPost( 7 ) );
		await scheduler.idle();
		// Partners 5 and 6 got their results; the ten others were kept.
		expect( evaluator.recomputed ).toBe( 2 );
		expect( delivered[ 1 ] ).toEqual( analysisOf( withPost( 7 ) ) );
		// The first partner's own findings are the very same objects (the
		// block's outbound domains, counted over all links, are new).
		const first = all[ 0 ].link.link.href;
		const own = ( findings: Finding[] ) =>
			findings.filter(
				( f ) =>
					f.linkUrl === first &&
					f.code !== 'many-outbound-domains-block'
			);
		expect( own( delivered[ 1 ]!.findings ).length ).toBeGreaterThan( 0 );
		for ( const finding of own( delivered[ 1 ]!.findings ) ) {
			expect( before ).toContain( finding );
		}
	} );

	it( 'evaluates the links of a big post in slices, not in one task', async () => {
		// No results yet: no partner page to compare, only links to evaluate.
		const all = partners( 30 );
		const { scheduler, delivered, slices } = manual();
		scheduler.schedule( inputOf( all, 0 ) );
		await scheduler.idle();
		// Every reading of the clock takes 5 ms and a slice 12 ms: a few
		// links a slice, so about ten slices, where one evaluation was one.
		expect( slices() ).toBeGreaterThanOrEqual( 8 );
		expect( delivered ).toHaveLength( 1 );
		expect( delivered[ 0 ] ).toEqual( analysisOf( inputOf( all, 0 ) ) );
	} );

	it( 'leaves a gap after an analysis while checks run, so input arriving in it makes one analysis', async () => {
		const all = partners( 4 );
		const delivered: Array< Analysis | null > = [];
		const pauses: number[] = [];
		let release: () => void = () => undefined;
		let clock = 0;
		const scheduler = createAnalysisScheduler( {
			deliver: ( a ) => delivered.push( a ),
			nextSlice: async () => undefined,
			now: () => clock,
			minGapMs: 400,
			pause: ( ms ) => {
				pauses.push( ms );
				return new Promise( ( resolve ) => {
					release = resolve;
				} );
			},
		} );
		scheduler.schedule( inputOf( all, 0, true ) );
		await Promise.resolve();
		await new Promise( ( resolve ) => setTimeout( resolve, 0 ) );
		expect( delivered ).toHaveLength( 1 );
		// Results arrive 100 ms later, in three batches during the gap,
		// with a fourth partner still being checked.
		clock = 100;
		for ( let n = 1; n <= 3; n++ ) {
			scheduler.schedule( inputOf( all, n, true ) );
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 0 ) );
		expect( pauses ).toEqual( [ 300 ] );
		expect( delivered ).toHaveLength( 1 );
		clock = 400;
		release();
		await scheduler.idle();
		expect( delivered ).toHaveLength( 2 );
		expect( delivered[ 1 ] ).toEqual(
			analysisOf( inputOf( all, 3, true ) )
		);
	} );

	it( 'leaves a longer gap after a costly analysis while checks run', async () => {
		const all = partners( 4 );
		const pauses: number[] = [];
		let clock = 0;
		const scheduler = createAnalysisScheduler( {
			// Each analysis (with its delivery) takes 100 ms.
			deliver: () => {
				clock += 100;
			},
			nextSlice: async () => undefined,
			now: () => clock,
			minGapMs: 400,
			gapPerCost: 10,
			pause: async ( ms ) => {
				pauses.push( ms );
				clock += ms;
			},
		} );
		scheduler.schedule( inputOf( all, 0, true ) );
		await scheduler.idle();
		clock += 50;
		scheduler.schedule( inputOf( all, 1, true ) );
		await scheduler.idle();
		// 10 x 100 ms after the delivery, 50 ms of which had passed.
		expect( pauses ).toEqual( [ 950 ] );
	} );

	it( 'ends a gap early when the last results come in during it', async () => {
		const all = partners( 3 );
		const delivered: Array< Analysis | null > = [];
		const scheduler = createAnalysisScheduler( {
			deliver: ( a ) => delivered.push( a ),
			nextSlice: async () => undefined,
			now: () => 0,
			minGapMs: 400,
			// A gap that only ends when woken.
			pause: () => new Promise( () => undefined ),
		} );
		scheduler.schedule( inputOf( all, 0, true ) );
		await scheduler.idle();
		scheduler.schedule( inputOf( all, 1, true ) );
		await new Promise( ( resolve ) => setTimeout( resolve, 0 ) );
		expect( delivered ).toHaveLength( 1 );
		scheduler.schedule( inputOf( all, 3 ) );
		await scheduler.idle();
		expect( delivered ).toHaveLength( 2 );
		expect( delivered[ 1 ] ).toEqual( analysisOf( inputOf( all, 3 ) ) );
	} );

	it( 'starts at once when nothing is being checked any more (no more batches can come)', async () => {
		const all = partners( 3 );
		const delivered: Array< Analysis | null > = [];
		const pauses: number[] = [];
		let clock = 0;
		const scheduler = createAnalysisScheduler( {
			deliver: ( a ) => delivered.push( a ),
			nextSlice: async () => undefined,
			now: () => clock,
			minGapMs: 400,
			pause: async ( ms ) => {
				pauses.push( ms );
			},
		} );
		scheduler.schedule( inputOf( all, 0, true ) );
		await scheduler.idle();
		// The last results arrive 100 ms after the first analysis.
		clock = 100;
		scheduler.schedule( inputOf( all, 3 ) );
		await scheduler.idle();
		expect( pauses ).toEqual( [] );
		expect( delivered ).toHaveLength( 2 );
		expect( delivered[ 1 ] ).toEqual( analysisOf( inputOf( all, 3 ) ) );
	} );

	it( 'delivers nothing once cancelled', async () => {
		const { scheduler, delivered } = manual();
		scheduler.schedule( inputOf( partners( 3 ), 3 ) );
		scheduler.cancel();
		await scheduler.idle();
		scheduler.schedule( inputOf( partners( 3 ), 3 ) );
		await scheduler.idle();
		expect( delivered ).toEqual( [] );
	} );

	it( 'reports an extraction failure as the analysis', async () => {
		const { scheduler, delivered } = manual();
		scheduler.schedule( {
			...inputOf( partners( 1 ), 1 ),
			extractError: 'boom',
		} );
		await scheduler.idle();
		expect( delivered[ 0 ] ).toMatchObject( {
			links: [],
			error: 'boom',
		} );
	} );
} );

describe( 'nextSlice', () => {
	const global = globalThis as {
		scheduler?: unknown;
		requestIdleCallback?: unknown;
	};
	afterEach( () => {
		delete global.scheduler;
		delete global.requestIdleCallback;
	} );

	it( 'yields with scheduler.yield() where the browser has it', async () => {
		const yielded = jest.fn( async () => undefined );
		global.scheduler = { yield: yielded };
		await nextSlice();
		expect( yielded ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'does not wait for an idle moment, which a loading editor never has', async () => {
		// An idle callback that never comes (the main thread stays busy).
		const idle = jest.fn();
		global.requestIdleCallback = idle;
		await expect( nextSlice() ).resolves.toBeUndefined();
		expect( idle ).not.toHaveBeenCalled();
	} );
} );
