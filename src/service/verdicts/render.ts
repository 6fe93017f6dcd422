/**
 * Rendering a partner page in the system Chromium (issue 9), to see links
 * their JavaScript inserts. Opt-in (CheckRequest.rendered / --render) and
 * only where Chromium is installed.
 *
 * The browser never touches the network itself: every request it makes is
 * intercepted (page.route) and answered through OUR guarded fetcher — the
 * page through `fetchPage`, scripts and other GETs through the same guarded
 * dispatcher the scan uses — so the SSRF guard, the `--resolve` map and the
 * size caps apply exactly as for a plain check. Anything else (POSTs,
 * non-http schemes) is aborted. WebSockets never reach `context.route`:
 * `context.routeWebSocket` takes every one and closes it before any
 * connection is made (a partner page's `new WebSocket('ws://10.0.0.5/')`
 * would otherwise be a blind request into our network, stopped only by
 * the browser's own local-network check, which is no guard of ours).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import { RlgError } from '../errors';
import type { Fetcher } from '../fetch';
import { createScanHttp, type FetcherScanHttp } from '../scan/fetch-adapter';

/** What an installed rlg says when a rendered check is asked for without playwright-core. */
export const PLAYWRIGHT_MISSING =
	'rendered checks need the playwright-core package, which the installed rlg package does not include: run `npm install -g playwright-core` (next to a global rlg) and install Chromium (`apt-get install chromium`)';

/**
 * playwright-core, loaded only when a rendered check is asked for. It is a
 * development dependency of this repository, not installed with the
 * package (`npm pack`): without it the check fails with how to add it.
 *
 * @param importer Loads the module (tests pass one that fails).
 */
export async function loadPlaywright(
	importer: () => Promise< typeof import( 'playwright-core' ) > = () =>
		import( 'playwright-core' )
): Promise< typeof import( 'playwright-core' ) > {
	try {
		return await importer();
	} catch ( error ) {
		const code = ( error as NodeJS.ErrnoException ).code;
		if ( code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND' ) {
			throw new RlgError( 'ERR_RENDER_UNAVAILABLE', PLAYWRIGHT_MISSING, {
				cause: error,
			} );
		}
		throw error;
	}
}

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a headless Chromium on a server or container without a
 * sandbox-capable kernel setup, a GPU or a large /dev/shm; the e2e harness
 * starts its browser with the same list.
 */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/** What a browser shows a partner: a current desktop Chrome. */
export const BROWSER_USER_AGENT =
	'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** Subresources (scripts, styles) larger than this are refused. */
const SUBRESOURCE_MAX_BYTES = 2 * 1024 * 1024;

export type RenderOutcome =
	{ ok: true; html: string; finalUrl: string } | { ok: false; error: string };

export interface Renderer {
	render: (
		url: string,
		options?: { timeoutMs?: number }
	) => Promise< RenderOutcome >;
	close: () => Promise< void >;
}

export function chromiumAvailable( executablePath = CHROMIUM_PATH ): boolean {
	try {
		fs.accessSync( executablePath, fs.constants.X_OK );
		return true;
	} catch {
		return false;
	}
}

export interface RendererOptions {
	fetcher: Fetcher;
	executablePath?: string;
	/** Time the page gets to run its scripts after load, in ms (default 1500). */
	settleMs?: number;
	/** Chromium flags beyond CHROMIUM_ARGS (tests turn browser checks off). */
	extraArgs?: string[];
}

/** Close code of every WebSocket a rendered page opens (policy violation). */
export const WEBSOCKET_CLOSE_CODE = 1008;

/**
 * A renderer with one lazily launched browser (fresh user-data-dir,
 * removed on close) and a new page per render.
 */
export function createRenderer( options: RendererOptions ): Renderer {
	const executablePath = options.executablePath ?? CHROMIUM_PATH;
	const settleMs = options.settleMs ?? 1500;
	let launched: Promise< {
		context: BrowserContext;
		userDataDir: string;
		http: FetcherScanHttp;
	} > | null = null;

	async function answer( route: Route, http: FetcherScanHttp ) {
		const request = route.request();
		const url = request.url();
		if ( request.method() !== 'GET' || ! /^https?:/i.test( url ) ) {
			await route.abort( 'blockedbyclient' );
			return;
		}
		try {
			if ( request.isNavigationRequest() ) {
				const outcome = await options.fetcher.fetchPage( url, {
					userAgent: BROWSER_USER_AGENT,
				} );
				if ( outcome.kind !== 'ok' ) {
					await route.abort( 'failed' );
					return;
				}
				await route.fulfill( {
					status: outcome.httpStatus,
					contentType: 'text/html; charset=utf-8',
					body: outcome.html,
				} );
				return;
			}
			const document = await http.get( url, {
				headers: { 'user-agent': BROWSER_USER_AGENT },
				maxBytes: SUBRESOURCE_MAX_BYTES,
			} );
			await route.fulfill( {
				status: document.status,
				contentType:
					document.header( 'content-type' ) ??
					'application/octet-stream',
				body: document.body,
			} );
		} catch {
			// Refused by the guard, too large, unreachable: as if offline.
			await route.abort( 'failed' ).catch( () => undefined );
		}
	}

	function launch() {
		launched ??= ( async () => {
			// Loaded only when a rendered check is asked for.
			const { chromium } = await loadPlaywright();
			const userDataDir = fs.mkdtempSync(
				path.join( os.tmpdir(), 'rlg-chromium-' )
			);
			const http = createScanHttp( options.fetcher );
			const context = await chromium.launchPersistentContext(
				userDataDir,
				{
					executablePath,
					headless: true,
					args: [ ...CHROMIUM_ARGS, ...( options.extraArgs ?? [] ) ],
					userAgent: BROWSER_USER_AGENT,
					serviceWorkers: 'block',
				}
			);
			await context.route( '**/*', ( route ) => answer( route, http ) );
			// Every WebSocket is closed here, never connected to its server.
			await context.routeWebSocket( /.*/, ( ws ) =>
				ws.close( {
					code: WEBSOCKET_CLOSE_CODE,
					reason: 'WebSockets are closed in rendered checks',
				} )
			);
			return { context, userDataDir, http };
		} )();
		// A failed launch is not remembered: the next render tries again.
		launched.catch( () => {
			launched = null;
		} );
		return launched;
	}

	return {
		async render( url, renderOptions = {} ) {
			if ( ! chromiumAvailable( executablePath ) ) {
				return {
					ok: false,
					error: `no Chromium at ${ executablePath }: the rendered check needs it`,
				};
			}
			const timeout = renderOptions.timeoutMs ?? 30_000;
			try {
				const { context } = await launch();
				const page = await context.newPage();
				try {
					const response = await page.goto( url, {
						waitUntil: 'load',
						timeout,
					} );
					if ( ! response ) {
						return { ok: false, error: 'no response' };
					}
					await page
						.waitForLoadState( 'networkidle', {
							timeout: settleMs,
						} )
						.catch( () => undefined );
					return {
						ok: true,
						html: await page.content(),
						finalUrl: page.url(),
					};
				} finally {
					await page.close().catch( () => undefined );
				}
			} catch ( error ) {
				return {
					ok: false,
					error:
						error instanceof RlgError
							? `${ error.code }: ${ error.message }`
							: ( error as Error ).message.split( '\n' )[ 0 ],
				};
			}
		},
		async close() {
			const running = launched;
			launched = null;
			if ( ! running ) {
				return;
			}
			const { context, userDataDir, http } = await running;
			await context.close().catch( () => undefined );
			await http.close().catch( () => undefined );
			fs.rmSync( userDataDir, { recursive: true, force: true } );
		},
	};
}
