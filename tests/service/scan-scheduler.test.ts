/**
 * The scan scheduler: connected sites are re-scanned when their last scan
 * is older than the interval, sites without a key never are, and a scan
 * left `running` by a process that died is resumed on start.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { createScanRuntime } from '../../src/service/scan/runtime';
import type { ScanRuntime } from '../../src/service/scan/runtime';
import { createScanScheduler } from '../../src/service/scan/scheduler';
import { openStore } from '../../src/service/store';
import type { SiteRecord, SqliteStore } from '../../src/service/store';
import { startPartnerWeb } from '../helpers/partner-web';
import type { PartnerWeb } from '../helpers/partner-web';
import { bindFakeWordPress, createFakeWordPress } from '../helpers/fake-sites';

describe( 'scan scheduler', () => {
	let web: PartnerWeb;
	let dataDir: string;
	let store: SqliteStore;
	let runtime: ScanRuntime;
	let connected: SiteRecord;
	let unconnected: SiteRecord;

	beforeAll( async () => {
		const sites = [ 'sched.test', 'nokey.test' ].map( ( host ) => {
			const wp = createFakeWordPress( { host } );
			wp.add( { title: 'Hello', content: '<p>No links.</p>' } );
			return wp;
		} );
		web = await startPartnerWeb( {
			'sched.test': { '*': sites[ 0 ].handler },
			'nokey.test': { '*': sites[ 1 ].handler },
		} );
		sites.forEach( ( wp ) => bindFakeWordPress( wp, web ) );
		dataDir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-sched-' ) );
		store = openStore( { dataDir } );
		connected = await store.addSite( {
			url: web.url( 'sched.test' ),
			siteKey: new URL( web.url( 'sched.test' ) ).host,
			secret: 'c'.repeat( 64 ),
		} );
		unconnected = await store.ensureSite( {
			url: web.url( 'nokey.test' ),
			siteKey: new URL( web.url( 'nokey.test' ) ).host,
		} );
		runtime = createScanRuntime( {
			store,
			settings: DEFAULT_SETTINGS,
			fetcher: { resolveMap: web.resolveMap },
		} );
	} );

	afterAll( async () => {
		await runtime.close();
		await store.close();
		await web.close();
		fs.rmSync( dataDir, { recursive: true, force: true } );
	} );

	it( 're-scans connected sites whose last scan is older than the interval, and only those', async () => {
		let now = Date.now();
		const scheduler = createScanScheduler( {
			store,
			scanStore: runtime.scanStore,
			scanner: runtime.scanner,
			intervalHours: 24,
			now: () => now,
		} );
		await scheduler.tick();
		const first = await runtime.scanStore.latestScan( connected.id );
		expect( first ).toMatchObject( { state: 'done', full: true } );
		expect(
			await runtime.scanStore.latestScan( unconnected.id )
		).toBeNull();

		await scheduler.tick();
		expect(
			( await runtime.scanStore.latestScan( connected.id ) )?.id
		).toBe( first!.id );

		now += 25 * 3_600_000;
		await scheduler.tick();
		const second = await runtime.scanStore.latestScan( connected.id );
		expect( second ).toMatchObject( {
			state: 'done',
			full: false,
			modifiedAfter: first!.startedAt,
		} );
		expect( second!.id ).toBeGreaterThan( first!.id );
		await scheduler.stop();
	} );

	it( 'resumes on start a scan whose process died, even with re-scanning off', async () => {
		// A process id that is certainly not running any more.
		const deadPid = spawnSync( process.execPath, [ '-e', '' ] ).pid!;
		const orphan = await runtime.scanStore.createScan( {
			siteId: unconnected.id,
			site: unconnected.url,
			source: 'wp-rest',
			sitemapUrl: null,
			full: true,
			modifiedAfter: null,
			ownerPid: deadPid,
		} );
		const scheduler = createScanScheduler( {
			store,
			scanStore: runtime.scanStore,
			scanner: runtime.scanner,
			intervalHours: 0,
		} );
		scheduler.start();
		await scheduler.tick();
		await scheduler.stop();
		expect( await runtime.scanStore.getScan( orphan.id ) ).toMatchObject( {
			state: 'done',
			postsRead: 1,
			ownerPid: process.pid,
		} );
	} );
} );
