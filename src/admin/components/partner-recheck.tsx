/**
 * "Check again" for the open partner: fetches its pages again on the
 * service (stored results are not used) and shows the new status, links
 * and findings in place; the table behind reloads too.
 */
import { Button, Notice } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import { reportStore } from '../store';

export function PartnerRecheck( { domain }: { domain: string } ) {
	const { checking, error } = useSelect(
		( select ) => ( {
			checking: select( reportStore ).isRecheckingPartner( domain ),
			error: select( reportStore ).getRecheckError( domain ),
		} ),
		[ domain ]
	);
	const { recheckPartner } = useDispatch( reportStore );
	return (
		<div className="rlg-recheck">
			<Button
				variant="secondary"
				isBusy={ checking }
				disabled={ checking }
				aria-disabled={ checking }
				onClick={ () => recheckPartner( domain ) }
				__next40pxDefaultSize
			>
				{ checking
					? __( 'Checking…', 'reciprocal-link-guard' )
					: __( 'Check again', 'reciprocal-link-guard' ) }
			</Button>
			<span className="rlg-muted">
				{ __(
					'Fetches their pages now, without stored results.',
					'reciprocal-link-guard'
				) }
			</span>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error.message }
				</Notice>
			) }
		</div>
	);
}
