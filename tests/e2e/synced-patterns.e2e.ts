/**
 * Links inside synced patterns (`core/block`) in the real editor: the
 * pattern's links are listed and checked with the post's, marked as coming
 * from the pattern, marked in the canvas inside the pattern instance, and a
 * rel fix says it cannot change them here instead of pretending it did. A
 * pattern that cannot be read is named in the sidebar.
 */
import type { Page } from 'playwright-core';
import {
	openEditor,
	openSession,
	screenshot,
	type Session,
} from './harness/browser';
import { PARTNER_KEYWORD } from './harness/partners';
import {
	createPost,
	replacePluginOptions,
	pluginOptions,
	setPluginOptions,
	wpPhp,
} from './harness/wordpress';

const STORE = 'reciprocal-link-guard/editor';
const PATTERN_TITLE = 'Garden partners';

interface LinkView {
	href: string;
	clientId: string | null;
	blockName: string | null;
	pattern: { ref: number; title: string } | null;
}

/** The analysed links once `count` external links all have a finished check. */
async function settledLinks(
	page: Page,
	count: number
): Promise< LinkView[] > {
	await page.waitForFunction(
		( [ store, expected ] ) => {
			const { data } = (
				window as unknown as {
					wp: { data: { select: ( name: string ) => any } };
				}
			 ).wp;
			const s = data.select( store as string );
			const analysis = s.getAnalysis();
			const external = ( analysis?.links ?? [] ).filter(
				( l: any ) => l.external
			);
			const checks = s.getChecks();
			return (
				external.length === expected &&
				external.every( ( l: any ) =>
					[ 'done', 'failed' ].includes( checks[ l.key ]?.state )
				)
			);
		},
		[ STORE, count ] as const,
		{ timeout: 60000 }
	);
	await page.waitForTimeout( 300 );
	return page.evaluate( ( store ) => {
		const { data } = (
			window as unknown as {
				wp: { data: { select: ( name: string ) => any } };
			}
		 ).wp;
		return data
			.select( store )
			.getAnalysis()
			.links.map( ( l: any ) => ( {
				href: l.link.href,
				clientId: l.clientId,
				blockName: l.blockName,
				pattern: l.syncedPattern ?? null,
			} ) );
	}, STORE );
}

async function openSidebar( page: Page ): Promise< void > {
	const sidebar = page.locator( '.rlg-sidebar' );
	if ( ( await sidebar.count() ) === 0 ) {
		await page
			.locator(
				'.interface-pinned-items button[aria-label="Reciprocal links"]'
			)
			.click();
	}
	await sidebar.waitFor();
}

async function expectText(
	locator: ReturnType< Page[ 'locator' ] >,
	text: string
): Promise< void > {
	const found = locator.filter( { hasText: text } ).first();
	await found.waitFor( { timeout: 15000 } );
	expect( await found.textContent() ).toContain( text );
}

const paragraph = ( html: string ) =>
	`<!-- wp:paragraph -->\n<p>${ html }</p>\n<!-- /wp:paragraph -->`;

describe( 'links inside synced patterns', () => {
	let session: Session;
	let partners: Record< string, string >;
	let patternId: number;
	let postId: number;
	let originalOptions: Record< string, unknown > | null;

	beforeAll( async () => {
		session = await openSession( 'admin' );
		partners = session.state.partners;
		originalOptions = pluginOptions();
		setPluginOptions( {
			keywords: [ PARTNER_KEYWORD ],
			blockPublishing: false,
			blockingCodes: [],
		} );
		const patternContent = [
			paragraph(
				`Our friends: <a href="${ partners[ 'footer-swap.test' ] }/">${ PARTNER_KEYWORD }</a> and <a href="${ partners[ 'no-backlink.test' ] }/">click here</a>.`
			),
		].join( '\n\n' );
		const json = Buffer.from(
			JSON.stringify( { title: PATTERN_TITLE, content: patternContent } )
		).toString( 'base64' );
		patternId = Number(
			wpPhp( `$f = json_decode( base64_decode( '${ json }' ), true );
			echo wp_insert_post( array(
				'post_type' => 'wp_block',
				'post_status' => 'publish',
				'post_author' => ${ session.state.users.admin.id },
				'post_title' => $f['title'],
				'post_content' => $f['content'],
			) );` ).trim()
		);
		postId = createPost( session.state.users.admin.id, {
			title: 'A post with a synced pattern',
			content: [
				paragraph(
					`Composting keeps a vegetable garden healthy; <a href="${ partners[ 'natural.test' ] }/guide">this compost guide</a> explains the basics.`
				),
				`<!-- wp:block {"ref":${ patternId }} /-->`,
			].join( '\n\n' ),
		} );
	} );

	afterAll( async () => {
		replacePluginOptions( originalOptions );
		await session?.close();
	} );

	it( 'lists and checks the pattern’s links with the post’s, marked as coming from the pattern', async () => {
		const { page } = session;
		await openEditor( page, postId );
		const links = await settledLinks( page, 3 );
		const instanceId = await page.evaluate(
			() =>
				(
					window as unknown as {
						wp: { data: { select: ( n: string ) => any } };
					}
				 ).wp.data
					.select( 'core/block-editor' )
					.getBlocks()
					.find( ( b: any ) => b.name === 'core/block' )?.clientId
		);
		expect( links ).toEqual( [
			{
				href: `${ partners[ 'natural.test' ] }/guide`,
				clientId: expect.any( String ),
				blockName: 'core/paragraph',
				pattern: null,
			},
			{
				href: `${ partners[ 'footer-swap.test' ] }/`,
				clientId: instanceId,
				blockName: 'core/block',
				pattern: { ref: patternId, title: PATTERN_TITLE },
			},
			{
				href: `${ partners[ 'no-backlink.test' ] }/`,
				clientId: instanceId,
				blockName: 'core/block',
				pattern: { ref: patternId, title: PATTERN_TITLE },
			},
		] );

		await openSidebar( page );
		const sidebar = page.locator( '.rlg-sidebar' );
		await expectText( sidebar, 'External links: 3, to 3 sites.' );
		const footer = page.locator(
			'.rlg-item[data-rlg-domain="footer-swap.test"]'
		);
		await expectText(
			footer,
			`From synced pattern “${ PATTERN_TITLE }”: edit the pattern to change this link.`
		);
		await expectText( footer, 'Exact-match anchor' );
		if ( session.state.service ) {
			await expectText( footer, 'Links back to us' );
		}

		// The canvas marks reach the link inside the pattern instance.
		const marked = await page.waitForFunction(
			( href ) => {
				const frame = document.querySelector< HTMLIFrameElement >(
					'iframe[name="editor-canvas"]'
				);
				const doc = frame?.contentDocument ?? document;
				const link = doc.querySelector< HTMLAnchorElement >(
					`[data-type="core/block"] a[href="${ href }"]`
				);
				return link
					? ( doc.defaultView ?? window ).getComputedStyle( link )
							.textDecorationStyle
					: null;
			},
			`${ partners[ 'no-backlink.test' ] }/`,
			{ timeout: 15000 }
		);
		expect( await marked.jsonValue() ).toBe( 'wavy' );
		await screenshot( page, 'editor-synced-pattern', { fullPage: false } );
		expect( session.errors ).toEqual( [] );
	} );

	it( 'offers to edit the pattern instead of fixing its link here, and leaves the post as it was', async () => {
		const { page } = session;
		const footer = page.locator(
			'.rlg-item[data-rlg-domain="footer-swap.test"]'
		);
		expect(
			await footer
				.getByRole( 'button', { name: 'Add rel="nofollow"' } )
				.count()
		).toBe( 0 );
		const [ patternTab ] = await Promise.all( [
			page.context().waitForEvent( 'page' ),
			footer
				.getByRole( 'button', { name: 'Edit the pattern' } )
				.first()
				.click(),
		] );
		await patternTab.waitForLoadState( 'domcontentloaded' );
		expect( patternTab.url() ).toContain(
			`post.php?post=${ patternId }&action=edit`
		);
		await patternTab.close();
		const content = await page.evaluate( () =>
			(
				window as unknown as {
					wp: { data: { select: ( n: string ) => any } };
				}
			 ).wp.data
				.select( 'core/editor' )
				.getEditedPostContent()
		);
		expect( content ).toContain(
			`<!-- wp:block {"ref":${ patternId }} /-->`
		);
		expect( content ).not.toContain( 'nofollow' );
		expect( session.errors ).toEqual( [] );
	} );

	it( 'follows unsaved edits of the pattern', async () => {
		const { page } = session;
		const edited = paragraph(
			`Now only <a href="${ partners[ 'off-topic.test' ] }/">Lucky Star</a>.`
		);
		await page.evaluate(
			( [ id, content ] ) => {
				const { wp } = window as unknown as {
					wp: {
						data: { dispatch: ( n: string ) => any };
						blocks: { parse: ( html: string ) => unknown[] };
					};
				};
				wp.data
					.dispatch( 'core' )
					.editEntityRecord( 'postType', 'wp_block', id, {
						blocks: wp.blocks.parse( content as string ),
					} );
			},
			[ patternId, edited ] as const
		);
		const links = await settledLinks( page, 2 );
		expect(
			links.map( ( l ) => [ l.href, l.pattern?.ref ?? null ] )
		).toEqual( [
			[ `${ partners[ 'natural.test' ] }/guide`, null ],
			[ `${ partners[ 'off-topic.test' ] }/`, patternId ],
		] );
		expect( session.errors ).toEqual( [] );
	} );

	it( 'names a pattern that cannot be read instead of failing', async () => {
		const { page } = session;
		const missing = patternId + 100000;
		const brokenId = createPost( session.state.users.admin.id, {
			title: 'A post with a deleted pattern',
			content: [
				paragraph(
					`See <a href="${ partners[ 'natural.test' ] }/guide">this compost guide</a>.`
				),
				`<!-- wp:block {"ref":${ missing }} /-->`,
			].join( '\n\n' ),
		} );
		session.errors.length = 0;
		await openEditor( page, brokenId );
		await settledLinks( page, 1 );
		await openSidebar( page );
		await expectText(
			page.locator( '.rlg-patterns' ),
			`Synced pattern “Pattern #${ missing }” could not be read`
		);
		await screenshot( page, 'editor-synced-pattern-missing', {
			fullPage: false,
		} );
		// The editor's own request for the deleted pattern answers 404.
		expect(
			session.errors.filter( ( e ) => ! e.includes( '404' ) )
		).toEqual( [] );
	} );
} );

/** Pattern overrides exist from WordPress 6.6 (RLG_WP_VERSION=beta|nightly). */
const describeWithOverrides =
	( process.env.RLG_WP_VERSION ?? '6.5' ) === '6.5'
		? describe.skip
		: describe;

/** Block comment attributes as WordPress serialises them. */
function blockAttributes( value: unknown ): string {
	return JSON.stringify( value )
		.replace( /--/g, '\\u002d\\u002d' )
		.replace( /</g, '\\u003c' )
		.replace( />/g, '\\u003e' )
		.replace( /&/g, '\\u0026' )
		.replace( /\\"/g, '\\u0022' );
}

describeWithOverrides( 'links in pattern overrides', () => {
	let session: Session;

	afterAll( async () => {
		await session?.close();
	} );

	it( 'reads each instance with the post’s own overrides of the pattern', async () => {
		session = await openSession( 'admin' );
		const { partners } = session.state;
		const named = blockAttributes( {
			metadata: {
				name: 'cta',
				bindings: { __default: { source: 'core/pattern-overrides' } },
			},
		} );
		const json = Buffer.from(
			JSON.stringify( {
				content: `<!-- wp:paragraph ${ named } -->\n<p>Visit <a href="${ partners[ 'natural.test' ] }/guide">the compost guide</a>.</p>\n<!-- /wp:paragraph -->`,
			} )
		).toString( 'base64' );
		const ref = Number(
			wpPhp( `$f = json_decode( base64_decode( '${ json }' ), true );
			echo wp_insert_post( array(
				'post_type' => 'wp_block',
				'post_status' => 'publish',
				'post_author' => ${ session.state.users.admin.id },
				'post_title' => 'Overridable call to action',
				'post_content' => wp_slash( $f['content'] ),
			) );` ).trim()
		);
		const overrides = blockAttributes( {
			ref,
			content: {
				cta: {
					content: `Visit <a href="${ partners[ 'no-backlink.test' ] }/">the seed catalogue</a>.`,
				},
			},
		} );
		// Slashed: wp_insert_post unslashes, and the attributes hold \u escapes.
		const post = Buffer.from(
			JSON.stringify( {
				content: [
					`<!-- wp:block {"ref":${ ref }} /-->`,
					`<!-- wp:block ${ overrides } /-->`,
				].join( '\n\n' ),
			} )
		).toString( 'base64' );
		const postId = Number(
			wpPhp( `$f = json_decode( base64_decode( '${ post }' ), true );
			echo wp_insert_post( array(
				'post_author' => ${ session.state.users.admin.id },
				'post_title' => 'A post overriding a pattern',
				'post_content' => wp_slash( $f['content'] ),
				'post_status' => 'draft',
			) );` ).trim()
		);
		await openEditor( session.page, postId );
		const links = await settledLinks( session.page, 2 );
		expect(
			links.map( ( l ) => [ l.href, l.pattern?.ref ?? null ] )
		).toEqual( [
			[ `${ partners[ 'natural.test' ] }/guide`, ref ],
			[ `${ partners[ 'no-backlink.test' ] }/`, ref ],
		] );
		expect( session.errors ).toEqual( [] );
	} );
} );
