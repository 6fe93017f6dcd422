/**
 * Politeness and fairness limits for the shared fetcher.
 *
 * Politeness (per host): at most `perHost` requests in flight to one host
 * and `global` in total. A request takes its host slot first, then a global
 * slot, so a slow host queues behind itself instead of starving others.
 *
 * Fairness (per site): every request carries the site it is made for (the
 * tenant; requests of the CLI carry none and share the unnamed tenant).
 * Waiting requests are served round-robin between sites, at both stages, so
 * a site that queues a thousand pages delays another site's next page by at
 * most one turn, not a thousand. A named site also has at most
 * `perSite` global slots at once (the rest stay free for the others even
 * while its pages trickle in) and may start at most `perSiteRate` requests
 * a second (a token bucket with a burst of `perSiteBurst`).
 *
 * Within one site, host slots are handed out first come, first served, and
 * global slots go first to requests whose host has nothing running, in
 * arrival order, and only then to a second request to a host already being
 * fetched: a batch spreads over its hosts the way a crawler's frontier
 * does, and a host's next page mostly goes over the connection its last
 * page just freed instead of a new one (a batch of 300 hosts × 2 pages
 * opened 600 connections, now about 330). `perHost` stays the ceiling, used
 * whenever no other host is waiting. A request passed over this way waits
 * only until its host's running request ends: it then joins the first queue.
 *
 * Waiting can be abandoned with an AbortSignal (the check's deadline),
 * which removes the waiter without leaking a slot.
 */
import { RlgError } from '../errors';

/** The tenant of requests that name no site (the CLI, the benchmarks). */
export const UNNAMED_SITE = '';

/**
 * FIFO of waiters with lazy removal: a waiter granted or abandoned stays in
 * the array, marked, until it reaches the head.
 */
class WaitQueue< W extends { waiting: boolean } > {
	private items: W[] = [];
	private head = 0;

	push( waiter: W ): void {
		this.items.push( waiter );
	}

	/** The oldest waiter still waiting, left in place. */
	peek(): W | undefined {
		while ( this.head < this.items.length ) {
			const waiter = this.items[ this.head ];
			if ( waiter.waiting ) {
				return waiter;
			}
			this.head++;
		}
		this.items = [];
		this.head = 0;
		return undefined;
	}

	shiftWaiting(): W | undefined {
		const waiter = this.peek();
		if ( waiter ) {
			this.head++;
			this.compact();
		}
		return waiter;
	}

	private compact(): void {
		if ( this.head > 1024 && this.head * 2 > this.items.length ) {
			this.items = this.items.slice( this.head );
			this.head = 0;
		}
	}
}

/**
 * The sites that have something waiting, and whose turn it is. `next()`
 * picks, among the sites the caller can serve now, the one with the fewest
 * requests in flight (max-min fairness: a site that just arrived goes
 * before one that already holds many slots); a tie goes to the site served
 * longest ago, so equal sites take turns (round-robin).
 */
class SiteTurns {
	private readonly waiting = new Set< string >();
	/** When each site last got a slot (a counter, not a clock). */
	private readonly lastServed = new Map< string, number >();
	private turn = 0;

	add( site: string ): void {
		this.waiting.add( site );
	}

	/** Records that `site` got a slot (also outside `next()`). */
	served( site: string ): void {
		this.lastServed.set( site, ++this.turn );
	}

	/** Forgets a site with nothing running or waiting. */
	forget( site: string ): void {
		if ( ! this.waiting.has( site ) ) {
			this.lastServed.delete( site );
		}
	}

	/**
	 * The site to serve next among those for which `ready` is true;
	 * sites for which `empty` is true stop waiting on the way.
	 */
	next(
		ready: ( site: string ) => boolean,
		empty: ( site: string ) => boolean,
		running: ( site: string ) => number
	): string | undefined {
		let best: string | undefined;
		let bestRunning = Infinity;
		let bestServed = Infinity;
		for ( const site of this.waiting ) {
			if ( empty( site ) ) {
				this.waiting.delete( site );
				continue;
			}
			if ( ! ready( site ) ) {
				continue;
			}
			const load = running( site );
			const served = this.lastServed.get( site ) ?? 0;
			if (
				load < bestRunning ||
				( load === bestRunning && served < bestServed )
			) {
				best = site;
				bestRunning = load;
				bestServed = served;
			}
		}
		if ( best !== undefined ) {
			this.served( best );
		}
		return best;
	}
}

interface HostWaiter {
	readonly site: string;
	readonly grant: () => void;
	waiting: boolean;
}

/** One host's `perHost` slots, handed out round-robin between sites. */
class HostSlots {
	private active = 0;
	/** Slots of this host held, per site. */
	private readonly holding = new Map< string, number >();
	private readonly queues = new Map< string, WaitQueue< HostWaiter > >();
	private readonly turns = new SiteTurns();
	private waiters = 0;

	constructor( private readonly limit: number ) {}

	get idle(): boolean {
		return this.active === 0 && this.waiters === 0;
	}

	/** Requests waiting for this host (for "host busy" messages). */
	get waiting(): number {
		return this.waiters;
	}

	acquire( site: string, signal?: AbortSignal ): Promise< void > {
		if ( this.active < this.limit ) {
			this.active++;
			this.hold( site, 1 );
			this.turns.served( site );
			return Promise.resolve();
		}
		return new Promise< void >( ( resolve, reject ) => {
			if ( signal?.aborted ) {
				reject( abortError( signal ) );
				return;
			}
			const onAbort = () => {
				if ( waiter.waiting ) {
					waiter.waiting = false;
					this.waiters--;
					reject( abortError( signal ) );
				}
			};
			const waiter: HostWaiter = {
				site,
				waiting: true,
				grant: () => {
					signal?.removeEventListener( 'abort', onAbort );
					resolve();
				},
			};
			signal?.addEventListener( 'abort', onAbort, { once: true } );
			let queue = this.queues.get( site );
			if ( ! queue ) {
				queue = new WaitQueue();
				this.queues.set( site, queue );
			}
			queue.push( waiter );
			this.waiters++;
			this.turns.add( site );
		} );
	}

	private hold( site: string, change: number ): void {
		const held = ( this.holding.get( site ) ?? 0 ) + change;
		if ( held > 0 ) {
			this.holding.set( site, held );
		} else {
			this.holding.delete( site );
			this.turns.forget( site );
		}
	}

	release( site: string ): void {
		this.hold( site, -1 );
		const next = this.turns.next(
			() => true,
			( candidate ) => {
				const empty = ! this.queues.get( candidate )?.peek();
				if ( empty ) {
					this.queues.delete( candidate );
				}
				return empty;
			},
			( candidate ) => this.holding.get( candidate ) ?? 0
		);
		const waiter =
			next === undefined
				? undefined
				: this.queues.get( next )?.shiftWaiting();
		if ( waiter ) {
			// The slot passes straight to the next waiter.
			waiter.waiting = false;
			this.waiters--;
			this.hold( waiter.site, 1 );
			waiter.grant();
		} else {
			this.active--;
		}
	}
}

/** A request waiting for a global slot. */
interface Waiter {
	readonly host: string;
	readonly site: string;
	readonly grant: () => void;
	waiting: boolean;
	/** In the first queue (its host had nothing running or queued there). */
	first: boolean;
}

/** What the global stage keeps per site. */
class SiteState {
	running = 0;
	readonly firstQueue = new WaitQueue< Waiter >();
	readonly laterQueue = new WaitQueue< Waiter >();
	/** Waiters not yet granted, per host, oldest first. */
	readonly waitingByHost = new Map< string, Waiter[] >();
	/** Hosts with a waiter in the first queue (at most one each). */
	readonly hostsInFirst = new Set< string >();
	waiters = 0;
	tokens: number;
	refilledAt: number;

	constructor( burst: number, now: number ) {
		this.tokens = burst;
		this.refilledAt = now;
	}

	get idle(): boolean {
		return this.running === 0 && this.waiters === 0;
	}
}

interface SiteLimits {
	/** Global slots one named site may hold (Infinity: no cap). */
	perSite: number;
	/** Requests a named site may start per second (0: no rate limit). */
	perSiteRate: number;
	perSiteBurst: number;
	now: () => number;
}

/**
 * The global stage: `limit` slots, handed out round-robin between sites
 * and, within a site, to hosts with nothing running first.
 */
class GlobalSlots {
	private active = 0;
	/** Requests holding a global slot, per host (all sites). */
	private readonly running = new Map< string, number >();
	private readonly sites = new Map< string, SiteState >();
	/** Sites with waiters, per host: whose waiter to promote when it idles. */
	private readonly waitingSites = new Map< string, Set< string > >();
	private readonly turns = new SiteTurns();
	private refillTimer: NodeJS.Timeout | undefined;

	constructor(
		private readonly limit: number,
		private readonly limits: SiteLimits
	) {}

	acquire(
		host: string,
		site: string,
		signal?: AbortSignal
	): Promise< void > {
		const state = this.stateOf( site );
		if (
			this.active < this.limit &&
			state.waiters === 0 &&
			this.mayStart( site, state )
		) {
			this.start( host, site, state );
			return Promise.resolve();
		}
		return new Promise< void >( ( resolve, reject ) => {
			if ( signal?.aborted ) {
				reject( abortError( signal ) );
				this.forgetSiteIfIdle( site, state );
				return;
			}
			const onAbort = () => {
				if ( ! waiter.waiting ) {
					return;
				}
				this.forget( waiter, state );
				this.promote( host );
				this.forgetSiteIfIdle( site, state );
				reject( abortError( signal ) );
			};
			const waiter: Waiter = {
				host,
				site,
				waiting: true,
				first: false,
				grant: () => {
					signal?.removeEventListener( 'abort', onAbort );
					resolve();
				},
			};
			signal?.addEventListener( 'abort', onAbort, { once: true } );
			let list = state.waitingByHost.get( host );
			if ( ! list ) {
				list = [];
				state.waitingByHost.set( host, list );
			}
			list.push( waiter );
			let sites = this.waitingSites.get( host );
			if ( ! sites ) {
				sites = new Set();
				this.waitingSites.set( host, sites );
			}
			sites.add( site );
			state.waiters++;
			state.laterQueue.push( waiter );
			this.promoteIn( host, state );
			this.turns.add( site );
			// A slot may be free while this site was at its cap or out of
			// tokens; another site's waiter may fit now.
			this.dispatch();
		} );
	}

	release( host: string, site: string ): void {
		const state = this.sites.get( site ) as SiteState;
		state.running--;
		this.active--;
		const left = ( this.running.get( host ) ?? 1 ) - 1;
		if ( left > 0 ) {
			this.running.set( host, left );
		} else {
			this.running.delete( host );
			this.promote( host );
		}
		this.dispatch();
		this.forgetSiteIfIdle( site, state );
	}

	/** Hands free slots to waiters, one site per turn. */
	private dispatch(): void {
		while ( this.active < this.limit ) {
			const site = this.turns.next(
				( candidate ) =>
					this.mayStart(
						candidate,
						this.sites.get( candidate ) as SiteState
					),
				( candidate ) =>
					( this.sites.get( candidate )?.waiters ?? 0 ) === 0,
				( candidate ) => this.sites.get( candidate )?.running ?? 0
			);
			if ( site === undefined ) {
				this.scheduleRefill();
				return;
			}
			const state = this.sites.get( site ) as SiteState;
			const next =
				state.firstQueue.shiftWaiting() ??
				state.laterQueue.shiftWaiting();
			if ( ! next ) {
				return; // Unreachable: the site had waiters.
			}
			this.forget( next, state );
			this.start( next.host, site, state );
			next.grant();
		}
	}

	private stateOf( site: string ): SiteState {
		let state = this.sites.get( site );
		if ( ! state ) {
			state = new SiteState(
				this.limits.perSiteBurst,
				this.limits.now()
			);
			this.sites.set( site, state );
		}
		return state;
	}

	/** Forget a site's state once it has nothing running or waiting and a full bucket. */
	private forgetSiteIfIdle( site: string, state: SiteState ): void {
		if (
			state.idle &&
			this.refill( site, state ) >= this.limits.perSiteBurst
		) {
			this.sites.delete( site );
			this.turns.forget( site );
		}
	}

	private named( site: string ): boolean {
		return site !== UNNAMED_SITE;
	}

	/** Tokens after refilling for the time passed. */
	private refill( site: string, state: SiteState ): number {
		if ( ! this.named( site ) || this.limits.perSiteRate <= 0 ) {
			return Infinity;
		}
		const now = this.limits.now();
		state.tokens = Math.min(
			this.limits.perSiteBurst,
			state.tokens +
				( ( now - state.refilledAt ) / 1000 ) * this.limits.perSiteRate
		);
		state.refilledAt = now;
		return state.tokens;
	}

	private mayStart( site: string, state: SiteState ): boolean {
		if ( this.named( site ) && state.running >= this.limits.perSite ) {
			return false;
		}
		return this.refill( site, state ) >= 1;
	}

	/**
	 * When every waiting site is held back only by its rate, look again
	 * once the first of them has a token.
	 */
	private scheduleRefill(): void {
		if ( this.refillTimer || this.limits.perSiteRate <= 0 ) {
			return;
		}
		let wait = Infinity;
		for ( const [ site, state ] of this.sites ) {
			if (
				state.waiters > 0 &&
				this.named( site ) &&
				state.running < this.limits.perSite
			) {
				wait = Math.min(
					wait,
					( ( 1 - state.tokens ) / this.limits.perSiteRate ) * 1000
				);
			}
		}
		if ( wait === Infinity ) {
			return;
		}
		this.refillTimer = setTimeout(
			() => {
				this.refillTimer = undefined;
				this.dispatch();
			},
			Math.max( 1, Math.ceil( wait ) )
		);
		// A pending refill never keeps the process alive by itself: a
		// waiter's own deadline (or the caller) is what waits.
		this.refillTimer.unref?.();
	}

	private start( host: string, site: string, state: SiteState ): void {
		this.active++;
		this.turns.served( site );
		state.running++;
		if ( this.named( site ) && this.limits.perSiteRate > 0 ) {
			state.tokens -= 1;
		}
		this.running.set( host, ( this.running.get( host ) ?? 0 ) + 1 );
	}

	/** A host went idle: each site's oldest waiter for it moves up. */
	private promote( host: string ): void {
		for ( const site of this.waitingSites.get( host ) ?? [] ) {
			const state = this.sites.get( site );
			if ( state ) {
				this.promoteIn( host, state );
			}
		}
	}

	/** Moves a site's oldest waiter for `host` to its first queue if it qualifies. */
	private promoteIn( host: string, state: SiteState ): void {
		if ( this.running.has( host ) || state.hostsInFirst.has( host ) ) {
			return;
		}
		const oldest = state.waitingByHost.get( host )?.[ 0 ];
		if ( oldest ) {
			oldest.first = true;
			state.hostsInFirst.add( host );
			state.firstQueue.push( oldest );
		}
	}

	/** Takes a waiter out of the bookkeeping (granted or abandoned). */
	private forget( waiter: Waiter, state: SiteState ): void {
		waiter.waiting = false;
		state.waiters--;
		const list = state.waitingByHost.get( waiter.host );
		if ( list ) {
			const index = list.indexOf( waiter );
			if ( index !== -1 ) {
				list.splice( index, 1 );
			}
			if ( list.length === 0 ) {
				state.waitingByHost.delete( waiter.host );
				const sites = this.waitingSites.get( waiter.host );
				sites?.delete( waiter.site );
				if ( sites?.size === 0 ) {
					this.waitingSites.delete( waiter.host );
				}
			}
		}
		if ( waiter.first ) {
			state.hostsInFirst.delete( waiter.host );
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
	/** Requests in flight for one named site (default: no cap but `global`). */
	perSite?: number;
	/** Requests one named site may start per second (default 0: no limit). */
	perSiteRate?: number;
	/** How many of those may start at once after a quiet spell (default 2 s' worth, at least 1). */
	perSiteBurst?: number;
	/** Clock of the rate limit (tests). */
	now?: () => number;
}

/** Where a request stands, for the message of one that never got a slot. */
export interface HostLoad {
	/** Requests waiting for this host's slots (all sites). */
	waiting: number;
}

export interface Limiter {
	/**
	 * Runs `task` once a slot for `host` is free, for `site` (default: the
	 * unnamed site of the CLI); releases it after.
	 */
	run: < T >(
		host: string,
		task: () => Promise< T >,
		signal?: AbortSignal,
		site?: string
	) => Promise< T >;
	/** How busy `host` is right now. */
	load: ( host: string ) => HostLoad;
}

export function createLimiter( options: LimiterOptions ): Limiter {
	const perSite = options.perSite ?? Infinity;
	const perSiteRate = options.perSiteRate ?? 0;
	if (
		options.perHost < 1 ||
		options.global < 1 ||
		perSite < 1 ||
		perSiteRate < 0 ||
		( options.perSiteBurst !== undefined && options.perSiteBurst < 1 )
	) {
		throw new RlgError(
			'ERR_INVALID_OPTION',
			'concurrency limits and bursts must be at least 1, rates at least 0'
		);
	}
	const global = new GlobalSlots( options.global, {
		perSite,
		perSiteRate,
		perSiteBurst:
			options.perSiteBurst ?? Math.max( 1, Math.ceil( perSiteRate * 2 ) ),
		now: options.now ?? Date.now,
	} );
	const hosts = new Map< string, HostSlots >();

	return {
		async run( host, task, signal, site = UNNAMED_SITE ) {
			let perHost = hosts.get( host );
			if ( ! perHost ) {
				perHost = new HostSlots( options.perHost );
				hosts.set( host, perHost );
			}
			try {
				await perHost.acquire( site, signal );
			} catch ( error ) {
				if ( perHost.idle ) {
					hosts.delete( host );
				}
				throw error;
			}
			try {
				await global.acquire( host, site, signal );
				try {
					return await task();
				} finally {
					global.release( host, site );
				}
			} finally {
				perHost.release( site );
				// Forget idle hosts so the map does not grow with every partner.
				if ( perHost.idle ) {
					hosts.delete( host );
				}
			}
		},
		load( host ) {
			return { waiting: hosts.get( host )?.waiting ?? 0 };
		},
	};
}
