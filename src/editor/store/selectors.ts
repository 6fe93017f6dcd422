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

/** Why the context could not be loaded, or null. */
export function getContextError( state: State ): EditorError | null {
	return state.context.status === 'failed' ? state.context.error : null;
}

/** Check entries by urlKey(target), for this editing session (the same object until one changes). */
export function getChecks( state: State ): Record< string, CheckEntry > {
	return state.checks;
}

/** The check entry of one target key, if it was ever asked about. */
export function getCheck( state: State, key: string ): CheckEntry | undefined {
	return state.checks[ key ];
}

/** The last failure of the check routes themselves (service down, misconfigured), or null. */
export function getServiceError( state: State ): EditorError | null {
	return state.serviceError;
}

/** A transient failure of the check routes being retried, or null. */
export function getCheckTrouble( state: State ): CheckTrouble | null {
	return state.checkTrouble;
}

/** Whether any target is still being checked. */
export function isChecking( state: State ): boolean {
	return Object.values( state.checks ).some(
		( entry ) => entry.state === 'checking'
	);
}

/** The latest analysis (links, findings, site findings), or null before the first. */
export function getAnalysis( state: State ): Analysis | null {
	return state.analysis;
}

/**
 * Whether the latest analysis was computed from the check results in the
 * store now (the analysis follows results after a short moment, merging
 * batches): false while findings for newer results are being computed.
 */
export function isAnalysisCurrent( state: State ): boolean {
	return state.analysis !== null && state.analysis.checks === state.checks;
}

/** The editor's "publish anyway" for some blocking codes, or null. */
export function getOverride( state: State ): OverrideState | null {
	return state.override;
}
