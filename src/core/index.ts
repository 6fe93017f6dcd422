/**
 * @file Public surface of the core library: pure functions and schemas,
 * shared by the block editor (browser) and the service (Node).
 */
export * from './schemas';
export * from './findings';
export * from './settings';
export * from './report';
export * from './url';
export * from './text';
export * from './anchors';
export * from './relevance';
export * from './rules';
export * from './extract';
