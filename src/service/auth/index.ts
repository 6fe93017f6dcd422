/**
 * @file HMAC request signing (client side: `signRequest`) and verification
 * (server side: `createRequestVerifier`) with a replay cache.
 */
export * from './signing';
export * from './replay-cache';
export * from './verify';
