/* @jsxRuntime classic */
/* @jsx createElement */
/**
 * One finding as a Notice: what is wrong, why it is a risk, how to fix it,
 * with the one-click actions it allows.
 */
import { Notice } from '@wordpress/components';
import { createElement } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { Finding } from '../../core';
import type { FixAction } from '../analysis/fixes';
import { findingMessage, fixActionLabel, severityLabel } from '../messages';

const NOTICE_STATUS = {
	critical: 'error',
	warning: 'warning',
	info: 'info',
} as const;

export interface FindingNoticeProps {
	finding: Finding;
	actions?: FixAction[];
	onAction?: ( action: FixAction ) => void;
}

export function FindingNotice( {
	finding,
	actions = [],
	onAction,
}: FindingNoticeProps ) {
	const message = findingMessage( finding );
	return (
		<Notice
			status={ NOTICE_STATUS[ finding.severity ] }
			isDismissible={ false }
			// A sidebar full of notices must not flood screen readers on
			// every re-analysis; the text is read when the user reaches it.
			spokenMessage=""
			className={ `rlg-finding rlg-finding--${ finding.severity }` }
			actions={ actions.map( ( action ) => ( {
				label: fixActionLabel( action ),
				onClick: () => onAction?.( action ),
				variant: action === 'nofollow' ? 'secondary' : 'link',
			} ) ) }
		>
			<p className="rlg-finding__title">
				<span className="rlg-finding__severity">
					{ severityLabel( finding.severity ) }
				</span>{ ' ' }
				<strong>{ message.title }</strong>
			</p>
			<p className="rlg-finding__risk">{ message.risk }</p>
			<p className="rlg-finding__fix">
				<span className="rlg-finding__fix-label">
					{ __( 'Fix:', 'reciprocal-link-guard' ) }
				</span>{ ' ' }
				{ message.fix }
			</p>
		</Notice>
	);
}
