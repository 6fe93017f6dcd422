#!/usr/bin/env node
'use strict';
/**
 * `node scripts/wp/prepare.js [--url http://127.0.0.1:8888] [--site-dir DIR] [--fresh] [--json]`:
 * makes the local WordPress ready (unpacked, installed, plugin active)
 * without serving it. Idempotent; prints where it is and how to log in.
 */
const { parseArgs } = require( 'node:util' );
const wp = require( './lib' );

try {
	const { values } = parseArgs( {
		options: {
			url: { type: 'string' },
			'site-dir': { type: 'string' },
			fresh: { type: 'boolean', default: false },
			json: { type: 'boolean', default: false },
		},
	} );
	const site = wp.prepareSite( {
		siteDir: values[ 'site-dir' ],
		url: values.url,
		fresh: values.fresh,
		log: values.json ? undefined : ( message ) => console.log( message ),
	} );
	console.log(
		values.json
			? JSON.stringify( site )
			: `WordPress is ready in ${ site.siteDir } for ${ site.url } (user ${ site.user }, password ${ site.password }).`
	);
} catch ( error ) {
	console.error( `wp:prepare: ${ error.message }` );
	process.exit( 2 );
}
