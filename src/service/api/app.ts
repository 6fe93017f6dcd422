/**
 * The HTTP API (Fastify):
 *
 *   GET  /v1/health  no auth        { ok, version, uptime }
 *   POST /v1/check   signed         CheckRequest  -> CheckResponse
 *   POST /v1/check-jobs, POST /v1/check-jobs/:id/links,
 *   GET  /v1/check-jobs/:id?after&wait  signed: the same checks as a job
 *        the client follows (routes-check-jobs.ts)
 *   GET  /v1/stats   signed         SiteStats of the signing site
 *   PUT  /v1/site/settings, GET /v1/site/settings  signed: the site's own
 *        settings (routes-site-settings.ts), used for all of the above
 *
 * Bodies are read as raw bytes so the signature is verified over exactly
 * what was sent, before the JSON is even parsed.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
	BacklinkResultSchema,
	CheckResponseSchema,
	SiteStatsSchema,
} from '../../core/schemas';
import type { CheckResponse } from '../../core/schemas';
import { mapYielding } from '../yield-budget';
import type { Settings } from '../../core/settings';
import {
	AuthError,
	checkSignedHeaders,
	createRequestVerifier,
} from '../auth/verify';
import type { RequestVerifier } from '../auth/verify';
import type { NonceRegistry } from '../auth/replay-cache';
import type { CheckService } from '../check-service';
import type { PartnerGraphCache } from '../graph/partner-graph';
import { DEFAULT_BODY_LIMIT_BYTES, readVersion } from '../config';
import type { Logger } from '../logger';
import { silentLogger } from '../logger';
import { siteIdentity } from '../store/site-identity';
import type { SiteRecord, Store } from '../store/types';
import { authorizedCheckRequest } from './check-request';
import { HttpError, mapError } from './errors';
import { registerCheckJobRoutes } from './routes-check-jobs';
import { registerPartnerCheckRoutes } from './routes-partner-check';
import { registerPostVerdictRoutes } from './routes-post-verdict';
import { createCheckJobs, type CheckJobs } from '../check-jobs';
import { registerReportRoutes } from './routes-report';
import { registerBacklinkRoutes } from './routes-backlinks';
import { registerSiteSettingsRoutes } from './routes-site-settings';
import { createSettingsResolver } from '../site-settings';
import {
	applyServerLimits,
	DEFAULT_SERVER_LIMITS,
	fastifyTimeoutOptions,
} from './server-limits';
import type { ServerLimits } from './server-limits';
import type { ReportRoutesOptions } from './routes-report';

declare module 'fastify' {
	interface FastifyRequest {
		/** The registered site that signed the request (signed routes only). */
		site?: SiteRecord;
	}
}

export interface AppOptions {
	store: Store;
	checkService: CheckService;
	/** The service's settings; each site's stored settings go on top. */
	settings: Settings;
	logger?: Logger;
	/** Largest body read, in bytes (default 1 MiB); larger is a 413. */
	bodyLimit?: number;
	/**
	 * Where nonces of signed requests are remembered. Default: the store
	 * (on disk), so a request captured before a restart stays refused.
	 */
	replayCache?: NonceRegistry;
	/** Clock for signature windows and stats (tests move it). */
	now?: () => number;
	/** Check jobs (default: held in this process, over `checkService`). */
	checkJobs?: CheckJobs;
	/**
	 * The partner graph `checkService` answers with: dropped for a site
	 * when backlinks are imported for it, so its next check shows a ring
	 * the import closed.
	 */
	graph?: Pick< PartnerGraphCache, 'drop' >;
	/** Also serve the scan and report routes (src/service/api/routes-report.ts). */
	report?: ReportRoutesOptions;
	/** Timeouts and the per-address connection cap (defaults: DEFAULT_SERVER_LIMITS). */
	limits?: Partial< ServerLimits >;
}

/**
 * The response, checked against its schema (it is a contract too: never
 * send what the schema forbids) and serialised one result at a time,
 * yielding between them: a response of many large results would otherwise
 * hold the event loop (and every other request) for its whole length.
 */
async function serializeCheckResponse(
	response: CheckResponse
): Promise< string > {
	const { site } = CheckResponseSchema.pick( { site: true } ).parse(
		response
	);
	const results = await mapYielding( response.results, ( result ) =>
		JSON.stringify( BacklinkResultSchema.parse( result ) )
	);
	return `{"site":${ JSON.stringify( site ) },"results":[${ results.join(
		','
	) }]}`;
}

function rawBody( request: FastifyRequest ): Buffer {
	return Buffer.isBuffer( request.body ) ? request.body : Buffer.alloc( 0 );
}

// Fatal: Buffer#toString would turn invalid bytes into U+FFFD silently and
// the service would check (and store) text the client never sent.
const strictUtf8 = new TextDecoder( 'utf-8', { fatal: true } );

function parseJson( body: Buffer ): unknown {
	let text: string;
	try {
		text = strictUtf8.decode( body );
	} catch {
		throw new HttpError(
			400,
			'ERR_INVALID_UTF8',
			'the body is not valid UTF-8'
		);
	}
	try {
		return JSON.parse( text );
	} catch ( error ) {
		throw new HttpError(
			400,
			'ERR_INVALID_JSON',
			`the body is not valid JSON: ${ ( error as Error ).message }`
		);
	}
}

/**
 * Requests Node's HTTP parser refuses (oversized headers, a garbled request
 * line, a client too slow to send its request) never reach a route; they
 * are answered here in the API's `{ code, message }` shape, like every other
 * refusal, instead of Fastify's `{ error, statusCode }`.
 */
function answerClientError(
	error: Error & { code?: string },
	socket: Duplex
): void {
	if ( error.code === 'ECONNRESET' || socket.destroyed ) {
		return;
	}
	let status = 400;
	let body = {
		code: 'ERR_BAD_REQUEST',
		message: 'the request is not valid HTTP',
	};
	if ( error.code === 'HPE_HEADER_OVERFLOW' ) {
		status = 431;
		body = {
			code: 'ERR_HEADERS_TOO_LARGE',
			message: 'the request line and headers exceed the size allowed',
		};
	} else if ( error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ) {
		status = 408;
		body = {
			code: 'ERR_REQUEST_TIMEOUT',
			message: 'the request was not received in time',
		};
	}
	const json = JSON.stringify( body );
	if ( socket.writable ) {
		socket.write(
			`HTTP/1.1 ${ status } ${ STATUS_CODES[ status ] }\r\n` +
				`Content-Length: ${ Buffer.byteLength( json ) }\r\n` +
				'Content-Type: application/json; charset=utf-8\r\n' +
				'Connection: close\r\n\r\n' +
				json
		);
	}
	socket.destroy( error );
}

export async function buildApp(
	options: AppOptions
): Promise< FastifyInstance > {
	const logger = options.logger ?? silentLogger();
	const now = options.now ?? Date.now;
	const startedAt = now();
	const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT_BYTES;
	const { store, checkService } = options;
	const settingsFor = createSettingsResolver( store, options.settings );

	const verify: RequestVerifier = createRequestVerifier( {
		findSite: async ( header ) => {
			const identity = siteIdentity( header );
			return identity ? store.findSite( identity.siteKey ) : null;
		},
		replayCache: options.replayCache ?? {
			remember: ( key, expiresAtMs, nowMs ) =>
				store.rememberNonce( key, expiresAtMs, nowMs ),
		},
		now,
	} );

	const limits: ServerLimits = {
		...DEFAULT_SERVER_LIMITS,
		...Object.fromEntries(
			Object.entries( options.limits ?? {} ).filter(
				( [ , value ] ) => value !== undefined
			)
		),
	};
	const app = Fastify( {
		logger: false,
		bodyLimit,
		// Behind a proxy the client address comes from X-Forwarded-For.
		trustProxy: false,
		clientErrorHandler: answerClientError,
		...fastifyTimeoutOptions( limits ),
	} );
	applyServerLimits( app, limits, logger );

	// Signed routes: headers that cannot be right (missing, malformed, out
	// of the time window) are refused before the body is read, so a client
	// without a valid-looking signature cannot make us wait for one. Which
	// sites exist is not looked at here (that would be an oracle).
	app.addHook( 'onRequest', async ( request, reply ) => {
		const route = request.routeOptions.url;
		if ( route === undefined || route === '/v1/health' ) {
			return;
		}
		try {
			checkSignedHeaders( request.headers, now() );
		} catch ( error ) {
			if ( ! request.raw.complete ) {
				// The rest of the body is not worth reading.
				reply.header( 'connection', 'close' );
			}
			throw error;
		}
	} );

	// Keep the bytes: the signature covers the body exactly as sent.
	app.removeAllContentTypeParsers();
	app.addContentTypeParser(
		'application/json',
		{ parseAs: 'buffer', bodyLimit },
		( _request, body, done ) => done( null, body )
	);

	// One log line per request, with its duration.
	app.addHook( 'onResponse', async ( request, reply ) => {
		logger.info(
			{
				method: request.method,
				url: request.url,
				status: reply.statusCode,
				ms: Math.round( reply.elapsedTime * 10 ) / 10,
				site: request.site?.url,
			},
			'request'
		);
	} );

	app.setErrorHandler( async ( error, request, reply ) => {
		const mapped = mapError( error );
		if ( mapped.internal ) {
			logger.error( { err: error, url: request.url }, 'request failed' );
		} else if ( error instanceof AuthError && error.detail ) {
			// What the client is not told (which sites exist).
			logger.warn(
				{ code: error.code, detail: error.detail, url: request.url },
				'request refused'
			);
		}
		return reply.code( mapped.status ).send( mapped.body );
	} );

	app.setNotFoundHandler( async ( request, reply ) =>
		reply.code( 404 ).send( {
			code: 'ERR_NOT_FOUND',
			message: `no such endpoint: ${ request.method } ${
				request.url.split( '?' )[ 0 ]
			}`,
		} )
	);

	async function authenticate( request: FastifyRequest ) {
		request.site = await verify( {
			method: request.method,
			path: request.url,
			headers: request.headers,
			body: rawBody( request ),
		} );
	}

	// Health reads the database too: a service whose store cannot be read
	// is not healthy, whatever its HTTP server says.
	app.get( '/v1/health', async ( _request, reply ) => {
		const status = {
			version: readVersion(),
			uptime: Math.round( ( now() - startedAt ) / 1000 ),
		};
		try {
			await store.ping();
		} catch ( error ) {
			logger.error(
				{ err: error },
				'health: the database cannot be read'
			);
			return reply.code( 503 ).send( {
				ok: false,
				code: 'ERR_STORE_UNREADABLE',
				message:
					'the database cannot be read; the service log has the details',
				...status,
			} );
		}
		return { ok: true, ...status, store: 'ok' };
	} );

	app.post(
		'/v1/check',
		{ preHandler: authenticate },
		async ( request, reply ) => {
			const site = request.site as SiteRecord;
			const checkRequest = authorizedCheckRequest(
				parseJson( rawBody( request ) ),
				site
			);
			const response = await checkService.check( checkRequest, site );
			return reply
				.type( 'application/json; charset=utf-8' )
				.send( await serializeCheckResponse( response ) );
		}
	);

	app.get( '/v1/stats', { preHandler: authenticate }, async ( request ) => {
		const site = request.site as SiteRecord;
		// The velocity window the site's admin set.
		const { velocityWindowDays } = await settingsFor( site );
		const since = new Date( now() - velocityWindowDays * 86_400_000 );
		return SiteStatsSchema.parse( await store.siteStats( site.id, since ) );
	} );

	registerCheckJobRoutes( app, {
		jobs: options.checkJobs ?? createCheckJobs( { checkService, logger } ),
		authenticate,
		parseBody: ( request ) => parseJson( rawBody( request ) ),
	} );

	registerSiteSettingsRoutes( app, {
		store,
		base: options.settings,
		authenticate,
		parseJson,
		logger,
	} );

	registerPostVerdictRoutes( app, {
		store,
		checkService,
		settingsFor,
		authenticate,
		parseJson,
		now,
	} );

	if ( options.report ) {
		registerReportRoutes( app, { ...options.report, authenticate } );
		registerPartnerCheckRoutes( app, {
			store: options.report.store,
			scanStore: options.report.scanStore,
			checkService,
			settingsFor: options.report.settingsFor ?? settingsFor,
			authenticate,
			now: options.report.now,
		} );
		registerBacklinkRoutes( app, {
			store: options.report.store,
			scanStore: options.report.scanStore,
			authenticate,
			parseJson,
			onImported: ( siteId ) => options.graph?.drop( siteId ),
		} );
	}

	return app;
}
