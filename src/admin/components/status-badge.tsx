import type { BacklinkResult, BacklinkStatus } from '../../core/schemas';
import { removalLabel, statusLabel, statusTone } from '../messages';

export function StatusBadge( {
	status,
	removal,
}: {
	status: BacklinkStatus | null;
	/** The removal grace period, shown under the badge (issue 9). */
	removal?: BacklinkResult[ 'removal' ];
} ) {
	const note = removalLabel( removal );
	return (
		<>
			<span
				className={ `rlg-badge rlg-badge--${ statusTone( status ) }` }
			>
				{ statusLabel( status ) }
			</span>
			{ note && <span className="rlg-removal rlg-muted">{ note }</span> }
		</>
	);
}
