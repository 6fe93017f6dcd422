#!/usr/bin/env node
'use strict';
/**
 * `npm run wp:start [-- --port 8888 --fresh]`: prepares the local WordPress
 * (.wp/site, kept between runs) and serves it in the background. Stop it
 * with `npm run wp:stop`.
 */
const { parseArgs } = require( 'node:util' );
const wp = require( './lib' );

async function main() {
	const { values } = parseArgs( {
		options: {
			port: { type: 'string' },
			fresh: { type: 'boolean', default: false },
			'site-dir': { type: 'string' },
		},
	} );
	const siteDir = values[ 'site-dir' ] ?? wp.DEFAULT_SITE_DIR;
	const port = Number(
		values.port ?? process.env.RLG_WP_PORT ?? wp.DEFAULT_PORT
	);
	const url = `http://127.0.0.1:${ port }`;
	const running = wp.runningServer( siteDir );
	if ( running && ( values.fresh || running.url !== url ) ) {
		wp.stopServer( siteDir );
	}
	const site = wp.prepareSite( {
		siteDir,
		url,
		fresh: values.fresh,
		log: ( message ) => console.log( message ),
	} );
	if ( ! wp.runningServer( siteDir ) ) {
		if ( ! ( await wp.isPortFree( port ) ) ) {
			throw new wp.WpEnvError(
				'ERR_PORT_IN_USE',
				`Port ${ port } is in use; pass another with --port.`
			);
		}
		console.log( `Starting PHP's web server on ${ url }…` );
		await wp.startServer( { siteDir, port } );
	}
	console.log(
		`WordPress is running at ${ url }/wp-admin/ (user ${ site.user }, password ${ site.password }).`
	);
	console.log( 'Stop it with `npm run wp:stop`.' );
}

main().catch( ( error ) => {
	console.error( `wp:start: ${ error.message }` );
	process.exit( 2 );
} );
