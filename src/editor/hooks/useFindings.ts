/**
 * Runs the core rules whenever the links, the check results or the context
 * change, and publishes the analysis to the store for every view (sidebar,
 * pre-publish panel, canvas marks) to read. The work runs in the analysis
 * scheduler (analysis/scheduler.ts), not while React renders: changes that
 * come in quick succession make one analysis, done in slices (issue 20).
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import {
	createAnalysisScheduler,
	type AnalysisScheduler,
} from '../analysis/scheduler';
import { store } from '../store';
import type { Analysis, CheckEntry, EditorContext } from '../types';
import type { EditorPost } from './useOutboundLinks';

export function useFindingsRunner(
	post: EditorPost | null,
	checks: Record< string, CheckEntry >,
	context: EditorContext | null,
	keyphrase: string,
	title: string,
	extractError: string | null = null
): void {
	const { receiveAnalysis } = useDispatch( store );
	// One scheduler (and its memory of partner pages) per editor session.
	const [ scheduler, setScheduler ] = useState< AnalysisScheduler | null >(
		null
	);
	useEffect( () => {
		const created = createAnalysisScheduler( {
			deliver: ( analysis: Analysis | null ) => {
				if ( analysis ) {
					receiveAnalysis( analysis );
				}
			},
		} );
		setScheduler( created );
		return () => created.cancel();
	}, [ receiveAnalysis ] );

	useEffect( () => {
		scheduler?.schedule( {
			post,
			checks,
			context,
			keyphrase,
			title,
			extractError,
		} );
	}, [ scheduler, post, checks, context, keyphrase, title, extractError ] );
}

/** The latest analysis, for views. */
export function useFindings(): Analysis | null {
	return useSelect( ( select ) => select( store ).getAnalysis(), [] );
}
