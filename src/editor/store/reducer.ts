/**
 * State of the editor store. Check results are keyed by urlKey(target) and
 * kept for the whole editing session, so a target is fetched at most once
 * however often the author edits around it.
 */
import type { BacklinkResult } from '../../core';
import type {
	Analysis,
	CheckEntry,
	EditorContext,
	EditorError,
} from '../types';

export type ContextState =
	| { status: 'idle' }
	| { status: 'loading' }
	| { status: 'ready'; value: EditorContext }
	| { status: 'failed'; error: EditorError };

export interface OverrideState {
	reason: string;
	/** Blocking codes the editor acknowledged; new codes lock again. */
	codes: string[];
}

/** Requests to the check routes are failing for now and being retried. */
export interface CheckTrouble {
	error: EditorError;
	retryInMs: number;
}

export interface State {
	context: ContextState;
	checks: Record< string, CheckEntry >;
	/** The last failure of the check route itself (service down, misconfigured). */
	serviceError: EditorError | null;
	checkTrouble: CheckTrouble | null;
	analysis: Analysis | null;
	override: OverrideState | null;
}

export const initialState: State = {
	context: { status: 'idle' },
	checks: {},
	serviceError: null,
	checkTrouble: null,
	analysis: null,
	override: null,
};

export type Action =
	| { type: 'START_CONTEXT' }
	| { type: 'RECEIVE_CONTEXT'; context: EditorContext }
	| { type: 'FAIL_CONTEXT'; error: EditorError }
	| { type: 'START_CHECKS'; targets: Array< { key: string; url: string } > }
	| {
			type: 'RECEIVE_RESULTS';
			results: Record< string, BacklinkResult >;
			urls: Record< string, string >;
	  }
	| {
			type: 'FAIL_CHECKS';
			targets: Array< { key: string; url: string } >;
			error: EditorError;
			/** The route itself failed, not just these targets. */
			serviceWide: boolean;
	  }
	| { type: 'SET_CHECK_TROUBLE'; trouble: CheckTrouble | null }
	| { type: 'RETRY_FAILED' }
	| { type: 'RECEIVE_ANALYSIS'; analysis: Analysis }
	| { type: 'SET_OVERRIDE'; override: OverrideState | null };

/** Equal plain data (JSON values: the context is parsed from JSON). */
function sameValue( a: unknown, b: unknown ): boolean {
	return a === b || JSON.stringify( a ) === JSON.stringify( b );
}

/**
 * The context as received, keeping the parts equal to the previous one
 * (issue 20): the editor receives it inline, then from the route, then
 * again after a check found a new partner, and each new `siteUrls` or
 * `settings` object made it collect and evaluate every link again.
 */
export function sameContext(
	previous: EditorContext | null,
	next: EditorContext
): EditorContext {
	if ( ! previous ) {
		return next;
	}
	if ( sameValue( previous, next ) ) {
		return previous;
	}
	return {
		...next,
		siteUrls: sameValue( previous.siteUrls, next.siteUrls )
			? previous.siteUrls
			: next.siteUrls,
		settings: sameValue( previous.settings, next.settings )
			? previous.settings
			: next.settings,
	};
}

export function reducer( state: State = initialState, action: Action ): State {
	switch ( action.type ) {
		case 'START_CONTEXT':
			return { ...state, context: { status: 'loading' } };
		case 'RECEIVE_CONTEXT': {
			const previous =
				state.context.status === 'ready' ? state.context.value : null;
			const value = sameContext( previous, action.context );
			return value === previous
				? state
				: { ...state, context: { status: 'ready', value } };
		}
		case 'FAIL_CONTEXT':
			return {
				...state,
				context: { status: 'failed', error: action.error },
			};
		case 'START_CHECKS': {
			const checks = { ...state.checks };
			for ( const { key, url } of action.targets ) {
				checks[ key ] = { state: 'checking', url };
			}
			return { ...state, checks };
		}
		case 'RECEIVE_RESULTS': {
			const checks = { ...state.checks };
			for ( const [ key, result ] of Object.entries( action.results ) ) {
				checks[ key ] = {
					state: 'done',
					url: action.urls[ key ] ?? result.target,
					result,
				};
			}
			return { ...state, checks, serviceError: null };
		}
		case 'FAIL_CHECKS': {
			const checks = { ...state.checks };
			for ( const { key, url } of action.targets ) {
				checks[ key ] = {
					state: 'failed',
					url,
					error: action.error,
					serviceWide: action.serviceWide,
				};
			}
			return {
				...state,
				checks,
				serviceError: action.serviceWide
					? action.error
					: state.serviceError,
			};
		}
		case 'SET_CHECK_TROUBLE':
			return state.checkTrouble === action.trouble
				? state
				: { ...state, checkTrouble: action.trouble };
		case 'RETRY_FAILED': {
			const checks: Record< string, CheckEntry > = {};
			for ( const [ key, entry ] of Object.entries( state.checks ) ) {
				if ( entry.state !== 'failed' ) {
					checks[ key ] = entry;
				}
			}
			return { ...state, checks, serviceError: null };
		}
		case 'RECEIVE_ANALYSIS':
			return { ...state, analysis: action.analysis };
		case 'SET_OVERRIDE':
			return { ...state, override: action.override };
		default:
			return state;
	}
}
