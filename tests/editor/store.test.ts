import { DEFAULT_SETTINGS } from '../../src/core';
import {
	failChecks,
	receiveAnalysis,
	receiveContext,
	receiveResults,
	retryFailed,
	startChecks,
} from '../../src/editor/store/actions';
import {
	initialState,
	reducer,
	type State,
} from '../../src/editor/store/reducer';
import * as selectors from '../../src/editor/store/selectors';
import { result } from './fixtures';

const target = ( key: string, url = `https://${ key }/` ) => ( {
	key,
	url,
	anchorText: key,
} );

function run( ...actions: Parameters< typeof reducer >[ 1 ][] ): State {
	return actions.reduce( reducer, initialState );
}

describe( 'editor store reducer', () => {
	it( 'marks targets as checking, then stores their results and clears a service error', () => {
		const failed = run(
			startChecks( [ target( 'a.example' ) ] ),
			failChecks(
				[ target( 'a.example' ) ],
				{ code: 'rlg_service_unreachable', message: 'down' },
				true
			)
		);
		expect( selectors.getServiceError( failed ) ).toEqual( {
			code: 'rlg_service_unreachable',
			message: 'down',
		} );
		const state = [
			startChecks( [ target( 'b.example' ) ] ),
			receiveResults(
				{ 'b.example': result( 'https://b.example/' ) },
				{ 'b.example': 'https://b.example/' }
			),
		].reduce( reducer, failed );
		expect( selectors.getCheck( state, 'b.example' ) ).toMatchObject( {
			state: 'done',
			url: 'https://b.example/',
		} );
		expect( selectors.getServiceError( state ) ).toBeNull();
		expect( selectors.isChecking( state ) ).toBe( false );
	} );

	it( 'reports checking while any target is in flight', () => {
		const state = run(
			startChecks( [ target( 'a.example' ), target( 'b.example' ) ] )
		);
		expect( selectors.isChecking( state ) ).toBe( true );
		expect( Object.keys( selectors.getChecks( state ) ) ).toEqual( [
			'a.example',
			'b.example',
		] );
	} );

	it( 'keeps a per-target failure from being reported as a service failure', () => {
		const state = run(
			startChecks( [ target( 'a.example' ) ] ),
			failChecks(
				[ target( 'a.example' ) ],
				{ code: 'rlg_missing_result', message: 'x' },
				false
			)
		);
		expect( selectors.getCheck( state, 'a.example' )?.state ).toBe(
			'failed'
		);
		expect( selectors.getServiceError( state ) ).toBeNull();
	} );

	it( 'forgets only failed checks on retry', () => {
		const state = run(
			startChecks( [ target( 'a.example' ), target( 'b.example' ) ] ),
			receiveResults( { 'a.example': result( 'https://a.example/' ) } ),
			failChecks(
				[ target( 'b.example' ) ],
				{ code: 'fetch_error', message: 'offline' },
				true
			),
			retryFailed()
		);
		expect( Object.keys( state.checks ) ).toEqual( [ 'a.example' ] );
		expect( state.serviceError ).toBeNull();
	} );

	it( 'exposes the context only once it is ready', () => {
		expect( selectors.getContext( initialState ) ).toBeNull();
		const context = {
			settings: DEFAULT_SETTINGS,
			siteUrls: [ 'https://ours.example/' ],
			settingsUrl: '/wp-admin/options-general.php?page=x',
			serviceConfigured: true,
			siteStats: null,
			serviceError: null,
			canOverride: false,
		};
		const state = run( receiveContext( context ) );
		expect( selectors.getContext( state ) ).toBe( context );
		expect( selectors.getContextError( state ) ).toBeNull();
	} );

	it( 'keeps the context, or its equal parts, when it is received again (no needless re-analysis)', () => {
		const context = {
			settings: { ...DEFAULT_SETTINGS },
			siteUrls: [ 'https://ours.example/' ],
			settingsUrl: '',
			serviceConfigured: true,
			siteStats: null,
			serviceError: null,
			canOverride: false,
		};
		const first = run( receiveContext( context ) );
		// Inline first, then the same from the route: nothing changes.
		const again = reducer(
			first,
			receiveContext( JSON.parse( JSON.stringify( context ) ) )
		);
		expect( again ).toBe( first );
		// New site counts after a check: a new context, with the same
		// siteUrls and settings objects (the links are not read again).
		const counted = reducer(
			first,
			receiveContext( {
				...JSON.parse( JSON.stringify( context ) ),
				siteStats: {
					outboundDomains: 3,
					reciprocalPartners: 1,
					newReciprocalPartners: 1,
				},
			} )
		);
		const value = selectors.getContext( counted )!;
		expect( value ).not.toBe( context );
		expect( value.siteStats?.reciprocalPartners ).toBe( 1 );
		expect( value.siteUrls ).toBe( context.siteUrls );
		expect( value.settings ).toBe( context.settings );
	} );

	it( 'says whether the analysis is of the check results in the store now', () => {
		expect( selectors.isAnalysisCurrent( initialState ) ).toBe( false );
		const checking = run( startChecks( [ target( 'a.example' ) ] ) );
		const analysed = reducer(
			checking,
			receiveAnalysis( {
				links: [],
				findings: [],
				siteFindings: [],
				error: null,
				checks: checking.checks,
			} )
		);
		expect( selectors.isAnalysisCurrent( analysed ) ).toBe( true );
		const answered = reducer(
			analysed,
			receiveResults( { 'a.example': result( 'https://a.example/' ) } )
		);
		expect( selectors.isAnalysisCurrent( answered ) ).toBe( false );
	} );

	it( 'returns the same checks object between unrelated updates (no needless re-renders)', () => {
		const state = run( startChecks( [ target( 'a.example' ) ] ) );
		const next = reducer( state, { type: 'SET_OVERRIDE', override: null } );
		expect( selectors.getChecks( next ) ).toBe(
			selectors.getChecks( state )
		);
	} );
} );
