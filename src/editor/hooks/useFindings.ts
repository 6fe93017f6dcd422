/**
 * Runs the core rules whenever the links, the check results or the context
 * change, and publishes the analysis to the store for every view (sidebar,
 * pre-publish panel, canvas marks) to read.
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useMemo } from '@wordpress/element';
import { evaluate } from '../analysis/evaluate';
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
	const analysis = useMemo( (): Analysis | null => {
		if ( extractError ) {
			return {
				links: [],
				findings: [],
				siteFindings: [],
				error: extractError,
			};
		}
		if ( ! post || ! context ) {
			return null;
		}
		try {
			const { findings, siteFindings } = evaluate( {
				links: post.links,
				postText: title
					? `${ title }\n${ post.postText }`
					: post.postText,
				focusKeyphrase: keyphrase,
				checks,
				context,
			} );
			return {
				links: post.links,
				findings,
				siteFindings,
				error: null,
				syncedPatterns: post.syncedPatterns,
			};
		} catch ( error ) {
			return {
				links: post.links,
				findings: [],
				siteFindings: [],
				error: error instanceof Error ? error.message : String( error ),
				syncedPatterns: post.syncedPatterns,
			};
		}
	}, [ post, checks, context, keyphrase, title, extractError ] );

	useEffect( () => {
		if ( analysis ) {
			receiveAnalysis( analysis );
		}
	}, [ analysis, receiveAnalysis ] );
}

/** The latest analysis, for views. */
export function useFindings(): Analysis | null {
	return useSelect( ( select ) => select( store ).getAnalysis(), [] );
}
