/**
 * The cluster's own tables in PostgreSQL (a third migration track,
 * `cluster_schema_migrations`, beside the core and scan tracks): check jobs
 * that any API node can answer and any worker can run, the per-host and
 * per-site leases and the pauses that make politeness and fairness hold
 * across all processes, and the shared robots.txt cache.
 *
 * Nothing here is history: `rlg migrate` does not copy these tables (a
 * one-machine service keeps its jobs in memory), and losing their rows
 * loses only jobs a client would start again. To change the schema, APPEND
 * a migration; never edit a shipped one.
 */
import type { Pool } from 'pg';
import type { Migration } from '../store/migrations';
import { runPgMigrations } from '../store/pg-database';

export const CLUSTER_MIGRATIONS: readonly Migration[] = [
	{
		version: 1,
		name: 'check-jobs-host-leases',
		sql: `
			-- A check job: the request it was started with (links aside),
			-- whose site it is, when a client last looked at it.
			CREATE TABLE check_jobs (
				id TEXT COLLATE "C" PRIMARY KEY,
				site_id BIGINT NOT NULL REFERENCES sites( id ) ON DELETE CASCADE,
				site_url TEXT NOT NULL,
				created_ms BIGINT NOT NULL,
				touched_ms BIGINT NOT NULL,
				error_code TEXT,
				error_message TEXT
			);
			CREATE INDEX check_jobs_by_site ON check_jobs( site_id, touched_ms );

			-- Its distinct targets (the job's total).
			CREATE TABLE check_job_targets (
				job_id TEXT COLLATE "C" NOT NULL REFERENCES check_jobs( id ) ON DELETE CASCADE,
				target_key TEXT COLLATE "C" NOT NULL,
				PRIMARY KEY ( job_id, target_key )
			);

			-- One queue job per request that added targets: done once a
			-- worker has written every result of it.
			CREATE TABLE check_job_parts (
				job_id TEXT COLLATE "C" NOT NULL REFERENCES check_jobs( id ) ON DELETE CASCADE,
				part INTEGER NOT NULL,
				done BOOLEAN NOT NULL DEFAULT FALSE,
				PRIMARY KEY ( job_id, part )
			);

			-- Results in the order they became known; keyed by (job, target)
			-- so a worker that runs a part again (after another died in it)
			-- never adds a second row for a target.
			CREATE TABLE check_job_results (
				seq BIGINT GENERATED ALWAYS AS IDENTITY,
				job_id TEXT COLLATE "C" NOT NULL REFERENCES check_jobs( id ) ON DELETE CASCADE,
				target_key TEXT COLLATE "C" NOT NULL,
				result TEXT NOT NULL,
				PRIMARY KEY ( job_id, target_key )
			);
			CREATE INDEX check_job_results_by_seq ON check_job_results( job_id, seq );

			-- Per-host request slots held by any process of the cluster: at
			-- most N rows per host are unexpired. A process that dies
			-- holding one frees it when the lease expires.
			CREATE TABLE host_leases (
				host TEXT COLLATE "C" NOT NULL,
				slot INTEGER NOT NULL,
				holder TEXT NOT NULL,
				expires_ms BIGINT NOT NULL,
				PRIMARY KEY ( host, slot )
			);

			-- A host that asked us to wait (Retry-After, 429/503): nobody in
			-- the cluster sends it a request before until_ms.
			CREATE TABLE host_pauses (
				host TEXT COLLATE "C" PRIMARY KEY,
				until_ms BIGINT NOT NULL
			);
		`,
	},
	{
		version: 2,
		name: 'robots-txt',
		sql: `
			-- robots.txt answers shared by every process (fetch/robots.ts):
			-- the file (status 2xx, body) or a status without one (body
			-- NULL), valid until expires_ms on the database's clock.
			CREATE TABLE robots_txt (
				origin TEXT COLLATE "C" PRIMARY KEY,
				status INTEGER NOT NULL,
				body TEXT,
				expires_ms BIGINT NOT NULL
			);
		`,
	},
];

/** Bring the cluster tables up to date (under the migrations' advisory lock). */
export async function migrateCluster( pool: Pool ): Promise< number[] > {
	return runPgMigrations( pool, CLUSTER_MIGRATIONS, {
		table: 'cluster_schema_migrations',
		label: 'the cluster schema',
	} );
}
