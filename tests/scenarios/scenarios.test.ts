/**
 * The scenario suite (tests/scenarios/scenarios.ts) as jest tests: each
 * named partner situation must get the verdict the product promises.
 */
import { startDemoWorld, type DemoWorld } from './demo-world';
import { SCENARIOS } from './scenarios';

describe( 'scenario suite: the demo’s partner cases and issue 15’s mis-verdicts', () => {
	let world: DemoWorld;

	beforeAll( async () => {
		world = await startDemoWorld();
	} );

	afterAll( async () => {
		await world.close();
	} );

	it.each(
		SCENARIOS.map( ( s ) => [ `${ s.source }: ${ s.name }`, s ] as const )
	)( '%s', async ( _name, scenario ) => {
		const outcome = await scenario.run( world );
		expect( {
			problems: outcome.problems,
			actual: outcome.actual,
		} ).toEqual( {
			problems: [],
			actual: outcome.actual,
		} );
	} );
} );
