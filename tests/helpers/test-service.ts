/**
 * The real service (`startService`: store, live checker, Fastify) as tests
 * and benchmarks start it: on 127.0.0.1, a port the system picks, the
 * default settings and no logs. Pass only what a test is about (its data
 * directory, the `--resolve` entries of its partner sites, another host).
 */
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import {
	startService,
	type RunningService,
	type StartServiceOptions,
} from '../../src/service/api/server';
import { silentLogger } from '../../src/service/logger';

export type TestServiceOptions = Pick< StartServiceOptions, 'dataDir' > &
	Partial< StartServiceOptions >;

/** `startService` with the test defaults; `options` override any of them. */
export function startTestService(
	options: TestServiceOptions
): Promise< RunningService > {
	return startService( {
		host: '127.0.0.1',
		port: 0,
		settings: DEFAULT_SETTINGS,
		logger: silentLogger(),
		...options,
	} );
}
