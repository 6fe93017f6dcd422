/**
 * Benchmark 4: warm-path latency. The real service (startService: Fastify,
 * HMAC auth, replay cache, SQLite store, check service) on loopback; one
 * signed POST /v1/check with 20 links fills the store from the local
 * partner web, then N more signed requests for the same 20 links are all
 * answered from the store within the TTL. Peer: GET /v1/health on the same
 * keep-alive connection (no auth, no store): the floor of the HTTP stack.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Agent, request } from 'undici';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { startService } from '../src/service/api/server';
import { signRequest } from '../src/service/auth';
import { silentLogger } from '../src/service/logger';
import { openStore, siteIdentity } from '../src/service/store';
import { startFixtureWeb } from './lib/fixture-web';
import { nowMs, round, summarize } from './lib/stats';

export interface WarmPathResult {
	requests: number;
	links: number;
	coldMs: number;
	allFromCache: boolean;
	p50Ms: number;
	p95Ms: number;
	meanMs: number;
	healthP50Ms: number;
	healthP95Ms: number;
	/** Warm /v1/check p95 over /v1/health p95. */
	costVsHealth: number;
	targetMs: number;
	met: boolean;
}

const SITE = 'https://our-garden.example/';
const KEY = 'b'.repeat( 64 );

export async function runWarmPath( options: {
	quick: boolean;
} ): Promise< WarmPathResult > {
	const requests = options.quick ? 100 : 400;
	const web = await startFixtureWeb( {
		hosts: 20,
		pagesPerHost: 1,
		servers: 2,
		ourOrigin: SITE.replace( /\/$/, '' ),
		linkBackEvery: 2,
		slowEvery: 0,
		slowMs: 0,
	} );
	const dataDir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-bench-' ) );
	const setup = openStore( { dataDir } );
	await setup.addSite( { ...siteIdentity( SITE )!, secret: KEY } );
	await setup.close();
	const service = await startService( {
		dataDir,
		host: '127.0.0.1',
		port: 0,
		settings: DEFAULT_SETTINGS,
		logger: silentLogger(),
		resolve: web.resolveEntries,
	} );
	const agent = new Agent( { connections: 1 } );
	const body = JSON.stringify( {
		site: SITE,
		links: Array.from( { length: 20 }, ( _, host ) => ( {
			url: web.namedUrl( host, 0 ),
			anchorText: host % 2 ? 'garden tips' : `Partner ${ host }`,
		} ) ),
		keywords: [ 'garden tips' ],
	} );
	const check = async () => {
		const response = await request( `${ service.url }/v1/check`, {
			method: 'POST',
			dispatcher: agent,
			headers: {
				'content-type': 'application/json',
				...signRequest( {
					site: SITE,
					key: KEY,
					method: 'POST',
					path: '/v1/check',
					body,
				} ),
			},
			body,
		} );
		const json = ( await response.body.json() ) as {
			results?: Array< { fromCache: boolean } >;
		};
		if ( response.statusCode !== 200 || ! json.results ) {
			throw new Error(
				`POST /v1/check answered ${
					response.statusCode
				}: ${ JSON.stringify( json ) }`
			);
		}
		return json.results;
	};
	const health = async () => {
		const response = await request( `${ service.url }/v1/health`, {
			dispatcher: agent,
		} );
		await response.body.dump();
	};
	try {
		let start = nowMs();
		await check();
		const coldMs = nowMs() - start;
		for ( let i = 0; i < 20; i++ ) {
			await check();
			await health();
		}
		const checkTimes: number[] = [];
		const healthTimes: number[] = [];
		let allFromCache = true;
		for ( let i = 0; i < requests; i++ ) {
			start = nowMs();
			const results = await check();
			checkTimes.push( nowMs() - start );
			allFromCache &&= results.every( ( r ) => r.fromCache );
			start = nowMs();
			await health();
			healthTimes.push( nowMs() - start );
		}
		const warm = summarize( checkTimes );
		const floor = summarize( healthTimes );
		const targetMs = 20;
		return {
			requests,
			links: 20,
			coldMs: round( coldMs ),
			allFromCache,
			p50Ms: round( warm.p50 ),
			p95Ms: round( warm.p95 ),
			meanMs: round( warm.mean ),
			healthP50Ms: round( floor.p50 ),
			healthP95Ms: round( floor.p95 ),
			costVsHealth: round( warm.p95 / floor.p95 ),
			targetMs,
			met: warm.p95 < targetMs,
		};
	} finally {
		await agent.close();
		await service.close();
		await web.close();
		fs.rmSync( dataDir, { recursive: true, force: true } );
	}
}
