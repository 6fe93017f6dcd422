/**
 * @file Storage of the service: one interface (`Store`) and its embedded
 * SQLite implementation.
 */
export * from './types';
export { MIGRATIONS, SCHEMA_VERSION, migrate } from './migrations';
export type { Migration } from './migrations';
export { SqliteStore, openStore, DATABASE_FILE } from './sqlite';
export { siteIdentity } from './site-identity';
export { TRANSIENT_STATUSES, isTransient } from './transient';
