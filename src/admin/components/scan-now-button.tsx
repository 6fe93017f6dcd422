/**
 * "Scan now" and the live progress of the running scan (polled by
 * useScanPolling). The bar is a role="progressbar" with a text that says
 * what is happening, announced politely as it changes phase.
 */
import { Button, CheckboxControl, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';
import type { ScanStatus } from '../../core/report';
import { formatDateTime, scanStateLabel } from '../messages';
import { scanProgress, unchangedSince } from '../scan-progress';
import { reportStore } from '../store';

function postsText( status: ScanStatus ): string {
	const since = unchangedSince( status );
	if ( since ) {
		return sprintf(
			/* translators: %s: date and time of the previous scan. */
			__( 'no post changed since %s', 'reciprocal-link-guard' ),
			formatDateTime( since )
		);
	}
	if ( status.postsTotal === null ) {
		return sprintf(
			/* translators: %d: posts read so far. */
			__( '%d posts read', 'reciprocal-link-guard' ),
			status.postsRead
		);
	}
	return sprintf(
		/* translators: 1: posts read so far, 2: posts in all. */
		__( '%1$d of %2$d posts read', 'reciprocal-link-guard' ),
		status.postsRead,
		status.postsTotal
	);
}

function progressText( status: ScanStatus ): string {
	const posts = postsText( status );
	const partners = sprintf(
		/* translators: 1: partners checked so far, 2: partners found so far. */
		__( '%1$d of %2$d partners checked', 'reciprocal-link-guard' ),
		status.partnersChecked,
		status.partnersTotal
	);
	return `${ posts } · ${ partners }`;
}

export function ScanProgressBar( { status }: { status: ScanStatus } ) {
	const progress = scanProgress( status );
	const percent =
		progress.fraction === null
			? null
			: Math.round( progress.fraction * 100 );
	const text = progressText( status );
	return (
		<div className="rlg-scan-progress">
			<div
				className={ `rlg-progress${ percent === null ? ' is-indeterminate' : '' }` }
				role="progressbar"
				aria-label={ __( 'Scan progress', 'reciprocal-link-guard' ) }
				aria-valuemin={ 0 }
				aria-valuemax={ 100 }
				aria-valuenow={ percent ?? undefined }
				aria-valuetext={
					percent === null ? text : `${ percent }% · ${ text }`
				}
			>
				<div
					className="rlg-progress__bar"
					style={ {
						width: percent === null ? undefined : `${ percent }%`,
					} }
				/>
			</div>
			<p className="rlg-scan-progress__text">
				<strong>{ scanStateLabel( status.state ) }</strong>
				{ percent !== null && ` ${ percent }%` } · { text }
			</p>
		</div>
	);
}

function LastScan( { status }: { status: ScanStatus } ) {
	if ( status.state === 'failed' ) {
		return (
			<p className="rlg-scan-last rlg-scan-last--failed">
				{ sprintf(
					/* translators: 1: date and time, 2: the reason. */
					__(
						'The last scan (%1$s) failed: %2$s',
						'reciprocal-link-guard'
					),
					formatDateTime( status.startedAt ),
					status.error ??
						__( 'no reason given', 'reciprocal-link-guard' )
				) }
			</p>
		);
	}
	return (
		<p className="rlg-scan-last">
			{ sprintf(
				/* translators: 1: state (Finished / Interrupted), 2: date and time, 3: progress summary. */
				__( 'Last scan: %1$s %2$s · %3$s', 'reciprocal-link-guard' ),
				scanStateLabel( status.state ),
				formatDateTime( status.finishedAt ?? status.startedAt ),
				progressText( status )
			) }
		</p>
	);
}

export function ScanNowButton( { disabled }: { disabled: boolean } ) {
	const { status, active, starting, error } = useSelect(
		( select ) => ( {
			status: select( reportStore ).getScanStatus(),
			active: select( reportStore ).isScanActive(),
			starting: select( reportStore ).isScanStarting(),
			error: select( reportStore ).getScanError(),
		} ),
		[]
	);
	const { startScan } = useDispatch( reportStore );
	// Scans are incremental (posts modified since the last scan); this reads them all.
	const [ full, setFull ] = useState( false );
	const running =
		status && ( status.state === 'queued' || status.state === 'running' );
	return (
		<div className="rlg-scan">
			{ /* Announces the scan's state changes only, not every percent of progress. */ }
			<div className="screen-reader-text" role="status">
				{ status ? scanStateLabel( status.state ) : '' }
			</div>
			<Button
				variant="primary"
				onClick={ () => startScan( full ) }
				isBusy={ starting }
				disabled={ disabled || active }
				__experimentalIsFocusable
			>
				{ active
					? __( 'Scanning…', 'reciprocal-link-guard' )
					: __( 'Scan now', 'reciprocal-link-guard' ) }
			</Button>
			{ ! active && (
				<CheckboxControl
					className="rlg-scan__full"
					label={ __(
						'Read every post again',
						'reciprocal-link-guard'
					) }
					checked={ full }
					onChange={ setFull }
					disabled={ disabled }
					__nextHasNoMarginBottom
				/>
			) }
			{ running && <ScanProgressBar status={ status } /> }
			{ status && ! running && <LastScan status={ status } /> }
			{ error &&
				error.kind !== 'unreachable' &&
				error.kind !== 'misconfigured' && (
					<Notice status="error" isDismissible={ false }>
						{ sprintf(
							/* translators: %s: the reason. */
							__(
								'The scan could not be started: %s',
								'reciprocal-link-guard'
							),
							error.message
						) }
					</Notice>
				) }
		</div>
	);
}
