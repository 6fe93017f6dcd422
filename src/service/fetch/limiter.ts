/**
 * Politeness limits: at most `perHost` requests in flight to one host and
 * `global` in total. A request takes its host slot first, then a global
 * slot, so a slow host queues behind itself instead of starving others.
 * Waiting can be abandoned with an AbortSignal (the check's deadline),
 * which removes the waiter without leaking a slot.
 *
 * Host slots are handed out first come, first served. Global slots go
 * first to requests whose host has nothing running, in arrival order, and
 * only then to a second request to a host already being fetched: a batch
 * spreads over its hosts the way a crawler's frontier does, and a host's
 * next page mostly goes over the connection its last page just freed
 * instead of a new one (a batch of 300 hosts × 2 pages opened 600
 * connections, now about 330). `perHost` stays the ceiling, used whenever
 * no other host is waiting. A request passed over this way waits only
 * until its host's running request ends: it then joins the first queue.
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

/** A request waiting for a global slot. */
interface Waiter {
	readonly host: string;
	readonly grant: () => void;
	waiting: boolean;
	/** In the first queue (its host had nothing running or queued there). */
	first: boolean;
}

/**
 * FIFO of waiters with lazy removal: a waiter granted or abandoned stays in
 * the array, marked, until it reaches the head. A waiter can be in both
 * queues at once (promoted to the first one); whichever reaches it first
 * grants it.
 */
class WaitQueue {
	private items: Waiter[] = [];
	private head = 0;

	push( waiter: Waiter ): void {
		this.items.push( waiter );
	}

	shiftWaiting(): Waiter | undefined {
		while ( this.head < this.items.length ) {
			const waiter = this.items[ this.head++ ];
			if ( waiter.waiting ) {
				this.compact();
				return waiter;
			}
		}
		this.items = [];
		this.head = 0;
		return undefined;
	}

	private compact(): void {
		if ( this.head > 1024 && this.head * 2 > this.items.length ) {
			this.items = this.items.slice( this.head );
			this.head = 0;
		}
	}
}

/** The global stage: `limit` slots, hosts with nothing running first. */
class GlobalSlots {
	private active = 0;
	/** Requests holding a global slot, per host. */
	private readonly running = new Map< string, number >();
	private readonly firstQueue = new WaitQueue();
	private readonly laterQueue = new WaitQueue();
	/** Waiters not yet granted, per host, oldest first. */
	private readonly waitingByHost = new Map< string, Waiter[] >();
	/** Hosts with a waiter in the first queue (at most one each). */
	private readonly hostsInFirst = new Set< string >();

	constructor( private readonly limit: number ) {}

	acquire( host: string, signal?: AbortSignal ): Promise< void > {
		if ( this.active < this.limit ) {
			// A free slot means nobody waits: every release hands its slot
			// straight to a waiter when there is one.
			this.active++;
			this.start( host );
			return Promise.resolve();
		}
		return new Promise< void >( ( resolve, reject ) => {
			if ( signal?.aborted ) {
				reject( abortError( signal ) );
				return;
			}
			const onAbort = () => {
				if ( ! waiter.waiting ) {
					return;
				}
				this.forget( waiter );
				this.promote( host );
				reject( abortError( signal ) );
			};
			const waiter: Waiter = {
				host,
				waiting: true,
				first: false,
				grant: () => {
					signal?.removeEventListener( 'abort', onAbort );
					resolve();
				},
			};
			signal?.addEventListener( 'abort', onAbort, { once: true } );
			let list = this.waitingByHost.get( host );
			if ( ! list ) {
				list = [];
				this.waitingByHost.set( host, list );
			}
			list.push( waiter );
			this.laterQueue.push( waiter );
			this.promote( host );
		} );
	}

	release( host: string ): void {
		const left = ( this.running.get( host ) ?? 1 ) - 1;
		if ( left > 0 ) {
			this.running.set( host, left );
		} else {
			this.running.delete( host );
			this.promote( host );
		}
		const next =
			this.firstQueue.shiftWaiting() ?? this.laterQueue.shiftWaiting();
		if ( ! next ) {
			this.active--;
			return;
		}
		// The slot passes straight to the next waiter.
		this.forget( next );
		this.start( next.host );
		next.grant();
	}

	private start( host: string ): void {
		this.running.set( host, ( this.running.get( host ) ?? 0 ) + 1 );
	}

	/** Moves a host's oldest waiter to the first queue if it qualifies. */
	private promote( host: string ): void {
		if ( this.running.has( host ) || this.hostsInFirst.has( host ) ) {
			return;
		}
		const oldest = this.waitingByHost.get( host )?.[ 0 ];
		if ( oldest ) {
			oldest.first = true;
			this.hostsInFirst.add( host );
			this.firstQueue.push( oldest );
		}
	}

	/** Takes a waiter out of the bookkeeping (granted or abandoned). */
	private forget( waiter: Waiter ): void {
		waiter.waiting = false;
		const list = this.waitingByHost.get( waiter.host );
		if ( list ) {
			const index = list.indexOf( waiter );
			if ( index !== -1 ) {
				list.splice( index, 1 );
			}
			if ( list.length === 0 ) {
				this.waitingByHost.delete( waiter.host );
			}
		}
		if ( waiter.first ) {
			this.hostsInFirst.delete( waiter.host );
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
	const global = new GlobalSlots( options.global );
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
				await global.acquire( host, signal );
				try {
					return await task();
				} finally {
					global.release( host );
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
