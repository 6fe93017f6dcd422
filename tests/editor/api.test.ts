import { z } from 'zod';
import { DEFAULT_SETTINGS } from '../../src/core';
import {
	parseCheckJob,
	parseEditorContext,
	toEditorError,
} from '../../src/editor/api';
import { result } from './fixtures';

describe( 'parseEditorContext', () => {
	it( 'fills safe defaults for an empty body', () => {
		expect( parseEditorContext( {}, 'https://ours.example' ) ).toEqual( {
			settings: DEFAULT_SETTINGS,
			siteUrls: [ 'https://ours.example' ],
			settingsUrl: '',
			serviceConfigured: false,
			siteStats: null,
			serviceError: null,
			canOverride: false,
		} );
	} );

	it( 'reads settings, stats, the service error and a blockPublishing flag that overrides the settings', () => {
		const context = parseEditorContext(
			{
				settings: {
					maxReciprocalPartners: 4,
					blockingCodes: [ 'homepage-swap' ],
				},
				siteUrls: [ 'https://ours.example/' ],
				settingsUrl: '/wp-admin/x',
				serviceConfigured: true,
				siteStats: {
					outboundDomains: 9,
					reciprocalPartners: 3,
					newReciprocalPartners: 1,
				},
				settingsExtra: 1,
				blockPublishing: true,
				serviceError: {
					code: 'rlg_service_unreachable',
					message: 'down',
				},
			},
			'https://fallback.example'
		);
		expect( context.settings.maxReciprocalPartners ).toBe( 4 );
		expect( context.settings.blockPublishing ).toBe( true );
		expect( context.settings.blockingCodes ).toEqual( [ 'homepage-swap' ] );
		expect( context.siteStats?.reciprocalPartners ).toBe( 3 );
		expect( context.siteUrls ).toEqual( [ 'https://ours.example/' ] );
		expect( context.serviceError?.code ).toBe( 'rlg_service_unreachable' );
	} );

	it( 'falls back to default settings instead of failing on invalid ones', () => {
		expect(
			parseEditorContext(
				{ settings: { minRelevance: 7 } },
				'https://ours.example'
			).settings
		).toEqual( DEFAULT_SETTINGS );
	} );
} );

describe( 'toEditorError', () => {
	it( 'keeps the code, message, status and service code of a WP_Error response', () => {
		expect(
			toEditorError( {
				code: 'rlg_service_unreachable',
				message:
					'The link check service at http://127.0.0.1:9 did not answer.',
				data: { status: 502 },
			} )
		).toEqual( {
			code: 'rlg_service_unreachable',
			message:
				'The link check service at http://127.0.0.1:9 did not answer.',
			status: 502,
		} );
		expect(
			toEditorError( {
				code: 'rlg_service_error',
				message: 'no such check job',
				data: { status: 404, serviceCode: 'ERR_JOB_UNKNOWN' },
			} )
		).toMatchObject( { status: 404, serviceCode: 'ERR_JOB_UNKNOWN' } );
	} );

	it( 'names the fields of an invalid response', () => {
		const parsed = z.object( { site: z.string() } ).safeParse( {} );
		expect( parsed.success ).toBe( false );
		const error = toEditorError( parsed.error );
		expect( error.code ).toBe( 'rlg_invalid_response' );
		expect( error.message ).toContain( 'site' );
	} );
} );

describe( 'parseCheckJob', () => {
	const job = ( results: unknown[] ) => ( {
		id: 'a'.repeat( 32 ),
		site: 'https://ours.example/',
		total: results.length,
		done: results.length,
		finished: true,
		results,
	} );
	/** A clock where each reading is 1 ms later. */
	const ticking = () => {
		let t = 0;
		return () => t++;
	};

	it( 'validates a big answer in slices, giving the main thread back between them', async () => {
		const results = Array.from( { length: 100 }, ( _, i ) =>
			result( `https://p${ i }.example/` )
		);
		let yields = 0;
		const parsed = await parseCheckJob(
			job( results ),
			async () => {
				yields++;
			},
			ticking()
		);
		expect( parsed.results ).toEqual( results );
		expect( parsed.error ).toBeNull();
		// One reading per result at 1 ms each: a yield every 8 or so.
		expect( yields ).toBeGreaterThanOrEqual( 10 );
	} );

	it( 'names the invalid result and field, as an invalid response', async () => {
		const results = [
			result( 'https://a.example/' ),
			{ ...result( 'https://b.example/' ), status: 'teleported' },
		];
		const thrown = await parseCheckJob(
			job( results ),
			async () => undefined,
			ticking()
		).catch( ( error: unknown ) => error );
		const error = toEditorError( thrown );
		expect( error.code ).toBe( 'rlg_invalid_response' );
		expect( error.message ).toContain( 'results.1.status' );
		await expect(
			parseCheckJob( { ...job( [] ), done: 'x' } )
		).rejects.toBeInstanceOf( z.ZodError );
	} );
} );
