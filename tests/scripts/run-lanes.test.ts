/**
 * scripts/run-lanes.js, which `npm test` uses to build while it type-checks
 * and lints: lanes run at the same time, a lane's scripts in order, each
 * lane's output in one block, and a failing script fails the run.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = path.join( __dirname, '..', '..', 'scripts', 'run-lanes.js' );

/** Waits (bounded, 5 s) for a file, then prints a line. */
const waitFor = ( file: string, line: string ) =>
	`node -e "const f=require('fs');const t=Date.now();(function w(){if(f.existsSync('${ file }')){console.log('${ line }');return}if(Date.now()-t>5000){console.log('${ line }: gave up');process.exit(4)}setTimeout(w,20)})()"`;

describe( 'scripts/run-lanes.js', () => {
	let dir: string;

	beforeAll( () => {
		dir = fs.mkdtempSync( path.join( os.tmpdir(), 'rlg-run-lanes-' ) );
		fs.writeFileSync(
			path.join( dir, 'package.json' ),
			JSON.stringify( {
				name: 'lanes',
				private: true,
				scripts: {
					// first waits for a file only the other lane writes: it
					// finishes only when the lanes really run side by side.
					first: waitFor( 'second.done', 'first ran' ),
					then: 'node -e "console.log(\'then ran\')"',
					second: "node -e \"require('fs').writeFileSync('second.done','');console.log('second ran')\"",
					fails: 'node -e "console.error(\'broken\');process.exit(3)"',
					never: 'node -e "console.log(\'never ran\')"',
				},
			} )
		);
	} );

	afterAll( () => fs.rmSync( dir, { recursive: true, force: true } ) );

	function lanes(
		...args: string[]
	): Promise< { code: number | null; stdout: string; stderr: string } > {
		fs.rmSync( path.join( dir, 'second.done' ), { force: true } );
		const child = spawn( process.execPath, [ SCRIPT, ...args ], {
			cwd: dir,
			stdio: [ 'ignore', 'pipe', 'pipe' ],
			env: { ...process.env, npm_config_update_notifier: 'false' },
		} );
		let stdout = '';
		let stderr = '';
		child.stdout.on( 'data', ( chunk ) => ( stdout += chunk ) );
		child.stderr.on( 'data', ( chunk ) => ( stderr += chunk ) );
		return new Promise( ( resolve ) =>
			child.on( 'close', ( code ) => resolve( { code, stdout, stderr } ) )
		);
	}

	it( 'runs the lanes side by side and the scripts of a lane in order, each lane in one block', async () => {
		const run = await lanes( 'first then', 'second' );
		// 0, not 4: `first` saw the other lane's file while it waited.
		expect( run.code ).toBe( 0 );
		const blocks = run.stdout.split( /\n── / ).slice( 1 );
		expect( blocks ).toHaveLength( 2 );
		const firstLane = blocks.find( ( block ) =>
			block.startsWith( 'first → then (' )
		);
		expect( firstLane ).toMatch( /first ran[\s\S]*then ran/ );
		expect( firstLane ).not.toContain( 'second ran' );
		// The lane that wrote the file ended first, so it printed first.
		expect( blocks[ 0 ] ).toMatch( /^second \([\d.]+ s\) ──/ );
	} );

	it( 'fails with the failing script exit code and runs nothing after it in that lane', async () => {
		const run = await lanes( 'fails never', 'second' );
		expect( run.code ).toBe( 3 );
		expect( run.stdout ).toContain( 'broken' );
		expect( run.stdout ).toContain(
			'run-lanes: npm run fails failed (exit 3)'
		);
		expect( run.stdout ).not.toContain( 'never ran' );
		// The other lane still ran to its end.
		expect( run.stdout ).toContain( 'second ran' );
	} );

	it( 'says how to call it when no lane is given', async () => {
		const run = await lanes();
		expect( run.code ).toBe( 2 );
		expect( run.stderr ).toContain( 'usage: node scripts/run-lanes.js' );
	} );
} );
