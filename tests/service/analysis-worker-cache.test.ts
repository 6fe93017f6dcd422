/**
 * Analysis workers started from the TypeScript sources (as under jest)
 * keep what they transpiled on disk (src/service/analysis/pool.ts,
 * TS_BOOTSTRAP), so the next pool's workers start without loading
 * TypeScript: seconds for every `rlg check` a test runs in-process.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
	TS_WORKER_CACHE_DIR,
	createAnalysisPool,
	createInlineAnalyzer,
} from '../../src/service/analysis';

const WORKER = path.join(
	__dirname,
	'..',
	'..',
	'src',
	'service',
	'analysis',
	'worker.ts'
);

/**
 * The cache file of worker.ts: TypeScript's version, the compiler options,
 * file name, content.
 */
function cachedWorkerFile(): string {
	const key = crypto
		.createHash( 'sha256' )
		.update( require( 'typescript/package.json' ).version )
		.update( '\0' )
		.update(
			JSON.stringify( {
				module: 'CommonJS',
				target: 'ES2022',
				esModuleInterop: true,
			} )
		)
		.update( '\0' )
		.update( WORKER )
		.update( '\0' )
		.update( fs.readFileSync( WORKER, 'utf8' ) )
		.digest( 'hex' );
	return path.join( TS_WORKER_CACHE_DIR, `${ key }.js` );
}

const REQUEST = {
	html: '<main><p>Thanks to <a href="https://our.example/">Our Example</a>.</p></main><footer><a href="https://our.example/">Our Example</a></footer>',
	baseUrl: 'https://partner.example/post',
	siteUrls: [ 'https://our.example/' ],
};

describe( 'analysis workers from the TypeScript sources', () => {
	it( 'keep the transpiled worker on disk, and a pool started from that cache answers as before', async () => {
		const cached = cachedWorkerFile();
		// Another run may have left it: the first pool must write it anew.
		fs.rmSync( cached, { force: true } );

		const first = createAnalysisPool( { threads: 1 } );
		const fresh = await first
			.analyze( REQUEST )
			.finally( () => first.close() );
		expect( fs.existsSync( cached ) ).toBe( true );
		// CommonJS out of worker.ts, not its TypeScript.
		const output = fs.readFileSync( cached, 'utf8' );
		expect( output ).toContain( 'parentPort' );
		expect( output ).not.toContain( 'export type WorkerTask' );

		const second = createAnalysisPool( { threads: 1 } );
		const fromCache = await second
			.analyze( REQUEST )
			.finally( () => second.close() );
		expect( fromCache ).toEqual( fresh );
		expect( fromCache ).toEqual(
			await createInlineAnalyzer().analyze( REQUEST )
		);
	} );
} );
