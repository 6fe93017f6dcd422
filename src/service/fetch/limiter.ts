/**
 * Politeness limits: at most `perHost` requests in flight to one host and
 * `global` in total. A request takes its host slot first, then a global
 * slot, so a slow host queues behind itself instead of starving others.
 * Waiting is FIFO and can be abandoned with an AbortSignal (the check's
 * deadline), which removes the waiter without leaking a slot.
 */
import { RlgError } from '../errors';

class Semaphore {
	private active = 0;
	private readonly waiters: Array< () => void > = [];

	constructor( private readonly limit: number ) {}

	get idle(): boolean {
		return this.active === 0 && this.waiters.length === 0;
	}

	acquire( signal?: AbortSignal ): Promise< void > {
		if ( this.active < this.limit ) {
			this.active++;
			return Promise.resolve();
		}
		return new Promise< void >( ( resolve, reject ) => {
			const onAbort = () => {
				const index = this.waiters.indexOf( grant );
				if ( index !== -1 ) {
					this.waiters.splice( index, 1 );
				}
				reject( abortError( signal ) );
			};
			const grant = () => {
				signal?.removeEventListener( 'abort', onAbort );
				resolve();
			};
			if ( signal?.aborted ) {
				reject( abortError( signal ) );
				return;
			}
			signal?.addEventListener( 'abort', onAbort, { once: true } );
			this.waiters.push( grant );
		} );
	}

	release(): void {
		const next = this.waiters.shift();
		if ( next ) {
			// The slot passes straight to the next waiter.
			next();
		} else {
			this.active--;
		}
	}
}

function abortError( signal?: AbortSignal ): Error {
	const reason: unknown = signal?.reason;
	return reason instanceof Error
		? reason
		: new RlgError( 'ERR_ABORTED', 'gave up waiting for a request slot' );
}

export interface LimiterOptions {
	/** Requests in flight per host name (default 2). */
	perHost: number;
	/** Requests in flight in total (default 16). */
	global: number;
}

export interface Limiter {
	/** Runs `task` once a slot for `host` is free; releases it after. */
	run: < T >(
		host: string,
		task: () => Promise< T >,
		signal?: AbortSignal
	) => Promise< T >;
}

export function createLimiter( options: LimiterOptions ): Limiter {
	if ( options.perHost < 1 || options.global < 1 ) {
		throw new RlgError(
			'ERR_INVALID_OPTION',
			'concurrency limits must be at least 1'
		);
	}
	const global = new Semaphore( options.global );
	const hosts = new Map< string, Semaphore >();

	return {
		async run( host, task, signal ) {
			let perHost = hosts.get( host );
			if ( ! perHost ) {
				perHost = new Semaphore( options.perHost );
				hosts.set( host, perHost );
			}
			await perHost.acquire( signal );
			try {
				await global.acquire( signal );
				try {
					return await task();
				} finally {
					global.release();
				}
			} finally {
				perHost.release();
				// Forget idle hosts so the map does not grow with every partner.
				if ( perHost.idle ) {
					hosts.delete( host );
				}
			}
		},
	};
}
