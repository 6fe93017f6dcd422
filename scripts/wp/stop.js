#!/usr/bin/env node
'use strict';
/** `npm run wp:stop`: stops the local WordPress server started by wp:start. */
const { parseArgs } = require( 'node:util' );
const wp = require( './lib' );

const { values } = parseArgs( {
	options: { 'site-dir': { type: 'string' } },
} );
const stopped = wp.stopServer( values[ 'site-dir' ] ?? wp.DEFAULT_SITE_DIR );
console.log( stopped ? 'WordPress stopped.' : 'WordPress was not running.' );
