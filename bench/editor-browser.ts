/**
 * Benchmark 6 (issue 20): the block editor in Chromium against a real
 * WordPress 6.5 (Debian php -S, SQLite) with the link check service and a
 * local partner web, on posts with 10, 100 and 1,000 links. Each figure of
 * the plugin is set against the same page with the plugin deactivated, in
 * the same run:
 *
 *   - total blocking time during load (long tasks' time over 50 ms, from
 *     navigation until 2 s after the results are shown, or after the canvas
 *     for the baseline), and the longest task;
 *   - typing: keydown → next animation frame (performance.now()), p50/p95 of
 *     40 keystrokes, after load (cached) and while a first check runs;
 *   - when results are shown, from the canvas's first block (cached and
 *     first check), and how many targets ended failed;
 *   - opening the sidebar after load: dispatch → rows rendered → next frame.
 *
 * The plugin's sidebar is open from the start (the worst case; the
 * baseline has the document sidebar open). Nothing here asserts a number.
 *
 * With RLG_BENCH_PROFILE=<dir>, each plugin-on load (first, cached) also
 * records a CPU profile of the page (CDP Profiler, from navigation to the
 * end of the window) to <dir>/editor-<links>-<first|cached>.cpuprofile;
 * `node build/bench/bench/lib/cpu-profile.js <file>` summarises one (the
 * plugin's share, by script and by function), and the typing with results
 * cached to editor-<links>-cached-typing.cpuprofile, and the opening of
 * the sidebar to editor-<links>-sidebar-open.cpuprofile (<links>: the
 * links the post's analysis holds). Profiling slows the
 * page, so figures of a profiled run are not comparable with an unprofiled
 * one. With RLG_BENCH_TIMELINE=1, each load's requests and long tasks are
 * written to stderr (followRequests).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { startService } from '../src/service/api/server';
import { silentLogger } from '../src/service/logger';
import { openStore, siteIdentity } from '../src/service/store';
import { CHROMIUM_ARGS } from '../src/service/verdicts/render';
import { repoRoot } from './lib/corpus';
import { startFixtureWeb, type FixtureWeb } from './lib/fixture-web';
import { round } from './lib/stats';

/** scripts/wp/lib.js is plain CommonJS outside the compiled tree. */
type WpLib = typeof import( '../scripts/wp/lib' );

const STORE = 'reciprocal-link-guard/editor';
const SIDEBAR = 'reciprocal-link-guard/reciprocal-links';
const KEYSTROKES = 40;

export interface LoadFigures {
	/** Total blocking time (ms) from navigation to the end of the window. */
	tbtMs: number;
	longestTaskMs: number;
	/** Long tasks over 100 ms. */
	tasksOver100: number;
	/** The canvas showed its first block (ms after navigation). */
	canvasMs: number;
	/** Results shown, ms after the canvas (null for the baseline). */
	resultsAfterCanvasMs: number | null;
	failed: number;
	targets: number;
}

export interface TypingFigures {
	p50Ms: number;
	p95Ms: number;
	maxMs: number;
}

export interface SizeResult {
	links: number;
	off: LoadFigures & { typing: TypingFigures };
	first: LoadFigures;
	cached: LoadFigures & { typing: TypingFigures };
	/** Typing while a first check of another copy of the post runs. */
	typingWhileChecking: TypingFigures & { checksRunning: boolean };
	sidebarOpenMs: { off: number; on: number };
}

export interface EditorBrowserResult {
	wordpress: string;
	sizes: SizeResult[];
	bundle: { editorJsBytes: number; editorJsGzipBytes: number };
}

/** Runs in every frame before the page's scripts: long tasks and key latency. */
function instrument(): void {
	const w = window as unknown as {
		__rlgBench?: { tasks: number[][]; keys: number[] };
	};
	if ( window === window.top ) {
		w.__rlgBench = { tasks: [], keys: [] };
		new PerformanceObserver( ( list ) => {
			for ( const entry of list.getEntries() ) {
				w.__rlgBench!.tasks.push( [ entry.startTime, entry.duration ] );
			}
		} ).observe( { type: 'longtask', buffered: true } );
	}
	document.addEventListener(
		'keydown',
		() => {
			const top = window.top as unknown as typeof w & {
				performance: Performance;
			};
			const t0 = top.performance.now();
			requestAnimationFrame( () => {
				top.__rlgBench?.keys.push( top.performance.now() - t0 );
			} );
		},
		true
	);
}

function tbt( tasks: number[][], until: number ): number {
	return tasks
		.filter( ( [ start ] ) => start <= until )
		.reduce(
			( sum, [ , duration ] ) => sum + Math.max( 0, duration - 50 ),
			0
		);
}

function typingFigures( keys: number[] ): TypingFigures {
	const sorted = [ ...keys ].sort( ( a, b ) => a - b );
	const at = ( p: number ) =>
		sorted[
			Math.min( sorted.length - 1, Math.floor( p * sorted.length ) )
		] ?? 0;
	return {
		p50Ms: round( at( 0.5 ), 1 ),
		p95Ms: round( at( 0.95 ), 1 ),
		maxMs: round( sorted[ sorted.length - 1 ] ?? 0, 1 ),
	};
}

/** The frame holding the blocks (the iframe canvas from 6.3 with block themes). */
function canvas( page: Page ): Frame {
	return (
		page.frames().find( ( f ) => f.name() === 'editor-canvas' ) ??
		page.mainFrame()
	);
}

async function waitForCanvas( page: Page ): Promise< number > {
	// The canvas iframe appears with the editor; its blocks a little later.
	const deadline = Date.now() + 60_000;
	while ( Date.now() < deadline ) {
		const frame = canvas( page );
		const found = await frame
			.evaluate( () => !! document.querySelector( '[data-block]' ) )
			.catch( () => false );
		if ( found ) {
			return page.evaluate( () => performance.now() );
		}
		await page.waitForTimeout( 25 );
	}
	throw new Error( 'the editor canvas showed no block within 60 s' );
}

/**
 * Every external target has a finished check in the store and the
 * analysis (findings) is of those results: when, and how many failed.
 */
async function waitForResults(
	page: Page
): Promise< { at: number; failed: number; targets: number } > {
	const handle = await page.waitForFunction(
		( store ) => {
			const data = ( window as any ).wp?.data;
			const s = data?.select( store );
			const analysis = s?.getAnalysis();
			if ( ! analysis ) {
				return false;
			}
			const checks = s.getChecks();
			const keys = new Set< string >(
				analysis.links
					.filter( ( l: any ) => l.external )
					.map( ( l: any ) => l.key )
			);
			let failed = 0;
			for ( const key of keys ) {
				const state = checks[ key ]?.state;
				if ( state !== 'done' && state !== 'failed' ) {
					return false;
				}
				failed += state === 'failed' ? 1 : 0;
			}
			// Shown means with their findings: the analysis of these
			// results, not only the statuses.
			if ( s.isAnalysisCurrent && ! s.isAnalysisCurrent() ) {
				return false;
			}
			return { at: performance.now(), failed, targets: keys.size };
		},
		STORE,
		{ polling: 100, timeout: 600_000 }
	);
	return ( await handle.jsonValue() ) as {
		at: number;
		failed: number;
		targets: number;
	};
}

async function tasksOf( page: Page ): Promise< number[][] > {
	return page.evaluate(
		() => ( window as any ).__rlgBench.tasks as number[][]
	);
}

async function typeInFirstParagraph(
	page: Page,
	/** With RLG_BENCH_PROFILE: a CPU profile of the typing, under this name. */
	profileAs?: string
): Promise< number[] > {
	const profileDir = process.env.RLG_BENCH_PROFILE;
	const profiler =
		profileDir && profileAs
			? await page.context().newCDPSession( page )
			: null;
	if ( profiler ) {
		await profiler.send( 'Profiler.enable' );
		await profiler.send( 'Profiler.setSamplingInterval', {
			interval: 200,
		} );
		await profiler.send( 'Profiler.start' );
	}
	const keys = await typeKeys( page );
	if ( profiler && profileDir ) {
		const { profile } = await profiler.send( 'Profiler.stop' );
		fs.mkdirSync( profileDir, { recursive: true } );
		fs.writeFileSync(
			path.join( profileDir, `editor-${ profileAs }.cpuprofile` ),
			JSON.stringify( profile )
		);
		await profiler.detach();
	}
	return keys;
}

async function typeKeys( page: Page ): Promise< number[] > {
	const frame = canvas( page );
	await page.evaluate( () => {
		( window as any ).__rlgBench.keys = [];
	} );
	await frame.locator( '[data-type="core/paragraph"]' ).first().click();
	await page.keyboard.press( 'End' );
	for ( let i = 0; i < KEYSTROKES; i++ ) {
		await page.keyboard.type( 'abcdefghij'[ i % 10 ] );
		await page.waitForTimeout( 70 );
	}
	await page.waitForTimeout( 300 );
	return page.evaluate( () => ( window as any ).__rlgBench.keys as number[] );
}

/**
 * With RLG_BENCH_TIMELINE set: each load's plugin REST requests (start and
 * end, ms after navigation, and the answer's size), when the canvas and the
 * results showed, and the long tasks, written to stderr. Where the time
 * between the canvas and the results goes (issue 20). A request's end is
 * Playwright's responseEnd, which can be up to a few hundred ms later than
 * the page saw the answer.
 */
function followRequests( page: Page ) {
	const lines: Array< Promise< string > > = [];
	page.on( 'requestfinished', ( request ) => {
		const url = request.url();
		const at = url.indexOf( 'reciprocal-link-guard/v1' );
		if ( at < 0 ) {
			return;
		}
		const { startTime, responseEnd } = request.timing();
		lines.push(
			request
				.sizes()
				.then(
					( sizes ) =>
						`${ request.method() } ${ url.slice( at + 24, at + 84 ) } ` +
						`@${ startTime }+${ responseEnd } ${ sizes.responseBodySize } B`
				)
		);
	} );
	return {
		async report(
			name: string,
			canvasMs: number,
			resultsMs: number,
			tasks: number[][]
		): Promise< string > {
			const origin = await page.evaluate( () => performance.timeOrigin );
			const requests = ( await Promise.all( lines ) ).map( ( line ) =>
				line.replace( /@([\d.]+)\+([\d.]+)/, ( _all, start, end ) => {
					const from = Number( start ) - origin;
					return `start ${ round( from, 0 ) } end ${ round(
						from + Number( end ),
						0
					) }`;
				} )
			);
			const long = tasks
				.map(
					( [ start, ms ] ) =>
						`${ round( start, 0 ) }+${ round( ms, 0 ) }`
				)
				.join( ' ' );
			return [
				`timeline ${ name }: canvas ${ round( canvasMs, 0 ) } ms, results ${ round(
					resultsMs,
					0
				) } ms after navigation`,
				...requests.map( ( line ) => `  ${ line }` ),
				`  long tasks (start+ms): ${ long }`,
				'',
			].join( '\n' );
		},
	};
}

export async function runEditorBrowser( options: {
	quick: boolean;
	/** Links per post (default 10, 100, 1,000; quick: 10, 100). */
	sizes?: number[];
} ): Promise< EditorBrowserResult > {
	const root = repoRoot();
	const wp = require( path.join( root, 'scripts', 'wp', 'lib.js' ) ) as WpLib;
	const { chromium } = await import( 'playwright-core' );
	const sizes =
		options.sizes ?? ( options.quick ? [ 10, 100 ] : [ 10, 100, 1000 ] );
	const tmp = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-bench-editor-' ) );
	const cleanup: Array< () => unknown > = [];
	try {
		const wpPort = await wp.freePort();
		const wpUrl = `http://127.0.0.1:${ wpPort }`;
		const siteDir = path.join( tmp, 'wordpress' );
		wp.prepareSite( { siteDir, url: wpUrl } );
		const server = await wp.startServer( {
			siteDir,
			port: wpPort,
			logFile: path.join( tmp, 'php.log' ),
		} );
		cleanup.push( () => wp.stopProcessGroup( server.pid ) );

		const web: FixtureWeb = await startFixtureWeb( {
			hosts: 100,
			pagesPerHost: 10,
			servers: 2,
			ourOrigin: wpUrl,
			linkBackEvery: 3,
			slowEvery: 0,
			slowMs: 0,
		} );
		cleanup.push( () => web.close() );

		const key = randomBytes( 32 ).toString( 'hex' );
		const dataDir = path.join( tmp, 'service' );
		fs.mkdirSync( dataDir );
		const setup = openStore( { dataDir } );
		await setup.addSite( {
			...siteIdentity( `${ wpUrl }/` )!,
			secret: key,
		} );
		await setup.close();
		const service = await startService( {
			dataDir,
			host: '127.0.0.1',
			port: 0,
			settings: DEFAULT_SETTINGS,
			logger: silentLogger(),
			resolve: web.resolveEntries,
		} );
		cleanup.push( () => service.close() );

		const php = ( code: string ) =>
			wp.wpEval( siteDir, code, { url: wpUrl } );
		php( `update_option( 'rlg_settings', array_merge( (array) get_option( 'rlg_settings', array() ), array( 'serviceUrl' => '${ service.url }', 'siteKey' => '${ key }' ) ) );
			update_option( 'show_avatars', 0 );
			update_user_meta( 1, $GLOBALS['wpdb']->get_blog_prefix() . 'persisted_preferences', array( 'core/edit-post' => array( 'welcomeGuide' => false ), 'core' => array( 'enableChoosePatternModal' => false ), '_modified' => gmdate( 'c' ) ) );` );

		/** A post of `links` links in paragraphs of 10, to targets marked `variant`. */
		const createPost = ( links: number, variant: string ): number => {
			const paragraphs: string[] = [];
			for ( let start = 0; start < links; start += 10 ) {
				const anchors: string[] = [];
				for ( let i = start; i < Math.min( links, start + 10 ); i++ ) {
					const url = `${ web.namedUrl( i % 100, Math.floor( i / 100 ) % 10 ) }?v=${ variant }`;
					anchors.push(
						`<a href="${ url }">partner page ${ i }</a>`
					);
				}
				paragraphs.push(
					`<!-- wp:paragraph -->\n<p>Further reading on growing vegetables: ${ anchors.join( ', ' ) }.</p>\n<!-- /wp:paragraph -->`
				);
			}
			const content = Buffer.from( paragraphs.join( '\n\n' ) ).toString(
				'base64'
			);
			return Number(
				php(
					`echo wp_insert_post( array( 'post_title' => 'Resources (${ links } links)', 'post_status' => 'draft', 'post_content' => base64_decode( '${ content }' ) ) );`
				).trim()
			);
		};
		const setPlugin = ( active: boolean ) =>
			php(
				`require_once ABSPATH . 'wp-admin/includes/plugin.php'; ` +
					( active
						? `activate_plugin( '${ wp.PLUGIN_SLUG }/plugin.php' );`
						: `deactivate_plugins( '${ wp.PLUGIN_SLUG }/plugin.php' );` )
			);

		const browser: Browser = await chromium.launch( {
			executablePath: process.env.RLG_CHROMIUM ?? '/usr/bin/chromium',
			args: CHROMIUM_ARGS,
			headless: true,
		} );
		cleanup.push( () => browser.close() );
		const context = await browser.newContext( {
			viewport: { width: 1400, height: 1000 },
		} );
		await context.route(
			( url ) => ! [ '127.0.0.1', 'localhost' ].includes( url.hostname ),
			( route ) => route.abort( 'internetdisconnected' )
		);
		await context.addInitScript( instrument );
		const login = await context.newPage();
		await login.goto( `${ wpUrl }/wp-login.php` );
		await login.fill( '#user_login', wp.ADMIN_USER );
		await login.fill( '#user_pass', wp.ADMIN_PASSWORD );
		await Promise.all( [
			login.waitForNavigation(),
			login.click( '#wp-submit' ),
		] );
		await login.close();

		/** Opens the editor on `postId` with `sidebar` open from the start. */
		const profileDir = process.env.RLG_BENCH_PROFILE;
		const load = async (
			postId: number,
			sidebar: string | null,
			withResults: boolean,
			profileAs?: string
		): Promise< { page: Page; figures: LoadFigures } > => {
			const page = await context.newPage();
			const profiler =
				profileDir && profileAs
					? await context.newCDPSession( page )
					: null;
			if ( profiler ) {
				await profiler.send( 'Profiler.enable' );
				await profiler.send( 'Profiler.setSamplingInterval', {
					interval: 200,
				} );
				await profiler.send( 'Profiler.start' );
			}
			if ( sidebar ) {
				await page.addInitScript( ( name: string ) => {
					const timer = setInterval( () => {
						const data = ( window as any ).wp?.data;
						const editPost = data?.select( 'core/edit-post' );
						if ( ! editPost ) {
							return;
						}
						clearInterval( timer );
						data.dispatch( 'core/edit-post' ).openGeneralSidebar(
							name
						);
					}, 20 );
				}, sidebar );
			}
			const timeline = process.env.RLG_BENCH_TIMELINE
				? followRequests( page )
				: null;
			await page.goto(
				`${ wpUrl }/wp-admin/post.php?post=${ postId }&action=edit`
			);
			const canvasMs = await waitForCanvas( page );
			let resultsAt = canvasMs;
			let failed = 0;
			let targets = 0;
			if ( withResults ) {
				const results = await waitForResults( page );
				resultsAt = results.at;
				failed = results.failed;
				targets = results.targets;
			}
			await page.waitForTimeout( 2000 );
			if ( profiler && profileDir ) {
				const { profile } = await profiler.send( 'Profiler.stop' );
				fs.mkdirSync( profileDir, { recursive: true } );
				fs.writeFileSync(
					path.join( profileDir, `editor-${ profileAs }.cpuprofile` ),
					JSON.stringify( profile )
				);
				await profiler.detach();
			}
			const tasks = await tasksOf( page );
			const until = resultsAt + 2000;
			if ( timeline ) {
				process.stderr.write(
					await timeline.report(
						profileAs ?? sidebar ?? 'page',
						canvasMs,
						resultsAt,
						tasks.filter( ( [ start ] ) => start <= until )
					)
				);
			}
			const within = tasks.filter( ( [ start ] ) => start <= until );
			return {
				page,
				figures: {
					tbtMs: round( tbt( tasks, until ), 0 ),
					longestTaskMs: round(
						Math.max( 0, ...within.map( ( t ) => t[ 1 ] ) ),
						0
					),
					tasksOver100: within.filter( ( t ) => t[ 1 ] > 100 ).length,
					canvasMs: round( canvasMs, 0 ),
					resultsAfterCanvasMs: withResults
						? round( resultsAt - canvasMs, 0 )
						: null,
					failed,
					targets,
				},
			};
		};

		const openSidebarMs = async (
			postId: number,
			name: string,
			rowSelector: string
		) => {
			const { page } = await load( postId, null, name === SIDEBAR );
			// With RLG_BENCH_PROFILE: the opening of our sidebar profiled.
			const profiler =
				profileDir && name === SIDEBAR
					? await context.newCDPSession( page )
					: null;
			if ( profiler ) {
				await profiler.send( 'Profiler.enable' );
				await profiler.send( 'Profiler.setSamplingInterval', {
					interval: 100,
				} );
				await profiler.send( 'Profiler.start' );
			}
			const ms = await page.evaluate(
				async ( [ sidebar, selector ] ) => {
					const t0 = performance.now();
					( window as any ).wp.data
						.dispatch( 'core/edit-post' )
						.openGeneralSidebar( sidebar );
					while ( ! document.querySelector( selector ) ) {
						await new Promise( ( r ) =>
							requestAnimationFrame( r )
						);
					}
					await new Promise( ( r ) => requestAnimationFrame( r ) );
					return performance.now() - t0;
				},
				[ name, rowSelector ] as const
			);
			if ( profiler && profileDir ) {
				const { profile } = await profiler.send( 'Profiler.stop' );
				fs.mkdirSync( profileDir, { recursive: true } );
				const links = ( await page.evaluate(
					( store ) =>
						( window as any ).wp.data.select( store ).getAnalysis()
							?.links.length ?? 0,
					STORE
				) ) as number;
				fs.writeFileSync(
					path.join(
						profileDir,
						`editor-${ links }-sidebar-open.cpuprofile`
					),
					JSON.stringify( profile )
				);
				await profiler.detach();
			}
			await page.close();
			return round( ms, 0 );
		};

		const posts = new Map< number, { main: number; other: number } >();
		for ( const links of sizes ) {
			posts.set( links, {
				main: createPost( links, `main-${ links }` ),
				other: createPost( links, `other-${ links }` ),
			} );
		}

		// Baseline: the plugin deactivated.
		setPlugin( false );
		const baseline = new Map<
			number,
			SizeResult[ 'off' ] & { sidebarOpenMs: number }
		>();
		for ( const links of sizes ) {
			const { main } = posts.get( links )!;
			const { page, figures } = await load(
				main,
				'edit-post/document',
				false
			);
			const typing = typingFigures( await typeInFirstParagraph( page ) );
			await page.close();
			const sidebarOpenMs = await openSidebarMs(
				main,
				'edit-post/document',
				'.editor-post-summary, .edit-post-post-status, .editor-post-panel__row'
			);
			baseline.set( links, { ...figures, typing, sidebarOpenMs } );
		}

		setPlugin( true );
		const results: SizeResult[] = [];
		for ( const links of sizes ) {
			const { main, other } = posts.get( links )!;
			const first = await load( main, SIDEBAR, true, `${ links }-first` );
			await first.page.close();
			const cached = await load(
				main,
				SIDEBAR,
				true,
				`${ links }-cached`
			);
			const cachedTyping = typingFigures(
				await typeInFirstParagraph(
					cached.page,
					`${ links }-cached-typing`
				)
			);
			await cached.page.close();

			// Typing while the first check of the other copy runs.
			const page = await context.newPage();
			await page.addInitScript( ( name: string ) => {
				const timer = setInterval( () => {
					const data = ( window as any ).wp?.data;
					if ( data?.select( 'core/edit-post' ) ) {
						clearInterval( timer );
						data.dispatch( 'core/edit-post' ).openGeneralSidebar(
							name
						);
					}
				}, 20 );
			}, SIDEBAR );
			await page.goto(
				`${ wpUrl }/wp-admin/post.php?post=${ other }&action=edit`
			);
			await waitForCanvas( page );
			const keys = await typeInFirstParagraph( page );
			const checksRunning = await page.evaluate(
				( store ) =>
					( window as any ).wp.data.select( store ).isChecking(),
				STORE
			);
			await page.close();

			const off = baseline.get( links )!;
			const sidebarOn = await openSidebarMs(
				main,
				SIDEBAR,
				'.rlg-sidebar .rlg-item, .rlg-sidebar__summary'
			);
			results.push( {
				links,
				off,
				first: first.figures,
				cached: { ...cached.figures, typing: cachedTyping },
				typingWhileChecking: {
					...typingFigures( keys ),
					checksRunning,
				},
				sidebarOpenMs: { off: off.sidebarOpenMs, on: sidebarOn },
			} );
			process.stderr.write(
				`bench: editor-browser ${ links } links done\n`
			);
		}

		const bundle = path.join( root, 'build', 'assets', 'editor.js' );
		const bytes = fs.readFileSync( bundle );
		return {
			wordpress: wp.WP_VERSION,
			sizes: results,
			bundle: {
				editorJsBytes: bytes.length,
				editorJsGzipBytes: ( await import( 'node:zlib' ) ).gzipSync(
					bytes
				).length,
			},
		};
	} finally {
		for ( const stop of cleanup.reverse() ) {
			try {
				await stop();
			} catch {
				// Best effort: the temp dir goes too.
			}
		}
		fs.rmSync( tmp, { recursive: true, force: true } );
	}
}
