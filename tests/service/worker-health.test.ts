/**
 * `rlg worker --health-port`: the answers a systemd watchdog or a
 * Kubernetes probe gets (the real worker's endpoint on PostgreSQL is in
 * cluster-politeness.test.ts).
 */
import { startWorkerHealth } from '../../src/service/cluster/worker-health';
import type {
	WorkerHealthServer,
	WorkerHealthState,
} from '../../src/service/cluster/worker-health';

describe( 'worker health endpoint', () => {
	let server: WorkerHealthServer;
	let ping: () => Promise< void >;
	let state: WorkerHealthState;

	beforeEach( async () => {
		ping = async () => undefined;
		state = { running: { checks: 2, scans: 1 }, stopping: false };
		server = await startWorkerHealth( {
			port: 0,
			version: '9.9.9',
			ping: () => ping(),
			state: () => state,
			pingTimeoutMs: 100,
		} );
	} );

	afterEach( () => server.close() );

	async function get( path = '/health' ) {
		const response = await fetch( `${ server.url }${ path }` );
		return { status: response.status, body: await response.json() };
	}

	it( 'answers 200 with what runs while the database answers', async () => {
		expect( await get() ).toEqual( {
			status: 200,
			body: {
				ok: true,
				version: '9.9.9',
				uptime: expect.any( Number ),
				running: { checks: 2, scans: 1 },
				stopping: false,
				database: 'ok',
			},
		} );
		expect( ( await get( '/v1/health' ) ).status ).toBe( 200 );
	} );

	it( 'answers 503 when the database fails or does not answer in time', async () => {
		ping = () => Promise.reject( new Error( 'connection refused' ) );
		expect( await get() ).toMatchObject( {
			status: 503,
			body: {
				ok: false,
				code: 'ERR_STORE_UNREADABLE',
				message: expect.stringContaining( 'connection refused' ),
			},
		} );
		ping = () => new Promise( () => undefined );
		expect( await get() ).toMatchObject( {
			status: 503,
			body: {
				code: 'ERR_STORE_UNREADABLE',
				message: expect.stringContaining( 'no answer within 100 ms' ),
			},
		} );
	} );

	it( 'answers 503 while the worker drains, and 404 elsewhere', async () => {
		state = { running: { checks: 1, scans: 0 }, stopping: true };
		expect( await get() ).toMatchObject( {
			status: 503,
			body: { ok: false, code: 'ERR_WORKER_STOPPING', stopping: true },
		} );
		expect( ( await get( '/metrics' ) ).status ).toBe( 404 );
	} );

	it( 'names the port when it cannot listen', async () => {
		const port = Number( new URL( server.url ).port );
		await expect(
			startWorkerHealth( {
				port,
				version: '1',
				ping: async () => undefined,
				state: () => state,
			} )
		).rejects.toThrow(
			`--health-port ${ port }: cannot listen on 127.0.0.1:${ port } (EADDRINUSE)`
		);
	} );
} );
