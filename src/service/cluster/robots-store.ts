/**
 * The cluster's robots.txt cache (fetch/robots.ts `SharedRobotsStore`) in
 * PostgreSQL: one row per origin, valid until a time on the database's
 * clock, so every worker and API node obeys the same file and a partner's
 * robots.txt is fetched once per TTL by the whole cluster. Each process
 * keeps its own copy in memory for the rest of the row's validity.
 *
 * The first process to miss claims the row (status 0, "being fetched",
 * valid for the fetch's time limit) and fetches; the others wait for its
 * answer instead of all fetching the file at once. A claimer that dies
 * leaves a claim that expires like any row; one whose fetch failed drops
 * it (`abandon`), so the next asker fetches anew.
 */
import type { Pool } from 'pg';
import type { SharedRobotsAnswer, SharedRobotsStore } from '../fetch/robots';

const NOW_MS = `( EXTRACT( EPOCH FROM clock_timestamp() ) * 1000 )::bigint`;
/** `status` of a row whose file one process is fetching right now. */
const FETCHING = 0;
/** Rows expired this long ago are deleted (now and then, by a put). */
const KEEP_EXPIRED_MS = 24 * 3_600_000;
/** One put in this many also sweeps expired rows. */
const SWEEP_EVERY = 200;

const READ = `SELECT status, body, expires_ms - ${ NOW_MS } AS ttl_ms
	FROM robots_txt WHERE origin = $1`;

/** Takes the row for this process unless an unexpired one exists. */
const CLAIM = `INSERT INTO robots_txt ( origin, status, body, expires_ms )
	VALUES ( $1, ${ FETCHING }, NULL, ${ NOW_MS } + $2 )
	ON CONFLICT ( origin ) DO UPDATE SET status = ${ FETCHING }, body = NULL,
		expires_ms = EXCLUDED.expires_ms
	WHERE robots_txt.expires_ms <= ${ NOW_MS }
	RETURNING origin`;

export interface PgRobotsStoreOptions {
	/** Between looks at a row another process is fetching (default 100 ms). */
	pollMs?: number;
}

function sleep( ms: number ): Promise< void > {
	return new Promise( ( resolve ) => setTimeout( resolve, ms ) );
}

export function createPgRobotsStore(
	pool: Pool,
	options: PgRobotsStoreOptions = {}
): SharedRobotsStore {
	const pollMs = options.pollMs ?? 100;
	let puts = 0;
	return {
		async get( origin, waitMs ) {
			const deadline = Date.now() + waitMs;
			for (;;) {
				const { rows } = await pool.query< {
					status: number;
					body: string | null;
					ttl_ms: string;
				} >( READ, [ origin ] );
				const row = rows[ 0 ];
				const valid = row !== undefined && Number( row.ttl_ms ) > 0;
				if ( valid && row.status !== FETCHING ) {
					const answer: SharedRobotsAnswer =
						row.body === null
							? { kind: 'http', status: row.status }
							: {
									kind: 'ok',
									status: row.status,
									body: row.body,
								};
					return { answer, ttlMs: Number( row.ttl_ms ) };
				}
				if ( ! valid ) {
					// Nobody has it, or it expired: fetch it if we win the claim
					// (its validity is the fetch's own time limit, plus a margin).
					const claimed = await pool.query( CLAIM, [
						origin,
						Math.ceil( waitMs ) + 5_000,
					] );
					if ( claimed.rows.length > 0 ) {
						return null;
					}
					continue;
				}
				if ( Date.now() >= deadline ) {
					// The other process is taking too long: fetch it here.
					return null;
				}
				await sleep( pollMs );
			}
		},
		async put( origin, answer, ttlMs ) {
			await pool.query(
				`INSERT INTO robots_txt ( origin, status, body, expires_ms )
				VALUES ( $1, $2, $3, ${ NOW_MS } + $4 )
				ON CONFLICT ( origin ) DO UPDATE SET status = EXCLUDED.status,
					body = EXCLUDED.body, expires_ms = EXCLUDED.expires_ms`,
				[
					origin,
					answer.status,
					// PostgreSQL text holds no NUL; robots.txt rules never need one.
					answer.kind === 'ok'
						? answer.body.replace( /\0/g, '' )
						: null,
					Math.ceil( ttlMs ),
				]
			);
			if ( ++puts % SWEEP_EVERY === 0 ) {
				await pool.query(
					`DELETE FROM robots_txt WHERE expires_ms < ${ NOW_MS } - $1`,
					[ KEEP_EXPIRED_MS ]
				);
			}
		},
		async abandon( origin ) {
			await pool.query(
				`DELETE FROM robots_txt WHERE origin = $1 AND status = ${ FETCHING }`,
				[ origin ]
			);
		},
	};
}
