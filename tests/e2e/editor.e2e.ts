/**
 * The editor side against a real WordPress 6.5, the real service and local
 * partner sites: every partner's status and findings in the sidebar, a
 * one-click rel fix, the pre-publish checklist, and the publish lock going
 * on and off as a blocking finding appears and is fixed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
	openEditor,
	openSession,
	screenshot,
	type Session,
} from './harness/browser';
import { PARTNER_KEYWORD } from './harness/partners';
import { readState, ROOT } from './harness/state';
import { createPost, setPluginOptions } from './harness/wordpress';

const SCREENSHOTS = path.join( ROOT, 'docs', 'screenshots' );
const STORE = 'reciprocal-link-guard/editor';

interface StoreView {
	analysed: boolean;
	error: string | null;
	links: Array< { href: string; external: boolean; key: string } >;
	findings: Array< { code: string; severity: string; linkUrl?: string } >;
	checks: Record< string, { state: string; status?: string } >;
	locked: boolean;
}

/** What the editor store knows, read in the page. */
async function storeView( page: Page ): Promise< StoreView > {
	return page.evaluate( ( store ) => {
		const { data } = (
			window as unknown as {
				wp: { data: { select: ( name: string ) => any } };
			}
		 ).wp;
		const s = data.select( store );
		const analysis = s.getAnalysis();
		const checks: Record< string, { state: string; status?: string } > = {};
		for ( const [ key, entry ] of Object.entries(
			s.getChecks() as Record< string, any >
		) ) {
			checks[ key ] = {
				state: entry.state,
				status: entry.result?.status,
			};
		}
		return {
			analysed: Boolean( analysis ),
			error: analysis?.error ?? null,
			links: ( analysis?.links ?? [] ).map( ( l: any ) => ( {
				href: l.link.href,
				external: l.external,
				key: l.key,
			} ) ),
			findings: ( analysis?.findings ?? [] ).map( ( f: any ) => ( {
				code: f.code,
				severity: f.severity,
				linkUrl: f.linkUrl,
			} ) ),
			checks,
			locked: data.select( 'core/editor' ).isPostSavingLocked(),
		};
	}, STORE );
}

/** Waits until every external link of the post has a finished check. */
async function settled(
	page: Page,
	externalLinks: number
): Promise< StoreView > {
	await page.waitForFunction(
		( [ store, expected ] ) => {
			const { data } = (
				window as unknown as {
					wp: { data: { select: ( name: string ) => any } };
				}
			 ).wp;
			const s = data.select( store as string );
			const analysis = s.getAnalysis();
			if ( ! analysis ) {
				return false;
			}
			const external = analysis.links.filter( ( l: any ) => l.external );
			const checks = s.getChecks();
			return (
				external.length === expected &&
				external.every( ( l: any ) =>
					[ 'done', 'failed' ].includes( checks[ l.key ]?.state )
				)
			);
		},
		[ STORE, externalLinks ] as const,
		{ timeout: 60000 }
	);
	// The findings are recomputed right after the last result lands.
	await page.waitForTimeout( 300 );
	return storeView( page );
}

function partnerPanel( page: Page, name: string ) {
	return page.locator( '.rlg-partner', { hasText: name } );
}

describe( 'the editor sidebar, fixes and pre-publish checks', () => {
	let session: Session;
	let postId: number;
	let partners: Record< string, string >;

	beforeAll( async () => {
		session = await openSession( 'admin' );
		partners = session.state.partners;
		setPluginOptions( {
			keywords: [ PARTNER_KEYWORD ],
			blockPublishing: false,
			blockingCodes: [],
		} );
		const p = ( html: string ) =>
			`<!-- wp:paragraph -->\n<p>${ html }</p>\n<!-- /wp:paragraph -->`;
		postId = createPost( session.state.users.admin.id, {
			title: 'Starting a vegetable garden',
			content: [
				p(
					`Composting keeps a vegetable garden healthy; <a href="${ partners[ 'natural.test' ] }/guide">this compost guide</a> explains the basics.`
				),
				p(
					`For tools we like <a href="${ partners[ 'footer-swap.test' ] }/">${ PARTNER_KEYWORD }</a>.`
				),
				p(
					`Seeds: <a href="${ partners[ 'no-backlink.test' ] }/">click here</a>.`
				),
				p(
					`And a friend of ours: <a href="${ partners[ 'off-topic.test' ] }/">a friend</a>.`
				),
				p(
					`More about us on <a href="${ session.state.wpUrl }/about/">our about page</a>.`
				),
			].join( '\n\n' ),
		} );
		fs.mkdirSync( SCREENSHOTS, { recursive: true } );
	} );

	afterAll( async () => {
		await session?.close();
	} );

	it( 'lists every partner with its status and findings', async () => {
		const { page } = session;
		await openEditor( page, postId );
		const view = await settled( page, 4 );
		expect( view.error ).toBeNull();
		expect( view.links.filter( ( l ) => ! l.external ) ).toHaveLength( 1 );

		// The sidebar is pinned to the toolbar; open it like a user would.
		await page
			.locator(
				'.interface-pinned-items button[aria-label="Reciprocal links"]'
			)
			.click();
		const sidebar = page.locator( '.rlg-sidebar' );
		await sidebar.waitFor();
		expect( await sidebar.textContent() ).toContain(
			'4 external links to 4 sites; 1 internal links'
		);

		if ( session.state.service ) {
			await expectText(
				partnerPanel( page, 'natural.test' ),
				'Links back to us'
			);
			await expectText(
				partnerPanel( page, 'no-backlink.test' ),
				'No link back to us'
			);
			const footer = partnerPanel( page, 'footer-swap.test' );
			await expectText( footer, 'Links back to us' );
			await expectText( footer, 'in the footer' );
			await expectText( footer, 'Their link is boilerplate' );
			await expectText(
				partnerPanel( page, 'off-topic.test' ),
				'Off-topic partner'
			);
		}
		// Local findings need no service.
		await expectText(
			partnerPanel( page, 'no-backlink.test' ),
			'Generic anchor'
		);
		await expectText(
			partnerPanel( page, 'footer-swap.test' ),
			'Exact-match anchor'
		);

		// Links with findings are marked in the canvas without touching the post.
		const marks = await page.evaluate( () => {
			const frame = document.querySelector< HTMLIFrameElement >(
				'iframe[name="editor-canvas"]'
			);
			const doc = frame?.contentDocument ?? document;
			return (
				doc.getElementById( 'reciprocal-link-guard-marks' )
					?.textContent ?? ''
			);
		} );
		expect( marks ).toContain(
			`a[href="${ partners[ 'no-backlink.test' ] }/"]`
		);

		// The sidebar next to the canvas with its marks, as an editor sees it.
		await page.screenshot( {
			path: path.join( SCREENSHOTS, 'editor-sidebar.png' ),
		} );
		await screenshot( page, 'editor-sidebar', { fullPage: false } );
		expect( session.errors ).toEqual( [] );
	} );

	it( 'jumps to a link’s block and adds rel="nofollow" in one click', async () => {
		const { page } = session;
		const panel = partnerPanel( page, 'no-backlink.test' );
		await panel.locator( '.rlg-link__anchor' ).first().click();
		const selected = await page.evaluate(
			() =>
				(
					window as unknown as {
						wp: { data: { select: ( n: string ) => any } };
					}
				 ).wp.data
					.select( 'core/block-editor' )
					.getSelectedBlock()
					?.attributes.content?.toString() ?? ''
		);
		expect( selected ).toContain( 'click here' );

		const footer = partnerPanel( page, 'footer-swap.test' );
		await footer
			.getByRole( 'button', { name: 'Add rel="nofollow"' } )
			.first()
			.click();
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
			`<a href="${ partners[ 'footer-swap.test' ] }/" rel="nofollow">`
		);
		await expectText( footer, 'Our rel: nofollow' );
		expect( session.errors ).toEqual( [] );
	} );

	it( 'shows a line per rule in the pre-publish panel', async () => {
		const { page } = session;
		await page.locator( '.editor-post-publish-panel__toggle' ).click();
		const panel = page.locator( '.rlg-prepublish' );
		await panel.waitFor();
		const text = ( await panel.textContent() ) ?? '';
		expect( text ).toContain( 'Generic anchor' );
		expect( text ).toContain( 'Hidden link (ours)' );
		expect( text ).toContain( 'Reciprocal partners site-wide' );
		await page.locator( '.editor-post-publish-panel' ).screenshot( {
			path: path.join( SCREENSHOTS, 'editor-prepublish.png' ),
		} );
		await screenshot( page, 'editor-prepublish', { fullPage: false } );
		await page
			.locator(
				'.editor-post-publish-panel__header-cancel-button button'
			)
			.click();
		expect( session.errors ).toEqual( [] );
	} );

	const describeWithService = readState().service ? describe : describe.skip;

	describeWithService( 'with blocking on', () => {
		it( 'blocks publishing while a blocking finding remains, and unblocks when it is fixed', async () => {
			const { page } = session;
			// Keyword anchors both ways with a footer partner: critical.
			setPluginOptions( {
				blockPublishing: true,
				blockingCodes: [ 'exact-match-anchor-both' ],
			} );
			await openEditor( page, postId );
			let view = await settled( page, 4 );
			expect(
				view.findings.filter(
					( f ) =>
						f.code === 'exact-match-anchor-both' &&
						f.severity === 'critical'
				)
			).toHaveLength( 1 );
			await page.waitForFunction(
				() =>
					(
						window as unknown as {
							wp: { data: { select: ( n: string ) => any } };
						}
					 ).wp.data
						.select( 'core/editor' )
						.isPostSavingLocked(),
				null,
				{ timeout: 10000 }
			);
			const lockNotice = page.locator( '.components-notice', {
				hasText: 'Reciprocal Link Guard blocks publishing',
			} );
			expect( await lockNotice.count() ).toBeGreaterThan( 0 );
			expect( await lockNotice.first().textContent() ).toContain(
				'Exact-match anchors both ways'
			);
			await screenshot( page, 'editor-blocked', { fullPage: false } );

			// The author rewrites our anchor: no longer keyword-for-keyword.
			await page.evaluate(
				( [ footerSwap, keyword ] ) => {
					const { data } = (
						window as unknown as {
							wp: {
								data: {
									select: ( n: string ) => any;
									dispatch: ( n: string ) => any;
								};
							};
						}
					 ).wp;
					for ( const block of data
						.select( 'core/block-editor' )
						.getBlocks() ) {
						const html = String( block.attributes.content ?? '' );
						if ( html.includes( keyword ) ) {
							data.dispatch(
								'core/block-editor'
							).updateBlockAttributes( block.clientId, {
								content: `For tools we like <a href="${ footerSwap }/" rel="nofollow">the Garden Supplies shop</a>.`,
							} );
						}
					}
				},
				[ partners[ 'footer-swap.test' ], PARTNER_KEYWORD ] as const
			);
			await page.waitForFunction(
				() =>
					! (
						window as unknown as {
							wp: { data: { select: ( n: string ) => any } };
						}
					 ).wp.data
						.select( 'core/editor' )
						.isPostSavingLocked(),
				null,
				{ timeout: 15000 }
			);
			view = await storeView( page );
			expect( view.findings.map( ( f ) => f.code ) ).not.toContain(
				'exact-match-anchor-both'
			);
			expect( await lockNotice.count() ).toBe( 0 );
			expect( session.errors ).toEqual( [] );
		} );
	} );
} );

/** The locator's text contains `text` (waiting for it a little). */
async function expectText(
	locator: ReturnType< Page[ 'locator' ] >,
	text: string
): Promise< void > {
	await locator
		.filter( { hasText: text } )
		.first()
		.waitFor( { timeout: 15000 } );
	expect( await locator.first().textContent() ).toContain( text );
}
