/* @jsxRuntime classic */
/* @jsx createElement */
/**
 * A link's check status in words, and for a partner that links back, where
 * their link sits, with which anchor and rel.
 */
import { createElement } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { Backlink } from '../../core';
import { theirVerdict, whereOf } from '../../core/their-links';
import {
	backlinkStatusLabel,
	placementLabel,
	theirLinksSummary,
} from '../messages';
import type { LinkStatus } from '../types';

/** Their links listed per partner in the sidebar; the summary counts all. */
const SIDEBAR_LINKS = 5;

function BacklinkLine( { backlink }: { backlink: Backlink } ) {
	const where =
		backlink.foundOn === 'homepage'
			? __( 'on their homepage', 'reciprocal-link-guard' )
			: __( 'on the page you link to', 'reciprocal-link-guard' );
	const rel = backlink.rel.length
		? backlink.rel.join( ' ' )
		: __( 'followed (no rel)', 'reciprocal-link-guard' );
	return (
		<li className="rlg-backlink">
			{ sprintf(
				/* translators: 1: e.g. "in the footer", 2: e.g. "on their homepage". */
				__(
					'Their link to us sits %1$s, %2$s.',
					'reciprocal-link-guard'
				),
				placementLabel( whereOf( backlink ) ),
				where
			) }{ ' ' }
			{ sprintf(
				/* translators: 1: anchor text, 2: rel attribute value. */
				__( 'Anchor “%1$s”, rel: %2$s.', 'reciprocal-link-guard' ),
				backlink.text ||
					( backlink.isImage
						? __( '(image)', 'reciprocal-link-guard' )
						: __( '(empty)', 'reciprocal-link-guard' ) ),
				rel
			) }
			{ backlink.hidden
				? ' ' + __( 'The link is hidden.', 'reciprocal-link-guard' )
				: null }
		</li>
	);
}

export function LinkStatusText( { status }: { status: LinkStatus } ) {
	switch ( status.kind ) {
		case 'internal':
			return (
				<span className="rlg-status rlg-status--internal">
					{ __(
						'Internal link (not checked)',
						'reciprocal-link-guard'
					) }
				</span>
			);
		case 'waiting':
			return (
				<span className="rlg-status rlg-status--waiting">
					{ __( 'Waiting to be checked', 'reciprocal-link-guard' ) }
				</span>
			);
		case 'checking':
			// No spinner per row: one progress line above the list says how
			// far the checks are (1,000 animated spinners cost a frame each).
			return (
				<span className="rlg-status rlg-status--checking">
					{ __( 'Being checked', 'reciprocal-link-guard' ) }
				</span>
			);
		case 'not-checked':
			return (
				<span className="rlg-status rlg-status--not-checked">
					{ status.why === 'service-down'
						? __(
								'Not checked: the check service did not answer',
								'reciprocal-link-guard'
							)
						: __(
								'Not checked: no check service',
								'reciprocal-link-guard'
							) }
				</span>
			);
		case 'no-link':
			return (
				<span className="rlg-status rlg-status--no-link">
					{ __( 'No link back to us', 'reciprocal-link-guard' ) }
				</span>
			);
		case 'could-not-check':
			return (
				<span className="rlg-status rlg-status--error">
					{ sprintf(
						/* translators: %s: the reason, e.g. "blocked by bot protection". */
						__( 'Could not check: %s', 'reciprocal-link-guard' ),
						backlinkStatusLabel( status.reason )
					) }
					{ /* A service failure is explained once, in the sidebar's notice. */ }
					{ status.detail && status.reason !== 'service-error'
						? ` (${ status.detail })`
						: null }
				</span>
			);
		case 'links-back': {
			// The core's verdict: the most telling link first, where all
			// of them sit; the sidebar lists a few (a partner page may hold
			// thousands of links to us).
			const verdict = theirVerdict( status.result );
			const shown = verdict.shown.slice( 0, SIDEBAR_LINKS );
			return (
				<div className="rlg-status rlg-status--links-back">
					<span>
						{ __( 'Links back to us', 'reciprocal-link-guard' ) }
					</span>
					<ul className="rlg-backlinks">
						{ shown.map( ( backlink, index ) => (
							<BacklinkLine key={ index } backlink={ backlink } />
						) ) }
					</ul>
					{ verdict.total > 1 && (
						<p className="rlg-backlinks__summary">
							{ theirLinksSummary( verdict, shown.length ) }
						</p>
					) }
				</div>
			);
		}
	}
}
