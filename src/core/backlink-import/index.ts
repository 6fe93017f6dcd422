/**
 * Backlink exports (Search Console, Ahrefs, Semrush) → backlinks, and the
 * lists built from them (reciprocity from both directions, Link Intersect).
 */
export * from './decode';
export * from './formats';
export * from './parse';
export * from './overview';
export * from './summary';
