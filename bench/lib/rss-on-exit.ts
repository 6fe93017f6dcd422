/**
 * Preloaded into a benchmarked child (`node --require …/rss-on-exit.js`):
 * on exit, writes the process's peak resident set size (and the kernel's
 * VmHWM, which should agree) to the file named by RLG_BENCH_RSS_FILE.
 */
import fs from 'node:fs';

const file = process.env.RLG_BENCH_RSS_FILE;

function vmHwmKb(): number | null {
	try {
		const status = fs.readFileSync( '/proc/self/status', 'utf8' );
		const match = /^VmHWM:\s+(\d+)\s+kB/m.exec( status );
		return match ? Number( match[ 1 ] ) : null;
	} catch {
		return null;
	}
}

if ( file ) {
	process.on( 'exit', () => {
		fs.writeFileSync(
			file,
			JSON.stringify( {
				maxRssKb: process.resourceUsage().maxRSS,
				vmHwmKb: vmHwmKb(),
				heapUsedMb: process.memoryUsage().heapUsed / 1e6,
			} )
		);
	} );
}
