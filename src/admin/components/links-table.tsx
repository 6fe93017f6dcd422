/**
 * The table both directions of a partnership share: where the link sits,
 * its anchor, placement, rel and target. Callers turn their own link type
 * into rows, so the two tables cannot drift apart in layout or markup.
 */
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';
import type { Placement } from '../../core/schemas';
import type { TheirWhere } from '../../core/their-links';
import { placementLabel } from '../messages';

export interface LinksTableRow {
	/** The page or post the link is on. */
	source: ReactNode;
	/** The anchor cell: quoted text plus any badges. */
	anchor: ReactNode;
	/** Where the link sits (their links: the core's `where`). */
	placement: Placement | TheirWhere;
	rel: string[];
	target: ReactNode;
}

interface Props {
	caption: string;
	/** Said instead of an empty table. */
	empty: string;
	sourceHeading: string;
	/** The source cell shows a bare URL (break anywhere), not a title. */
	sourceIsUrl?: boolean;
	targetHeading: string;
	rows: LinksTableRow[];
}

function Rel( { rel }: { rel: string[] } ) {
	return rel.length ? (
		<code>{ rel.join( ' ' ) }</code>
	) : (
		<span className="rlg-muted">
			{ __( 'followed', 'reciprocal-link-guard' ) }
		</span>
	);
}

/** An anchor text in quotes, or "(no text)" for an image link. */
export function AnchorText( { text }: { text: string } ) {
	return <q>{ text || __( '(no text)', 'reciprocal-link-guard' ) }</q>;
}

export function LinksTable( {
	caption,
	empty,
	sourceHeading,
	sourceIsUrl = false,
	targetHeading,
	rows,
}: Props ) {
	if ( ! rows.length ) {
		return <p className="rlg-muted">{ empty }</p>;
	}
	return (
		<table className="widefat striped rlg-links-table">
			<caption className="screen-reader-text">{ caption }</caption>
			<thead>
				<tr>
					<th scope="col">{ sourceHeading }</th>
					<th scope="col">
						{ __( 'Anchor', 'reciprocal-link-guard' ) }
					</th>
					<th scope="col">
						{ __( 'Placement', 'reciprocal-link-guard' ) }
					</th>
					<th scope="col">
						{ __( 'rel', 'reciprocal-link-guard' ) }
					</th>
					<th scope="col">{ targetHeading }</th>
				</tr>
			</thead>
			<tbody>
				{ rows.map( ( row, index ) => (
					<tr key={ index }>
						<td className={ sourceIsUrl ? 'rlg-url' : undefined }>
							{ row.source }
						</td>
						<td>{ row.anchor }</td>
						<td>{ placementLabel( row.placement ) }</td>
						<td>
							<Rel rel={ row.rel } />
						</td>
						<td className="rlg-url">{ row.target }</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}
