/**
 * The heap-growth bound every `rlg` command applies at startup.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import {
	DEFAULT_HEAP_GROWING_PERCENT,
	heapGrowingPercent,
	semiSpaceGrowth,
} from '../../src/service/heap';

describe( 'heapGrowingPercent', () => {
	it( 'defaults to 50% and reads RLG_HEAP_GROWING_PERCENT (0 = V8 default)', () => {
		expect( heapGrowingPercent( {} ) ).toBe( DEFAULT_HEAP_GROWING_PERCENT );
		expect( DEFAULT_HEAP_GROWING_PERCENT ).toBe( 50 );
		expect(
			heapGrowingPercent( { RLG_HEAP_GROWING_PERCENT: '100' } )
		).toBe( 100 );
		expect( heapGrowingPercent( { RLG_HEAP_GROWING_PERCENT: '0' } ) ).toBe(
			0
		);
	} );

	it( 'names the variable and the value when it is wrong', () => {
		for ( const bad of [ 'lots', '-1', '12.5', '401' ] ) {
			expect( () =>
				heapGrowingPercent( { RLG_HEAP_GROWING_PERCENT: bad } )
			).toThrow(
				`RLG_HEAP_GROWING_PERCENT must be an integer from 0 to 400, got "${ bad }"`
			);
		}
	} );
} );

it( 'makes rlg exit 2 with that sentence instead of running', () => {
	const run = spawnSync(
		process.execPath,
		[
			'-r',
			path.join( __dirname, 'ts-register.js' ),
			'-e',
			"require( './src/service/cli' ).main( [ '--version' ] )",
		],
		{
			cwd: path.join( __dirname, '..', '..' ),
			env: { ...process.env, RLG_HEAP_GROWING_PERCENT: 'lots' },
			encoding: 'utf8',
			timeout: 60_000,
		}
	);
	expect( run.stderr ).toContain(
		'rlg: RLG_HEAP_GROWING_PERCENT must be an integer from 0 to 400, got "lots"'
	);
	expect( run.status ).toBe( 2 );
} );

describe( 'the young generation', () => {
	/** new_space MB after churn that makes V8 grow it, in a fresh process. */
	function youngAfterChurn(
		env: NodeJS.ProcessEnv,
		{ workerFirst = false } = {}
	): number {
		const churn = `
			// Reaches 8 MB or more of young space when V8 may grow it.
			let keep = [];
			for ( let i = 0; i < 1e6; i++ ) {
				keep.push( { i } );
				if ( keep.length > 20000 ) keep = [];
			}
			const space = require( 'node:v8' )
				.getHeapSpaceStatistics()
				.find( ( s ) => s.space_name === 'new_space' );
			process.stdout.write( String( space.space_size / 1048576 ) );
		`;
		// A worker thread started after the bounds (as a scan's analysis
		// pool is) and gone again before the churn.
		const script = workerFirst
			? `
			require( './src/service/heap' ).boundHeapGrowth();
			const { Worker } = require( 'node:worker_threads' );
			new Worker( '', { eval: true } ).once( 'exit', () => { ${ churn } } );
		`
			: `require( './src/service/heap' ).boundHeapGrowth(); ${ churn }`;
		const run = spawnSync(
			process.execPath,
			[ '-r', path.join( __dirname, 'ts-register.js' ), '-e', script ],
			{
				cwd: path.join( __dirname, '..', '..' ),
				env: { ...process.env, ...env },
				encoding: 'utf8',
				timeout: 60_000,
			}
		);
		expect( run.stderr ).toBe( '' );
		return Number( run.stdout );
	}

	it( 'stays at its starting size under rlg, and grows with RLG_SEMI_SPACE_GROWTH=0 (V8 default)', () => {
		expect( semiSpaceGrowth( {} ) ).toBe( 1 );
		// V8's own first: this run also leaves the sources transpiled in
		// ts-register's cache, so the next child loads no compiler (whose
		// own allocations would grow the young generation before the bound).
		expect(
			youngAfterChurn( { RLG_SEMI_SPACE_GROWTH: '0' } )
		).toBeGreaterThan( 2 );
		expect( youngAfterChurn( {} ) ).toBeLessThanOrEqual( 2 );
	} );

	it( 'stays bounded after a worker thread starts (Node resets V8 flags for it)', () => {
		expect(
			youngAfterChurn( {}, { workerFirst: true } )
		).toBeLessThanOrEqual( 2 );
	} );
} );
