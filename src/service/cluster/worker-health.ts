/**
 * The health endpoint of `rlg worker --health-port N`: a worker has no API,
 * so systemd watchdogs, load-balancer-less monitors and Kubernetes probes
 * need one small HTTP answer to tell a working worker from a stuck one.
 *
 *   GET /health (also /v1/health, as `rlg serve` answers it)
 *     200 { ok: true, version, uptime, database: 'ok', running: { checks, scans }, stopping: false }
 *     503 { ok: false, code, message, … } when the database does not answer
 *         within 2 s (ERR_STORE_UNREADABLE) or the worker is stopping
 *         (ERR_WORKER_STOPPING: a probe should not restart it mid-drain).
 *
 * Anything else is 404. It listens on 127.0.0.1 unless told otherwise;
 * it says nothing a stranger could use, but there is no reason to publish it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RlgError } from '../errors';

export interface WorkerHealthState {
	/** Jobs running in this process now. */
	running: { checks: number; scans: number };
	stopping: boolean;
}

export interface WorkerHealthOptions {
	port: number;
	host?: string;
	version: string;
	/** Resolves when the database answers (`SELECT 1`). */
	ping: () => Promise< void >;
	state: () => WorkerHealthState;
	/** How long the database may take to answer (default 2,000 ms). */
	pingTimeoutMs?: number;
	now?: () => number;
}

export interface WorkerHealthServer {
	/** `http://host:port` */
	readonly url: string;
	close: () => Promise< void >;
}

function timeout( ms: number ): Promise< never > {
	return new Promise( ( _resolve, reject ) => {
		setTimeout(
			() => reject( new Error( `no answer within ${ ms } ms` ) ),
			ms
		).unref();
	} );
}

export async function startWorkerHealth(
	options: WorkerHealthOptions
): Promise< WorkerHealthServer > {
	const now = options.now ?? Date.now;
	const startedAt = now();
	const pingTimeoutMs = options.pingTimeoutMs ?? 2_000;

	async function answer(): Promise< { status: number; body: object } > {
		const state = options.state();
		const status = {
			version: options.version,
			uptime: Math.round( ( now() - startedAt ) / 1000 ),
			running: state.running,
			stopping: state.stopping,
		};
		if ( state.stopping ) {
			return {
				status: 503,
				body: {
					ok: false,
					code: 'ERR_WORKER_STOPPING',
					message:
						'the worker is stopping: it takes no new jobs and finishes the running ones',
					...status,
				},
			};
		}
		try {
			await Promise.race( [ options.ping(), timeout( pingTimeoutMs ) ] );
		} catch ( error ) {
			return {
				status: 503,
				body: {
					ok: false,
					code: 'ERR_STORE_UNREADABLE',
					message: `the database does not answer (${
						( error as Error ).message
					}); the worker cannot take jobs`,
					...status,
				},
			};
		}
		return { status: 200, body: { ok: true, ...status, database: 'ok' } };
	}

	const server = http.createServer( ( req, res ) => {
		const path = ( req.url ?? '' ).split( '?' )[ 0 ];
		const send = ( status: number, body: object ) => {
			const text = JSON.stringify( body );
			res.writeHead( status, {
				'content-type': 'application/json; charset=utf-8',
				'content-length': Buffer.byteLength( text ),
				'cache-control': 'no-store',
			} );
			res.end( req.method === 'HEAD' ? undefined : text );
		};
		if (
			( req.method !== 'GET' && req.method !== 'HEAD' ) ||
			( path !== '/health' && path !== '/v1/health' )
		) {
			send( 404, {
				code: 'ERR_NOT_FOUND',
				message: 'the worker answers GET /health only',
			} );
			return;
		}
		answer().then(
			( { status, body } ) => send( status, body ),
			( error: Error ) =>
				send( 500, {
					ok: false,
					code: 'ERR_INTERNAL',
					message: error.message,
				} )
		);
	} );
	const host = options.host ?? '127.0.0.1';
	await new Promise< void >( ( resolve, reject ) => {
		server.once( 'error', ( error: NodeJS.ErrnoException ) =>
			reject(
				new RlgError(
					'ERR_CONFIG',
					`--health-port ${ options.port }: cannot listen on ${ host }:${ options.port } (${ error.code ?? error.message })`
				)
			)
		);
		server.listen( options.port, host, () => {
			server.removeAllListeners( 'error' );
			resolve();
		} );
	} );
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://${ host.includes( ':' ) ? `[${ host }]` : host }:${ port }`,
		close: () =>
			new Promise< void >( ( resolve ) => {
				server.closeAllConnections();
				server.close( () => resolve() );
			} ),
	};
}
