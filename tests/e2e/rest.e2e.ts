/**
 * The plugin's REST routes against a real WordPress and the real service:
 * who may call them (core's cookie + nonce authentication, capabilities per
 * route), and what the editor and the report get back when the service
 * answers, is down, or rejects the key.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { CheckResponseSchema } from '../../src/core/schemas';
import { signRequest } from '../../src/service/auth/signing';
import { freePort } from '../../scripts/wp/lib';
import { openSession, type Session } from './harness/browser';
import { readState, type E2eState } from './harness/state';
import {
	createPost,
	rest,
	restNonce,
	pluginOptions,
	replacePluginOptions,
	setPluginOptions,
} from './harness/wordpress';

function requireService(
	state: E2eState
): NonNullable< E2eState[ 'service' ] > {
	if ( ! state.service ) {
		throw new Error(
			`No link check service in the e2e environment: ${ state.serviceProblem }`
		);
	}
	return state.service;
}

const NS = 'reciprocal-link-guard/v1';

describe( 'REST routes of reciprocal-link-guard/v1', () => {
	const state = readState();
	const sessions: Record< string, Session > = {};
	const nonces: Record< string, string > = {};
	let adminPostId: number;
	let contributorPostId: number;
	let checkBody: ( postId: number ) => Record< string, unknown >;

	beforeAll( async () => {
		for ( const role of [ 'admin', 'contributor', 'subscriber' ] ) {
			sessions[ role ] = await openSession( role );
			nonces[ role ] = await restNonce( sessions[ role ].context );
		}
		sessions.anonymous = await openSession( null );
		adminPostId = createPost( state.users.admin.id, {
			title: 'Admin post',
		} );
		contributorPostId = createPost( state.users.contributor.id, {
			title: 'Contributor post',
		} );
		checkBody = ( postId ) => ( {
			postId,
			links: [
				{
					url: `${ state.partners[ 'natural.test' ] }/guide`,
					anchorText: 'a guide to compost',
				},
			],
		} );
	} );

	/** The admin's check of their own post, with a valid nonce. */
	const checkAsAdmin = () =>
		rest( sessions.admin.context, 'POST', `${ NS }/check`, {
			body: checkBody( adminPostId ),
			nonce: nonces.admin,
		} );

	afterAll( async () => {
		for ( const session of Object.values( sessions ) ) {
			await session.close();
		}
	} );

	describe( 'refuses callers without the capability', () => {
		it.each( [
			[ 'POST', 'check' ],
			[ 'GET', 'context' ],
			[ 'GET', 'report' ],
			[ 'POST', 'scan' ],
			[ 'GET', 'scan/status' ],
			[ 'POST', 'partner-log' ],
		] as const )( 'anonymous %s %s gets 401', async ( method, route ) => {
			const answer = await rest(
				sessions.anonymous.context,
				method,
				`${ NS }/${ route }`,
				{
					body:
						method === 'POST'
							? checkBody( adminPostId )
							: undefined,
				}
			);
			expect( answer.status ).toBe( 401 );
			expect( answer.body.code ).toBe( 'rest_forbidden' );
		} );

		it.each( [
			[ 'POST', 'check' ],
			[ 'GET', 'context' ],
			[ 'GET', 'report' ],
			[ 'POST', 'scan' ],
			[ 'GET', 'scan/status' ],
			[ 'POST', 'partner-log' ],
		] as const )(
			'a subscriber %s %s gets 403',
			async ( method, route ) => {
				const answer = await rest(
					sessions.subscriber.context,
					method,
					`${ NS }/${ route }`,
					{
						body: method === 'POST' ? checkBody( 0 ) : undefined,
						nonce: nonces.subscriber,
					}
				);
				expect( answer.status ).toBe( 403 );
				expect( answer.body.code ).toBe( 'rest_forbidden' );
			}
		);

		it( "a contributor may not check someone else's post", async () => {
			const answer = await rest(
				sessions.contributor.context,
				'POST',
				`${ NS }/check`,
				{
					body: checkBody( adminPostId ),
					nonce: nonces.contributor,
				}
			);
			expect( answer.status ).toBe( 403 );
			expect( answer.body.code ).toBe( 'rest_forbidden' );
		} );

		it( 'a contributor may not read the report', async () => {
			const answer = await rest(
				sessions.contributor.context,
				'GET',
				`${ NS }/report`,
				{
					nonce: nonces.contributor,
				}
			);
			expect( answer.status ).toBe( 403 );
		} );

		it( 'a logged-in cookie with a bad nonce is refused', async () => {
			const answer = await rest(
				sessions.admin.context,
				'POST',
				`${ NS }/check`,
				{
					body: checkBody( adminPostId ),
					nonce: 'not-a-nonce',
				}
			);
			expect( answer.status ).toBe( 403 );
			expect( answer.body.code ).toBe( 'rest_cookie_invalid_nonce' );
		} );

		it( 'a logged-in cookie without a nonce counts as anonymous, as in core', async () => {
			const answer = await rest(
				sessions.admin.context,
				'POST',
				`${ NS }/check`,
				{
					body: checkBody( adminPostId ),
					nonce: null,
				}
			);
			expect( answer.status ).toBe( 401 );
		} );
	} );

	describe( 'validates what the editor sends', () => {
		it( 'rejects a link that is not http(s)', async () => {
			const answer = await rest(
				sessions.admin.context,
				'POST',
				`${ NS }/check`,
				{
					body: {
						postId: adminPostId,
						links: [
							{ url: 'javascript:alert(1)', anchorText: 'x' },
						],
					},
					nonce: nonces.admin,
				}
			);
			expect( answer.status ).toBe( 400 );
			expect( answer.body.code ).toBe( 'rest_invalid_param' );
		} );

		it( 'rejects an empty list of links', async () => {
			const answer = await rest(
				sessions.admin.context,
				'POST',
				`${ NS }/check`,
				{
					body: { postId: adminPostId, links: [] },
					nonce: nonces.admin,
				}
			);
			expect( answer.status ).toBe( 400 );
		} );
	} );

	describe( 'with the service running', () => {
		it( "returns the service's CheckResponse to the post's author", async () => {
			requireService( state );
			const answer = await rest(
				sessions.contributor.context,
				'POST',
				`${ NS }/check`,
				{
					body: checkBody( contributorPostId ),
					nonce: nonces.contributor,
				}
			);
			expect( answer.status ).toBe( 200 );
			const response = CheckResponseSchema.parse( answer.body );
			expect( response.results ).toHaveLength( 1 );
			expect( response.results[ 0 ].status ).toBe( 'links-back' );
			expect( response.results[ 0 ].links[ 0 ].text ).toBe(
				'the local garden blog'
			);
		} );

		it( 'answers a brand-new post (id 0) for users who can write posts', async () => {
			requireService( state );
			const answer = await rest(
				sessions.contributor.context,
				'POST',
				`${ NS }/check`,
				{
					body: {
						postId: 0,
						links: [
							{
								url: `${ state.partners[ 'no-backlink.test' ] }/`,
								anchorText: 'seeds',
							},
						],
					},
					nonce: nonces.contributor,
				}
			);
			expect( answer.status ).toBe( 200 );
			expect(
				CheckResponseSchema.parse( answer.body ).results[ 0 ].status
			).toBe( 'no-link' );
		} );

		it( 'gives the editor its context with the site stats', async () => {
			requireService( state );
			const answer = await rest(
				sessions.contributor.context,
				'GET',
				`${ NS }/context`,
				{
					nonce: nonces.contributor,
				}
			);
			expect( answer.status ).toBe( 200 );
			expect( answer.body ).toMatchObject( {
				serviceConfigured: true,
				serviceError: null,
				siteUrls: [ `${ state.wpUrl }/` ],
				settings: { maxReciprocalPartners: 10 },
			} );
			expect( answer.body.siteStats ).toEqual(
				expect.objectContaining( {
					reciprocalPartners: expect.any( Number ),
				} )
			);
		} );

		it( 'forwards report requests (method, path, query) signed, and returns what the service says', async () => {
			const service = requireService( state );
			const servicePath = '/v1/report?perPage=5&page=1';
			const direct = await fetch( `${ service.url }${ servicePath }`, {
				headers: signRequest( {
					site: `${ state.wpUrl }/`,
					key: service.siteKey,
					method: 'GET',
					path: servicePath,
				} ),
			} );
			const directBody = ( await direct.json() ) as Record<
				string,
				unknown
			>;
			// The one field that differs between two identical requests.
			const withoutTime = ( body: Record< string, unknown > ) => ( {
				...body,
				generatedAt: undefined,
			} );
			const answer = await rest(
				sessions.admin.context,
				'GET',
				`${ NS }/report?perPage=5&page=1`,
				{
					nonce: nonces.admin,
				}
			);
			// A success comes back as it is; a refusal keeps the service's own
			// code (proof the signature with a query string was accepted).
			const data = ( answer.body.data ?? {} ) as Record<
				string,
				unknown
			>;
			const seen = direct.ok
				? { status: answer.status, body: withoutTime( answer.body ) }
				: {
						status: answer.status,
						code: answer.body.code,
						serviceCode: data.serviceCode,
					};
			const wanted = direct.ok
				? { status: direct.status, body: withoutTime( directBody ) }
				: {
						status: direct.status < 500 ? direct.status : 502,
						code: 'rlg_service_error',
						serviceCode: directBody.code,
					};
			expect( seen ).toEqual( wanted );
		} );
		it( 'signs partner-log entries with the WordPress user, whatever the browser claims', async () => {
			requireService( state );
			const answer = await rest(
				sessions.admin.context,
				'POST',
				`${ NS }/partner-log`,
				{
					body: {
						domain: 'natural.test',
						note: 'We link to their compost guide; no exchange agreed.',
						author: 'Mallory',
					},
					nonce: nonces.admin,
				}
			);
			expect( answer.status ).toBe( 201 );
			expect( answer.body ).toMatchObject( {
				domain: 'natural.test',
				author: 'admin',
				note: 'We link to their compost guide; no exchange agreed.',
			} );
		} );

		it( 'forwards only below its own prefixes: no path walking to other service routes', async () => {
			// ?rest_route= reaches WordPress without URL normalisation on the way.
			const response = await sessions.admin.context.request.get(
				`${ state.wpUrl }/?rest_route=/${ NS }/report/../stats`,
				{ headers: { 'X-WP-Nonce': nonces.admin } }
			);
			expect( response.status() ).toBe( 404 );
			expect( ( await response.json() ).code ).toBe( 'rest_no_route' );
		} );

		it( 'passes a CSV export through as CSV, with its file name', async () => {
			requireService( state );
			const response = await sessions.admin.context.request.get(
				`${ state.wpUrl }/wp-json/${ NS }/report/export.csv`,
				{ headers: { 'X-WP-Nonce': nonces.admin } }
			);
			expect( response.status() ).toBe( 200 );
			expect( response.headers()[ 'content-type' ] ).toContain(
				'text/csv'
			);
			expect( response.headers()[ 'content-disposition' ] ).toMatch(
				/^attachment; filename=".+\.csv"$/
			);
			// Raw CSV, not a JSON-encoded string.
			expect( ( await response.text() ).startsWith( '"' ) ).toBe( false );
		} );
	} );

	describe( 'when the service is not there', () => {
		let original: Record< string, unknown > | null = null;

		beforeAll( () => {
			original = pluginOptions();
		} );

		afterEach( () => {
			replacePluginOptions( original );
		} );

		it( 'says which service did not answer (connection refused)', async () => {
			const closedPort = await freePort();
			const deadUrl = `http://127.0.0.1:${ closedPort }`;
			setPluginOptions( {
				serviceUrl: deadUrl,
				siteKey: 'k'.repeat( 64 ),
			} );
			const answer = await checkAsAdmin();
			expect( answer.status ).toBe( 502 );
			expect( answer.body.code ).toBe( 'rlg_service_unreachable' );
			expect( answer.body.message ).toBe(
				`The link check service at ${ deadUrl } did not answer.`
			);
		} );

		it( 'gives up on a service that accepts the connection but never answers (504)', async () => {
			// Accepts, reads, never replies: a hung service.
			const sockets = new Set< net.Socket >();
			const hung = net.createServer( ( socket ) => {
				sockets.add( socket );
			} );
			await new Promise< void >( ( resolve ) =>
				hung.listen( 0, '127.0.0.1', resolve )
			);
			const { port } = hung.address() as net.AddressInfo;
			const muPlugin = path.join(
				state.siteDir,
				'wp-content',
				'mu-plugins',
				'rlg-e2e-timeout.php'
			);
			fs.writeFileSync(
				muPlugin,
				"<?php add_filter( 'rlg_service_timeout', function () { return 2; } );\n"
			);
			try {
				setPluginOptions( {
					serviceUrl: `http://127.0.0.1:${ port }`,
					siteKey: 'k'.repeat( 64 ),
				} );
				const answer = await checkAsAdmin();
				expect( answer.status ).toBe( 504 );
				expect( answer.body.code ).toBe( 'rlg_service_unreachable' );
				expect( answer.body.message ).toBe(
					`The link check service at http://127.0.0.1:${ port } did not answer.`
				);
			} finally {
				fs.rmSync( muPlugin, { force: true } );
				for ( const socket of sockets ) {
					socket.destroy();
				}
				await new Promise( ( resolve ) => hung.close( resolve ) );
			}
		} );

		it( 'the context still answers, with the reason, so the editor can show local findings', async () => {
			const closedPort = await freePort();
			setPluginOptions( {
				serviceUrl: `http://127.0.0.1:${ closedPort }`,
				siteKey: 'k'.repeat( 64 ),
			} );
			const answer = await rest(
				sessions.admin.context,
				'GET',
				`${ NS }/context`,
				{
					nonce: nonces.admin,
				}
			);
			expect( answer.status ).toBe( 200 );
			expect( answer.body.siteStats ).toBeNull();
			expect( answer.body.serviceError ).toMatchObject( {
				code: 'rlg_service_unreachable',
			} );
		} );

		it( 'points at the settings when no service is configured', async () => {
			setPluginOptions( { serviceUrl: '', siteKey: '' } );
			const answer = await checkAsAdmin();
			expect( answer.status ).toBe( 503 );
			expect( answer.body.code ).toBe( 'rlg_service_misconfigured' );
			expect( answer.body.message ).toContain(
				'/wp-admin/options-general.php?page=reciprocal-link-guard'
			);
		} );

		it( 'says the key was rejected when the service answers 401', async () => {
			const service = requireService( state );
			setPluginOptions( {
				serviceUrl: service.url,
				siteKey: 'f'.repeat( 64 ),
			} );
			const answer = await checkAsAdmin();
			expect( answer.status ).toBe( 502 );
			expect( answer.body.code ).toBe( 'rlg_service_misconfigured' );
			expect( answer.body.message ).toContain(
				`The link check service at ${ service.url } rejected the site key`
			);
		} );
	} );
} );
