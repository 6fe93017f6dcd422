/**
 * evaluatePost for a caller that evaluates the same post again and again
 * as check results come in (the editor, issue 20: a first check of a
 * 1,000-link post streams its results in dozens of batches, and each
 * evaluation went over every link). The evaluator keeps, per link of the
 * post, the facts and findings it computed and the check result they were
 * computed from, and recomputes only the links whose result changed
 * (compared by identity: a result object is never modified). The rules
 * that look across links (WHOLE_POST_RULES: a block's or the post's
 * outbound domains) run over the whole post each time; they only count.
 * Anything else that changes — the links (a new array), the post's text,
 * the keyphrase, the settings, our site's URLs or counts, the memos —
 * starts afresh, as evaluatePost would.
 *
 * The findings are those evaluatePost gives for the same input, in the
 * same order (both end in orderFindings), and a link that was not
 * recomputed keeps its finding objects, so views can tell what changed by
 * identity. tests/core/rules-incremental.test.ts holds the two equal over
 * random sequences of results and edits.
 */
import type { Finding } from '../findings';
import type { BacklinkResult } from '../schemas';
import type { Settings, SettingsInput } from '../settings';
import {
	factsFrame,
	resultsByKey,
	type EvaluateOptions,
	type FactsFrame,
} from './facts';
import {
	orderFindings,
	POST_RULES,
	settingsOf,
	WHOLE_POST_RULES,
} from './index';
import type { LinkFacts, PostAnalysisInput, PostFacts } from './types';

export interface PostEvaluator {
	/** evaluatePost( input, settings, options ), reusing what did not change. */
	evaluate: (
		input: PostAnalysisInput,
		settings: Settings | SettingsInput,
		options?: EvaluateOptions
	) => Finding[];
	/**
	 * Computes, ahead of evaluate(), the facts and findings of the links
	 * whose result changed, one link at a time while `more()` says so
	 * (a caller's time slice): true when none is left, false to be called
	 * again with the same input. evaluate() then only puts the findings
	 * together, so a big post's evaluation need not be one long task.
	 */
	prepare: (
		input: PostAnalysisInput,
		settings: Settings | SettingsInput,
		options: EvaluateOptions,
		more: () => boolean
	) => boolean;
	/**
	 * External links whose facts and findings were computed for the last
	 * evaluate (by it or the prepare() calls before it with the same
	 * input); the others were kept from the evaluation before (tests,
	 * benchmarks).
	 */
	readonly recomputed: number;
}

/** What a frame was built from: any difference means a new frame. */
interface FrameInputs {
	links: PostAnalysisInput[ 'links' ];
	siteUrls: PostAnalysisInput[ 'siteUrls' ];
	settings: Settings;
	postText: string | undefined;
	focusKeyphrase: string | undefined;
	postUrl: string | undefined;
	siteText: string | undefined;
	/** The site's counts as JSON (the editor receives equal counts as new objects). */
	siteStats: string;
	relevance: EvaluateOptions[ 'relevance' ];
	anchors: EvaluateOptions[ 'anchors' ];
	prepareText: EvaluateOptions[ 'prepareText' ];
}

function frameInputs(
	input: PostAnalysisInput,
	settings: Settings,
	options: EvaluateOptions
): FrameInputs {
	return {
		links: input.links,
		siteUrls: input.siteUrls,
		settings,
		postText: input.postText,
		focusKeyphrase: input.focusKeyphrase,
		postUrl: input.postUrl,
		siteText: input.siteText,
		siteStats: JSON.stringify( input.siteStats ?? null ),
		relevance: options.relevance,
		anchors: options.anchors,
		prepareText: options.prepareText,
	};
}

function sameInputs( a: FrameInputs, b: FrameInputs ): boolean {
	return ( Object.keys( a ) as Array< keyof FrameInputs > ).every(
		( key ) => a[ key ] === b[ key ]
	);
}

/** One external link's facts and its findings per rule (POST_RULES order). */
interface Kept {
	result: BacklinkResult | null;
	facts: LinkFacts;
	byRule: Finding[][];
}

const RULES = Object.entries( POST_RULES );
const NONE: Finding[] = [];

export function createPostEvaluator(): PostEvaluator {
	let inputs: FrameInputs | null = null;
	let frame: FactsFrame | null = null;
	/** By place (index of the link in the post); null for internal links. */
	let kept: Array< Kept | null > = [];
	let recomputed = 0;
	/** The results' lookup, for the backlinks object it was built from. */
	let lookup: {
		backlinks: PostAnalysisInput[ 'backlinks' ];
		resultOf: ( key: string ) => BacklinkResult | undefined;
	} | null = null;
	/** prepare() resumes here while the frame and results stay the same. */
	let cursor = 0;

	const keep = (
		current: FactsFrame,
		place: FactsFrame[ 'places' ][ number ],
		result: BacklinkResult | null
	): Kept => {
		const facts = current.linkFacts( place, result );
		// The per-link rules see this link alone: their findings for it
		// depend on nothing else (WHOLE_POST_RULES).
		const alone = current.facts(
			[ facts ],
			[ { link: facts.link, external: facts } ]
		);
		return {
			result,
			facts,
			byRule: RULES.map( ( [ code, rule ] ) =>
				WHOLE_POST_RULES.has( code ) ? NONE : rule( alone )
			),
		};
	};

	/** The frame for this input (a new one when anything but results changed). */
	const frameFor = (
		input: PostAnalysisInput,
		settings: Settings | SettingsInput,
		options: EvaluateOptions
	): FactsFrame => {
		const parsed = settingsOf( settings );
		const now = frameInputs( input, parsed, options );
		if ( ! inputs || ! frame || ! sameInputs( inputs, now ) ) {
			inputs = now;
			frame = factsFrame( input, parsed, options );
			kept = frame.places.map( () => null );
			cursor = 0;
		}
		if ( ! lookup || lookup.backlinks !== input.backlinks ) {
			lookup = {
				backlinks: input.backlinks,
				resultOf: resultsByKey( input.backlinks ),
			};
			cursor = 0;
		}
		return frame;
	};

	/** Link `i`'s kept facts and findings, computed again when its result changed. */
	const entryAt = ( current: FactsFrame, i: number ): Kept | null => {
		const place = current.places[ i ];
		if ( ! place.external ) {
			return null;
		}
		const result = lookup!.resultOf( place.external.key ) ?? null;
		let entry = kept[ i ];
		if ( ! entry || entry.result !== result ) {
			entry = keep( current, place, result );
			kept[ i ] = entry;
			recomputed++;
		}
		return entry;
	};

	return {
		get recomputed() {
			return recomputed;
		},
		prepare( input, settings, options, more ) {
			const current = frameFor( input, settings, options );
			if ( cursor === 0 ) {
				recomputed = 0;
			}
			while ( cursor < current.places.length ) {
				entryAt( current, cursor++ );
				if ( cursor < current.places.length && ! more() ) {
					return false;
				}
			}
			return true;
		},
		evaluate( input, settings, options = {} ) {
			const current = frameFor( input, settings, options );
			if ( cursor === 0 ) {
				recomputed = 0;
			}
			cursor = 0;
			const links: LinkFacts[] = [];
			const all: PostFacts[ 'all' ] = [];
			const external: Kept[] = [];
			current.places.forEach( ( place, i ) => {
				const entry = entryAt( current, i );
				if ( ! entry ) {
					all.push( { link: place.link, external: null } );
					return;
				}
				external.push( entry );
				links.push( entry.facts );
				all.push( { link: place.link, external: entry.facts } );
			} );
			const facts = current.facts( links, all );
			return orderFindings(
				links,
				RULES.map( ( [ code, rule ], r ) => {
					if ( WHOLE_POST_RULES.has( code ) ) {
						return rule( facts );
					}
					const found: Finding[] = [];
					for ( const entry of external ) {
						for ( const finding of entry.byRule[ r ] ) {
							found.push( finding );
						}
					}
					return found;
				} )
			);
		},
	};
}
