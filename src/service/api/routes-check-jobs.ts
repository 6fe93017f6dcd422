/**
 * Check jobs, signed like /v1/check (src/service/check-jobs.ts):
 *
 *   POST /v1/check-jobs              CheckRequest -> 202 CheckJob (results known at once)
 *        (up to MAX_LINKS_PER_JOB_REQUEST links per request, both POSTs)
 *   POST /v1/check-jobs/:id/links?after=N  CheckRequest -> CheckJob (more links for the job; results from N on)
 *   GET  /v1/check-jobs/:id?after=N&wait=ms      -> CheckJob (results from N on)
 *
 * A poll waits at most `wait` ms (≤ MAX_JOB_WAIT_MS, below the plugin's
 * 15 s proxy timeout) for a first new result, so a client polling in a loop
 * sees results as they come without holding a request open for minutes.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
	CheckJobSchema,
	MAX_LINKS_PER_CHECK,
	type CheckJob,
	type CheckRequest,
} from '../../core/schemas';
import type { CheckJobs } from '../check-jobs';
import type { SiteRecord } from '../store/types';
import { authorizedCheckRequest } from './check-request';
import { HttpError } from './errors';

export interface CheckJobRoutesDeps {
	jobs: CheckJobs;
	authenticate: ( request: FastifyRequest ) => Promise< void >;
	/** The app's strict JSON reader of the raw (signed) body. */
	parseBody: ( request: FastifyRequest ) => unknown;
}

const JOB_ID = /^[0-9a-f]{32}$/;

function jobId( request: FastifyRequest ): string {
	const { id } = request.params as { id?: string };
	if ( ! id || ! JOB_ID.test( id ) ) {
		throw new HttpError(
			404,
			'ERR_JOB_UNKNOWN',
			'no such check job (finished jobs are kept for a few minutes; start a new one)'
		);
	}
	return id;
}

/** A non-negative integer query parameter, or a 400 naming it. */
function queryInteger(
	request: FastifyRequest,
	name: string,
	fallback: number
): number {
	const raw = ( request.query as Record< string, unknown > )[ name ];
	if ( raw === undefined || raw === '' ) {
		return fallback;
	}
	const value = typeof raw === 'string' ? Number( raw ) : NaN;
	if ( ! Number.isSafeInteger( value ) || value < 0 ) {
		throw new HttpError(
			400,
			'ERR_VALIDATION',
			`${ name }: must be a non-negative integer, got ${ JSON.stringify(
				raw
			) }`,
			name
		);
	}
	return value;
}

/**
 * A request's links in parts of at most MAX_LINKS_PER_CHECK: a request may
 * carry up to MAX_LINKS_PER_JOB_REQUEST links, and the job stores (in
 * memory, or the cluster's queue, where each part is one worker's task)
 * take them a check's worth at a time.
 */
function parts( request: CheckRequest ): CheckRequest[] {
	const out: CheckRequest[] = [];
	for ( let i = 0; i < request.links.length; i += MAX_LINKS_PER_CHECK ) {
		out.push( {
			...request,
			links: request.links.slice( i, i + MAX_LINKS_PER_CHECK ),
		} );
	}
	return out;
}

export function registerCheckJobRoutes(
	app: FastifyInstance,
	deps: CheckJobRoutesDeps
): void {
	const { jobs, authenticate, parseBody } = deps;

	app.post(
		'/v1/check-jobs',
		{ preHandler: authenticate },
		async ( request, reply ) => {
			const site = request.site as SiteRecord;
			const [ first, ...rest ] = parts(
				authorizedCheckRequest( parseBody( request ), site, 'job' )
			);
			let job: CheckJob = await jobs.start( first, site );
			for ( const part of rest ) {
				job = await jobs.append( job.id, part, site, 0 );
			}
			return reply.code( 202 ).send( CheckJobSchema.parse( job ) );
		}
	);

	app.post(
		'/v1/check-jobs/:id/links',
		{ preHandler: authenticate },
		async ( request ) => {
			const site = request.site as SiteRecord;
			const id = jobId( request );
			const after = queryInteger( request, 'after', 0 );
			let job: CheckJob | null = null;
			for ( const part of parts(
				authorizedCheckRequest( parseBody( request ), site, 'job' )
			) ) {
				job = await jobs.append( id, part, site, after );
			}
			return CheckJobSchema.parse( job );
		}
	);

	app.get(
		'/v1/check-jobs/:id',
		{ preHandler: authenticate },
		async ( request ) => {
			const site = request.site as SiteRecord;
			const id = jobId( request );
			const after = queryInteger( request, 'after', 0 );
			const wait = queryInteger( request, 'wait', 0 );
			return CheckJobSchema.parse(
				await jobs.poll( id, site, after, wait )
			);
		}
	);
}
