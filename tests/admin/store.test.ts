import { createRegistry } from '@wordpress/data';
import * as api from '../../src/admin/api';
import type { ServiceError } from '../../src/admin/errors';
import {
	initialState,
	newerScanStatus,
	reducer,
} from '../../src/admin/store/reducer';
import * as selectors from '../../src/admin/store/selectors';
import { reportStore } from '../../src/admin/store';
import { partnerDetail, report, scanStatus } from './fixtures';

jest.mock( '../../src/admin/api' );
const mockedApi = jest.mocked( api );

const unreachable: ServiceError = {
	kind: 'unreachable',
	code: 'rlg_service_unreachable',
	message: 'The service at http://127.0.0.1:7777 did not answer.',
	status: 502,
};

function freshRegistry() {
	const registry = createRegistry();
	registry.register( reportStore );
	return {
		select: () => registry.select( reportStore ),
		dispatch: () => registry.dispatch( reportStore ),
	};
}

afterEach( () => jest.resetAllMocks() );

describe( 'report reducer', () => {
	it( 'drops an answer to a request that was superseded (a slower, older search)', () => {
		let state = reducer( initialState(), {
			type: 'REPORT_REQUEST',
			path: '/a',
		} );
		state = reducer( state, { type: 'REPORT_REQUEST', path: '/b' } );
		const older = report( { site: 'older' } );
		state = reducer( state, {
			type: 'REPORT_RECEIVE',
			path: '/a',
			report: older,
		} );
		expect( selectors.getReport( state ) ).toBeNull();
		expect( selectors.isReportLoading( state ) ).toBe( true );
		const newer = report( { site: 'newer' } );
		state = reducer( state, {
			type: 'REPORT_RECEIVE',
			path: '/b',
			report: newer,
		} );
		expect( selectors.getReport( state ) ).toBe( newer );
		expect( selectors.isReportLoading( state ) ).toBe( false );
	} );

	it( 'keeps the last report on screen when a reload fails, with the error beside it', () => {
		let state = reducer( initialState(), {
			type: 'REPORT_REQUEST',
			path: '/a',
		} );
		const first = report();
		state = reducer( state, {
			type: 'REPORT_RECEIVE',
			path: '/a',
			report: first,
		} );
		state = reducer( state, { type: 'REPORT_REQUEST', path: '/a' } );
		state = reducer( state, {
			type: 'REPORT_FAIL',
			path: '/a',
			error: unreachable,
		} );
		expect( selectors.getReport( state ) ).toBe( first );
		expect( selectors.getReportError( state ) ).toBe( unreachable );
		expect( selectors.isServiceUnavailable( state ) ).toBe( true );
	} );

	it( 'adds a saved note to the open partner log once, even if the answer is repeated', () => {
		let state = reducer( initialState(), {
			type: 'PARTNER_RECEIVE',
			domain: 'tuinpartner.nl',
			detail: partnerDetail(),
		} );
		const entry = {
			id: 7,
			domain: 'tuinpartner.nl',
			author: 'admin',
			createdAt: '2026-11-25T09:10:00.000Z',
			note: 'Agreed a link swap with Jan in October.',
		};
		state = reducer( state, {
			type: 'LOG_SAVE_REQUEST',
			domain: 'tuinpartner.nl',
		} );
		expect( selectors.isSavingLog( state, 'tuinpartner.nl' ) ).toBe( true );
		state = reducer( state, {
			type: 'LOG_SAVED',
			domain: 'tuinpartner.nl',
			entry,
		} );
		state = reducer( state, {
			type: 'LOG_SAVED',
			domain: 'tuinpartner.nl',
			entry,
		} );
		expect(
			selectors.getPartnerDetail( state, 'tuinpartner.nl' )?.log
		).toEqual( [ entry ] );
		expect( selectors.isSavingLog( state, 'tuinpartner.nl' ) ).toBe(
			false
		);
	} );

	it( 'takes the scan status from the report when there is no newer one', () => {
		const lastScan = scanStatus( { state: 'done', id: 3 } );
		let state = reducer( initialState(), {
			type: 'REPORT_REQUEST',
			path: '/a',
		} );
		state = reducer( state, {
			type: 'REPORT_RECEIVE',
			path: '/a',
			report: report( { lastScan } ),
		} );
		expect( selectors.getScanStatus( state ) ).toBe( lastScan );
		expect( selectors.isScanActive( state ) ).toBe( false );
	} );
} );

describe( 'which scan status wins', () => {
	it( 'prefers a newer scan', () => {
		const old = scanStatus( { id: 1, state: 'done' } );
		const next = scanStatus( { id: 2, state: 'queued', postsRead: 0 } );
		expect( newerScanStatus( old, next ) ).toBe( next );
		expect( newerScanStatus( next, old ) ).toBe( next );
	} );

	it( 'does not let a late "running" answer undo "done" of the same scan', () => {
		const done = scanStatus( { state: 'done', postsRead: 40 } );
		const late = scanStatus( { state: 'running', postsRead: 20 } );
		expect( newerScanStatus( done, late ) ).toBe( done );
	} );

	it( 'does not move a running scan backwards', () => {
		const ahead = scanStatus( { postsRead: 30 } );
		const behind = scanStatus( { postsRead: 20 } );
		expect( newerScanStatus( ahead, behind ) ).toBe( ahead );
		expect( newerScanStatus( behind, ahead ) ).toBe( ahead );
	} );

	it( 'keeps what it has when the service knows of no scan', () => {
		const current = scanStatus();
		expect( newerScanStatus( current, null ) ).toBe( current );
	} );
} );

describe( 'report store thunks', () => {
	it( 'loads the report for the query and pages without losing the filters', async () => {
		mockedApi.fetchReport.mockResolvedValue( report() );
		const store = freshRegistry();
		await store.dispatch().setQuery( { status: 'no-link' } );
		await store.dispatch().setQuery( { page: 2 } );
		expect( mockedApi.fetchReport ).toHaveBeenLastCalledWith(
			expect.objectContaining( { status: 'no-link', page: 2 } )
		);
		await store.dispatch().setQuery( { placement: 'footer' } );
		expect( store.select().getQuery() ).toMatchObject( {
			status: 'no-link',
			placement: 'footer',
			page: 1,
		} );
	} );

	it( 'records an unreachable service instead of throwing', async () => {
		mockedApi.fetchReport.mockRejectedValue( unreachable );
		const store = freshRegistry();
		await expect(
			store.dispatch().refreshReport()
		).resolves.toBeUndefined();
		expect( store.select().getReportError() ).toEqual( unreachable );
		expect( store.select().isServiceUnavailable() ).toBe( true );
	} );

	it( 'saves a log note and shows it in the partner detail at once', async () => {
		mockedApi.fetchPartner.mockResolvedValue( partnerDetail() );
		const entry = {
			id: 1,
			domain: 'tuinpartner.nl',
			author: 'admin',
			createdAt: '2026-11-25T09:10:00.000Z',
			note: 'Partner since 2024.',
		};
		mockedApi.postPartnerLog.mockResolvedValue( entry );
		const store = freshRegistry();
		await store.dispatch().openPartner( 'tuinpartner.nl' );
		expect( store.select().getOpenDomain() ).toBe( 'tuinpartner.nl' );
		const saved = await store
			.dispatch()
			.addLogEntry( 'tuinpartner.nl', 'Partner since 2024.' );
		expect( saved ).toEqual( entry );
		expect( mockedApi.postPartnerLog ).toHaveBeenCalledWith(
			'tuinpartner.nl',
			'Partner since 2024.'
		);
		expect(
			store.select().getPartnerDetail( 'tuinpartner.nl' )?.log
		).toEqual( [ entry ] );
	} );

	it( 'keeps a failed note out of the log and reports why', async () => {
		mockedApi.fetchPartner.mockResolvedValue( partnerDetail() );
		mockedApi.postPartnerLog.mockRejectedValue( unreachable );
		const store = freshRegistry();
		await store.dispatch().openPartner( 'tuinpartner.nl' );
		expect(
			await store.dispatch().addLogEntry( 'tuinpartner.nl', 'x' )
		).toBeNull();
		expect(
			store.select().getPartnerDetail( 'tuinpartner.nl' )?.log
		).toEqual( [] );
		expect( store.select().getLogSaveError( 'tuinpartner.nl' ) ).toEqual(
			unreachable
		);
	} );

	it( '"Check again" shows the partner\'s new detail and reloads the table', async () => {
		mockedApi.fetchPartner.mockResolvedValue( partnerDetail() );
		mockedApi.fetchReport.mockResolvedValue( report() );
		const rechecked = partnerDetail();
		rechecked.partner = { ...rechecked.partner, status: 'no-link' };
		let finish: ( detail: typeof rechecked ) => void = () => {};
		mockedApi.recheckPartner.mockReturnValue(
			new Promise( ( resolve ) => ( finish = resolve ) )
		);
		const store = freshRegistry();
		await store.dispatch().openPartner( 'tuinpartner.nl' );
		const running = store.dispatch().recheckPartner( 'tuinpartner.nl' );
		expect( store.select().isRecheckingPartner( 'tuinpartner.nl' ) ).toBe(
			true
		);
		finish( rechecked );
		await running;
		expect( mockedApi.recheckPartner ).toHaveBeenCalledWith(
			'tuinpartner.nl'
		);
		expect( store.select().isRecheckingPartner( 'tuinpartner.nl' ) ).toBe(
			false
		);
		expect(
			store.select().getPartnerDetail( 'tuinpartner.nl' )?.partner.status
		).toBe( 'no-link' );
		expect( mockedApi.fetchReport ).toHaveBeenCalledTimes( 1 );
	} );

	it( '"Check again" that fails keeps the detail and says why', async () => {
		mockedApi.fetchPartner.mockResolvedValue( partnerDetail() );
		mockedApi.recheckPartner.mockRejectedValue( unreachable );
		const store = freshRegistry();
		await store.dispatch().openPartner( 'tuinpartner.nl' );
		await store.dispatch().recheckPartner( 'tuinpartner.nl' );
		expect( store.select().getRecheckError( 'tuinpartner.nl' ) ).toEqual(
			unreachable
		);
		expect(
			store.select().getPartnerDetail( 'tuinpartner.nl' )
		).not.toBeNull();
		expect( mockedApi.fetchReport ).not.toHaveBeenCalled();
	} );

	it( 'reloads the report once when the watched scan finishes', async () => {
		mockedApi.fetchReport.mockResolvedValue( report() );
		mockedApi.postScan.mockResolvedValue(
			scanStatus( { state: 'queued', postsRead: 0 } )
		);
		const store = freshRegistry();
		await store.dispatch().startScan();
		expect( store.select().isScanActive() ).toBe( true );

		mockedApi.fetchScanStatus.mockResolvedValue(
			scanStatus( { postsRead: 20 } )
		);
		await store.dispatch().pollScanStatus();
		expect( mockedApi.fetchReport ).not.toHaveBeenCalled();

		mockedApi.fetchScanStatus.mockResolvedValue(
			scanStatus( {
				state: 'done',
				postsRead: 40,
				finishedAt: '2026-11-25T09:05:00.000Z',
			} )
		);
		await store.dispatch().pollScanStatus();
		expect( store.select().isScanActive() ).toBe( false );
		expect( mockedApi.fetchReport ).toHaveBeenCalledTimes( 1 );

		await store.dispatch().pollScanStatus();
		expect( mockedApi.fetchReport ).toHaveBeenCalledTimes( 1 );
	} );
} );

describe( 'starting a scan while one runs', () => {
	it( 'follows the running scan instead of reporting an error', async () => {
		mockedApi.postScan.mockRejectedValue( {
			kind: 'service',
			code: 'rlg_service_error',
			message: 'a scan of this site is already running',
			status: 409,
		} );
		mockedApi.fetchScanStatus.mockResolvedValue( scanStatus( { id: 9 } ) );
		const store = freshRegistry();
		await store.dispatch().startScan();
		expect( store.select().getScanError() ).toBeNull();
		expect( store.select().getScanStatus()?.id ).toBe( 9 );
		expect( store.select().isScanActive() ).toBe( true );
	} );
} );
