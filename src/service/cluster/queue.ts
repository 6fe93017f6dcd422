/**
 * The cluster's job queue: pg-boss 10 on the service's own PostgreSQL
 * database (its tables in the `pgboss` schema). Chosen because it is a
 * maintained queue made for PostgreSQL (SKIP LOCKED fetching, retries,
 * expiry of jobs whose worker died, singleton keys, cron schedules that
 * fire once across processes) and needs nothing but the database the
 * service already has; 10.x because 10.4 runs on Node 20 (pg-boss 11+
 * wants Node 22).
 *
 * Queues:
 * - `rlg-check`: one part of a check job (the links one request added);
 * - `rlg-scan`: run one site's scan to its end (one at a time per site);
 * - `rlg-rescan`: the scheduled pass that queues due and stalled scans.
 *
 * A worker that dies in a job (kill -9, power loss) leaves it `active`;
 * pg-boss's maintenance fails it once its expiry passes and it is retried
 * by another worker. Everything a job writes is keyed so a second run
 * adds nothing twice.
 */
import PgBoss from 'pg-boss';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../logger';
import { silentLogger } from '../logger';
import { withMigrationLock } from '../store/pg-database';

export const CHECK_QUEUE = 'rlg-check';
export const SCAN_QUEUE = 'rlg-scan';
export const RESCAN_QUEUE = 'rlg-rescan';

/** Queue timing; the defaults suit production, tests shorten them. */
export interface QueueTiming {
	/** A check part still active after this long is retried elsewhere (default 900). */
	checkExpireSeconds: number;
	/** A scan job still active after this long is retried elsewhere (default 6 h). */
	scanExpireSeconds: number;
	/** How often pg-boss looks for expired jobs (default 30). */
	maintenanceSeconds: number;
	/** How often an idle worker asks for a job (default 0.5). */
	pollingSeconds: number;
}

/** Timing from RLG_QUEUE_* variables, else the defaults. */
export function queueTimingFromEnv(
	env: NodeJS.ProcessEnv = process.env
): QueueTiming {
	const read = ( name: string, fallback: number, min: number ): number => {
		const raw = env[ name ];
		if ( raw === undefined || raw === '' ) {
			return fallback;
		}
		const value = Number( raw );
		if ( ! Number.isFinite( value ) || value < min ) {
			throw new Error(
				`${ name } must be a number of seconds of at least ${ min }, got "${ raw }"`
			);
		}
		return value;
	};
	return {
		checkExpireSeconds: read( 'RLG_QUEUE_CHECK_EXPIRE_SECONDS', 900, 1 ),
		scanExpireSeconds: read( 'RLG_QUEUE_SCAN_EXPIRE_SECONDS', 6 * 3600, 1 ),
		maintenanceSeconds: read( 'RLG_QUEUE_MAINTENANCE_SECONDS', 30, 1 ),
		pollingSeconds: read( 'RLG_QUEUE_POLLING_SECONDS', 0.5, 0.5 ),
	};
}

/** What a `rlg-check` job carries: the job, its part, the links to check. */
export interface CheckPartData {
	jobId: string;
	part: number;
	siteKey: string;
	/** The CheckRequest of this part (its links only). */
	request: unknown;
}

/** What a `rlg-scan` job carries: the site whose unfinished scan to run to its end. */
export interface ScanJobData {
	siteKey: string;
}

export interface JobQueue {
	boss: PgBoss;
	timing: QueueTiming;
	/** Queue a check part inside the caller's transaction. */
	sendCheck: ( data: CheckPartData, client: PoolClient ) => Promise< void >;
	/** Queue a scan; null when that site's scan is already queued. */
	sendScan: ( data: ScanJobData ) => Promise< string | null >;
	close: () => Promise< void >;
}

export interface QueueOptions {
	databaseUrl: string;
	/**
	 * A pool on the same database: creating the queues takes the
	 * migrations' advisory lock on it (pg-boss's createQueue attaches a
	 * partition; two processes doing it at once deadlock).
	 */
	pool: Pool;
	timing?: QueueTiming;
	logger?: Logger;
	/** Run maintenance and the cron clock in this process (workers: yes). */
	supervise: boolean;
}

/** Start pg-boss on the database (creating its schema and queues once). */
export async function openJobQueue(
	options: QueueOptions
): Promise< JobQueue > {
	const timing = options.timing ?? queueTimingFromEnv();
	const logger = options.logger ?? silentLogger();
	const boss = new PgBoss( {
		connectionString: options.databaseUrl,
		application_name: 'rlg',
		max: 4,
		supervise: options.supervise,
		schedule: options.supervise,
		maintenanceIntervalSeconds: timing.maintenanceSeconds,
	} );
	boss.on( 'error', ( error ) =>
		logger.warn( { err: error }, 'job queue error' )
	);
	await boss.start();
	const queues: Array< [ string, PgBoss.Queue ] > = [
		[
			CHECK_QUEUE,
			{
				name: CHECK_QUEUE,
				retryLimit: 5,
				retryDelay: 1,
				expireInSeconds: timing.checkExpireSeconds,
			},
		],
		[
			SCAN_QUEUE,
			{
				name: SCAN_QUEUE,
				// One queued and one running scan per site (singleton key).
				policy: 'stately',
				retryLimit: 10,
				retryDelay: 30,
				expireInSeconds: timing.scanExpireSeconds,
			},
		],
		[
			RESCAN_QUEUE,
			{ name: RESCAN_QUEUE, policy: 'short', expireInSeconds: 600 },
		],
	];
	await withMigrationLock( options.pool, async () => {
		for ( const [ name, queue ] of queues ) {
			if ( ! ( await boss.getQueue( name ) ) ) {
				await boss.createQueue( name, queue );
			}
		}
	} );
	return {
		boss,
		timing,
		async sendCheck( data, client ) {
			await boss.send( CHECK_QUEUE, data, {
				retryLimit: 5,
				retryDelay: 1,
				expireInSeconds: timing.checkExpireSeconds,
				db: {
					executeSql: ( text, values ) =>
						client.query( text, values ),
				},
			} );
		},
		sendScan( data ) {
			return boss.send( SCAN_QUEUE, data, {
				singletonKey: data.siteKey,
				retryLimit: 10,
				retryDelay: 30,
				expireInSeconds: timing.scanExpireSeconds,
			} );
		},
		async close() {
			await boss.stop( { graceful: false, wait: true, timeout: 5000 } );
		},
	};
}
