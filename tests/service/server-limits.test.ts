/**
 * Server timeouts and the per-address connection cap (issue 16, item 4),
 * over real sockets: a client that trickles its body, its headers or its
 * whole request is answered 408 and dropped; the connection past the cap
 * is answered 503 and closed; a request that cannot carry a valid
 * signature is refused before its body is read.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { recordFigures } from '../reliability/figures';
import { startHarness } from './harness';
import type { Harness } from './harness';

/** For docs/reliability.md (issue 16 item 4): how each slow client ended. */
const figures: Record< string, unknown > = {};
afterAll( () => recordFigures( 'server-limits', figures ) );
const ended = ( result: SlowClientResult ) => ( {
	closed: result.closed,
	status: Number( /^HTTP\/1\.1 (\d{3})/.exec( result.response )?.[ 1 ] ?? 0 ),
	ms: result.ms,
} );

interface SlowClientResult {
	/** The server closed the connection (within the wait). */
	closed: boolean;
	ms: number;
	response: string;
}

/**
 * Sends `head`, then one byte of `drip` every `intervalMs` until the
 * server closes the connection or `waitMs` passes.
 */
function slowClient(
	port: number,
	head: string,
	options: { drip?: string; intervalMs: number; waitMs: number }
): Promise< SlowClientResult > {
	return new Promise( ( resolve ) => {
		const started = Date.now();
		const socket = net.connect( port, '127.0.0.1' );
		let response = '';
		let index = 0;
		const drip = options.drip ?? 'x'.repeat( 100_000 );
		const timer = setInterval( () => {
			if ( ! socket.destroyed && index < drip.length ) {
				socket.write( drip[ index++ ] );
			}
		}, options.intervalMs );
		const finish = ( closed: boolean ) => {
			clearInterval( timer );
			clearTimeout( giveUp );
			socket.destroy();
			resolve( { closed, ms: Date.now() - started, response } );
		};
		const giveUp = setTimeout( () => finish( false ), options.waitMs );
		socket.on( 'data', ( chunk ) => ( response += chunk.toString() ) );
		socket.on( 'error', () => undefined );
		socket.on( 'close', () => finish( true ) );
		socket.on( 'connect', () => socket.write( head ) );
	} );
}

const slowBodyHead = ( path = '/v1/health' ) =>
	`POST ${ path } HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`;

function portOf( harness: Harness ): number {
	return ( harness.app.server.address() as AddressInfo ).port;
}

describe( 'server timeouts', () => {
	let harness: Harness;
	const logs: string[] = [];
	beforeAll( async () => {
		harness = await startHarness( {
			limits: {
				requestTimeoutMs: 3_000,
				headersTimeoutMs: 800,
				bodyTimeoutMs: 800,
				maxConnectionsPerClient: 0,
			},
			logger: pino(
				{ level: 'info' },
				{ write: ( line: string ) => logs.push( line ) }
			),
		} );
	} );
	afterAll( () => harness.close() );

	it( 'drops a client that declares a 100 kB body and trickles it (body timeout, 408)', async () => {
		const result = await slowClient( portOf( harness ), slowBodyHead(), {
			intervalMs: 200,
			waitMs: 4_000,
		} );
		figures.slowBody = { ...ended( result ), timeoutMs: 800 };
		expect( result.closed ).toBe( true );
		expect( result.response ).toMatch( /^HTTP\/1\.1 408/ );
		expect( result.response ).toContain( 'ERR_BODY_TIMEOUT' );
		expect( result.ms ).toBeLessThan( 2_000 );
		expect( logs.join( '' ) ).toContain(
			'request body not received in time'
		);
	} );

	it( 'drops a client that trickles its headers (headers timeout, 408)', async () => {
		const result = await slowClient( portOf( harness ), '', {
			drip:
				'GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ' +
				'a'.repeat( 1000 ),
			intervalMs: 100,
			waitMs: 4_000,
		} );
		figures.slowHeaders = { ...ended( result ), timeoutMs: 800 };
		expect( result.closed ).toBe( true );
		expect( result.response ).toMatch( /^HTTP\/1\.1 408/ );
		expect( result.ms ).toBeLessThan( 2_500 );
	} );

	it( 'drops a connection that sends nothing at all', async () => {
		const result = await slowClient( portOf( harness ), '', {
			drip: '',
			intervalMs: 1_000,
			waitMs: 4_000,
		} );
		figures.silent = { ...ended( result ), timeoutMs: 800 };
		expect( result.closed ).toBe( true );
		expect( result.ms ).toBeLessThan( 2_500 );
	} );
} );

describe( 'the request timeout', () => {
	it( 'bounds headers and body together, however the client paces them', async () => {
		const harness = await startHarness( {
			limits: {
				requestTimeoutMs: 1_000,
				headersTimeoutMs: 1_000,
				bodyTimeoutMs: 60_000,
				maxConnectionsPerClient: 0,
			},
		} );
		try {
			const result = await slowClient(
				portOf( harness ),
				slowBodyHead(),
				{ intervalMs: 100, waitMs: 4_000 }
			);
			expect( result.closed ).toBe( true );
			expect( result.response ).toMatch( /^HTTP\/1\.1 408/ );
			expect( result.ms ).toBeLessThan( 2_500 );
		} finally {
			await harness.close();
		}
	} );
} );

describe( 'connections per client address', () => {
	it( 'answers the connection past the cap with 503 and closes it; others still work', async () => {
		const harness = await startHarness( {
			limits: { maxConnectionsPerClient: 3 },
		} );
		const port = portOf( harness );
		const held: net.Socket[] = [];
		try {
			for ( let i = 0; i < 3; i++ ) {
				const socket = net.connect( port, '127.0.0.1' );
				socket.on( 'error', () => undefined );
				await new Promise( ( resolve ) =>
					socket.once( 'connect', resolve )
				);
				held.push( socket );
			}
			const refused = await slowClient(
				port,
				'GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n',
				{ drip: '', intervalMs: 1_000, waitMs: 3_000 }
			);
			figures.connections = {
				cap: 3,
				held: held.length,
				refused: ended( refused ),
			};
			expect( refused.closed ).toBe( true );
			expect( refused.response ).toMatch( /^HTTP\/1\.1 503/ );
			expect( refused.response ).toContain( 'ERR_TOO_MANY_CONNECTIONS' );
			// One closed: the address may connect again.
			held.pop()!.destroy();
			await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
			const health = await fetch(
				`http://127.0.0.1:${ port }/v1/health`
			);
			expect( health.status ).toBe( 200 );
		} finally {
			held.forEach( ( socket ) => socket.destroy() );
			await harness.close();
		}
	} );
} );

describe( 'signed routes before the body', () => {
	it( 'refuses an unsigned request with a large declared body at once, without waiting for the body', async () => {
		const harness = await startHarness( {
			limits: { bodyTimeoutMs: 60_000, requestTimeoutMs: 60_000 },
		} );
		try {
			const result = await slowClient(
				portOf( harness ),
				slowBodyHead( '/v1/check' ),
				{ intervalMs: 1_000, waitMs: 5_000 }
			);
			expect( result.response ).toMatch( /^HTTP\/1\.1 401/ );
			expect( result.response ).toContain( 'ERR_AUTH_MISSING' );
			expect( result.closed ).toBe( true );
			expect( result.ms ).toBeLessThan( 1_500 );
		} finally {
			await harness.close();
		}
	} );
} );
