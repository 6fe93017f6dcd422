import type { Finding } from '../../src/core';
import { urlKey } from '../../src/core/url';
import { groupByPartner, linkStatus } from '../../src/editor/links/status';
import { editorLink, result } from './fixtures';

describe( 'linkStatus', () => {
	const link = editorLink( 'https://partner.example/' );

	it( 'does not check internal links', () => {
		expect(
			linkStatus( { ...link, external: false }, undefined, true )
		).toEqual( { kind: 'internal' } );
	} );

	it( 'says "not checked" without a service and "waiting" with one', () => {
		expect( linkStatus( link, undefined, false ).kind ).toBe(
			'not-checked'
		);
		expect( linkStatus( link, undefined, true ).kind ).toBe( 'waiting' );
	} );

	it( 'gives the reason when a target could not be checked', () => {
		expect(
			linkStatus(
				link,
				{
					state: 'done',
					url: link.link.href,
					result: result( link.link.href, {
						status: 'blocked-by-bot-protection',
						httpStatus: 403,
						detail: 'HTTP 403 challenge page',
					} ),
				},
				true
			)
		).toEqual( {
			kind: 'could-not-check',
			reason: 'blocked-by-bot-protection',
			detail: 'HTTP 403 challenge page',
		} );
	} );

	it( 'reports a target the service answered without as a service error with its message', () => {
		expect(
			linkStatus(
				link,
				{
					state: 'failed',
					url: link.link.href,
					error: { code: 'rlg_missing_result', message: 'none' },
				},
				true
			)
		).toEqual( {
			kind: 'could-not-check',
			reason: 'service-error',
			detail: 'none',
		} );
	} );

	it( 'says "not checked", not "could not check", when the service did not answer', () => {
		expect(
			linkStatus(
				link,
				{
					state: 'failed',
					url: link.link.href,
					error: { code: 'rlg_service_unreachable', message: 'down' },
					serviceWide: true,
				},
				true
			)
		).toEqual( { kind: 'not-checked', why: 'service-down' } );
	} );
} );

describe( 'groupByPartner', () => {
	it( 'groups external links by domain, puts partners with severe findings first and skips internal links', () => {
		const a1 = editorLink( 'https://a.example/1', { domain: 'a.example' } );
		const a2 = editorLink( 'https://a.example/2', { domain: 'a.example' } );
		const b = editorLink( 'https://b.example/', { domain: 'b.example' } );
		const internal = editorLink( 'https://ours.example/', {
			external: false,
			domain: 'ours.example',
		} );
		const findings: Finding[] = [
			{
				code: 'homepage-swap',
				severity: 'critical',
				linkUrl: 'https://b.example/',
				params: {},
			},
		];
		const groups = groupByPartner(
			[ a1, internal, b, a2 ],
			findings,
			urlKey
		);
		expect( groups.map( ( g ) => g.domain ) ).toEqual( [
			'b.example',
			'a.example',
		] );
		expect( groups[ 1 ].links ).toEqual( [ a1, a2 ] );
		expect( groups[ 0 ].findings ).toEqual( findings );
	} );
} );
