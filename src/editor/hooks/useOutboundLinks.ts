/**
 * The links of the post being edited, following the content as the author
 * types: the first pass runs at once, later ones once typing pauses. Links
 * of synced patterns count too (the published page shows them), each
 * marked with its pattern.
 */
import { useSelect } from '@wordpress/data';
import { useEffect, useRef, useState } from '@wordpress/element';
import { blockEditorSelectors, editorSelectors } from '../core-stores';
import { collectPostLinks, type CollectedPost } from '../links/collect';
import {
	applyPatternOverrides,
	markSyncedPatternLinks,
	unreadPatterns,
	withSyncedPatterns,
} from '../links/synced-patterns';
import type { FragmentAnalysis } from '../../core/extract';
import { createFragmentCache, type FragmentCache } from '../links/fragments';
import { nextSlice } from '../next-slice';
import {
	blockSavedHtml,
	ownBlockHtml,
	parseBlocks,
	serializeBlocks,
} from '../wp-globals';
import type { EditorError, SyncedPatternNote } from '../types';
import { useSyncedPatterns } from './useSyncedPatterns';

export const ANALYSIS_DEBOUNCE_MS = 800;

/** Reading blocks between two yields to the browser (ms). */
const READ_SLICE_MS = 12;

/** The post's links, and the synced patterns whose links are not known. */
export interface EditorPost extends CollectedPost {
	syncedPatterns: SyncedPatternNote[];
}

export interface OutboundLinksState {
	post: EditorPost | null;
	/** The content changed and the links are being recomputed. */
	stale: boolean;
	error: EditorError | null;
}

export function useOutboundLinks(
	siteUrls: readonly string[] | null
): OutboundLinksState {
	const { blocks, permalink } = useSelect(
		( select ) => ( {
			blocks: blockEditorSelectors( select ).getBlocks(),
			permalink:
				editorSelectors( select ).getEditedPostAttribute( 'link' ),
		} ),
		[]
	);
	const patterns = useSyncedPatterns( blocks );
	const [ state, setState ] = useState< OutboundLinksState >( {
		post: null,
		stale: true,
		error: null,
	} );
	const first = useRef( true );
	// Each top-level block's analysis, remembered by its saved HTML.
	const fragments = useRef< FragmentCache | null >( null );

	useEffect( () => {
		if ( ! siteUrls ) {
			return;
		}
		setState( ( previous ) =>
			previous.stale ? previous : { ...previous, stale: true }
		);
		let cancelled = false;
		const baseUrl = permalink || siteUrls[ 0 ] || window.location.href;
		const run = async () => {
			try {
				const prepared = withSyncedPatterns( blocks, patterns, {
					ownHtml: ownBlockHtml,
					serialize: serializeBlocks,
					withOverrides: ( content, overrides ) =>
						serializeBlocks(
							applyPatternOverrides(
								parseBlocks( content ),
								overrides
							)
						),
				} );
				// Block by block (issue 20): after a pause in typing only
				// the edited block is parsed again, and a big post's first
				// reading gives the main thread back between blocks. Posts
				// with synced patterns are read whole, patterns expanded.
				let read: FragmentAnalysis[] | undefined;
				if ( prepared.instances.size === 0 ) {
					if ( fragments.current?.baseUrl !== baseUrl ) {
						fragments.current = createFragmentCache( baseUrl );
					}
					const cache = fragments.current;
					read = [];
					let started = performance.now();
					for ( const block of blocks ) {
						read.push( cache.analyze( blockSavedHtml( block ) ) );
						if ( performance.now() - started >= READ_SLICE_MS ) {
							await nextSlice();
							if ( cancelled ) {
								return;
							}
							started = performance.now();
						}
					}
					cache.sweep();
				}
				const collected = collectPostLinks( {
					blocks: prepared.blocks,
					blockHtml: prepared.blockHtml,
					postHtml: prepared.postHtml,
					fragments: read,
					baseUrl,
					siteUrls,
				} );
				const post: EditorPost = {
					...collected,
					links: markSyncedPatternLinks(
						collected.links,
						prepared.instances
					),
					syncedPatterns: unreadPatterns( prepared.instances ),
				};
				setState( { post, stale: false, error: null } );
			} catch ( error ) {
				setState( ( previous ) => ( {
					...previous,
					stale: false,
					error: {
						code: 'rlg_extract_failed',
						message:
							error instanceof Error
								? error.message
								: String( error ),
					},
				} ) );
			}
		};
		const delay = first.current ? 0 : ANALYSIS_DEBOUNCE_MS;
		first.current = false;
		const timer = window.setTimeout( run, delay );
		return () => {
			cancelled = true;
			window.clearTimeout( timer );
		};
	}, [ blocks, patterns, permalink, siteUrls ] );

	return state;
}
