/**
 * The report page's @wordpress/data store: `reciprocal-link-guard/report`.
 */
import { createReduxStore, register } from '@wordpress/data';
import * as actions from './actions';
import { initialState, reducer } from './reducer';
import * as selectors from './selectors';

export const STORE_NAME = 'reciprocal-link-guard/report';

export const reportStore = createReduxStore( STORE_NAME, {
	reducer,
	initialState: initialState(),
	actions,
	selectors,
} );

register( reportStore );
