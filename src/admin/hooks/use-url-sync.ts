/**
 * Keeps the address bar and the store in step: the store follows back and
 * forward, the address follows the store (a new history entry when a
 * partner opens or closes, a replaced one for filter changes, so back
 * leaves the detail instead of undoing each keystroke of a search).
 */
import { useEffect, useRef } from '@wordpress/element';
import { useDispatch, useSelect } from '@wordpress/data';
import { reportStore } from '../store';
import { readUrlState, writeUrlState } from '../url-state';

export function useUrlSync(): void {
	const { query, partner } = useSelect(
		( select ) => ( {
			query: select( reportStore ).getQuery(),
			partner: select( reportStore ).getOpenDomain(),
		} ),
		[]
	);
	const { replaceQuery, openPartner, closePartner } =
		useDispatch( reportStore );
	const lastPartner = useRef( partner );

	useEffect( () => {
		const next = writeUrlState( window.location.search, {
			query,
			partner,
		} );
		if ( next !== window.location.search ) {
			const url = window.location.pathname + next + window.location.hash;
			if ( lastPartner.current !== partner ) {
				window.history.pushState( null, '', url );
			} else {
				window.history.replaceState( null, '', url );
			}
		}
		lastPartner.current = partner;
	}, [ query, partner ] );

	useEffect( () => {
		const onPopState = () => {
			const state = readUrlState( window.location.search );
			replaceQuery( state.query );
			if ( state.partner ) {
				openPartner( state.partner );
			} else {
				closePartner();
			}
		};
		window.addEventListener( 'popstate', onPopState );
		return () => window.removeEventListener( 'popstate', onPopState );
	}, [ replaceQuery, openPartner, closePartner ] );
}
