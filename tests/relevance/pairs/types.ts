/**
 * The labelled relevance pairs (issue 15 item 2): texts written for this
 * set, in Dutch, English and German, and pairs of them labelled by hand.
 *
 * A pair is `related` when a careful editor would call a link between the
 * two topical — the same field of interest, even with little shared
 * vocabulary (growing tomatoes and composting, a marathon plan and a
 * running-shoe shop, sourdough and kitchen knives). It is `unrelated`
 * when the partner page is about something else altogether (a garden post
 * and a casino, loans, crypto; a dog-training post and a bike workshop).
 * Borderline pairs are labelled `related` (note: 'borderline'): the rule
 * accuses, so a doubtful pair must count against it when flagged.
 *
 * `split`: `tune` pairs were written first and used while the relevance
 * code and lexicon were changed; `holdout` pairs were written after that
 * work was done and only scored (see docs/accuracy.md).
 */
export type Lang = 'nl' | 'en' | 'de';

export interface PairText {
	lang: Lang;
	/** The field a reader would file the text under. */
	field: string;
	/** A post of ours (often short) or a partner page (often longer). */
	kind: 'post' | 'page';
	title: string;
	text: string;
}

export interface Pair {
	post: string;
	page: string;
	related: boolean;
	split: 'tune' | 'holdout';
	note?: string;
}
