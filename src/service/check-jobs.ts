/**
 * Check jobs: a client hands the service a post's links and gets a job id
 * at once; the checks run in the background and each poll answers the
 * results that became known since the client's cursor. The editor follows
 * a job instead of holding one request open per batch, so a big post's
 * checks never fail because a proxy in between (WordPress waits 15 s) gave
 * up on a slow batch (issue 20).
 *
 * Jobs live in this process's memory: the results themselves are stored by
 * the check service as always, so a client whose job is gone (restart,
 * expiry: 404 ERR_JOB_UNKNOWN) starts a new one and gets the finished
 * targets from the store at once.
 */
import { randomBytes } from 'node:crypto';
import {
	MAX_JOB_WAIT_MS,
	MAX_TARGETS_PER_JOB,
	type BacklinkResult,
	type CheckJob,
	type CheckRequest,
} from '../core/schemas';
import { normalizeUrl, urlKey } from '../core/url';
import type { CheckService } from './check-service';
import { HttpError } from './api/errors';
import type { Logger } from './logger';
import { silentLogger } from './logger';
import type { SiteRecord } from './store/types';

export interface CheckJobsOptions {
	checkService: CheckService;
	logger?: Logger;
	/** Clock in ms (tests move it). */
	now?: () => number;
	/** A finished or unpolled job is forgotten after this long (default 10 min). */
	keepMs?: number;
	/** Unfinished jobs one site may have at once (default 20); more is a 429. */
	maxRunningPerSite?: number;
	/** Distinct targets per job (default MAX_TARGETS_PER_JOB). */
	maxTargets?: number;
	/**
	 * A poll that got a first new result waits this much longer for more,
	 * so a burst of results is one answer, not one per result (default 150).
	 */
	coalesceMs?: number;
}

export interface CheckJobs {
	/**
	 * Accept `request`'s links as a new job of `site`; answers once the
	 * stored results are in (they need no check), not when the checks end.
	 */
	start: ( request: CheckRequest, site: SiteRecord ) => Promise< CheckJob >;
	/** Add links to a job of `site` (targets it already has are not checked again). */
	/**
	 * Adds links; answers the job's results from `after` on (default 0:
	 * all), so a client handing over a big post in many requests does not
	 * receive the same results again with every one.
	 */
	append: (
		id: string,
		request: CheckRequest,
		site: SiteRecord,
		after?: number
	) => Promise< CheckJob >;
	/**
	 * The job's results from `after` on; waits up to `waitMs` for a first
	 * new one while the job runs.
	 */
	poll: (
		id: string,
		site: SiteRecord,
		after: number,
		waitMs: number
	) => Promise< CheckJob >;
	/** Jobs held now (for tests and health). */
	size: () => number;
}

interface Job {
	id: string;
	siteId: number;
	siteUrl: string;
	keys: Set< string >;
	reported: Set< string >;
	results: BacklinkResult[];
	/** check() calls still running for this job. */
	running: number;
	error: { code: string; message: string } | null;
	touchedAt: number;
	finishedAt: number | null;
	wake: Set< () => void >;
}

/** The identity of a link's target within a job, as the check service dedupes. */
export function targetKey( url: string ): string {
	const normalized = normalizeUrl( url );
	return normalized === null ? `invalid:${ url }` : urlKey( normalized );
}

/** The target key a result answers (invalid URLs keyed by their text). */
export function resultKey( result: BacklinkResult ): string {
	return result.status === 'invalid-url'
		? `invalid:${ result.target }`
		: targetKey( result.target );
}

export function unknownJob(): HttpError {
	// The same answer for another site's job: ids say nothing across sites.
	return new HttpError(
		404,
		'ERR_JOB_UNKNOWN',
		'no such check job (finished jobs are kept for a few minutes; start a new one)'
	);
}

export function createCheckJobs( options: CheckJobsOptions ): CheckJobs {
	const { checkService } = options;
	const logger = options.logger ?? silentLogger();
	const now = options.now ?? Date.now;
	const keepMs = options.keepMs ?? 600_000;
	const maxRunning = options.maxRunningPerSite ?? 20;
	const maxTargets = options.maxTargets ?? MAX_TARGETS_PER_JOB;
	const coalesceMs = options.coalesceMs ?? 150;
	const jobs = new Map< string, Job >();

	function sweep(): void {
		const at = now();
		for ( const [ id, job ] of jobs ) {
			const idleSince = Math.max( job.touchedAt, job.finishedAt ?? 0 );
			if ( job.running === 0 && at - idleSince > keepMs ) {
				jobs.delete( id );
			}
		}
	}

	function view( job: Job, after = 0 ): CheckJob {
		return {
			id: job.id,
			site: job.siteUrl,
			total: job.keys.size,
			done: job.results.length,
			// Every target has its result, or nothing runs any more.
			finished: job.running === 0 || job.results.length >= job.keys.size,
			results: job.results.slice( Math.min( after, job.results.length ) ),
			error: job.error,
		};
	}

	function wakeAll( job: Job ): void {
		for ( const wake of job.wake ) {
			wake();
		}
	}

	function report( job: Job, result: BacklinkResult ): void {
		const key = resultKey( result );
		if ( job.reported.has( key ) ) {
			return;
		}
		job.reported.add( key );
		job.results.push( result );
		wakeAll( job );
	}

	/**
	 * Starts the checks of `request`'s links that the job does not have
	 * yet; resolves once the stored ones among them are reported.
	 */
	function run(
		job: Job,
		request: CheckRequest,
		site: SiteRecord
	): Promise< void > {
		const fresh = request.links.filter( ( link ) => {
			const key = targetKey( link.url );
			if ( job.keys.has( key ) ) {
				return false;
			}
			job.keys.add( key );
			return true;
		} );
		if ( fresh.length === 0 ) {
			return Promise.resolve();
		}
		job.running++;
		job.finishedAt = null;
		let planned: () => void = () => undefined;
		const plannedOrDone = new Promise< void >( ( resolve ) => {
			planned = resolve;
		} );
		checkService
			.check( { ...request, links: fresh }, site, {
				onResult: ( result ) => report( job, result ),
				onPlanned: () => planned(),
			} )
			.then(
				( response ) => {
					// Results the observer did not see (invalid URLs).
					for ( const result of response.results ) {
						report( job, result );
					}
				},
				( error: unknown ) => {
					logger.error(
						{ err: error, site: site.url, job: job.id },
						'check job failed'
					);
					job.error = {
						code: 'ERR_CHECK_FAILED',
						message:
							'the service could not check these links; see its log',
					};
				}
			)
			.finally( () => {
				job.running--;
				if ( job.running === 0 ) {
					job.finishedAt = now();
				}
				wakeAll( job );
				planned();
			} );
		return plannedOrDone;
	}

	function ownJob( id: string, site: SiteRecord ): Job {
		const job = jobs.get( id );
		if ( ! job || job.siteId !== site.id ) {
			throw unknownJob();
		}
		job.touchedAt = now();
		return job;
	}

	function checkSize( job: Job, request: CheckRequest ): void {
		const adding = new Set(
			request.links
				.map( ( link ) => targetKey( link.url ) )
				.filter( ( key ) => ! job.keys.has( key ) )
		);
		if ( job.keys.size + adding.size > maxTargets ) {
			throw new HttpError(
				400,
				'ERR_JOB_TOO_LARGE',
				`links: a check job holds at most ${ maxTargets } distinct targets (this one has ${ job.keys.size }, the request adds ${ adding.size })`,
				'links'
			);
		}
	}

	return {
		async start( request, site ) {
			sweep();
			let running = 0;
			for ( const job of jobs.values() ) {
				if ( job.siteId === site.id && job.running > 0 ) {
					running++;
				}
			}
			if ( running >= maxRunning ) {
				throw new HttpError(
					429,
					'ERR_TOO_MANY_JOBS',
					`${ site.url } has ${ running } check jobs running; wait for one to finish`
				);
			}
			const job: Job = {
				id: randomBytes( 16 ).toString( 'hex' ),
				siteId: site.id,
				siteUrl: site.url,
				keys: new Set(),
				reported: new Set(),
				results: [],
				running: 0,
				error: null,
				touchedAt: now(),
				finishedAt: now(),
				wake: new Set(),
			};
			checkSize( job, request );
			jobs.set( job.id, job );
			await run( job, request, site );
			return view( job );
		},

		async append( id, request, site, after = 0 ) {
			const job = ownJob( id, site );
			checkSize( job, request );
			await run( job, request, site );
			return view( job, after );
		},

		async poll( id, site, after, waitMs ) {
			sweep();
			const job = ownJob( id, site );
			const wait = Math.max( 0, Math.min( waitMs, MAX_JOB_WAIT_MS ) );
			if (
				job.results.length > after ||
				job.running === 0 ||
				job.results.length >= job.keys.size ||
				! wait
			) {
				return view( job, after );
			}
			await new Promise< void >( ( resolve ) => {
				let coalescing = false;
				const done = () => {
					clearTimeout( timer );
					job.wake.delete( onWake );
					resolve();
				};
				const timer = setTimeout( done, wait );
				const onWake = () => {
					if (
						job.running === 0 ||
						job.results.length >= job.keys.size
					) {
						done();
					} else if ( ! coalescing ) {
						coalescing = true;
						clearTimeout( timer );
						setTimeout( done, coalesceMs );
					}
				};
				job.wake.add( onWake );
			} );
			job.touchedAt = now();
			return view( job, after );
		},

		size: () => jobs.size,
	};
}
