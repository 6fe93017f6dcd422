/**
 * The site context for the editor. While it loads there is none; when the
 * route fails the editor still runs its local rules on a fallback context
 * (default settings, this site's origin), and says why.
 */
import { useSelect } from '@wordpress/data';
import { useMemo } from '@wordpress/element';
import { DEFAULT_SETTINGS } from '../../core';
import { store } from '../store';
import type { EditorContext, EditorError } from '../types';

export interface EditorContextState {
	context: EditorContext | null;
	error: EditorError | null;
}

export function localOnlyContext( origin: string ): EditorContext {
	return {
		settings: DEFAULT_SETTINGS,
		siteUrls: [ origin ],
		settingsUrl: '',
		serviceConfigured: false,
		siteStats: null,
		serviceError: null,
		canOverride: false,
	};
}

export function useEditorContext(): EditorContextState {
	const { context, error } = useSelect(
		( select ) => ( {
			context: select( store ).getContext(),
			error: select( store ).getContextError(),
		} ),
		[]
	);
	const fallback = useMemo(
		() => ( error ? localOnlyContext( window.location.origin ) : null ),
		[ error ]
	);
	return { context: context ?? fallback, error };
}
