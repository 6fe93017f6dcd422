import type { Finding } from '../../core/findings';
import { findingTitle, severityLabel } from '../messages';

/** One badge per distinct finding code, worst severity first. */
export function FindingBadges( { findings }: { findings: Finding[] } ) {
	const order = { critical: 0, warning: 1, info: 2 };
	const seen = new Map< string, Finding >();
	for ( const finding of findings ) {
		const known = seen.get( finding.code );
		if ( ! known || order[ finding.severity ] < order[ known.severity ] ) {
			seen.set( finding.code, finding );
		}
	}
	const unique = [ ...seen.values() ].sort(
		( a, b ) => order[ a.severity ] - order[ b.severity ]
	);
	if ( ! unique.length ) {
		return <span className="rlg-muted">—</span>;
	}
	return (
		<ul className="rlg-findings">
			{ unique.map( ( finding ) => (
				<li
					key={ finding.code }
					className={ `rlg-finding rlg-finding--${ finding.severity }` }
				>
					<span className="screen-reader-text">
						{ severityLabel( finding.severity ) }:{ ' ' }
					</span>
					{ findingTitle( finding.code ) }
				</li>
			) ) }
		</ul>
	);
}
