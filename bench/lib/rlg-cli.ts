/**
 * `rlg` as bin/rlg.js runs it, but from the benchmark's own compiled tree
 * (build/bench), so `npm run bench` measures the code it just compiled.
 */
import { boundHeapGrowth } from '../../src/service/heap';

// As bin/rlg.js: the heap bounds before the CLI's modules load.
try {
	boundHeapGrowth();
} catch {
	// main() applies it again and explains the error.
}
const { main } =
	require( '../../src/service/cli' ) as typeof import( '../../src/service/cli' );

void main( process.argv.slice( 2 ) );
