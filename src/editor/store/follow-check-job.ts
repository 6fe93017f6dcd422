/**
 * Following one check job (issue 20): hand the service the targets in
 * requests it accepts at once, then poll for results as they become known.
 * No request waits for a slow partner, so a big post's checks never fail
 * because WordPress's proxy gave up on a batch; a transient failure (the
 * proxy's 502/504, a dropped connection, a busy service) is retried with
 * backoff, and a job the service forgot (restart) is started again. The
 * plugin's per-user budget (429 rlg_rate_limited) is waited out as long as
 * it says, however often: a pause, never a reason to give up on partners.
 */
import {
	MAX_LINKS_PER_JOB_REQUEST,
	type BacklinkResult,
	type CheckJob,
} from '../../core';
import { __ } from '@wordpress/i18n';
import { urlKey } from '../../core/url';
import { requestBatches, type CheckTarget } from '../links/diff';
import type { EditorError } from '../types';
import { toEditorError } from '../api';

export interface CheckJobApi {
	start: ( links: CheckTarget[] ) => Promise< CheckJob >;
	/** Adds links; the answer holds the job's results from `after` on. */
	append: (
		id: string,
		links: CheckTarget[],
		after: number
	) => Promise< CheckJob >;
	poll: ( id: string, after: number, waitMs: number ) => Promise< CheckJob >;
}

export interface FollowOptions {
	api: CheckJobApi;
	/** Results of some targets, keyed by CheckTarget.key. */
	onResults: ( results: Record< string, BacklinkResult > ) => void;
	/** A transient failure; the follower tries again after `retryInMs`. */
	onTrouble: ( error: EditorError | null, retryInMs: number ) => void;
	sleep?: ( ms: number ) => Promise< void >;
	/** How long one poll may wait on the service for new results. */
	pollWaitMs?: number;
	/** Least time between the starts of two polls (spares WordPress). */
	pollIntervalMs?: number;
	/** Tries of one request before giving up on the service. */
	maxAttempts?: number;
	/**
	 * Requests adding links to a job that may be in flight at once (after
	 * the one that starts it). Each goes through WordPress, which takes a
	 * while to answer even when the service knows every result.
	 */
	appendsInFlight?: number;
	/**
	 * Most targets per request (default MAX_LINKS_PER_JOB_REQUEST): a
	 * 1,000-link post is one request, and its stored results one answer.
	 */
	linksPerRequest?: number;
}

/** Appends in flight by default: WordPress's PHP workers are few. */
export const APPENDS_IN_FLIGHT = 3;

export interface FollowOutcome {
	/** Targets the service finished without a result for. */
	missing: CheckTarget[];
	/** Set when the follower gave up: these targets were never checked. */
	gaveUp: { targets: CheckTarget[]; error: EditorError } | null;
}

/** Failures worth another try: the request may succeed unchanged later. */
export function isTransientError( error: EditorError ): boolean {
	// A key the service rejects or a request WordPress refuses fails the
	// same way next time, whatever status the proxy gave it.
	if (
		error.code === 'rlg_service_misconfigured' ||
		error.code.startsWith( 'rest_' )
	) {
		return false;
	}
	if (
		[ 'fetch_error', 'invalid_json', 'rlg_service_unreachable' ].includes(
			error.code
		)
	) {
		return true;
	}
	return (
		error.status !== undefined &&
		[ 408, 425, 429, 500, 502, 503, 504 ].includes( error.status )
	);
}

/**
 * A 429: the user's check budget (or the service's) is spent for now. Not
 * a failure: wait as long as it says and ask again.
 */
export function isRateLimited( error: EditorError ): boolean {
	return error.status === 429 || error.code === 'rlg_rate_limited';
}

/** Longest wait for a budget to refill that the editor honours at once. */
const MAX_RATE_LIMIT_WAIT_MS = 10 * 60_000;

/** How long to wait after a 429: its Retry-After, else the backoff. */
export function rateLimitWaitMs(
	error: EditorError,
	attempt: number,
	random = Math.random
): number {
	if ( error.retryAfterSeconds !== undefined ) {
		// A little later than asked, spread so many editors do not return in step.
		const ms = error.retryAfterSeconds * 1000 * ( 1 + 0.1 * random() );
		return Math.round( Math.min( MAX_RATE_LIMIT_WAIT_MS, ms ) );
	}
	return backoffMs( attempt, random );
}

/** The service no longer knows the job (restarted, or the job expired). */
function isLostJob( error: EditorError ): boolean {
	return error.serviceCode === 'ERR_JOB_UNKNOWN';
}

class GiveUp extends Error {
	constructor( readonly error: EditorError ) {
		super( error.message );
	}
}

/** 1 s, 2 s, 4 s, … at most 30 s, each ±20% so many editors do not retry in step. */
export function backoffMs( attempt: number, random = Math.random ): number {
	const base = Math.min( 30_000, 1000 * 2 ** attempt );
	return Math.round( base * ( 0.8 + 0.4 * random() ) );
}

const defaultSleep = ( ms: number ) =>
	new Promise< void >( ( resolve ) => setTimeout( resolve, ms ) );

export async function followCheckJob(
	targets: readonly CheckTarget[],
	options: FollowOptions
): Promise< FollowOutcome > {
	const {
		api,
		onResults,
		onTrouble,
		sleep = defaultSleep,
		pollWaitMs = 4000,
		pollIntervalMs = 1000,
		maxAttempts = 5,
		appendsInFlight = APPENDS_IN_FLIGHT,
		linksPerRequest = MAX_LINKS_PER_JOB_REQUEST,
	} = options;
	// Results name their target normalised: pair by urlKey.
	const pending = new Map< string, CheckTarget >();
	for ( const target of targets ) {
		pending.set( target.key, target );
		pending.set( urlKey( target.url ), target );
	}
	const open = new Set( targets.map( ( t ) => t.key ) );

	async function attempt< T >( request: () => Promise< T > ): Promise< T > {
		// Rate-limited answers do not count as tries: they are waited out.
		for ( let tries = 0, limited = 0; ; ) {
			try {
				const answer = await request();
				if ( tries > 0 || limited > 0 ) {
					onTrouble( null, 0 );
				}
				return answer;
			} catch ( thrown ) {
				const error = toEditorError( thrown );
				if ( isLostJob( error ) ) {
					throw thrown;
				}
				if ( isRateLimited( error ) ) {
					const wait = rateLimitWaitMs(
						error,
						Math.min( limited, 5 )
					);
					limited++;
					onTrouble( error, wait );
					await sleep( wait );
					continue;
				}
				tries++;
				if ( ! isTransientError( error ) || tries >= maxAttempts ) {
					throw new GiveUp( error );
				}
				const wait = backoffMs( tries - 1 );
				onTrouble( error, wait );
				await sleep( wait );
			}
		}
	}

	function take( job: CheckJob ): void {
		const found: Record< string, BacklinkResult > = {};
		for ( const result of job.results ) {
			const target = pending.get( urlKey( result.target ) );
			if ( target && open.has( target.key ) ) {
				open.delete( target.key );
				found[ target.key ] = result;
			}
		}
		if ( Object.keys( found ).length ) {
			onResults( found );
		}
	}

	/**
	 * Hands the service `open` targets as one job: the first request starts
	 * it, the others add to it, `appendsInFlight` at a time. Answers may
	 * come back in any order; each holds the results from the cursor it was
	 * sent with, and the service's results only grow, so the cursor can
	 * move to the furthest `done` seen. Null when there is nothing to hand.
	 */
	async function submit(
		batchOf: CheckTarget[]
	): Promise< { job: CheckJob; after: number } | null > {
		const batches = requestBatches( batchOf, linksPerRequest );
		if ( batches.length === 0 ) {
			return null;
		}
		const [ first, ...rest ] = batches;
		let job: CheckJob = await attempt( () => api.start( first ) );
		take( job );
		let after = job.done;
		const { id } = job;
		let next = 0;
		const worker = async () => {
			while ( next < rest.length ) {
				const batch = rest[ next++ ];
				const from = after;
				const answer = await attempt( () =>
					api.append( id, batch, from )
				);
				take( answer );
				if ( answer.done >= after ) {
					after = answer.done;
					job = answer;
				}
			}
		};
		await Promise.all(
			Array.from(
				{
					length: Math.min(
						Math.max( 1, appendsInFlight ),
						rest.length
					),
				},
				worker
			)
		);
		// An answer that said "finished" may predate links another answer
		// added: with targets still open, one poll asks the job itself.
		if ( rest.length > 0 && open.size > 0 ) {
			job = { ...job, finished: false };
		}
		return { job, after };
	}

	const stillOpen = () =>
		targets.filter( ( target ) => open.has( target.key ) );

	try {
		// A job the service forgot is started again with what is still open;
		// the finished targets come back from its store at once.
		for ( let restarts = 0; open.size > 0; restarts++ ) {
			if ( restarts > 3 ) {
				throw new GiveUp( {
					code: 'rlg_job_lost',
					message: __(
						'The link check service lost the check job several times in a row (is it restarting?).',
						'reciprocal-link-guard'
					),
				} );
			}
			try {
				const submitted = await submit( stillOpen() );
				if ( ! submitted ) {
					break;
				}
				let { job, after } = submitted;
				while ( ! job.finished && open.size > 0 ) {
					const started = Date.now();
					const { id } = job;
					const from = after;
					job = await attempt( () =>
						api.poll( id, from, pollWaitMs )
					);
					take( job );
					after = job.done;
					const rest = pollIntervalMs - ( Date.now() - started );
					if ( ! job.finished && rest > 0 ) {
						await sleep( rest );
					}
				}
				if ( job.error && open.size > 0 ) {
					throw new GiveUp( {
						code: job.error.code,
						message: job.error.message,
					} );
				}
				return { missing: stillOpen(), gaveUp: null };
			} catch ( thrown ) {
				if (
					thrown instanceof GiveUp ||
					! isLostJob( toEditorError( thrown ) )
				) {
					throw thrown;
				}
			}
		}
		return { missing: [], gaveUp: null };
	} catch ( thrown ) {
		const error =
			thrown instanceof GiveUp ? thrown.error : toEditorError( thrown );
		return { missing: [], gaveUp: { targets: stillOpen(), error } };
	}
}
