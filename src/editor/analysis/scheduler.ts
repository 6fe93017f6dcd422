/**
 * Runs the core rules over the post off React's render path, in slices
 * (issue 20). Each batch of check results, each new context and each pause
 * in typing asks for an analysis; asks that arrive while one runs are
 * merged into the next, and the expensive part of a first look at a
 * partner (comparing its page with the post) is done a few pages at a
 * time between frames and remembered for the next analysis, so no single
 * task of the plugin holds the main thread for long.
 */
import type { PageFacts } from '../../core';
import {
	createAnchorMemo,
	type AnchorMemo,
} from '../../core/rules/anchor-memo';
import {
	createPostEvaluator,
	type PostEvaluator,
} from '../../core/rules/incremental';
import {
	createRelevanceMemo,
	type RelevanceMemo,
} from '../../core/rules/relevance-memo';
import type { EditorPost } from '../hooks/useOutboundLinks';
import type { Analysis, CheckEntry, EditorContext } from '../types';
import { nextSlice } from '../next-slice';
import { evaluate, postAnalysisInput } from './evaluate';

export interface AnalysisInput {
	post: EditorPost | null;
	checks: Readonly< Record< string, CheckEntry > >;
	context: EditorContext | null;
	keyphrase: string;
	title: string;
	/** Reading the links failed: the analysis says so instead. */
	extractError: string | null;
}

/** The text the post's relevance is judged on: its title and its text. */
export function relevancePostText( input: AnalysisInput ): string {
	const text = input.post ? input.post.postText : '';
	return input.title ? `${ input.title }\n${ text }` : text;
}

/**
 * The partner pages the rules will compare with the post that the memo
 * does not know yet: pages of targets that link back (the off-topic rule
 * asks only about those), once each.
 */
export function pagesToAssess(
	input: AnalysisInput,
	memo: RelevanceMemo
): PageFacts[] {
	if ( ! input.post || ! input.context ) {
		return [];
	}
	const postText = relevancePostText( input );
	const min = input.context.settings.minRelevance;
	const pages: PageFacts[] = [];
	const seen = new Set< string >();
	for ( const link of input.post.links ) {
		if ( ! link.external || seen.has( link.key ) ) {
			continue;
		}
		seen.add( link.key );
		const entry = input.checks[ link.key ];
		if (
			entry?.state === 'done' &&
			entry.result.status === 'links-back' &&
			entry.result.links.length > 0 &&
			entry.result.page &&
			! memo.knows( entry.result.page, postText, '', min )
		) {
			pages.push( entry.result.page );
		}
	}
	return pages;
}

/** The analysis of `input` (null while the links or the context are missing). */
export function analysisOf(
	input: AnalysisInput,
	memo?: RelevanceMemo,
	anchors?: AnchorMemo,
	evaluator?: PostEvaluator
): Analysis | null {
	const { post, context } = input;
	if ( input.extractError ) {
		return {
			links: [],
			findings: [],
			siteFindings: [],
			error: input.extractError,
			checks: input.checks,
		};
	}
	if ( ! post || ! context ) {
		return null;
	}
	try {
		const { findings, siteFindings } = evaluate( {
			links: post.links,
			postText: relevancePostText( input ),
			focusKeyphrase: input.keyphrase,
			checks: input.checks,
			context,
			relevance: memo,
			anchors,
			evaluator,
		} );
		return {
			links: post.links,
			findings,
			siteFindings,
			error: null,
			syncedPatterns: post.syncedPatterns,
			checks: input.checks,
		};
	} catch ( error ) {
		return {
			links: post.links,
			findings: [],
			siteFindings: [],
			error: error instanceof Error ? error.message : String( error ),
			syncedPatterns: post.syncedPatterns,
			checks: input.checks,
		};
	}
}

/** Whether some target of `input` is still being checked. */
export function checksRunning( input: AnalysisInput ): boolean {
	for ( const key in input.checks ) {
		if ( input.checks[ key ].state === 'checking' ) {
			return true;
		}
	}
	return false;
}

export interface SchedulerOptions {
	/** Receives each finished analysis (null: nothing to analyse yet). */
	deliver: ( analysis: Analysis | null ) => void;
	memo?: RelevanceMemo;
	anchors?: AnchorMemo;
	/** Keeps each link's findings until its result changes (one per post session). */
	evaluator?: PostEvaluator;
	/** Resolves when the next slice may run. */
	nextSlice?: () => Promise< void >;
	/** Work of one slice before yielding (ms). */
	sliceMs?: number;
	/**
	 * Least time from one analysis delivered to the start of the next
	 * while targets are still being checked: a big post's results arrive
	 * in many small batches, and each analysis goes over every link and
	 * re-renders the views. With nothing being checked no more batches can
	 * come, and the analysis starts at once.
	 */
	minGapMs?: number;
	/**
	 * While checks run, the gap is also at least this many times what the
	 * last analysis (with its delivery) took, so analyses take at most
	 * about 1 / (1 + factor) of the main thread however slow the machine.
	 */
	gapPerCost?: number;
	/** Resolves after `ms` (the gap between analyses). */
	pause?: ( ms: number ) => Promise< void >;
	now?: () => number;
}

export interface AnalysisScheduler {
	/** Analyse `input` soon; replaces any input still waiting. */
	schedule: ( input: AnalysisInput ) => void;
	/** Stops: nothing more is delivered. */
	cancel: () => void;
	/** Resolves when no analysis is running or waiting (tests). */
	idle: () => Promise< void >;
}

/** Keeps slices well under the 50 ms that make a long task. */
export const SLICE_MS = 12;

/** Default least time between two analyses (ms). */
export const MIN_GAP_MS = 400;

/**
 * Default gap per ms of the last analysis while checks run (issue 20): a
 * 1,000-link post's analysis takes 20-40 ms on a quiet core and 60-150 ms
 * on a loaded one, and a first check of it streams results for 30-50 s;
 * at 400 ms apart, analyses were most of the plugin's blocking time then.
 */
export const GAP_PER_COST = 10;

/** The gap never grows beyond this (ms): partial findings keep coming. */
export const MAX_GAP_MS = 2000;

export function createAnalysisScheduler(
	options: SchedulerOptions
): AnalysisScheduler {
	const memo = options.memo ?? createRelevanceMemo();
	const anchors = options.anchors ?? createAnchorMemo();
	const evaluator = options.evaluator ?? createPostEvaluator();
	const yieldSlice = options.nextSlice ?? nextSlice;
	const sliceMs = options.sliceMs ?? SLICE_MS;
	const now = options.now ?? ( () => performance.now() );
	const minGapMs = options.minGapMs ?? MIN_GAP_MS;
	const gapPerCost = options.gapPerCost ?? GAP_PER_COST;
	const pause =
		options.pause ??
		( ( ms: number ) =>
			new Promise< void >( ( resolve ) => setTimeout( resolve, ms ) ) );
	let deliveredAt = -Infinity;
	/** What the last analysis and its delivery took (ms). */
	let lastCost = 0;
	/** Ends the gap early: the last results are in, nothing to wait for. */
	let wake: ( () => void ) | null = null;
	let waiting: AnalysisInput | null = null;
	let running: Promise< void > | null = null;
	// Set and cleared synchronously, so an input scheduled just as a run
	// ends starts the next one.
	let active = false;
	let cancelled = false;

	async function run(): Promise< void > {
		try {
			await rounds();
		} finally {
			active = false;
		}
	}

	async function rounds(): Promise< void > {
		while ( waiting && ! cancelled ) {
			const gap = Math.max(
				minGapMs,
				Math.min( MAX_GAP_MS, gapPerCost * lastCost )
			);
			const rest = deliveredAt + gap - now();
			if ( rest > 0 && checksRunning( waiting ) ) {
				// More input gathers meanwhile: one analysis for all of it,
				// unless input with nothing left to check comes first.
				await Promise.race( [
					pause( rest ),
					new Promise< void >( ( resolve ) => {
						wake = resolve;
					} ),
				] );
				wake = null;
			}
			// Start in a task of its own: the caller (a dispatch, a render)
			// has its own work to finish.
			await yieldSlice();
			const input: AnalysisInput | null = waiting;
			waiting = null;
			if ( ! input || cancelled ) {
				break;
			}
			if ( input.context && input.post && ! input.extractError ) {
				const postText = relevancePostText( input );
				const min = input.context.settings.minRelevance;
				let started = now();
				for ( const page of pagesToAssess( input, memo ) ) {
					memo.ofPage( page, postText, '', min );
					if ( now() - started >= sliceMs ) {
						await yieldSlice();
						if ( cancelled ) {
							return;
						}
						started = now();
					}
				}
			}
			if ( cancelled ) {
				return;
			}
			// The links whose results changed, a few at a time: with no
			// results yet, or all of a big post's cached results at once,
			// that is every link (one 100-200 ms task at 1,000 links on a
			// loaded machine, issue 20); the evaluation then only puts the
			// findings together.
			if ( input.context && input.post && ! input.extractError ) {
				const request = postAnalysisInput( {
					links: input.post.links,
					postText: relevancePostText( input ),
					focusKeyphrase: input.keyphrase,
					checks: input.checks,
					context: input.context,
				} );
				const memos = { relevance: memo, anchors };
				let started = now();
				const more = () => now() - started < sliceMs;
				const prepared = () => {
					try {
						return evaluator.prepare(
							request,
							input.context!.settings,
							memos,
							more
						);
					} catch {
						// The evaluation below throws again and says why.
						return true;
					}
				};
				while ( ! prepared() ) {
					await yieldSlice();
					if ( cancelled ) {
						return;
					}
					started = now();
				}
			}
			// Later input that arrived meanwhile is analysed next, with
			// what this round already assessed.
			const analysing = now();
			options.deliver( analysisOf( input, memo, anchors, evaluator ) );
			deliveredAt = now();
			lastCost = deliveredAt - analysing;
		}
	}

	return {
		schedule( input ) {
			waiting = input;
			if ( wake && ! checksRunning( input ) ) {
				wake();
			}
			if ( ! active && ! cancelled ) {
				active = true;
				running = run();
			}
		},
		cancel() {
			cancelled = true;
			waiting = null;
		},
		async idle() {
			while ( active && running ) {
				await running;
			}
		},
	};
}
