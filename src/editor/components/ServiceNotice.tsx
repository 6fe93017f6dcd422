/* @jsxRuntime classic */
/* @jsx createElement */
/**
 * The single notice shown when reciprocity cannot be checked: local
 * findings still apply, and the settings page is one click away.
 */
import { Button, ExternalLink, Notice } from '@wordpress/components';
import { createElement } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { SidebarModel } from '../hooks/useSidebarModel';

export function ServiceNotice( { model }: { model: SidebarModel } ) {
	const { reciprocityProblem, context, contextError, serviceError } = model;
	if ( ! reciprocityProblem ) {
		return null;
	}
	let reason: string;
	if ( reciprocityProblem === 'context-error' ) {
		reason = contextError ? contextError.message : '';
	} else if ( reciprocityProblem === 'not-configured' ) {
		reason = __(
			'No link check service is configured.',
			'reciprocal-link-guard'
		);
	} else {
		reason = serviceError ? serviceError.message : '';
	}
	return (
		<Notice
			status="warning"
			isDismissible={ false }
			className="rlg-service-notice"
		>
			<p>
				<strong>
					{ __(
						'Reciprocity could not be checked.',
						'reciprocal-link-guard'
					) }
				</strong>{ ' ' }
				{ reason }
			</p>
			<p>
				{ __(
					'Checks of this post’s own links (anchors, placement, hidden links, link counts) still run.',
					'reciprocal-link-guard'
				) }
			</p>
			<p className="rlg-service-notice__actions">
				{ context?.settingsUrl ? (
					<ExternalLink href={ context.settingsUrl }>
						{ __( 'Open the settings', 'reciprocal-link-guard' ) }
					</ExternalLink>
				) : null }
				{ reciprocityProblem === 'service-error' ? (
					<Button variant="secondary" onClick={ model.retry }>
						{ __( 'Check again', 'reciprocal-link-guard' ) }
					</Button>
				) : null }
			</p>
		</Notice>
	);
}
