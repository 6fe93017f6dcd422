/**
 * The check thunk against a real @wordpress/data registry, with the REST
 * routes played by an in-memory check-job service (issue 20): links handed
 * over in requests the service accepts, partial results in the store as
 * they come, transient failures retried, a forgotten job started again, and
 * only a service that stays away reported, once, as a service error.
 */
import apiFetch from '@wordpress/api-fetch';
import { createRegistry } from '@wordpress/data';
import { MAX_LINKS_PER_CHECK, type BacklinkResult } from '../../src/core';
import { urlKey } from '../../src/core/url';
import { store } from '../../src/editor/store';
import { backoffMs } from '../../src/editor/store/follow-check-job';
import { result } from './fixtures';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const fetchMock = apiFetch as unknown as jest.Mock;

function targets( count: number, host = 'partner' ) {
	return Array.from( { length: count }, ( _, i ) => {
		const url = `https://${ host }-${ i }.example/`;
		return { key: urlKey( url ), url, anchorText: `Partner ${ i }` };
	} );
}

interface Request {
	path: string;
	method?: string;
	data?: { links: Array< { url: string } > };
}

/** A check-job service: each poll finishes `perPoll` more targets. */
function jobService(
	options: {
		perPoll?: number;
		status?: ( url: string ) => BacklinkResult[ 'status' ];
		/** Results come from the service's store (checked before). */
		fromCache?: boolean;
		/** Fail the n-th request (0-based) with this error. */
		failures?: Record< number, unknown >;
	} = {}
) {
	const perPoll = options.perPoll ?? 1000;
	const status = options.status ?? ( () => 'no-link' as const );
	const jobs = new Map<
		string,
		{ urls: string[]; results: BacklinkResult[] }
	>();
	const requests: Request[] = [];
	let count = 0;
	const view = ( id: string, after: number ) => {
		const job = jobs.get( id )!;
		return {
			id,
			site: 'https://ours.example/',
			total: job.urls.length,
			done: job.results.length,
			finished: job.results.length === job.urls.length,
			results: job.results.slice( after ),
			error: null,
		};
	};
	fetchMock.mockImplementation( async ( request: Request ) => {
		requests.push( request );
		const failure = options.failures?.[ count++ ];
		if ( failure ) {
			throw failure;
		}
		const started = request.path.match( /check-jobs$/ );
		const appended = request.path.match(
			/check-jobs\/(\w+)\/links\?after=(\d+)$/
		);
		if ( started || appended ) {
			const id = appended
				? appended[ 1 ]
				: String( jobs.size ).padStart( 32, 'a' );
			if ( ! jobs.has( id ) ) {
				jobs.set( id, { urls: [], results: [] } );
			}
			jobs.get( id )!.urls.push(
				...( request.data?.links ?? [] ).map( ( l ) => l.url )
			);
			return view( id, appended ? Number( appended[ 2 ] ) : 0 );
		}
		const polled = request.path.match( /check-jobs\/(\w+)\?after=(\d+)/ );
		if ( polled ) {
			const [ , id, after ] = polled;
			const job = jobs.get( id );
			if ( ! job ) {
				throw {
					code: 'rlg_service_error',
					message: 'no such check job',
					data: { status: 404, serviceCode: 'ERR_JOB_UNKNOWN' },
				};
			}
			for ( const url of job.urls.slice(
				job.results.length,
				job.results.length + perPoll
			) ) {
				job.results.push(
					result( url, {
						status: status( url ),
						fromCache: options.fromCache ?? false,
					} )
				);
			}
			return view( id, Number( after ) );
		}
		throw new Error( `unexpected request ${ request.path }` );
	} );
	return { requests, jobs };
}

const instant = { sleep: async () => undefined, pollIntervalMs: 0 };

describe( 'checkTargets (check jobs)', () => {
	afterEach( () => fetchMock.mockReset() );

	it( 'hands a 1,000-link post over in one request', async () => {
		const service = jobService();
		const registry = createRegistry();
		registry.register( store );
		const all = targets( 1000 );
		await registry.dispatch( store ).checkTargets( all, 7, [], instant );
		const posts = service.requests.filter( ( r ) => r.method === 'POST' );
		expect( posts.map( ( r ) => r.data?.links.length ) ).toEqual( [
			1000,
		] );
		expect(
			Object.values( registry.select( store ).getChecks() ).every(
				( c ) => c.state === 'done'
			)
		).toBe( true );
	} );

	it( 'hands a bigger post over in requests of at most the per-request cap, as one job', async () => {
		const service = jobService();
		const registry = createRegistry();
		registry.register( store );
		const all = targets( MAX_LINKS_PER_CHECK * 2 + 5 );
		await registry.dispatch( store ).checkTargets( all, 7, [ 'kw' ], {
			...instant,
			linksPerRequest: MAX_LINKS_PER_CHECK,
		} );

		const posts = service.requests.filter( ( r ) => r.method === 'POST' );
		expect( posts.map( ( r ) => r.data?.links.length ) ).toEqual( [
			MAX_LINKS_PER_CHECK,
			MAX_LINKS_PER_CHECK,
			5,
		] );
		expect( posts[ 0 ] ).toMatchObject( {
			path: '/reciprocal-link-guard/v1/check-jobs',
			data: { postId: 7, keywords: [ 'kw' ] },
		} );
		expect( posts[ 1 ].path ).toMatch( /check-jobs\/a+0\/links\?after=0$/ );
		expect( service.jobs.size ).toBe( 1 );
		const checks = Object.values( registry.select( store ).getChecks() );
		expect( checks ).toHaveLength( all.length );
		expect( checks.every( ( c ) => c.state === 'done' ) ).toBe( true );
		expect( registry.select( store ).getServiceError() ).toBeNull();
	} );

	it( 'shows partial results while the job runs', async () => {
		jobService( { perPoll: 2 } );
		const registry = createRegistry();
		registry.register( store );
		const seen: number[] = [];
		registry.subscribe( () => {
			const done = Object.values(
				registry.select( store ).getChecks()
			).filter( ( c ) => c.state === 'done' ).length;
			if ( seen[ seen.length - 1 ] !== done ) {
				seen.push( done );
			}
		} );
		// Polls 20 ms apart; results wait at most 5 ms for others (timers
		// fire in order of their due time, so each poll's results land
		// before the next poll).
		await registry.dispatch( store ).checkTargets( targets( 5 ), 7, [], {
			sleep: ( ms: number ) =>
				new Promise( ( resolve ) => setTimeout( resolve, ms ) ),
			pollIntervalMs: 20,
			resultFlushMs: 5,
		} );
		expect( seen ).toEqual( [ 0, 2, 4, 5 ] );
	} );

	it( 'lands answers that come in together as one dispatch (one analysis, not one each)', async () => {
		const service = jobService( { perPoll: 1 } );
		const registry = createRegistry();
		registry.register( store );
		let dispatches = 0;
		let before = registry.select( store ).getChecks();
		registry.subscribe( () => {
			const now = registry.select( store ).getChecks();
			if ( now !== before ) {
				dispatches++;
				before = now;
			}
		} );
		// Five polls in quick succession, one result each.
		await registry
			.dispatch( store )
			.checkTargets( targets( 5 ), 7, [], instant );
		expect(
			service.requests.filter( ( r ) => r.method !== 'POST' ).length
		).toBe( 5 );
		// START_CHECKS, then all five results at once.
		expect( dispatches ).toBe( 2 );
		expect(
			Object.values( registry.select( store ).getChecks() ).every(
				( c ) => c.state === 'done'
			)
		).toBe( true );
	} );

	it( 'hands links over with up to three requests in flight', async () => {
		const service = jobService();
		let inFlight = 0;
		let most = 0;
		const inner = fetchMock.getMockImplementation()!;
		fetchMock.mockImplementation( async ( request: Request ) => {
			inFlight++;
			most = Math.max( most, inFlight );
			await new Promise( ( resolve ) => setTimeout( resolve, 1 ) );
			try {
				return await inner( request );
			} finally {
				inFlight--;
			}
		} );
		const registry = createRegistry();
		registry.register( store );
		const all = targets( MAX_LINKS_PER_CHECK * 5 );
		await registry.dispatch( store ).checkTargets( all, 7, [], {
			...instant,
			linksPerRequest: MAX_LINKS_PER_CHECK,
		} );
		expect( most ).toBe( 3 );
		const appends = service.requests.filter( ( r ) =>
			/\/links\?after=/.test( r.path )
		);
		expect( appends ).toHaveLength( 4 );
		expect(
			Object.values( registry.select( store ).getChecks() ).every(
				( c ) => c.state === 'done'
			)
		).toBe( true );
	} );

	it( 'pairs results by normalised URL, not by order', async () => {
		fetchMock.mockResolvedValue( {
			id: 'b'.repeat( 32 ),
			site: 'https://ours.example/',
			total: 2,
			done: 2,
			finished: true,
			results: [
				result( 'https://b.example/y', { status: 'links-back' } ),
				result( 'https://a.example/x' ),
			],
			error: null,
		} );
		const registry = createRegistry();
		registry.register( store );
		const a = {
			key: 'a.example/x',
			url: 'https://a.example/x',
			anchorText: '',
		};
		const b = {
			key: 'b.example/y',
			url: 'https://www.b.example/y/',
			anchorText: '',
		};
		await registry
			.dispatch( store )
			.checkTargets( [ a, b ], 7, [], instant );
		const checks = registry.select( store ).getChecks() as Record<
			string,
			{ state: string; result?: BacklinkResult }
		>;
		expect( checks[ 'b.example/y' ].result?.status ).toBe( 'links-back' );
		expect( checks[ 'a.example/x' ].result?.status ).toBe( 'no-link' );
	} );

	it( 'retries a poll the proxy gave up on (504) and a dropped connection, then finishes', async () => {
		const service = jobService( {
			perPoll: 1,
			failures: {
				1: {
					code: 'rlg_service_unreachable',
					message: 'did not answer',
					data: { status: 504 },
				},
				3: {
					code: 'fetch_error',
					message: 'You are probably offline.',
				},
			},
		} );
		const registry = createRegistry();
		registry.register( store );
		const slept: number[] = [];
		const troubles: unknown[] = [];
		registry.subscribe( () => {
			const trouble = registry.select( store ).getCheckTrouble();
			if ( trouble !== troubles[ troubles.length - 1 ] ) {
				troubles.push( trouble );
			}
		} );
		await registry.dispatch( store ).checkTargets( targets( 3 ), 7, [], {
			pollIntervalMs: 0,
			sleep: async ( ms: number ) => {
				slept.push( ms );
			},
		} );
		const checks = Object.values( registry.select( store ).getChecks() );
		expect( checks.map( ( c ) => c.state ) ).toEqual( [
			'done',
			'done',
			'done',
		] );
		expect( slept ).toHaveLength( 2 );
		expect( service.requests.length ).toBe( 1 + 3 + 2 );
		// The trouble was shown while retrying, and cleared after.
		expect( troubles.some( ( t ) => t !== null ) ).toBe( true );
		expect( registry.select( store ).getCheckTrouble() ).toBeNull();
		expect( registry.select( store ).getServiceError() ).toBeNull();
	} );

	it( "waits out the plugin's rate limit (429) as long as Retry-After says, however often, and never marks a partner failed for it", async () => {
		const limited = {
			code: 'rlg_rate_limited',
			message:
				'You have checked many links in a short time. The next link checks have to wait a little.',
			data: { status: 429, retryAfter: 40 },
		};
		// More 429s in a row than maxAttempts allows for real failures.
		const service = jobService( {
			perPoll: 1,
			failures: { 0: limited, 1: limited, 2: limited, 4: limited },
		} );
		const registry = createRegistry();
		registry.register( store );
		const slept: number[] = [];
		const troubles: Array< { retryInMs: number } | null > = [];
		registry.subscribe( () => {
			const trouble = registry.select( store ).getCheckTrouble();
			if ( trouble !== troubles[ troubles.length - 1 ] ) {
				troubles.push( trouble );
			}
		} );
		await registry.dispatch( store ).checkTargets( targets( 2 ), 7, [], {
			pollIntervalMs: 0,
			maxAttempts: 2,
			sleep: async ( ms: number ) => {
				slept.push( ms );
			},
		} );
		const checks = Object.values( registry.select( store ).getChecks() );
		expect( checks.map( ( c ) => c.state ) ).toEqual( [ 'done', 'done' ] );
		expect( registry.select( store ).getServiceError() ).toBeNull();
		// Four waits of Retry-After (40 s, up to 10% later), nothing shorter.
		expect( slept ).toHaveLength( 4 );
		for ( const ms of slept ) {
			expect( ms ).toBeGreaterThanOrEqual( 40_000 );
			expect( ms ).toBeLessThanOrEqual( 44_000 );
		}
		expect( service.requests.length ).toBe( 4 + 1 + 2 );
		// The editor said it waits, then cleared that once checks went on.
		expect(
			troubles.some( ( t ) => t !== null && t.retryInMs >= 40_000 )
		).toBe( true );
		expect( registry.select( store ).getCheckTrouble() ).toBeNull();
	} );

	it( 'starts a job again when the service forgot it, without losing results', async () => {
		const service = jobService( { perPoll: 1 } );
		const registry = createRegistry();
		registry.register( store );
		let polls = 0;
		const inner = fetchMock.getMockImplementation()!;
		fetchMock.mockImplementation( async ( request: Request ) => {
			if ( request.path.includes( '?after=' ) && ++polls === 2 ) {
				service.jobs.clear(); // the service restarted
			}
			return inner( request );
		} );
		await registry
			.dispatch( store )
			.checkTargets( targets( 3 ), 7, [], instant );
		const starts = service.requests.filter( ( r ) =>
			r.path.endsWith( '/check-jobs' )
		);
		expect( starts.map( ( r ) => r.data?.links.length ) ).toEqual( [
			3, 2,
		] );
		expect(
			Object.values( registry.select( store ).getChecks() ).every(
				( c ) => c.state === 'done'
			)
		).toBe( true );
	} );

	it( 'gives up on a service that stays away: one service error, the targets not checked', async () => {
		fetchMock.mockRejectedValue( {
			code: 'rlg_service_unreachable',
			message:
				'The link check service at http://127.0.0.1:9 did not answer.',
			data: { status: 502 },
		} );
		const registry = createRegistry();
		registry.register( store );
		await registry.dispatch( store ).checkTargets( targets( 2 ), 7, [], {
			...instant,
			maxAttempts: 3,
		} );
		expect( fetchMock ).toHaveBeenCalledTimes( 3 );
		const checks = Object.values( registry.select( store ).getChecks() );
		expect( checks.map( ( c ) => c.state ) ).toEqual( [
			'failed',
			'failed',
		] );
		expect( registry.select( store ).getServiceError() ).toMatchObject( {
			code: 'rlg_service_unreachable',
		} );
	} );

	it( 'does not retry what cannot succeed (a wrong key), nor an answer outside the contract', async () => {
		fetchMock.mockRejectedValue( {
			code: 'rlg_service_misconfigured',
			message: 'rejected the site key',
			data: { status: 502 },
		} );
		const registry = createRegistry();
		registry.register( store );
		await registry
			.dispatch( store )
			.checkTargets( targets( 1 ), 7, [], instant );
		// PHP says 502 for a rejected key too: the code decides.
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
		expect( registry.select( store ).getServiceError()?.code ).toBe(
			'rlg_service_misconfigured'
		);

		fetchMock.mockReset();
		fetchMock.mockResolvedValue( {
			site: 'x',
			results: [ { target: 1 } ],
		} );
		const other = createRegistry();
		other.register( store );
		await other
			.dispatch( store )
			.checkTargets( targets( 1 ), 7, [], instant );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
		expect( other.select( store ).getServiceError()?.code ).toBe(
			'rlg_invalid_response'
		);
	} );

	it( 'reloads the site-wide counts after a partner is found linking back', async () => {
		const before = {
			outboundDomains: 3,
			reciprocalPartners: 2,
			newReciprocalPartners: 2,
		};
		const after = { ...before, reciprocalPartners: 3 };
		jobService( { status: () => 'links-back' } );
		const jobs = fetchMock.getMockImplementation()!;
		let contextCalls = 0;
		fetchMock.mockImplementation( async ( request: Request ) => {
			if ( request.path.endsWith( '/context' ) ) {
				contextCalls++;
				return {
					siteUrls: [ 'https://ours.example/' ],
					siteStats: contextCalls === 1 ? before : after,
				};
			}
			return jobs( request );
		} );
		// The context is read in the browser, where `window` exists.
		const globals = globalThis as { window?: unknown };
		globals.window = { location: { origin: 'https://ours.example' } };
		const registry = createRegistry();
		registry.register( store );
		await registry.resolveSelect( store ).getContext();
		await registry
			.dispatch( store )
			.checkTargets( targets( 1 ), 7, [], instant );
		expect( contextCalls ).toBe( 2 );
		expect( registry.select( store ).getContext()?.siteStats ).toEqual(
			after
		);

		// Partners whose results came from the store were counted already:
		// the counts are not fetched again for them.
		jobService( { status: () => 'links-back', fromCache: true } );
		const cachedJobs = fetchMock.getMockImplementation()!;
		fetchMock.mockImplementation( async ( request: Request ) => {
			if ( request.path.endsWith( '/context' ) ) {
				contextCalls++;
				return { siteUrls: [ 'https://ours.example/' ] };
			}
			return cachedJobs( request );
		} );
		const reopened = createRegistry();
		reopened.register( store );
		await reopened
			.dispatch( store )
			.checkTargets( targets( 2 ), 7, [], instant );
		expect( contextCalls ).toBe( 2 );
		expect(
			Object.values( reopened.select( store ).getChecks() ).every(
				( c ) => c.state === 'done'
			)
		).toBe( true );
		delete globals.window;
	} );
} );

describe( 'backoffMs', () => {
	it( 'doubles from 1 s up to 30 s, with jitter of at most 20%', () => {
		expect( backoffMs( 0, () => 0.5 ) ).toBe( 1000 );
		expect( backoffMs( 3, () => 0.5 ) ).toBe( 8000 );
		expect( backoffMs( 10, () => 0.5 ) ).toBe( 30000 );
		expect( backoffMs( 0, () => 0 ) ).toBe( 800 );
		expect( backoffMs( 0, () => 1 ) ).toBe( 1200 );
	} );
} );
