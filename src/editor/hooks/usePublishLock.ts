/**
 * Locks post saving while blocking findings remain (when the admin turned
 * blocking on), with one notice that says why, and unlocks when they are
 * fixed or an editor published anyway with a reason.
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { Finding } from '../../core';
import { blockingFindings } from '../analysis/blocking';
import {
	editorActions,
	noticesActions,
	openPluginSidebar,
} from '../core-stores';
import { findingMessage } from '../messages';
import { store } from '../store';
import type { EditorContext } from '../types';

export const LOCK_NAME = 'reciprocal-link-guard';
export const LOCK_NOTICE_ID = 'reciprocal-link-guard-publish-lock';
/** `<plugin name>/<sidebar name>`, as the editor identifies plugin sidebars. */
export const SIDEBAR_ID = 'reciprocal-link-guard/reciprocal-links';

/** The blocking findings not covered by an editor's "publish anyway". */
export function usePublishBlockers(
	findings: readonly Finding[] | null,
	context: EditorContext | null
): Finding[] {
	const override = useSelect(
		( select ) => select( store ).getOverride(),
		[]
	);
	if ( ! findings || ! context ) {
		return [];
	}
	return blockingFindings( findings, context.settings ).filter(
		( f ) => ! override?.codes.includes( f.code )
	);
}

export function lockMessage( blockers: readonly Finding[] ): string {
	const titles = [
		...new Set( blockers.map( ( f ) => findingMessage( f ).title ) ),
	];
	return sprintf(
		/* translators: %s: comma-separated names of problems. */
		__(
			'Reciprocal Link Guard blocks publishing: fix these critical link problems first (see the Reciprocal links sidebar): %s.',
			'reciprocal-link-guard'
		),
		titles.join( ', ' )
	);
}

export function usePublishLock( blockers: readonly Finding[] ): void {
	const registryDispatch = useDispatch();
	const message = blockers.length ? lockMessage( blockers ) : '';

	useEffect( () => {
		const editor = editorActions( registryDispatch );
		const notices = noticesActions( registryDispatch );
		if ( message ) {
			editor.lockPostSaving( LOCK_NAME );
			notices.createNotice( 'error', message, {
				id: LOCK_NOTICE_ID,
				isDismissible: false,
				actions: [
					{
						label: __(
							'Review the links',
							'reciprocal-link-guard'
						),
						onClick: () =>
							openPluginSidebar( registryDispatch, SIDEBAR_ID ),
					},
				],
			} );
		} else {
			editor.unlockPostSaving( LOCK_NAME );
			notices.removeNotice( LOCK_NOTICE_ID );
		}
	}, [ message, registryDispatch ] );

	// Never leave the post locked when the plugin unmounts.
	useEffect(
		() => () => {
			editorActions( registryDispatch ).unlockPostSaving( LOCK_NAME );
			noticesActions( registryDispatch ).removeNotice( LOCK_NOTICE_ID );
		},
		[ registryDispatch ]
	);
}
