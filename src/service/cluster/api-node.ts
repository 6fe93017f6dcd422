/**
 * What an `rlg serve` node on PostgreSQL adds to be one of a cluster: its
 * check jobs are rows (any node answers a poll) run by `rlg worker`s from
 * the queue, `POST /v1/scan` records the scan and queues it instead of
 * running it here, and its own fetches (synchronous /v1/check) hold the
 * cluster-wide per-host slots. The node keeps nothing of its own.
 */
import { createPool } from '../store/pg-database';
import type { CheckJobs } from '../check-jobs';
import type { HostGate } from '../fetch/host-gate';
import type { Logger } from '../logger';
import type { Scanner } from '../scan/scanner';
import type { ScanStore } from '../store/scan-types';
import { createPgHostGate } from './host-gate';
import { createPgRobotsStore } from './robots-store';
import type { SharedRobotsStore } from '../fetch/robots';
import { migrateCluster } from './migrations';
import { createPgCheckJobs } from './pg-check-jobs';
import { openJobQueue } from './queue';
import type { QueueTiming } from './queue';

export interface ClusterApiOptions {
	databaseUrl: string;
	logger: Logger;
	timing?: QueueTiming;
}

export interface ClusterApi {
	checkJobs: CheckJobs;
	hostGate: HostGate;
	robotsStore: SharedRobotsStore;
	/** `scanner` whose start() records the scan and queues it for a worker. */
	queuedScanner: ( scanner: Scanner, scanStore: ScanStore ) => Scanner;
	close: () => Promise< void >;
}

export async function startClusterApi(
	options: ClusterApiOptions
): Promise< ClusterApi > {
	const pool = createPool( { url: options.databaseUrl, max: 6 } );
	try {
		await migrateCluster( pool );
		const queue = await openJobQueue( {
			databaseUrl: options.databaseUrl,
			pool,
			timing: options.timing,
			logger: options.logger,
			// Maintenance (expiry, cron) is the workers' job.
			supervise: false,
		} );
		return {
			checkJobs: createPgCheckJobs( { pool, queue } ),
			hostGate: createPgHostGate( { pool } ),
			robotsStore: createPgRobotsStore( pool ),
			queuedScanner( scanner, scanStore ) {
				const start: Scanner[ 'start' ] = async ( scanOptions ) => {
					const { site } = scanOptions;
					// The scan record first (its status answers at once), then
					// the queue job: a worker runs the site's unfinished scan.
					// A scan already running or queued is answered as it is.
					const scan =
						( await scanStore.unfinishedScan( site.id ) ) ??
						( await scanner.open( scanOptions ) );
					await queue.sendScan( { siteKey: site.siteKey } );
					return { scan, done: Promise.resolve( scan ) };
				};
				return {
					...scanner,
					start,
					scan: async ( scanOptions ) =>
						( await start( scanOptions ) ).scan,
				};
			},
			async close() {
				await queue.close();
				await pool.end();
			},
		};
	} catch ( error ) {
		await pool.end();
		throw error;
	}
}
