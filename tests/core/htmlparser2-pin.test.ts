/**
 * src/core/extract/tokenizer.ts drives htmlparser2's Tokenizer through its
 * private fields and state numbers, as they are in htmlparser2 10.1.0 (see
 * "Why tokenizer.ts drives htmlparser2's Tokenizer" in the extract README).
 * Another version may change them silently: the probe would then switch to
 * the 2x slower stock loop, or, worse, a change the probe page does not
 * exercise could alter what the model sees. So the version is pinned
 * exactly, and this test fails loudly when package.json, the lockfile or
 * node_modules move away from it. To upgrade: read the new Tokenizer's
 * source against tokenizer.ts, run tests/core/extract-tokenizer.test.ts and
 * the benchmark, then change VERIFIED here and in package.json together.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fastTokenizerActive } from '../../src/core/extract/tokenizer';

/** The htmlparser2 version tokenizer.ts was written and verified against. */
const VERIFIED = '10.1.0';

const ROOT = path.join( __dirname, '../..' );

function json( file: string ): Record< string, any > {
	return JSON.parse( fs.readFileSync( path.join( ROOT, file ), 'utf8' ) );
}

describe( 'htmlparser2 pin for the fast tokenizer', () => {
	it( `is pinned exactly to ${ VERIFIED } in package.json (no range)`, () => {
		expect( json( 'package.json' ).dependencies.htmlparser2 ).toBe(
			VERIFIED
		);
	} );

	it( `is ${ VERIFIED } in package-lock.json and in node_modules`, () => {
		const lock = json( 'package-lock.json' );
		expect( lock.packages[ '' ].dependencies.htmlparser2 ).toBe( VERIFIED );
		expect( lock.packages[ 'node_modules/htmlparser2' ].version ).toBe(
			VERIFIED
		);
		const installed = JSON.parse(
			fs.readFileSync(
				path.join( ROOT, 'node_modules/htmlparser2/package.json' ),
				'utf8'
			)
		);
		expect( installed.version ).toBe( VERIFIED );
	} );

	it( 'runs the fast loop with it (the probe matched the stock Tokenizer)', () => {
		expect( fastTokenizerActive() ).toBe( true );
	} );
} );
