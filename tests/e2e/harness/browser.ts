/**
 * Browser helpers for specs: Debian's Chromium (never a downloaded browser)
 * through playwright-core, logging in as a given user, opening the block
 * editor, screenshots, and collecting the page's JavaScript errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type Page,
} from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../src/service/verdicts/render';
import { ROOT, readState, type E2eState } from './state';

export const CHROMIUM_PATH = process.env.RLG_CHROMIUM ?? '/usr/bin/chromium';

/** The service's own flags for an offline, sandbox-less container. */
export { CHROMIUM_ARGS };

export interface Session {
	browser: Browser;
	context: BrowserContext;
	page: Page;
	state: E2eState;
	/** Uncaught exceptions and console errors, except offline noise. */
	errors: string[];
	close: () => Promise< void >;
}

/**
 * Offline side effects of core (welcome-guide images, avatars, fonts): the
 * route below aborts every non-loopback request with this error, so it can
 * only come from those.
 */
function isOfflineNoise( text: string ): boolean {
	return text.includes( 'net::ERR_INTERNET_DISCONNECTED' );
}

/**
 * Where the cookies of `role`'s first login in this e2e run are kept (the
 * run's own temp dir, so never a cookie of an earlier run).
 */
function savedLogin( state: E2eState, role: string ): string {
	return path.join( state.tmpDir, `login-${ role }.json` );
}

/**
 * A new browser context, logged in as `role` (a key of state.users) unless
 * role is null (anonymous).
 *
 * The first session of a role logs in through wp-login.php (login()) and
 * keeps the context's cookies and storage as they are right after it; later
 * sessions of that role start with them instead of logging in again (each
 * login loaded wp-login.php and the dashboard: seconds per session, 20-odd
 * sessions a run). Specs that test logging in call login() themselves.
 */
export async function openSession(
	role: string | null = 'admin',
	options: {
		locale?: string;
		viewport?: { width: number; height: number };
	} = {}
): Promise< Session > {
	const state = readState();
	const saved =
		role !== null && fs.existsSync( savedLogin( state, role ) )
			? savedLogin( state, role )
			: undefined;
	const browser = await chromium.connect( state.browserWsEndpoint );
	const context = await browser.newContext( {
		baseURL: state.wpUrl,
		viewport: options.viewport ?? { width: 1400, height: 1000 },
		locale: options.locale ?? 'en-US',
		storageState: saved,
	} );
	// Nothing outside loopback exists here; fail such requests at once.
	await context.route(
		( url ) => ! [ '127.0.0.1', 'localhost' ].includes( url.hostname ),
		( route ) => route.abort( 'internetdisconnected' )
	);
	const page = await context.newPage();
	const errors: string[] = [];
	page.on( 'pageerror', ( error ) =>
		errors.push( `pageerror: ${ error.message }` )
	);
	page.on( 'console', ( message ) => {
		if ( message.type() !== 'error' ) {
			return;
		}
		const url = message.location().url ?? '';
		if ( ! isOfflineNoise( message.text() ) ) {
			errors.push( `console: ${ message.text() } (${ url })` );
		}
	} );
	if ( role !== null && ! saved ) {
		await login( page, state, role );
		const file = savedLogin( state, role );
		// Written whole, then renamed: never a half-written file to read.
		fs.writeFileSync(
			`${ file }.tmp`,
			JSON.stringify( await context.storageState() )
		);
		fs.renameSync( `${ file }.tmp`, file );
	}
	return {
		browser,
		context,
		page,
		state,
		errors,
		async close() {
			await context.close();
			await browser.close();
		},
	};
}

export async function login(
	page: Page,
	state: E2eState,
	role: string
): Promise< void > {
	const user = state.users[ role ];
	if ( ! user ) {
		throw new Error( `No e2e user for role "${ role }".` );
	}
	await page.goto( '/wp-login.php' );
	await page.fill( '#user_login', user.login );
	await page.fill( '#user_pass', user.password );
	await Promise.all( [
		page.waitForURL( /\/wp-admin\//, { timeout: 20000 } ),
		page.click( '#wp-submit' ),
	] );
}

/**
 * Opens the block editor on a new post (or `postId`) and waits until it is
 * ready: the editor store has a post and the canvas shows the title field.
 */
export async function openEditor(
	page: Page,
	postId?: number
): Promise< void > {
	await page.goto(
		postId
			? `/wp-admin/post.php?post=${ postId }&action=edit`
			: '/wp-admin/post-new.php'
	);
	await page.waitForFunction(
		() => {
			const w = window as unknown as {
				wp?: {
					data?: {
						select: ( store: string ) => {
							getCurrentPostId?: () => unknown;
						};
					};
				};
			};
			return Boolean(
				w.wp?.data?.select( 'core/editor' )?.getCurrentPostId?.()
			);
		},
		null,
		{ timeout: 30000 }
	);
	// Belt and braces: the preference is persisted in global setup already.
	await page.evaluate( () => {
		const w = window as unknown as {
			wp: {
				data: {
					dispatch: (
						store: string
					) => Record< string, ( ...args: unknown[] ) => unknown >;
				};
			};
		};
		w.wp.data
			.dispatch( 'core/preferences' )
			.set( 'core/edit-post', 'welcomeGuide', false );
	} );
	// The canvas is an iframe (block theme): wait until it has styled itself
	// and shows the title, or screenshots catch a blank canvas.
	await page.waitForFunction(
		() => {
			const frame = document.querySelector< HTMLIFrameElement >(
				'iframe[name="editor-canvas"]'
			);
			const doc = frame ? frame.contentDocument : document;
			return Boolean(
				doc &&
				doc.readyState === 'complete' &&
				doc.querySelector(
					'.editor-post-title, .wp-block-post-title'
				) &&
				( ! frame ||
					doc.body.classList.contains( 'editor-styles-wrapper' ) )
			);
		},
		null,
		{ timeout: 30000 }
	);
}

/**
 * Saves a screenshot under tests/e2e/artifacts/<name>.png: the whole page
 * for admin screens, the viewport for the editor (its layout is fixed).
 * `docs: true` also copies it to docs/screenshots/ (committed, linked from
 * the README), so the README always shows what the last e2e run saw.
 */
export async function screenshot(
	page: Page,
	name: string,
	options: { fullPage?: boolean; docs?: boolean } = {}
): Promise< string > {
	const state = readState();
	const file = path.join( state.artifactsDir, `${ name }.png` );
	fs.mkdirSync( path.dirname( file ), { recursive: true } );
	const fullPage = options.fullPage ?? true;
	if ( fullPage ) {
		// A full-page capture of a scrolled page draws WordPress's fixed
		// admin bar where the viewport was, across the page's heading.
		await page.evaluate( () => window.scrollTo( 0, 0 ) );
	}
	await page.screenshot( { path: file, fullPage } );
	if ( options.docs ) {
		const docs = path.join( ROOT, 'docs', 'screenshots' );
		fs.mkdirSync( docs, { recursive: true } );
		fs.copyFileSync( file, path.join( docs, `${ name }.png` ) );
	}
	return file;
}

/** Lines of WordPress's debug.log that come from this plugin's code. */
export function pluginPhpErrors(): string[] {
	const state = readState();
	const log = path.join( state.siteDir, 'wp-content', 'debug.log' );
	if ( ! fs.existsSync( log ) ) {
		return [];
	}
	const root = ROOT;
	return fs
		.readFileSync( log, 'utf8' )
		.split( '\n' )
		.filter(
			( line ) =>
				line.includes( 'reciprocal-link-guard' ) ||
				line.includes( root + '/includes' ) ||
				line.includes( root + '/plugin.php' )
		);
}
