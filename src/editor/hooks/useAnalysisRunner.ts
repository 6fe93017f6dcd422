/**
 * The pipeline, mounted once per editor: context → links → checks →
 * findings → store. Views only read the store.
 */
import { useSelect } from '@wordpress/data';
import { useMemo } from '@wordpress/element';
import { editorSelectors, focusKeyphrase } from '../core-stores';
import { useEditorContext } from './useEditorContext';
import { useFindingsRunner } from './useFindings';
import { useLinkChecks } from './useLinkChecks';
import { useOutboundLinks } from './useOutboundLinks';

export function useAnalysisRunner(): void {
	const { context } = useEditorContext();
	const { keyphrase, title } = useSelect(
		( select ) => ( {
			keyphrase: focusKeyphrase( select ),
			title:
				editorSelectors( select ).getEditedPostAttribute( 'title' ) ??
				'',
		} ),
		[]
	);
	const { post, error } = useOutboundLinks(
		context ? context.siteUrls : null
	);
	const keywords = useMemo(
		() => ( keyphrase ? [ keyphrase ] : [] ),
		[ keyphrase ]
	);
	const checks = useLinkChecks( post ? post.links : null, context, keywords );
	useFindingsRunner(
		post,
		checks,
		context,
		keyphrase,
		title,
		error ? error.message : null
	);
}
