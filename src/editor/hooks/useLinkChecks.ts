/**
 * Sends the post's new external targets to the check route. Everything
 * already asked about in this session comes from the store's cache.
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect } from '@wordpress/element';
import { editorSelectors } from '../core-stores';
import { planChecks } from '../links/diff';
import { store } from '../store';
import type { CheckEntry, EditorContext, EditorLink } from '../types';

export function useLinkChecks(
	links: readonly EditorLink[] | null,
	context: EditorContext | null,
	keywords: readonly string[]
): Record< string, CheckEntry > {
	const { checks, postId } = useSelect(
		( select ) => ( {
			checks: select( store ).getChecks(),
			postId: editorSelectors( select ).getCurrentPostId(),
		} ),
		[]
	);
	const { checkTargets } = useDispatch( store );
	const keywordList = keywords.join( '\n' );

	useEffect( () => {
		if ( ! links || ! context?.serviceConfigured ) {
			return;
		}
		const targets = planChecks( links, checks );
		if ( targets.length ) {
			checkTargets(
				targets,
				postId ?? 0,
				keywordList ? keywordList.split( '\n' ) : []
			);
		}
	}, [ links, context, checks, postId, keywordList, checkTargets ] );

	return checks;
}
