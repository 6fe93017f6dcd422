/**
 * The editor side against a real WordPress 6.5, the real service and local
 * partner sites: every partner's status and findings in the sidebar, a
 * one-click rel fix, the pre-publish checklist, and the publish lock going
 * on and off as a blocking finding appears and is fixed.
 */
import Database from 'better-sqlite3';
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
import {
	createPost,
	setPluginOptions,
	wpJson,
	wpPhp,
} from './harness/wordpress';

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
			// The findings follow the results a moment later (merged
			// batches, idle slices): wait for those of the latest results.
			return (
				external.length === expected &&
				external.every( ( l: any ) =>
					[ 'done', 'failed' ].includes( checks[ l.key ]?.state )
				) &&
				s.isAnalysisCurrent()
			);
		},
		[ STORE, externalLinks ] as const,
		{ timeout: 60000 }
	);
	// The views render the new analysis on the next frames.
	await page.waitForTimeout( 300 );
	return storeView( page );
}

/** Opens the sidebar from its toolbar button unless it is open already. */
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

/** A partner's header and its (rendered) link rows in the windowed list. */
function partnerPanel( page: Page, name: string ) {
	return page.locator( `.rlg-item[data-rlg-domain="${ name }"]` );
}

describe( 'the editor sidebar, fixes and pre-publish checks', () => {
	let session: Session;
	let postId: number;
	let partners: Record< string, string >;

	let originalOptions: Record< string, unknown >;

	beforeAll( async () => {
		session = await openSession( 'admin' );
		partners = session.state.partners;
		// Other specs share this WordPress: put the options back afterwards.
		originalOptions = wpJson(
			`echo wp_json_encode( get_option( 'rlg_settings', array() ) );`
		);
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
					`Another partner: <a href="${ partners[ 'off-topic.test' ] }/">Lucky Star</a>.`
				),
				p(
					`More about us on <a href="${ session.state.wpUrl }/about/">our about page</a>.`
				),
			].join( '\n\n' ),
		} );
		fs.mkdirSync( SCREENSHOTS, { recursive: true } );
	} );

	afterAll( async () => {
		if ( originalOptions ) {
			const json = Buffer.from(
				JSON.stringify( originalOptions )
			).toString( 'base64' );
			wpPhp(
				`update_option( 'rlg_settings', json_decode( base64_decode( '${ json }' ), true ) );`
			);
		}
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
			'External links: 4, to 4 sites. Internal links: 1 (counted, not checked).'
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

	it( 'jumps to a link’s block from the keyboard and adds rel="nofollow" in one click', async () => {
		const { page } = session;
		const panel = partnerPanel( page, 'no-backlink.test' );
		const anchor = panel.locator( '.rlg-link__anchor' ).first();
		expect( await anchor.getAttribute( 'aria-label' ) ).toBe(
			'Show the link “click here” in the editor'
		);
		await anchor.focus();
		await page.keyboard.press( 'Enter' );
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

		it( 'blocks a brand-new post that was never saved', async () => {
			const { page } = session;
			await openEditor( page );
			await page.evaluate(
				( [ footerSwap, keyword ] ) => {
					const { data, blocks } = (
						window as unknown as {
							wp: {
								data: { dispatch: ( n: string ) => any };
								blocks: {
									createBlock: ( ...a: unknown[] ) => unknown;
								};
							};
						}
					 ).wp;
					data.dispatch( 'core/block-editor' ).insertBlocks(
						blocks.createBlock( 'core/paragraph', {
							content: `Tools: <a href="${ footerSwap }/">${ keyword }</a>.`,
						} )
					);
				},
				[ partners[ 'footer-swap.test' ], PARTNER_KEYWORD ] as const
			);
			await settled( page, 1 );
			expect(
				await page.evaluate( () => {
					const select = (
						window as unknown as {
							wp: { data: { select: ( n: string ) => any } };
						}
					 ).wp.data.select( 'core/editor' );
					return {
						isNew: select.isEditedPostNew(),
						locked: select.isPostSavingLocked(),
					};
				} )
			).toEqual( { isNew: true, locked: true } );
			expect( session.errors ).toEqual( [] );
		} );

		it( 'lets an administrator publish anyway with a reason, kept in the partner log', async () => {
			const { page } = session;
			// The rewrite above was never saved: the post is blocked again.
			await openEditor( page, postId );
			await settled( page, 4 );
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
			// The lock notice leads to the sidebar, where the gate is.
			await page
				.locator( '.components-notice', {
					hasText: 'Reciprocal Link Guard blocks publishing',
				} )
				.first()
				.getByRole( 'button', { name: 'Review the links' } )
				.click();
			const reason = page.getByLabel(
				'Publish anyway: why is this link acceptable?'
			);
			await reason.fill(
				'Long-standing supplier; the exchange is disclosed on both sites.'
			);
			await page
				.getByRole( 'button', { name: 'Allow publishing' } )
				.click();
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
			// The reason is in the partner's log, written by this user.
			const db = new Database(
				path.join( session.state.service!.dataDir, 'rlg.sqlite' ),
				{ readonly: true }
			);
			const log = db
				.prepare(
					'SELECT author, note FROM partner_log WHERE domain = ? ORDER BY id'
				)
				.all( 'footer-swap.test' ) as Array< {
				note: string;
				author: string;
			} >;
			db.close();
			expect( log.length ).toBeGreaterThan( 0 );
			expect( log[ log.length - 1 ].note ).toContain(
				'Long-standing supplier; the exchange is disclosed on both sites.'
			);
			expect( log[ log.length - 1 ].author ).not.toBe( '' );
			expect( log[ log.length - 1 ].note ).toContain(
				'exact-match-anchor-both'
			);
			// The server's publishing lock (issue 16) lets the overridden
			// finding through: the editor's save as published succeeds.
			const saveError = await page.evaluate( async () => {
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
				data.dispatch( 'core/editor' ).editPost( {
					status: 'publish',
				} );
				await data.dispatch( 'core/editor' ).savePost();
				return data.select( 'core/editor' ).didPostSaveRequestFail();
			} );
			expect( saveError ).toBe( false );
			expect(
				wpPhp( `echo get_post_status( ${ postId } );` ).trim()
			).toBe( 'publish' );
			wpPhp(
				`wp_update_post( array( 'ID' => ${ postId }, 'post_status' => 'draft' ) );`
			);
			expect( session.errors ).toEqual( [] );
		} );
	} );

	describeWithService( 'as the author types', () => {
		it( 'sends only the new target to the check route, once', async () => {
			const { page } = session;
			setPluginOptions( { blockPublishing: false, blockingCodes: [] } );
			await openEditor( page, postId );
			await settled( page, 4 );
			const sent: string[][] = [];
			page.on( 'request', ( request ) => {
				if (
					request.method() === 'POST' &&
					decodeURIComponent( request.url() ).includes(
						'reciprocal-link-guard/v1/check'
					)
				) {
					const body = JSON.parse( request.postData() ?? '{}' ) as {
						links?: Array< { url: string } >;
					};
					sent.push( ( body.links ?? [] ).map( ( l ) => l.url ) );
				}
			} );
			const newTarget = `${ partners[ 'natural.test' ] }/`;
			// Typing into an existing paragraph (no new target) sends nothing.
			await page.evaluate(
				( [ target ] ) => {
					const { data, blocks } = (
						window as unknown as {
							wp: {
								data: {
									select: ( n: string ) => any;
									dispatch: ( n: string ) => any;
								};
								blocks: {
									createBlock: ( ...a: unknown[] ) => unknown;
								};
							};
						}
					 ).wp;
					const editor = data.dispatch( 'core/block-editor' );
					const first = data
						.select( 'core/block-editor' )
						.getBlocks()[ 0 ];
					editor.updateBlockAttributes( first.clientId, {
						content: `${ String( first.attributes.content ) } More words.`,
					} );
					editor.insertBlocks(
						blocks.createBlock( 'core/paragraph', {
							content: `Their <a href="${ target }">home page</a> and <a href="${ target }">again</a>.`,
						} )
					);
				},
				[ newTarget ] as const
			);
			const view = await settled( page, 6 );
			expect( sent ).toEqual( [ [ newTarget ] ] );
			expect(
				view.links.filter( ( l ) => l.href === newTarget )
			).toHaveLength( 2 );
			await openSidebar( page );
			await expectText(
				partnerPanel( page, 'natural.test' ),
				'home page'
			);
			expect( session.errors ).toEqual( [] );
		} );
	} );

	describeWithService( 'on a post with 1,000 links', () => {
		it( 'checks them as a job, shows one progress line and renders only the rows in view', async () => {
			const { page } = session;
			setPluginOptions( { blockPublishing: false, blockingCodes: [] } );
			const hosts = [
				'footer-swap.test',
				'no-backlink.test',
				'off-topic.test',
			];
			const paragraphs: string[] = [];
			for ( let start = 0; start < 1000; start += 10 ) {
				const anchors: string[] = [];
				for ( let i = start; i < start + 10; i++ ) {
					anchors.push(
						`<a href="${ partners[ hosts[ i % 3 ] ] }/resources/${ i }">resource ${ i }</a>`
					);
				}
				paragraphs.push(
					`<!-- wp:paragraph -->\n<p>Reading list: ${ anchors.join(
						', '
					) }.</p>\n<!-- /wp:paragraph -->`
				);
			}
			const bigPost = createPost( session.state.users.admin.id, {
				title: 'A long resource page',
				content: paragraphs.join( '\n\n' ),
			} );
			const requests: string[] = [];
			const onRequest = ( request: {
				method: () => string;
				url: () => string;
			} ) => {
				const url = decodeURIComponent( request.url() );
				if ( url.includes( 'reciprocal-link-guard/v1/check' ) ) {
					requests.push(
						`${ request.method() } ${ url.replace( /^.*\/v1\//, '' ) }`
					);
				}
			};
			page.on( 'request', onRequest );
			await page.addInitScript( () => {
				const seen = { progress: [] as string[], rowSpinner: false };
				( window as unknown as { rlgSeen: typeof seen } ).rlgSeen =
					seen;
				new MutationObserver( () => {
					const text = document.querySelector(
						'.rlg-progress__text'
					)?.textContent;
					if ( text && seen.progress.at( -1 ) !== text ) {
						seen.progress.push( text );
					}
					seen.rowSpinner ||= !! document.querySelector(
						'.rlg-item .components-spinner'
					);
				} ).observe( document, { childList: true, subtree: true } );
			} );
			await openEditor( page, bigPost );
			await openSidebar( page );
			const sidebar = page.locator( '.rlg-sidebar' );
			const view = await settled( page, 1000 );
			// What the sidebar showed while the checks ran: progress lines,
			// and whether a row ever had a spinner.
			const seen = ( await page.evaluate( () => {
				const w = window as unknown as {
					rlgSeen: { progress: string[]; rowSpinner: boolean };
				};
				return w.rlgSeen;
			} ) ) ?? { progress: [], rowSpinner: false };
			expect( seen.rowSpinner ).toBe( false );
			expect( seen.progress.length ).toBeGreaterThan( 0 );
			expect(
				seen.progress.every( ( text ) =>
					/^Checking [\d,]+ of 1,000 links$/.test( text )
				)
			).toBe( true );
			page.off( 'request', onRequest );
			expect(
				Object.values( view.checks ).filter(
					( c ) => c.state === 'failed'
				)
			).toEqual( [] );
			// Handed over as one job in one request (answered at once),
			// then followed by polls: never one request per batch that must
			// finish, and not ten WordPress round trips to start.
			const posts = requests.filter( ( r ) => r.startsWith( 'POST' ) );
			expect( posts ).toHaveLength( 1 );
			expect( posts[ 0 ] ).toMatch( /^POST check-jobs/ );
			expect( await sidebar.locator( '.rlg-progress' ).count() ).toBe(
				0
			);

			// Windowed: a bounded number of rows, whatever the post's size.
			await expectText( sidebar, 'External links: 1000, to 3 sites.' );
			const rows = await sidebar.locator( '.rlg-link' ).count();
			expect( rows ).toBeGreaterThan( 0 );
			expect( rows ).toBeLessThan( 40 );
			expect(
				await sidebar.evaluate(
					( element ) => element.querySelectorAll( '*' ).length
				)
			).toBeLessThan( 2000 );
			await screenshot( page, 'editor-sidebar-1000', {
				fullPage: false,
			} );

			// Scrolling the panel renders the rows that come into view.
			await page.evaluate( () => {
				const list = document.querySelector( '.rlg-window' );
				let node = list?.parentElement ?? null;
				while (
					node &&
					! /auto|scroll/.test( getComputedStyle( node ).overflowY )
				) {
					node = node.parentElement;
				}
				node?.scrollTo( 0, node.scrollHeight / 2 );
			} );
			await page.waitForTimeout( 300 );
			const middle = await sidebar
				.locator( '.rlg-link__anchor' )
				.allTextContents();
			expect( middle.length ).toBeLessThan( 40 );
			expect( middle ).not.toContain( 'resource 0' );
			await screenshot( page, 'editor-sidebar-1000-scrolled', {
				fullPage: false,
			} );

			// The filter finds one link among 1,000.
			await sidebar
				.getByRole( 'searchbox', { name: 'Filter partners and links' } )
				.fill( 'resource 777' );
			await expectText( sidebar.locator( '.rlg-link' ), 'resource 777' );
			expect( await sidebar.locator( '.rlg-link' ).count() ).toBe( 1 );
			expect( session.errors ).toEqual( [] );
		} );
	} );

	describe( 'without a reachable service', () => {
		it( 'still shows the local findings, with one notice linking to the settings', async () => {
			const { page } = session;
			setPluginOptions( { serviceUrl: 'http://127.0.0.1:9' } );
			try {
				await openEditor( page, postId );
				const view = await settled( page, 4 );
				expect(
					Object.values( view.checks ).every(
						( c ) => c.state === 'failed'
					)
				).toBe( true );
				await openSidebar( page );
				const sidebar = page.locator( '.rlg-sidebar' );
				const notices = sidebar.locator( '.rlg-service-notice' );
				expect( await notices.count() ).toBe( 1 );
				expect( await notices.textContent() ).toContain(
					'Reciprocity could not be checked.'
				);
				expect(
					await notices
						.getByRole( 'link', { name: /Open the settings/ } )
						.getAttribute( 'href' )
				).toContain( 'page=reciprocal-link-guard' );
				await expectText(
					partnerPanel( page, 'no-backlink.test' ),
					'Generic anchor'
				);
				await expectText(
					partnerPanel( page, 'no-backlink.test' ),
					'Not checked: the check service did not answer'
				);
				await screenshot( page, 'editor-service-down', {
					fullPage: false,
				} );
				// Console errors of the failed REST calls are the browser's own
				// network log; no script error may occur.
				expect(
					session.errors.filter( ( e ) =>
						e.startsWith( 'pageerror' )
					)
				).toEqual( [] );
			} finally {
				setPluginOptions( {
					serviceUrl: session.state.service?.url ?? '',
				} );
			}
		} );
	} );
} );

/** The locator's text contains `text` (waiting for it a little). */
async function expectText(
	locator: ReturnType< Page[ 'locator' ] >,
	text: string
): Promise< void > {
	const found = locator.filter( { hasText: text } ).first();
	await found.waitFor( { timeout: 15000 } );
	expect( await found.textContent() ).toContain( text );
}
