/**
 * The post's links read block by block (issue 20): each top-level block's
 * saved HTML is analysed on its own and remembered by its text, so after a
 * pause in typing only the block that changed is parsed again, and a first
 * reading of a big post can give the main thread back between blocks. The
 * pieces are joined into what one analysis of the whole post gives: text
 * between top-level blocks does not count toward positions (the extractor
 * counts no text outside elements), a heading runs on into the blocks after
 * it, and block numbers continue from block to block.
 */
import type { ExtractedLink } from '../../core';
import {
	analyzeFragment,
	TEXT_SAMPLE_CHARS,
	type FragmentAnalysis,
} from '../../core/extract';

export interface JoinedFragments {
	links: ExtractedLink[];
	/** The post's visible text (the first TEXT_SAMPLE_CHARS), for relevance. */
	textSample: string;
}

/** The links and text of consecutive fragments as one post's. */
export function joinFragments(
	fragments: readonly FragmentAnalysis[]
): JoinedFragments {
	let total = 0;
	for ( const fragment of fragments ) {
		total += fragment.textLength;
	}
	const links: ExtractedLink[] = [];
	const samples: string[] = [];
	let sampled = 0;
	let before = 0;
	let blockBase = 0;
	let heading: string | null = null;
	for ( const fragment of fragments ) {
		let blocks = 0;
		for ( const link of fragment.links ) {
			// The fragment's own position is textOffset / its length.
			const offset = before + link.position * fragment.textLength;
			links.push( {
				...link,
				block: blockBase + link.block,
				heading: link.heading ?? heading,
				position: total > 0 ? Math.min( 1, offset / total ) : 0,
			} );
			blocks = Math.max( blocks, link.block + 1 );
		}
		blockBase += blocks;
		before += fragment.textLength;
		if ( fragment.lastHeading !== null ) {
			heading = fragment.lastHeading;
		}
		const sample = fragment.facts.textSample;
		if ( sample !== '' && sampled < TEXT_SAMPLE_CHARS ) {
			samples.push( sample );
			sampled += sample.length + 1;
		}
	}
	return {
		links,
		textSample: samples.join( ' ' ).slice( 0, TEXT_SAMPLE_CHARS ),
	};
}

/**
 * Fragment analyses remembered by their HTML. The block editor keeps a
 * block's object, and the editor its saved HTML string, until the block
 * changes, so an unchanged block is a lookup. Entries not used by the
 * latest reading are dropped at the next ({@link FragmentCache.sweep}), so
 * the memory follows the post, not its history.
 */
export interface FragmentCache {
	/** The base URL relative links of these fragments resolve against. */
	readonly baseUrl: string;
	analyze: ( html: string ) => FragmentAnalysis;
	/** Call after each reading of the post: forgets fragments it did not use. */
	sweep: () => void;
	/** Fragments analysed (not found) since the cache was made (tests). */
	readonly parsed: number;
}

export function createFragmentCache( baseUrl: string ): FragmentCache {
	let current = new Map< string, FragmentAnalysis >();
	let previous = new Map< string, FragmentAnalysis >();
	let parsed = 0;
	return {
		baseUrl,
		analyze( html ) {
			let analysis = current.get( html ) ?? previous.get( html );
			if ( ! analysis ) {
				analysis = analyzeFragment( html, baseUrl );
				parsed++;
			}
			current.set( html, analysis );
			return analysis;
		},
		sweep() {
			previous = current;
			current = new Map();
		},
		get parsed() {
			return parsed;
		},
	};
}
