/**
 * The links of the post being edited, following the content as the author
 * types: the first pass runs at once, later ones once typing pauses.
 */
import { useSelect } from '@wordpress/data';
import { useEffect, useRef, useState } from '@wordpress/element';
import { blockEditorSelectors, editorSelectors } from '../core-stores';
import { collectPostLinks, type CollectedPost } from '../links/collect';
import { ownBlockHtml, serializeBlocks } from '../wp-globals';
import type { EditorError } from '../types';

export const ANALYSIS_DEBOUNCE_MS = 800;

export interface OutboundLinksState {
	post: CollectedPost | null;
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
				const post = collectPostLinks( {
					blocks,
					blockHtml: ownBlockHtml,
					postHtml: serializeBlocks( blocks ),
					baseUrl: permalink || siteUrls[ 0 ] || window.location.href,
					siteUrls,
				} );
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
	}, [ blocks, permalink, siteUrls ] );

	return state;
}
