/* @jsxRuntime classic */
/* @jsx createElement */
/**
 * The pre-publish panel: a line per rule for this post, and the site-wide
 * partners line with the limit that is exceeded; most severe lines first.
 */
import { Notice } from '@wordpress/components';
import { createElement, useMemo } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { POST_RULE_CODES, buildChecklist } from '../analysis/checklist';
import { useSidebarModel } from '../hooks/useSidebarModel';
import { lockMessage } from '../hooks/usePublishLock';
import { findingMessage, severityLabel } from '../messages';
import { orderLines, sitePartnersLine } from './prepublish-lines';
import type { CheckState } from '../types';

function Line( {
	state,
	label,
	detail,
}: {
	state: CheckState;
	label: string;
	detail?: string;
} ) {
	return (
		<li className={ `rlg-checklist__line rlg-checklist__line--${ state }` }>
			<span className="rlg-checklist__mark">
				{ severityLabel( state ) }
			</span>
			<span>
				{ label }
				{ detail ? (
					<span className="rlg-checklist__detail"> — { detail }</span>
				) : null }
			</span>
		</li>
	);
}

export function PrePublishChecklist() {
	const model = useSidebarModel();
	const { analysis, context } = model;
	const reciprocityChecked = ! model.reciprocityProblem && model.allChecked;
	const lines = useMemo(
		() =>
			buildChecklist(
				analysis ? analysis.findings : [],
				POST_RULE_CODES,
				reciprocityChecked
			),
		[ analysis, reciprocityChecked ]
	);
	const partnerFinding = analysis?.siteFindings.find(
		( f ) => f.code === 'too-many-partners'
	);
	const velocityFinding = analysis?.siteFindings.find(
		( f ) => f.code === 'exchange-velocity'
	);
	// Every line, most severe first: a critical line is never below passes.
	const rows = orderLines( [
		sitePartnersLine(
			context?.siteStats,
			context?.settings,
			partnerFinding
		),
		{
			key: 'reciprocal-in-post',
			state: reciprocityChecked ? 'info' : 'not-checked',
			label: sprintf(
				/* translators: %d: number of partner sites. */
				_n(
					'This post links to %d site that links back',
					'This post links to %d sites that link back',
					model.reciprocalInPost,
					'reciprocal-link-guard'
				),
				model.reciprocalInPost
			),
		},
		...lines.map( ( line ) => ( {
			key: line.code,
			state: line.state,
			label: findingMessage( {
				code: line.code,
				severity: 'info',
				params: {},
			} ).title,
			detail:
				line.findings.length > 1
					? sprintf(
							/* translators: %d: number of links. */
							__( '%d links', 'reciprocal-link-guard' ),
							line.findings.length
						)
					: undefined,
		} ) ),
		...( velocityFinding
			? [
					{
						key: 'exchange-velocity',
						state: velocityFinding.severity,
						label: findingMessage( velocityFinding ).title,
					},
				]
			: [] ),
	] );

	return (
		<div className="rlg-prepublish">
			{ model.blockers.length ? (
				<Notice status="error" isDismissible={ false } spokenMessage="">
					{ lockMessage( model.blockers ) }
				</Notice>
			) : null }
			{ model.reciprocityProblem ? (
				<p>
					{ __(
						'Reciprocity could not be checked; rules about partner pages show as not checked.',
						'reciprocal-link-guard'
					) }
				</p>
			) : null }
			<ul
				className="rlg-checklist"
				aria-label={ __( 'Link checks', 'reciprocal-link-guard' ) }
			>
				{ rows.map( ( row ) => (
					<Line
						key={ row.key }
						state={ row.state }
						label={ row.label }
						detail={ row.detail }
					/>
				) ) }
			</ul>
		</div>
	);
}
