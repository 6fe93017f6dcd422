/**
 * Issue 16 against the real WordPress and service: a user's check budget
 * (Check_Rate_Limiter) on the routes that make the service fetch partner
 * pages (check, check-jobs start and append), per user, answered 429 with
 * Retry-After; and the service URL given only to users who manage settings
 * (issue 16 item 7).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openSession, type Session } from './harness/browser';
import { recordFigures } from '../reliability/figures';
import { readState } from './harness/state';
import { createPost, rest, restNonce, wpJson } from './harness/wordpress';

const NS = 'reciprocal-link-guard/v1';

/** For docs/reliability.md (issue 16: rate limits on the check route). */
const figures: Record< string, unknown > = {
	testBudget: { burst: 3, perMinute: 6 },
};
afterAll( () => recordFigures( 'check-budget', figures ) );

describe( 'what a Contributor can make the service do, and know of it', () => {
	const state = readState();
	const sessions: Record< string, Session > = {};
	const nonces: Record< string, string > = {};
	let contributorPostId: number;
	let adminPostId: number;
	const muPlugin = path.join(
		state.siteDir,
		'wp-content',
		'mu-plugins',
		'rlg-e2e-check-budget.php'
	);
	const links = ( n: number ) =>
		Array.from( { length: n }, ( _, i ) => ( {
			url: `${ state.partners[ 'natural.test' ] }/budget-${ i }`,
			anchorText: 'compost',
		} ) );

	beforeAll( async () => {
		// A tiny budget: 3 links at once, one more every 10 s.
		fs.mkdirSync( path.dirname( muPlugin ), { recursive: true } );
		fs.writeFileSync(
			muPlugin,
			"<?php add_filter( 'rlg_check_rate_limit', function () { return array( 'burst' => 3, 'perMinute' => 6 ); } );\n"
		);
		wpJson(
			`foreach ( get_users() as $u ) { delete_transient( 'rlg_check_budget_' . $u->ID ); } echo '1';`
		);
		for ( const role of [ 'admin', 'contributor' ] ) {
			sessions[ role ] = await openSession( role );
			nonces[ role ] = await restNonce( sessions[ role ].context );
		}
		contributorPostId = createPost( state.users.contributor.id, {
			title: 'Budget post',
		} );
		adminPostId = createPost( state.users.admin.id, {
			title: 'Admin budget post',
		} );
	} );

	afterAll( async () => {
		fs.rmSync( muPlugin, { force: true } );
		wpJson(
			`foreach ( get_users() as $u ) { delete_transient( 'rlg_check_budget_' . $u->ID ); } echo '1';`
		);
		for ( const session of Object.values( sessions ) ) {
			await session.close();
		}
	} );

	it( 'refuses a Contributor over budget with 429, Retry-After and a translated sentence, on every route that makes the service fetch', async () => {
		const check = ( n: number ) =>
			rest( sessions.contributor.context, 'POST', `${ NS }/check`, {
				body: { postId: contributorPostId, links: links( n ) },
				nonce: nonces.contributor,
			} );
		const first = await check( 2 );
		expect( first.body.code ).toBeUndefined();
		expect( first.status ).toBe( 200 );

		// 1 link left: a request of 2 waits for one more (10 s at 6/min).
		const refused = await check( 2 );
		expect( refused.status ).toBe( 429 );
		expect( refused.body.code ).toBe( 'rlg_rate_limited' );
		expect( refused.body.message ).toBe(
			'You have checked many links in a short time. The next link checks have to wait a little.'
		);
		const retryAfter = Number( refused.headers?.[ 'retry-after' ] );
		expect( retryAfter ).toBeGreaterThanOrEqual( 1 );
		expect( retryAfter ).toBeLessThanOrEqual( 10 );
		expect( refused.body.data ).toMatchObject( {
			status: 429,
			retryAfter,
		} );

		// A check job is the same work for the service: the same budget.
		const job = await rest(
			sessions.contributor.context,
			'POST',
			`${ NS }/check-jobs`,
			{
				body: { postId: contributorPostId, links: links( 2 ) },
				nonce: nonces.contributor,
			}
		);
		expect( job.status ).toBe( 429 );
		expect( job.headers?.[ 'retry-after' ] ).toBeDefined();

		figures.refused = {
			status: refused.status,
			code: refused.body.code,
			retryAfter,
			checkJobs: job.status,
		};
		// What is left is still usable: one link fits.
		expect( ( await check( 1 ) ).status ).toBe( 200 );
		expect( ( await check( 1 ) ).status ).toBe( 429 );
	} );

	it( "is per user: the Contributor's spent budget does not stop an administrator", async () => {
		const answer = await rest(
			sessions.admin.context,
			'POST',
			`${ NS }/check`,
			{
				body: { postId: adminPostId, links: links( 3 ) },
				nonce: nonces.admin,
			}
		);
		expect( answer.status ).toBe( 200 );
	} );

	it( 'refills with time (the token bucket, on a clock the test sets)', () => {
		// The limiter itself inside this WordPress, its clock injected.
		const waits = wpJson< number[] >( `
			$now = 1000.0;
			$limiter = new ReciprocalLinkGuard\\Check_Rate_Limiter( function () use ( &$now ) { return $now; } );
			$user = ${ state.users.author.id };
			delete_transient( 'rlg_check_budget_' . $user );
			$waits = array();
			$waits[] = $limiter->take( $user, 3 );   // 0: a full bucket of 3
			$waits[] = $limiter->take( $user, 1 );   // 10: empty, 6 a minute
			$now += 10;
			$waits[] = $limiter->take( $user, 1 );   // 0: one refilled
			$waits[] = $limiter->take( $user, 100 ); // 30: more than the bucket waits for a full one
			$now += 3600;
			$waits[] = $limiter->take( $user, 3 );   // 0: full again, never more than 3
			$waits[] = $limiter->take( $user, 1 );   // 10
			delete_transient( 'rlg_check_budget_' . $user );
			echo wp_json_encode( $waits );
		` );
		expect( waits ).toEqual( [ 0, 10, 0, 30, 0, 10 ] );
	} );

	it( 'without the filter: a 1,000-link post passes at once for writers, administrators are not limited', () => {
		const limits = wpJson<
			Record< string, { burst: number; perMinute: number } >
		>( `
			remove_all_filters( 'rlg_check_rate_limit' );
			$limiter = new ReciprocalLinkGuard\\Check_Rate_Limiter();
			echo wp_json_encode( array(
				'contributor' => $limiter->limit_for( ${ state.users.contributor.id } ),
				'admin' => $limiter->limit_for( ${ state.users.admin.id } ),
			) );
		` );
		figures.defaults = limits;
		expect( limits.contributor.burst ).toBeGreaterThanOrEqual( 1000 );
		expect( limits.contributor.perMinute ).toBeGreaterThan( 0 );
		expect( limits.admin.burst ).toBe( 0 );
	} );

	it( 'the service URL is given to users who manage settings, not to Editors, Authors or Contributors', async () => {
		// The context route, as the editor asks for it.
		const byRest: Record< string, unknown > = {};
		for ( const role of [ 'admin', 'contributor' ] ) {
			const answer = await rest(
				sessions[ role ].context,
				'GET',
				`${ NS }/context`,
				{ nonce: nonces[ role ] }
			);
			expect( answer.status ).toBe( 200 );
			byRest[ role ] = answer.body.serviceUrl;
		}
		expect( byRest ).toEqual( {
			admin: state.service?.url,
			contributor: null,
		} );
		// The same context printed inline before the editor script.
		const inline: Record< string, unknown > = {};
		for ( const role of [ 'admin', 'editor', 'author', 'contributor' ] ) {
			inline[ role ] = wpJson< { serviceUrl: unknown } >(
				`wp_set_current_user( ${ state.users[ role ].id } ); echo wp_json_encode( ReciprocalLinkGuard\\Rest_Controller::editor_context() );`
			).serviceUrl;
		}
		expect( inline ).toEqual( {
			admin: state.service?.url,
			editor: null,
			author: null,
			contributor: null,
		} );
	} );

	it( 'service errors name the service URL and the transport error to administrators only', () => {
		const serviceUrl = state.service?.url ?? '';
		// One service that is not there, one that refuses the key.
		const errors = wpJson<
			Record<
				string,
				Record<
					string,
					{ message: string; data: Record< string, unknown > }
				>
			>
		>( `
			$out = array();
			foreach ( array( 'admin' => ${ state.users.admin.id }, 'editor' => ${ state.users.editor.id }, 'contributor' => ${ state.users.contributor.id } ) as $role => $id ) {
				wp_set_current_user( $id );
				foreach ( array( 'down' => array( 'http://127.0.0.1:9', 'k' ), 'wrong-key' => array( '${ serviceUrl }', 'not-the-key' ) ) as $case => $args ) {
					$client = new ReciprocalLinkGuard\\Service_Client( $args[0], $args[1], home_url( '/' ) );
					$error  = $client->request( 'GET', '/v1/report' );
					$out[ $role ][ $case ] = array( 'message' => $error->get_error_message(), 'data' => $error->get_error_data() );
				}
			}
			echo wp_json_encode( $out );
		` );
		expect( errors.admin.down.message ).toContain( '127.0.0.1:9' );
		expect( errors.admin.down.data.detail ).toEqual( expect.any( String ) );
		expect( errors.admin[ 'wrong-key' ].message ).toContain( serviceUrl );
		for ( const role of [ 'editor', 'contributor' ] ) {
			for ( const kind of [ 'down', 'wrong-key' ] ) {
				const { message, data } = errors[ role ][ kind ];
				expect( message ).toMatch( /administrator/ );
				for ( const where of [ '127.0.0.1:9', serviceUrl ] ) {
					expect( message ).not.toContain( where );
					expect( JSON.stringify( data ) ).not.toContain( where );
				}
			}
			expect( errors[ role ].down.data.detail ).toBeUndefined();
		}
	} );
} );
