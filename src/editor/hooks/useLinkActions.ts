/**
 * What a finding's action button does, for one link.
 */
import { useCallback, useRef } from '@wordpress/element';
import { patternEditUrl, type FixAction } from '../analysis/fixes';
import type { EditorLink } from '../types';
import { useBlockNavigation } from './useBlockNavigation';
import { useRelFix } from './useRelFix';

export function useLinkActions(
	links: readonly EditorLink[]
): ( link: EditorLink, action: FixAction ) => void {
	const goToBlock = useBlockNavigation();
	const applyRel = useRelFix();
	// The post's links change with every analysis; the callback must not,
	// or every memoised sidebar row would render again with it.
	const current = useRef( links );
	current.current = links;
	return useCallback(
		( link: EditorLink, action: FixAction ) => {
			if ( action === 'nofollow' || action === 'sponsored' ) {
				applyRel( link, current.current, action );
			} else if ( action === 'edit-pattern' && link.syncedPattern ) {
				// A new tab: the post being written stays open, unsaved
				// edits included.
				window.open(
					patternEditUrl( link.syncedPattern.ref ),
					'_blank',
					'noopener'
				);
			} else {
				goToBlock( link.clientId );
			}
		},
		[ applyRel, goToBlock ]
	);
}
