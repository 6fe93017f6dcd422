import type { BacklinkStatus } from '../../core/schemas';
import { statusLabel, statusTone } from '../messages';

export function StatusBadge( { status }: { status: BacklinkStatus | null } ) {
	return (
		<span className={ `rlg-badge rlg-badge--${ statusTone( status ) }` }>
			{ statusLabel( status ) }
		</span>
	);
}
