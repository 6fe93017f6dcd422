/* @jsxRuntime classic */
/* @jsx createElement */
/**
 * One external link: its anchor (a button that jumps to its block), the
 * block it sits in, its status, and the findings about its target.
 *
 * A row reads its own check from the store and is memoised on what it
 * shows, so a result for another partner, or a new analysis that left this
 * link as it was, does not render it again (issue 20).
 */
import { Button } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { createElement, memo } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { Finding } from '../../core';
import { fixesForLink, type FixAction } from '../analysis/fixes';
import { fixActionLabel, patternName } from '../messages';
import { linkStatus } from '../links/status';
import { store } from '../store';
import type { EditorLink } from '../types';
import { blockTitle } from '../wp-globals';
import { FindingNotice } from './FindingNotice';
import { LinkStatusText } from './LinkStatusText';

export interface LinkRowProps {
	link: EditorLink;
	serviceConfigured: boolean;
	/** Findings about this link's target; empty for repeated targets. */
	findings: Finding[];
	onShow: ( link: EditorLink ) => void;
	onAction: ( link: EditorLink, action: FixAction ) => void;
}

export function anchorLabel( link: EditorLink ): string {
	if ( link.link.text ) {
		return link.link.text;
	}
	return link.link.isImage
		? __( '(image without alt text)', 'reciprocal-link-guard' )
		: __( '(no anchor text)', 'reciprocal-link-guard' );
}

function Row( {
	link,
	serviceConfigured,
	findings,
	onShow,
	onAction,
}: LinkRowProps ) {
	// This row's entry only: the store keeps unchanged entries as they were.
	const entry = useSelect(
		( select ) => select( store ).getCheck( link.key ),
		[ link.key ]
	);
	const status = linkStatus( link, entry, serviceConfigured );
	const title = blockTitle( link.blockName );
	const label = anchorLabel( link );
	const actions = fixesForLink( findings, link );
	return (
		<div className="rlg-link" data-rlg-key={ link.key }>
			<div className="rlg-link__head">
				<Button
					variant="link"
					className="rlg-link__anchor"
					onClick={ () => onShow( link ) }
					disabled={ ! link.clientId }
					label={ sprintf(
						/* translators: %s: anchor text of a link. */
						__(
							'Show the link “%s” in the editor',
							'reciprocal-link-guard'
						),
						label
					) }
					showTooltip={ false }
				>
					{ label }
				</Button>
				<span className="rlg-link__url">{ link.link.href }</span>
				{ title ? (
					<span className="rlg-link__block">
						{ sprintf(
							/* translators: %s: block name, e.g. Paragraph. */
							__( 'In block: %s', 'reciprocal-link-guard' ),
							title
						) }
					</span>
				) : null }
				{ link.syncedPattern ? (
					<span className="rlg-link__pattern">
						{ sprintf(
							/* translators: %s: title of a synced pattern. */
							__(
								'From synced pattern “%s”: edit the pattern to change this link. Every post that uses the pattern has it.',
								'reciprocal-link-guard'
							),
							patternName( link.syncedPattern )
						) }
					</span>
				) : null }
				{ link.link.rel.length ? (
					<span className="rlg-link__rel">
						{ sprintf(
							/* translators: %s: rel attribute value. */
							__( 'Our rel: %s', 'reciprocal-link-guard' ),
							link.link.rel.join( ' ' )
						) }
					</span>
				) : null }
			</div>
			<LinkStatusText status={ status } />
			{ actions.length ? (
				<div
					className="rlg-link__actions"
					role="group"
					aria-label={ sprintf(
						/* translators: %s: anchor text of a link. */
						__( 'Fixes for “%s”', 'reciprocal-link-guard' ),
						label
					) }
				>
					{ actions.map( ( action ) => (
						<Button
							key={ action }
							variant={
								// The first fix to reach for stands out.
								action === 'nofollow' ||
								action === 'edit-pattern'
									? 'secondary'
									: 'tertiary'
							}
							size="compact"
							onClick={ () => onAction( link, action ) }
						>
							{ fixActionLabel( action ) }
						</Button>
					) ) }
				</div>
			) : null }
			{ findings.map( ( finding, index ) => (
				<FindingNotice
					key={ `${ finding.code }-${ index }` }
					finding={ finding }
				/>
			) ) }
		</div>
	);
}

/** What a row shows of its link; a new analysis makes new but equal objects. */
function sameLink( a: EditorLink, b: EditorLink ): boolean {
	return (
		a === b ||
		( a.id === b.id &&
			a.key === b.key &&
			a.clientId === b.clientId &&
			a.blockName === b.blockName &&
			a.link.href === b.link.href &&
			a.link.text === b.link.text &&
			a.link.isImage === b.link.isImage &&
			a.link.rel.join( ' ' ) === b.link.rel.join( ' ' ) &&
			a.syncedPattern?.ref === b.syncedPattern?.ref &&
			a.syncedPattern?.title === b.syncedPattern?.title )
	);
}

function sameFindings( a: Finding[], b: Finding[] ): boolean {
	return (
		a === b ||
		( a.length === b.length &&
			a.every(
				( finding, index ) =>
					finding === b[ index ] ||
					JSON.stringify( finding ) === JSON.stringify( b[ index ] )
			) )
	);
}

export const LinkRow = memo(
	Row,
	( before, after ) =>
		before.serviceConfigured === after.serviceConfigured &&
		before.onShow === after.onShow &&
		before.onAction === after.onAction &&
		sameLink( before.link, after.link ) &&
		sameFindings( before.findings, after.findings )
);
