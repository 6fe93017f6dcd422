/**
 * Resolvers: the first `getContext()` anywhere in the editor fetches the
 * site context from the REST route; later calls read the store.
 */
import { fetchEditorContext, inlineEditorContext, toEditorError } from '../api';
import type { Action } from './reducer';
import type { EditorContext, EditorError } from '../types';

interface ResolverArgs {
	dispatch: {
		( action: Action ): void;
		startContext: () => Action;
		receiveContext: ( context: EditorContext ) => Action;
		failContext: ( error: EditorError ) => Action;
	};
}

export function getContext() {
	return async ( { dispatch }: ResolverArgs ): Promise< void > => {
		// The inline copy makes the first analysis immediate; the route adds
		// what needs the service (site stats, whether it answers).
		const inline = inlineEditorContext();
		if ( inline ) {
			dispatch.receiveContext( inline );
		} else {
			dispatch.startContext();
		}
		try {
			dispatch.receiveContext( await fetchEditorContext() );
		} catch ( error ) {
			if ( ! inline ) {
				dispatch.failContext( toEditorError( error ) );
			}
		}
	};
}
