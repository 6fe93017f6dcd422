/**
 * The check thunk against a real @wordpress/data registry with the REST
 * call stubbed: batching at the service's cap, results landing under the
 * right keys, and a failing route reported once as a service error.
 */
import apiFetch from '@wordpress/api-fetch';
import { createRegistry } from '@wordpress/data';
import { MAX_LINKS_PER_CHECK } from '../../src/core';
import { urlKey } from '../../src/core/url';
import { store } from '../../src/editor/store';
import { result } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const fetchMock = apiFetch as unknown as jest.Mock;

function targets( count: number ) {
	return Array.from( { length: count }, ( _, i ) => {
		const url = `https://partner-${ i }.example/`;
		return { key: urlKey( url ), url, anchorText: `Partner ${ i }` };
	} );
}

describe( 'checkTargets', () => {
	afterEach( () => fetchMock.mockReset() );

	it( 'sends batches of at most the service cap and stores every result', async () => {
		fetchMock.mockImplementation(
			async ( options: {
				data: { links: Array< { url: string } > };
			} ) => ( {
				site: 'https://ours.example/',
				results: options.data.links.map( ( l ) =>
					result( l.url, { status: 'no-link' } )
				),
			} )
		);
		const registry = createRegistry();
		registry.register( store );
		const all = targets( MAX_LINKS_PER_CHECK + 5 );
		await registry.dispatch( store ).checkTargets( all, 7, [ 'kw' ] );

		expect( fetchMock ).toHaveBeenCalledTimes( 2 );
		const sizes = fetchMock.mock.calls.map(
			( [ options ] ) => options.data.links.length
		);
		expect( sizes ).toEqual( [ MAX_LINKS_PER_CHECK, 5 ] );
		expect( fetchMock.mock.calls[ 0 ][ 0 ] ).toMatchObject( {
			path: '/reciprocal-link-guard/v1/check',
			method: 'POST',
			data: { postId: 7, keywords: [ 'kw' ] },
		} );
		const checks = registry.select( store ).getChecks();
		expect(
			Object.values( checks ).every( ( c ) => c.state === 'done' )
		).toBe( true );
		expect( Object.keys( checks ) ).toHaveLength( all.length );
		expect( registry.select( store ).getServiceError() ).toBeNull();
	} );

	it( 'marks the batch failed and keeps one service error when the route fails', async () => {
		fetchMock.mockRejectedValue( {
			code: 'rlg_service_unreachable',
			message:
				'The link check service at http://127.0.0.1:9 did not answer.',
		} );
		const registry = createRegistry();
		registry.register( store );
		await registry.dispatch( store ).checkTargets( targets( 2 ), 7, [] );
		const checks = Object.values( registry.select( store ).getChecks() );
		expect( checks.map( ( c ) => c.state ) ).toEqual( [
			'failed',
			'failed',
		] );
		expect( registry.select( store ).getServiceError() ).toEqual( {
			code: 'rlg_service_unreachable',
			message:
				'The link check service at http://127.0.0.1:9 did not answer.',
		} );
	} );

	it( 'reloads the site-wide counts after a partner is found linking back', async () => {
		const before = {
			outboundDomains: 3,
			reciprocalPartners: 2,
			newReciprocalPartners: 2,
		};
		const after = { ...before, reciprocalPartners: 3 };
		let contextCalls = 0;
		fetchMock.mockImplementation(
			async ( options: {
				path: string;
				data?: { links: Array< { url: string } > };
			} ) => {
				if ( options.path.endsWith( '/context' ) ) {
					contextCalls++;
					return {
						siteUrls: [ 'https://ours.example/' ],
						siteStats: contextCalls === 1 ? before : after,
					};
				}
				return {
					site: 'https://ours.example/',
					results: ( options.data?.links ?? [] ).map( ( l ) =>
						result( l.url, { status: 'links-back' } )
					),
				};
			}
		);
		// The context is read in the browser, where `window` exists.
		const globals = globalThis as { window?: unknown };
		globals.window = { location: { origin: 'https://ours.example' } };
		const registry = createRegistry();
		registry.register( store );
		// As in the editor: the context is loaded before any check.
		await registry.resolveSelect( store ).getContext();
		expect( registry.select( store ).getContext()?.siteStats ).toEqual(
			before
		);
		await registry.dispatch( store ).checkTargets( targets( 1 ), 7, [] );
		expect( contextCalls ).toBe( 2 );
		expect( registry.select( store ).getContext()?.siteStats ).toEqual(
			after
		);
		delete globals.window;
	} );

	it( 'does not reload the counts when no partner links back', async () => {
		fetchMock.mockImplementation(
			async ( options: {
				data: { links: Array< { url: string } > };
			} ) => ( {
				site: 'https://ours.example/',
				results: options.data.links.map( ( l ) =>
					result( l.url, { status: 'no-link' } )
				),
			} )
		);
		const registry = createRegistry();
		registry.register( store );
		await registry.dispatch( store ).checkTargets( targets( 2 ), 7, [] );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'rejects an answer that does not match the contract', async () => {
		fetchMock.mockResolvedValue( {
			site: 'x',
			results: [ { target: 1 } ],
		} );
		const registry = createRegistry();
		registry.register( store );
		await registry.dispatch( store ).checkTargets( targets( 1 ), 7, [] );
		expect( registry.select( store ).getServiceError()?.code ).toBe(
			'rlg_invalid_response'
		);
	} );
} );
