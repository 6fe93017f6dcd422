/**
 * Samples the resident set size of other processes (children the
 * benchmark started) from /proc/<pid>/status every few hundred ms, tagged
 * with a label the caller moves along (the scan's phase), so a report can
 * say not only how high a process peaked but during what. The kernel's own
 * peak (VmHWM, or rss-on-exit.js in the child) stays the authoritative
 * figure; samples can miss a spike shorter than the interval.
 */
import fs from 'node:fs';

export interface RssSampler {
	/** Label the following samples (e.g. the scan's phase). */
	label: ( text: string ) => void;
	/** Stops sampling; the highest sample per label and overall. */
	stop: () => {
		peakMb: number;
		/** VmHWM at the last sample (the kernel's peak so far), MB. */
		hwmMb: number | null;
		byLabel: Record< string, number >;
		samples: number;
	};
}

function statusKb( pid: number, field: string ): number | null {
	try {
		const status = fs.readFileSync( `/proc/${ pid }/status`, 'utf8' );
		const match = new RegExp( `^${ field }:\\s+(\\d+)\\s+kB`, 'm' ).exec(
			status
		);
		return match ? Number( match[ 1 ] ) : null;
	} catch {
		return null;
	}
}

/** Starts sampling `pid` (no samples where /proc is not available). */
export function sampleRss( pid: number, everyMs = 250 ): RssSampler {
	let current = 'start';
	let peakKb = 0;
	let hwmKb: number | null = null;
	let count = 0;
	const byLabel: Record< string, number > = {};
	const take = () => {
		const rss = statusKb( pid, 'VmRSS' );
		if ( rss === null ) {
			return;
		}
		hwmKb = statusKb( pid, 'VmHWM' ) ?? hwmKb;
		count++;
		peakKb = Math.max( peakKb, rss );
		byLabel[ current ] = Math.max( byLabel[ current ] ?? 0, rss / 1024 );
	};
	const timer = setInterval( take, everyMs );
	timer.unref();
	take();
	return {
		label( text ) {
			take();
			current = text;
		},
		stop() {
			take();
			clearInterval( timer );
			const mb = ( kb: number ) => Math.round( kb / 102.4 ) / 10;
			return {
				peakMb: mb( peakKb ),
				hwmMb: hwmKb === null ? null : mb( hwmKb ),
				byLabel: Object.fromEntries(
					Object.entries( byLabel ).map( ( [ k, v ] ) => [
						k,
						Math.round( v * 10 ) / 10,
					] )
				),
				samples: count,
			};
		},
	};
}
