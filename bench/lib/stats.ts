/**
 * Small numeric helpers shared by the benchmarks. Percentiles use the
 * nearest-rank method (no interpolation), so p95 of 20 samples is the 19th.
 */
export function percentile( sorted: readonly number[], p: number ): number {
	if ( sorted.length === 0 ) {
		return NaN;
	}
	const rank = Math.ceil( ( p / 100 ) * sorted.length );
	return sorted[ Math.min( sorted.length, Math.max( 1, rank ) ) - 1 ];
}

export function summarize( samples: readonly number[] ): {
	n: number;
	p50: number;
	p95: number;
	mean: number;
	max: number;
} {
	const sorted = [ ...samples ].sort( ( a, b ) => a - b );
	const sum = sorted.reduce( ( total, value ) => total + value, 0 );
	return {
		n: sorted.length,
		p50: percentile( sorted, 50 ),
		p95: percentile( sorted, 95 ),
		mean: sorted.length ? sum / sorted.length : NaN,
		max: sorted.length ? sorted[ sorted.length - 1 ] : NaN,
	};
}

/** Milliseconds since an arbitrary origin, sub-millisecond precision. */
export function nowMs(): number {
	return Number( process.hrtime.bigint() ) / 1e6;
}

/** Rounds for display: 3 significant digits, no exponent. */
export function round( value: number, digits = 3 ): number {
	if ( ! Number.isFinite( value ) || value === 0 ) {
		return value;
	}
	const magnitude = Math.floor( Math.log10( Math.abs( value ) ) );
	const factor = 10 ** Math.max( 0, digits - 1 - magnitude );
	return Math.round( value * factor ) / factor;
}
