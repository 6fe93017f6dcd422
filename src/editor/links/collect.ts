/**
 * Turns the block tree into the post's links, each tied to the block it
 * sits in. The core extractor reads the whole post (so a link's position,
 * list and heading context are post-wide, as the rules expect): in one go,
 * or top-level block by top-level block, joined (fragments.ts); the block
 * of each link is then found by scanning each block's own HTML and pairing
 * occurrences of the same normalised URL in document order.
 */
import { analyzeHtml, type FragmentAnalysis } from '../../core/extract';
import {
	createSiteMatcher,
	normalizeUrl,
	siteKey,
	urlKey,
} from '../../core/url';
import type { EditorLink } from '../types';
import { findAnchorTags } from './anchor-tags';
import { joinFragments, type JoinedFragments } from './fragments';

/** The part of a block the collector reads. */
export interface BlockLike {
	clientId: string;
	name: string;
	innerBlocks: BlockLike[];
}

export interface CollectInput< B extends BlockLike > {
	blocks: readonly B[];
	/** The block's own saved HTML, without its inner blocks. */
	blockHtml: ( block: B ) => string;
	/** The whole post's saved HTML. */
	postHtml: string;
	/**
	 * The analyses of the post's top-level blocks in order
	 * (links/fragments.ts): when given, the post is not parsed again as a
	 * whole; they are joined into the same links and text.
	 */
	fragments?: readonly FragmentAnalysis[];
	/** Base for relative hrefs: the post's permalink or the home URL. */
	baseUrl: string;
	siteUrls: readonly string[];
}

export interface CollectedPost {
	links: EditorLink[];
	/** The post's visible text, for topical relevance. */
	postText: string;
}

interface Occurrence {
	clientId: string;
	blockName: string;
	rawHref: string;
	href: string;
	/** urlKey(href). */
	key: string;
}

function occurrencesOf< B extends BlockLike >(
	blocks: readonly B[],
	blockHtml: ( block: B ) => string,
	baseUrl: string,
	out: Occurrence[] = []
): Occurrence[] {
	for ( const block of blocks ) {
		for ( const tag of findAnchorTags( blockHtml( block ) ) ) {
			const href =
				tag.href === null ? null : normalizeUrl( tag.href, baseUrl );
			if ( href !== null && tag.href !== null ) {
				out.push( {
					clientId: block.clientId,
					blockName: block.name,
					rawHref: tag.href,
					href,
					key: urlKey( href ),
				} );
			}
		}
		occurrencesOf( block.innerBlocks as B[], blockHtml, baseUrl, out );
	}
	return out;
}

/**
 * The partner a URL belongs to: core's site identity (registrable domain,
 * or host:port for IP addresses and single-label hosts such as local test
 * servers), so partners group the way the rules count them.
 */
export function partnerDomain( href: string ): string {
	return siteKey( href ) ?? href;
}

export function collectPostLinks< B extends BlockLike >(
	input: CollectInput< B >
): CollectedPost {
	const { links, textSample } = input.fragments
		? joinFragments( input.fragments )
		: wholePost( input.postHtml, input.baseUrl );
	const ourSites = new Set(
		createSiteMatcher( [ ...input.siteUrls ] ).domains
	);
	const occurrences = occurrencesOf(
		input.blocks,
		input.blockHtml,
		input.baseUrl
	);
	// Each extracted link takes the first unused occurrence of its URL, in
	// document order. Both lists are in document order and almost always
	// line up one to one: while they do, link i takes occurrence i (every
	// earlier occurrence is used, so i is the first unused one of its URL),
	// compared as strings. From the first difference on (a link the block
	// scan did not see, or the other way round), a cursor per URL pairs the
	// rest in one pass.
	const paired: Array< Occurrence | null > = new Array( links.length );
	let aligned = 0;
	while (
		aligned < links.length &&
		aligned < occurrences.length &&
		occurrences[ aligned ].href === links[ aligned ].href
	) {
		paired[ aligned ] = occurrences[ aligned ];
		aligned++;
	}
	if ( aligned < links.length ) {
		const queues = new Map<
			string,
			{ items: Occurrence[]; next: number }
		>();
		for ( let i = aligned; i < occurrences.length; i++ ) {
			const occurrence = occurrences[ i ];
			const queue = queues.get( occurrence.href );
			if ( queue ) {
				queue.items.push( occurrence );
			} else {
				queues.set( occurrence.href, {
					items: [ occurrence ],
					next: 0,
				} );
			}
		}
		for ( let i = aligned; i < links.length; i++ ) {
			const queue = queues.get( links[ i ].href );
			paired[ i ] =
				queue && queue.next < queue.items.length
					? queue.items[ queue.next++ ]
					: null;
		}
	}
	// The hrefs as written for each key, distinct, in document order (one
	// or two per key: a short list is cheaper than a Set).
	const rawByKey = new Map< string, string[] >();
	for ( const occurrence of occurrences ) {
		const list = rawByKey.get( occurrence.key );
		if ( ! list ) {
			rawByKey.set( occurrence.key, [ occurrence.rawHref ] );
		} else if ( ! list.includes( occurrence.rawHref ) ) {
			list.push( occurrence.rawHref );
		}
	}
	const perBlockIndex = new Map< string, number >();

	const editorLinks = links.map( ( link, index ): EditorLink => {
		const occurrence = paired[ index ];
		const owner = occurrence ? occurrence.clientId : 'post';
		const nth = perBlockIndex.get( owner ) ?? 0;
		perBlockIndex.set( owner, nth + 1 );
		// A paired occurrence has the same URL (as a string already looked
		// up once): its key is this link's key, its site this link's site.
		const href = occurrence ? occurrence.href : link.href;
		const key = occurrence ? occurrence.key : urlKey( href );
		// partnerDomain( href ) and ! matcher.isOurs( href ), from one lookup.
		const site = siteKey( href );
		return {
			id: `${ owner }:${ nth }:${ index }`,
			clientId: occurrence ? occurrence.clientId : null,
			blockName: occurrence ? occurrence.blockName : null,
			key,
			domain: site ?? href,
			rawHrefs: rawByKey.get( key )?.slice() ?? [],
			external: ! ( site !== null && ourSites.has( site ) ),
			link,
		};
	} );
	return { links: editorLinks, postText: textSample };
}

function wholePost( html: string, baseUrl: string ): JoinedFragments {
	const { links, facts } = analyzeHtml( html, baseUrl, { fragment: true } );
	return { links, textSample: facts.textSample };
}
