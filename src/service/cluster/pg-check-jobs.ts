/**
 * Check jobs in PostgreSQL, for a cluster (`rlg serve` nodes + `rlg
 * worker`s on one database): the same `CheckJobs` contract as the
 * in-memory jobs of one process (src/service/check-jobs.ts), but a job is
 * rows, so any API node answers its polls and the checks run on whichever
 * worker takes them from the queue.
 *
 * Accepting a request writes the job, its targets and its queue job in one
 * transaction before the 202: an API node killed right after answering has
 * lost nothing. A poll reads the results table from the client's cursor,
 * looking again every `pollMs` while it may wait.
 */
import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import {
	MAX_JOB_WAIT_MS,
	MAX_TARGETS_PER_JOB,
	type BacklinkResult,
	type CheckJob,
	type CheckRequest,
} from '../../core/schemas';
import { HttpError } from '../api/errors';
import type { CheckJobs } from '../check-jobs';
import { targetKey, unknownJob } from '../check-jobs';
import { inTransaction, one } from '../store/pg-database';
import type { SiteRecord } from '../store/types';
import type { JobQueue } from './queue';

export interface PgCheckJobsOptions {
	pool: Pool;
	queue: Pick< JobQueue, 'sendCheck' >;
	now?: () => number;
	/** A job nobody polled for this long is deleted (default 10 min). */
	keepMs?: number;
	/** Unfinished jobs one site may have at once (default 20). */
	maxRunningPerSite?: number;
	maxTargets?: number;
	/** How often a waiting poll looks for new results (default 100 ms). */
	pollMs?: number;
	/** A poll that got a first new result waits this much longer (default 150). */
	coalesceMs?: number;
}

interface JobRow {
	id: string;
	site_id: number;
	site_url: string;
	error_code: string | null;
	error_message: string | null;
}

const sleep = ( ms: number ) =>
	new Promise< void >( ( resolve ) => setTimeout( resolve, ms ) );

export function createPgCheckJobs( options: PgCheckJobsOptions ): CheckJobs {
	const { pool, queue } = options;
	const now = options.now ?? Date.now;
	const keepMs = options.keepMs ?? 600_000;
	const maxRunning = options.maxRunningPerSite ?? 20;
	const maxTargets = options.maxTargets ?? MAX_TARGETS_PER_JOB;
	const pollMs = options.pollMs ?? 100;
	const coalesceMs = options.coalesceMs ?? 150;
	let lastSweep = 0;

	/** Forget jobs nobody looked at for `keepMs` (at most once a minute). */
	async function sweep(): Promise< void > {
		if ( now() - lastSweep < 60_000 ) {
			return;
		}
		lastSweep = now();
		await pool.query( 'DELETE FROM check_jobs WHERE touched_ms < $1', [
			now() - keepMs,
		] );
	}

	async function view( job: JobRow, after: number ): Promise< CheckJob > {
		const counts = await one< {
			total: number;
			done: number;
			open: number;
		} >(
			pool,
			`SELECT
				( SELECT COUNT(*)::int FROM check_job_targets WHERE job_id = $1 ) AS total,
				( SELECT COUNT(*)::int FROM check_job_results WHERE job_id = $1 ) AS done,
				( SELECT COUNT(*)::int FROM check_job_parts WHERE job_id = $1 AND NOT done ) AS open`,
			[ job.id ]
		);
		const { total, done, open } = counts!;
		const rows =
			done > after
				? (
						await pool.query< { result: string } >(
							'SELECT result FROM check_job_results WHERE job_id = $1 ORDER BY seq OFFSET $2',
							[ job.id, after ]
						)
					).rows
				: [];
		return {
			id: job.id,
			site: job.site_url,
			total,
			done: after + rows.length,
			finished: open === 0 || done >= total || job.error_code !== null,
			results: rows.map(
				( row ) => JSON.parse( row.result ) as BacklinkResult
			),
			error:
				job.error_code === null
					? null
					: {
							code: job.error_code,
							message: job.error_message ?? '',
						},
		};
	}

	async function ownJob( id: string, site: SiteRecord ): Promise< JobRow > {
		const job = await one< JobRow >(
			pool,
			`UPDATE check_jobs SET touched_ms = $3 WHERE id = $1 AND site_id = $2
			RETURNING id, site_id, site_url, error_code, error_message`,
			[ id, site.id, now() ]
		);
		if ( ! job ) {
			throw unknownJob();
		}
		return job;
	}

	/**
	 * Adds `request`'s new targets to the job and queues them as one part,
	 * in one transaction (locking the job row, so two appends at once
	 * number their parts in turn).
	 */
	async function addPart(
		jobId: string,
		request: CheckRequest,
		site: SiteRecord,
		create: boolean
	): Promise< void > {
		await inTransaction( pool, async ( client ) => {
			if ( create ) {
				await client.query(
					`INSERT INTO check_jobs ( id, site_id, site_url, created_ms, touched_ms )
					VALUES ( $1, $2, $3, $4, $4 )`,
					[ jobId, site.id, site.url, now() ]
				);
			} else {
				await client.query(
					'SELECT id FROM check_jobs WHERE id = $1 FOR UPDATE',
					[ jobId ]
				);
			}
			const known = new Set(
				(
					await client.query< { target_key: string } >(
						'SELECT target_key FROM check_job_targets WHERE job_id = $1',
						[ jobId ]
					)
				).rows.map( ( row ) => row.target_key )
			);
			const fresh = request.links.filter( ( link ) => {
				const key = targetKey( link.url );
				if ( known.has( key ) ) {
					return false;
				}
				known.add( key );
				return true;
			} );
			if ( known.size > maxTargets ) {
				throw new HttpError(
					400,
					'ERR_JOB_TOO_LARGE',
					`links: a check job holds at most ${ maxTargets } distinct targets (this one would have ${ known.size })`,
					'links'
				);
			}
			if ( fresh.length === 0 ) {
				return;
			}
			await client.query(
				`INSERT INTO check_job_targets ( job_id, target_key )
				SELECT $1, key FROM UNNEST( $2::text[] ) AS key ON CONFLICT DO NOTHING`,
				[ jobId, fresh.map( ( link ) => targetKey( link.url ) ) ]
			);
			const part =
				(
					await one< { next: number } >(
						client,
						'SELECT COALESCE( MAX( part ), 0 ) + 1 AS next FROM check_job_parts WHERE job_id = $1',
						[ jobId ]
					)
				)?.next ?? 1;
			await client.query(
				'INSERT INTO check_job_parts ( job_id, part ) VALUES ( $1, $2 )',
				[ jobId, part ]
			);
			await queue.sendCheck(
				{
					jobId,
					part,
					siteKey: site.siteKey,
					request: { ...request, links: fresh },
				},
				client
			);
		} );
	}

	return {
		async start( request, site ) {
			await sweep();
			const running =
				(
					await one< { running: number } >(
						pool,
						`SELECT COUNT( DISTINCT p.job_id )::int AS running
						FROM check_jobs j JOIN check_job_parts p ON p.job_id = j.id
						WHERE j.site_id = $1 AND NOT p.done AND j.error_code IS NULL`,
						[ site.id ]
					)
				)?.running ?? 0;
			if ( running >= maxRunning ) {
				throw new HttpError(
					429,
					'ERR_TOO_MANY_JOBS',
					`${ site.url } has ${ running } check jobs running; wait for one to finish`
				);
			}
			const id = randomBytes( 16 ).toString( 'hex' );
			await addPart( id, request, site, true );
			return view(
				{
					id,
					site_id: site.id,
					site_url: site.url,
					error_code: null,
					error_message: null,
				},
				0
			);
		},

		async append( id, request, site ) {
			await ownJob( id, site );
			await addPart( id, request, site, false );
			return view( await ownJob( id, site ), 0 );
		},

		async poll( id, site, after, waitMs ) {
			await sweep();
			const wait = Math.max( 0, Math.min( waitMs, MAX_JOB_WAIT_MS ) );
			const deadline = now() + wait;
			let current = await view( await ownJob( id, site ), after );
			if ( current.results.length > 0 || current.finished || ! wait ) {
				return current;
			}
			while ( now() < deadline ) {
				await sleep( Math.min( pollMs, deadline - now() ) );
				current = await view( await ownJob( id, site ), after );
				if ( current.finished ) {
					break;
				}
				if ( current.results.length > 0 ) {
					// A burst of results is one answer, not one per result.
					await sleep(
						Math.max( 0, Math.min( coalesceMs, deadline - now() ) )
					);
					current = await view( await ownJob( id, site ), after );
					break;
				}
			}
			return current;
		},

		// Jobs are rows, not held by this process.
		size: () => 0,
	};
}
