/**
 * POST /v1/post/findings: the verdict on one post's HTML, as WordPress's
 * server-side publishing lock asks for it.
 */
import { PostVerdictResponseSchema } from '../../src/service/api/routes-post-verdict';
import { fakeChecker, signedSend, SITE_URL, startHarness } from './harness';
import type { Harness } from './harness';

const POST_URL = 'https://our.example/hello/';

function verdict( harness: Harness, body: unknown ) {
	return signedSend( harness.app, {
		method: 'POST',
		url: '/v1/post/findings',
		body,
	} );
}

describe( 'POST /v1/post/findings', () => {
	let harness: Harness;
	let checker: ReturnType< typeof fakeChecker >;

	beforeEach( async () => {
		checker = fakeChecker();
		harness = await startHarness( { checker } );
	} );
	afterEach( () => harness.close() );

	it( 'gives the core findings of the post: an exact-match swap is critical', async () => {
		const reply = await verdict( harness, {
			site: SITE_URL,
			post: {
				url: POST_URL,
				title: 'Garden furniture',
				html: '<!-- wp:paragraph --><p>We like <a href="https://partner.example/chairs">garden furniture</a> from them.</p><!-- /wp:paragraph --><p><a href="/about/">about us</a></p>',
			},
			settings: { keywords: [ 'garden furniture' ] },
		} );
		expect( reply.statusCode ).toBe( 200 );
		const body = PostVerdictResponseSchema.parse( reply.json() );
		expect( body.targets ).toBe( 1 );
		expect( body.uncheckedTargets ).toBe( 0 );
		// Only the external target is checked, not our own /about/.
		expect( checker.calls ).toEqual( [ 'https://partner.example/chairs' ] );
		const codes = body.findings.map(
			( f ) => `${ f.code }:${ f.severity }`
		);
		expect( codes ).toContain( 'reciprocal-link:info' );
		expect( codes ).toContain( 'exact-match-anchor-both:critical' );
		expect(
			body.findings.every( ( f ) => f.code !== 'too-many-partners' )
		).toBe( true );
	} );

	it( 'answers a post without external links without checking anything', async () => {
		const reply = await verdict( harness, {
			site: SITE_URL,
			post: { url: POST_URL, html: '<p>No links at all.</p>' },
		} );
		expect( reply.statusCode ).toBe( 200 );
		expect( reply.json().findings ).toEqual( [] );
		expect( checker.calls ).toEqual( [] );
	} );

	it( 'refuses a post of another site and bad settings, naming the field', async () => {
		const other = await verdict( harness, {
			site: 'https://someone-else.example/',
			post: { url: POST_URL, html: '<p>x</p>' },
		} );
		expect( other.statusCode ).toBe( 403 );
		expect( other.json().code ).toBe( 'ERR_SITE_MISMATCH' );
		const bad = await verdict( harness, {
			site: SITE_URL,
			post: { url: POST_URL, html: '<p>x</p>' },
			settings: { maxReciprocalPartners: 'many' },
		} );
		expect( bad.statusCode ).toBe( 400 );
		expect( bad.json().field ).toBe( 'settings.maxReciprocalPartners' );
		const missing = await verdict( harness, { site: SITE_URL } );
		expect( missing.statusCode ).toBe( 400 );
		expect( missing.json().field ).toBe( 'post' );
	} );

	it( 'needs a signature', async () => {
		const reply = await signedSend( harness.app, {
			method: 'POST',
			url: '/v1/post/findings',
			body: { site: SITE_URL, post: { url: POST_URL, html: '' } },
			key: 'b'.repeat( 64 ),
		} );
		expect( reply.statusCode ).toBe( 401 );
	} );
} );
