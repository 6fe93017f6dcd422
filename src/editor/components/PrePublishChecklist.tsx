/* @jsxRuntime classic */
/* @jsx createElement */
/**
 * The pre-publish panel: a line per rule for this post, and the site-wide
 * partner count against its limit.
 */
import { Notice } from '@wordpress/components';
import { createElement, useMemo } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { POST_RULE_CODES, buildChecklist } from '../analysis/checklist';
import { useSidebarModel } from '../hooks/useSidebarModel';
import { lockMessage } from '../hooks/usePublishLock';
import { findingMessage, severityLabel } from '../messages';
import type { CheckState } from '../types';
import { SIDEBAR_CSS } from './styles';

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
	const stats = context?.siteStats;
	const limit = context?.settings.maxReciprocalPartners;
	const partnerFinding = analysis?.siteFindings.find(
		( f ) => f.code === 'too-many-partners'
	);
	let partnerState: CheckState = stats ? 'pass' : 'not-checked';
	if ( partnerFinding ) {
		partnerState = partnerFinding.severity;
	}
	const velocityFinding = analysis?.siteFindings.find(
		( f ) => f.code === 'exchange-velocity'
	);

	return (
		<div className="rlg-prepublish">
			<style>{ SIDEBAR_CSS }</style>
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
				<Line
					state={ partnerState }
					label={
						stats && limit !== undefined
							? sprintf(
									/* translators: 1: number of partners, 2: limit. */
									__(
										'Reciprocal partners site-wide: %1$d of %2$d allowed',
										'reciprocal-link-guard'
									),
									stats.reciprocalPartners,
									limit
								)
							: __(
									'Reciprocal partners site-wide: unknown',
									'reciprocal-link-guard'
								)
					}
				/>
				<Line
					state={ reciprocityChecked ? 'info' : 'not-checked' }
					label={ sprintf(
						/* translators: %d: number of partner sites. */
						_n(
							'This post links to %d site that links back',
							'This post links to %d sites that link back',
							model.reciprocalInPost,
							'reciprocal-link-guard'
						),
						model.reciprocalInPost
					) }
				/>
				{ lines.map( ( line ) => (
					<Line
						key={ line.code }
						state={ line.state }
						label={
							findingMessage( {
								code: line.code,
								severity: 'info',
								params: {},
							} ).title
						}
						detail={
							line.findings.length > 1
								? sprintf(
										/* translators: %d: number of links. */
										__(
											'%d links',
											'reciprocal-link-guard'
										),
										line.findings.length
									)
								: undefined
						}
					/>
				) ) }
				{ velocityFinding ? (
					<Line
						state={ velocityFinding.severity }
						label={ findingMessage( velocityFinding ).title }
					/>
				) : null }
			</ul>
		</div>
	);
}
