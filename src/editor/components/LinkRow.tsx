/* @jsxRuntime classic */
/* @jsx createElement */
/**
 * One external link: its anchor (a button that jumps to its block), the
 * block it sits in, its status, and the findings about its target.
 */
import { Button } from '@wordpress/components';
import { createElement } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { Finding } from '../../core';
import { fixesForLink, type FixAction } from '../analysis/fixes';
import { fixActionLabel, patternName } from '../messages';
import type { EditorLink, LinkStatus } from '../types';
import { blockTitle } from '../wp-globals';
import { FindingNotice } from './FindingNotice';
import { LinkStatusText } from './LinkStatusText';

export interface LinkRowProps {
	link: EditorLink;
	status: LinkStatus;
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

export function LinkRow( {
	link,
	status,
	findings,
	onShow,
	onAction,
}: LinkRowProps ) {
	const title = blockTitle( link.blockName );
	const label = anchorLabel( link );
	const actions = fixesForLink( findings, link );
	return (
		<li className="rlg-link" data-rlg-key={ link.key }>
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
		</li>
	);
}
