/**
 * A damaged database (issue 16, item 6): 20 pages of a real rlg.sqlite
 * overwritten. `rlg serve` refuses to start, naming the file and how to
 * restore it (PRAGMA quick_check at start), and /v1/health reads the
 * database, so a store that cannot be read is not reported healthy.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { urlKey } from '../../src/core/url';
import { openStore, siteIdentity } from '../../src/service/store';
import { startTestService } from '../helpers/test-service';
import { runCli } from './cli-harness';
import { SITE_URL, SITE_KEY, startHarness, tempDataDir } from './harness';
import { recordFigures } from '../reliability/figures';

/** A data dir whose rlg.sqlite has a site and a few hundred checks. */
async function populatedDataDir(): Promise< string > {
	const dataDir = tempDataDir();
	const store = openStore( { dataDir } );
	const site = await store.addSite( {
		...siteIdentity( SITE_URL )!,
		secret: SITE_KEY,
	} );
	for ( let i = 0; i < 300; i++ ) {
		const target = `https://p${ i }.example/page`;
		await store.recordChecks( site.id, [
			{
				targetKey: urlKey( target ),
				domain: `p${ i }.example`,
				withHomepage: false,
				result: {
					target,
					status: 'no-link',
					httpStatus: 200,
					detail: 'x'.repeat( 500 ),
					checkedAt: new Date().toISOString(),
					fromCache: false,
					page: null,
					links: [],
				},
			},
		] );
	}
	await store.close();
	// Everything in the main file (no WAL left), as after a clean stop.
	const db = new BetterSqlite3( path.join( dataDir, 'rlg.sqlite' ) );
	db.pragma( 'wal_checkpoint(TRUNCATE)' );
	db.close();
	return dataDir;
}

/** Overwrites `count` pages from page `first` (1-based) with random bytes. */
function overwritePages( file: string, first: number, count: number ): void {
	const db = new BetterSqlite3( file, { readonly: true } );
	const pageSize = db.pragma( 'page_size', { simple: true } ) as number;
	const pages = db.pragma( 'page_count', { simple: true } ) as number;
	db.close();
	expect( pages ).toBeGreaterThan( first + count );
	const fd = fs.openSync( file, 'r+' );
	for ( let page = first; page < first + count; page++ ) {
		fs.writeSync(
			fd,
			crypto.randomBytes( pageSize ),
			0,
			pageSize,
			( page - 1 ) * pageSize
		);
	}
	fs.closeSync( fd );
}

/** For docs/reliability.md (issue 16 item 6). */
const corruption: Record< string, unknown > = { pagesOverwritten: 20 };
afterAll( () => recordFigures( 'store-corruption', corruption ) );

describe( 'a damaged database', () => {
	it( 'is refused at start with ERR_STORE_CORRUPT naming the file and how to restore it', async () => {
		const dataDir = await populatedDataDir();
		const file = path.join( dataDir, 'rlg.sqlite' );
		// Pages in the middle: the schema still reads, the data does not.
		overwritePages( file, 10, 20 );
		try {
			const error = await startTestService( { dataDir } ).then(
				() => null,
				( thrown: Error & { code?: string } ) => thrown
			);
			corruption.startRefusedWith = error?.code ?? null;
			expect( error?.code ).toBe( 'ERR_STORE_CORRUPT' );
			expect( error?.message ).toContain(
				`the database ${ file } is damaged (`
			);
			expect( error?.message ).toContain( 'copy your backup to' );
		} finally {
			fs.rmSync( dataDir, { recursive: true, force: true } );
		}
	} );

	it( 'stops `rlg serve` with exit code 2 and the message, also when even the schema is unreadable', async () => {
		const dataDir = await populatedDataDir();
		const file = path.join( dataDir, 'rlg.sqlite' );
		overwritePages( file, 2, 20 );
		try {
			const run = await runCli( [
				'serve',
				'--port',
				'0',
				'--data-dir',
				dataDir,
			] );
			corruption.serveExitCode = run.exitCode;
			expect( run.exitCode ).toBe( 2 );
			expect( run.stderr ).toContain(
				`the database ${ file } is damaged`
			);
			expect( run.stderr ).toContain( 'copy your backup to' );
		} finally {
			fs.rmSync( dataDir, { recursive: true, force: true } );
		}
	} );

	it( 'an intact database starts (the check costs one pass over the file)', async () => {
		const dataDir = await populatedDataDir();
		try {
			const service = await startTestService( { dataDir } );
			const health = await fetch( `${ service.url }/v1/health` );
			expect( await health.json() ).toMatchObject( {
				ok: true,
				store: 'ok',
			} );
			await service.close();
		} finally {
			fs.rmSync( dataDir, { recursive: true, force: true } );
		}
	} );
} );

describe( '/v1/health', () => {
	it( 'reads the database: a store that cannot be read answers 503, not ok', async () => {
		const harness = await startHarness();
		try {
			const { port } = harness.app.server.address() as AddressInfo;
			const health = () =>
				fetch( `http://127.0.0.1:${ port }/v1/health` );
			const ok = await health();
			expect( ok.status ).toBe( 200 );
			expect( await ok.json() ).toMatchObject( {
				ok: true,
				store: 'ok',
			} );
			// The database goes away under the running service.
			await harness.store.close();
			const broken = await health();
			corruption.healthWhenUnreadable = broken.status;
			expect( broken.status ).toBe( 503 );
			expect( await broken.json() ).toMatchObject( {
				ok: false,
				code: 'ERR_STORE_UNREADABLE',
			} );
		} finally {
			await harness.app.close();
			fs.rmSync( harness.dataDir, { recursive: true, force: true } );
		}
	} );
} );
