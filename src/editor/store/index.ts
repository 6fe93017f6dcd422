/**
 * The editor's data store, 'reciprocal-link-guard/editor': site context,
 * check results cached for the editing session, and the latest analysis.
 */
import { createReduxStore, register } from '@wordpress/data';
import * as actions from './actions';
import { initialState, reducer } from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';

export const STORE_NAME = 'reciprocal-link-guard/editor';

export const store = createReduxStore( STORE_NAME, {
	reducer,
	initialState,
	actions,
	selectors,
	resolvers,
} );

let registered = false;

/** Register once (the entry point may be evaluated again by hot reload). */
export function registerStore(): void {
	if ( ! registered ) {
		register( store );
		registered = true;
	}
}
