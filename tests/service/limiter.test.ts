/**
 * The politeness limiter on its own: the limits, the order in which
 * waiting requests get a slot, and abandoning a wait.
 */
import { createLimiter } from '../../src/service/fetch/limiter';

/** A task that runs until the test ends it, recording when it started. */
function controlledTasks() {
	const started: string[] = [];
	const finishers = new Map< string, () => void >();
	const task = ( name: string ) => () =>
		new Promise< string >( ( resolve ) => {
			started.push( name );
			finishers.set( name, () => resolve( name ) );
		} );
	const finish = async ( name: string ) => {
		const done = finishers.get( name );
		if ( ! done ) {
			throw new Error( `${ name } has not started` );
		}
		done();
		// Let the limiter hand the slot on.
		for ( let i = 0; i < 5; i++ ) {
			await Promise.resolve();
		}
	};
	const settle = async () => {
		for ( let i = 0; i < 5; i++ ) {
			await Promise.resolve();
		}
	};
	return { started, task, finish, settle };
}

describe( 'createLimiter', () => {
	it( 'refuses limits below 1 with ERR_INVALID_OPTION', () => {
		expect( () => createLimiter( { perHost: 0, global: 4 } ) ).toThrow(
			expect.objectContaining( { code: 'ERR_INVALID_OPTION' } )
		);
	} );

	it( 'gives a free global slot first to a host with nothing running, then to a second request of a busy host', async () => {
		const limiter = createLimiter( { perHost: 2, global: 2 } );
		const { started, task, finish, settle } = controlledTasks();
		// Two pages of a and two of b arrive before c and d.
		const runs = [ 'a1', 'a2', 'b1', 'b2', 'c1', 'd1' ].map( ( name ) =>
			limiter.run( name[ 0 ], task( name ) )
		);
		await settle();
		expect( started ).toEqual( [ 'a1', 'a2' ] );
		await finish( 'a1' );
		// a2 still runs; b1 and c1, d1 have nothing running: b1 is oldest.
		expect( started ).toEqual( [ 'a1', 'a2', 'b1' ] );
		await finish( 'a2' );
		// b2's host is busy (b1): c1 goes first.
		expect( started ).toEqual( [ 'a1', 'a2', 'b1', 'c1' ] );
		await finish( 'c1' );
		expect( started ).toEqual( [ 'a1', 'a2', 'b1', 'c1', 'd1' ] );
		await finish( 'd1' );
		// Only b2 is left: the per-host ceiling of 2 lets it run beside b1.
		expect( started ).toEqual( [ 'a1', 'a2', 'b1', 'c1', 'd1', 'b2' ] );
		await finish( 'b1' );
		await finish( 'b2' );
		await expect( Promise.all( runs ) ).resolves.toEqual( [
			'a1',
			'a2',
			'b1',
			'b2',
			'c1',
			'd1',
		] );
	} );

	it( 'a passed-over request goes first once its host is idle again', async () => {
		const limiter = createLimiter( { perHost: 2, global: 1 } );
		const { started, task, finish, settle } = controlledTasks();
		const runs = [ 'x1', 'a1', 'a2', 'b1', 'c1' ].map( ( name ) =>
			limiter.run( name[ 0 ], task( name ) )
		);
		await settle();
		await finish( 'x1' );
		expect( started ).toEqual( [ 'x1', 'a1' ] );
		await finish( 'a1' );
		// a2 joins the first queue behind b1 and c1, which waited longer
		// there, and ahead of any host that arrives later.
		const late = limiter.run( 'z', task( 'z1' ) );
		await finish( 'b1' );
		await finish( 'c1' );
		expect( started ).toEqual( [ 'x1', 'a1', 'b1', 'c1', 'a2' ] );
		await finish( 'a2' );
		await finish( 'z1' );
		await Promise.all( [ ...runs, late ] );
		expect( started.at( -1 ) ).toBe( 'z1' );
	} );

	it( 'never runs more than perHost requests to one host or global in total', async () => {
		const limiter = createLimiter( { perHost: 2, global: 3 } );
		let running = 0;
		let peak = 0;
		const perHostNow = new Map< string, number >();
		let perHostPeak = 0;
		const hosts = [ 'a', 'b', 'c', 'd' ];
		await Promise.all(
			Array.from( { length: 60 }, ( _, i ) => {
				const host = hosts[ i % 7 === 0 ? 0 : i % hosts.length ];
				return limiter.run( host, async () => {
					running++;
					const mine = ( perHostNow.get( host ) ?? 0 ) + 1;
					perHostNow.set( host, mine );
					peak = Math.max( peak, running );
					perHostPeak = Math.max( perHostPeak, mine );
					await new Promise( ( resolve ) =>
						setTimeout( resolve, i % 3 )
					);
					perHostNow.set( host, ( perHostNow.get( host ) ?? 1 ) - 1 );
					running--;
				} );
			} )
		);
		expect( peak ).toBe( 3 );
		expect( perHostPeak ).toBe( 2 );
	} );

	it( 'an abandoned wait rejects with its reason and leaks no slot', async () => {
		const limiter = createLimiter( { perHost: 2, global: 1 } );
		const { started, task, finish, settle } = controlledTasks();
		const first = limiter.run( 'a', task( 'a1' ) );
		const controller = new AbortController();
		const abandoned = limiter.run( 'b', task( 'b1' ), controller.signal );
		const after = limiter.run( 'b', task( 'b2' ) );
		await settle();
		controller.abort( new Error( 'deadline' ) );
		await expect( abandoned ).rejects.toThrow( 'deadline' );
		await finish( 'a1' );
		// b2 took b1's place in the first queue.
		expect( started ).toEqual( [ 'a1', 'b2' ] );
		await finish( 'b2' );
		await Promise.all( [ first, after ] );
		// Both slots are free again.
		const again = [ 'c', 'd' ].map( ( host ) =>
			limiter.run( host, task( `${ host }1` ) )
		);
		await settle();
		expect( started.slice( -1 ) ).toEqual( [ 'c1' ] );
		await finish( 'c1' );
		await finish( 'd1' );
		await Promise.all( again );
	} );

	it( 'an already aborted signal rejects at once and the task never runs', async () => {
		const limiter = createLimiter( { perHost: 1, global: 1 } );
		const { started, task, finish, settle } = controlledTasks();
		const busy = limiter.run( 'a', task( 'a1' ) );
		await settle();
		const controller = new AbortController();
		controller.abort( new Error( 'too late' ) );
		await expect(
			limiter.run( 'b', task( 'b1' ), controller.signal )
		).rejects.toThrow( 'too late' );
		await finish( 'a1' );
		await busy;
		expect( started ).toEqual( [ 'a1' ] );
	} );

	describe( 'between sites', () => {
		it( 'hands global slots round-robin between sites: a site with many waiting pages delays another by one turn', async () => {
			const limiter = createLimiter( { perHost: 2, global: 2 } );
			const { started, task, finish, settle } = controlledTasks();
			// Site m fills both slots and queues eight more pages on other hosts.
			const hostile = Array.from( { length: 10 }, ( _, i ) =>
				limiter.run(
					`m${ i }.test`,
					task( `m${ i }` ),
					undefined,
					'site:m'
				)
			);
			await settle();
			const benign = limiter.run(
				'a.test',
				task( 'a0' ),
				undefined,
				'site:a'
			);
			await settle();
			expect( started ).toEqual( [ 'm0', 'm1' ] );
			await finish( 'm0' );
			// a's page had its turn before m's third.
			expect( started ).toEqual( [ 'm0', 'm1', 'a0' ] );
			await finish( 'a0' );
			expect( started ).toEqual( [ 'm0', 'm1', 'a0', 'm2' ] );
			for ( let i = 1; i < 10; i++ ) {
				await finish( `m${ i }` );
			}
			await Promise.all( [ ...hostile, benign ] );
		} );

		it( 'caps the slots one site holds (perSite), so a slow site leaves the rest free for others', async () => {
			const limiter = createLimiter( {
				perHost: 2,
				global: 4,
				perSite: 2,
			} );
			const { started, task, finish, settle } = controlledTasks();
			const hostile = Array.from( { length: 5 }, ( _, i ) =>
				limiter.run(
					`m${ i }.test`,
					task( `m${ i }` ),
					undefined,
					'site:m'
				)
			);
			await settle();
			// Two free slots stay free while m's pages wait.
			expect( started ).toEqual( [ 'm0', 'm1' ] );
			const benign = [ 'a0', 'a1' ].map( ( name ) =>
				limiter.run(
					`${ name }.test`,
					task( name ),
					undefined,
					'site:a'
				)
			);
			await settle();
			expect( started ).toEqual( [ 'm0', 'm1', 'a0', 'a1' ] );
			await finish( 'a0' );
			// m is at its cap: a0's slot stays free rather than go to m2.
			expect( started ).toHaveLength( 4 );
			await finish( 'm0' );
			expect( started ).toEqual( [ 'm0', 'm1', 'a0', 'a1', 'm2' ] );
			for ( const name of [ 'a1', 'm1', 'm2', 'm3', 'm4' ] ) {
				await finish( name );
			}
			await Promise.all( [ ...hostile, ...benign ] );
		} );

		it( 'requests without a site (the CLI) are not capped per site', async () => {
			const limiter = createLimiter( {
				perHost: 2,
				global: 4,
				perSite: 1,
			} );
			const { started, task, settle, finish } = controlledTasks();
			const runs = [ 'a', 'b', 'c', 'd' ].map( ( host ) =>
				limiter.run( host, task( host ) )
			);
			await settle();
			expect( started ).toEqual( [ 'a', 'b', 'c', 'd' ] );
			for ( const name of started.slice() ) {
				await finish( name );
			}
			await Promise.all( runs );
		} );

		it( 'limits how many requests a site starts per second (perSiteRate, burst)', async () => {
			const limiter = createLimiter( {
				perHost: 2,
				global: 16,
				perSiteRate: 20,
				perSiteBurst: 2,
			} );
			const startedAt: number[] = [];
			const begin = Date.now();
			await Promise.all(
				Array.from( { length: 6 }, ( _, i ) =>
					limiter.run(
						`h${ i }.test`,
						async () => {
							startedAt.push( Date.now() - begin );
						},
						undefined,
						'site:m'
					)
				)
			);
			// Two at once (the burst), then one every 50 ms: 4 more take >= 200 ms.
			expect( startedAt[ 1 ] ).toBeLessThan( 40 );
			expect( startedAt[ 5 ] ).toBeGreaterThanOrEqual( 180 );
			// Another site is not held back by m's empty bucket.
			const other = Date.now();
			await limiter.run(
				'x.test',
				async () => undefined,
				undefined,
				'site:a'
			);
			expect( Date.now() - other ).toBeLessThan( 40 );
		} );

		it( "hands a busy host's slots round-robin between sites", async () => {
			const limiter = createLimiter( { perHost: 1, global: 16 } );
			const { started, task, finish, settle } = controlledTasks();
			const hostile = Array.from( { length: 5 }, ( _, i ) =>
				limiter.run(
					'shared.test',
					task( `m${ i }` ),
					undefined,
					'site:m'
				)
			);
			await settle();
			const benign = limiter.run(
				'shared.test',
				task( 'a0' ),
				undefined,
				'site:a'
			);
			await settle();
			await finish( 'm0' );
			expect( started ).toEqual( [ 'm0', 'a0' ] );
			expect( limiter.load( 'shared.test' ).waiting ).toBe( 4 );
			await finish( 'a0' );
			for ( let i = 1; i < 5; i++ ) {
				await finish( `m${ i }` );
			}
			await Promise.all( [ ...hostile, benign ] );
			expect( limiter.load( 'shared.test' ).waiting ).toBe( 0 );
		} );
	} );
} );
