import apiFetch from '@wordpress/api-fetch';
import {
	fetchExport,
	fetchPartnerLinks,
	fetchReport,
	fetchScanStatus,
	postPartnerLog,
} from '../../src/admin/api';
import { DEFAULT_QUERY } from '../../src/admin/query';
import { partnerDetail, report, scanStatus } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );
const mockedFetch = apiFetch as unknown as jest.Mock;

afterEach( () => mockedFetch.mockReset() );

describe( 'report requests', () => {
	it( 'asks the plugin route for the query and returns the checked report', async () => {
		mockedFetch.mockResolvedValue( report() );
		const answer = await fetchReport( {
			...DEFAULT_QUERY,
			status: 'no-link',
		} );
		expect( mockedFetch ).toHaveBeenCalledWith( {
			path: '/reciprocal-link-guard/v1/report?status=no-link',
		} );
		expect( answer.partners.total ).toBe( 1 );
	} );

	it( 'asks for the next page of our links to a partner by its cursor', async () => {
		mockedFetch.mockResolvedValue(
			partnerDetail( { ourLinksTotal: 3, ourLinksNext: null } )
		);
		const answer = await fetchPartnerLinks( 'tuinpartner.nl', 'WzEsMF0' );
		expect( mockedFetch ).toHaveBeenCalledWith( {
			path: '/reciprocal-link-guard/v1/report/partners/tuinpartner.nl?linksAfter=WzEsMF0',
		} );
		expect( answer ).toMatchObject( {
			ourLinksTotal: 3,
			ourLinksNext: null,
		} );
	} );

	it( 'names the field when the service answers in another shape than the contract', async () => {
		const drifted = report() as unknown as Record< string, unknown >;
		delete drifted.summary;
		mockedFetch.mockResolvedValue( drifted );
		await expect( fetchReport( DEFAULT_QUERY ) ).rejects.toMatchObject( {
			code: 'rlg_unexpected_response',
			message: expect.stringContaining( 'summary' ),
		} );
	} );

	it( 'passes the plugin’s service error on with its kind', async () => {
		mockedFetch.mockRejectedValue( {
			code: 'rlg_service_misconfigured',
			message: 'The link check service is not set up.',
			data: { status: 503 },
		} );
		await expect( fetchReport( DEFAULT_QUERY ) ).rejects.toMatchObject( {
			kind: 'misconfigured',
			status: 503,
		} );
	} );

	it( 'treats "never scanned" (404) as no scan, other failures as errors', async () => {
		mockedFetch.mockRejectedValueOnce( {
			code: 'rlg_service_error',
			message: 'not scanned yet',
			data: { status: 404 },
		} );
		await expect( fetchScanStatus() ).resolves.toBeNull();
		mockedFetch.mockResolvedValueOnce( scanStatus() );
		await expect( fetchScanStatus() ).resolves.toMatchObject( { id: 1 } );
		mockedFetch.mockRejectedValueOnce( {
			code: 'rlg_service_unreachable',
			message: 'down',
			data: { status: 502 },
		} );
		await expect( fetchScanStatus() ).rejects.toMatchObject( {
			kind: 'unreachable',
		} );
	} );

	it( 'posts only the domain and the note: the author comes from the logged-in user on the server', async () => {
		mockedFetch.mockResolvedValue( {
			id: 1,
			domain: 'a.nl',
			author: 'Admin',
			createdAt: '2026-11-25T10:00:00.000Z',
			note: 'hi',
		} );
		await postPartnerLog( 'a.nl', 'hi' );
		expect( mockedFetch ).toHaveBeenCalledWith( {
			path: '/reciprocal-link-guard/v1/partner-log',
			method: 'POST',
			data: { domain: 'a.nl', note: 'hi' },
		} );
	} );
} );

describe( 'CSV export', () => {
	const now = new Date( '2026-11-25T10:00:00Z' );

	it( 'takes a raw CSV body and the file name the service gave', async () => {
		mockedFetch.mockResolvedValue(
			new Response( 'domain\na.nl\n', {
				headers: {
					'content-type': 'text/csv; charset=utf-8',
					'content-disposition':
						'attachment; filename="reciprocal-links-example.csv"',
				},
			} )
		);
		await expect(
			fetchExport( { ...DEFAULT_QUERY, page: 3 }, now )
		).resolves.toEqual( {
			csv: 'domain\na.nl\n',
			fileName: 'reciprocal-links-example.csv',
		} );
		expect( mockedFetch ).toHaveBeenCalledWith( {
			path: '/reciprocal-link-guard/v1/report/export.csv',
			parse: false,
		} );
	} );

	it( 'unwraps a CSV that WordPress sent as a JSON string, and names it itself', async () => {
		mockedFetch.mockResolvedValue(
			new Response( JSON.stringify( 'domain\nb.nl\n' ), {
				headers: { 'content-type': 'application/json' },
			} )
		);
		await expect(
			fetchExport( { ...DEFAULT_QUERY, status: 'links-back' }, now )
		).resolves.toEqual( {
			csv: 'domain\nb.nl\n',
			fileName: 'rlg-partners-links-back-2026-11-25.csv',
		} );
	} );

	it( 'turns an HTTP error into a service error with the server’s sentence', async () => {
		mockedFetch.mockRejectedValue(
			new Response(
				JSON.stringify( {
					code: 'rlg_service_unreachable',
					message:
						'The link check service at http://127.0.0.1:9 did not answer.',
					data: { status: 502 },
				} ),
				{ status: 502, headers: { 'content-type': 'application/json' } }
			)
		);
		await expect( fetchExport( DEFAULT_QUERY, now ) ).rejects.toMatchObject(
			{
				kind: 'unreachable',
				message:
					'The link check service at http://127.0.0.1:9 did not answer.',
				status: 502,
			}
		);
	} );
} );
