import { z } from 'zod';
import { DEFAULT_SETTINGS } from '../../src/core';
import { parseEditorContext, toEditorError } from '../../src/editor/api';

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
