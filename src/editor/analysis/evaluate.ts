/**
 * Runs the core rules over the post being edited. No rule logic lives in
 * the editor: this only assembles the input the core expects from what the
 * editor knows (links, cached check results, the site context).
 */
import type { BacklinkResult, ExtractedLink, Finding } from '../../core';
import {
	evaluatePost,
	evaluateSite,
	type PostAnalysisInput,
} from '../../core/rules';
import type { AnchorMemo } from '../../core/rules/anchor-memo';
import type { PostEvaluator } from '../../core/rules/incremental';
import type { RelevanceMemo } from '../../core/rules/relevance-memo';
import type { CheckEntry, EditorContext, EditorLink } from '../types';
import { SITE_RULE_CODES } from './blocking';

export interface EvaluateInput {
	links: readonly EditorLink[];
	/** The post's title and visible text (topical relevance). */
	postText: string;
	focusKeyphrase?: string;
	checks: Readonly< Record< string, CheckEntry > >;
	context: EditorContext;
	/** Partner pages' assessments kept across evaluations of this post. */
	relevance?: RelevanceMemo;
	/** Anchor analyses kept across evaluations of this post. */
	anchors?: AnchorMemo;
	/**
	 * Evaluates again only the links whose results changed since its last
	 * evaluation (core incremental.ts, issue 20); evaluatePost without.
	 */
	evaluator?: PostEvaluator;
}

export interface Evaluation {
	findings: Finding[];
	siteFindings: Finding[];
}

/** Finished check results keyed by urlKey(target), as the rules look them up. */
export function backlinksOf(
	checks: Readonly< Record< string, CheckEntry > >
): Record< string, BacklinkResult > {
	const backlinks: Record< string, BacklinkResult > = {};
	for ( const key of Object.keys( checks ) ) {
		const entry = checks[ key ];
		if ( entry.state === 'done' ) {
			backlinks[ key ] = entry.result;
		}
	}
	return backlinks;
}

/**
 * The extracted links of the editor's links, the same array for the same
 * links: the incremental evaluator starts afresh on a new array.
 */
const EXTRACTED = new WeakMap< readonly EditorLink[], ExtractedLink[] >();

function extractedLinks( links: readonly EditorLink[] ): ExtractedLink[] {
	let extracted = EXTRACTED.get( links );
	if ( ! extracted ) {
		extracted = links.map( ( l ) => l.link );
		EXTRACTED.set( links, extracted );
	}
	return extracted;
}

/** Results of the same check entries are looked up in the same object. */
const BACKLINKS = new WeakMap<
	Readonly< Record< string, CheckEntry > >,
	Record< string, BacklinkResult >
>();

function backlinksOnce(
	checks: Readonly< Record< string, CheckEntry > >
): Record< string, BacklinkResult > {
	let backlinks = BACKLINKS.get( checks );
	if ( ! backlinks ) {
		backlinks = backlinksOf( checks );
		BACKLINKS.set( checks, backlinks );
	}
	return backlinks;
}

/**
 * What the core rules are given for `input`: the same object parts for
 * the same links and check entries, so the incremental evaluator's
 * prepare() slices and the evaluation after them see one input.
 */
export function postAnalysisInput( input: EvaluateInput ): PostAnalysisInput {
	const { context } = input;
	return {
		siteUrls: context.siteUrls,
		postText: input.postText,
		focusKeyphrase: input.focusKeyphrase || undefined,
		links: extractedLinks( input.links ),
		backlinks: backlinksOnce( input.checks ),
		siteStats: context.siteStats ?? undefined,
	};
}

export function evaluate( input: EvaluateInput ): Evaluation {
	const { context } = input;
	const evaluatePostOnce = input.evaluator
		? input.evaluator.evaluate
		: evaluatePost;
	const findings = evaluatePostOnce(
		postAnalysisInput( input ),
		context.settings,
		{ relevance: input.relevance, anchors: input.anchors }
	).filter( ( f ) => ! SITE_RULE_CODES.includes( f.code ) );
	const siteFindings = context.siteStats
		? evaluateSite( context.siteStats, context.settings )
		: [];
	return { findings, siteFindings };
}
