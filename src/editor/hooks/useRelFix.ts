/**
 * The one-click rel fixes: add nofollow or sponsored to every link of the
 * post that points at one target, through updateBlockAttributes (undoable
 * like any edit), and confirm with a snackbar.
 */
import { useDispatch, useRegistry } from '@wordpress/data';
import { useCallback } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { normalizeUrl, urlKey } from '../../core/url';
import {
	blockEditorActions,
	blockEditorSelectors,
	editorSelectors,
	noticesActions,
} from '../core-stores';
import { relFixAttributes } from '../links/rel-attributes';
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
			const clientIds = new Set(
				links
					.filter( ( l ) => l.key === target.key && l.clientId )
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
			noticesActions( registryDispatch ).createNotice(
				changed ? 'success' : 'info',
				changed
					? sprintf(
							/* translators: 1: rel value such as nofollow, 2: number of links. */
							_n(
								'Added rel="%1$s" to %2$d link.',
								'Added rel="%1$s" to %2$d links.',
								changed,
								'reciprocal-link-guard'
							),
							token,
							changed
						)
					: sprintf(
							/* translators: %s: rel value such as nofollow. */
							__(
								'Every link to this site already has rel="%s".',
								'reciprocal-link-guard'
							),
							token
						),
				{ type: 'snackbar', id: 'reciprocal-link-guard-rel-fix' }
			);
			return changed;
		},
		[ registry, registryDispatch ]
	);
}
