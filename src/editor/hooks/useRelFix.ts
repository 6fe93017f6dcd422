/**
 * The one-click rel fixes: add nofollow or sponsored to every link of the
 * post that points at one target, through updateBlockAttributes (undoable
 * like any edit), and confirm with a snackbar.
 */
import { useDispatch, useRegistry } from '@wordpress/data';
import { useCallback } from '@wordpress/element';
import { normalizeUrl, urlKey } from '../../core/url';
import {
	blockEditorActions,
	blockEditorSelectors,
	editorSelectors,
	noticesActions,
} from '../core-stores';
import { relFixAttributes } from '../links/rel-attributes';
import { relFixNotice } from '../messages';
import type { RelFix } from '../links/rel';
import type { EditorLink } from '../types';

export function useRelFix(): (
	target: EditorLink,
	links: readonly EditorLink[],
	token: RelFix
) => number {
	const registry = useRegistry();
	const registryDispatch = useDispatch();
	return useCallback(
		( target: EditorLink, links: readonly EditorLink[], token: RelFix ) => {
			const base =
				editorSelectors( registry.select ).getEditedPostAttribute(
					'link'
				) || window.location.href;
			const matches = ( href: string ) => {
				const normalized = normalizeUrl( href, base );
				return (
					normalized !== null && urlKey( normalized ) === target.key
				);
			};
			const targets = links.filter( ( l ) => l.key === target.key );
			// A synced pattern's links live in the pattern, not in this
			// post's blocks: they are named in the notice instead.
			const inPatterns = targets.flatMap( ( l ) =>
				l.syncedPattern && ! l.link.rel.includes( token )
					? [ l.syncedPattern ]
					: []
			);
			const clientIds = new Set(
				targets
					.filter( ( l ) => l.clientId && ! l.syncedPattern )
					.map( ( l ) => l.clientId as string )
			);
			let changed = 0;
			for ( const clientId of clientIds ) {
				const block = blockEditorSelectors( registry.select ).getBlock(
					clientId
				);
				if ( ! block ) {
					continue;
				}
				const fix = relFixAttributes(
					block.attributes,
					matches,
					token
				);
				if ( fix.changed > 0 ) {
					blockEditorActions(
						registryDispatch
					).updateBlockAttributes( clientId, fix.attributes );
					changed += fix.changed;
				}
			}
			const notice = relFixNotice( token, changed, inPatterns );
			noticesActions( registryDispatch ).createNotice(
				notice.status,
				notice.message,
				{ type: 'snackbar', id: 'reciprocal-link-guard-rel-fix' }
			);
			return changed;
		},
		[ registry, registryDispatch ]
	);
}
