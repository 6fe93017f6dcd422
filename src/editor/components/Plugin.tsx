/* @jsxRuntime classic */
/* @jsx createElement */
/**
 * The plugin's root: runs the analysis once for the whole editor and fills
 * the slots (sidebar, its more-menu item, the pre-publish panel).
 */
import { createElement, Fragment } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { useAnalysisRunner } from '../hooks/useAnalysisRunner';
import { useEditorContext } from '../hooks/useEditorContext';
import { useFindings } from '../hooks/useFindings';
import { useInlineMarks } from '../hooks/useInlineMarks';
import { usePublishBlockers, usePublishLock } from '../hooks/usePublishLock';
import { getSlots } from '../wp-globals';
import { pluginIcon } from './icon';
import { PrePublishChecklist } from './PrePublishChecklist';
import { Sidebar } from './Sidebar';

export const SIDEBAR_NAME = 'reciprocal-links';

function Effects() {
	useAnalysisRunner();
	const analysis = useFindings();
	const { context } = useEditorContext();
	useInlineMarks(
		analysis ? analysis.links : null,
		analysis ? analysis.findings : null
	);
	usePublishLock(
		usePublishBlockers( analysis ? analysis.findings : null, context )
	);
	return null;
}

export function Plugin() {
	const slots = getSlots();
	if ( ! slots ) {
		// Not a post editor (e.g. the widgets screen): nothing to guard.
		return null;
	}
	const { PluginSidebar, PluginSidebarMoreMenuItem, PluginPrePublishPanel } =
		slots;
	const title = __( 'Reciprocal links', 'reciprocal-link-guard' );
	return (
		<Fragment>
			<Effects />
			<PluginSidebarMoreMenuItem
				target={ SIDEBAR_NAME }
				icon={ pluginIcon }
			>
				{ title }
			</PluginSidebarMoreMenuItem>
			<PluginSidebar
				name={ SIDEBAR_NAME }
				title={ title }
				icon={ pluginIcon }
			>
				<Sidebar />
			</PluginSidebar>
			<PluginPrePublishPanel
				title={ __( 'Link checks', 'reciprocal-link-guard' ) }
				initialOpen
				className="rlg-prepublish-panel"
			>
				<PrePublishChecklist />
			</PluginPrePublishPanel>
		</Fragment>
	);
}
