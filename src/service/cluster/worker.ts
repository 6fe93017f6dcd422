/**
 * `rlg worker`: a process that takes jobs from the cluster's queue
 * (src/service/cluster/queue.ts) and runs them: check-job parts, site
 * scans and the scheduled pass that queues due and stalled scans. Any
 * number of workers on any machines share one PostgreSQL database; none
 * holds state another needs: a worker killed in a job leaves it to be
 * retried by another (pg-boss expiry), and every write of a job is keyed
 * so the second run adds nothing twice.
 */
import type PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import { CheckRequestSchema } from '../../core/schemas';
import type { Settings } from '../../core/settings';
import type { BacklinkResult } from '../../core/schemas';
import { resultKey } from '../check-jobs';
import { isRlgError } from '../errors';
import type { CheckService } from '../check-service';
import type { FetcherOptions } from '../fetch/fetch-page';
import { createLiveChecker } from '../live-checker';
import type { Logger } from '../logger';
import { createScanRuntime } from '../scan/runtime';
import type { ScanRuntime } from '../scan/runtime';
import { STALE_SCAN_MS } from '../scan/scanner';
import {
	createSettingsResolver,
	createSiteCheckService,
} from '../site-settings';
import { connectStore } from '../store';
import { createStoredPartnerGraph } from '../backlink-import/graph-edges';
import type { Store } from '../store';
import { createPool } from '../store/pg-database';
import { createPgHostGate } from './host-gate';
import { createPgRobotsStore } from './robots-store';
import { migrateCluster } from './migrations';
import { startWorkerHealth } from './worker-health';
import type { WorkerHealthServer } from './worker-health';
import { readVersion } from '../config';
import type {
	CheckPartData,
	JobQueue,
	QueueTiming,
	ScanJobData,
} from './queue';
import { CHECK_QUEUE, openJobQueue, RESCAN_QUEUE, SCAN_QUEUE } from './queue';

export interface WorkerOptions {
	databaseUrl: string;
	settings: Settings;
	logger: Logger;
	resolve?: string[];
	fetcher?: Partial< FetcherOptions >;
	/** Check-job parts run at once by this process (default 4). */
	checkConcurrency?: number;
	/** Scans run at once by this process (default 1). */
	scanConcurrency?: number;
	/** Re-scan connected sites every this many hours (0: only resume stalled scans). */
	scanEveryHours?: number;
	timing?: QueueTiming;
	/** Answer GET /health on this port (0: any free one); none when unset. */
	healthPort?: number;
	/** Address of the health endpoint (default 127.0.0.1). */
	healthHost?: string;
}

export interface RunningWorker {
	store: Store;
	queue: JobQueue;
	/** `http://host:port` of GET /health, when `healthPort` was given. */
	healthUrl: string | null;
	/** Stop taking jobs, let running ones finish (up to `timeoutMs`), close everything. */
	close: ( timeoutMs?: number ) => Promise< void >;
}

/** Results of one check part written keyed by (job, target): a rerun adds none. */
async function writeResults(
	pool: Pool,
	jobId: string,
	results: BacklinkResult[]
): Promise< void > {
	if ( results.length === 0 ) {
		return;
	}
	await pool.query(
		`INSERT INTO check_job_results ( job_id, target_key, result )
		SELECT $1, key, result FROM UNNEST( $2::text[], $3::text[] ) AS r( key, result )
		WHERE EXISTS ( SELECT 1 FROM check_jobs WHERE id = $1 )
		ON CONFLICT DO NOTHING`,
		[
			jobId,
			results.map( resultKey ),
			results.map( ( result ) => JSON.stringify( result ) ),
		]
	);
}

/**
 * Whether this process's attempt at a queue job is still the job's: the
 * job is active and was fetched no more times since (pg-boss counts a
 * fetch after an expiry in retry_count). A worker that hung (stopped, a
 * paused machine, a long partition) past the job's expiry finds that
 * another worker has it and stores nothing more: the second attempt's
 * results are the job's, with no duplicate rows in the check history.
 */
async function ownsAttempt(
	pool: Pool,
	job: PgBoss.JobWithMetadata< unknown >
): Promise< boolean > {
	const { rows } = await pool.query(
		`SELECT 1 FROM pgboss.job
		WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3`,
		[ job.name, job.id, job.retryCount ]
	);
	return rows.length > 0;
}

/**
 * Runs one part of a check job: every result is written as soon as it is
 * known (so polls see them), then the part is marked done.
 */
async function runCheckPart(
	pool: Pool,
	store: Store,
	checkService: CheckService,
	data: CheckPartData,
	logger: Logger,
	owns: () => Promise< boolean >
): Promise< void > {
	const exists = await pool.query( 'SELECT 1 FROM check_jobs WHERE id = $1', [
		data.jobId,
	] );
	const site = await store.findSite( data.siteKey );
	if ( exists.rowCount === 0 || ! site ) {
		// Forgotten (nobody polled it for minutes) or the site was removed.
		return;
	}
	const request = CheckRequestSchema.parse( data.request );
	let pending = Promise.resolve();
	const batch: BacklinkResult[] = [];
	// Results are written in small batches, one write at a time, in order.
	const flush = () => {
		const results = batch.splice( 0 );
		pending = pending.then( () =>
			writeResults( pool, data.jobId, results )
		);
		return pending;
	};
	try {
		const response = await checkService.check( request, site, {
			onResult: ( result ) => {
				batch.push( result );
				void flush().catch( () => undefined );
			},
			// Nothing more is stored once another worker has the part.
			stillWanted: owns,
		} );
		batch.push( ...response.results );
		await flush();
	} catch ( error ) {
		await pending.catch( () => undefined );
		if ( ! ( await owns().catch( () => true ) ) ) {
			// This worker hung past the part's expiry and the queue gave
			// it to another: that one finishes it (and marks it done).
			logger.warn(
				{ site: site.url, job: data.jobId },
				'check job part taken over by another worker; this one stops'
			);
			return;
		}
		logger.error(
			{ err: error, site: site.url, job: data.jobId },
			'check job failed'
		);
		await pool.query(
			`UPDATE check_jobs SET error_code = 'ERR_CHECK_FAILED',
				error_message = 'the service could not check these links; see its log'
			WHERE id = $1`,
			[ data.jobId ]
		);
	}
	await pool.query(
		'UPDATE check_job_parts SET done = TRUE WHERE job_id = $1 AND part = $2',
		[ data.jobId, data.part ]
	);
}

/**
 * Queues the scans that should run: unfinished ones nobody has written to
 * for STALE_SCAN_MS (their worker died), and, with an interval, sites
 * whose last scan is older than it (a new scan record is made first).
 */
export async function queueDueScans(
	store: Store,
	scanning: ScanRuntime,
	queue: JobQueue,
	intervalHours: number,
	now: () => number = Date.now
): Promise< number > {
	let queued = 0;
	for ( const site of await store.listSites() ) {
		if ( site.secret === null ) {
			continue;
		}
		const unfinished = await scanning.scanStore.unfinishedScan( site.id );
		if ( unfinished ) {
			if ( now() - ( unfinished.heartbeatMs ?? 0 ) >= STALE_SCAN_MS ) {
				queued += ( await queue.sendScan( { siteKey: site.siteKey } ) )
					? 1
					: 0;
			}
			continue;
		}
		const last = await scanning.scanStore.latestScan( site.id );
		if (
			intervalHours > 0 &&
			( ! last ||
				now() - Date.parse( last.startedAt ) >=
					intervalHours * 3_600_000 )
		) {
			await scanning.scanner.open( {
				site,
				source: last?.source ?? 'wp-rest',
				sitemapUrl: last?.sitemapUrl ?? null,
			} );
			queued += ( await queue.sendScan( { siteKey: site.siteKey } ) )
				? 1
				: 0;
		}
	}
	return queued;
}

export async function startWorker(
	options: WorkerOptions
): Promise< RunningWorker > {
	const { logger } = options;
	const store = await connectStore( {
		dataDir: '',
		databaseUrl: options.databaseUrl,
	} );
	const pool = createPool( { url: options.databaseUrl, max: 4 } );
	let queue: JobQueue | undefined;
	let live: ReturnType< typeof createLiveChecker > | undefined;
	let scanning: ScanRuntime | undefined;
	let health: WorkerHealthServer | null = null;
	try {
		await migrateCluster( pool );
		queue = await openJobQueue( {
			databaseUrl: options.databaseUrl,
			pool,
			timing: options.timing,
			logger,
			supervise: true,
		} );
		// Per-host limits, per-site shares and robots.txt held across
		// every process on the database.
		const fetcher = {
			...options.fetcher,
			hostGate: createPgHostGate( { pool } ),
			robotsStore: createPgRobotsStore( pool ),
		};
		live = createLiveChecker( {
			resolve: options.resolve,
			logger,
			fetcher,
		} );
		const checkService = createSiteCheckService( {
			store,
			checker: live.checker,
			settingsFor: createSettingsResolver( store, options.settings ),
			logger,
			// Pages and imported backlinks; an import on an API node reaches
			// this worker's analysis when it is a minute old at most.
			graph: createStoredPartnerGraph( store ),
		} );
		scanning = createScanRuntime( {
			store,
			settings: options.settings,
			logger,
			resolve: options.resolve,
			fetcher,
			checkService,
		} );
		const scans = scanning;
		const jobs = queue;
		const controller = new AbortController();
		const polling = { pollingIntervalSeconds: jobs.timing.pollingSeconds };
		const running = { checks: 0, scans: 0 };
		let stopping = false;
		const checkHandler = async (
			batch: PgBoss.JobWithMetadata< CheckPartData >[]
		) => {
			for ( const job of batch ) {
				running.checks++;
				try {
					await runCheckPart(
						pool,
						store,
						checkService,
						job.data,
						logger,
						() => ownsAttempt( pool, job )
					);
				} finally {
					running.checks--;
				}
			}
		};
		for ( let i = 0; i < ( options.checkConcurrency ?? 4 ); i++ ) {
			await jobs.boss.work< CheckPartData >(
				CHECK_QUEUE,
				// The metadata names this attempt (retryCount): see ownsAttempt.
				{ ...polling, batchSize: 1, includeMetadata: true },
				checkHandler
			);
		}
		// A queued scan: the site's unfinished scan, taken over whichever
		// process its record names (the queue runs one per site).
		const runScanJob = async ( job: PgBoss.Job< ScanJobData > ) => {
			const site = await store.findSite( job.data.siteKey );
			const unfinished = site
				? await scans.scanStore.unfinishedScan( site.id )
				: null;
			if ( ! site || ! unfinished ) {
				return;
			}
			let scan;
			try {
				scan = await scans.scanner.scan( {
					site,
					source: unfinished.source,
					sitemapUrl: unfinished.sitemapUrl,
					signal: controller.signal,
					claim: true,
				} );
			} catch ( error ) {
				if ( isRlgError( error, 'ERR_SCAN_TAKEN_OVER' ) ) {
					// This worker hung past the job's expiry and the queue
					// handed the scan to another, which owns it now (the
					// scanner logged it): nothing to retry, nothing to queue.
					return;
				}
				throw error;
			}
			if ( scan.state === 'interrupted' ) {
				// This worker is stopping: another one continues it.
				await jobs.sendScan( { siteKey: site.siteKey } );
			}
		};
		for ( let i = 0; i < ( options.scanConcurrency ?? 1 ); i++ ) {
			await jobs.boss.work< ScanJobData >(
				SCAN_QUEUE,
				{ ...polling, batchSize: 1 },
				async ( batch ) => {
					for ( const job of batch ) {
						running.scans++;
						try {
							await runScanJob( job );
						} finally {
							running.scans--;
						}
					}
				}
			);
		}
		await jobs.boss.work( RESCAN_QUEUE, { ...polling }, async () => {
			const queued = await queueDueScans(
				store,
				scans,
				jobs,
				options.scanEveryHours ?? 0
			);
			if ( queued > 0 ) {
				logger.info( { queued }, 'scans queued' );
			}
		} );
		// Fires once a few minutes across the whole cluster (pg-boss cron).
		await jobs.boss.schedule( RESCAN_QUEUE, '*/5 * * * *' );
		const liveChecker = live;
		health =
			options.healthPort === undefined
				? null
				: await startWorkerHealth( {
						port: options.healthPort,
						host: options.healthHost,
						version: readVersion(),
						ping: async () => {
							await pool.query( 'SELECT 1' );
						},
						state: () => ( { running: { ...running }, stopping } ),
					} );
		const healthServer = health;
		let closing: Promise< void > | undefined;
		return {
			store,
			queue: jobs,
			healthUrl: healthServer?.url ?? null,
			close( timeoutMs = 30_000 ) {
				closing ??= ( async () => {
					// Probes see the drain (503), not a healthy worker.
					stopping = true;
					// Running scans stop after their batch, left `interrupted`.
					controller.abort();
					await jobs.boss.stop( {
						graceful: true,
						wait: true,
						timeout: timeoutMs,
					} );
					await healthServer?.close();
					await scans.close();
					await liveChecker.close();
					await pool.end();
					await store.close();
				} )();
				return closing;
			},
		};
	} catch ( error ) {
		await health?.close();
		await queue?.close().catch( () => undefined );
		await scanning?.close();
		await live?.close();
		await pool.end();
		await store.close();
		throw error;
	}
}
