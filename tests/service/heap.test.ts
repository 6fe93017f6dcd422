/**
 * The heap-growth bound every `rlg` command applies at startup.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import {
	DEFAULT_HEAP_GROWING_PERCENT,
	heapGrowingPercent,
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
