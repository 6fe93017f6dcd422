/**
 * The pipeline, mounted once per editor: context → links → checks →
 * findings → store. Views only read the store.
 */
import { useSelect } from '@wordpress/data';
import { useMemo } from '@wordpress/element';
import { focusKeyphrase } from '../core-stores';
import { useEditorContext } from './useEditorContext';
import { useFindingsRunner } from './useFindings';
import { useLinkChecks } from './useLinkChecks';
import { useOutboundLinks } from './useOutboundLinks';

export function useAnalysisRunner(): void {
	const { context } = useEditorContext();
	const keyphrase = useSelect( ( select ) => focusKeyphrase( select ), [] );
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
		error ? error.message : null
	);
}
