/**
 * Actions of the editor store: plain action creators plus thunks that talk
 * to the REST routes (WordPress 6.0+ runs thunks in every data store).
 */
import { __, sprintf } from '@wordpress/i18n';
import type { BacklinkResult } from '../../core';
import {
	appendToCheckJob,
	fetchEditorContext,
	pollCheckJob,
	requestOverride,
	startCheckJob,
} from '../api';
import type { CheckTarget } from '../links/diff';
import type { Analysis, EditorContext, EditorError } from '../types';
import { followCheckJob, type FollowOptions } from './follow-check-job';
import { createResultBuffer } from './result-buffer';
import type { Action, CheckTrouble, OverrideState } from './reducer';

/** The context is being fetched from the REST route. */
export function startContext(): Action {
	return { type: 'START_CONTEXT' };
}

/** The site context arrived (inline or from the route); equal parts keep their objects. */
export function receiveContext( context: EditorContext ): Action {
	return { type: 'RECEIVE_CONTEXT', context };
}

/** The context route failed: the editor runs its local rules on a fallback. */
export function failContext( error: EditorError ): Action {
	return { type: 'FAIL_CONTEXT', error };
}

/** These targets are being checked (each shown as waiting for its result). */
export function startChecks( targets: CheckTarget[] ): Action {
	return {
		type: 'START_CHECKS',
		targets: targets.map( ( { key, url } ) => ( { key, url } ) ),
	};
}

/**
 * Results of some targets, keyed by urlKey(target); `urls` gives each
 * key's URL as the post has it. One dispatch for all the results that
 * arrived together (result-buffer.ts).
 */
export function receiveResults(
	results: Record< string, BacklinkResult >,
	urls: Record< string, string > = {}
): Action {
	return { type: 'RECEIVE_RESULTS', results, urls };
}

/**
 * These targets could not be checked: by the partner's fault, or
 * (`serviceWide`) because the service did not answer.
 */
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

/** A transient failure being retried (null: requests succeed again). */
export function setCheckTrouble( trouble: CheckTrouble | null ): Action {
	return { type: 'SET_CHECK_TROUBLE', trouble };
}

/** Forget failed checks so the next analysis sends those targets again. */
export function retryFailed(): Action {
	return { type: 'RETRY_FAILED' };
}

/** A finished analysis of the post (from the analysis scheduler). */
export function receiveAnalysis( analysis: Analysis ): Action {
	return { type: 'RECEIVE_ANALYSIS', analysis };
}

/** Records (or clears) the editor's "publish anyway". */
export function setOverride( override: OverrideState | null ): Action {
	return { type: 'SET_OVERRIDE', override };
}

interface ThunkArgs {
	dispatch: {
		( action: Action ): void;
		startChecks: typeof startChecks;
		receiveResults: typeof receiveResults;
		failChecks: typeof failChecks;
		setCheckTrouble: typeof setCheckTrouble;
		setOverride: typeof setOverride;
		receiveContext: typeof receiveContext;
	};
}

/**
 * Check `targets` as a job the service runs in the background
 * (follow-check-job.ts): results land in the store as they become known,
 * transient failures are retried, and only a service that stays away marks
 * the remaining targets failed (with one service error, not per partner).
 */
export function checkTargets(
	targets: CheckTarget[],
	postId: number,
	keywords: string[],
	follow: Partial<
		Omit< FollowOptions, 'api' | 'onResults' | 'onTrouble' >
	> & {
		/** How long results wait for others before they are dispatched. */
		resultFlushMs?: number;
	} = {}
) {
	return async ( { dispatch }: ThunkArgs ): Promise< void > => {
		if ( targets.length === 0 ) {
			return;
		}
		dispatch.startChecks( targets );
		const request = ( batch: CheckTarget[] ) => ( {
			postId,
			links: batch.map( ( t ) => ( {
				url: t.url,
				anchorText: t.anchorText,
			} ) ),
			keywords,
		} );
		const urls = Object.fromEntries(
			targets.map( ( t ) => [ t.key, t.url ] )
		);
		let foundPartner = false;
		const buffer = createResultBuffer( ( results ) => {
			dispatch.receiveResults( results, urls );
			// A partner from the store was stored before this editor
			// loaded its counts: only a newly checked one changes them
			// (a reopened 1,000-link post fetched the context again for
			// nothing, issue 20).
			foundPartner ||= Object.values( results ).some(
				( result ) =>
					result.status === 'links-back' && ! result.fromCache
			);
		}, follow.resultFlushMs );
		const outcome = await followCheckJob( targets, {
			...follow,
			api: {
				start: ( batch ) => startCheckJob( request( batch ) ),
				append: ( id, batch, after ) =>
					appendToCheckJob( id, request( batch ), after ),
				poll: pollCheckJob,
			},
			onResults: buffer.add,
			onTrouble: ( error, retryInMs ) =>
				dispatch.setCheckTrouble( error ? { error, retryInMs } : null ),
		} );
		buffer.flush();
		dispatch.setCheckTrouble( null );
		if ( outcome.missing.length ) {
			dispatch.failChecks(
				outcome.missing,
				{
					code: 'rlg_missing_result',
					message: sprintf(
						/* translators: %d: number of links. */
						__(
							'The service answered without a result for %d link(s).',
							'reciprocal-link-guard'
						),
						outcome.missing.length
					),
				},
				false
			);
		}
		if ( outcome.gaveUp ) {
			dispatch.failChecks(
				outcome.gaveUp.targets,
				outcome.gaveUp.error,
				true
			);
		}
		if ( foundPartner ) {
			// The service has just stored new partners: the site-wide
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
