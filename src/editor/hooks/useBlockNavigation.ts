/**
 * "Show me": select the block a link sits in and scroll it into view, in
 * the inline canvas (6.5) or the iframed one (6.6+).
 */
import { useDispatch } from '@wordpress/data';
import { useCallback } from '@wordpress/element';
import { findBlockElement } from '../canvas/inject';
import { blockEditorActions } from '../core-stores';

export function useBlockNavigation(): ( clientId: string | null ) => void {
	const registryDispatch = useDispatch();
	return useCallback(
		( clientId: string | null ) => {
			if ( ! clientId ) {
				return;
			}
			blockEditorActions( registryDispatch ).selectBlock( clientId );
			// Selection re-renders the canvas; scroll once it has.
			window.requestAnimationFrame( () => {
				findBlockElement( clientId )?.scrollIntoView( {
					block: 'center',
					behavior: 'smooth',
				} );
			} );
		},
		[ registryDispatch ]
	);
}
