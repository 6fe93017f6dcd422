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
import { fixesFor, type FixAction } from '../analysis/fixes';
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
			{ findings.map( ( finding, index ) => (
				<FindingNotice
					key={ `${ finding.code }-${ index }` }
					finding={ finding }
					actions={ fixesFor( finding, link ) }
					onAction={ ( action ) => onAction( link, action ) }
				/>
			) ) }
		</li>
	);
}
