/**
 * Selectors of the editor store. They return state slices as stored (no
 * new arrays or objects per call) so components re-render only on change.
 */
import type {
	CheckEntry,
	EditorContext,
	EditorError,
	Analysis,
} from '../types';
import type { CheckTrouble, OverrideState, State } from './reducer';

/** The site context; its resolver fetches it from the REST route once. */
export function getContext( state: State ): EditorContext | null {
	return state.context.status === 'ready' ? state.context.value : null;
}

export function getContextError( state: State ): EditorError | null {
	return state.context.status === 'failed' ? state.context.error : null;
}

export function getChecks( state: State ): Record< string, CheckEntry > {
	return state.checks;
}

export function getCheck( state: State, key: string ): CheckEntry | undefined {
	return state.checks[ key ];
}

export function getServiceError( state: State ): EditorError | null {
	return state.serviceError;
}

/** A transient failure of the check routes being retried, or null. */
export function getCheckTrouble( state: State ): CheckTrouble | null {
	return state.checkTrouble;
}

export function isChecking( state: State ): boolean {
	return Object.values( state.checks ).some(
		( entry ) => entry.state === 'checking'
	);
}

export function getAnalysis( state: State ): Analysis | null {
	return state.analysis;
}

export function getOverride( state: State ): OverrideState | null {
	return state.override;
}
