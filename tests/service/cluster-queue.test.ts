/**
 * The cluster's queue end to end, with real processes on a real
 * PostgreSQL: check jobs accepted by an `rlg serve` node are run by
 * `rlg worker`s, and survive `kill -9` of either:
 * - a worker killed in the middle of a job: another worker finishes it,
 *   every target has exactly one result row in the job and one check in
 *   the history (what the dead worker finished is not fetched again);
 * - an API node killed right after its 202: the job is in the database,
 *   another node answers its polls and a worker runs it;
 * - a worker that hangs (SIGSTOP) past its part's expiry: another worker
 *   finishes the part, and the hung one, woken, stores nothing more (no
 *   second row in the job's results nor in the check history).
 */
import type { Pool } from 'pg';
import { signRequest } from '../../src/service/auth';
import { startService } from '../../src/service/api/server';
import type { RunningService } from '../../src/service/api/server';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { silentLogger } from '../../src/service/logger';
import { createPool } from '../../src/service/store/pg-database';
import { html, startPartnerWeb } from '../helpers/partner-web';
import type { PartnerHandler, PartnerWeb } from '../helpers/partner-web';
import { startPostgres } from '../helpers/postgres';
import type { TestPostgres } from '../helpers/postgres';
import { startRlg } from '../helpers/rlg-process';
import type { RlgProcess } from '../helpers/rlg-process';
import { runCli } from './cli-harness';

jest.setTimeout( 120_000 );

const SITE = 'https://our.example/';
const PAGE = html(
	'<main><article><p>See <a href="https://our.example/">our site</a>.</p></article></main>'
);

/** A page that answers after `ms` (a partner slow enough to be killed in). */
function slowPage( ms: number ): PartnerHandler {
	return async ( _req, res ) => {
		await new Promise( ( resolve ) => setTimeout( resolve, ms ) );
		res.writeHead( 200, { 'content-type': 'text/html; charset=utf-8' } );
		res.end( PAGE );
	};
}

describe( 'check jobs through the queue (rlg serve + rlg worker on PostgreSQL)', () => {
	let pg: TestPostgres;
	let databaseUrl: string;
	let pool: Pool;
	let web: PartnerWeb;
	let key: string;
	let api: RunningService;
	const processes: RlgProcess[] = [];
	let env: Record< string, string >;

	beforeAll( async () => {
		pg = await startPostgres();
		databaseUrl = await pg.createDatabase();
		pool = createPool( { url: databaseUrl, max: 2 } );
		web = await startPartnerWeb( {
			'fast.test': { '/a': PAGE, '/b': PAGE, '/c': PAGE, '/d': PAGE },
			'slow1.test': { '/x': slowPage( 2000 ), '/y': slowPage( 300 ) },
			'slow2.test': { '/x': slowPage( 2000 ) },
			'hang1.test': { '/x': slowPage( 1500 ) },
			'hang2.test': { '/x': slowPage( 1500 ) },
		} );
		const added = await runCli( [
			'sites',
			'add',
			SITE,
			'--database',
			databaseUrl,
			'--json',
		] );
		key = JSON.parse( added.stdout ).key;
		env = {
			RLG_DATABASE_URL: databaseUrl,
			// A part whose worker died is retried 4 s after it started (and
			// pg-boss looks every second); a dead worker's host slots are
			// free again after 3 + 5 s. A part that outlives its expiry while
			// its worker lives is run again too: harmless (stored results
			// answer, rows are keyed).
			RLG_QUEUE_CHECK_EXPIRE_SECONDS: '4',
			RLG_QUEUE_MAINTENANCE_SECONDS: '1',
			RLG_PAGE_TIMEOUT_SECONDS: '3',
		};
		// The node that queues a job sets its expiry (pg-boss send options).
		process.env.RLG_QUEUE_CHECK_EXPIRE_SECONDS = '4';
		api = await startService( {
			dataDir: '',
			databaseUrl,
			host: '127.0.0.1',
			port: 0,
			settings: DEFAULT_SETTINGS,
			logger: silentLogger(),
			resolve: web.resolveEntries,
		} );
	}, 120_000 );

	afterAll( async () => {
		delete process.env.RLG_QUEUE_CHECK_EXPIRE_SECONDS;
		for ( const child of processes ) {
			child.child.kill( 'SIGKILL' );
		}
		await api?.close();
		await pool?.end();
		await web?.close();
		await pg?.stop();
	} );

	async function call(
		base: string,
		method: string,
		pathname: string,
		body = ''
	): Promise< { status: number; json: any } > {
		const headers = signRequest( {
			site: SITE,
			key,
			method,
			path: pathname,
			body,
		} );
		const response = await fetch( `${ base }${ pathname }`, {
			method,
			headers: body
				? { ...headers, 'content-type': 'application/json' }
				: headers,
			body: body || undefined,
		} );
		return { status: response.status, json: await response.json() };
	}

	function startJob( base: string, urls: string[] ) {
		return call(
			base,
			'POST',
			'/v1/check-jobs',
			JSON.stringify( {
				site: SITE,
				links: urls.map( ( url ) => ( {
					url,
					anchorText: 'Partner',
				} ) ),
			} )
		);
	}

	/** Polls the job (long polls of 2 s) until it is finished; returns every result. */
	async function follow( base: string, id: string ) {
		const results: any[] = [];
		const deadline = Date.now() + 60_000;
		for (;;) {
			const { status, json } = await call(
				base,
				'GET',
				`/v1/check-jobs/${ id }?after=${ results.length }&wait=2000`
			);
			expect( status ).toBe( 200 );
			results.push( ...json.results );
			if ( json.finished ) {
				return { job: json, results };
			}
			if ( Date.now() > deadline ) {
				const queue = await pool.query(
					'SELECT name, state, retry_count, started_on FROM pgboss.job'
				);
				throw new Error(
					`job ${ id } not finished: ${ JSON.stringify(
						json
					) }; queue: ${ JSON.stringify( queue.rows ) }`
				);
			}
		}
	}

	async function worker(): Promise< RlgProcess > {
		const child = await startRlg( [ 'worker', ...web.resolveArgs ], env );
		processes.push( child );
		return child;
	}

	async function until(
		what: string,
		test: () => Promise< boolean > | boolean
	) {
		const deadline = Date.now() + 60_000;
		while ( ! ( await test() ) ) {
			if ( Date.now() > deadline ) {
				throw new Error( `timed out waiting for ${ what }` );
			}
			await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
		}
	}

	it( 'finishes a job whose worker was killed (kill -9) in the middle, with no lost and no duplicated rows', async () => {
		const first = await worker();
		const fast = [ '/a', '/b', '/c' ].map( ( p ) =>
			web.url( 'fast.test', p )
		);
		const slow = [
			web.url( 'slow1.test', '/x' ),
			web.url( 'slow2.test', '/x' ),
		];
		const started = await startJob( api.url, [ ...fast, ...slow ] );
		expect( started.status ).toBe( 202 );
		expect( started.json.total ).toBe( 5 );
		const id: string = started.json.id;
		// Killed once the fast pages' results are written and both slow
		// pages are being fetched.
		await until(
			'the fast results and the slow requests',
			async () =>
				web.site( 'slow1.test' ).hits( '/x' ) === 1 &&
				web.site( 'slow2.test' ).hits( '/x' ) === 1 &&
				Number(
					(
						await pool.query(
							'SELECT COUNT(*) AS n FROM check_job_results WHERE job_id = $1',
							[ id ]
						)
					).rows[ 0 ].n
				) === 3
		);
		await first.kill9();
		await worker();

		const { job, results } = await follow( api.url, id );
		expect( job.error ).toBeNull();
		expect( job.total ).toBe( 5 );
		expect( results.map( ( r ) => r.target ).sort() ).toEqual(
			[ ...fast, ...slow ].sort()
		);
		expect(
			results.every(
				( r: { status: string } ) => r.status === 'links-back'
			)
		).toBe( true );
		// The slow pages were fetched again by the second worker; the
		// fast ones the first one finished were not.
		expect( web.site( 'slow1.test' ).hits( '/x' ) ).toBe( 2 );
		expect( web.site( 'slow2.test' ).hits( '/x' ) ).toBe( 2 );
		for ( const p of [ '/a', '/b', '/c' ] ) {
			expect( web.site( 'fast.test' ).hits( p ) ).toBe( 1 );
		}
		const rows = await pool.query(
			'SELECT COUNT(*)::int AS n, COUNT( DISTINCT target_key )::int AS targets FROM check_job_results WHERE job_id = $1',
			[ id ]
		);
		expect( rows.rows[ 0 ] ).toEqual( { n: 5, targets: 5 } );
		const history = await pool.query(
			'SELECT target_key, COUNT(*)::int AS n FROM checks GROUP BY target_key ORDER BY target_key'
		);
		expect( history.rows ).toHaveLength( 5 );
		expect( history.rows.every( ( row ) => row.n === 1 ) ).toBe( true );
	} );

	it( 'loses no job accepted by an API node killed (kill -9) right after its 202', async () => {
		const node = await startRlg(
			[ 'serve', '--port', '0', ...web.resolveArgs ],
			env
		);
		processes.push( node );
		const urls = [
			web.url( 'fast.test', '/d' ),
			web.url( 'slow1.test', '/y' ),
		];
		const started = await startJob( node.url, urls );
		expect( started.status ).toBe( 202 );
		await node.kill9();
		// Another node answers; the running worker checks.
		const { job, results } = await follow( api.url, started.json.id );
		expect( job.total ).toBe( 2 );
		expect( results.map( ( r ) => r.target ).sort() ).toEqual(
			urls.sort()
		);
	} );

	it( "adds no row when a worker that hung past its part's expiry wakes up", async () => {
		// Only the worker about to hang takes the job.
		for ( const child of processes.splice( 0 ) ) {
			child.child.kill( 'SIGKILL' );
			await child.exit;
		}
		const hung = await worker();
		const urls = [
			web.url( 'hang1.test', '/x' ),
			web.url( 'hang2.test', '/x' ),
		];
		const started = await startJob( api.url, urls );
		expect( started.status ).toBe( 202 );
		await until(
			'both slow requests',
			() =>
				web.site( 'hang1.test' ).hits( '/x' ) === 1 &&
				web.site( 'hang2.test' ).hits( '/x' ) === 1
		);
		// Hangs (not dies) with both checks in flight; its part expires
		// after 4 s and another worker runs it.
		hung.child.kill( 'SIGSTOP' );
		await worker();
		const { job, results } = await follow( api.url, started.json.id );
		expect( job.error ).toBeNull();
		expect( results.map( ( r ) => r.target ).sort() ).toEqual(
			urls.sort()
		);
		// Wakes up: its checks end (their time limit has long passed) and
		// find the part taken over.
		hung.child.kill( 'SIGCONT' );
		await until( 'the woken worker to give the part up', () =>
			hung.lines.some(
				( line ) =>
					line.msg ===
					'check job part taken over by another worker; this one stops'
			)
		);
		const rows = await pool.query(
			'SELECT COUNT(*)::int AS n, COUNT( DISTINCT target_key )::int AS targets FROM check_job_results WHERE job_id = $1',
			[ started.json.id ]
		);
		expect( rows.rows[ 0 ] ).toEqual( { n: 2, targets: 2 } );
		const history = await pool.query(
			"SELECT target_key, COUNT(*)::int AS n FROM checks WHERE target_key LIKE 'hang%' GROUP BY target_key"
		);
		expect( history.rows ).toEqual( [
			{ target_key: expect.stringMatching( /^hang1/ ), n: 1 },
			{ target_key: expect.stringMatching( /^hang2/ ), n: 1 },
		] );
	} );
} );
