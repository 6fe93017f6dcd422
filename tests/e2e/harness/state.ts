/**
 * What global setup started, handed to the specs through a JSON file whose
 * path is in RLG_E2E_STATE (jest runs specs in fresh module registries, so
 * module state from global setup is not visible to them).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface E2eUser {
	login: string;
	password: string;
	role: string;
	id: number;
}

export interface E2eState {
	/** WordPress base URL, no trailing slash. */
	wpUrl: string;
	siteDir: string;
	wpPid: number;
	/** The link check service; null when the build has no `rlg serve`. */
	service: {
		url: string;
		pid: number;
		dataDir: string;
		siteKey: string;
		logFile: string;
	} | null;
	/** Why the service is missing, when it is. */
	serviceProblem: string | null;
	/** curl-style `host:port:address` entries given to the service. */
	resolve: string[];
	/** Partner sites: name -> base URL (through the resolve map). */
	partners: Record< string, string >;
	browserWsEndpoint: string;
	users: Record< string, E2eUser >;
	artifactsDir: string;
	tmpDir: string;
}

export const ROOT = path.resolve( __dirname, '..', '..', '..' );
export const ARTIFACTS_DIR = path.join( ROOT, 'tests', 'e2e', 'artifacts' );
export const STATE_ENV = 'RLG_E2E_STATE';

export function writeState( file: string, state: E2eState ): void {
	fs.writeFileSync( file, JSON.stringify( state, null, '\t' ) );
}

export function readState(): E2eState {
	const file = process.env[ STATE_ENV ];
	if ( ! file || ! fs.existsSync( file ) ) {
		throw new Error(
			'The e2e environment is not running: run the specs with `npm run test:e2e` (jest.e2e.config.js starts it).'
		);
	}
	return JSON.parse( fs.readFileSync( file, 'utf8' ) ) as E2eState;
}
