/**
 * The one undici dispatcher every fetch of a stranger's page goes through.
 * Connections are pooled and reused per origin; every NEW connection is
 * opened by the guarded connector (resolve, validate, connect to the
 * validated IP), so reuse never skips the guard: a pooled socket is one
 * the guard already approved.
 */
import { Agent } from 'undici';
import { createGuardedConnector, type AddressResolver } from './ssrf-guard';

export interface DispatcherOptions {
	resolve: AddressResolver;
	connectTimeoutMs: number;
	headersTimeoutMs: number;
	bodyTimeoutMs: number;
	/** Connections per origin; matches the per-host politeness limit. */
	connectionsPerOrigin: number;
	tls?: { ca?: string | Buffer | Array< string | Buffer > };
}

export function createDispatcher( options: DispatcherOptions ): Agent {
	return new Agent( {
		connect: createGuardedConnector( {
			resolve: options.resolve,
			timeoutMs: options.connectTimeoutMs,
			tls: options.tls,
		} ),
		connections: options.connectionsPerOrigin,
		headersTimeout: options.headersTimeoutMs,
		bodyTimeout: options.bodyTimeoutMs,
		// Idle sockets to partners are not worth holding for long.
		keepAliveTimeout: 4_000,
		keepAliveMaxTimeout: 30_000,
		// Strangers' headers beyond 32 KiB are an attack, not a page.
		maxHeaderSize: 32 * 1024,
	} );
}
