/**
 * The service as something you install (issue 18): `npm pack`, then
 * `npm install -g` of the tarball into an empty prefix, then the installed
 * `rlg --version` and `rlg serve` (its health route answers). This is what
 * a user does on a fresh machine, minus the network:
 *
 * - the tarball is packed with --ignore-scripts from the build/node of this
 *   checkout (`npm test` builds first; prepack rebuilds it for a real pack);
 * - npm installs --offline from its cache (the project's own install filled
 *   it), so the test needs no registry and takes seconds, not minutes;
 * - better-sqlite3's install script would download a prebuilt binary from
 *   GitHub or compile SQLite (minutes): it is skipped, and the binary this
 *   checkout already built for this Node is copied in. Everything else
 *   (files list, dependencies, bin link) is exactly what a user gets.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.join( __dirname, '../..' );

jest.setTimeout( 120_000 );

function npm( args: string[], cwd: string ): string {
	return execFileSync( 'npm', args, {
		cwd,
		encoding: 'utf8',
		stdio: [ 'ignore', 'pipe', 'pipe' ],
		env: { ...process.env, npm_config_update_notifier: 'false' },
	} );
}

describe( 'npm pack → npm install -g → rlg', () => {
	let work: string;
	let prefix: string;
	let tarball: string;

	beforeAll( () => {
		if (
			! fs.existsSync( path.join( ROOT, 'build/node/service/cli.js' ) )
		) {
			throw new Error(
				'build/node is missing: run `npm run build:node` first'
			);
		}
		work = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-install-' ) );
		prefix = path.join( work, 'prefix' );
		const [ packed ] = JSON.parse(
			npm(
				[
					'pack',
					'--ignore-scripts',
					'--json',
					'--pack-destination',
					work,
				],
				ROOT
			)
		) as Array< { filename: string; files: Array< { path: string } > } >;
		tarball = path.join( work, packed.filename );
		npm(
			[
				'install',
				'--global',
				'--prefix',
				prefix,
				'--offline',
				'--ignore-scripts',
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
				tarball,
			],
			work
		);
		const installed = path.join(
			prefix,
			'lib/node_modules/reciprocal-link-guard/node_modules/better-sqlite3/build/Release'
		);
		fs.mkdirSync( installed, { recursive: true } );
		fs.copyFileSync(
			require.resolve( 'better-sqlite3/build/Release/better_sqlite3.node' ),
			path.join( installed, 'better_sqlite3.node' )
		);
	} );

	afterAll( () => fs.rmSync( work, { recursive: true, force: true } ) );

	it( 'packs the CLI, the built service and the systemd unit, and no sources or tests', () => {
		const listing = execFileSync( 'tar', [ '-tzf', tarball ], {
			encoding: 'utf8',
		} )
			.split( '\n' )
			.filter( Boolean );
		expect( listing ).toEqual(
			expect.arrayContaining( [
				'package/package.json',
				'package/bin/rlg.js',
				'package/build/node/service/cli.js',
				'package/docs/rlg.service',
				'package/README.md',
			] )
		);
		expect(
			listing.filter( ( file ) =>
				/^package\/(src|tests|scripts|includes|node_modules)\/|\.map$|\.ts$/.test(
					file
				)
			)
		).toEqual( [] );
	} );

	it( 'installs an rlg that prints its version', () => {
		const { version } = JSON.parse(
			fs.readFileSync( path.join( ROOT, 'package.json' ), 'utf8' )
		);
		const out = execFileSync(
			path.join( prefix, 'bin/rlg' ),
			[ '--version' ],
			{
				encoding: 'utf8',
			}
		);
		expect( out ).toBe( `${ version }\n` );
	} );

	it( 'installs an rlg serve whose health route answers', async () => {
		const dataDir = path.join( work, 'data' );
		const child = spawn(
			path.join( prefix, 'bin/rlg' ),
			[ 'serve', '--port', '0', '--data-dir', dataDir ],
			{
				stdio: [ 'ignore', 'pipe', 'pipe' ],
				env: {
					...process.env,
					RLG_LOG_LEVEL: 'info',
					JEST_WORKER_ID: '',
				},
			}
		);
		let stderr = '';
		child.stderr.on( 'data', ( chunk ) => ( stderr += chunk ) );
		const exited = new Promise< number | null >( ( resolve ) =>
			child.on( 'exit', resolve )
		);
		try {
			const url = await new Promise< string >( ( resolve, reject ) => {
				createInterface( { input: child.stdout } ).on(
					'line',
					( line ) => {
						const entry = JSON.parse( line );
						if ( entry.msg === 'listening' ) {
							resolve( entry.url );
						}
					}
				);
				child.on( 'exit', () =>
					reject( new Error( `rlg serve exited: ${ stderr }` ) )
				);
			} );
			const health = await fetch( `${ url }/v1/health` );
			expect( health.status ).toBe( 200 );
			expect( await health.json() ).toMatchObject( { ok: true } );
		} finally {
			child.kill( 'SIGTERM' );
		}
		expect( await exited ).toBe( 0 );
	} );
} );
