/**
 * Test harness for the service: a fresh data directory with one registered
 * site, the Fastify app over it, and a signed-request helper.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { BacklinkResult } from '../../src/core/schemas';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Settings } from '../../src/core/settings';
import { buildApp } from '../../src/service/api/app';
import type { ServerLimits } from '../../src/service/api/server-limits';
import type { Logger } from '../../src/service/logger';
import { signRequest } from '../../src/service/auth';
import { createCheckService } from '../../src/service/check-service';
import type { TargetChecker } from '../../src/service/check-service';
import type { ResolveMap } from '../../src/service/fetch';
import { createScanRuntime } from '../../src/service/scan/runtime';
import type { ScanRuntime } from '../../src/service/scan/runtime';
import { openStore, siteIdentity } from '../../src/service/store';
import type { SiteRecord, SqliteStore } from '../../src/service/store';

export const SITE_URL = 'https://our.example/';
export const SITE_KEY = 'a'.repeat( 64 );

export function tempDataDir(): string {
	return fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-service-' ) );
}

/**
 * A checker double: every target whose host starts with "partner" links
 * back with the anchor "garden furniture" (on the target page, or on its
 * homepage for hosts starting with "partner-home"); others do not.
 */
export function fakeChecker(): TargetChecker & { calls: string[] } {
	const calls: string[] = [];
	return {
		calls,
		async checkTarget( target, ctx ): Promise< BacklinkResult > {
			calls.push( target );
			const host = new URL( target ).hostname;
			const onHomepage = host.startsWith( 'partner-home' );
			const linksBack =
				host.startsWith( 'partner' ) &&
				( ctx.homepage || ! onHomepage );
			return {
				target,
				status: linksBack ? 'links-back' : 'no-link',
				httpStatus: 200,
				detail: null,
				checkedAt: new Date().toISOString(),
				fromCache: false,
				page: null,
				links: linksBack
					? [
							{
								href: 'https://our.example/',
								text: 'garden furniture',
								rel: [],
								placement: onHomepage ? 'footer' : 'content',
								hidden: null,
								isImage: false,
								block: 0,
								heading: null,
								inList: false,
								position: 0.5,
								pageUrl: onHomepage
									? new URL( '/', target ).href
									: target,
								foundOn: onHomepage
									? 'homepage'
									: 'target-page',
								anchorClass: 'other',
								toHomepage: true,
							},
						]
					: [],
			};
		},
	};
}

export interface Harness {
	app: FastifyInstance;
	store: SqliteStore;
	site: SiteRecord;
	dataDir: string;
	close: () => Promise< void >;
}

export async function startHarness(
	options: {
		checker?: TargetChecker;
		now?: () => number;
		bodyLimit?: number;
		limits?: Partial< ServerLimits >;
		logger?: Logger;
	} = {}
): Promise< Harness > {
	const dataDir = tempDataDir();
	const store = openStore( { dataDir } );
	const identity = siteIdentity( SITE_URL )!;
	const site = await store.addSite( { ...identity, secret: SITE_KEY } );
	const checkService = createCheckService( {
		store,
		checker: options.checker ?? fakeChecker(),
		settings: DEFAULT_SETTINGS,
		logger: options.logger,
	} );
	const app = await buildApp( {
		store,
		checkService,
		settings: DEFAULT_SETTINGS,
		now: options.now,
		bodyLimit: options.bodyLimit,
		limits: options.limits,
		logger: options.logger,
	} );
	await app.listen( { host: '127.0.0.1', port: 0 } );
	return {
		app,
		store,
		site,
		dataDir,
		async close() {
			await app.close();
			await store.close();
			fs.rmSync( dataDir, { recursive: true, force: true } );
		},
	};
}

export interface LiveHarness {
	app: FastifyInstance;
	store: SqliteStore;
	runtime: ScanRuntime;
	dataDir: string;
	/** Closes the app, the runtime and the store; removes the data dir. */
	close: () => Promise< void >;
}

/**
 * The app as `rlg serve` wires it (the scan runtime's real checker, scans
 * and report routes) for one site signing with `secret`, its partner sites
 * reached through `resolveMap`.
 */
export async function startLiveHarness( options: {
	siteUrl: string;
	secret: string;
	settings: Settings;
	resolveMap: ResolveMap;
	/** A longer check deadline for tests about size, not speed (default 30 s). */
	checkTimeoutMs?: number;
} ): Promise< LiveHarness > {
	const { settings } = options;
	const dataDir = tempDataDir();
	const store = openStore( { dataDir } );
	await store.addSite( {
		...siteIdentity( options.siteUrl )!,
		secret: options.secret,
	} );
	const runtime = createScanRuntime( {
		store,
		settings,
		fetcher: {
			resolveMap: options.resolveMap,
			...( options.checkTimeoutMs
				? { checkTimeoutMs: options.checkTimeoutMs }
				: {} ),
		},
	} );
	const app = await buildApp( {
		store,
		checkService: runtime.checkService,
		settings,
		report: {
			store,
			scanStore: runtime.scanStore,
			scanner: runtime.scanner,
			settings,
		},
	} );
	await app.listen( { host: '127.0.0.1', port: 0 } );
	return {
		app,
		store,
		runtime,
		dataDir,
		async close() {
			await app.close();
			await runtime.close();
			await store.close();
			fs.rmSync( dataDir, { recursive: true, force: true } );
		},
	};
}

export interface Reply {
	statusCode: number;
	headers: Headers;
	json: () => any;
	/** The body as text (CSV exports). */
	text: () => string;
}

/**
 * Send a real HTTP request to the app (listening on 127.0.0.1). Fastify's
 * inject() is not used: its cookie dependency is ESM-only, which jest
 * cannot load.
 */
export async function send(
	app: FastifyInstance,
	request: {
		method: string;
		url: string;
		headers?: Record< string, string >;
		payload?: string;
	}
): Promise< Reply > {
	const address = app.server.address();
	if ( ! address || typeof address === 'string' ) {
		throw new Error( 'the app is not listening' );
	}
	const response = await fetch(
		`http://127.0.0.1:${ address.port }${ request.url }`,
		{
			method: request.method,
			headers: request.headers,
			body: request.payload,
		}
	);
	const text = await response.text();
	return {
		statusCode: response.status,
		headers: response.headers,
		json: () => JSON.parse( text ),
		text: () => text,
	};
}

/** Send a request signed as SITE_URL (override any part to break it). */
export function signedSend(
	app: FastifyInstance,
	request: {
		method: 'GET' | 'POST';
		url: string;
		body?: unknown;
		key?: string;
		site?: string;
		timestamp?: number;
		nonce?: string;
	}
): Promise< Reply > {
	let payload = '';
	if ( typeof request.body === 'string' ) {
		payload = request.body;
	} else if ( request.body !== undefined ) {
		payload = JSON.stringify( request.body );
	}
	const headers = signRequest( {
		site: request.site ?? SITE_URL,
		key: request.key ?? SITE_KEY,
		method: request.method,
		path: request.url,
		body: payload,
		timestamp: request.timestamp,
		nonce: request.nonce,
	} );
	return send( app, {
		method: request.method,
		url: request.url,
		headers: {
			...headers,
			...( payload ? { 'content-type': 'application/json' } : {} ),
		},
		payload: payload || undefined,
	} );
}
