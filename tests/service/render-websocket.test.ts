/**
 * Rendered checks close every WebSocket (issue 16, item 5): a partner page
 * that opens WebSockets to a local canary server, rendered with Chromium's
 * own local-network check turned off (--disable-features=
 * LocalNetworkAccessChecks), never reaches the canary. The control proves
 * the canary is reachable from such a browser when nothing closes them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { createFetcher } from '../../src/service/fetch';
import type { Fetcher } from '../../src/service/fetch';
import {
	CHROMIUM_ARGS,
	CHROMIUM_PATH,
	chromiumAvailable,
	createRenderer,
} from '../../src/service/verdicts/render';
import { recordFigures } from '../reliability/figures';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';

const NO_BROWSER_CHECK = '--disable-features=LocalNetworkAccessChecks';
const run = chromiumAvailable() ? describe : describe.skip;

run( 'WebSockets in rendered checks', () => {
	let canary: http.Server;
	let hits: string[];
	let web: PartnerWeb;
	let fetcher: Fetcher;
	let page: string;
	let controlHits = 0;

	beforeAll( async () => {
		hits = [];
		canary = http.createServer( ( _req, res ) => res.end( 'canary' ) );
		canary.on( 'upgrade', ( req, socket ) => {
			hits.push( req.url ?? '' );
			socket.destroy();
		} );
		await new Promise< void >( ( resolve ) =>
			canary.listen( 0, '127.0.0.1', resolve )
		);
		const port = ( canary.address() as AddressInfo ).port;
		page = html(
			`<main><p id="state">waiting</p></main><script>
			for ( const url of [ 'ws://127.0.0.1:${ port }/loopback', 'ws://localhost:${ port }/localhost', 'ws://[::ffff:127.0.0.1]:${ port }/mapped' ] ) {
				try { new WebSocket( url ); } catch ( e ) {}
			}
			const ws = new WebSocket( 'ws://127.0.0.1:${ port }/state' );
			ws.onclose = ( event ) => { document.getElementById( 'state' ).textContent = 'closed ' + event.code; };
			</script>`
		);
		web = await startPartnerWeb( { 'ws.test': { '/': page } } );
		fetcher = createFetcher( { resolveMap: web.resolveMap } );
	} );

	afterAll( async () => {
		await fetcher.close();
		await web.close();
		await new Promise( ( resolve ) => canary.close( resolve ) );
	} );

	it( 'control: with the browser check off and nothing closing them, the page reaches the canary', async () => {
		const browser = await chromium.launch( {
			executablePath: CHROMIUM_PATH,
			args: [ ...CHROMIUM_ARGS, NO_BROWSER_CHECK ],
		} );
		try {
			const context = await browser.newContext();
			await context.route( '**/*', ( route ) =>
				route.fulfill( { contentType: 'text/html', body: page } )
			);
			const tab = await context.newPage();
			await tab.goto( 'http://ws.test/' );
			await tab.waitForTimeout( 1_000 );
			controlHits = hits.length;
			expect( controlHits ).toBeGreaterThan( 0 );
		} finally {
			await browser.close();
			hits.length = 0;
		}
	}, 60_000 );

	it( 'the renderer closes every WebSocket before it connects: 0 canary hits', async () => {
		const renderer = createRenderer( {
			fetcher,
			settleMs: 1_000,
			extraArgs: [ NO_BROWSER_CHECK ],
		} );
		try {
			const outcome = await renderer.render( web.url( 'ws.test', '/' ) );
			expect( outcome.ok ).toBe( true );
			// The page saw its socket closed (1008), by us.
			expect( outcome.ok && outcome.html ).toContain( 'closed 1008' );
			await new Promise( ( resolve ) => setTimeout( resolve, 500 ) );
			recordFigures( 'websocket', {
				socketsOpened: 4,
				controlHits,
				canaryHits: hits.length,
			} );
			expect( hits ).toEqual( [] );
		} finally {
			await renderer.close();
		}
	}, 60_000 );
} );
