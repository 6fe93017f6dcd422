/**
 * Limits on what one HTTP client can hold of the service (issue 16, item
 * 4): how long it may take to send its headers, its body and the whole
 * request, and how many connections one address may keep open. A client
 * that declares a 100 kB body and sends a byte every 5 s is answered 408
 * and dropped at the body deadline instead of holding its connection for
 * ever; the connection past the cap is answered 503 and closed at once.
 */
import { STATUS_CODES } from 'node:http';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../logger';

export interface ServerLimits {
	/** From the first byte of a request to its last (headers and body). */
	requestTimeoutMs: number;
	/** From the connection (or the previous request) to the end of the headers. */
	headersTimeoutMs: number;
	/** From the end of the headers to the end of the body. */
	bodyTimeoutMs: number;
	/** Open connections one client address may hold (0: no cap). */
	maxConnectionsPerClient: number;
}

export const DEFAULT_SERVER_LIMITS: Readonly< ServerLimits > = Object.freeze( {
	requestTimeoutMs: 30_000,
	headersTimeoutMs: 10_000,
	bodyTimeoutMs: 10_000,
	// WordPress's PHP workers all come from one address: room for many
	// (the load test's 200 concurrent clients share 127.0.0.1).
	maxConnectionsPerClient: 256,
} );

/**
 * Options for Fastify (and the Node server under it) that enforce the
 * request and header timeouts. Node checks them every
 * `connectionsCheckingInterval` (30 s by default, far coarser than the
 * limits); here a quarter of the shortest one.
 */
export function fastifyTimeoutOptions( limits: ServerLimits ) {
	const shortest = Math.min(
		limits.requestTimeoutMs,
		limits.headersTimeoutMs
	);
	return {
		requestTimeout: limits.requestTimeoutMs,
		// An idle keep-alive connection is closed after 5 s (Node's default).
		keepAliveTimeout: 5_000,
		http: {
			headersTimeout: limits.headersTimeoutMs,
			requestTimeout: limits.requestTimeoutMs,
			connectionsCheckingInterval: Math.max(
				50,
				Math.min( 1_000, Math.floor( shortest / 4 ) )
			),
		},
	};
}

/** An answer written straight to a socket that has no request (yet) to answer. */
function refuse(
	socket: Socket,
	status: number,
	code: string,
	message: string
): void {
	const json = JSON.stringify( { code, message } );
	if ( socket.writable ) {
		socket.end(
			`HTTP/1.1 ${ status } ${ STATUS_CODES[ status ] }\r\n` +
				`Content-Length: ${ Buffer.byteLength( json ) }\r\n` +
				'Content-Type: application/json; charset=utf-8\r\n' +
				'Connection: close\r\n\r\n' +
				json
		);
	}
	// Whatever the client does next, the connection is gone shortly.
	setTimeout( () => socket.destroy(), 1_000 ).unref();
}

/**
 * The body deadline and the per-address connection cap, on a Fastify app
 * created with `fastifyTimeoutOptions`.
 */
export function applyServerLimits(
	app: FastifyInstance,
	limits: ServerLimits,
	logger: Logger
): void {
	const server: Server = app.server;
	if ( limits.maxConnectionsPerClient > 0 ) {
		const open = new Map< string, number >();
		server.on( 'connection', ( socket: Socket ) => {
			const address = socket.remoteAddress ?? 'unknown';
			const count = ( open.get( address ) ?? 0 ) + 1;
			open.set( address, count );
			socket.once( 'close', () => {
				const left = ( open.get( address ) ?? 1 ) - 1;
				if ( left > 0 ) {
					open.set( address, left );
				} else {
					open.delete( address );
				}
			} );
			if ( count > limits.maxConnectionsPerClient ) {
				logger.warn(
					{ client: address, open: count - 1 },
					'connection refused: too many open connections from one address'
				);
				refuse(
					socket,
					503,
					'ERR_TOO_MANY_CONNECTIONS',
					`this address already has ${
						limits.maxConnectionsPerClient
					} connections open to the service; close some and retry`
				);
			}
		} );
	}

	// The body deadline: from the end of the headers (when the request
	// reaches Fastify) to the last body byte. Node's own requestTimeout
	// bounds headers and body together; this one is tighter for the body.
	app.addHook( 'onRequest', async ( request, reply ) => {
		const raw = request.raw;
		if ( raw.complete ) {
			return;
		}
		const timer = setTimeout( () => {
			if ( raw.complete || raw.socket.destroyed ) {
				return;
			}
			logger.warn(
				{ client: raw.socket.remoteAddress, url: request.url },
				'request body not received in time: connection dropped'
			);
			refuse(
				raw.socket,
				408,
				'ERR_BODY_TIMEOUT',
				`the request body was not received within ${
					limits.bodyTimeoutMs / 1000
				} s`
			);
		}, limits.bodyTimeoutMs );
		timer.unref();
		const done = () => clearTimeout( timer );
		raw.once( 'end', done );
		raw.once( 'close', done );
		// Answered before the body was read (a refusal): Node's request
		// timeout bounds whatever is left.
		reply.raw.once( 'finish', done );
	} );
}
