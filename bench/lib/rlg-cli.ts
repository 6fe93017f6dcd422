/**
 * `rlg` as bin/rlg.js runs it, but from the benchmark's own compiled tree
 * (build/bench), so `npm run bench` measures the code it just compiled.
 */
import { main } from '../../src/service/cli';

void main( process.argv.slice( 2 ) );
