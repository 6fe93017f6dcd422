/**
 * The publishing lock on the server (issue 16, item 2), against the real
 * WordPress and the real service: with blocking on, a post whose links have
 * a blocking finding does not become public through any path — the REST
 * API as an Author, Quick Edit (admin-ajax inline-save, driven in the real
 * Posts screen), XML-RPC (wp.editPost, metaWeblog.newPost) and
 * wp_insert_post() from PHP code. An administrator's "publish anyway" with
 * a reason lets it through and is logged; a service that cannot be reached
 * publishes with a note by default, or holds publishing when the admin
 * chose that. Each path also publishes a post without blocking findings,
 * so a refusal is the lock's and not a broken path.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/service/store';
import { openSession, screenshot, type Session } from './harness/browser';
import { PARTNER_KEYWORD } from './harness/partners';
import { recordFigures } from '../reliability/figures';
import { runWpCli } from './harness/live-site';
import { readState } from './harness/state';
import {
	createPost,
	pluginOptions,
	replacePluginOptions,
	rest,
	restNonce,
	setPluginOptions,
	wpJson,
	wpPhp,
} from './harness/wordpress';

const NS = 'reciprocal-link-guard/v1';

/** Each path's outcome as it was asserted, for docs/reliability.md (issue 16 item 2). */
const lockPaths: Array< { path: string; what: string; outcome: string } > = [];
const lockPath = ( where: string, what: string, outcome: string ) =>
	lockPaths.push( { path: where, what, outcome } );
afterAll( () => recordFigures( 'publish-lock', { paths: lockPaths } ) );
const BLOCKING_CODE = 'exact-match-anchor-both';
const state = readState();
const describeWithService = state.service ? describe : describe.skip;

const paragraph = ( html: string ) =>
	`<!-- wp:paragraph -->\n<p>${ html }</p>\n<!-- /wp:paragraph -->`;

/** Keyword anchors both ways with the footer partner: critical. */
const blockingContent = () =>
	paragraph(
		`For tools we like <a href="${ state.partners[ 'footer-swap.test' ] }/">${ PARTNER_KEYWORD }</a>.`
	);
/** A natural link to a partner linking back naturally: nothing critical. */
const cleanContent = () =>
	paragraph(
		`Composting keeps a garden healthy; <a href="${ state.partners[ 'natural.test' ] }/guide">this compost guide</a> explains the basics.`
	);

function statusOf( postId: number ): string {
	return wpPhp( `echo get_post_status( ${ postId } );` ).trim();
}

function lockLog( postId: number ): Array< Record< string, unknown > > {
	return wpJson(
		`echo wp_json_encode( get_post_meta( ${ postId }, '_rlg_lock_log', true ) ?: array() );`
	);
}

/** One XML-RPC call; returns the raw XML answer. */
async function xmlrpc( method: string, params: string[] ): Promise< string > {
	const body = `<?xml version="1.0"?><methodCall><methodName>${ method }</methodName><params>${ params
		.map( ( p ) => `<param><value>${ p }</value></param>` )
		.join( '' ) }</params></methodCall>`;
	const response = await fetch( `${ state.wpUrl }/xmlrpc.php`, {
		method: 'POST',
		headers: { 'content-type': 'text/xml' },
		body,
	} );
	return response.text();
}

const xmlString = ( value: string ) =>
	`<string>${ value
		.replace( /&/g, '&amp;' )
		.replace( /</g, '&lt;' )
		.replace( />/g, '&gt;' ) }</string>`;
const xmlStruct = ( fields: Record< string, string > ) =>
	`<struct>${ Object.entries( fields )
		.map(
			( [ name, value ] ) =>
				`<member><name>${ name }</name><value>${ value }</value></member>`
		)
		.join( '' ) }</struct>`;

describeWithService( 'the publishing lock on the server', () => {
	let original: Record< string, unknown > | null;
	let author: Session;
	let admin: Session;
	let authorNonce: string;
	let adminNonce: string;

	beforeAll( async () => {
		original = pluginOptions();
		setPluginOptions( {
			keywords: [ PARTNER_KEYWORD ],
			blockPublishing: true,
			blockingCodes: [ BLOCKING_CODE ],
			holdWhenUnchecked: false,
		} );
		author = await openSession( 'author' );
		admin = await openSession( 'admin' );
		authorNonce = await restNonce( author.context );
		adminNonce = await restNonce( admin.context );
	} );

	afterAll( async () => {
		replacePluginOptions( original );
		await author?.close();
		await admin?.close();
	} );

	describe( 'REST API', () => {
		it( "refuses an Author's status change to publish with 403 rlg_publish_blocked naming the finding; the post stays a draft", async () => {
			const postId = createPost( state.users.author.id, {
				title: 'Garden tools',
				content: blockingContent(),
			} );
			const answer = await rest(
				author.context,
				'POST',
				`wp/v2/posts/${ postId }`,
				{ body: { status: 'publish' }, nonce: authorNonce }
			);
			expect( answer.status ).toBe( 403 );
			expect( answer.body.code ).toBe( 'rlg_publish_blocked' );
			expect( answer.body.message ).toContain(
				'Exact-match anchors in both directions (footer-swap.test)'
			);
			const data = answer.body.data as {
				findings: Array< { code: string } >;
			};
			expect( data.findings.map( ( f ) => f.code ) ).toEqual( [
				BLOCKING_CODE,
			] );
			expect( statusOf( postId ) ).toBe( 'draft' );
			lockPath(
				'REST API',
				"an Author's POST status publish",
				'403 rlg_publish_blocked naming the finding; stays a draft'
			);
		} );

		it( 'refuses creating a post as publish or future; nothing is created', async () => {
			const before = Number( wpPhp( `echo wp_count_posts()->draft;` ) );
			for ( const extra of [
				{ status: 'publish' },
				{ status: 'future', date: '2099-01-01T10:00:00' },
			] ) {
				const answer = await rest(
					author.context,
					'POST',
					'wp/v2/posts',
					{
						body: {
							title: 'New garden tools',
							content: blockingContent(),
							...extra,
						},
						nonce: authorNonce,
					}
				);
				expect( answer.status ).toBe( 403 );
				expect( answer.body.code ).toBe( 'rlg_publish_blocked' );
			}
			expect(
				Number(
					wpPhp(
						`echo count( get_posts( array( 'title' => 'New garden tools', 'post_status' => 'any' ) ) );`
					)
				)
			).toBe( 0 );
			expect( Number( wpPhp( `echo wp_count_posts()->draft;` ) ) ).toBe(
				before
			);
			lockPath(
				'REST API',
				'creating a post as publish or future',
				'403 rlg_publish_blocked; nothing created'
			);
		} );

		it( 'publishes a post without blocking findings (201)', async () => {
			const answer = await rest( author.context, 'POST', 'wp/v2/posts', {
				body: {
					title: 'Compost',
					content: cleanContent(),
					status: 'publish',
				},
				nonce: authorNonce,
			} );
			expect( answer.status ).toBe( 201 );
			expect( answer.body.status ).toBe( 'publish' );
		} );

		it( 'refuses adding a blocking link to a published post, which stays as it was', async () => {
			const postId = createPost( state.users.author.id, {
				title: 'Published compost',
				content: cleanContent(),
				status: 'publish',
			} );
			expect( statusOf( postId ) ).toBe( 'publish' );
			const answer = await rest(
				author.context,
				'POST',
				`wp/v2/posts/${ postId }`,
				{
					body: { content: cleanContent() + blockingContent() },
					nonce: authorNonce,
				}
			);
			expect( answer.status ).toBe( 403 );
			expect( answer.body.code ).toBe( 'rlg_publish_blocked' );
			expect(
				wpPhp( `echo get_post( ${ postId } )->post_content;` )
			).not.toContain( 'footer-swap.test' );
			lockPath(
				'REST API',
				'a blocking link added to a published post',
				'403; the post stays as it was'
			);
		} );
	} );

	describe( 'Quick Edit (admin-ajax inline-save)', () => {
		it( 'shows the refusal in the row and leaves the post a draft', async () => {
			const title = 'Quick edit garden tools';
			const postId = createPost( state.users.author.id, {
				title,
				content: blockingContent(),
			} );
			const { page } = author;
			await page.goto( `${ state.wpUrl }/wp-admin/edit.php` );
			const row = page.locator( `#post-${ postId }` );
			await row.hover();
			await row.locator( 'button.editinline' ).click();
			const editor = page.locator( `#edit-${ postId }` );
			await editor.waitFor();
			await editor
				.locator( 'select[name="_status"]' )
				.selectOption( 'publish' );
			const saved = page.waitForResponse(
				( r ) =>
					r.url().includes( 'admin-ajax.php' ) &&
					r.request().method() === 'POST'
			);
			await editor.locator( 'button.save' ).click();
			const response = await saved;
			expect( response.status() ).toBe( 200 );
			const error = editor.locator( '.inline-edit-save .notice-error' );
			await error.waitFor( { state: 'visible' } );
			expect( await error.textContent() ).toContain(
				'Reciprocal Link Guard blocks publishing'
			);
			expect( await error.textContent() ).toContain(
				'Exact-match anchors in both directions'
			);
			await screenshot( page, 'publish-lock-quick-edit' );
			expect( statusOf( postId ) ).toBe( 'draft' );
			await editor.locator( 'button.cancel' ).click();
			lockPath(
				'Quick Edit',
				'inline-save to published',
				'the refusal shown in the row; stays a draft'
			);
		} );

		it( 'publishes a post without blocking findings', async () => {
			const postId = createPost( state.users.author.id, {
				title: 'Quick edit compost',
				content: cleanContent(),
			} );
			const { page } = author;
			await page.goto( `${ state.wpUrl }/wp-admin/edit.php` );
			const row = page.locator( `#post-${ postId }` );
			await row.hover();
			await row.locator( 'button.editinline' ).click();
			const editor = page.locator( `#edit-${ postId }` );
			await editor
				.locator( 'select[name="_status"]' )
				.selectOption( 'publish' );
			await editor.locator( 'button.save' ).click();
			await editor.waitFor( { state: 'detached' } );
			expect( statusOf( postId ) ).toBe( 'publish' );
		} );
	} );

	describe( 'XML-RPC', () => {
		const login = () => [
			'<int>1</int>',
			xmlString( state.users.author.login ),
			xmlString( state.users.author.password ),
		];

		it( 'wp.editPost to publish answers a fault naming the finding; the post stays a draft', async () => {
			const postId = createPost( state.users.author.id, {
				title: 'XML-RPC garden tools',
				content: blockingContent(),
			} );
			const xml = await xmlrpc( 'wp.editPost', [
				...login(),
				`<int>${ postId }</int>`,
				xmlStruct( { post_status: xmlString( 'publish' ) } ),
			] );
			expect( xml ).toContain( '<name>faultCode</name>' );
			expect( xml ).toContain( '<int>403</int>' );
			expect( xml ).toContain(
				'Reciprocal Link Guard blocks publishing'
			);
			expect( statusOf( postId ) ).toBe( 'draft' );
			lockPath(
				'XML-RPC',
				'wp.editPost to publish',
				'a fault naming the finding; stays a draft'
			);
		} );

		it( 'metaWeblog.newPost with publish answers a fault and creates nothing', async () => {
			const title = 'metaWeblog garden tools';
			const xml = await xmlrpc( 'metaWeblog.newPost', [
				...login(),
				xmlStruct( {
					title: xmlString( title ),
					description: xmlString( blockingContent() ),
				} ),
				'<boolean>1</boolean>',
			] );
			expect( xml ).toContain( '<name>faultCode</name>' );
			expect( xml ).toContain(
				'Reciprocal Link Guard blocks publishing'
			);
			expect(
				wpPhp(
					`echo count( get_posts( array( 'title' => '${ title }', 'post_status' => 'any' ) ) );`
				).trim()
			).toBe( '0' );
			lockPath(
				'XML-RPC',
				'metaWeblog.newPost with publish',
				'a fault; nothing created'
			);
		} );

		it( 'metaWeblog.newPost publishes a post without blocking findings', async () => {
			const xml = await xmlrpc( 'metaWeblog.newPost', [
				...login(),
				xmlStruct( {
					title: xmlString( 'metaWeblog compost' ),
					description: xmlString( cleanContent() ),
				} ),
				'<boolean>1</boolean>',
			] );
			expect( xml ).not.toContain( 'faultCode' );
			const id = Number( /<string>(\d+)<\/string>/.exec( xml )?.[ 1 ] );
			expect( statusOf( id ) ).toBe( 'publish' );
		} );
	} );

	describe( 'wp_insert_post() from PHP code', () => {
		it( 'saves the post as a draft and says why in its lock log', () => {
			const postId = createPost( state.users.author.id, {
				title: 'Code garden tools',
				content: blockingContent(),
			} );
			wpPhp(
				`wp_update_post( array( 'ID' => ${ postId }, 'post_status' => 'publish' ) );`
			);
			expect( statusOf( postId ) ).toBe( 'draft' );
			const log = lockLog( postId );
			expect( log.at( -1 )?.event ).toBe( 'blocked' );
			expect( String( log.at( -1 )?.message ) ).toContain(
				'Exact-match anchors in both directions'
			);

			const created = Number(
				wpPhp(
					`echo wp_insert_post( array( 'post_author' => ${
						state.users.author.id
					}, 'post_title' => 'Code new tools', 'post_status' => 'publish', 'post_content' => base64_decode( '${ Buffer.from(
						blockingContent()
					).toString( 'base64' ) }' ) ) );`
				).trim()
			);
			expect( created ).toBeGreaterThan( 0 );
			expect( statusOf( created ) ).toBe( 'draft' );
			lockPath(
				'wp_insert_post() from code',
				'publish',
				'saved as a draft; the lock log says why'
			);
		} );

		it( 'publishes a post without blocking findings', () => {
			const postId = createPost( state.users.author.id, {
				title: 'Code compost',
				content: cleanContent(),
			} );
			wpPhp(
				`wp_update_post( array( 'ID' => ${ postId }, 'post_status' => 'publish' ) );`
			);
			expect( statusOf( postId ) ).toBe( 'publish' );
		} );
	} );

	describe( 'WP-CLI (wp post update, wp post create)', () => {
		// Through the WP-CLI stand-in (harness/wp-cli.php): WordPress loaded
		// with WP_CLI defined and WP-CLI's wp_die handler, the post fields
		// passed to wp_update_post()/wp_insert_post() as Post_Command does.
		const wp = ( args: string[] ) =>
			runWpCli( state.siteDir, state.wpUrl, args );

		it( 'refuses publishing with "Error: …" naming the finding and exit status 1; the post stays a draft', async () => {
			const postId = createPost( state.users.author.id, {
				title: 'Terminal garden tools',
				content: blockingContent(),
			} );
			const run = await wp( [
				'post',
				'update',
				String( postId ),
				'--post_status=publish',
			] );
			expect( run.status ).toBe( 1 );
			expect( run.stderr ).toMatch(
				/^Error: .*Exact-match anchors in both directions/m
			);
			expect( run.stdout ).not.toContain( 'Success' );
			expect( statusOf( postId ) ).toBe( 'draft' );

			const created = await wp( [
				'post',
				'create',
				'--post_title=Terminal new tools',
				'--post_status=publish',
				`--post_author=${ state.users.author.id }`,
				`--post_content=${ blockingContent() }`,
				'--porcelain',
			] );
			expect( created.status ).toBe( 1 );
			expect( created.stdout ).toBe( '' );
			expect(
				wpPhp(
					`echo count( get_posts( array( 'title' => 'Terminal new tools', 'post_status' => 'any' ) ) );`
				).trim()
			).toBe( '0' );
			lockPath(
				'WP-CLI (wp post update / create)',
				'publish',
				'refused: "Error: …" naming the finding, exit status 1; nothing published or created'
			);
		} );

		it( 'publishes a post without blocking findings', async () => {
			const postId = createPost( state.users.author.id, {
				title: 'Terminal compost',
				content: cleanContent(),
			} );
			const run = await wp( [
				'post',
				'update',
				String( postId ),
				'--post_status=publish',
			] );
			expect( run.stderr ).toBe( '' );
			expect( run.stdout ).toBe( `Success: Updated post ${ postId }.\n` );
			expect( statusOf( postId ) ).toBe( 'publish' );
		} );
	} );

	describe( "an administrator's override", () => {
		it( 'is refused to an Author', async () => {
			const postId = createPost( state.users.author.id, {
				title: 'Author override',
				content: blockingContent(),
			} );
			const answer = await rest(
				author.context,
				'POST',
				`${ NS }/override`,
				{
					body: {
						postId,
						reason: 'I really want to publish this one',
						codesByDomain: {
							'footer-swap.test': [ BLOCKING_CODE ],
						},
					},
					nonce: authorNonce,
				}
			);
			expect( answer.status ).toBe( 403 );
			lockPath(
				"Administrator's override",
				'an Author asking for it',
				'403'
			);
		} );

		it( 'lets the named finding through with the reason logged with the partner and the post', async () => {
			const postId = createPost( state.users.admin.id, {
				title: 'Admin override tools',
				content: blockingContent(),
			} );
			const refused = await rest(
				admin.context,
				'POST',
				`wp/v2/posts/${ postId }`,
				{ body: { status: 'publish' }, nonce: adminNonce }
			);
			expect( refused.status ).toBe( 403 );

			const reason = 'Paid review, disclosed on the page';
			const override = await rest(
				admin.context,
				'POST',
				`${ NS }/override`,
				{
					body: {
						postId,
						reason,
						codesByDomain: {
							'footer-swap.test': [ BLOCKING_CODE ],
						},
					},
					nonce: adminNonce,
				}
			);
			expect( override.status ).toBe( 201 );
			const published = await rest(
				admin.context,
				'POST',
				`wp/v2/posts/${ postId }`,
				{ body: { status: 'publish' }, nonce: adminNonce }
			);
			expect( published.status ).toBe( 200 );
			expect( statusOf( postId ) ).toBe( 'publish' );

			const log = lockLog( postId );
			expect( log.at( -1 ) ).toMatchObject( {
				event: 'override',
				reason,
				codes: [ BLOCKING_CODE ],
			} );
			// The partner's log on the service, read from its store.
			const db = new BetterSqlite3(
				path.join( state.service!.dataDir, DATABASE_FILE ),
				{ readonly: true }
			);
			const notes = db
				.prepare(
					"SELECT author, note FROM partner_log WHERE domain = 'footer-swap.test'"
				)
				.all() as Array< { author: string; note: string } >;
			db.close();
			expect( notes ).toContainEqual( {
				author: 'admin',
				note: `Published post #${ postId } despite blocking findings (${ BLOCKING_CODE }). Reason: ${ reason }`,
			} );
			lockPath(
				"Administrator's override",
				'publish anyway with a reason',
				'published; the reason logged with the partner and the post'
			);
		} );

		it( 'asks for a reason of ten characters or more', async () => {
			const postId = createPost( state.users.admin.id, {
				title: 'Short reason',
				content: blockingContent(),
			} );
			const answer = await rest(
				admin.context,
				'POST',
				`${ NS }/override`,
				{
					body: {
						postId,
						reason: 'ok',
						codesByDomain: {
							'footer-swap.test': [ BLOCKING_CODE ],
						},
					},
					nonce: adminNonce,
				}
			);
			expect( answer.status ).toBe( 400 );
			expect( answer.body.message ).toContain( 'reason' );
		} );
	} );

	describe( 'when the service cannot be reached', () => {
		let serviceUrl: unknown;
		beforeAll( () => {
			serviceUrl = pluginOptions()?.serviceUrl;
			// A port nothing listens on.
			setPluginOptions( { serviceUrl: 'http://127.0.0.1:9' } );
		} );
		afterAll( () => {
			setPluginOptions( { serviceUrl, holdWhenUnchecked: false } );
		} );

		it( 'publishes by default and notes it in the lock log', async () => {
			const postId = createPost( state.users.author.id, {
				title: 'Unchecked tools',
				content: blockingContent(),
			} );
			const answer = await rest(
				author.context,
				'POST',
				`wp/v2/posts/${ postId }`,
				{ body: { status: 'publish' }, nonce: authorNonce }
			);
			expect( answer.status ).toBe( 200 );
			const log = lockLog( postId );
			expect( log.at( -1 )?.event ).toBe( 'published-unchecked' );
			expect( String( log.at( -1 )?.message ) ).toContain(
				'did not answer'
			);
			lockPath(
				'Service unreachable',
				'publish (default)',
				'published; the lock log says it went out unchecked'
			);
		} );

		it( 'holds publishing with 503 when the admin chose that', async () => {
			setPluginOptions( { holdWhenUnchecked: true } );
			const postId = createPost( state.users.author.id, {
				title: 'Held tools',
				content: cleanContent(),
			} );
			const answer = await rest(
				author.context,
				'POST',
				`wp/v2/posts/${ postId }`,
				{ body: { status: 'publish' }, nonce: authorNonce }
			);
			expect( answer.status ).toBe( 503 );
			expect( answer.body.code ).toBe( 'rlg_publish_blocked' );
			expect( answer.body.message ).toContain( 'holds publishing' );
			expect( statusOf( postId ) ).toBe( 'draft' );
			lockPath(
				'Service unreachable',
				'publish (hold chosen)',
				'503 rlg_publish_blocked; stays a draft'
			);
		} );
	} );
} );
