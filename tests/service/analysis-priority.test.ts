/**
 * Analysis workers run nicer than the service (thread-priority.ts): on a
 * busy machine the thread that answers sockets gets the core first. The
 * nice values are read back from /proc, per thread, as `ps -L` would.
 */
import fs from 'node:fs';
import os from 'node:os';
import {
	createAnalysisPool,
	DEFAULT_ANALYSIS_NICENESS,
	defaultAnalysisNiceness,
	lowerThreadPriority,
} from '../../src/service/analysis';

/** Nice value of every thread of this process, by thread id. */
function threadNiceValues(): Map< number, number > {
	const values = new Map< number, number >();
	for ( const tid of fs.readdirSync( '/proc/self/task' ) ) {
		let stat: string;
		try {
			stat = fs.readFileSync( `/proc/self/task/${ tid }/stat`, 'utf8' );
		} catch {
			continue; // the thread ended while we listed them
		}
		// Fields after the command name, which is in parentheses and may
		// hold spaces; nice is field 19 of the whole line.
		const fields = stat.slice( stat.lastIndexOf( ')' ) + 2 ).split( ' ' );
		values.set( Number( tid ), Number( fields[ 16 ] ) );
	}
	return values;
}

const describeOnLinux = process.platform === 'linux' ? describe : describe.skip;

/** Starts a pool, has every worker answer once, returns the new threads' nice values. */
async function niceOfNewWorkers( niceness: number ): Promise< number[] > {
	const before = threadNiceValues();
	const pool = createAnalysisPool( { threads: 2, niceness } );
	try {
		// An answer from each worker means both ran their start-up code.
		await Promise.all(
			[ 1, 2, 3, 4 ].map( ( n ) =>
				pool.analyze( {
					html: `<main><a href="https://our.example/${ n }">x</a></main>`,
					baseUrl: 'https://partner.example/',
					siteUrls: [ 'https://our.example/' ],
				} )
			)
		);
		return [ ...threadNiceValues() ]
			.filter( ( [ tid ] ) => ! before.has( tid ) )
			.map( ( [ , nice ] ) => nice );
	} finally {
		await pool.close();
	}
}

describeOnLinux( 'on Linux, where a nice value is per thread', () => {
	it( 'pool workers run `niceness` steps nicer; the calling thread keeps its priority', async () => {
		const base = os.getPriority();
		const expected = Math.min( 19, base + 3 );
		const nice = await niceOfNewWorkers( 3 );
		// Node may start helper threads of its own beside the two workers.
		expect( nice.filter( ( n ) => n === expected ) ).toHaveLength(
			expected === base ? nice.length : 2
		);
		expect( os.getPriority() ).toBe( base );
	} );

	it( 'stops at 19, the nicest value there is', async () => {
		const nice = await niceOfNewWorkers( 25 );
		expect(
			nice.filter( ( n ) => n === 19 ).length
		).toBeGreaterThanOrEqual( 2 );
		expect( nice.every( ( n ) => n <= 19 ) ).toBe( true );
	} );
} );

it( 'leaves the priority alone where it is not per thread, or when asked for 0 steps', () => {
	expect( lowerThreadPriority( 5, 'darwin' ) ).toEqual( {
		kind: 'unchanged',
		reason: 'per-thread priority is Linux-only (this is darwin)',
	} );
	expect( lowerThreadPriority( 0, 'linux' ) ).toEqual( {
		kind: 'unchanged',
		reason: 'no change asked for',
	} );
} );

it( 'reads RLG_ANALYSIS_NICE and names it when it is wrong', () => {
	expect( defaultAnalysisNiceness( {} ) ).toBe( DEFAULT_ANALYSIS_NICENESS );
	expect( defaultAnalysisNiceness( { RLG_ANALYSIS_NICE: '0' } ) ).toBe( 0 );
	expect( defaultAnalysisNiceness( { RLG_ANALYSIS_NICE: '19' } ) ).toBe( 19 );
	expect( () =>
		defaultAnalysisNiceness( { RLG_ANALYSIS_NICE: '20' } )
	).toThrow( /RLG_ANALYSIS_NICE must be an integer from 0 to 19, got "20"/ );
} );
