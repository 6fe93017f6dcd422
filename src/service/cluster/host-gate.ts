/**
 * Per-host politeness and per-site fairness across the cluster: a
 * `HostGate` (fetch/host-gate.ts) on PostgreSQL. A site's share (the
 * fetcher's per-site limit) is leased like a host's slots, keyed
 * `site <url>` (siteLeaseKey). A host has `limit` numbered slots; a request holds one as
 * a row of `host_leases` until it ends, or until its lease expires (a
 * process killed mid-request frees its slot then; a lease outlives the
 * request's own time limit). A host that answered with Retry-After has a
 * row in `host_pauses`: no process takes its slot before that time.
 *
 * Times are the database's clock, so machines whose clocks differ agree.
 * Taking a slot is one statement (insert a free slot, or take over an
 * expired one); a process that finds none free looks again after a short,
 * growing wait.
 */
import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { HostGate } from '../fetch/host-gate';

export interface PgHostGateOptions {
	pool: Pool;
	/** First wait when the host is full (default 25 ms; doubles up to maxWaitMs, default 200). */
	minWaitMs?: number;
	maxWaitMs?: number;
}

const NOW_MS = `( EXTRACT( EPOCH FROM clock_timestamp() ) * 1000 )::bigint`;

/** One statement: the host's lowest free (or expired) slot, taken, or none. */
const TAKE_SLOT = `
	WITH free AS (
		SELECT s AS slot FROM generate_series( 0, $2::int - 1 ) AS s
		WHERE NOT EXISTS (
			SELECT 1 FROM host_leases l
			WHERE l.host = $1 AND l.slot = s AND l.expires_ms > ${ NOW_MS }
		)
		AND NOT EXISTS (
			SELECT 1 FROM host_pauses p WHERE p.host = $1 AND p.until_ms > ${ NOW_MS }
		)
		ORDER BY s LIMIT 1
	)
	INSERT INTO host_leases ( host, slot, holder, expires_ms )
	SELECT $1, slot, $3, ${ NOW_MS } + $4 FROM free
	ON CONFLICT ( host, slot ) DO UPDATE
		SET holder = EXCLUDED.holder, expires_ms = EXCLUDED.expires_ms
		WHERE host_leases.expires_ms <= ${ NOW_MS }
	RETURNING slot`;

/**
 * A site's fair share is leased in the same table as a host's slots,
 * under a key no host name can have (host names have no spaces).
 */
export function siteLeaseKey( site: string ): string {
	return `site ${ site }`;
}

function abortReason( signal: AbortSignal ): Error {
	return signal.reason instanceof Error
		? signal.reason
		: new Error( 'gave up waiting for a host slot' );
}

function wait( ms: number, signal: AbortSignal ): Promise< void > {
	return new Promise( ( resolve, reject ) => {
		if ( signal.aborted ) {
			reject( abortReason( signal ) );
			return;
		}
		const onAbort = () => {
			clearTimeout( timer );
			reject( abortReason( signal ) );
		};
		const timer = setTimeout( () => {
			signal.removeEventListener( 'abort', onAbort );
			resolve();
		}, ms );
		signal.addEventListener( 'abort', onAbort, { once: true } );
	} );
}

export function createPgHostGate( options: PgHostGateOptions ): HostGate {
	const { pool } = options;
	const minWait = options.minWaitMs ?? 25;
	const maxWait = options.maxWaitMs ?? 200;
	// Leases name their holder: a release never frees a slot taken over
	// by another process after this one's lease expired.
	const self = randomBytes( 8 ).toString( 'hex' );
	let counter = 0;
	/** Takes one of `limit` slots of `key` (a host, or a site's key). */
	async function take(
		key: string,
		limit: number,
		holdMs: number,
		signal: AbortSignal
	): Promise< () => Promise< void > > {
		const holder = `${ self }:${ ++counter }`;
		let delay = minWait;
		for (;;) {
			if ( signal.aborted ) {
				throw abortReason( signal );
			}
			const taken = await pool.query< { slot: number } >( TAKE_SLOT, [
				key,
				limit,
				holder,
				Math.ceil( holdMs ),
			] );
			if ( taken.rows.length > 0 ) {
				const { slot } = taken.rows[ 0 ];
				return async () => {
					await pool.query(
						'DELETE FROM host_leases WHERE host = $1 AND slot = $2 AND holder = $3',
						[ key, slot, holder ]
					);
				};
			}
			// Jitter, so processes waiting for one host do not ask in step.
			await wait( delay * ( 0.5 + Math.random() ), signal );
			delay = Math.min( maxWait, delay * 2 );
		}
	}

	return {
		acquire: take,
		acquireSite: ( site, limit, holdMs, signal ) =>
			take( siteLeaseKey( site ), limit, holdMs, signal ),
		async pause( host, ms ) {
			await pool.query(
				`INSERT INTO host_pauses ( host, until_ms ) VALUES ( $1, ${ NOW_MS } + $2 )
				ON CONFLICT ( host ) DO UPDATE SET until_ms = GREATEST( host_pauses.until_ms, EXCLUDED.until_ms )`,
				[ host, Math.ceil( ms ) ]
			);
		},
	};
}
