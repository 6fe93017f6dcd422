/**
 * Downloads the partner table as CSV, with the current filters and sort,
 * every matching row (not only the visible page).
 */
import { Button, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { ReportQuery } from '../../core/report';
import { fetchExport } from '../api';
import { toServiceError, type ServiceError } from '../errors';

/** Hands a text to the browser as a file download. */
function saveAs( text: string, fileName: string ) {
	const blob = new Blob( [ text ], { type: 'text/csv;charset=utf-8' } );
	const url = URL.createObjectURL( blob );
	const link = document.createElement( 'a' );
	link.href = url;
	link.download = fileName;
	link.style.display = 'none';
	document.body.appendChild( link );
	link.click();
	link.remove();
	// Revoke after the click has been handled: revoking at once can cancel the download.
	setTimeout( () => URL.revokeObjectURL( url ), 10000 );
}

export function CsvExportButton( {
	query,
	disabled,
}: {
	query: ReportQuery;
	disabled: boolean;
} ) {
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState< ServiceError | null >( null );
	const download = async () => {
		setBusy( true );
		setError( null );
		try {
			const { csv, fileName } = await fetchExport( query );
			saveAs( csv, fileName );
		} catch ( failure ) {
			setError( toServiceError( failure ) );
		} finally {
			setBusy( false );
		}
	};
	return (
		<div className="rlg-export">
			<Button
				variant="secondary"
				onClick={ download }
				isBusy={ busy }
				disabled={ disabled || busy }
				__experimentalIsFocusable
			>
				{ __( 'Export CSV', 'reciprocal-link-guard' ) }
			</Button>
			{ error && (
				<Notice
					status="error"
					isDismissible
					onRemove={ () => setError( null ) }
				>
					{ sprintf(
						/* translators: %s: the reason. */
						__( 'The export failed: %s', 'reciprocal-link-guard' ),
						error.message
					) }
				</Notice>
			) }
		</div>
	);
}
