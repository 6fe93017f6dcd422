/**
 * Actions of the editor store: plain action creators plus thunks that talk
 * to the REST routes (WordPress 6.0+ runs thunks in every data store).
 */
import { __, sprintf } from '@wordpress/i18n';
import { MAX_LINKS_PER_CHECK, type BacklinkResult } from '../../core';
import {
	fetchEditorContext,
	requestChecks,
	requestOverride,
	toEditorError,
} from '../api';
import { chunk, type CheckTarget } from '../links/diff';
import type { Analysis, EditorContext, EditorError } from '../types';
import { matchResults } from './match-results';
import type { Action, OverrideState } from './reducer';

export function startContext(): Action {
	return { type: 'START_CONTEXT' };
}

export function receiveContext( context: EditorContext ): Action {
	return { type: 'RECEIVE_CONTEXT', context };
}

export function failContext( error: EditorError ): Action {
	return { type: 'FAIL_CONTEXT', error };
}

export function startChecks( targets: CheckTarget[] ): Action {
	return {
		type: 'START_CHECKS',
		targets: targets.map( ( { key, url } ) => ( { key, url } ) ),
	};
}

export function receiveResults(
	results: Record< string, BacklinkResult >,
	urls: Record< string, string > = {}
): Action {
	return { type: 'RECEIVE_RESULTS', results, urls };
}

export function failChecks(
	targets: CheckTarget[],
	error: EditorError,
	serviceWide: boolean
): Action {
	return {
		type: 'FAIL_CHECKS',
		targets: targets.map( ( { key, url } ) => ( { key, url } ) ),
		error,
		serviceWide,
	};
}

/** Forget failed checks so the next analysis sends those targets again. */
export function retryFailed(): Action {
	return { type: 'RETRY_FAILED' };
}

export function receiveAnalysis( analysis: Analysis ): Action {
	return { type: 'RECEIVE_ANALYSIS', analysis };
}

export function setOverride( override: OverrideState | null ): Action {
	return { type: 'SET_OVERRIDE', override };
}

interface ThunkArgs {
	dispatch: {
		( action: Action ): void;
		startChecks: typeof startChecks;
		receiveResults: typeof receiveResults;
		failChecks: typeof failChecks;
		setOverride: typeof setOverride;
		receiveContext: typeof receiveContext;
	};
}

/** Send `targets` to the check route in batches the service accepts. */
export function checkTargets(
	targets: CheckTarget[],
	postId: number,
	keywords: string[]
) {
	return async ( { dispatch }: ThunkArgs ): Promise< void > => {
		if ( targets.length === 0 ) {
			return;
		}
		dispatch.startChecks( targets );
		let foundPartner = false;
		for ( const batch of chunk( targets, MAX_LINKS_PER_CHECK ) ) {
			try {
				const response = await requestChecks( {
					postId,
					links: batch.map( ( t ) => ( {
						url: t.url,
						anchorText: t.anchorText,
					} ) ),
					keywords,
				} );
				const { done, missing } = matchResults(
					batch,
					response.results
				);
				const urls = Object.fromEntries(
					batch.map( ( t ) => [ t.key, t.url ] )
				);
				dispatch.receiveResults( done, urls );
				foundPartner ||= Object.values( done ).some(
					( result ) => result.status === 'links-back'
				);
				if ( missing.length ) {
					dispatch.failChecks(
						missing,
						{
							code: 'rlg_missing_result',
							message: sprintf(
								/* translators: %d: number of links. */
								__(
									'The service answered without a result for %d link(s).',
									'reciprocal-link-guard'
								),
								missing.length
							),
						},
						false
					);
				}
			} catch ( error ) {
				dispatch.failChecks( batch, toEditorError( error ), true );
			}
		}
		if ( foundPartner ) {
			// The service has just stored these partners: the site-wide
			// counts loaded with the editor no longer include them.
			try {
				dispatch.receiveContext( await fetchEditorContext() );
			} catch {
				// Keep the counts we have; the checks themselves succeeded.
			}
		}
	};
}

/** Issue 9 (7): log the editor's reason, then stop locking for these codes. */
export function publishAnyway(
	postId: number,
	reason: string,
	codesByDomain: Record< string, string[] >
) {
	return async ( { dispatch }: ThunkArgs ): Promise< void > => {
		await requestOverride( { postId, reason, codesByDomain } );
		dispatch.setOverride( {
			reason,
			codes: [ ...new Set( Object.values( codesByDomain ).flat() ) ],
		} );
	};
}
