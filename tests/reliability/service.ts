/**
 * The real service for reliability suites: `startTestService` (store, live
 * checker, Fastify) on 127.0.0.1 over a fresh data dir with one registered
 * site, partner names resolved to local servers, and a signed client.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningService } from '../../src/service/api/server';
import { signRequest } from '../../src/service/auth';
import { openStore, siteIdentity } from '../../src/service/store';
import { startTestService } from '../helpers/test-service';

export const SITE_URL = 'https://our.example/';
export const SITE_KEY = 'b'.repeat( 64 );

export interface ReliableService {
	service: RunningService;
	dataDir: string;
	close: () => Promise< void >;
}

/** A data dir with SITE_URL registered under SITE_KEY. */
export async function dataDirWithSite(): Promise< string > {
	const dataDir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-rel-' ) );
	const store = openStore( { dataDir } );
	await store.addSite( { ...siteIdentity( SITE_URL )!, secret: SITE_KEY } );
	await store.close();
	return dataDir;
}

export async function startReliableService(
	options: { resolve?: string[] } = {}
): Promise< ReliableService > {
	const dataDir = await dataDirWithSite();
	const service = await startTestService( {
		dataDir,
		resolve: options.resolve,
	} );
	return {
		service,
		dataDir,
		async close() {
			await service.close();
			fs.rmSync( dataDir, { recursive: true, force: true } );
		},
	};
}

/** Headers signing `body` (bytes or text) as SITE_URL. */
export function signedHeaders(
	method: string,
	urlPath: string,
	body: string | Buffer
): Record< string, string > {
	return {
		...signRequest( {
			site: SITE_URL,
			key: SITE_KEY,
			method,
			path: urlPath,
			body,
		} ),
		'content-type': 'application/json',
	};
}

export interface Answer {
	status: number;
	body: any;
}

/** A signed POST; the answer's JSON (or its text when not JSON). */
export async function signedPost(
	base: string,
	urlPath: string,
	body: string | Buffer,
	extraHeaders: Record< string, string > = {}
): Promise< Answer > {
	const response = await fetch( base + urlPath, {
		method: 'POST',
		headers: { ...signedHeaders( 'POST', urlPath, body ), ...extraHeaders },
		body: typeof body === 'string' ? body : new Uint8Array( body ),
	} );
	const text = await response.text();
	let parsed: unknown = text;
	try {
		parsed = JSON.parse( text );
	} catch {}
	return { status: response.status, body: parsed };
}
