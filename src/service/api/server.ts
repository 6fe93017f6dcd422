/**
 * The running service: store + live checker + HTTP app, listening. Used by
 * `rlg serve` and by tests that need the real thing end to end.
 */
import type { FastifyInstance } from 'fastify';
import type { Settings } from '../../core/settings';
import { createCheckService } from '../check-service';
import { createLiveChecker } from '../live-checker';
import type { FetcherOptions } from '../fetch/fetch-page';
import { isLoopbackHost } from '../config';
import { RlgError } from '../errors';
import type { Logger } from '../logger';
import { openStore } from '../store';
import type { SqliteStore } from '../store';
import { buildApp } from './app';

export interface StartServiceOptions {
	dataDir: string;
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
}

export interface RunningService {
	/** Base URL, e.g. http://127.0.0.1:8787 */
	url: string;
	app: FastifyInstance;
	store: SqliteStore;
	/** Stop accepting requests, finish the ones in flight, close everything. */
	close: () => Promise< void >;
}

export async function startService(
	options: StartServiceOptions
): Promise< RunningService > {
	const store = openStore( { dataDir: options.dataDir } );
	let live: ReturnType< typeof createLiveChecker > | undefined;
	try {
		if (
			! isLoopbackHost( options.host ) &&
			( await store.countSitesWithKeys() ) === 0
		) {
			throw new RlgError(
				'ERR_NO_SITE_KEYS',
				`refusing to listen on ${ options.host }: no site keys are registered in ${ options.dataDir }. ` +
					'Register a site first (rlg sites add https://your.site) or listen on 127.0.0.1.'
			);
		}
		live = createLiveChecker( {
			resolve: options.resolve,
			logger: options.logger,
			fetcher: options.fetcher,
		} );
		const checkService = createCheckService( {
			store,
			checker: live.checker,
			settings: options.settings,
			logger: options.logger,
		} );
		const app = await buildApp( {
			store,
			checkService,
			settings: options.settings,
			logger: options.logger,
			bodyLimit: options.bodyLimit,
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
		let closing: Promise< void > | undefined;
		return {
			url: `http://${ host }:${ port }`,
			app,
			store,
			close() {
				closing ??= ( async () => {
					await app.close();
					await liveChecker.close();
					await store.close();
				} )();
				return closing;
			},
		};
	} catch ( error ) {
		await live?.close();
		await store.close();
		throw error;
	}
}
