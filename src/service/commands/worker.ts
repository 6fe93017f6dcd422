/**
 * `rlg worker`: take check jobs, scans and scheduled re-scans from the
 * cluster's queue (PostgreSQL, `--database` / RLG_DATABASE_URL) until
 * SIGINT/SIGTERM; then stop taking jobs and let the running ones finish.
 * Run any number, on any machines (src/service/cluster/worker.ts).
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import {
	parseNumber,
	parsePort,
	parseTtlHours,
	resolveCommonConfig,
	serviceLimitsFromEnv,
} from '../config';
import { RlgError } from '../errors';
import { createLogger } from '../logger';
import { untilSignalled } from './until-signal';
import { describeStore } from '../store';
import {
	databaseOption,
	resolveOption,
	settingsOption,
	ttlOption,
} from './options';

interface WorkerCommandOptions {
	database?: string;
	resolve?: string[];
	ttlHours?: string;
	settings?: string;
	scanEvery: string;
	checks: string;
	scans: string;
	healthPort?: string;
	healthHost: string;
}

export function register( program: Command ): void {
	program
		.command( 'worker' )
		.description(
			'take check jobs and scans from the queue in PostgreSQL (a cluster of rlg serve nodes) until stopped'
		)
		.addOption( databaseOption() )
		.addOption( resolveOption() )
		.addOption( ttlOption() )
		.addOption( settingsOption() )
		.addOption(
			new Option(
				'--scan-every <hours>',
				're-scan connected sites every this many hours (0: only resume stalled scans)'
			)
				.env( 'RLG_SCAN_EVERY_HOURS' )
				.default( '0' )
		)
		.addOption(
			new Option(
				'--checks <n>',
				'check-job parts this worker runs at once'
			)
				.env( 'RLG_WORKER_CHECKS' )
				.default( '4' )
		)
		.addOption(
			new Option( '--scans <n>', 'site scans this worker runs at once' )
				.env( 'RLG_WORKER_SCANS' )
				.default( '1' )
		)
		.addOption(
			new Option(
				'--health-port <port>',
				'answer GET /health on this port (for systemd, monitors, Kubernetes probes): 200 while the database answers, 503 otherwise or while stopping'
			).env( 'RLG_WORKER_HEALTH_PORT' )
		)
		.addOption(
			new Option(
				'--health-host <address>',
				'address of the health endpoint'
			)
				.env( 'RLG_WORKER_HEALTH_HOST' )
				.default( '127.0.0.1' )
		)
		.action( async ( options: WorkerCommandOptions ) => {
			const { databaseUrl, settings } = resolveCommonConfig( {
				...options,
				dataDir: undefined,
			} );
			if ( ! databaseUrl ) {
				throw new RlgError(
					'ERR_CONFIG',
					'rlg worker needs the cluster database: --database postgres://… or RLG_DATABASE_URL (one machine with SQLite needs no worker: rlg serve does the work)'
				);
			}
			const limits = serviceLimitsFromEnv();
			const logger = createLogger();
			// Loaded here: pg-boss is needed by this command only.
			const { startWorker } = await import( '../cluster/worker' );
			const worker = await startWorker( {
				databaseUrl,
				settings,
				logger,
				resolve: options.resolve,
				fetcher: limits.fetcher,
				checkConcurrency: parseNumber( options.checks, '--checks', {
					min: 1,
					max: 64,
					integer: true,
				} ),
				scanConcurrency: parseNumber( options.scans, '--scans', {
					min: 0,
					max: 16,
					integer: true,
				} ),
				scanEveryHours: parseTtlHours(
					options.scanEvery,
					'--scan-every'
				),
				healthPort:
					options.healthPort === undefined
						? undefined
						: parsePort( options.healthPort, '--health-port' ),
				healthHost: options.healthHost,
			} );
			logger.info(
				{
					database: describeStore( { dataDir: '', databaseUrl } ),
					health: worker.healthUrl
						? `${ worker.healthUrl }/health`
						: undefined,
				},
				'worker ready'
			);
			await untilSignalled( logger, 'worker stopping', () =>
				worker.close()
			);
		} );
}
