/**
 * Off-topic assessments of partner pages against one post, remembered
 * across evaluations (issue 20). The editor evaluates the post again for
 * every batch of check results, and each evaluation compared the post with
 * every partner page it had results for: at 1,000 links that was most of
 * the editor's main-thread time. A memo handed to evaluatePost
 * (EvaluateOptions.relevance) assesses each page once per post text; a new
 * post text (the author typed) or a new threshold starts afresh, while the
 * partner pages stay tokenised. Prepared texts give bit-identical scores
 * however often they are reused (relevance.ts), so findings do not depend
 * on whether a memo was used.
 */
import {
	assessOffTopic,
	prepareText,
	type OffTopicAssessment,
	type PreparedText,
} from '../relevance';
import type { PageFacts } from '../schemas';

export interface RelevanceMemo {
	/**
	 * `page` assessed against the post (and the site's topic text, when
	 * not empty), or null when the page or the post has no text. The same
	 * object for the same page and texts until the texts change.
	 */
	ofPage: (
		page: PageFacts,
		postText: string,
		siteText: string,
		minRelevance: number
	) => OffTopicAssessment | null;
	/** Whether ofPage( page, … ) is already known for these texts (no work). */
	knows: (
		page: PageFacts,
		postText: string,
		siteText: string,
		minRelevance: number
	) => boolean;
}

export interface RelevanceMemoOptions {
	/** Prepares a text (a caller's own memory of prepared texts). */
	prepareText?: ( text: string ) => PreparedText;
	/** Partner pages kept tokenised across post texts (default 4,000). */
	maxPages?: number;
}

/** The text of a partner page the post is compared with. */
export function pageRelevanceText( page: PageFacts ): string {
	return [ page.title, page.h1, page.textSample ].join( '\n' ).trim();
}

type ByPage = Map<
	unknown,
	Map< unknown, Map< unknown, OffTopicAssessment | null > >
>;

export function createRelevanceMemo(
	options: RelevanceMemoOptions = {}
): RelevanceMemo {
	const prepare = options.prepareText ?? prepareText;
	const maxPages = options.maxPages ?? 4000;
	const preparedPages = new Map< string, PreparedText >();
	// What the assessments below were made against.
	let postText: string | null = null;
	let siteText = '';
	let minRelevance = NaN;
	let preparedPost: PreparedText | null = null;
	let preparedSite: PreparedText | null = null;
	// By the page's own title, H1 and sample strings (whose hashes the
	// engine keeps) before joining them into a new text to hash; pages of
	// one site sharing a text are assessed once.
	let byPage: ByPage = new Map();
	let byText = new Map< string, OffTopicAssessment >();

	const against = ( post: string, site: string, min: number ) => {
		if ( post === postText && site === siteText && min === minRelevance ) {
			return;
		}
		if ( post !== postText ) {
			preparedPost = null;
		}
		if ( site !== siteText ) {
			preparedSite = null;
		}
		postText = post;
		siteText = site;
		minRelevance = min;
		byPage = new Map();
		byText = new Map();
	};

	const preparedPage = ( text: string ) => {
		let found = preparedPages.get( text );
		if ( ! found ) {
			if ( preparedPages.size >= maxPages ) {
				preparedPages.clear();
			}
			found = prepare( text );
			preparedPages.set( text, found );
		}
		return found;
	};

	const slot = ( page: PageFacts ) => {
		let byH1 = byPage.get( page.title );
		if ( ! byH1 ) {
			byH1 = new Map();
			byPage.set( page.title, byH1 );
		}
		let bySample = byH1.get( page.h1 );
		if ( ! bySample ) {
			bySample = new Map();
			byH1.set( page.h1, bySample );
		}
		return bySample;
	};

	return {
		knows( page, post, site, min ) {
			if (
				post !== postText ||
				site !== siteText ||
				min !== minRelevance
			) {
				return false;
			}
			return slot( page ).has( page.textSample );
		},
		ofPage( page, post, site, min ) {
			against( post, site, min );
			const bySample = slot( page );
			let assessment = bySample.get( page.textSample );
			if ( assessment !== undefined ) {
				return assessment;
			}
			const text = pageRelevanceText( page );
			if ( text === '' || post.trim() === '' ) {
				assessment = null;
			} else {
				assessment = byText.get( text ) ?? null;
				if ( ! assessment ) {
					preparedPost ??= prepareText( post );
					if ( site !== '' ) {
						preparedSite ??= prepareText( site );
					}
					assessment = assessOffTopic(
						preparedPost,
						preparedPage( text ),
						min,
						preparedSite
					);
					byText.set( text, assessment );
				}
			}
			bySample.set( page.textSample, assessment );
			return assessment;
		},
	};
}
