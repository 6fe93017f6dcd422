/**
 * The site a fetch is made for, carried through async calls: the check
 * service runs each site's check inside `withFetchSite`, and every page,
 * homepage and robots.txt fetched on its behalf, however deep in the
 * checker, is scheduled as that site's (src/service/fetch/limiter.ts), with
 * no parameter threaded through every layer in between.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage< string >();

/** Runs `fn` with every fetch it starts counted as `site`'s. */
export function withFetchSite< T >( site: string, fn: () => T ): T {
	return storage.run( site, fn );
}

/** The site of the fetch being made, or undefined outside any site's work. */
export function currentFetchSite(): string | undefined {
	return storage.getStore();
}
