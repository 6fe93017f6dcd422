/**
 * Entry of build/assets/admin.js: the site-wide report page under Tools →
 * Reciprocal links. The PHP page prints `<div id="rlg-report-root">`; this
 * mounts the React app in it, with the store primed from the address bar.
 */
import { dispatch } from '@wordpress/data';
import { createRoot } from '@wordpress/element';
import { ReportPage } from './components/report-page';
import { readConfig } from './config';
import { reportStore } from './store';
import { readUrlState } from './url-state';
import './admin.scss';

export const ROOT_ID = 'rlg-report-root';

function mount() {
	const root = document.getElementById( ROOT_ID );
	if ( ! root ) {
		return;
	}
	const config = readConfig( root );
	const { query, partner } = readUrlState( window.location.search );
	const actions = dispatch( reportStore );
	actions.replaceQuery( query );
	if ( partner ) {
		actions.openPartner( partner );
	}
	createRoot( root ).render( <ReportPage config={ config } /> );
}

if ( document.readyState === 'loading' ) {
	document.addEventListener( 'DOMContentLoaded', mount );
} else {
	mount();
}
