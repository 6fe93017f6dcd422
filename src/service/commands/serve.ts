/**
 * `rlg serve`: the backlink service over HTTP until SIGINT/SIGTERM, then a
 * graceful stop (requests in flight finish, the store is closed).
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import {
	DEFAULT_HOST,
	DEFAULT_PORT,
	parsePort,
	parseTtlHours,
	resolveCommonConfig,
	serviceLimitsFromEnv,
} from '../config';
import { createLogger } from '../logger';
import { untilSignalled } from './until-signal';
import { describeStore } from '../store';
import {
	dataDirOption,
	databaseOption,
	resolveOption,
	settingsOption,
	ttlOption,
} from './options';

interface ServeOptions {
	port: string;
	host: string;
	dataDir?: string;
	database?: string;
	resolve?: string[];
	ttlHours?: string;
	settings?: string;
	scanEvery: string;
}

export function register( program: Command ): void {
	program
		.command( 'serve' )
		.description( 'run the backlink service (HTTP API) until stopped' )
		.addOption(
			new Option( '--port <port>', 'port to listen on' )
				.env( 'RLG_PORT' )
				.default( String( DEFAULT_PORT ) )
		)
		.addOption(
			new Option(
				'--host <address>',
				'address to listen on; other than loopback needs a registered site key'
			)
				.env( 'RLG_HOST' )
				.default( DEFAULT_HOST )
		)
		.addOption( dataDirOption() )
		.addOption( databaseOption() )
		.addOption( resolveOption() )
		.addOption( ttlOption() )
		.addOption( settingsOption() )
		.addOption(
			new Option(
				'--scan-every <hours>',
				're-scan connected sites every this many hours (0: only resume interrupted scans)'
			)
				.env( 'RLG_SCAN_EVERY_HOURS' )
				.default( '0' )
		)
		.action( async ( options: ServeOptions ) => {
			const { dataDir, databaseUrl, settings } =
				resolveCommonConfig( options );
			const limits = serviceLimitsFromEnv();
			const logger = createLogger();
			// Loaded here, not at the top: the HTTP server and the cluster
			// queue are half of what `rlg` would otherwise load for every
			// command (`rlg check --help` included).
			const { startService } = await import( '../api/server' );
			const service = await startService( {
				dataDir,
				databaseUrl,
				host: options.host,
				port: parsePort( options.port ),
				settings,
				logger,
				resolve: options.resolve,
				limits: limits.server,
				fetcher: limits.fetcher,
				scanEveryHours: parseTtlHours(
					options.scanEvery,
					'--scan-every'
				),
			} );
			logger.info(
				{
					url: service.url,
					store: describeStore( { dataDir, databaseUrl } ),
					ttlHours: settings.checkTtlHours,
				},
				'listening'
			);
			await untilSignalled( logger, 'shutting down', () =>
				service.close()
			);
		} );
}
