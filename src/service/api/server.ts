/**
 * The running service: store + live checker + HTTP app, listening. Used by
 * `rlg serve` and by tests that need the real thing end to end.
 */
import type { FastifyInstance } from 'fastify';
import type { Settings } from '../../core/settings';
import {
	createSettingsResolver,
	createSiteCheckService,
} from '../site-settings';
import { createLiveChecker } from '../live-checker';
import { createStoredPartnerGraph } from '../backlink-import/graph-edges';
import type { FetcherOptions } from '../fetch/fetch-page';
import { isLoopbackHost } from '../config';
import { RlgError } from '../errors';
import type { Logger } from '../logger';
import { connectStore, describeStore } from '../store';
import type { Store } from '../store';
import { buildApp } from './app';
import type { ServerLimits } from './server-limits';
import { createScanRuntime } from '../scan/runtime';
import type { ScanRuntime } from '../scan/runtime';
import { createScanScheduler } from '../scan/scheduler';
import { startClusterApi } from '../cluster/api-node';
import type { ClusterApi } from '../cluster/api-node';

export interface StartServiceOptions {
	dataDir: string;
	/** A PostgreSQL URL: the store is there instead of in `dataDir`. */
	databaseUrl?: string | null;
	host: string;
	/** 0 picks a free port. */
	port: number;
	settings: Settings;
	logger: Logger;
	/** curl-style `host:port:address` entries (tests, demos). */
	resolve?: string[];
	bodyLimit?: number;
	/** Fetcher tuning (timeouts, caps); defaults are the fetcher's. */
	fetcher?: Partial< FetcherOptions >;
	/** Re-scan connected sites every this many hours (0 or absent: never). */
	scanEveryHours?: number;
	/** HTTP timeouts and the per-address connection cap. */
	limits?: Partial< ServerLimits >;
}

export interface RunningService {
	/** Base URL, e.g. http://127.0.0.1:8787 */
	url: string;
	app: FastifyInstance;
	store: Store;
	/** Stop accepting requests, finish the ones in flight, close everything. */
	close: () => Promise< void >;
}

export async function startService(
	options: StartServiceOptions
): Promise< RunningService > {
	// A damaged SQLite database is refused here, with how to restore it,
	// rather than found by every request answering 500 (issue 16, item 6).
	const store = await connectStore( { ...options, verify: true } );
	let live: ReturnType< typeof createLiveChecker > | undefined;
	let scanning: ScanRuntime | undefined;
	let cluster: ClusterApi | undefined;
	try {
		if (
			! isLoopbackHost( options.host ) &&
			( await store.countSitesWithKeys() ) === 0
		) {
			throw new RlgError(
				'ERR_NO_SITE_KEYS',
				`refusing to listen on ${ options.host }: no site keys are registered in ${ describeStore(
					options
				) }. ` +
					'Register a site first (rlg sites add https://your.site) or listen on 127.0.0.1.'
			);
		}
		// On PostgreSQL the node is one of a cluster: check jobs and scans
		// go through the queue to `rlg worker`s, and its own fetches (for
		// /v1/check) keep the cluster-wide per-host limits.
		cluster = options.databaseUrl
			? await startClusterApi( {
					databaseUrl: options.databaseUrl,
					logger: options.logger,
				} )
			: undefined;
		const fetcher = cluster
			? {
					...options.fetcher,
					hostGate: cluster.hostGate,
					robotsStore: cluster.robotsStore,
				}
			: options.fetcher;
		live = createLiveChecker( {
			resolve: options.resolve,
			logger: options.logger,
			fetcher,
		} );
		// One partner graph (pages read, backlinks imported) for every
		// site's check service: an import through the API drops it.
		const graph = createStoredPartnerGraph( store );
		// Each site checked with its own settings (PUT /v1/site/settings).
		const checkService = createSiteCheckService( {
			store,
			checker: live.checker,
			settingsFor: createSettingsResolver( store, options.settings ),
			logger: options.logger,
			graph,
		} );
		// Site scans (src/service/scan): partners checked by the same check service.
		scanning = createScanRuntime( {
			store,
			settings: options.settings,
			logger: options.logger,
			resolve: options.resolve,
			fetcher,
			checkService,
		} );
		const clusterNode = cluster;
		const app = await buildApp( {
			store,
			checkService,
			graph,
			checkJobs: clusterNode?.checkJobs,
			settings: options.settings,
			logger: options.logger,
			bodyLimit: options.bodyLimit,
			limits: options.limits,
			report: {
				...scanning,
				scanner: clusterNode
					? clusterNode.queuedScanner(
							scanning.scanner,
							scanning.scanStore
						)
					: scanning.scanner,
				store,
				settings: options.settings,
				logger: options.logger,
			},
		} );
		await app.listen( { host: options.host, port: options.port } );
		const address = app.server.address();
		const port =
			address && typeof address === 'object'
				? address.port
				: options.port;
		const host = options.host.includes( ':' )
			? `[${ options.host }]`
			: options.host;
		const liveChecker = live;
		const scans = scanning;
		// Resumes scans a previous process left unfinished; re-scans on the
		// interval. In a cluster the workers do both, through the queue.
		const scheduler = clusterNode
			? null
			: createScanScheduler( {
					store,
					scanStore: scans.scanStore,
					scanner: scans.scanner,
					intervalHours: options.scanEveryHours ?? 0,
					logger: options.logger,
				} );
		scheduler?.start();
		let closing: Promise< void > | undefined;
		return {
			url: `http://${ host }:${ port }`,
			app,
			store,
			close() {
				closing ??= ( async () => {
					await app.close();
					await scheduler?.stop();
					await scans.close();
					await liveChecker.close();
					await clusterNode?.close();
					await store.close();
				} )();
				return closing;
			},
		};
	} catch ( error ) {
		await scanning?.close();
		await live?.close();
		await cluster?.close();
		await store.close();
		throw error;
	}
}
