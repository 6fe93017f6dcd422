/**
 * Scores the off-topic verdict (relevance.ts assessOffTopic, as the
 * off-topic-partner rule applies it) on the labelled pair set. "Positive"
 * = flagged off-topic; a true positive is a flagged pair labelled
 * unrelated. Shared by tests/relevance/pairs.test.ts and `npm run
 * accuracy` (docs/accuracy.md), so both report the same figures.
 */
import {
	assessOffTopic,
	prepareText,
	type Confidence,
} from '../../src/core/relevance';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { PAIRS, TEXTS, fullText, type Lang, type Pair } from './pairs';

export interface Confusion {
	/** Flagged and unrelated. */
	tp: number;
	/** Flagged but related: a false accusation. */
	fp: number;
	/** Unrelated but not flagged. */
	fn: number;
	/** Related and not flagged. */
	tn: number;
	n: number;
	/** tp / (tp + fp); null when nothing was flagged. */
	precision: number | null;
	/** tp / (tp + fn); null without unrelated pairs. */
	recall: number | null;
}

export interface PairResult {
	pair: Pair;
	lang: Lang;
	flagged: boolean;
	confidence: Confidence | null;
	reason: string | null;
	score: number;
	overlap: number;
}

export interface PairScores {
	rows: PairResult[];
	all: Confusion;
	tune: Confusion;
	holdout: Confusion;
	byLang: Record< Lang, Confusion >;
	/** Flagged pairs by confidence: how many, how many of them wrongly. */
	byConfidence: Record< Confidence, { flagged: number; wrong: number } >;
}

export function confusion( rows: readonly PairResult[] ): Confusion {
	let tp = 0;
	let fp = 0;
	let fn = 0;
	let tn = 0;
	for ( const row of rows ) {
		if ( row.flagged ) {
			if ( row.pair.related ) {
				fp++;
			} else {
				tp++;
			}
		} else if ( row.pair.related ) {
			tn++;
		} else {
			fn++;
		}
	}
	return {
		tp,
		fp,
		fn,
		tn,
		n: rows.length,
		precision: tp + fp === 0 ? null : tp / ( tp + fp ),
		recall: tp + fn === 0 ? null : tp / ( tp + fn ),
	};
}

export function scorePairs(
	pairs: readonly Pair[] = PAIRS,
	minRelevance: number = DEFAULT_SETTINGS.minRelevance
): PairScores {
	const rows = pairs.map( ( pair ): PairResult => {
		const assessment = assessOffTopic(
			prepareText( fullText( pair.post ) ),
			prepareText( fullText( pair.page ) ),
			minRelevance
		);
		return {
			pair,
			lang: TEXTS[ pair.post ].lang,
			flagged: assessment.offTopic,
			confidence: assessment.confidence,
			reason: assessment.reason,
			score: assessment.score,
			overlap: assessment.overlap,
		};
	} );
	const byConfidence: PairScores[ 'byConfidence' ] = {
		low: { flagged: 0, wrong: 0 },
		medium: { flagged: 0, wrong: 0 },
		high: { flagged: 0, wrong: 0 },
	};
	for ( const row of rows ) {
		if ( row.flagged && row.confidence ) {
			byConfidence[ row.confidence ].flagged++;
			if ( row.pair.related ) {
				byConfidence[ row.confidence ].wrong++;
			}
		}
	}
	const of = ( keep: ( row: PairResult ) => boolean ) =>
		confusion( rows.filter( keep ) );
	return {
		rows,
		all: confusion( rows ),
		tune: of( ( row ) => row.pair.split === 'tune' ),
		holdout: of( ( row ) => row.pair.split === 'holdout' ),
		byLang: {
			nl: of( ( row ) => row.lang === 'nl' ),
			en: of( ( row ) => row.lang === 'en' ),
			de: of( ( row ) => row.lang === 'de' ),
		},
		byConfidence,
	};
}
