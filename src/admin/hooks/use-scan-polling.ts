/**
 * Polls the scan status while a scan runs (including one that was already
 * running when the page loaded, or that the service started on its
 * schedule). One request at a time: the next poll is scheduled when the
 * previous one answered, so a slow service is not piled up on.
 */
import { useEffect } from '@wordpress/element';
import { useDispatch, useSelect } from '@wordpress/data';
import { reportStore } from '../store';

export const POLL_INTERVAL_MS = 1500;

export function useScanPolling(): void {
	const active = useSelect(
		( select ) => select( reportStore ).isScanActive(),
		[]
	);
	const { pollScanStatus } = useDispatch( reportStore );

	useEffect( () => {
		if ( ! active ) {
			return;
		}
		let cancelled = false;
		let timer: ReturnType< typeof setTimeout >;
		const tick = async () => {
			await pollScanStatus();
			if ( ! cancelled ) {
				timer = setTimeout( tick, POLL_INTERVAL_MS );
			}
		};
		timer = setTimeout( tick, POLL_INTERVAL_MS );
		return () => {
			cancelled = true;
			clearTimeout( timer );
		};
	}, [ active, pollScanStatus ] );
}
