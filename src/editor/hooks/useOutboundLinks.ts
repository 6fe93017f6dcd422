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
import { ownBlockHtml, parseBlocks, serializeBlocks } from '../wp-globals';
import type { EditorError, SyncedPatternNote } from '../types';
import { useSyncedPatterns } from './useSyncedPatterns';

export const ANALYSIS_DEBOUNCE_MS = 800;

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

	useEffect( () => {
		if ( ! siteUrls ) {
			return;
		}
		setState( ( previous ) =>
			previous.stale ? previous : { ...previous, stale: true }
		);
		const run = () => {
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
				const collected = collectPostLinks( {
					blocks: prepared.blocks,
					blockHtml: prepared.blockHtml,
					postHtml: prepared.postHtml,
					baseUrl: permalink || siteUrls[ 0 ] || window.location.href,
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
		return () => window.clearTimeout( timer );
	}, [ blocks, patterns, permalink, siteUrls ] );

	return state;
}
