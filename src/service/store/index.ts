/**
 * @file Storage of the service: one interface (`Store`, with the scan
 * store it opens), its embedded SQLite implementation (the default) and
 * its PostgreSQL implementation; `connectStore` picks one.
 */
export * from './types';
export { MIGRATIONS, SCHEMA_VERSION, migrate } from './migrations';
export type { Migration } from './migrations';
export { SqliteStore, openStore, DATABASE_FILE } from './sqlite';
export { siteIdentity } from './site-identity';
export { TRANSIENT_STATUSES, isTransient } from './transient';
export type { PgStore } from './pg-store';
export { connectStore, describeStore } from './open';
export type { StoreLocation } from './open';
export type { ScanStore } from './scan-types';
export * from './backlink-types';
